"""Write the generated files into docs/ and run the MkDocs build."""
from __future__ import annotations

import functools
import gzip
import logging
import multiprocessing
import multiprocessing.forkserver
import os
import pickle
import shutil
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from ..archive import registry
from ..archive.files import die_with_parent, replaced_whole
from ..index import feeds, issues, listings as index, onthisday, related, sources
from ..render import markdown as render, record as rendered
from ..search import index as search

if TYPE_CHECKING:  # the pipeline (jieba, scipy) is not imported where pages are only rendered
    from ..archive.pipeline import Archive

# What the generator owns inside docs/; everything else there is written by hand.
GENERATED = ("articles", "districts", "dates", "topics", "reporters", "people", "orgs", "pages", "feeds", "data",
             "search", onthisday.FOLDER, issues.FOLDER, "index.md")


def write_docs(archive: Archive, docs: Path, site_url: str = "", registry_path: Path | None = None,
               download: str | None = None, workers: int | None = None, cache: Path | None = None,
               issued: dict[str, dict] | None = None) -> tuple[int, int]:
    """Write every generated file whose content changed; remove generated files no longer made.
    Unchanged files are not touched, so their mtimes (and MkDocs' dirty builds) keep. Files are
    written as they are made, never all held at once: an archive's pages do not fit in memory
    twice. Article pages, source views and the search index, the bulk, are made by worker
    processes while this one makes the rest. `download`: the offline copy's address, for the home
    page. `cache`: a folder kept between builds, where what each article page and source view was
    made from (generator/render/record.py) and the search index's chunks are kept, so a build renders
    and indexes only what changed. `issued`: the registry at `registry_path`, where the caller has
    loaded it already."""
    ids = issued if issued is not None else registry.load(registry_path) if registry_path else {}
    ids = registry.update(ids, archive.articles)
    if registry_path:
        registry.save(registry_path, ids)
    site_url = site_url.rstrip("/") + "/" if site_url else ""
    urls = index.Urls(archive.articles)
    made = {urls.source(r.page.name) for r in archive.pages} | {urls.article(a) for a in archive.articles}
    added = {ident: entry["added"] for ident, entry in ids.items() if entry.get("added")}
    kept = rendered.Record(cache / rendered.NAME if cache else None, docs)
    with _in_background(archive, urls, site_url, docs, workers, registry.issued(ids), kept, cache, download) as background:
        written = 0
        for rel, content in _other_files(archive, urls, site_url, ids, added):
            written += _write(docs, rel, content)
            made.add(rel)
        background_written, background_files, entries = background()
    written += background_written
    made.update(background_files)
    kept.save(entries)
    removed = 0
    for top in GENERATED:
        root = docs / top
        stale = [p for p in ([root] if root.is_file() else root.rglob("*")) if p.is_file()
                 and p.relative_to(docs).as_posix() not in made]
        for path in stale:
            path.unlink()
            removed += 1
    return written, removed


SEARCH_CHUNKS = "search"  # in the cache folder: each chunk of the search index's postings (search._chunk)


def _write(docs: Path, rel: str, content: str | bytes) -> bool:
    path = docs / rel
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


_shared: tuple = ()  # what a worker of _in_background works with: urls, site URL, docs folder


def _share(*context) -> None:
    global _shared
    _shared = context


def _start_worker(build: int, *context) -> None:
    die_with_parent(build)
    _share(*context)


