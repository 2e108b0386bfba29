"""Topics from a taxonomy kept as data, by keyword rules a reader can check."""
from __future__ import annotations

from functools import cache
from importlib import resources

import yaml


@cache
def taxonomy() -> tuple[int, dict[str, list[str]]]:
    data = yaml.safe_load(resources.files("generator.data").joinpath("topics.yaml").read_text(encoding="utf-8"))
    return int(data["threshold"]), {name: list(words) for name, words in data["topics"].items()}


def topics(title: str, body: str, limit: int = 3) -> list[str]:
    threshold, table = taxonomy()
    scores = {}
    for name, words in table.items():
        score = sum(3 * title.count(w) + min(body.count(w), 3) for w in words)
        if score >= threshold:
            scores[name] = score
    ranked = sorted(scores, key=lambda n: (-scores[n], list(table).index(n)))
    return ranked[:limit]
