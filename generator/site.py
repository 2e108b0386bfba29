"""Write the generated Markdown into docs/ and run the MkDocs build."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from . import index, render
from .pipeline import Archive

# What the generator owns inside docs/; everything else there is written by hand.
GENERATED = ("articles", "districts", "dates", "topics", "reporters", "people", "orgs", "index.md")


def docs_files(archive: Archive) -> dict[str, str]:
    articles = archive.articles
    urls = index.Urls(articles)
    files = {urls.article(a): render.article_page(a, index.Relative(urls, urls.article(a))) for a in articles}
    files |= index.pages(articles, urls)
    return files


def write_docs(archive: Archive, docs: Path) -> tuple[int, int]:
    """Write every generated file whose content changed; remove generated files no longer made.
    Unchanged files are not touched, so their mtimes (and MkDocs' dirty builds) keep."""
    files = docs_files(archive)
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
        stale = [p for p in ([root] if root.is_file() else root.rglob("*.md"))
                 if p.relative_to(docs).as_posix() not in files]
        for path in stale:
            path.unlink()
            removed += 1
    return written, removed


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_build(config: Path, site: Path) -> list[str]:
    """Run MkDocs; return its warnings (broken links, missing pages), which the caller reports."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        build(load_config(str(config), site_dir=str(site)))
    finally:
        logger.removeHandler(collect)
    return collect.messages
