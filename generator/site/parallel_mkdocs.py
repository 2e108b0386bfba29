"""MkDocs' own build, with its page loop shared between processes.

MkDocs renders pages one after another on one core (about 19 ms a page with Material), and an
archive has tens of thousands. Everything around the page loop (files, navigation, theme, static
files, 404 page, sitemap) runs once, as MkDocs runs it; then forked workers each read, render and
write a share of the pages with MkDocs' own `_populate_page` and `_build_page`. Without plugins
and anchor validation a page's HTML depends only on itself, the file list and the navigation (whose
pages are read first, in the parent), so the site is byte for byte the one `mkdocs build` writes
(tests/test_build.py). A config that keeps whole-site state across pages falls back to MkDocs' build.
With `shard` (K, N) only the K-th of N disjoint shares of the pages and static files is written,
chosen by a hash of each file's path: N machines each build one, and generator/site/shards.py merges
them into the site one build writes (tested).

Plugins run at the points MkDocs runs them, as long as each is page-local (its page events keep
nothing from one page to the next: the plugin says so with `PAGE_LOCAL = True`, or is named in
PAGE_LOCAL_PLUGINS). The private functions are those of the pinned mkdocs 1.6.1.
"""
from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor

from mkdocs import utils
from mkdocs.commands import build as mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from ..archive.files import die_with_parent

PAGE_LOCAL_PLUGINS = {"minify_html"}  # installed plugins known to transform each page on its own
CHUNK = 64  # pages a task: small enough to balance the workers, large enough to be cheap to hand out
_state: tuple = ()  # what the forked workers inherit: config, files, navigation, theme environment


def build(config: MkDocsConfig, dirty: bool = False, workers: int | None = None,
          shard: tuple[int, int] | None = None) -> None:
    """Build the site; `dirty`: in place, rendering only what changed, and removing what a full
    build would not write (only where `in_place(config)`: the caller builds afresh otherwise)."""
    workers = workers or os.cpu_count() or 1
    if not in_place(config):
        if shard or dirty:
            raise ValueError("a sharded or dirty build needs page-local plugins and no anchor validation")
        return mkdocs.build(config)
    if workers < 2 and not shard and not dirty:
        return mkdocs.build(config, dirty=dirty)
    try:
        _build(config.plugins.on_config(config), dirty, workers, shard)
    except Exception as err:
        config.plugins.on_build_error(error=err)
        raise


def in_place(config: MkDocsConfig) -> bool:
    """Whether this config's site can be built in shards, or dirty: its plugins are page-local and
    nothing checks anchors across pages."""
    return (all(map(_page_local, config.plugins.items())) and not config.strict
            and config.validation.links.anchors <= logging.DEBUG)


def _page_local(item) -> bool:
    name, plugin = item
    return name in PAGE_LOCAL_PLUGINS or getattr(plugin, "PAGE_LOCAL", False)


def in_shard(path: str, shard: tuple[int, int] | None) -> bool:
    """Whether the file at `path` (under docs/ or the theme) is in shard K of N (1-based)."""
    if not shard:
        return True
    k, n = shard
    return int.from_bytes(hashlib.blake2b(path.encode(), digest_size=8).digest(), "big") % n == k - 1


