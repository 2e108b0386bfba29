"""The records every stage after reassembly reads and writes: an article, and what became of a page."""
from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..read.page import Page, PageError, PageMeta
from .places import district_label, qualified_body


@dataclass(slots=True)  # no per-article __dict__: 100,000 of them are held at once
class Article:
    id: str
    source: str  # page file name
    kind: str  # news | photo | brief
    title: str
    title_derived: bool
    kicker: str | None
    subtitle: str | None
    headline_lines: list[list[int]]  # [[first, last], ...] 1-based, inclusive
    body_lines: list[list[int]]  # in reading order
    paragraphs: list[dict]  # {"text", "role", "lines"}
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)
    event_date: str | None = None  # YYYY-MM-DD, or MM-DD when no year is known
    event_date_text: str | None = None
    year: int | None = None
    date_inferred: bool = True  # the year was read off the page text, not given
    publication_date: str | None = None
    newspaper: str | None = None
    page_label: str | None = None
    district: str | None = None
    district_full: str | None = None
    city: str | None = None
    district_inferred: bool = True
    persons: list[str] = field(default_factory=list)
    person_roles: dict[str, list[str]] = field(default_factory=dict)  # the titles the text gives them
    organizations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)  # jieba TF-IDF keywords of the text
    corrected: list[dict] = field(default_factory=list)  # editors' corrections: field, original, value

    @property
    def date(self) -> str | None:
        """The article's date, as precise as it is known (YYYY-MM-DD, YYYY-MM or YYYY): the day
        its paper printed it; where that is not given, the day of the event it reports (the
        printing is seldom far from it), in the year the printing is known to be in."""
        printed = self.publication_date
        if printed and len(printed) == 10:
            return printed
        if self.event_date and len(self.event_date) == 10 and self.event_date.startswith(printed or ""):
            return self.event_date
        if printed:
            return printed
        return str(self.year) if self.year else None

    @property
    def date_precision(self) -> str:
        return {10: "day", 7: "month", 4: "year"}.get(len(self.date or ""), "unknown")

    @property
    def district_label(self) -> str | None:
        """The district as the site names and groups it: 二七区, but 郑州高新区 and 洛阳高新区."""
        return district_label(self.district, self.city) if self.district else None

    def body_page(self, name: str) -> str:
        """One of the article's organisations as the site names and groups it: a body named short
        by its level under the article's district or city (区党工委 → 高新区党工委)."""
        return qualified_body(name, self.district, self.city)

    @property
    def text(self) -> str:
        return "\n".join(p["text"] for p in self.paragraphs)


@dataclass
class PageReport:
    """What became of one page: its articles, and every line not placed in one."""

    page: Page
    articles: list[Article]
    furniture: list[int] = field(default_factory=list)
    unplaced: list[int] = field(default_factory=list)
    warnings: list[PageError] = field(default_factory=list)
    digest: str = ""  # of the page's text without whitespace: the same page under two names
    corrections: set[int] = field(default_factory=set)  # the corrections (by line in their file) applied
    doubts: list[tuple[str, int]] = field(default_factory=list)  # close reassembly decisions: 待校对


# A page's result as it is kept between builds: JSON, which loading cannot make run anything (a
# pickle can), read back into the records field by field, so a file that is not a result fails.
_ARTICLE_FIELDS = tuple(f.name for f in dataclasses.fields(Article))


def _error(err: PageError) -> list:
    return [str(err.path), err.message, err.line, err.reader]


def report_to_json(report: PageReport) -> bytes:
    page = report.page
    data = {"page": {"path": str(page.path), "raw": page.raw, "meta": dataclasses.asdict(page.meta),
                     "encoding": page.encoding, "warnings": [_error(w) for w in page.warnings]},
            "articles": [[getattr(a, name) for name in _ARTICLE_FIELDS] for a in report.articles],
            "furniture": report.furniture, "unplaced": report.unplaced,
            "warnings": [_error(w) for w in report.warnings], "digest": report.digest,
            "corrections": sorted(report.corrections), "doubts": report.doubts}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def report_from_json(data: bytes) -> PageReport:
    """The report `report_to_json` wrote; ValueError (or TypeError, KeyError) for anything else."""
    d = json.loads(data)
    p = d["page"]
    page = Page(path=Path(p["path"]), raw=_str(p["raw"]), meta=PageMeta(**p["meta"]), encoding=_str(p["encoding"]),
                warnings=tuple(PageError(*w) for w in p["warnings"]))
    articles = []
    for values in d["articles"]:
        if len(values) != len(_ARTICLE_FIELDS):
            raise ValueError("an article of another shape")
        articles.append(Article(**dict(zip(_ARTICLE_FIELDS, values))))
    return PageReport(page, articles, list(map(int, d["furniture"])), list(map(int, d["unplaced"])),
                      [PageError(*w) for w in d["warnings"]], _str(d["digest"]), set(map(int, d["corrections"])),
                      [(_str(decision), int(line)) for decision, line in d["doubts"]])


def _str(value) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, not {type(value).__name__}")
    return value
