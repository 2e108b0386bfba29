"""Topics from a taxonomy kept as data, by keyword rules a reader can check."""
from __future__ import annotations

from functools import cache
from importlib import resources

import yaml

from ..text.chars import is_han
from ..text.words import tag


@cache
def taxonomy() -> tuple[int, dict[str, list[str]]]:
    data = _data()
    return int(data["threshold"]), {name: list(words) for name, words in data["topics"].items()}


@cache
def _data() -> dict:
    return yaml.safe_load(resources.files("generator.data").joinpath("topics.yaml").read_text(encoding="utf-8"))


# Words cut off after a name that make it a street's or a square's: 大学 / 路 is a street.
STREET = ("路", "街", "大道", "大街", "巷", "广场", "公园", "小区")


def without_names(text: str, names: list[str] = (), tokens: list[tuple[str, str]] | None = None) -> str:
    """`text` with the names in it blanked out: the article's people, organisations and places,
    a word jieba cut off from a street's suffix (大学 of 大学路), and the taxonomy's `blank`
    phrases. No topic comes from a word inside a name: 郑州大学 says nothing of education, 大学路
    nothing at all. `tokens` are jieba's words of `text` (cut here where not given)."""
    words = [w for w, _ in (tag(text) if tokens is None else tokens)]
    for k in [k for k, after in enumerate(words[1:]) if after in STREET and is_han(words[k][-1])]:
        words[k] = "　" * len(words[k])
    text = "".join(words)
    for name in sorted([*names, *_data().get("blank", [])], key=len, reverse=True):
        text = text.replace(name, "　" * len(name))
    return text


def topics(title: str, body: str, keywords: list[str] = (), limit: int = 3, names: list[str] = (),
           tokens: list[tuple[str, str]] | None = None) -> list[str]:
    """Topics whose keywords score at least the threshold: a keyword in the title counts 3,
    each use in the body 1 (at most 3), and one of the article's own jieba keywords 2 more;
    a word inside one of the `names` (without_names) does not count. `tokens`: jieba's words of
    the body."""
    threshold, table = taxonomy()
    title, body = without_names(title, names), without_names(body, names, tokens)
    # a word can stand in the text only where its first two characters do: most words are skipped unread
    by_start, by_word, short = _entries()
    entries = set(short).union(*(by_start[g] for g in by_start if g in body or g in title),
                               *(by_word[w] for w in keywords if w in by_word))
    scores = dict.fromkeys(table, 0)
    for name, _, w in entries:
        scores[name] += 3 * title.count(w) + min(body.count(w), 3) + 2 * (w in keywords)
    ranked = sorted((n for n in table if scores[n] >= threshold), key=lambda n: -scores[n])  # stable: taxonomy order
    return ranked[:limit]


@cache
def _entries() -> tuple[dict[str, list], dict[str, list], list]:
    """The taxonomy's words as (topic, place in it, word), by their first two characters, by
    themselves, and those of one character."""
    by_start: dict[str, list] = {}
    by_word: dict[str, list] = {}
    short = []
    for name, words in taxonomy()[1].items():
        for i, w in enumerate(words):
            entry = (name, i, w)
            by_word.setdefault(w, []).append(entry)
            if len(w) < 2:
                short.append(entry)
            else:
                by_start.setdefault(w[:2], []).append(entry)
    return by_start, by_word, short
