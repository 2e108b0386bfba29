"""Pages in, articles out: the read → reassemble → extract stages over a folder of pages."""
from __future__ import annotations

import functools
import hashlib
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from ..extract import bodies, jumps, people
from ..extract.article import draft_id, extract
from ..extract.model import Article, PageReport, report_from_json, report_to_json
from ..read.page import Page, PageError, admit, page_paths, read_archive_meta, read_page
from ..reassemble import frame, reassemble
from ..text import credits, vocabulary, words
from ..text.chars import compact, ends_sentence
from . import cache
from .corrections import CorrectionError, Corrections, apply_fields, apply_layout
from .files import die_with_parent


@dataclass
class Archive:
    pages: list[PageReport]
    errors: list[PageError]  # pages skipped, with the reason
    notices: list[str] = field(default_factory=list)  # for whoever builds: cache entries dropped

    @property
    def warnings(self) -> list[PageError]:
        return [w for report in self.pages for w in report.warnings]

    @property
    def articles(self) -> list[Article]:
        return [a for report in self.pages for a in report.articles]


def process(page: Page, corrections: Corrections = Corrections()) -> PageReport:
    layout = reassemble(page)
    page = frame.with_printed(page, layout.furniture)  # the day, 版次 and paper its own head prints
    applied: set[int] = set()
    if corrections.layout:
        ids = {i: draft_id(d, page) for i, d in enumerate(layout.articles)}
        applied = apply_layout(layout, page, corrections, ids)
    articles = extract(page, layout)
    warnings = list(page.warnings)
    if not any(a.kind in ("news", "brief") for a in articles):
        warnings.append(PageError(page.path, "no news article recognised; its lines are listed on its source page",
                                   reader="未识别出文章，各行列在版面原文页"))
    last = max((n for n, line in enumerate(page.lines, 1) if line.strip() and n not in layout.furniture), default=0)
    if last and not (ends_sentence(page.lines[last - 1]) or any(last in _headline_lines(a) for a in articles)
                     or credits.is_credit(page.lines[last - 1]) or credits.split_trailing(page.lines[last - 1])
                     or vocabulary.SOURCE_LINE.match(page.lines[last - 1].strip())):
        warnings.append(PageError(page.path, "the page ends in mid-sentence (truncated?)", last,
                                   reader="版面在句子中间结束（可能不完整）"))
    digest = hashlib.blake2b(compact("".join(page.lines)).encode("utf-8"), digest_size=12).hexdigest()
    # an editor who corrected the page has looked at it: its doubts are no longer listed
    doubts = [] if applied else layout.doubts
    return PageReport(page, articles, layout.furniture, layout.unplaced, warnings, digest, applied, doubts)


def _headline_lines(article: Article) -> set[int]:
    return {n for a, b in article.headline_lines for n in range(a, b + 1)}


def _process_path(page: tuple[Path, dict | None], corrections: Corrections, cache_dir: Path | None):
    """(cache key, the page's report) or (None, the error), for a page's path and what the archive's
    metadata file says of it. With a cache the report comes as it is stored (JSON, which loading
    cannot make run code): a page found there is neither read nor decoded here."""
    path, known = page
    try:
        admit(path)  # before anything reads the file (a FIFO would block; a link may lead out)
        key = cache.key(path, corrections, known) if cache_dir else None
        found = cache.get(cache_dir, key) if key else None
        if found is not None:
            return key, found
        report = process(read_page(path, known), corrections)
    except PageError as err:
        err.page = path.name  # the file at fault may be its sidecar: the page is what stays out
        return None, err
    except CorrectionError as err:
        return None, err
    if cache_dir is None:
        return None, report
    data = report_to_json(report)
    if key:
        cache.put(cache_dir, key, data)
    return key, data


def _decoded(result, key: str | None, page: tuple[Path, dict | None], corrections: Corrections,
             cache_dir: Path | None, notices: list[str]):
    if not isinstance(result, bytes):
        return result
    try:
        return report_from_json(result)
    except (ValueError, TypeError, KeyError, AttributeError) as err:  # damaged, or planted: made afresh
        if key:
            (cache_dir / key).unlink(missing_ok=True)
            notices.append(f"{cache_dir / key}: not a page's result ({type(err).__name__}); {page[0]} read afresh")
        return _process_path(page, corrections, None)[1]


