"""The article export: one JSON object a line, the contract the accuracy work is scored on."""
from __future__ import annotations

import json
from pathlib import Path

from ..extract.model import Article
from .files import write_atomically

FIELDS = ("id", "source", "kind", "title", "title_derived", "kicker", "subtitle", "headline_lines",
          "body_lines", "reporters", "correspondents", "photographers", "event_date", "event_date_text",
          "date", "date_precision", "date_inferred", "year", "district", "district_full", "city",
          "persons", "person_roles", "organizations", "places", "topics", "keywords")


def record(article: Article, copy: bool = True) -> dict:
    """The article's fields, as copies unless `copy` is false (for a record only written out):
    a copied record can be changed without changing the article."""
    if not copy:
        return {key: getattr(article, key) for key in FIELDS}
    return {key: _copy(getattr(article, key)) for key in FIELDS}


def _copy(value):
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return value


def write_jsonl(articles: list[Article], path: Path | str) -> None:
    lines = [json.dumps(record(a), ensure_ascii=False, sort_keys=False) for a in articles]
    write_atomically(Path(path), "".join(line + "\n" for line in lines))
