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

from ..extract import jumps
from ..extract.model import Article
from ..text.chars import is_han

SHOWN = 5  # related articles an article lists
REASONS = 3  # shared terms a reason names, the rarest first
# A term in more articles than this is no sign of kinship (a district's party secretary, in
# thousands of its articles): COMMON_SHARE of the archive, but never fewer than COMMON_FLOOR (a
# small archive) or more than COMMON_AT (a large one, where every article would otherwise be
# compared with thousands).
COMMON_SHARE = 0.02
COMMON_FLOOR = 5
COMMON_AT = 200
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
    """Each article's related articles, the closest first (ties: the newer, then the first in the archive)."""
    n = len(articles)
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    own = [terms(a) for a in articles]
    for i, mine in enumerate(own):
        for term in mine:
            postings[term].append(i)
    limit = min(COMMON_AT, max(COMMON_FLOOR, COMMON_SHARE * n), n - 1)  # in all of them, a term weighs nothing
    kept = [(term, docs) for term, docs in postings.items() if 2 <= len(docs) <= limit]
    if n < 2 or not kept:
        return {}
    rows = np.concatenate([np.asarray(docs) for _, docs in kept])
    cols = np.repeat(np.arange(len(kept)), [len(docs) for _, docs in kept])
    weight = np.array([math.log(n / len(docs)) for _, docs in kept])[cols]
    matrix = sparse.csr_matrix((weight, (rows, cols)), shape=(n, len(kept)))
    norms = np.sqrt(matrix.multiply(matrix).sum(axis=1)).A1
    matrix = sparse.csr_matrix(sparse.diags(1 / np.where(norms, norms, 1)) @ matrix)
    # what two articles share, as one number, a name counting more than any number of words:
    # one word alone in common is chance, one person or organisation is not (below: >= 2)
    sign = np.array([1.0 if term[0] == "words" else 1000.0 for term, _ in kept])[cols]
    shares = sparse.csr_matrix((sign, (rows, cols)), shape=(n, len(kept)))
    transposed, shares_t = matrix.T.tocsr(), shares.T.tocsr()
    order = sorted(range(n), key=lambda i: (articles[i].date or "", articles[i].id))
    newer = np.empty(n, np.int64)
    newer[order] = np.arange(n, 0, -1)  # 1 for the newest: ties go to the newer
    out: dict[str, list[Related]] = {}
    for start in range(0, n, BLOCK):
        score = (matrix[start:start + BLOCK] @ transposed).tocsr()
        shared = (shares[start:start + BLOCK] @ shares_t).tocsr()
        for product in (score, shared):
            product.sort_indices()
        # every weight is positive, so the two products hold the same cells: their values line up
        assert np.array_equal(score.indptr, shared.indptr) and np.array_equal(score.indices, shared.indices)
        row = np.repeat(np.arange(score.shape[0]), np.diff(score.indptr))
        col, value = score.indices, score.data
        keep = (col != row + start) & (value >= MIN_SCORE) & (shared.data >= 2)
        row, col, value = row[keep], col[keep], value[keep]
        # by row, then the closest, then the newer, then the first in the archive
        by = np.lexsort((col, newer[col], -np.round(value, 9), row))
        row, col = row[by], col[by]
        first = np.r_[0, np.flatnonzero(row[1:] != row[:-1]) + 1]
        place = np.arange(len(row)) - np.repeat(first, np.diff(np.r_[first, len(row)]))
        for i, j in zip((row[place < SHOWN] + start).tolist(), col[place < SHOWN].tolist()):
            common = [t for t in own[i] if t in own[j] and 2 <= len(postings[t]) <= limit]
            out.setdefault(articles[i].id, []).append(Related(articles[j].id, articles[j].title, _why(common, postings)))
    return out


def continued(articles: list[Article]) -> dict[str, list[Related]]:
    """A story and its continuation on another page of the issue (extract/jumps.py), each the
    other's first related article: 下转第2版, 上接第1版."""
    out: dict[str, list[Related]] = {}
    for story, piece in jumps.pairs(articles):
        out.setdefault(story.id, []).append(Related(piece.id, piece.title, f"下转{_printed(piece.page_label)}"))
        out.setdefault(piece.id, []).append(Related(story.id, story.title, f"上接{_printed(story.page_label)}"))
    return out


def _printed(page: str) -> str:
    return f"第{page}版" if page.isdigit() else f"{page}版"


def _why(shared: list[tuple[str, str]], postings: dict) -> str:
    """The shared terms by kind, the rarest first: 共同人物：王家鹏；共同词语：盾构、掘进."""
    parts = []
    for kind, label in KINDS:
        mine = sorted((t for t in shared if t[0] == kind), key=lambda t: (len(postings[t]), t[1]))[:REASONS]
        if mine:
            parts.append(label + "：" + "、".join(t[1] for t in mine))
    return "；".join(parts)