def load(folder: Path | str, progress=None, workers: int | None = None,
         corrections: Corrections = Corrections(), cache_dir: Path | None = None,
         issued: dict[str, dict] | None = None, metadata: Path | None = None) -> Archive:
    """Every page of `folder`, read, reassembled and extracted in parallel processes (results
    come back in page order, so the output does not depend on the number of workers); a page
    that cannot be read is reported, and the rest go on. Editors' corrections are applied; one
    that applies nowhere raises CorrectionError. With `cache_dir`, each page's result is kept
    there, and found again while the page, its corrections and the code stay the same. `issued`
    (the id registry) settles which of two articles with the same opening keeps the published id.
    `metadata`: the archive's metadata file (read.read_archive_meta), where there is one."""
    paths = page_paths(folder)
    known = read_archive_meta(metadata, [p.name for p in paths]) if metadata else {}
    pages = [(path, known.get(path.name)) for path in paths]
    work = functools.partial(_process_path, corrections=corrections, cache_dir=cache_dir)
    workers = workers or os.cpu_count() or 1
    if workers > 1 and len(pages) >= 2 * workers:
        words.load_dictionaries()  # once, before the workers fork: they share them
        # concurrent.futures, not multiprocessing.Pool: a worker that dies (killed, out of memory)
        # breaks the pool and is raised here, where Pool.imap would wait for it for ever
        try:
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                                     initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
                results = pool.map(work, pages, chunksize=max(1, min(16, len(pages) // (8 * workers))))
                results = list(progress(results, len(pages)) if progress else results)
        except BrokenProcessPool:
            raise PageError(folder, "a process reading these pages died (killed, or out of memory?); nothing "
                            "was written") from None
    else:
        results = [work(p) for p in (progress(pages, len(pages)) if progress else pages)]
    if cache_dir:
        cache.prune(cache_dir, {key for key, _ in results if key})
    notices: list[str] = []
    results = [_decoded(r, key, page, corrections, cache_dir, notices) for (key, r), page in zip(results, pages)]
    for failed in (r for r in results if isinstance(r, CorrectionError)):
        raise failed
    errors = [r for r in results if isinstance(r, PageError)]
    read = [r for r in results if isinstance(r, PageReport)]
    # of two copies of a page, the published one is kept (else the first name), the other skipped
    published = {entry.get("source") for entry in (issued or {}).values()}
    keep = {}
    for report in sorted(read, key=lambda r: r.page.name not in published):
        keep.setdefault(report.digest, report.page.path)
    reports = [r for r in read if keep[r.digest] == r.page.path]
    errors += [PageError(r.page.path, f"the same page as {keep[r.digest].name}",
                         reader=f"与 {keep[r.digest].name} 是同一版面，未重复收录")
               for r in read if keep[r.digest] != r.page.path]
    _unique_ids(reports, issued or {})
    people.one_person_per_name([a for r in reports for a in r.articles])  # before an editor's corrections
    bodies.one_name_per_body([a for r in reports for a in r.articles])
    jumps.title_continuations([a for r in reports for a in r.articles])
    for article in (a for r in reports for a in r.articles):
        _share_strings(article)
    applied = set().union(*(r.corrections for r in reports))
    for item in corrections.layout:
        if item.line not in applied:
            target = item.data.get("merge") or item.data.get("split") or item.data.get("to") or \
                (item.data.get("furniture") or item.data.get("headline") or {}).get("page")
            raise item.error(f"applies to nothing in this archive ({target} not found)")
    apply_fields([a for r in reports for a in r.articles], corrections)
    return Archive(reports, sorted(errors, key=lambda e: str(e.path)), notices)


def _share_strings(article: Article) -> None:
    """One string object per name, place and keyword: each page comes back from its worker with
    its own copies, and 100,000 articles repeat them millions of times."""
    for name in ("reporters", "correspondents", "photographers", "persons", "organizations", "places", "topics",
                 "keywords"):
        setattr(article, name, [sys.intern(s) for s in getattr(article, name)])
    article.person_roles = {sys.intern(k): [sys.intern(r) for r in v] for k, v in article.person_roles.items()}
    for name in ("district", "district_full", "city", "source"):
        if getattr(article, name):
            setattr(article, name, sys.intern(getattr(article, name)))


def _unique_ids(reports: list[PageReport], issued: dict[str, dict]) -> None:
    """Two articles whose opening words are the same get -2, -3…: an id the registry issued stays
    with its article. First with the page it was issued to (a near-copy added under a name that
    sorts first takes no published URL); then, where that page is no longer in the archive (it was
    renamed), with the article of the same opening on another page, its title the same first. The
    rest get the first id free, in page order."""
    taken: set[str] = set()
    names = {report.page.name for report in reports}

    def variants(base: str):
        yield base
        k = 2
        while True:
            yield f"{base}-{k}"
            k += 1

    def issued_to(article: Article, source: str, fits) -> bool:
        for ident in variants(article.id):
            if ident not in issued:
                return False
            if ident not in taken and fits(issued[ident], source, article):
                article.id = ident
                taken.add(ident)
                return True

    steps = (lambda entry, source, a: entry.get("source") == source,  # where it was issued
             lambda entry, source, a: entry.get("source") not in names and entry.get("title") == a.title,
             lambda entry, source, a: entry.get("source") not in names)  # its page renamed, its title corrected
    unsettled = [(a, r.page.name) for r in reports for a in r.articles]
    for fits in steps:
        unsettled = [(a, source) for a, source in unsettled if not issued_to(a, source, fits)]
    for article, _ in unsettled:
        article.id = next(i for i in variants(article.id) if i not in taken and i not in issued)
        taken.add(article.id)
