"""What each article page and source view was made from, kept between builds: a build renders
again only the pages whose inputs changed.

A day's paper adds a dozen articles to an archive of 100,000; rendering every article page and
source view again, to find the few hundred that changed (the day's, their neighbours, the pages
whose names gained a page of their own), was most of a daily build's time. A page's key is a hash
of everything its Markdown is made from: the article (or page report) itself, its neighbours and
related articles, its addresses, what the site says of each of its names (whether the name has a
page, and its slug), and the rendering code. A page whose key is the one recorded, and whose file
is the one recorded (size and modification time: a file edited or removed by hand is made again),
is not rendered; so a build with the record writes the files a build without it writes.
"""
from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import pickle
import functools
from importlib import metadata
from pathlib import Path

from ..archive import cache

NAME = "rendered.json"  # in the page cache's folder: kept, and dropped, with it; JSON, which loading cannot make run code
LIBRARIES = ("Jinja2", "MarkupSafe")


@functools.cache
def code_version() -> bytes:
    """The generator's code, templates and data, and the template engine's version: any change
    renders every page again."""
    digest = hashlib.blake2b(digest_size=16)
    for path in sorted(p for p in cache.PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(path.relative_to(cache.PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}\0".encode())
    return digest.digest()


def report_key(report) -> bytes:
    """A page of the archive's key: its report's fields pickled (its page's text and every field
    of its articles; not what a cached property of the page has kept) and hashed with the code.
    The same values may pickle differently (shared objects), which only renders a page again;
    different values never pickle the same."""
    state = [getattr(report, f.name) for f in dataclasses.fields(report) if f.name != "page"]
    state += [getattr(report.page, f.name) for f in dataclasses.fields(report.page)]
    return hashlib.blake2b(pickle.dumps(state, pickle.HIGHEST_PROTOCOL), digest_size=16, key=code_version()).digest()


def article_key(report_key: bytes, n: int, *inputs) -> bytes:
    """The key of the page of the report's n-th article, with what else it is made from (small
    values: neighbours, related articles, its names' facts, the site's address) by their repr."""
    return hashlib.blake2b(repr((n, inputs)).encode("utf-8"), digest_size=16, key=report_key).digest()


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return stat.st_size, stat.st_mtime_ns


class Record:
    """{docs path: (key, (size, mtime))} of the pages a build rendered or found unchanged."""

    def __init__(self, path: Path | None, docs: Path):
        self.path, self.docs, self.entries = path, docs, {}
        if path is None:
            return
        try:
            saved = json.loads(cache.get(path.parent, path.name))
            if saved["docs"] == str(docs.resolve()):  # another docs folder's record says nothing of this one
                self.entries = {str(rel): (bytes.fromhex(key), tuple(map(int, stamp)) if stamp else None)
                                for rel, (key, stamp) in saved["entries"].items()}
        except (TypeError, ValueError, KeyError, AttributeError):  # none yet, or damaged: every page is rendered
            self.entries = {}

    def unchanged(self, rel: str, page_key: bytes) -> bool:
        entry = self.entries.get(rel)
        return entry is not None and entry[0] == page_key and entry[1] is not None and entry[1] == _stamp(self.docs / rel)

    def save(self, kept: dict[str, tuple[bytes, tuple[int, int] | None]]) -> None:
        """Keep `kept` for the next build, written whole or not at all (a build that dies keeps the
        last record, whose stamps then fail to match the files it rewrote), as the page cache keeps
        a page's result."""
        if self.path is not None:
            entries = {rel: [key.hex(), stamp] for rel, (key, stamp) in kept.items()}
            cache.put(self.path.parent, self.path.name,
                      json.dumps({"docs": str(self.docs.resolve()), "entries": entries}).encode("utf-8"))


def entry(docs: Path, rel: str, page_key: bytes) -> tuple[str, tuple[bytes, tuple[int, int] | None]]:
    """What to record of a page just written or found the same on disk."""
    return rel, (page_key, _stamp(docs / rel))