@contextmanager
def _in_background(archive: Archive, urls: index.Urls, site_url: str, docs: Path, workers: int | None,
                   issued: dict[str, tuple[str, int]], kept: rendered.Record, cache: Path | None, download: str | None):
    """The search index, the related articles and the index pages (a task each), and the article
    pages and source views (a page of the archive a task), made and written by worker processes
    while the caller makes the rest; yields a function that waits for them and returns how many
    files changed, the search and index files' paths and what to record of the article pages and
    source views. The related articles and the index pages are sent the articles without their
    text, which they do not use. `issued`: when each id was issued (registry.issued), which numbers
    the articles in the search index. A page whose inputs are those `kept` records is not rendered,
    nor sent. The workers come from a fork server, not from this process: a fork of it would copy,
    page by page as they are touched, the whole archive it holds; the tasks bring what they need,
    pickled."""
    entries: dict[str, tuple] = {}

    def tasks(close):  # the pages to render, a page of the archive at a time
        nearby = index.around(archive.articles)
        jumped = related.continued(archive.articles)  # (needs the texts: here, not in a worker)
        for report in archive.pages:
            whole = rendered.report_key(report)  # its articles are in it
            pages = [("source", urls.source(report.page.name), whole, report)]
            for n, a in enumerate(report.articles):
                continuations = jumped.get(a.id, [])  # first, and not again among the related by words
                listed = {r.id for r in continuations}
                links = nearby[a.id], continuations + [r for r in close.get(a.id, []) if r.id not in listed]
                day = issued.get(a.id, ("",))[0]  # the sitemap's lastmod: the day it entered the archive
                pages.append(("article", urls.article(a), rendered.article_key(whole, n, *links, urls.facts(a), site_url, day),
                              (a, *links, day)))
            todo = []
            for page in pages:
                if kept.unchanged(page[1], page[2]):
                    entries[page[1]] = kept.entries[page[1]]
                else:
                    todo.append(page)
            if todo:
                yield todo

    def finished(results) -> int:
        written = 0
        for count, records in results:
            written += count
            entries.update(records)
        return written

    workers = workers or os.cpu_count() or 1
    if not _in_parallel(len(archive.pages), workers):
        def finish():
            written, paths = _write_search(search.entries(archive.articles, issued), cache)
            index_written, index_paths = _write_index(archive.articles, download)
            render_written = finished(map(_render, tasks(related.related(archive.articles))))
            return written + index_written + render_written, paths + index_paths, entries

        _share(urls, site_url, docs)
        try:
            yield finish
        finally:
            _share()
        return
    context = _writers()
    # concurrent.futures: a worker that dies (killed, out of memory) breaks the pool and is raised
    # (BrokenProcessPool), where multiprocessing.Pool would wait for its result for ever
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(os.getpid(), urls, site_url, docs)) as pool:
        # the longest first; the articles without their text pickled once for the two tasks that read them
        slim = pickle.dumps(list(map(index.without_text, archive.articles)), pickle.HIGHEST_PROTOCOL)
        indexed = pool.submit(_write_index, slim, download)
        close = pool.submit(_related, slim)
        del slim
        searched = pool.submit(_write_search, search.entries(archive.articles, issued), cache)

        def finish():  # the pages to render are known once the related articles are
            render_written = finished(pool.map(_render, list(tasks(close.result())), chunksize=8))
            (searched_written, paths), (index_written, index_paths) = searched.result(), indexed.result()
            return render_written + searched_written + index_written, paths + index_paths, entries

        yield finish


def _in_parallel(pages: int, workers: int) -> bool:
    """Whether _in_background writes with worker processes: not for a handful of pages."""
    return workers >= 2 and pages >= 2 * workers


