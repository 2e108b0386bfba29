"""Dates: the day the lead says the event happened, and the year a page was printed.

An article's date is the day its paper printed it (the archive's metadata, or the page's
sidecar); the event date is the day the lead reports, a second field. Dates printed without a
year, or relative to the printing (今天, 去年), resolve against the print date, so no event falls
after its printing unless the text says it is to come (将于…)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from ..text.vocabulary import ITEM_MARKS, fold, number  # fold: full-width digits as ASCII, one for one: spans hold

# (web copy and speech say 号 for 日 after a month: 7月23号凌晨)
DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
# A time named vaguely (近日, 日前): the lead gives no day, unless a date in brackets explains it.
VAGUE = re.compile(r"近日|日前|近期|日内|上周[一二三四五六日天]?|本周[一二三四五六日天]?|近来|前不久")
# A day of the week, in the week of the printing (周三: the last one; 本周三: of that week) or the
# week before (上周五): a date where the print date is known.
# (not every week's, 每周一, nor a span or a list of days, 周一至周五, 周六、周日)
WEEKDAY = re.compile(r"(?<![每至到、和])(上|本|这)?(?:周|星期|礼拜)([一二三四五六日天])(?![年月末至到、和])")
WEEKDAYS = "一二三四五六日"
# A day named relative to the dispatch's day or the printing (今天 is that day, 昨天 the day
# before, 前天 two days before), at any hour: 今晨, 昨晚. Not a title's word: 《今日早报》.
DAYS_BEFORE = {"今天": 0, "今日": 0, "今晚": 0, "今晨": 0, "今早": 0,
               "昨天": 1, "昨日": 1, "昨晚": 1, "昨晨": 1, "昨夜": 1, "昨早": 1, "前天": 2, "前日": 2, "前晚": 2, "前夜": 2}
RELATIVE_DAY = re.compile(rf"(?<!《)(?:{'|'.join(DAYS_BEFORE)})")
OPENING_QUOTE = re.compile(r"^\s*“[^”]{0,200}”[，。！？]?")
FIRST_SENTENCE = re.compile(r"[^。！？]*")  # a relative day counts there only: '今天的中国' further on is no date
BRACKET_BEFORE = re.compile(r"\s*[（(]\s*")  # between a named time and the date it explains: '昨日（6月4日）'
YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)\s*年(?![前后代])")
# A year that is a plan or a goal, not the present: 到2035年, 确保2003年…, 2000年将是…, 2000年倒计时钟.
# Not 截至 (as of: a count to a day past, 截至1997年底).
PLAN = re.compile(r"(?:(?<!截)到|(?<!截)至|至今|将于|计划|规划|远景|目标|确保|力争|争取|预计)\s*$")
PLAN_AFTER = re.compile(r"\s*(?:将|即将|倒计时)")  # (2000年前 is no YEAR at all)
# A year told as complete (截至1997年底, 1997年全年, 到1997年12月31日止): the page was printed after it.
COMPLETE_AFTER = re.compile(r"\s*(?:底|末|全年|12\s*月\s*31\s*日)")
# A year named relative to the printing, right before a month: 去年１０月１５日, 今年3月.
RELATIVE_YEAR = {"前年": -2, "去年": -1, "今年": 0, "明年": 1}
YEAR_BEFORE = re.compile(r"(前年|去年|今年|明年)\s*$")
THIS_MONTH = re.compile(r"(本月|上月)\s*(\d{1,2})\s*日")  # a day in the month of the printing, or the month before
# What says an event is still to come: 将于８日举行, 定于, 拟于, 预计, 计划.
TO_COME = re.compile(r"将|即将|定于|拟于|拟|预计|计划|届时|准备")
FROM_THEN = re.compile(r"起|开始")  # right after the day: what starts then (３月１日起施行), still to come
SENTENCE_END = re.compile(r"[。！？；]")


@dataclass(frozen=True)
class EventDate:
    month: int
    day: int
    year: int | None = None
    text: str = ""
    years_on: int | None = None  # the year named relative to the printing's (去年 -1), where that is not known

    def iso(self) -> str:
        base = f"{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{base}" if self.year else base


# The day alone opens a lead in the month it was printed: '5日，…', '（记者 张三）5日上午'
# (after a brief's mark too: '■ 12日，')
DAY_FIRST = re.compile(rf"^[\s{re.escape(ITEM_MARKS)}]*(?:[（(][^）)]{{0,40}}[）)])?\s*(\d{{1,2}}\s*日)(?!来)")  # not 15日来: for 15 days
# A day alone in a dispatch is in the month of its dateline: '新华社香港１月３日电 … ２日宣布'.
DAY_ALONE = re.compile(r"(?<![\d月年])(\d{1,2})\s*日(?![来前后])")
DAY_COUNT = re.compile(r"(?:连续|历时|为期|持续|长达|近|共|每|第)\s*$")  # days counted, no date: 为期3日


def filed(dateline: str | None) -> tuple[int, int] | None:
    """(month, day) a dateline gives: '新华社北京１月５日电' -> (1, 5), '本报讯' -> None."""
    match = re.search(r"([\d〇零一二三四五六七八九十]{1,3})月([\d〇零一二三四五六七八九十]{1,3})日", dateline or "")
    if not match:
        return None
    month, day = number(match.group(1)), number(match.group(2))
    return (month, day) if month and day and 1 <= month <= 12 and 1 <= day <= 31 else None


def event_date(lead: str, published: str | None = None, dispatch: tuple[int, int] | None = None) -> EventDate | None:
    """The first calendar date of the lead paragraph, unless a vaguer time (近日, 日前) comes first
    without the date in brackets after it ('近日（6月4日）'). A lead that opens with the day alone
    ('5日，') is dated in the month of `published` (YYYY-MM-DD), or the month before it when that
    day is still to come. A day named relative (今天, 昨天, 前天) in the lead's first sentence, before
    any date, is counted from the dispatch's day where its dateline gives one (`dispatch`: month,
    day), in which a day alone ('２日宣布') is in that month too, and from `published` elsewhere."""
    lead = OPENING_QUOTE.sub("", fold(lead))  # what someone said tells no time of the event: '“今天太热了…”6月6日…'
    first_sentence = FIRST_SENTENCE.match(lead).end()
    relative_day = RELATIVE_DAY.search(lead, 0, first_sentence)
    day_first = DAY_FIRST.match(lead)
    if day_first and published and len(published) == 10 and not dispatch:
        found = _in_printed_month(published, int(day_first.group(1)[:-1]), day_first.group(1))
        if found:
            return found
    match = DATE.search(lead)
    this_month = THIS_MONTH.search(lead)
    if dispatch:
        first = min((m for m in (relative_day, DAY_ALONE.search(lead), this_month) if m), key=lambda m: m.start(),
                    default=None)
        if first and (not match or first.start() < match.start()) and not VAGUE.search(lead[: first.start()]):
            if first is relative_day:  # (the year is the printing's to count in, resolved() says which it is)
                found = _days_before(int(published[:4]) if published else None, *dispatch, DAYS_BEFORE[first.group()], "")
                return found and EventDate(found.month, found.day, None, first.group())
            if first is this_month:  # 本月８日: the dateline's month; 上月: the month before
                month = dispatch[0] if first.group(1) == "本月" else _month_before(None, dispatch[0])[1]
                day = int(first.group(2))
                return EventDate(month, day, None, first.group()) if 1 <= day <= 31 else None
            day, before = int(first.group(1)), lead[: first.start()]
            # a day after the dateline's is in the month before, unless it is to come (将于８日)
            later = day > dispatch[1] and not TO_COME.search(before[-12:])
            month = _month_before(None, dispatch[0])[1] if later else dispatch[0]
            if 1 <= day <= 31:
                return EventDate(month, day, None, first.group())
    if this_month and published and len(published) >= 7 and (not match or this_month.start() < match.start()):
        year, month = int(published[:4]), int(published[5:7])
        if this_month.group(1) == "上月":
            year, month = _month_before(year, month)
        day = int(this_month.group(2))
        return EventDate(month, day, year, this_month.group()) if 1 <= day <= 31 else None
    if relative_day and (not match or relative_day.start() < match.start()) and not _explained(lead, relative_day, match):
        if VAGUE.search(lead[: relative_day.start()]) or not published or len(published) != 10:
            return None
        year, month, day = (int(x) for x in published.split("-"))
        return _days_before(year, month, day, DAYS_BEFORE[relative_day.group()], relative_day.group())
    weekday = WEEKDAY.search(lead, 0, first_sentence)
    if weekday and published and len(published) == 10 and (not match or weekday.start() < match.start()) \
            and not VAGUE.search(lead[: weekday.start()]) and not BRACKET_BEFORE.match(lead, weekday.end()):
        # (a weekday with its date in brackets after it, 周四（17日）, is dated by that)
        return _of_week(date.fromisoformat(published), weekday)
    # a day alone further on ('记者14日从县卫健委获悉') is in the month of the printing, or the
    # month before where that day is still to come and the lead does not say it is
    alone = DAY_ALONE.search(lead) if published and len(published) == 10 and not dispatch else None
    if alone and (not match or alone.start() < match.start()) and not VAGUE.search(lead[: alone.start()]) \
            and not DAY_COUNT.search(lead[: alone.start()]):
        return _in_printed_month(published, int(alone.group(1)), alone.group(),
                                 to_come=TO_COME.search(lead[: alone.start()][-12:]) is not None)
    if not match:
        return None
    vague = VAGUE.search(lead[: match.start()])
    if vague and not _explained(lead, vague, match):
        return None
    year, month, day = match.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    relative_year = YEAR_BEFORE.search(lead[: match.start()])
    years_on = RELATIVE_YEAR[relative_year.group(1)] if relative_year and not year else None
    if years_on is not None and published:  # 去年１０月１５日: the year before the printing
        year, years_on = int(published[:4]) + years_on, None
    return EventDate(int(month), int(day), int(year) if year else None, match.group(), years_on)


def _explained(lead: str, named: re.Match, when: re.Match | None) -> bool:
    """Whether the time `named` is explained by the date `when` in brackets right after it."""
    return when is not None and BRACKET_BEFORE.fullmatch(lead, named.end(), when.start()) is not None


def _days_before(year: int | None, month: int, day: int, before: int, text: str) -> EventDate | None:
    """The day `before` days before the given one (its year unknown: counted in a common year)."""
    try:
        found = date(year or 2001, month, day) - timedelta(days=before)
    except ValueError:  # a dateline's impossible day (２月３０日)
        return None
    return EventDate(found.month, found.day, found.year if year else None, text)


def _in_printed_month(published: str, day: int, text: str, to_come: bool = False) -> EventDate | None:
    """Day `day` of the month `published` (YYYY-MM-DD) was printed in, or of the month before where
    that day is still to come and the lead does not say it is (`to_come`)."""
    year, month, printed = (int(x) for x in published.split("-"))
    if day > printed and not to_come:
        year, month = _month_before(year, month)
    return EventDate(month, day, year, text) if 1 <= day <= 31 else None


def _of_week(printed: date, weekday: re.Match) -> EventDate:
    """The day a weekday names, counted from the print date: the last such day (周三), that day
    of the printing's week (本周三) or of the week before (上周五)."""
    wanted = WEEKDAYS.index(weekday.group(2).replace("天", "日"))
    if weekday.group(1) in ("本", "这", "上"):
        found = printed - timedelta(days=printed.weekday() - wanted + (7 if weekday.group(1) == "上" else 0))
    else:
        found = printed - timedelta(days=(printed.weekday() - wanted) % 7)
    return EventDate(found.month, found.day, found.year, weekday.group())


