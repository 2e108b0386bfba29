"""The page's frame: the lines that stand around a page and belong to no article (the paper's
name, the day it was printed with its weekday, the page's number, its editors, the page's label),
set on lines of their own or run together on one (郑州日报 2024年3月5日 星期二 第05版 金水新闻),
and the lines a web page sets around a story it reprints (its time and source, '2021-07-20 08:15:32
来源：大河网', and the title it had, '原标题：…'); and what they say of the page where the archive's metadata and the page's sidecar do not. An
article's date is the day its paper printed it: a page whose own head prints the day needs no
metadata for it."""
from __future__ import annotations

import re
from dataclasses import replace

from ..read.page import Page, is_date
from ..text.chars import HAN, simplified
from ..text.vocabulary import fold, number  # fold: ２０２４年３月５日 as 2024年3月5日

_PAPER = rf"[{HAN}]{{2,6}}(?:日报|晚报|时报|商报)"
_DAY = r"(\d{4}|[〇零一二三四五六七八九]{4})年(\d{1,2}|[一二三四五六七八九十]{1,3})月(\d{1,2}|[一二三四五六七八九十]{1,3})日"  # or 二〇二四年三月五日
_WEEKDAY = r"(?:星期|周)[一二三四五六日天]"
_PAGE_NUMBER = r"第?\s*([A-Z]?\d{1,3})\s*版|([A-Z]\d{2,3})(?![\w])"  # 第05版, A05版, A05
_FOLIO = r"[-—－–]{1,2}\s*\d{1,3}\s*[-—－–]{1,2}"  # the page's number at its foot: '- 5 -', '—5—'
# (not 编辑部主任; a web page's reviewers and producers only with their colon: 审核：李强, 监制：赵明)
_EDITOR = r"(?:责任编辑|责编|本版编辑|版式设计|美编|校对|组版)[：:\s]*|(?:编辑|设计|版式)[：:\s]+|(?:审核|终审|审校|监制|统筹)[：:]\s*"
_EDITORS = rf"(?:(?:{_EDITOR})[{HAN}]{{2,4}}\s*)+"
_LABEL_NAME = rf"[{HAN}]{{2,6}}"
_LABEL = rf"{_LABEL_NAME}新闻"  # the page's: 金水新闻, 区县新闻
LABEL = re.compile(rf"(?:^|\s)({_LABEL_NAME})新闻(?=\s|$)")
# A front page's masthead: its serial numbers, its issue and page count, its publisher.
_MASTHEAD = (rf"(?:国内)?统一连续出版物号[：:\s]*CN\s?\d{{2}}-\d{{4}}(?:/[A-Z0-9]+)?|邮发代号[：:\s]*\d{{1,2}}-\d{{1,4}}|"
             rf"今日\d{{1,2}}版|第\d{{1,6}}期|[{HAN}]{{2,8}}社出版")
_DOTTED_DAY = r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"  # the day as 2023.11.14 or 2023-11-14
# One part alone on its line (the day only with its weekday: a date alone may be a line of text),
# or two and more set apart by spaces. Each part is matched once and kept (an atomic group): a
# long line that is no frame is given up in one pass, not tried in every way of cutting it.
_PART = rf"(?>{_PAPER}|{_DAY}|{_DOTTED_DAY}|{_WEEKDAY}|{_PAGE_NUMBER}|(?:{_EDITOR})[{HAN}]{{2,4}}|{_LABEL}|{_MASTHEAD})"
# A section's name (城事, 要闻, 区县新闻) stands among them too, on a line that prints the day with
# its weekday or the page's 版: 'A04 城事 2023年11月14日 星期二'. (Not with a day alone: '2024年3月5日
# 金水区召开大会' may be a line of text.)
_SECTION = rf"[{HAN}]{{2,6}}"
SECTION = re.compile(rf"^[{HAN}][{HAN}·・\s]{{1,8}}$")  # on a line of its own beside the frame: 社区·民生
SECTION_MARK = re.compile("[·・]")
NUMBERED_SECTION = re.compile(rf"^(?:\d{{1,2}}\s+{_SECTION}|{_SECTION}\s+\d{{1,2}})$")  # 要闻　2, 2　要闻: with the page's number
# (or the page's number as a section's letter and two digits: 'A01 要闻', '城事 B03'; not G20, K12)
_ANCHOR = rf"(?=.*(?:{_DAY}|{_DOTTED_DAY})\s*{_WEEKDAY}|.*第?\s*[A-Z]?\d{{1,3}}\s*版|(?:.*\s)?[A-H](?:0[1-9]|1\d)(?:\s|$))"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_STAMP = rf"{_DOTTED_DAY}(?:\s+{_TIME})?|{_DAY}\s*{_TIME}"  # (a day in words only with its time: 2014年05月12日 09:32)
_WEB_SOURCE = r"(?:来源|作者|编辑|责任编辑|责编|发布时间)[：:]\s*[^\s，。；]{1,20}"
_WEB_TOOLS = r"\s*[【\[]?字号[：:]?\s*大\s*中\s*小[】\]]?"  # the page's buttons for the text's size
_WEB = (rf"(?:(?:发布时间[：:]\s*)?(?:{_STAMP})(?:\s+{_WEB_SOURCE})*|(?:{_WEB_SOURCE}\s+)+(?:{_STAMP})|"
        rf"{_DAY}(?:\s+{_WEB_SOURCE})+)(?:{_WEB_TOOLS})?|原标题[：:].+")
