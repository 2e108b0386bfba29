"""Atom feeds (all articles, and one per district) and the metadata downloads (JSON lines, CSV)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone

from feedgen.feed import FeedGenerator

from ..archive import registry
from ..archive.export import record
from ..extract.model import Article
from .listings import newest_first

FEED_SIZE = 50


def _day(iso: str) -> datetime:
    return datetime.fromisoformat(iso).replace(tzinfo=timezone.utc)


def atom(articles: list[Article], title: str, feed_url: str, site_url: str, permalink,
         added: dict[str, str] | None = None) -> str:
    """An Atom feed of the newest articles. An entry's `updated` is the day its article entered
    the archive (`added`: the id registry's record, else the day of this build); its `published`
    is the article's day where that is known, and left out where only the month or the year is:
    never 1 January for a year. Every timestamp comes from the archive, so the same archive gives
    the same bytes."""
    newest = newest_first(articles)[:FEED_SIZE]
    added = added or {}
    build_day = registry.today()
    updated = {a.id: _day(added.get(a.id) or build_day) for a in newest}
    fg = FeedGenerator()
    fg.id(feed_url)
    fg.title(title)
    fg.link(href=site_url or feed_url, rel="alternate")
    fg.link(href=feed_url, rel="self")
    fg.language("zh-CN")
    fg.author(name="地方报纸档案")  # RFC 4287 §4.1.1: an entry no reporter signs has the archive's
    fg.updated(max(updated.values(), default=_day(build_day)))
    for a in reversed(newest):  # feedgen prepends: add oldest first
        entry = fg.add_entry()
        entry.id(permalink(a))
        entry.title(a.title)
        entry.link(href=permalink(a))
        entry.updated(updated[a.id])
        if a.date_precision == "day":
            entry.published(_day(a.date))
        for name in a.reporters:
            entry.author(name=name)
        for name in a.correspondents + a.photographers:
            entry.contributor(name=name)
        entry.summary(a.paragraphs[0]["text"] if a.paragraphs else "")
        for topic in a.topics:
            entry.category(term=topic)
    return fg.atom_str(pretty=True).decode("utf-8")


def records(articles: list[Article], permalink) -> Iterator[dict]:
    """The export record of every article, with its permanent URL, where and when it was printed
    and its text (what a researcher counts, quotes and cites): both downloads are made of these."""
    return (record(a, copy=False) | {"url": permalink(a), "newspaper": a.newspaper, "publication_date": a.publication_date,
                                     "page_label": a.page_label, "text": a.text}
            for a in articles)


def jsonl(rows: Iterable[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


CSV_FIELDS = ("id", "url", "title", "kicker", "subtitle", "newspaper", "publication_date", "page_label", "district",
              "city", "date", "date_precision", "event_date", "reporters", "correspondents", "photographers", "persons",
              "organizations", "topics", "source", "text")


def csv_text(rows: Iterable[dict]) -> str:
    """The articles as CSV, with a byte-order mark: Excel on Chinese Windows reads a file
    without one as GBK, and shows the names as mojibake."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for row in rows:
        writer.writerow(["；".join(row[f]) if isinstance(row[f], list) else ("" if row[f] is None else row[f])
                         for f in CSV_FIELDS])
    return out.getvalue()