def _build(config: MkDocsConfig, dirty: bool, workers: int, shard: tuple[int, int] | None) -> None:
    plugins = config.plugins
    plugins.on_pre_build(config=config)
    before = _written(config.site_dir) if dirty else {}
    if not dirty:
        utils.clean_directory(config.site_dir)
    files = mkdocs.get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = plugins.on_files(files, config=config)
    mkdocs.set_exclusions(files, config)
    nav = plugins.on_nav(mkdocs.get_navigation(files, config), config=config, files=files)
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    for file in doc_files:
        if file.page is None:
            Page(None, file, config)
    for page in nav.pages:  # every page shows their titles
        if dirty and not page.file.is_modified():
            page.read_source(config)  # not rendered again, but its title stands in every page's navigation
        else:
            mkdocs._populate_page(page, config, files, dirty)
    env = plugins.on_env(env, config=config, files=files)
    for file in files:
        if not file.is_documentation_page() and file.inclusion.is_included() and in_shard(file.src_uri, shard):
            file.copy_file(dirty)

    global _state
    mine = [file for file in doc_files if in_shard(file.src_uri, shard)]
    _state = (config, files, nav, env, mine, dirty)
    # the pages other shards write: whether each is one left at an old address, and an article's
    # day in the archive, for the sitemap
    others = {file.src_uri: _front(file) for file in doc_files if not in_shard(file.src_uri, shard)}
    moved = {uri for uri, (left, _) in others.items() if left}
    dated = {uri: day for uri, (_, day) in others.items() if day}
    try:
        # concurrent.futures: a worker that dies breaks the pool and is raised, never waited for
        with ProcessPoolExecutor(min(workers, -(-len(mine) // CHUNK) or 1),
                                 mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            for records, left, days in pool.map(_build_pages, range(0, len(mine), CHUNK)):
                for name, level, message in records:  # the workers' warnings, in page order
                    logging.getLogger(name).log(level, message)
                moved.update(left)
                dated.update(days)
    finally:
        _state = ()
    # The sitemap and the 404 page last, as the workers read the pages: the sitemap leaves out the
    # pages left at old addresses (front matter `moved`) and dates the articles (`added`), which
    # only a worker has read.
    for file in doc_files:
        if file.src_uri in moved:
            file.page.meta = {**(file.page.meta or {}), "moved": True}
        if file.src_uri in dated:
            file.page.meta = {**(file.page.meta or {}), "added": dated[file.src_uri]}
    for template in config.theme.static_templates:
        mkdocs._build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        mkdocs._build_extra_template(template, files, config, nav)
    plugins.on_post_build(config=config)
    if dirty:
        made = {os.path.normpath(f.abs_dest_path) for f in files if f.inclusion.is_included()}
        _remove_stale(os.path.normpath(config.site_dir), made, before)


def _written(site: str) -> dict[str, int]:
    """Every file of the site and when it was last written."""
    return {os.path.join(root, name): os.stat(os.path.join(root, name)).st_mtime_ns
            for root, _, names in os.walk(os.path.normpath(site)) for name in names}


def _remove_stale(site: str, made: set[str], before: dict[str, int]) -> None:
    """After a dirty build, what a full build would not have written: files of pages and static
    files no longer in docs/ (a removed page's article, source view, name pages, search shard),
    neither in the file list nor written by this build (the theme's templates and the plugins'
    files are written afresh every build)."""
    for path, written in _written(site).items():
        if path not in made and before.get(path) == written:
            os.unlink(path)
    for root, _, _ in sorted(os.walk(site), reverse=True):  # the deepest folders first
        if root != site and not os.listdir(root):
            os.rmdir(root)


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


_ADDED = re.compile(rb'\nadded: "(\d{4}-\d{2}-\d{2})"\n')


def _front(file) -> tuple[bool, str | None]:
    """A page this process does not read: its front matter's first lines say whether it is one
    left at an old address (templates/moved.md.j2), and an article's day in the archive."""
    with open(file.abs_src_path, "rb") as f:
        head = f.read(512)
    day = _ADDED.search(head)
    return b"\nmoved: true\n" in head, day.group(1).decode() if day else None


def _build_pages(start: int) -> tuple[list[tuple[str, int, str]], list[str], list[tuple[str, str]]]:
    """In a worker: render and write pages start … start + CHUNK - 1; return what MkDocs logged,
    which of them are pages left at an old address, and each article's day in the archive."""
    config, files, nav, env, doc_files, dirty = _state
    logger = logging.getLogger("mkdocs")
    capture, handlers, propagate = _Capture(), logger.handlers, logger.propagate
    logger.handlers, logger.propagate = [capture], False  # the parent logs them, once, through its handlers
    nav_pages = set(map(id, nav.pages))
    moved, dated = [], []
    try:
        for file in doc_files[start:start + CHUNK]:
            page = file.page
            if page.markdown is None:
                mkdocs._populate_page(page, config, files, dirty)
            mkdocs._build_page(page, config, doc_files, nav, env, dirty)
            # a dirty build reads no page it does not render: those say it in their first lines
            meta = page.meta or {}
            left, day = _front(file) if page.markdown is None else (meta.get("moved"), meta.get("added"))
            if left:
                moved.append(file.src_uri)
            if day:
                dated.append((file.src_uri, str(day)))
            if id(page) not in nav_pages:  # keep the worker's memory flat: nothing reads the page again
                page.markdown = page.content = page.present_anchor_ids = page.links_to_anchors = None
                page.meta, page.toc = {}, []
    finally:
        logger.handlers, logger.propagate = handlers, propagate
    return capture.records, moved, dated