# where a web page says the story stands on the site: '首页 > 新闻中心 > 本地新闻', '当前位置：首页 » 要闻'
_BREADCRUMB = r"(?:当前位置|您的位置|您现在的位置)[：:].*|首页\s*(?:[>＞»›]|->).*"
UNDER_HEADLINE = re.compile(rf"^(?:{_WEB})$")  # what a web page sets right under a story's headline
PAGE_FRAME = re.compile(rf"^(?:{_PAPER}|{_DAY}\s*{_WEEKDAY}.{{0,12}}|{_PAGE_NUMBER}|[（(]?{_EDITORS}[）)]?|{_WEB}|{_MASTHEAD}|"
                        rf"{_BREADCRUMB}|{_FOLIO})$|"
                        rf"^{_PART}(?:\s+{_PART})+$|"
                        rf"^{_ANCHOR}(?>{_PART}|{_SECTION})(?:\s+(?>{_PART}|{_SECTION}))+$")


def under_headline(line: str) -> bool:
    """Whether the line is what a web page sets right under a story's headline (its time and
    source, its original title): the line above it is that headline, however long."""
    return UNDER_HEADLINE.match(fold(line)) is not None


def is_frame(line: str) -> bool:
    """Whether the line is the page's frame, whole (its digits full-width or not)."""
    return PAGE_FRAME.match(fold(line)) is not None


PAPER = re.compile(rf"(?:^|\s)({_PAPER})(?=\s|$)")
DAY = re.compile(_DAY)
DOTTED_DAY = re.compile(_DOTTED_DAY)  # a web page's stamp, or a head's: 2021-07-20 08:15, 2023.11.14
DAY_AND_WEEKDAY = re.compile(rf"{_DAY}\s*{_WEEKDAY}")  # the printed day, in any line the page's frame holds
PAGE_NUMBER = re.compile(rf"(?:^|\s)(?:{_PAGE_NUMBER})")


def with_printed(page: Page, furniture: list[int]) -> Page:
    """The page, its metadata completed from its frame lines (among `furniture`): the day it was
    printed, its 版次 and its paper, each where neither the metadata nor the sidecar gives it."""
    found: dict[str, str] = {}
    for line in (fold(simplified(page.lines[n - 1].strip())) for n in furniture):
        framed = PAGE_FRAME.match(line)
        day = (DAY if framed else DAY_AND_WEEKDAY).search(line) or (framed and DOTTED_DAY.search(line))
        parts = [number(part) for part in day.groups()] if day else [None]
        printed_day = "{:04d}-{:02d}-{:02d}".format(*parts) if None not in parts else ""
        if printed_day and "date" not in found and is_date(printed_day):
            found["date"] = printed_day
        if not framed:  # (a line of furniture that is no frame: a QR code's, a hotline's)
            continue
        page_number = PAGE_NUMBER.search(line)
        if page_number and "page" not in found:  # 第05版 is 版次 5; A05 stays as printed
            printed = page_number.group(1) or page_number.group(2)
            found["page"] = str(int(printed)) if printed.isdigit() else printed
        paper = PAPER.search(line)
        if paper and "newspaper" not in found:
            found["newspaper"] = paper.group(1)
    missing = {k: v for k, v in found.items() if getattr(page.meta, k) is None}
    return replace(page, meta=replace(page.meta, **missing)) if missing else page


def label(page: Page, furniture: list[int]) -> str | None:
    """What the page's frame calls the page (金水 of 金水新闻): where it is a district's name, the
    page is that district's (places.locate)."""
    for line in (fold(simplified(page.lines[n - 1].strip())) for n in furniture):
        found = LABEL.search(line) if PAGE_FRAME.match(line) or LABEL.fullmatch(line) else None
        if found:
            return found.group(1)
    return None
