"""The offline copy: the site built with file links, zipped so it opens from disk."""
from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

FOLDER = "archive-offline"  # the folder the zip unpacks to
PUBLISHED = "downloads/archive-offline.zip"  # where the online site offers it


CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]*)(")')


def online_canonicals(site: Path) -> None:
    """The offline copy's pages name the online page as canonical: MkDocs derives the canonical
    link from the copy's file links (articles/x.html), an address that exists nowhere online
    (articles/x/ does)."""
    for path in site.rglob("*.html"):
        if path.relative_to(site).as_posix() == "404.html":  # online too at 404.html
            continue
        text = path.read_text(encoding="utf-8")
        fixed = CANONICAL.sub(lambda m: m.group(1) + _online(m.group(2)) + m.group(3), text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")


def _online(url: str) -> str:
    if url.endswith("index.html"):
        return url[:-len("index.html")]
    return url[:-len(".html")] + "/" if url.endswith(".html") else url


def zip_site(site: Path, out: Path) -> None:
    """A zip of `site` under one folder; fixed timestamps and order, so the same site gives the same bytes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    tmp.replace(out)  # a half-written zip never replaces a good one


def publish(zip_path: Path, site: Path) -> Path:
    target = site / PUBLISHED
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(zip_path, target)
    return target
