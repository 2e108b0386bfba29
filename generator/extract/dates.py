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


def event_date(lead: str) -> EventDate | None:
    """The first calendar date of the lead paragraph, unless a relative day (近日, 昨日) comes first."""
    match = DATE.search(lead)
    if not match:
        return None
    if RELATIVE.search(lead[: match.start()]):
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
