"""The search index: exact substring search for Chinese, split so a query loads only what it needs.

Why not a word index: a query must find every article that contains it, and only those. Words
from a segmenter do not line up with arbitrary substrings (`污染防治` inside `大气污染防治`, `开区党`
across `经开区|党工委`), so the index is over characters: for every character bigram, the articles and
positions where it occurs (a query of n characters matches where its n-1 bigrams stand at
consecutive positions), and for every single character the articles that contain it.

Files (all JavaScript calling `__archiveSearch`, so they load from file:// with no fetch):
- `search/docs.js`: one row per article, numbers only (date, year, district, topics, lengths);
- `search/g/<bucket>.js`: bigram postings, bucketed by a hash of the bigram;
- `search/u/<bucket>.js`: single-character article lists;
- `search/t/<n>.js`: one article's title, URL id, date, district and text, for the hits shown.
"""
from __future__ import annotations

import json
import operator
from array import array
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from .model import Article
from .render import cn_date
from .text import compact

SHARD_BYTES = 48_000  # aim for shards this size: a query loads a few of them
SEPARATOR = "\u0001"  # between headline and text: no query spans it
DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def fnv1a(text: str) -> int:
    """32-bit FNV-1a over code points; search.js computes the same."""
    h = 0x811C9DC5
    for ch in text:
        h ^= ord(ch)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


_SMALL = [""] * 1296  # every number below 36², precomputed: most deltas are small


def b36(n: int) -> str:
    if n < 1296:
        return _SMALL[n]
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = DIGITS[r] + out
    return out


_SMALL[:] = [DIGITS[n // 36] + DIGITS[n % 36] if n >= 36 else DIGITS[n] for n in range(1296)]


def normalize(text: str) -> str:
    """What search compares: no whitespace, case folded."""
    return compact(text).casefold()


def headline(article: Article) -> str:
    return "".join(filter(None, [article.kicker, article.title, article.subtitle]))


def searchable(article: Article) -> tuple[str, str]:
    """(headline, text) as searched: the text is every paragraph, bylines included."""
    return normalize(headline(article)), normalize(article.text)


def order(articles: list[Article]) -> list[Article]:
    """Articles in index order: by id, so an article's number does not depend on dates."""
    return sorted(articles, key=lambda a: a.id)


def _days(article: Article) -> int:
    """The article's date as days since 1970 (year-only dates count from 1 January); -1 unknown."""
    if not article.date:
        return -1
    parts = [int(x) for x in article.date.split("-")] + [1, 1]
    return (date(parts[0], parts[1], parts[2]) - date(1970, 1, 1)).days


def _positions(head: str, text: str) -> dict[str, list[int]]:
    """Every bigram of the headline and the text, with its positions in head + SEPARATOR + text."""
    out: dict[str, list[int]] = {}
    for offset, part in ((0, head), (len(head) + 1, text)):
        for p, pair in enumerate(map(operator.add, part, part[1:]), offset):
            ps = out.get(pair)
            if ps is None:
                out[pair] = [p]
            else:
                ps.append(p)
    return out


def _encode(delta: int, positions: list[int]) -> bytes:
    """One article's entry in a bigram's postings: 'doc:pos,pos', every number a base-36 delta
    from the one before it. The build keeps these bytes, not lists of numbers, so an archive's
    postings fit in memory."""
    if len(positions) == 1:  # the common case
        return f"{b36(delta)}:{b36(positions[0])}".encode("ascii")
    return f"{b36(delta)}:{','.join(b36(b - a) for a, b in zip([0, *positions], positions))}".encode("ascii")


def _doc_list(docs: list[int]) -> str:
    out, last = [], 0
    for d in docs:
        out.append(b36(d - last))
        last = d
    return ",".join(out)


def _buckets(total_bytes: int) -> int:
    """A power of two that makes shards about SHARD_BYTES each."""
    n = 1
    while total_bytes / n > SHARD_BYTES:
        n *= 2
    return n


def _shards(kind: str, table: dict[str, bytearray | str], buckets: int) -> Iterator[tuple[str, str]]:
    """One script per bucket, each made and handed out in turn (an archive's postings are large)."""
    keys: dict[int, list[str]] = defaultdict(list)
    for key in table:
        keys[fnv1a(key) % buckets].append(key)
    for b in sorted(keys):
        yield f"search/{kind}/{b}.js", _script(kind, b, {k: _ascii(table[k]) for k in sorted(keys[b])})


def _ascii(value: bytearray | str) -> str:
    return value if isinstance(value, str) else value.decode("ascii")


def _script(call: str, *args) -> str:
    return f"__archiveSearch.{call}(" + ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":"))
                                              for a in args) + ");\n"


def build(articles: list[Article]) -> Iterator[tuple[str, str]]:
    """Every search file, as (path under the site root, text)."""
    articles = order(articles)
    postings: dict[str, bytearray] = {}  # bigram -> encoded postings
    last: dict[str, int] = {}  # bigram -> the last article number in its postings
    for n, article in enumerate(articles):
        for pair, ps in _positions(*searchable(article)).items():
            buf = postings.get(pair)
            if buf is None:
                postings[pair] = bytearray(_encode(n, ps))
            else:
                buf += b";" + _encode(n - last[pair], ps)
            last[pair] = n
    del last
    bigram_buckets = _buckets(sum(len(k) + len(v) + 6 for k, v in postings.items()))
    yield from _shards("g", postings, bigram_buckets)
    del postings

    # a second pass, so the bigram and the character postings are never in memory together
    unigrams: dict[str, array] = defaultdict(lambda: array("I"))  # 4 bytes an entry, not 36
    head_len, text_len = [], []
    for n, article in enumerate(articles):
        head, text = searchable(article)
        head_len.append(len(head))
        text_len.append(len(text))
        for ch in set(head) | set(text):
            unigrams[ch].append(n)
    lists = {ch: _doc_list(docs) for ch, docs in unigrams.items()}  # in article order already
    del unigrams
    unigram_buckets = _buckets(sum(len(v) + 6 for v in lists.values()))
    yield from _shards("u", lists, unigram_buckets)
    del lists

    districts = sorted({a.district for a in articles if a.district})
    years = sorted({a.year for a in articles if a.year})
    topics = sorted({t for a in articles for t in a.topics})
    columns = {
        "day": [b36(_days(a) + 1) for a in articles],
        "year": [b36(years.index(a.year) + 1 if a.year else 0) for a in articles],
        "district": [b36(districts.index(a.district) + 1 if a.district else 0) for a in articles],
        "topics": [b36(sum(1 << topics.index(t) for t in a.topics)) for a in articles],
        "head": [b36(x) for x in head_len],
        "text": [b36(x) for x in text_len],
    }
    yield "search/docs.js", _script("docs", {
        "count": len(articles), "buckets": [bigram_buckets, unigram_buckets],
        "districts": districts, "years": years, "topics": topics,
        "columns": {k: ",".join(v) for k, v in columns.items()},
    })
    for n, a in enumerate(articles):
        yield f"search/t/{n}.js", _script("t", n, {
            "id": a.id, "title": a.title, "kicker": a.kicker or "", "subtitle": a.subtitle or "",
            "date": cn_date(a, mark=False), "district": a.district or "", "text": a.text,
        })


def truth(articles: list[Article], query: str) -> set[str]:
    """Brute force: the ids of the articles whose headline or text contains every term of the query."""
    terms = [normalize(t) for t in query.split() if t]
    found = set()
    for a in articles:
        head, text = searchable(a)
        if all(t in head or t in text for t in terms):
            found.add(a.id)
    return found
