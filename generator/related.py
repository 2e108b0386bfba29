"""Related articles: for each article, the few others that share the most telling things with it
(people, organisations, its distinctive words), each with why: 共同人物：王家鹏.

TF-IDF over the archive, with what an article names as its terms: its people, its organisations
(as the site names them) and its keywords (jieba's TF-IDF keywords, kept with the page). A term
weighs log(N / df): one shared by few articles says more than one that half the archive has, and
terms in more than COMMON_SHARE of the articles are left out as saying nothing (二七区 in a 二七区
paper). Articles are compared by the cosine of their weights, a sparse product a block of rows at a
time, so the archive's size costs time in proportion to what articles share, not its square.
"""
from __future__ import annotations

import math
from collections import defaultdict
from typing import NamedTuple

import numpy as np
from scipy import sparse

from .model import Article
from .text import is_han

SHOWN = 5  # related articles an article lists
REASONS = 3  # shared terms a reason names, the rarest first
COMMON_SHARE = 0.02  # a term in more of the archive's articles than this is no sign of kinship…
COMMON_FLOOR = 5  # … unless in this few (a small archive)
MIN_SCORE = 0.08  # the cosine below which two articles are not called related
BLOCK = 2048  # rows a sparse product at a time: a block's candidates take tens of MB
KINDS = (("people", "共同人物"), ("orgs", "共同机构"), ("words", "共同词语"))


class Related(NamedTuple):
    id: str
    title: str
    why: str  # 共同人物：王家鹏；共同词语：盾构


def terms(article: Article) -> dict[tuple[str, str], None]:
    """The article's terms (kind, term), each once; a keyword that is a name counts as the name."""
    named = dict.fromkeys([("people", p) for p in article.persons]
                          + [("orgs", article.body_page(o)) for o in article.organizations])
    names = {t for _, t in named}
    return named | dict.fromkeys(("words", w) for w in article.keywords if w not in names and len(w) > 1
                                 and any(map(is_han, w)))  # not 12 or 28: a number is no topic


def related(articles: list[Article]) -> dict[str, list[Related]]:
    """Each article's related articles, the closest first (ties: the newer, then by id)."""
    n = len(articles)
    if n < 2:
        return {}
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    own = [terms(a) for a in articles]
    for i, mine in enumerate(own):
        for term in mine:
            postings[term].append(i)
    limit = max(COMMON_FLOOR, COMMON_SHARE * n)
    kept = [(term, docs) for term, docs in postings.items() if 2 <= len(docs) <= limit]
    weighed = {term for term, _ in kept}
    if not kept:
        return {}
    weight = np.array([math.log(n / len(docs)) for _, docs in kept])
    rows = np.concatenate([np.asarray(docs) for _, docs in kept])
    cols = np.repeat(np.arange(len(kept)), [len(docs) for _, docs in kept])
    matrix = sparse.csr_matrix((weight[cols], (rows, cols)), shape=(n, len(kept)))
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    norms[norms == 0] = 1
    matrix = sparse.csr_matrix(sparse.diags(1 / norms) @ matrix)
    transposed = matrix.T.tocsr()
    order = sorted(range(n), key=lambda i: (articles[i].date or "", articles[i].id))  # older first
    rank = np.empty(n, np.int64)
    rank[order] = np.arange(n)
    out: dict[str, list[Related]] = {}
    for start in range(0, n, BLOCK):
        scores = (matrix[start:start + BLOCK] @ transposed).tocsr()
        for row in range(scores.shape[0]):
            i = start + row
            cells = slice(scores.indptr[row], scores.indptr[row + 1])
            others, values = scores.indices[cells], scores.data[cells]
            keep = (others != i) & (values >= MIN_SCORE)
            others, values = others[keep], values[keep]
            if not len(others):
                continue
            found = []
            # the closest first; ties by the newer, then the id (rank holds both)
            for j in others[np.lexsort((-rank[others], -np.round(values, 9)))].tolist():
                shared = [t for t in own[i] if t in own[j] and t in weighed]
                # one word alone in common is chance; one person or organisation is not
                if len(shared) > 1 or shared[0][0] != "words":
                    found.append(Related(articles[j].id, articles[j].title, _why(shared, postings)))
                    if len(found) == SHOWN:
                        break
            if found:
                out[articles[i].id] = found
    return out


def _why(shared: list[tuple[str, str]], postings: dict) -> str:
    """The shared terms by kind, the rarest first: 共同人物：王家鹏；共同词语：盾构、掘进."""
    parts = []
    for kind, label in KINDS:
        mine = sorted((t for t in shared if t[0] == kind), key=lambda t: (len(postings[t]), t[1]))[:REASONS]
        if mine:
            parts.append(label + "：" + "、".join(t[1] for t in mine))
    return "；".join(parts)
