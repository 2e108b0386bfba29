"""Topics from a taxonomy kept as data, by keyword rules a reader can check."""
from __future__ import annotations

import operator
from functools import cache
from importlib import resources

import yaml


@cache
def taxonomy() -> tuple[int, dict[str, list[str]]]:
    data = yaml.safe_load(resources.files("generator.data").joinpath("topics.yaml").read_text(encoding="utf-8"))
    return int(data["threshold"]), {name: list(words) for name, words in data["topics"].items()}


def topics(title: str, body: str, keywords: list[str] = (), limit: int = 3) -> list[str]:
    """Topics whose keywords score at least the threshold: a keyword in the title counts 3,
    each use in the body 1 (at most 3), and one of the article's own jieba keywords 2 more."""
    threshold, table = taxonomy()
    # a word can stand in the text only where its first two characters do: most words are skipped unread
    grams = set(map(operator.add, title, title[1:])) | set(map(operator.add, body, body[1:]))
    scores = {}
    for name, words in table.items():
        score = sum(3 * title.count(w) + min(body.count(w), 3) + 2 * (w in keywords) for w in words
                    if w[:2] in grams or len(w) < 2 or w in keywords)
        if score >= threshold:
            scores[name] = score
    ranked = sorted(scores, key=lambda n: (-scores[n], list(table).index(n)))
    return ranked[:limit]
