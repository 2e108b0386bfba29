"""Fit the weights of reassembly's page-level decisions (learned.py) on gold annotations.

Reassembly runs over every annotated page with a Trace; each candidate it scored is labelled
from the gold (is this block a headline's; is this text part of a story whose other lines stand
elsewhere; which story does it end; does this headline head this story, or none; has this story
none) and one logistic regression a decision is fitted on them (scikit-learn, standardised
features folded back into plain weights). Decisions that read what an earlier one chose are
fitted in order, each with the weights fitted before it.

    python -m generator fit --gold GOLD_DIR:PAGES_DIR [...] [--out generator/data/weights.json]
"""
from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

from ..read.page import read_page
from . import learned, reassemble
from .learned import Model, Trace, Weights

# The decisions, in the order they are fitted, each a binary classifier (False) or a ranking of
# stories (True). The headline decode's three (a headline heads this story; heads none; a story
# has none) are scored by log-odds, so the decode's best total is its most likely reading.
DECODE_MODELS = ("headline", "orphan", "untitled")
DECISIONS = (("heading", False), ("boundary", False), ("headline", False), ("orphan", False),
             ("untitled", False), ("dispatch", False), ("tail", False), ("tail_story", True))


def gold_pages(sets: list[tuple[Path, Path]], keep=lambda name: True) -> list[tuple[Path, dict]]:
    """(page path, gold) for every gold file whose page exists and whose name `keep` accepts."""
    out = []
    for gold_dir, pages_dir in sets:
        for path in sorted(Path(gold_dir).glob("*.json")):
            page = Path(pages_dir) / path.with_suffix(".txt").name
            if page.exists() and keep(page.name):
                out.append((page, json.loads(path.read_text(encoding="utf-8"))))
    return out


def _lines(ranges, nonblank) -> frozenset[int]:
    return frozenset(n for a, b in ranges or [] for n in range(int(a), int(b) + 1) if n in nonblank)


class _Gold:
    """One page's gold as sets of line numbers, to label candidates with."""

    def __init__(self, page, gold: dict):
        nonblank = {n for n, line in enumerate(page.lines, 1) if line.strip()}
        self.bodies = [_lines(a["body_lines"], nonblank) for a in gold["articles"]]
        self.heads = [_lines(a.get("headline_lines"), nonblank) for a in gold["articles"]]
        self.head_lines = set().union(*self.heads)
        self.article = {n: k for k, body in enumerate(self.bodies) for n in body}

    def owner(self, lines) -> int | None:
        """The gold article that holds most of these lines."""
        counts: dict[int, int] = {}
        for n in lines:
            if n in self.article:
                counts[self.article[n]] = counts.get(self.article[n], 0) + 1
        return max(counts, key=lambda k: (counts[k], -k)) if counts else None

    def label(self, candidate: learned.Candidate) -> int:
        first, second = candidate.lines
        if candidate.decision == "heading":  # is this block a headline's?
            return int(set(first) <= self.head_lines)
        if candidate.decision == "headline":  # is this group the headline of the article this story is of?
            k = self.owner(second)
            return int(k is not None and bool(self.heads[k]) and frozenset(first) == self.heads[k])
        if candidate.decision == "orphan":  # does this group head nothing?
            return int(not set(first) & self.head_lines)
        if candidate.decision == "untitled":  # has this story no headline: its article none, or it is
            k = self.owner(first)             # the lesser part of an article whose headline heads the rest
            return int(k is None or not self.heads[k] or 2 * len(set(first) & self.bodies[k]) < len(self.bodies[k]))
        if candidate.decision == "boundary":  # does another story start here?
            return int(self.owner(second) != self.owner(first))
        if not second:  # is this text part of a story whose other lines stand elsewhere?
            owner = self.owner(first)
            return int(owner is not None and bool(self.bodies[owner] - set(first)))
        story = self.owner(second)  # does this text end that story?
        return int(story is not None and self.owner(first) == story)


def traces(pages: list[tuple[Path, dict]], weights: Weights) -> list[tuple[learned.Candidate, int]]:
    """Every candidate reassembly scores on these pages (with `weights`), labelled from gold."""
    out = []
    with learned.using(weights):
        for path, gold in pages:
            page = read_page(path)
            trace = Trace()
            reassemble(page, trace)
            labels = _Gold(page, gold)
            out += [(c, labels.label(c)) for c in trace.candidates]
    return out


def fit_model(rows: list[tuple[dict[str, float], int, float]], features: tuple[str, ...], intercept: bool = True) -> Model:
    """Logistic regression on standardised features (rows: features, label, sample weight),
    returned as weights on the raw features."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([[r[f] for f in features] for r, _, _ in rows], dtype=float)
    y = np.array([label for _, label, _ in rows])
    w = np.array([weight for _, _, weight in rows])
    if len(set(y)) < 2:  # every candidate alike: the features cannot tell; the smoothed share decides
        positive = float(w[y == 1].sum())
        return Model(features, (0.0,) * len(features), math.log((positive + 1) / (float(w.sum()) - positive + 1)))
    mean, scale = (x.mean(axis=0) if intercept else np.zeros(x.shape[1])), x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=1.0, max_iter=2000, fit_intercept=intercept).fit((x - mean) / scale, y, sample_weight=w)
    coef = clf.coef_[0] / scale
    return Model(features, tuple(float(c) for c in coef), float(clf.intercept_[0] - (coef * mean).sum()) if intercept else 0.0)


def fit(sets: list[list[tuple[Path, dict]]], start: Weights | None = None, only: tuple[str, ...] = ()) -> Weights:
    """Weights fitted on gold sets, each set counting as much as any other however many pages it has.
    `only`: fit just these decisions and keep the others' weights, as when a decision is added to a
    reassembly whose other weights hold."""
    weights = start or learned.shipped()
    for decision, ranking in DECISIONS:
        if not only or decision in only:
            weights = _fit_decision(sets, weights, decision, ranking)
    return weights


def _fit_decision(sets, weights: Weights, decision: str, ranking: bool) -> Weights:
    """One binary or ranking decision fitted with the weights fitted so far for the others."""
    found = [[(c, y) for c, y in traces(pages, weights) if c.decision == decision] for pages in sets]
    rows = []
    for per_set in found:
        examples = _ranking_rows(per_set) if ranking else [(c.features, y) for c, y in per_set]
        rows += [(x, y, 1.0 / max(1, len(examples))) for x, y in examples]
    scale = len(rows) / sum(w for _, _, w in rows)  # each set counts alike; the mean weight is 1
    rows = [(x, y, w * scale) for x, y, w in rows]
    model = fit_model(rows, weights[decision].features, intercept=not ranking)
    return replace(weights, models={**weights.models, decision: model})


def _ranking_rows(candidates) -> list[tuple[dict[str, float], int]]:
    """A ranking as a classification: for each text whose right story is among its candidates,
    the right story's features less another's (label 1) and the reverse (label 0)."""
    by_text: dict = {}
    for c, y in candidates:
        by_text.setdefault(c.lines[0], []).append((c.features, y))
    rows = []
    for options in by_text.values():
        right = [x for x, y in options if y]
        for x, y in options:
            if right and not y:
                diff = {f: right[0][f] - x[f] for f in x}
                rows += [(diff, 1), ({f: -v for f, v in diff.items()}, 0)]
    return rows
