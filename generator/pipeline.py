"""Pages in, articles out: the read → reassemble → extract stages over a folder of pages."""
from __future__ import annotations

import multiprocessing
import os
from dataclasses import dataclass, field
from pathlib import Path

from .extract.article import extract
from .model import Article
from .read import Page, PageError, page_paths, read_page
from .reassemble import reassemble


@dataclass
class PageReport:
    """What became of one page: its articles, and every line not placed in one."""

    page: Page
    articles: list[Article]
    furniture: list[int] = field(default_factory=list)
    unplaced: list[int] = field(default_factory=list)


@dataclass
class Archive:
    pages: list[PageReport]
    errors: list[PageError]

    @property
    def articles(self) -> list[Article]:
        return [a for report in self.pages for a in report.articles]


def process(page: Page) -> PageReport:
    layout = reassemble(page)
    return PageReport(page, extract(page, layout), layout.furniture, layout.unplaced)


def _process_path(path: Path) -> PageReport | PageError:
    try:
        return process(read_page(path))
    except PageError as err:
        return err


def load(folder: Path | str, progress=None, workers: int | None = None) -> Archive:
    """Every page of `folder`, read, reassembled and extracted in parallel processes (results
    come back in page order, so the output does not depend on the number of workers); a page
    that cannot be read is reported, and the rest go on."""
    paths = page_paths(folder)
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(paths) >= 2 * workers:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            results = pool.imap(_process_path, paths, chunksize=max(1, min(16, len(paths) // (8 * workers))))
            results = list(progress(results, len(paths)) if progress else results)
    else:
        results = [_process_path(p) for p in (progress(paths, len(paths)) if progress else paths)]
    reports = [r for r in results if isinstance(r, PageReport)]
    _unique_ids(reports)
    return Archive(reports, [r for r in results if isinstance(r, PageError)])


def _unique_ids(reports: list[PageReport]) -> None:
    """Two articles whose opening words are the same get -2, -3… in page order."""
    seen: set[str] = set()
    for report in reports:
        for article in report.articles:
            base, k = article.id.split("-")[0], 2
            while article.id in seen:
                article.id, k = f"{base}-{k}", k + 1
            seen.add(article.id)
