"""The search index: exact substring search for Chinese, split so a query loads only what it needs.

Why not a word index: a query must find every article that contains it, and only those. Words
from a segmenter do not line up with arbitrary substrings (`污染防治` inside `大气污染防治`, `开区党`
across `经开区|党工委`), so the index is over characters: for every character bigram, the articles and
positions where it occurs (a query of n characters matches where every other one of its
bigrams and the last stand at their offsets: 高质 at p, 量发 at p + 2, 发展 at p + 3), and for every
single character the articles that contain it.

Files (all JavaScript calling `__archiveSearch`, so they load from file:// with no fetch; each
carries its data as JSON, deflated and in base64, which the browser's own DecompressionStream
unpacks: a third to a half of the bytes a query fetches, for a few milliseconds a file):
- `search/docs.js`: one row per article, numbers only (date, year, district, topics, lengths);
- `search/g/<bucket>.js`: bigram postings, bucketed by a hash of the bigram (a long list in
  `search/g/x<k>.js` of its own, k its place in docs.js's list of them);
- `search/u/<bucket>.js`: single-character article lists (the same);
- `search/t/<k>.js`: the title, URL id, date, district and text of articles k·m … k·m + m - 1 (m,
  TEXTS_A_FILE, as docs.js says), for the hits shown (a file an article would be a third of the
  site's files);
- `search/fold.js`: the traditional characters a query may hold (plain: a few KB that deflate
  cannot shrink).

Articles are numbered in the order they entered the archive (the id registry's day, then the id):
a day's new articles take the next numbers, so every text file but the last stays as it was, where
numbering by id alone would shift the files after each new id (most of them, every day).
"""
from __future__ import annotations

import base64
import contextlib
import functools
import hashlib
import json
import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..archive import cache
from ..extract.model import Article
from ..render.markdown import cn_date
from ..render.record import code_version
from ..text.chars import compact, traditional

SHARD_BYTES = 48_000  # aim for shards this size: a query loads a few of them
# A list longer than this (a common bigram's or character's, before packing) stands in a file of
# its own, where it would make its shard several times the size and be fetched by every query of
# the shard's other keys: 4% of an archive's bigrams, a third of its postings' bytes.
ALONE_BYTES = 12_000
# zlib's level for the files' data: 4 packs postings and texts to 47.5% of their bytes at 2.5 times
# level 9's speed (46.8%), which matters where a daily build packs every shard again.
PACK_LEVEL = 4
# Texts are grouped by article number, which says nothing of what a query finds: the ten hits a
# page of results shows may stand in ten files, so a file holds about 16 KB of articles of the
# common length (2 KB in UTF-8). A count, not a size: a corrected text changes its own file only.
TEXTS_A_FILE = 8
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


class Entry(NamedTuple):
    """What the index needs of an article: small enough to send to the process that builds it."""
    id: str
    title: str
    kicker: str | None
    subtitle: str | None
    text: str
    date: str | None
    year: int | None
    district: str | None
    topics: list[str]
    shown_date: str  # as a hit shows it: 2021年6月7日
    issued: tuple[str, int]  # when its id was issued (registry.issued): ("", -1) where not known


def entries(articles: list[Article], issued: dict[str, tuple[str, int]] | None = None) -> list[Entry]:
    """`issued`: the registry's day and serial for each id (registry.issued)."""
    issued = issued or {}
    return [Entry(a.id, a.title, a.kicker, a.subtitle, a.text, a.date, a.year, a.district_label, a.topics,
                  cn_date(a, mark=False), issued.get(a.id, ("", -1))) for a in articles]


ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# The full-width forms of ASCII and the ideographic space, as NFKC maps them: a newspaper's text is
# full of them, and once they are mapped most of it is already in NFKC, which is quick to check.
FULL_WIDTH = re.compile("[\uff01-\uff5e\u3000]")
HALF_WIDTH = {**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}, "\u3000": " "}


