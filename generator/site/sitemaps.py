"""An MkDocs plugin (`archive-sitemaps` in mkdocs.yml, registered in pyproject.toml): the sitemap
split as the protocol asks once an archive outgrows one file.

A sitemap file lists at most 50,000 URLs (sitemaps.org); a decade of a city daily has about three
times as many pages, and a search engine ignores a sitemap past the limit. Past it, the pages'
`<url>` entries MkDocs wrote into sitemap.xml (overrides/sitemap.xml) go, in their order, into
sitemap-1.xml, sitemap-2.xml …, and sitemap.xml (and MkDocs' sitemap.xml.gz, with the time MkDocs
gave it) becomes their sitemap index. A smaller site keeps MkDocs' sitemap untouched.
"""
from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

from mkdocs.plugins import BasePlugin

MAX_URLS = 50_000  # the protocol's limit on the URLs of one sitemap file
_URL = re.compile(r"<url>.*?</url>", re.S)
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_PART = re.compile(r"sitemap-\d+\.xml")


def split(site: Path, site_url: str) -> int:
    """Split `site`'s sitemap.xml into parts of at most MAX_URLS URLs under an index; return the
    number of parts (0: it was small enough and is left as it is). Parts of an earlier, larger
    build that this one does not make are removed."""
    sitemap = site / "sitemap.xml"
    urls = _URL.findall(sitemap.read_text(encoding="utf-8")) if sitemap.exists() else []
    parts = [urls[i:i + MAX_URLS] for i in range(0, len(urls), MAX_URLS)] if len(urls) > MAX_URLS else []
    names = [f"sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    for stale in site.glob("sitemap-*.xml"):
        if _PART.fullmatch(stale.name) and stale.name not in names:
            stale.unlink()
    if not parts:
        return 0
    namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    for name, part in zip(names, parts):
        (site / name).write_text(f"{_HEAD}<urlset {namespace}>\n" + "\n".join(part) + "\n</urlset>\n",
                                 encoding="utf-8")
    base = site_url.rstrip("/") + "/"
    index = f"{_HEAD}<sitemapindex {namespace}>\n" + "".join(
        f"<sitemap><loc>{base}{name}</loc></sitemap>\n" for name in names) + "</sitemapindex>\n"
    sitemap.write_text(index, encoding="utf-8")
    packed = site / "sitemap.xml.gz"
    if packed.exists():
        with gzip.open(packed) as old:  # keep the time MkDocs wrote into the header: same input, same bytes
            old.read(1)
            mtime = old.mtime
        buffer = io.BytesIO()
        with gzip.GzipFile(fileobj=buffer, filename="sitemap.xml", mode="wb", mtime=mtime) as out:
            out.write(index.encode("utf-8"))
        packed.write_bytes(buffer.getvalue())
    return len(parts)


class SitemapIndex(BasePlugin):
    PAGE_LOCAL = True  # no page events at all: generator/site/parallel_mkdocs.py may render pages in workers

    def on_post_build(self, config, **kwargs) -> None:
        split(Path(config.site_dir), config.site_url or "")
