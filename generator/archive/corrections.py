"""Editorial corrections, kept beside the raw pages (`archive/corrections.yaml`) and applied
on every build, so a correction survives re-generation. The format is documented in
docs/corrections.md. A correction that no longer applies (an unknown id, a line out of range)
is an error naming the corrections file and line: never a silent skip."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..read.page import CONTROL, Page, yaml_shape_fault

FIELDS = ("title", "kicker", "subtitle", "date", "district", "city", "reporters", "correspondents",
          "photographers", "persons", "organizations", "text", "note")
LAYOUT = ("merge", "split", "headline", "furniture")


class CorrectionError(Exception):
    def __init__(self, path: Path, line: int, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}")

    def __reduce__(self):
        return CorrectionError, (self.path, self.line, self.message)


@dataclass
class Correction:
    data: dict
    line: int  # where it stands in the file, for messages
    path: Path

    @property
    def kind(self) -> str:
        return next((k for k in LAYOUT if k in self.data), "fields")

    def error(self, message: str) -> CorrectionError:
        return CorrectionError(self.path, self.line, message)


@dataclass
class Corrections:
    items: list[Correction] = field(default_factory=list)

    @property
    def layout(self) -> list[Correction]:
        return [c for c in self.items if c.kind != "fields"]

    @property
    def fields(self) -> list[Correction]:
        return [c for c in self.items if c.kind == "fields"]


MAX_DEPTH = 8  # a list of corrections, each a mapping of values, lists of two line numbers at most


def load(path: Path | None) -> Corrections:
    if path is None or not path.exists():
        return Corrections()
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise CorrectionError(path, data[:err.start].count(b"\n") + 1, "not UTF-8: save the corrections as UTF-8") from None
    try:
        _check_shape(path, text)
        root = yaml.compose(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise CorrectionError(path, mark.line + 1 if mark else 1, f"invalid YAML: {err}") from None
    if root is None:
        return Corrections()
    if not isinstance(root, yaml.SequenceNode):
        raise CorrectionError(path, root.start_mark.line + 1, "the file must be a list of corrections")
    items = []
    for node in root.value:
        # every scalar as written: an id like 0000000123 or 1e40 must not turn into a number
        data = _typed(yaml.load(yaml.serialize(node), Loader=yaml.BaseLoader))
        item = Correction(data if isinstance(data, dict) else {}, node.start_mark.line + 1, path)
        _validate(item)
        items.append(item)
    return Corrections(items)


def _check_shape(path: Path, text: str) -> None:
    """No anchors and aliases, and no nesting deeper than a correction has, before anything is built."""
    fault = yaml_shape_fault(text, MAX_DEPTH)
    if fault:
        raise CorrectionError(path, fault[0], f"{fault[1]}: not a list of corrections")


def _typed(value, key: str = ""):
    """Strings as written, but null as None and line numbers as numbers."""
    if isinstance(value, dict):
        return {k: _typed(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v, key) for v in value]
    if value in ("null", "~", "Null", "NULL"):
        return None
    if key in ("at", "lines") and value.isdigit():
        return int(value)
    return value


def _validate(item: Correction) -> None:
    data = item.data
    if not data:
        raise item.error("a correction is a mapping, e.g. {id: …, title: …}")
    kinds = [k for k in LAYOUT if k in data]
    if len(kinds) > 1:
        raise item.error(f"one change per entry, not {kinds}")
    allowed = {"merge": {"merge", "note"}, "split": {"split", "at", "note"}, "headline": {"headline", "to", "note"},
               "furniture": {"furniture", "note"}}.get(kinds[0] if kinds else "", {"id", *FIELDS})
    unknown = set(data) - allowed
    if unknown:
        raise item.error(f"unknown keys {sorted(unknown)}; this kind of correction takes {sorted(allowed)}")
    if not kinds and "id" not in data:
        raise item.error("a field correction names its article: id: …")
    if "merge" in data and not (isinstance(data["merge"], list) and len(data["merge"]) == 2):
        raise item.error("merge takes two article ids: merge: [first, second]")
    if "split" in data and not isinstance(data.get("at"), int):
        raise item.error("split takes the line that starts the new article: at: 114")
    for key in ("headline", "furniture"):
        if key in data and not (isinstance(data[key], dict) and {"page", "lines"} <= set(data[key])):
            raise item.error(f"{key} takes page: NAME.txt and lines: [first, last]")
    if "headline" in data and "to" not in data:
        raise item.error("headline takes the article it belongs to: to: ID")
    if "date" in data and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(data["date"])):
        raise item.error(f"date must be YYYY-MM-DD, not {data['date']!r}")
    if "merge" in data and data["merge"][0] == data["merge"][1]:
        raise item.error("merge takes two different articles")
    for key in ("headline", "furniture"):
        if key in data and not _is_lines(data[key]["lines"]):
            raise item.error(f"{key}: lines takes a line or [first, last], not {data[key]['lines']!r}")
    for key in LISTS:
        if key in data and not (isinstance(data[key], list) and all(isinstance(v, str) and _one_line(v) for v in data[key])):
            raise item.error(f"{key} takes a list of names on one line each: {key}: [张三, 李四]")
    for key in TEXTS:
        if key in data and not (data[key] is None or isinstance(data[key], str) and _one_line(data[key])):
            raise item.error(f"{key} takes one line of text")
    if "text" in data and not (isinstance(data["text"], dict) and
                               all(isinstance(v, str) and _one_line(v) for v in data["text"].values())):
        raise item.error("text takes paragraphs by their anchor, one line each: text: {p4: …}")


LISTS = ("reporters", "correspondents", "photographers", "persons", "organizations")
TEXTS = ("title", "kicker", "subtitle", "date", "district", "city", "note")


def _one_line(value: str) -> bool:
    """No line break or control character: a corrected value goes into one line of Markdown."""
    return not CONTROL.search(value)


def _is_lines(value) -> bool:
    return isinstance(value, int) or (isinstance(value, list) and 1 <= len(value) <= 2 and
                                      all(isinstance(v, int) for v in value))


def _range(item: Correction, spec: dict, page: Page) -> list[int]:
    first, last = (spec["lines"] + spec["lines"])[:2] if isinstance(spec["lines"], list) else (spec["lines"],) * 2
    if not (1 <= first <= last <= len(page.lines)):
        raise item.error(f"lines {first}–{last} are not on {page.name} (it has {len(page.lines)} lines)")
    return list(range(first, last + 1))


def apply_layout(layout, page: Page, corrections: Corrections, ids: dict[int, str]) -> set[int]:
    """Apply the layout corrections that concern this page to its drafts (in place); `ids` are
    the drafts' ids (by position) before any correction. Returns the lines (in the file) of
    the corrections applied, so the caller can tell which matched no page."""
    from ..reassemble.stories import Draft

    drafts = {ids[i]: d for i, d in enumerate(layout.articles)}
    applied: set[int] = set()
    for item in corrections.layout:
        data = item.data
        if "furniture" in data and data["furniture"]["page"] == page.name:
            lines = set(_range(item, data["furniture"], page))
            for d in layout.articles:
                d.fragments = [[n for n in f if n not in lines] for f in d.fragments]
                d.fragments = [f for f in d.fragments if f]
                d.headline = [[n for n in u if n not in lines] for u in d.headline]
                d.headline = [u for u in d.headline if u]
            layout.articles = [d for d in layout.articles if d.fragments or d.headline]
            layout.furniture = sorted(set(layout.furniture) | {n for n in lines if page.lines[n - 1].strip()})
            layout.unplaced = [n for n in layout.unplaced if n not in lines]
            applied.add(item.line)
        elif "headline" in data and data["headline"]["page"] == page.name:
            target = drafts.get(str(data["to"]))
            if target is None:
                raise item.error(f"no article {data['to']} on {page.name}")
            lines = _range(item, data["headline"], page)
            for d in layout.articles:
                d.headline = [[n for n in u if n not in lines] for u in d.headline]
                d.headline = [u for u in d.headline if u]
                d.fragments = [[n for n in f if n not in lines] for f in d.fragments]
                d.fragments = [f for f in d.fragments if f]
            moved = [n for n in lines if page.lines[n - 1].strip()]
            target.headline = sorted(target.headline + [moved], key=lambda u: u[0])  # joins its own headline
            applied.add(item.line)
        elif "merge" in data:
            first, second = (drafts.get(str(x)) for x in data["merge"])
            if first is not None and second is not None:
                first.fragments += second.fragments
                first.headline = first.headline or second.headline
                layout.articles.remove(second)
                applied.add(item.line)
            elif first is not None or second is not None:
                raise item.error(f"merge: both articles must be on the same page ({page.name} has only one of them)")
        elif "split" in data and str(data["split"]) in drafts:
            draft, at = drafts[str(data["split"])], data["at"]
            body = draft.body
            if at not in body or at == body[0]:
                raise item.error(f"line {at} is not inside article {data['split']} (after its first line)")
            k = body.index(at)
            head, tail = body[:k], body[k:]
            draft.fragments = [head]
            layout.articles.insert(layout.articles.index(draft) + 1, Draft(kind=draft.kind, fragments=[tail]))
            applied.add(item.line)
    return applied


def apply_fields(articles: list, corrections: Corrections) -> None:
    """Field corrections, by article id; the original of every changed text is kept."""
    by_id = {a.id: a for a in articles}
    for item in corrections.fields:
        article = by_id.get(str(item.data["id"]))
        if article is None:
            raise item.error(f"no article with id {item.data['id']} (see the registry of issued ids)")
        for key, value in item.data.items():
            if key in ("id", "note"):
                continue
            if key == "text":
                for anchor, text in (value or {}).items():
                    k = int(str(anchor).lstrip("p")) - 1
                    if not 0 <= k < len(article.paragraphs):
                        raise item.error(f"article {article.id} has no paragraph {anchor}")
                    paragraph = article.paragraphs[k]
                    paragraph.setdefault("original", paragraph["text"])
                    paragraph["text"] = str(text)
                continue
            if key == "date":
                article.corrected.append({"field": key, "original": article.event_date, "value": str(value)})
                article.event_date, article.year = str(value), int(str(value)[:4])
                article.date_inferred = False
                continue
            original = getattr(article, key)
            article.corrected.append({"field": key, "original": original, "value": value})
            setattr(article, key, value)
        if item.data.get("note"):
            article.corrected.append({"field": "note", "original": None, "value": item.data["note"]})
