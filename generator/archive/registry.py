"""Permanent article ids.

Every id ever issued is kept in a registry file beside the raw pages (`archive/ids.jsonl`: an id
a line, sorted, so a change is a one-line diff), committed with them. An id follows its article's
text, not its file's name: a renamed page keeps its ids (archive.pipeline._unique_ids). An id that
no longer names an article (its opening text was corrected, or the parser moved its start) points
to the article that now holds most of its lines, and the build writes a redirect page at the old
address; if nothing holds them, a notice page. Each id also records the day it was issued (`added`): the day
its article entered the archive, which the feeds give as the entry's `updated`; and its `serial`, how
many ids were issued before it, which numbers it in the search index.
"""
from __future__ import annotations

import datetime
import json
import os
from pathlib import Path

from ..extract.model import Article
from ..read.page import PageError
from .files import write_atomically


def load(path: Path) -> dict[str, dict]:
    """The registry; JSON lines, because 100,000 ids load in a fraction of a second (YAML: half a minute)."""
    if not path.exists():
        return {}
    registry = {}
    # one entry a line, split at "\n" only: a name or headline may hold U+2028, U+0085 and the other
    # characters splitlines() would also break at
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            registry[str(entry.pop("id"))] = entry
        except (ValueError, KeyError, TypeError, AttributeError):
            raise PageError(path, "not a registry entry (a JSON object with an id); restore the file from git", n) from None
    return registry


def save(path: Path, registry: dict[str, dict]) -> bool:
    """Write the registry if it changed; True when it did."""
    text = "".join(json.dumps({"id": ident} | dict(sorted(entry.items())), ensure_ascii=False) + "\n"
                   for ident, entry in sorted(registry.items()))
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    write_atomically(path, text)  # a full disk or a kill mid-write leaves the ids issued so far
    return True


def today() -> str:
    """The day a build issues ids on: SOURCE_DATE_EPOCH's (the reproducible-builds convention), else
    today's in UTC. Once issued, the day is the registry's, so rebuilds give the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch and epoch.isdigit() \
        else datetime.datetime.now(datetime.timezone.utc)
    return now.date().isoformat()


def _lines(ranges: list[list[int]]) -> set[int]:
    return {n for a, b in ranges for n in range(a, b + 1)}


def update(registry: dict[str, dict], articles: list[Article]) -> dict[str, dict]:
    """The registry after this build: new ids added, vanished ids pointed at their successor."""
    current = {a.id: a for a in articles}
    out = {k: dict(v) for k, v in registry.items()}
    for ident, entry in out.items():
        if ident in current:
            entry.pop("redirect", None)
            if entry.get("source") != current[ident].source:  # its page renamed: the id went with its text
                entry.update(source=current[ident].source, body_lines=current[ident].body_lines)
            continue
        if entry.get("redirect") in current:
            continue
        old = _lines(entry.get("body_lines", []))
        candidates = [(len(old & _lines(a.body_lines)), a.id) for a in articles if a.source == entry.get("source")]
        overlap, successor = max(candidates, default=(0, None))
        entry["redirect"] = successor if overlap else None
    added, serial = today(), 1 + max((entry.get("serial", -1) for entry in out.values()), default=-1)
    for ident, article in current.items():
        if ident not in out:
            out[ident] = {"source": article.source, "title": article.title, "body_lines": article.body_lines,
                          "added": added, "serial": serial}
            serial += 1
    return out


def issued(registry: dict[str, dict]) -> dict[str, tuple[str, int]]:
    """When each id was issued: its day, then its place among all the ids issued (-1 for ids issued
    before the registry counted them), so that a second build on one day puts its new articles after
    the day's others, not among them by id."""
    return {ident: (entry.get("added", ""), entry.get("serial", -1)) for ident, entry in registry.items()}


def redirects(registry: dict[str, dict], articles: list[Article]) -> dict[str, Article | None]:
    """Old id → the article it now leads to (None: gone), for every registered id not in use."""
    current = {a.id: a for a in articles}
    out: dict[str, Article | None] = {}
    for ident, entry in registry.items():
        if ident in current:
            continue
        target, seen = entry.get("redirect"), {ident}
        while target and target not in current and target not in seen:  # follow a chain of moves
            seen.add(target)
            target = registry.get(target, {}).get("redirect")
        out[ident] = current.get(target)
    return out
