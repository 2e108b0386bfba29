"""Words: one jieba pass over an article, shared by every extractor."""
from __future__ import annotations

import heapq
import logging
from collections import Counter
from functools import cache, cached_property, lru_cache
from itertools import accumulate
from operator import itemgetter

import jieba
import rjieba

jieba.setLogLevel(logging.WARNING)  # not four lines of 'Building prefix dict…' on every build


def tag(text: str) -> list[tuple[str, str]]:
    """One jieba pass, shared by every extractor: words with their dictionary tags. jieba's HMM
    (guessing unknown words) is left out: the rules find names, and it would cost most of the time.
    The cut is jieba-rs's (rjieba): jieba's algorithm and dictionary in Rust, the same words as
    `jieba.lcut(text, HMM=False)` and the same tags (tests/test_extract.py) in an eighth of the time."""
    return rjieba.tag(text, False)


@lru_cache(maxsize=1 << 16)
def tag_short(text: str) -> tuple[tuple[str, str], ...]:
    """`tag` of a name or a few characters, kept: the same names are asked of in article after
    article."""
    return tuple(tag(text))


def is_word(text: str) -> bool:
    """Whether jieba's dictionary has `text` as one word (报道, 总理, 提出)."""
    return len(text) > 1 and len(tag_short(text)) == 1


def other_word(text: str) -> bool:
    """Whether jieba's dictionary reads `text` as one word of a kind no name is (时段, 安全; not 高峰,
    which it reads as a name too)."""
    words = tag_short(text)
    return len(words) == 1 and not words[0][1].startswith("nr")


def common(text: str, tags: set[str], count: int) -> bool:
    """Whether jieba's dictionary holds `text` as one word with one of `tags`, counted at least
    `count` times in its corpus (企业, 地方, 大: words of every kind of text)."""
    tokens = tag_short(text)
    if len(tokens) != 1 or tokens[0][1] not in tags:
        return False
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(text, 0) >= count


def _starts(tokens: list[tuple[str, str]]) -> list[int]:
    return [0, *accumulate(map(len, map(itemgetter(0), tokens)))]


class Words(list):
    """An article's words, (word, tag) pairs, with where each starts worked out once: every
    extractor asks."""

    @cached_property
    def starts(self) -> list[int]:
        return _starts(self)


def starts(tokens: list[tuple[str, str]]) -> list[int]:
    """Where each word starts in the text it was cut from, and then the text's end: word k is
    text[starts[k]:starts[k + 1]]."""
    return tokens.starts if isinstance(tokens, Words) else _starts(tokens)


# jieba cuts every text at a character outside its words' classes (CJK punctuation): the words of
# a text joined at one are the words of its parts. Letters, digits and these run on across a
# join, and so may whitespace ('\r\n' is one word).
RUNS_ON = "+#&._%-"


def _breaks(left: str, right: str) -> bool:
    return any(c and not c.isalnum() and not c.isspace() and c not in RUNS_ON for c in (left[-1:], right[:1]))


def tag_joined(parts: list[str], tagged: dict[str, list[tuple[str, str]]]) -> Words:
    """tag("".join(parts)), each run of parts that meet at a break cut apart and kept in `tagged`:
    an article's text and what the model reads of it share their paragraphs, cut once."""
    runs: list[str] = []
    for part in filter(None, parts):
        if runs and not _breaks(runs[-1], part):
            runs[-1] += part
        else:
            runs.append(part)
    out = Words()
    for run in runs:
        if run not in tagged:
            tagged[run] = tag(run)
        out += tagged[run]
    return out


@cache
def _tfidf():
    """jieba's TF-IDF table (its import reads it and tags every word of the dictionary: a second
    or so), imported by what extracts, not by what only renders pages (the writers)."""
    import jieba.analyse

    return jieba.analyse.default_tfidf


def load_dictionaries() -> None:
    """jieba's dictionary and TF-IDF table loaded now: by the process that reads pages, before its
    workers fork, so that they share them."""
    jieba.initialize()
    _tfidf()


def tfidf_keywords(tokens: list[tuple[str, str]], k: int) -> list[str]:
    """jieba.analyse's TF-IDF keywords, computed from the words already cut."""
    tfidf = _tfidf()
    stop, idf, median = tfidf.stop_words, tfidf.idf_freq, tfidf.median_idf
    counts = Counter(map(itemgetter(0), tokens))
    counts = {w: c for w, c in counts.items() if len(w) >= 2 and len(w.strip()) >= 2 and w.lower() not in stop}
    total = sum(counts.values()) or 1
    score = {w: c * idf.get(w, median) / total for w, c in counts.items()}
    return heapq.nsmallest(k, score, key=lambda w: (-score[w], w))  # sorted(...)[:k], without sorting them all