def _writers() -> multiprocessing.context.BaseContext:
    """Where the writers of _in_background come from: a fork server that has imported this module."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    return context


def start_writers(pages: int) -> None:
    """Start the writers' fork server now, while the archive's `pages` are read: its imports take a
    second or two, which the build would otherwise wait for between reading them and writing."""
    if _in_parallel(pages, os.cpu_count() or 1):
        _writers()
        multiprocessing.forkserver.ensure_running()


def _write_search(entries: list[search.Entry], cache: Path | None) -> tuple[int, list[str]]:
    docs = _shared[2]
    written, made = 0, []
    for rel, content in search.build(entries, cache / SEARCH_CHUNKS if cache else None):
        written += _write(docs, rel, content)
        made.append(rel)
    return written, made


def _related(articles: bytes) -> dict[str, list[related.Related]]:
    return related.related(pickle.loads(articles))


def _write_index(articles: bytes | list, download: str | None) -> tuple[int, list[str]]:
    """The index pages, of the articles (or the articles pickled)."""
    urls, _, docs = _shared
    articles = pickle.loads(articles) if isinstance(articles, bytes) else articles
    written, made = 0, []
    for rel, content in index.pages(articles, urls, download).items():
        written += _write(docs, rel, content)
        made.append(rel)
    return written, made


def permalink(site_url: str, article) -> str:
    return f"{site_url}articles/{article.id}/"


def _render(pages: list[tuple[str, str, bytes, object]]) -> tuple[int, list]:
    """Render and write article pages and source views of one page of the archive, as (kind,
    docs path, key, inputs): an article's inputs are (article, previous and next, related), a
    source view's the page's report. Returns how many files changed and what to record."""
    urls, site_url, docs = _shared
    written, records = 0, []
    for kind, path, page_key, inputs in pages:
        if kind == "article":
            a, around, close, day = inputs
            rel = index.Relative(urls, path)
            first = min(r[0] for r in a.headline_lines + a.body_lines)  # the source view opens at the article
            content = render.article_page(a, rel, permalink(site_url, a), around, f"{rel.source(a.source)}#L{first}", close,
                                          added=day)
        else:
            content = sources.page_view(inputs, urls)
        written += _write(docs, path, content)
        records.append(rendered.entry(docs, path, page_key))
    return written, records


def _gzipped(text: str) -> bytes:
    """A download compressed (a seventh of its bytes: it grows with the archive), with no time or
    file name in its header: the same bytes on every build."""
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def _other_files(archive: Archive, urls: index.Urls, site_url: str, ids: dict[str, dict],
                 added: dict[str, str]) -> Iterator[tuple[str, str | bytes]]:
    """Downloads, redirects, feeds and the rest, as (docs path, text or bytes). The large
    transient (the downloads' text) comes first, while memory is lowest."""
    articles = archive.articles
    link_of = functools.partial(permalink, site_url)

    # the records are made twice rather than held: 100,000 of them take more memory than the time
    yield "data/articles.jsonl.gz", _gzipped(feeds.jsonl(feeds.records(articles, link_of)))
    yield "data/articles.csv.gz", _gzipped(feeds.csv_text(feeds.records(articles, link_of)))

    page_names = {report.page.name for report in archive.pages}
    for old, target in registry.redirects(ids, articles).items():
        yield f"articles/{old}.md", render.moved_page(old, target, index.Relative(urls, f"articles/{old}.md"),
                                                       ids[old], page_names)
    yield from onthisday.files(articles).items()
    yield "pages/index.md", sources.index_page(archive.pages, urls, archive.errors, archive.warnings)
    yield from issues.pages(archive.pages, urls).items()
    yield "feeds/all.xml", feeds.atom(articles, "地方报纸档案：最新报道", f"{site_url}feeds/all.xml", site_url, link_of,
                                      added)
    by_district = defaultdict(list)
    for a in articles:
        if a.district:
            by_district[a.district_label].append(a)
    for district in sorted(by_district):
        feed = urls.feed(district)
        yield feed, feeds.atom(by_district[district], f"地方报纸档案：{district}", f"{site_url}{feed}", site_url, link_of,
                               added)


PLACEHOLDER_URL = "https://example.github.io/archive/"  # mkdocs.yml's site_url where SITE_URL is not set


def site_url(config: Path) -> str:
    from mkdocs.config import load_config

    return load_config(str(config)).site_url or ""


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def mkdocs_build(config: Path, site: Path, use_directory_urls: bool = True, dirty: bool = False,
                 workers: int | None = None, docs: Path | None = None, shard: tuple[int, int] | None = None,
                 place: dict[str, Path] | None = None) -> list[str]:
    """Run MkDocs, its pages rendered on every core; return its warnings (broken links, missing
    pages), which the caller reports. Without directory URLs every link names a file, as a copy
    opened from disk needs. A full build renders into a folder of its own and swaps it in whole, so a
    build that dies leaves the last good site; a dirty build renders only pages whose Markdown is
    newer than the site (write_docs keeps mtimes), in place, and removes what a full build would
    not write (a config whose site cannot be built in place is built afresh). `shard` (K, N): only
    the K-th of N shares of the site (generator/site/shards.py merges them). `place`: files put
    into the site (its path → the file) before it is swapped in, so the site never links one
    missing."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config

    from .parallel_mkdocs import build, in_place

    collect = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collect)
    try:
        # the docs the generator wrote (--docs), not whatever folder the config names
        settings = {"use_directory_urls": use_directory_urls, **({"docs_dir": str(docs)} if docs else {})}
        if dirty and site.is_dir() and in_place(load_config(str(config), **settings)):
            # renders into the site in place: only what changed, so no copy to swap in
            build(load_config(str(config), site_dir=str(site), **settings), dirty, workers, shard)
            _place(site, place or {})
        else:
            with replaced_whole(site) as staging:
                build(load_config(str(config), site_dir=str(staging), **settings), False, workers, shard)
                _place(staging, place or {})
    finally:
        logger.removeHandler(collect)
    return collect.messages


def _place(site: Path, files: dict[str, Path]) -> None:
    for rel, source in files.items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(f".{target.name}.partial")
        shutil.copyfile(source, partial)
        partial.replace(target)  # in a site built in place, never half a file at the address it links
