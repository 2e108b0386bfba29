"""历史上的今天: the articles of each calendar day, a small file a day, from which the home page
picks today's in the browser (overrides/assets/on-this-day.js). The site is static and built
when pages come in, not every day: the reader's own clock chooses the day, so the home page stays
current without a rebuild, offline too (the files are scripts, which load from file://)."""
from __future__ import annotations

import json
from collections import defaultdict

from ..extract.model import Article

FOLDER = "onthisday"


def _by_day(articles: list[Article]) -> dict[str, list[Article]]:
    by_day: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        if a.year and a.date and len(a.date) == 10:
            by_day[a.date[5:]].append(a)
    return by_day


def days(articles: list[Article]) -> str:
    """The days that have a file ('01-05 06-07'): the home page says them, so the browser asks for
    no day the archive has nothing of (each would be a 404)."""
    return " ".join(sorted(_by_day(articles)))


def files(articles: list[Article]) -> dict[str, str]:
    """{site path: script} for each month and day with an article dated to it: its articles as
    [year, id, title, district], the newest year first."""
    by_day = _by_day(articles)
    out = {}
    for day, group in sorted(by_day.items()):
        rows = [[a.year, a.id, a.title, a.district_label if a.district else ""]
                for a in sorted(group, key=lambda a: (-a.year, a.date, a.id))]
        out[f"{FOLDER}/{day}.js"] = f"__archiveOnThisDay({json.dumps(day)},{json.dumps(rows, ensure_ascii=False, separators=(',', ':'))});\n"
    return out