# Quotation marks, one of each kind: a reader types "学习强国" on a keyboard where the paper printed
# “学习强国” (or 「学习强国」).
QUOTES = str.maketrans({**dict.fromkeys("“”„‟〝〞「」『』", '"'), **dict.fromkeys("‘’‚‛", "'")})


@functools.cache
def _folds() -> dict[int, str]:
    return {**str.maketrans(traditional()), **QUOTES}


def normalize(text: str) -> str:
    """What search compares: full-width and half-width forms alike (NFKC: （ is (, １ is 1),
    traditional characters as simplified (鄭州 is 郑州), every double quote as " and single as ', no
    whitespace, no zero-width characters, case folded. overrides/assets/archive-search.js folds a
    query the same way (with the pairs search/fold.js sends it). (Mapping the full-width forms first
    gives NFKC's result sooner.)"""
    text = FULL_WIDTH.sub(lambda m: HALF_WIDTH[m.group()], text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return ZERO_WIDTH.sub("", compact(text)).translate(_folds()).casefold()


def headline(article: Article | Entry) -> str:
    return "".join(filter(None, [article.kicker, article.title, article.subtitle]))


def searchable(article: Article | Entry) -> tuple[str, str]:
    """(headline, text) as searched: the text is every paragraph, bylines included."""
    return normalize(headline(article)), normalize(article.text)


def order(articles: list[Entry]) -> list[Entry]:
    """Articles in index order: as they entered the archive (a day's new articles after the ones
    it already had), then by id; never by the dates they report, which corrections change."""
    return sorted(articles, key=lambda a: (a.issued, a.id))


def _days(article: Entry) -> int:
    """The article's date as days since 1970 (year-only dates count from 1 January); -1 unknown."""
    if not article.date:
        return -1
    parts = [int(x) for x in article.date.split("-")] + [1, 1]
    return (date(parts[0], parts[1], parts[2]) - date(1970, 1, 1)).days


def _year(article: Entry, years: list[int]) -> int:
    """The year column: 0 where it is the year of the article's date, which the browser reads off
    the day column (most articles: a tenth of docs.js less); else its place in `years` + 1, past
    them where the article has no year."""
    if article.date and article.year == int(article.date[:4]):
        return 0
    return years.index(article.year) + 1 if article.year else len(years) + 1


CHUNK = 2048  # articles encoded at once: a chunk's arrays take about 100 MB
_POWERS = 36 ** np.arange(5, -1, -1, dtype=np.int64)  # six base-36 digits, the most significant first
_THREE = np.frombuffer(DIGITS.encode("ascii"), np.uint8)[np.arange(36 ** 3)[:, None] // _POWERS[3:] % 36]


def _b36_columns(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """b36 of many numbers at once: six digit bytes a number (two lookups of three), and which to keep."""
    if values.size and values.max() >= 36 ** 6:
        raise ValueError("a search number past six base-36 digits")
    high, low = np.divmod(values, 36 ** 3)
    return np.concatenate([_THREE[high], _THREE[low]], axis=1), (values[:, None] >= _POWERS) | (_POWERS == 1)


def _laid_out(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Texts end to end as code points; for each code point its text and its position in it; the lengths."""
    lengths = np.fromiter(map(len, texts), np.int32, len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), np.uint32)
    doc = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
    return codes, doc, np.arange(len(codes), dtype=np.int32) - (np.cumsum(lengths) - lengths)[doc], lengths


def _runs(keys: np.ndarray, encoded: bytes, sizes: np.ndarray, docs: np.ndarray, base: int):
    """(key, first article, last article, bytes) for each run of equal keys in sorted entries."""
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    ends = np.r_[starts[1:], len(keys)]
    offsets = np.r_[0, np.cumsum(sizes)]
    for key, first, last, a, b in zip(keys[starts].tolist(), (docs[starts] + base).tolist(),
                                      (docs[ends - 1] + base).tolist(), offsets[starts].tolist(), offsets[ends].tolist()):
        yield key, first, last, encoded[a:b]


def _bigram_runs(pairs: list[tuple[str, str]], base: int):
    """The postings of a chunk of articles (numbered from `base`), a run per bigram, encoded as
    the build's format has it: 'doc:pos,pos;doc:pos', every number a base-36 delta from the one
    before. A run leaves out its first article's number: it is a delta from the last article of
    the bigram in the chunks before, which only the caller knows."""
    heads = np.fromiter((len(h) for h, _ in pairs), np.int64, len(pairs))
    codes, doc, pos, lengths = _laid_out([h + SEPARATOR + t for h, t in pairs])
    # a bigram at every position but the text's last and the two that touch the separator
    at = np.flatnonzero((pos < lengths[doc] - 1) & (pos != heads[doc] - 1) & (pos != heads[doc]))
    keys = codes[at].astype(np.uint64) << 21 | codes[at + 1]  # code points are below 2**21
    doc, pos = doc[at], pos[at]
    del codes, at
    order = np.argsort(keys, kind="stable")  # by bigram, then article, then position
    keys, doc, pos = keys[order], doc[order], pos[order]
    del order
    new_key = np.r_[True, keys[1:] != keys[:-1]]
    new_doc = new_key | np.r_[True, doc[1:] != doc[:-1]]
    later_doc = new_doc & ~new_key
    doc_digits, doc_keep = _b36_columns(doc - np.r_[0, doc[:-1]])
    pos_digits, pos_keep = _b36_columns(np.where(new_doc, pos, pos - np.r_[0, pos[:-1]]))
    # an entry: [';' before a later article, ',' before a later position] [article delta ':'] position
    out = np.empty((len(keys), 14), np.uint8)
    keep = np.empty((len(keys), 14), bool)
    out[:, 0], keep[:, 0] = np.where(new_doc, ord(";"), ord(",")), ~new_key
    out[:, 1:7], keep[:, 1:7] = doc_digits, doc_keep & later_doc[:, None]
    out[:, 7], keep[:, 7] = ord(":"), new_doc
    out[:, 8:], keep[:, 8:] = pos_digits, pos_keep
    for key, first, last, run in _runs(keys, out[keep].tobytes(), keep.sum(1), doc, base):
        yield chr(key >> 21) + chr(key & 0x1FFFFF), first, last, run


def _character_runs(pairs: list[tuple[str, str]], base: int):
    """For every character, the chunk's articles that contain it, as base-36 deltas joined by
    commas; the first article's number left out, as in _bigram_runs."""
    codes, doc, _, _ = _laid_out([h + t for h, t in pairs])
    keys = np.sort(codes.astype(np.uint64) << 32 | doc.astype(np.uint64))
    keys = keys[np.r_[True, keys[1:] != keys[:-1]]]  # each character once an article (np.unique is 30x slower)
    chars, doc = keys >> 32, (keys & 0xFFFFFFFF).astype(np.int64)
    new_char = np.r_[True, chars[1:] != chars[:-1]]
    digits, digit_keep = _b36_columns(doc - np.r_[0, doc[:-1]])
    out = np.empty((len(keys), 7), np.uint8)
    keep = np.empty((len(keys), 7), bool)
    out[:, 0], keep[:, 0] = ord(","), ~new_char
    out[:, 1:], keep[:, 1:] = digits, digit_keep & ~new_char[:, None]
    for char, first, last, run in _runs(chars, out[keep].tobytes(), keep.sum(1), doc, base):
        yield chr(char), first, last, run


def _merged(articles: list[Entry], runs, separator: bytes, lengths: list | None = None,
            keep: Path | None = None) -> dict[str, bytearray]:
    """Every chunk's runs joined into one list a key, the first article of each run given as
    its delta from the key's last article so far; `lengths` takes each article's (headline,
    text) lengths as searched, on the way. `keep`: a folder where each chunk's runs are kept for
    the next build."""
    table: dict[str, bytearray] = {}
    last: dict[str, int] = {}
    for base in range(0, len(articles), CHUNK):
        chunk_runs, chunk_lengths = _chunk(articles[base:base + CHUNK], runs, base, keep)
        if lengths is not None:
            lengths += chunk_lengths
        for key, first, end, run in chunk_runs:
            buf = table.get(key)
            if buf is None:
                table[key] = bytearray(b36(first).encode("ascii") + run)
            else:
                buf += separator + b36(first - last[key]).encode("ascii") + run
            last[key] = end
    if keep is not None:  # chunks past the end, from a larger archive
        for path in keep.glob(f"{runs.__name__}-*.json"):
            if int(path.stem.rpartition("-")[2]) * CHUNK >= len(articles):
                path.unlink(missing_ok=True)
    return table


def _chunk(chunk: list[Entry], runs, base: int, keep: Path | None) -> tuple[list, list[tuple[int, int]]]:
    """A chunk's runs and its articles' lengths as searched; from `keep` where this chunk (the
    same texts at the same numbers, the same code) was indexed before. Articles are numbered as
    they entered the archive, so a day's new articles change the last chunk only, and a build
    indexes a chunk, not an archive (most of a daily build's search time)."""
    if keep is None:
        return _indexed(chunk, runs, base)
    key = hashlib.blake2b(repr((runs.__name__, base, [(a.kicker, a.title, a.subtitle, a.text) for a in chunk])).encode(),
                          digest_size=16, key=code_version()).digest()
    name = f"{runs.__name__}-{base // CHUNK}.json"  # JSON: loading it cannot make anything run
    with contextlib.suppress(TypeError, ValueError, KeyError, AttributeError):  # none, another chunk's, or damaged: indexed afresh
        stored = json.loads(cache.get(keep, name))
        if stored["key"] == key.hex():
            return ([(str(k), int(first), int(last), run.encode("ascii")) for k, first, last, run in stored["runs"]],
                    [(int(head), int(text)) for head, text in stored["lengths"]])
    made = _indexed(chunk, runs, base)
    stored = {"key": key.hex(), "runs": [[k, first, last, run.decode("ascii")] for k, first, last, run in made[0]],
              "lengths": made[1]}
    cache.put(keep, name, json.dumps(stored).encode("ascii"))
    return made


def _indexed(chunk: list[Entry], runs, base: int) -> tuple[list, list[tuple[int, int]]]:
    pairs = [searchable(a) for a in chunk]
    return list(runs(pairs, base)), [tuple(map(len, pair)) for pair in pairs]


def _buckets(total_bytes: int) -> int:
    """A power of two that makes shards about SHARD_BYTES each."""
    n = 1
    while total_bytes / n > SHARD_BYTES:
        n *= 2
    return n


def _alone(table: dict[str, bytearray]) -> list[str]:
    """The keys whose lists stand in files of their own (search/g/x<k>.js, k their place here)."""
    return sorted(k for k, v in table.items() if len(v) > ALONE_BYTES)


def _shards(kind: str, table: dict[str, bytearray], buckets: int, alone: list[str]) -> Iterator[tuple[str, str]]:
    """One script per bucket, each made and handed out in turn (an archive's postings are large),
    and one per long list (`alone`, from _alone)."""
    for k, key in enumerate(alone):
        yield f"search/{kind}/x{k}.js", _packed(kind, f"x{k}", {key: table[key].decode("ascii")})
    keys: dict[int, list[str]] = defaultdict(list)
    for key in table.keys() - set(alone):
        keys[fnv1a(key) % buckets].append(key)
    for b in sorted(keys):
        yield f"search/{kind}/{b}.js", _packed(kind, b, {k: table[k].decode("ascii") for k in sorted(keys[b])})


def _script(call: str, *args) -> str:
    return f"__archiveSearch.{call}(" + ",".join(json.dumps(a, ensure_ascii=False, separators=(",", ":"))
                                              for a in args) + ");\n"


def _packed(call: str, key, data) -> str:
    """A script handing `data` to `call` with `key`, as JSON deflated (raw DEFLATE, as the
    browser's DecompressionStream("deflate-raw") reads it) and in base64, which a script may carry."""
    squeeze = zlib.compressobj(PACK_LEVEL, zlib.DEFLATED, -15)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    packed = base64.b64encode(squeeze.compress(raw) + squeeze.flush()).decode("ascii")
    return _script(call, *([] if key is None else [key]), packed)


def unpacked(script: str):
    """The data of a script made by _packed, as the browser unpacks it (for the tests and tools)."""
    packed = json.loads(script[script.rindex(",") + 1 if "," in script else script.index("(") + 1:script.rindex(")")])
    return json.loads(zlib.decompress(base64.b64decode(packed), -15))


def build(articles: list[Entry], keep: Path | None = None) -> Iterator[tuple[str, str]]:
    """Every search file, as (path under the site root, text). `keep`: a folder kept between
    builds, where each chunk's postings are found again when its articles are unchanged."""
    articles = order(articles)
    lengths: list[tuple[int, int]] = []  # of the headline and the text, as searched
    postings = _merged(articles, _bigram_runs, b";", lengths, keep)
    alone = [_alone(postings)]
    bigram_buckets = _buckets(sum(len(k) + len(v) + 6 for k, v in postings.items() if len(v) <= ALONE_BYTES))
    yield from _shards("g", postings, bigram_buckets, alone[0])
    del postings

    # a second pass, so the bigram and the character postings are never in memory together
    lists = _merged(articles, _character_runs, b",", keep=keep)
    alone.append(_alone(lists))
    unigram_buckets = _buckets(sum(len(v) + 6 for v in lists.values() if len(v) <= ALONE_BYTES))
    yield from _shards("u", lists, unigram_buckets, alone[1])
    # the traditional characters a query may hold whose simplified forms the archive has (others find nothing)
    yield "search/fold.js", _script("fold", "".join(t + s for t, s in sorted(traditional().items()) if s in lists))
    del lists

    districts = sorted({a.district for a in articles if a.district})
    years = sorted({a.year for a in articles if a.year})
    topics = sorted({t for a in articles for t in a.topics})
    columns = {
        "day": [b36(_days(a) + 1) for a in articles],
        "year": [b36(_year(a, years)) for a in articles],
        "district": [b36(districts.index(a.district) + 1 if a.district else 0) for a in articles],
        "topics": [b36(sum(1 << topics.index(t) for t in a.topics)) for a in articles],
        "head": [b36(head) for head, _ in lengths],
        "text": [b36(text) for _, text in lengths],
    }
    yield "search/docs.js", _packed("docs", None, {
        "count": len(articles), "buckets": [bigram_buckets, unigram_buckets], "alone": alone, "texts": TEXTS_A_FILE,
        "districts": districts, "years": years, "topics": topics,
        "columns": {k: ",".join(v) for k, v in columns.items()},
    })
    for first in range(0, len(articles), TEXTS_A_FILE):
        yield f"search/t/{first // TEXTS_A_FILE}.js", _packed("t", first // TEXTS_A_FILE, [{
            "id": a.id, "title": a.title, "kicker": a.kicker or "", "subtitle": a.subtitle or "",
            "date": a.shown_date, "district": a.district or "", "text": a.text,
        } for a in articles[first:first + TEXTS_A_FILE]])


def truth(articles: list[Article], query: str) -> set[str]:
    """Brute force: the ids of the articles whose headline or text contains every term of the query."""
    terms = [normalize(t) for t in query.split() if t]
    found = set()
    for a in articles:
        head, text = searchable(a)
        if all(t in head or t in text for t in terms):
            found.add(a.id)
    return found
