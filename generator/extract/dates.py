"""Dates: the day the lead says the event happened, and the year a page was printed."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
RELATIVE = re.compile(r"近日|日前|昨日|昨天|今日|今天|前日|近期|日内|上周|本周|近来|前不久")
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)\s*年(?![前后代])")
PLAN = re.compile(r"(?:到|至|至今|将于|计划|规划|远景|目标)\s*$")


@dataclass(frozen=True)
class EventDate:
    month: int
    day: int
    year: int | None = None
    text: str = ""

    def iso(self) -> str:
        base = f"{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{base}" if self.year else base


# The day alone opens a lead in the month it was printed: '5日，…', '（记者 张三）5日上午'.
DAY_FIRST = re.compile(r"^\s*(?:[（(][^）)]{0,40}[）)])?\s*(\d{1,2}\s*日)(?![\d来])")  # not 15日来: for 15 days


def event_date(lead: str, published: str | None = None) -> EventDate | None:
    """The first calendar date of the lead paragraph, unless a relative day (近日, 昨日) comes
    first without the date in brackets after it ('昨日（6月4日）'). A lead that opens with the day
    alone ('5日，') is dated in the month of `published` (YYYY-MM-DD), or the month before it when
    that day is still to come."""
    day_first = DAY_FIRST.match(lead)
    if day_first and published and len(published) == 10:
        year, month, printed = (int(x) for x in published.split("-"))
        day = int(day_first.group(1)[:-1])
        if day > printed:
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        if 1 <= day <= 31:
            return EventDate(month, day, year, day_first.group(1))
    match = DATE.search(lead)
    if not match:
        return None
    relative = RELATIVE.search(lead[: match.start()])
    if relative and not re.fullmatch(r"\s*[（(]\s*", lead[relative.end(): match.start()]):
        return None
    year, month, day = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return EventDate(int(month), int(day), int(year) if year else None, match.group())


def page_year(text: str) -> int | None:
    """The latest year the page mentions as past or present; plans ('到2035年') do not count."""
    years = Counter()
    for match in YEAR.finditer(text):
        if PLAN.search(text[max(0, match.start() - 4): match.start()]):
            continue
        years[int(match.group(1))] += 1
    return max(years) if years else None
