"""The offline copy: the site built with file links, zipped so it opens from disk."""
from __future__ import annotations

import zipfile
from pathlib import Path

FOLDER = "archive-offline"  # the folder the zip unpacks to
PUBLISHED = "downloads/archive-offline.zip"  # where the online site offers it


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

