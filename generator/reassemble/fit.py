"""Fit the weights of reassembly's page-level decisions (learned.py) on gold annotations.

Reassembly runs over every annotated page with a Trace; each candidate it scored is labelled
from the gold (is this block a headline's; is this text part of a story whose other lines stand
elsewhere; which story does it end) and one logistic regression a decision is fitted on them
(scikit-learn, standardised features folded back into plain weights). The headline decode is
fitted on the decode itself, as a structured perceptron. Decisions that read what an earlier
one chose are fitted in order, each with the weights fitted before it.

    python -m generator fit --gold GOLD_DIR:PAGES_DIR [...] [--out generator/data/weights.json]
"""
from __future__ import annotations

import json
import math
import random
from dataclasses import replace
from pathlib import Path

from ..read.page import read_page
from . import learned, reassemble
from .learned import Model, Trace, Weights

# The decisions fitted before and after the headline decode, in order, each a binary classifier
# (False) or a ranking of stories (True); how many passes the headline perceptron makes over the
# pages, and the seed of the order it takes them in.
EARLY_DECISIONS = (("heading", False), ("boundary", False))
LATER_DECISIONS = (("dispatch", False), ("tail", False), ("tail_story", True))
EPOCHS = 20
SHUFFLE_SEED = 0


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
    `only`: fit just these decisions (`headline` for the whole headline decode) and keep the
    others' weights, as when a decision is added to a reassembly whose other weights hold."""
    weights = start or learned.shipped()
    wanted = (lambda decision: not only or decision in only)
    for decision, ranking in EARLY_DECISIONS:
        if wanted(decision):
            weights = _fit_decision(sets, weights, decision, ranking)
    if wanted("headline"):
        weights = fit_headlines(sets, weights)
    for decision, ranking in LATER_DECISIONS:
        if wanted(decision):
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


# The parts of the headline decode, each scored by the model of its name.
DECODE_MODELS = ("headline", "orphan", "untitled")


def fit_headlines(sets: list[list[tuple[Path, dict]]], weights: Weights, epochs: int = EPOCHS) -> Weights:
    """The scores of the headline decode (a headline heads a story, heads none, a story has none),
    fitted together as a structured (averaged) perceptron: each page is decoded with the current
    weights, and where the decode differs from the gold the weights move by the features of the
    gold's choices less those of the decode's."""
    names = {m: weights[m].features for m in DECODE_MODELS}
    dims = sum(len(f) + 1 for f in names.values())
    w, total, steps = [0.0] * dims, [0.0] * dims, 0
    pages = [(path, gold, sum(map(len, sets)) / len(sets) / len(group)) for group in sets for path, gold in group]
    order = random.Random(SHUFFLE_SEED)
    for _ in range(epochs):
        order.shuffle(pages)  # a perceptron fitted in one fixed order leans to the pages seen last
        for path, gold, weight in pages:
            with learned.using(_as_weights(w, names, weights)):
                page = read_page(path)
                trace = Trace()
                reassemble(page, trace)
            target = _gold_decode(trace, _Gold(page, gold))
            if target is not None:
                chosen = [c for c in trace.chosen if c[0] in DECODE_MODELS]
                for i, (g, p) in enumerate(zip(_phi(target, trace, names), _phi(chosen, trace, names))):
                    w[i] += weight * (g - p)
            total = [t + v for t, v in zip(total, w)]
            steps += 1
    return _as_weights([t / steps for t in total], names, weights)


def _as_weights(w: list[float], names: dict[str, tuple[str, ...]], base: Weights) -> Weights:
    models, i = dict(base.models), 0
    for model, features in names.items():
        models[model] = Model(features, tuple(w[i:i + len(features)]), w[i + len(features)])
        i += len(features) + 1
    return replace(base, models=models)


def _phi(decode, trace: Trace, names: dict[str, tuple[str, ...]]) -> list[float]:
    """The summed features (a constant last in each part) of a page's headline decode."""
    table = {(c.decision, c.lines): c.features for c in trace.candidates}
    parts = {model: [0.0] * (len(features) + 1) for model, features in names.items()}
    for decision, first, second in decode:
        x, acc = table[(decision, (first, second))], parts[decision]
        for i, name in enumerate(names[decision]):
            acc[i] += x[name]
        acc[-1] += 1.0
    return [v for model in names for v in parts[model]]


def _gold_decode(trace: Trace, gold: "_Gold"):
    """The decode the gold asks for among the candidates reassembly had: each gold headline that
    is a candidate group heads the story holding most of its article; every other headline unit
    heads nothing, and every other story has no headline. None where the gold's choice cannot be
    made from these candidates."""
    groups = {c.lines[0] for c in trace.candidates if c.decision == "orphan"}
    stories = {c.lines[0] for c in trace.candidates if c.decision == "untitled"}
    unit_lines = {n for decision, lines, _ in trace.chosen if decision in ("headline", "orphan") for n in lines}
    decode, covered, headed = [], set(), set()
    for k, head in enumerate(gold.heads):
        group = next((g for g in groups if head and frozenset(g) == head), None)
        best = max(stories, key=lambda s: sum(1 for n in s if gold.article.get(n) == k), default=None)
        if group is None or best is None or gold.owner(best) != k or best in headed:
            continue
        decode.append(("headline", group, best))
        covered |= set(group)
        headed.add(best)
    singles = sorted(g for g in groups if set(g) <= unit_lines - covered)
    for group in singles:  # what no gold headline takes, unit by unit
        if not set(group) & covered and _is_unit(group, singles):
            decode.append(("orphan", group, ()))
            covered |= set(group)
    decode += [("untitled", story, ()) for story in sorted(stories - headed)]
    return decode if covered >= unit_lines else None


def _is_unit(group, groups) -> bool:
    """No smaller candidate group lies inside this one: it is a single headline unit."""
    return not any(g != group and set(g) < set(group) for g in groups)
