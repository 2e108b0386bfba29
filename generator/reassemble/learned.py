"""The page-level decisions of reassembly, scored by weights fitted on annotated pages.

Each decision is a linear model over named features that reassembly computes once per
candidate: `heading` (is this short block a headline or text); `boundary` (does another story
start at this paragraph of a story, with no dateline); the headline decode's
`headline` (this group heads this story), `orphan` (it heads none) and `untitled` (this story
has none); `dispatch` (this dispatch that no headline heads is part of the report
beside it); `tail` (is this text at the top of the page the end of a story further down) and
`tail_story` (which story it ends). The weights live in `data/weights.json`, written by
`python -m generator fit` (generator/reassemble/fit.py) from gold annotations; nothing here is set by
hand but the feature names. `Trace` records every candidate with its features: what fitting reads.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .settings import DOUBT_MARGINS

WEIGHTS_FILE = "weights.json"


@dataclass(frozen=True)
class Model:
    features: tuple[str, ...]
    coef: tuple[float, ...]
    intercept: float

    def logit(self, x: dict[str, float]) -> float:
        return self.intercept + sum(w * x[name] for name, w in zip(self.features, self.coef))


@dataclass(frozen=True)
class Weights:
    models: dict[str, Model]

    def __getitem__(self, name: str) -> Model:
        return self.models[name]

    def to_json(self) -> str:
        """One model a line, numbers to six places: a refit shows as a readable diff."""
        models = ",\n".join(
            f'  "{name}": ' + json.dumps({"features": list(m.features), "coef": [round(c, 6) for c in m.coef],
                                         "intercept": round(m.intercept, 6)}, ensure_ascii=False)
            for name, m in sorted(self.models.items()))
        return f'{{\n "models": {{\n{models}\n }}\n}}\n'

    @classmethod
    def from_json(cls, text: str) -> "Weights":
        data = json.loads(text)
        models = {name: Model(tuple(m["features"]), tuple(m["coef"]), float(m["intercept"]))
                  for name, m in data["models"].items()}
        return cls(models)


@cache
def shipped() -> Weights:
    """The weights that come with the generator (fitted on every gold set the maintainers had)."""
    return Weights.from_json(resources.files("generator.data").joinpath(WEIGHTS_FILE).read_text("utf-8"))


_active: list[Weights] = []  # weights being fitted or tried, innermost last


def weights() -> Weights:
    return _active[-1] if _active else shipped()


@contextmanager
def using(trial: Weights):
    """Reassemble with `trial` instead of the shipped weights (fitting, cross-validation)."""
    _active.append(trial)
    try:
        yield trial
    finally:
        _active.pop()


@dataclass
class Candidate:
    decision: str  # the model that scores it: heading, boundary, headline, orphan, untitled, dispatch, tail, tail_story
    features: dict[str, float]
    lines: tuple[tuple[int, ...], tuple[int, ...]]  # what it is about: (block, headline or text; the story or ())


@dataclass
class Trace:
    """Every candidate reassembly scored on one page, for fitting."""

    candidates: list[Candidate] = field(default_factory=list)

    def add(self, decision: str, features: dict[str, float], first, second) -> None:
        self.candidates.append(Candidate(decision, dict(features), (tuple(first), tuple(second))))


@dataclass
class Doubts:
    """The decisions of one page that were close (settings.DOUBT_MARGINS): what an editor should
    check first. Each: the decision, and the first line of what it was about."""

    found: list[tuple[str, int]] = field(default_factory=list)

    def weigh(self, decision: str, margin: float, lines) -> None:
        if abs(margin) < DOUBT_MARGINS[decision] and lines:
            self.found.append((decision, min(lines)))


def decide(decision: str, x: dict[str, float], first, second=(), trace: Trace | None = None,
           doubts: Doubts | None = None, about=None) -> float:
    """The `decision` model's score for one candidate (`first`, and `second` where it is about two
    pieces), recorded for fitting where there is a trace, and as a doubt where it is close
    (`about`: the lines a doubt names; `first` where not given)."""
    if trace is not None:
        trace.add(decision, x, first, second)
    score = weights()[decision].logit(x)
    if doubts is not None:
        doubts.weigh(decision, score, first if about is None else about)
    return score