def _month_before(year: int | None, month: int) -> tuple[int | None, int]:
    """The month before (year, month): December of the year before January."""
    return (year, month - 1) if month > 1 else (year - 1 if year else year, 12)


def resolved(event: EventDate, printed: str | None, year: int | None, lead: str) -> str:
    """The event's date as YYYY-MM-DD (MM-DD where no year is known at all). A date printed
    without its year is in the year of the printing (`printed`, YYYY-MM-DD or YYYY, or else the
    page's `year`), or the year before where that day would come after the printing, unless the
    lead says the event is still to come (将于…, 计划…, …起施行)."""
    if event.year:
        return event.iso()
    known = int(printed[:4]) if printed else year
    if not known:
        return event.iso()
    if event.years_on is not None:  # 去年 on a page whose year is read off its text
        return f"{known + event.years_on:04d}-{event.iso()}"
    if printed and len(printed) == 10 and (event.month, event.day) > (int(printed[5:7]), int(printed[8:])):
        before, _, after = fold(lead).partition(event.text) if event.text else (lead, "", "")
        # what starts then, or what its sentence says is to come (6月7日至10日，考生将走进考场); of a day
        # with its month in figures (上月１５日起 printed in January is last December's)
        ahead = event.text[:1].isdigit() and (FROM_THEN.match(after) or TO_COME.search(SENTENCE_END.split(after, 1)[0]))
        if not TO_COME.search(before[-12:]) and not ahead:
            known -= 1
    return f"{known:04d}-{event.iso()}"


def page_year(text: str) -> int | None:
    """The latest year the page mentions as past or present, or the year after one it tells as
    complete; plans ('到2035年') do not count."""
    years = Counter()
    text = fold(text).replace("\n", "")  # (a column's line may break 截|至)
    for match in YEAR.finditer(text):
        if PLAN.search(text[max(0, match.start() - 4): match.start()]) or PLAN_AFTER.match(text, match.end()):
            continue
        years[int(match.group(1)) + (1 if COMPLETE_AFTER.match(text, match.end()) else 0)] += 1
    return max(years) if years else None
