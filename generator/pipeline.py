"""Pages in, articles out: the read → reassemble → extract stages over a folder of pages."""
from __future__ import annotations

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


def load(folder: Path | str, progress=None) -> Archive:
    """Every page of `folder`; a page that cannot be read is reported, and the rest go on."""
    reports, errors = [], []
    paths = page_paths(folder)
    for path in progress(paths) if progress else paths:
        try:
            reports.append(process(read_page(path)))
        except PageError as err:
            errors.append(err)
    return Archive(reports, errors)
