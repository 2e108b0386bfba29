"""What the fitted decisions weigh between a piece of text and a story: the words (character
bigrams) they share, weighted by how rare each is on the page, and margins over the rivals."""
from __future__ import annotations

import math
import operator
import re
from functools import lru_cache

from ..text.chars import HAN, compact


NOT_WORD = re.compile(rf"[^{HAN}A-Za-z0-9]")


@lru_cache(maxsize=256)
def bigrams(text: str) -> dict[str, None]:
    """The character bigrams of a text's words, in the order they first occur. Kept for the page's
    next stage, which weighs the same stories again (callers do not change what they are given)."""
    chars = NOT_WORD.sub("", compact(text))
    return dict.fromkeys(map(operator.add, chars, chars[1:]))


def top2(values: list[float]) -> tuple[float, float, int]:
    """The largest value, the next, and where the largest stands."""
    at = max(range(len(values)), key=values.__getitem__, default=-1)
    rest = [v for j, v in enumerate(values) if j != at]
    return (values[at] if at >= 0 else 0.0), max(rest, default=0.0), at


def best_but(top: tuple[float, float, int], k: int) -> float:
    """The largest value other than the k-th, from top2 (0 where there is none): O(1) a story."""
    best, second, at = top
    return second if k == at else best


def bigram_weights(bags: list[dict]) -> dict[str, float]:
    """How rare each bigram is among these texts: a word two stories share says more the fewer
    of the page's stories have it, and next to nothing where all of them have it (a district
    page's 高新区, 工作)."""
    df: dict[str, int] = {}
    for bag in bags:
        for g in bag:
            df[g] = df.get(g, 0) + 1
    return {g: math.log((1 + len(bags)) / d) for g, d in df.items()}


def overlap(a: dict, b: dict, idf: dict[str, float]) -> float:
    """The share of a's words (by rarity) that b has."""
    return sum(idf[g] for g in a if g in b) / (sum(idf[g] for g in a) or 1.0)
