"""Words: one jieba pass over an article, shared by every extractor."""
from __future__ import annotations

from collections import Counter

import jieba.analyse
import jieba.posseg
import rjieba


def tag(text: str) -> list[tuple[str, str]]:
    """One jieba pass, shared by every extractor: words with their dictionary tags. jieba's HMM
    (guessing unknown words) is left out: the rules find names, and it would cost most of the time.
    The cut is jieba-rs's (rjieba): jieba's algorithm and dictionary in Rust, the same words as
    `jieba.lcut(text, HMM=False)` (tests/test_extract.py) in an eighth of the time."""
    tags = jieba.posseg.dt.word_tag_tab
    return [(w, tags.get(w, "x")) for w in rjieba.cut(text, False)]


def tfidf_keywords(tokens: list[tuple[str, str]], k: int) -> list[str]:
    """jieba.analyse's TF-IDF keywords, computed from the words already cut."""
    tfidf = jieba.analyse.default_tfidf
    counts = Counter(w for w, _ in tokens)
    counts = {w: c for w, c in counts.items() if len(w.strip()) >= 2 and w.lower() not in tfidf.stop_words}
    total = sum(counts.values()) or 1
    score = {w: c * tfidf.idf_freq.get(w, tfidf.median_idf) / total for w, c in counts.items()}
    return sorted(score, key=lambda w: (-score[w], w))[:k]
