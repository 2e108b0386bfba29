"""Write the generated files into docs/ and run the MkDocs build."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from . import feeds, index, offline, registry, render, search, sources
from .pipeline import Archive

# What the generator owns inside docs/; everything else there is written by hand.
GENERATED = ("articles", "districts", "dates", "topics", "reporters", "people", "orgs", "pages", "feeds", "data",
             "search", "index.md")


def docs_files(archive: Archive, site_url: str, ids: dict[str, dict], offline_download: bool = False) -> dict[str, str]:
    """Every generated file, as {docs path: text}."""
    articles = archive.articles
    urls = index.Urls(articles)
    site_url = site_url.rstrip("/") + "/" if site_url else ""

    def permalink(article) -> str:
        return f"{site_url}articles/{article.id}/"

    nearby = index.around(articles)
    files = {}
    for a in articles:
        path = urls.article(a)
        rel = index.Relative(urls, path)
        files[path] = render.article_page(a, rel, permalink(a), nearby[a.id], rel.source(a.source))
    page_names = {report.page.name for report in archive.pages}
    for old, target in registry.redirects(ids, articles).items():
        files[f"articles/{old}.md"] = render.moved_page(old, target, index.Relative(urls, f"articles/{old}.md"),
                                                         ids[old], page_names)
    download = f"{site_url}{offline.PUBLISHED}" if offline_download else None
    files |= index.pages(articles, urls, download)
    for report in archive.pages:
        files[urls.source(report.page.name)] = sources.page_view(report, urls)
    files["pages/index.md"] = sources.index_page(archive.pages, urls, archive.errors, archive.warnings)
    files["feeds/all.xml"] = feeds.atom(articles, "地方报纸档案：最新报道", f"{site_url}feeds/all.xml", site_url, permalink)
    for district in sorted({a.district for a in articles if a.district}):
        name = urls.district(district).removeprefix("districts/").removesuffix(".md")
        files[f"feeds/{name}.xml"] = feeds.atom([a for a in articles if a.district == district], f"地方报纸档案：{district}",
                                               f"{site_url}feeds/{name}.xml", site_url, permalink)
    rows = feeds.records(articles, permalink)
    files["data/articles.jsonl"] = feeds.jsonl(rows)
    files["data/articles.csv"] = feeds.csv_text(rows)
    files |= search.build(articles)
    return files


def write_docs(archive: Archive, docs: Path, site_url: str = "", registry_path: Path | None = None,
               offline_download: bool = False) -> tuple[int, int]:
    """Write every generated file whose content changed; remove generated files no longer made.
    Unchanged files are not touched, so their mtimes (and MkDocs' dirty builds) keep."""
    ids = registry.load(registry_path) if registry_path else {}
    ids = registry.update(ids, archive.articles)
    if registry_path:
        registry.save(registry_path, ids)
    files = docs_files(archive, site_url, ids, offline_download)
    written = 0
    for rel, content in sorted(files.items()):
        path = docs / rel
        data = content.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += 1
    removed = 0
    for top in GENERATED:
        root = docs / top
        stale = [p for p in ([root] if root.is_file() else root.rglob("*")) if p.is_file()
                 and p.relative_to(docs).as_posix() not in files]
        for path in stale:
            path.unlink()
            removed += 1
    return written, removed


def site_url(config: Path) -> str:
    from mkdocs.config import load_config

    return load_config(str(config)).site_url or ""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_build(config: Path, site: Path, use_directory_urls: bool = True, dirty: bool = False) -> list[str]:
    """Run MkDocs; return its warnings (broken links, missing pages), which the caller reports.
    Without directory URLs every link names a file, as a copy opened from disk needs. A dirty
    build renders only pages whose Markdown is newer than the site (write_docs keeps mtimes)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        build(load_config(str(config), site_dir=str(site), use_directory_urls=use_directory_urls), dirty=dirty)
    finally:
        logger.removeHandler(collect)
    return collect.messages
