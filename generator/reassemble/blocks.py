"""1. Blocks: the page cut into runs of lines, split at datelines, bylines, brief items and the lines
that frame the page; what each kind of block is made of."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from itertools import count, takewhile

from ..read.page import PageText
from ..text import credits
from ..text.chars import HAN, ends_sentence, running, width
from ..text.vocabulary import (CAPTION_MARK, COLUMN_LABEL, CONTACT, CONTINUED_FROM, EDITOR_NOTE, FORECAST, ITEM_MARKS,
                               LEAD_DAY_FIRST, LEAD_TIME, SERVICE_LABEL, fold)
from ..text.words import tag_short
from .frame import DAY, is_frame
from .settings import (MAX_BYLINE_LINES, MAX_HEAD_LINES, MAX_HEAD_WIDTH, MAX_TIGHT_BLANKS, MIN_TABLE_ROWS,
                       MIN_TIGHT_HEAD_SHORT, MIN_TIGHT_LINES, SHORT_LINE, TIGHT_REACH)


# Opens each item of a news-in-brief column: a mark, then when it happened. A mark alone may
# stand before the points of one story.
BRIEF = re.compile(rf"^[{re.escape(ITEM_MARKS)}]\s*(?:(?:\d{{1,2}}月)?\d{{1,2}}日|近日|日前|近期|连日来|昨日|昨天|今天|今日|"
                   rf"上周|本周|今年以来)")


def opens_brief(line: str) -> bool:
    """Whether the line opens an item of a news-in-brief column: its mark and when, or its title in
    brackets (credits.bracketed_title)."""
    return BRIEF.match(line) is not None or credits.bracketed_title(line) is not None


def finished(line: str) -> bool:
    """A line that ends a sentence, or ends a story with its credit after the last sentence
    ('…58分钟。（记者 吴丽娟）')."""
    return ends_sentence(line) or credits.split_trailing(line) is not None


HEADLINE_NEVER = re.compile(r"[。；？！，、：;?!,:]")  # of a line set tight over a dateline: no headline holds one
FURNITURE = re.compile(r"公众号|扫码|扫一扫|二维码|责任编辑|责编|版式设计|美编|校对|本版编辑|订阅热线|广告热线|本版图片|本版照片|本版由|"
                       r"分享到|打印本页|关闭窗口|【打印】|【关闭】")
PROSE = re.compile(r"[。；！？]")  # a forecast's rows hold no sentence, and a figure each
DIGIT = re.compile(r"\d")
TABLE_ROW = re.compile(r"^[^。；！？，\s]+(?:\s+[^。；！？，\s]+)+$")  # fields set apart by spaces, no sentence


def service_box(lines: list[str]) -> bool:
    """A box of the page's services (a weather forecast, a table, a classified advertisement, a
    notice): its label on the first line, then rows of a forecast and no sentence, or rows of fields
    set apart by spaces with a figure in each, or who to call or what a notice declares
    (text/vocabulary.py: SERVICE_LABEL, FORECAST, CONTACT)."""
    if len(lines) < 2 or not SERVICE_LABEL.match(running(lines[0]).strip()) or credits.is_lead(lines[1]):
        return False  # (a dateline under the label opens a story: 招聘 / 本报讯 …)
    rows = lines[1:]
    # (a headline under a kicker 天气 is a line, or gives no figure in each: 暴雨来袭 风雨同舟 / 全市启动防汛应急响应)
    table = len(rows) >= MIN_TABLE_ROWS
    forecast = all(FORECAST.search(t) and DIGIT.search(t) and not PROSE.search(t) for t in rows)
    figures = _figure_rows(rows)
    # (an advertisement opens with no lead's time: 招聘 / 近日，我区举办招聘会… is a story)
    advertised = not LEAD_TIME.match(fold(rows[0])) and any(CONTACT.search(t) for t in rows)
    return (table and (forecast or figures)) or advertised


def _figure_rows(rows: list[str]) -> bool:
    """Rows of fields set apart by spaces, no sentence, a figure in each."""
    return all(TABLE_ROW.match(t.strip()) and DIGIT.search(t) for t in rows)


def table(lines: list[str]) -> bool:
    """Rows of a table: lines of fields set apart by spaces, no sentence, figures in all but the
    first ('指标名称    1—5月    同比增长' / '固定资产投资    —    7.2%'): text of the story they stand
    in, never a headline. Three rows, or three fields a row: a headline's two lines of two phrases
    each ('聚焦“三个一批”　推动项目建设提速' / '我区二季度集中开工项目28个　总投资156亿元') are none."""
    return len(lines) >= MIN_TABLE_ROWS and TABLE_ROW.match(lines[0].strip()) is not None and \
        _figure_rows(lines[1:]) and (len(lines) > MIN_TABLE_ROWS or all(len(t.split()) > 2 for t in lines))


# A graphic's figure on a line of its own: a number and its unit, no words ('1.2万亿元', '8.5%', '500家')
FIGURE = re.compile(r"^\d[\d.,]*\s*(?:[%‰]|[十百千万亿]*(?:元|人|户|家|个|吨|公里|千米|米|平方米|亩|次|项|辆|所|座|台|件|名|倍|年|天)?)$")


def figure_card(lines: list[str]) -> bool:
    """A graphic's card (数说郑州: '1.2万亿元' / '2023年全市地区生产总值'): a figure alone, then what it
    counts in a line and no sentence. Furniture: the page's picture, no story nor headline."""
    return len(lines) == 2 and FIGURE.match(running(lines[0]).strip()) is not None and \
        not PROSE.search(lines[1]) and width(lines[1]) <= MAX_HEAD_WIDTH / 2


# A web page's list of links to other stories: a label, then a title a line after a bullet.
LINKS_LABEL = re.compile(r"^(?:相关新闻|相关阅读|延伸阅读|推荐阅读|相关报道|热点推荐|猜你喜欢)[：:]?$")
LINK = re.compile(r"^[·•]\s*\S")
# a front page's guide to the others: an item a line ('■ 我区新增5所公办幼儿园　详见第2版'), or a
# teaser, its title over a few lines that end pointing at the page (…走进考场。▶A03, （详见A03版）)
GUIDE = re.compile(r"(?:详?见第?[\dA-Z一二三四五六七八九十]{1,3}版|[▶►→]\s*(?:[A-Z]\d{1,2}版?|第?\d{1,2}版))[）)]?$")
# The label of the page or of a column (金水新闻, ■简讯): furniture where it stands alone.
LABEL = re.compile(rf"^(?:[{HAN}]{{2,6}}新闻|[{re.escape(ITEM_MARKS)}]?\s*[{HAN}]{{0,6}}(?:简讯|短讯|快讯|简报|动态|速递|速览|导读))$")


@dataclass
class Block:
    lines: list[int]
    kind: str  # head | subhead | body | brief | credit | caption | furniture
    titles_below: bool = False  # a headline by what stands under it (a lead that restates it): no sub-heading
    verse: bool = False  # a poem's stanza: a line each


def column_width(lines: list[str]) -> float:
    widths = sorted(width(t) for t in lines)
    return widths[int(0.75 * (len(widths) - 1))] if widths else 0.0


def implied_breaks(text: PageText) -> frozenset[int]:
    """The lines where a blank line would have stood, on a page that sets fewer than the usual.
    On a page printed tight (no blank lines between its paragraphs and headlines): after a
    paragraph that ends short of the column, and before and after the headline lines set between
    finished sentences ('…完成建设任务。' / '经开区召开全区' / '视联网建设工作推进会' / '本报讯 近日，…'). A
    headline line has no punctuation and stops well short of the column, or runs past it; two
    lines and more short of the column with no punctuation are a headline too (a paragraph's
    first line, its indent lost in the extraction, is followed by a full one). On a page with its
    blank lines (some set them between stories only): the headline set tight over its story's
    text, and under its last sentence where a blank line and a dateline, another headline or the
    page's end follow."""
    last = max(text, default=0)
    if len(text) < MIN_TIGHT_LINES:
        return frozenset()
    tight = last - len(text) <= MAX_TIGHT_BLANKS * len(text)

    @cache
    def page_column() -> float:  # (a page with its blank lines may never ask)
        return column_width(list(text.values()))

    # (asked of each line again and again as the runs are walked: each answer is kept)
    @cache
    def local(n: int) -> float:  # the column's width here: its text lines' (a page sets columns of several
        # widths), those a paragraph runs on from (its last line stops short)
        around = [text[m] for m in range(n - TIGHT_REACH, n + TIGHT_REACH + 1)
                  if m in text and HEADLINE_NEVER.search(text[m]) and not finished(text[m])]
        return column_width(around) if len(around) >= 3 else page_column()

    @cache
    def byline_at(n: int) -> bool:  # a byline starts here, on its line or wrapped ('记者 张改华 通讯员 郭' / '佳星'),
        # or a source or a signer ends the text ('（据新华社电）', '金水区城管局')
        return n in text and (credits.is_credit(text[n]) or credits.is_role_only(text[n]) or
                              credits.is_credit(text[n] + text.get(n + 1, "")) or _signed(text[n]))

    @cache
    def lead_at(n: int) -> bool:  # a dateline opens here, on its line or cut across two
        return credits.is_lead(text[n] + text.get(n + 1, ""))

    def plain(n: int) -> bool:  # short of the column, no punctuation, no dateline or byline
        return n in text and _headline_shaped(text[n]) and not lead_at(n) and not byline_at(n) and \
            width(text[n]) < local(n) - 1

    def headline(n: int) -> bool:  # a headline's line, whatever stands around it
        line = text.get(n)
        return line is not None and ((plain(n) and width(line) <= local(n) - MIN_TIGHT_HEAD_SHORT) or
                                     (width(line) > local(n) + 1 and _headline_shaped(line) and not byline_at(n)))

    def over_text(run: list[int]) -> bool:  # on a page with its blank lines: text right under the run (no
        # line of a headline's, nor a box's label over its text: '【相关链接】'), each of its lines well
        # short of the text's lines in its block (not a paragraph's lines that a column break cut)
        below = list(takewhile(text.__contains__, count(run[-1] + 1)))
        if not below or _headline_shaped(text[below[0]]) or COLUMN_LABEL.match(text[run[0]].strip()):
            return False
        widest, longest = max(width(text[m]) for m in below), max(len(text[m]) for m in below)
        return all(width(text[k]) <= widest - MIN_TIGHT_HEAD_SHORT and
                   len(text[k]) <= longest - MIN_TIGHT_HEAD_SHORT // 2 for k in run)

    def broken_off(n: int) -> bool:  # a text's sentence runs on past a blank line at n + 1 (a column's
        # break: '…在全市组织干部' / '导一到植树地 点 就' / '' / '拿 起 铁 锹 等 工' / '具，…'), not a headline's
        # line after a finished one
        def running_on(k: int) -> bool:
            return k in text and not (finished(text[k]) or credits.is_credit(text[k]) or _signed(text[k]))
        return running_on(n) and (HEADLINE_NEVER.search(text[n]) is not None or
                                  running_on(n - 1) and HEADLINE_NEVER.search(text[n - 1]) is not None)

    def over_lead(n: int) -> bool:  # a line at a block's top (on a page printed tight, after a finished
        # sentence) set over a story's opening (its dateline, or its day and a comma: '一民房倒塌致3人被埋'
        # / '昨日凌晨4时许，长沙'), as wide as the column or not
        if n + 1 not in text or byline_at(n) or lead_at(n) or COLUMN_LABEL.match(text[n].strip()):
            return False
        opening = fold(text[n + 1] + text.get(n + 2, ""))
        return credits.is_lead(opening) or bool(LEAD_DAY_FIRST.match(opening))

    breaks = set()
    lines = sorted(text)
    for n in lines:
        previous = text.get(n - 1)
        blank = previous is None  # a block starts here (as at the page's top, a sentence ended)
        if not (tight or blank and n + 1 in text and _headline_shaped(text[n])):  # (a page with its blank
            continue  # lines: only headlines set tight over their text)
        ended = finished(previous) if not blank else not broken_off(n - 2)
        credited = not blank and credits.is_credit(previous) and not credits.is_credit(previous + text[n])
        if not (ended or credited):  # (not within a byline the column cut: '记者 张改华 通讯员 郭' / '佳星')
            continue
        run = []
        while n + len(run) in text and (headline(n + len(run)) or plain(n + len(run))) and len(run) <= 2 * MAX_HEAD_LINES:
            run.append(n + len(run))
        if (len(run) == 1 and not headline(n)) or not (tight or run and over_text(run)):
            run = []
        if not blank and (run or (ended and width(previous) < SHORT_LINE * local(n - 1) and not byline_at(n))):
            breaks.add(n)  # a paragraph ended short of the column, or a headline follows it
        if run and run[-1] + 1 in text:
            breaks.add(run[-1] + 1)  # the text under a headline
        if len(run) > 1:  # several headlines set one under another: a line each
            breaks.update(run[1:])
        if ended and not run and _headline_shaped(text[n]) and over_lead(n):
            breaks.update(k for k in (n, n + 1) if k - 1 in text)
    # and the headline lines right over a dateline, whatever stands before them (a story's last
    # sentence may have lost its full stop: '…势头喜人' / '高新区召开2020年党工委' / '理论学习中心组
    # （扩大）学习会议' / '本报讯 6月8日，…'): two lines and more with no punctuation, as wide as the
    # column or not, or one that is a headline's
    for n in lines if tight else ():
        if n - 1 in text and lead_at(n):
            run = []
            while n - len(run) - 1 in text and _headline_shaped(text[n - len(run) - 1]) and len(run) < MAX_HEAD_LINES:
                run.insert(0, n - len(run) - 1)
            if len(run) > 1 or (run and headline(run[0])):
                breaks.update(k for k in run + [n] if k > lines[0])
    # and so the lines that end a block after a finished sentence, where a dateline, another
    # headline or the page's end follows the blank line under them (a headline set under its
    # story: '…赢得阵阵掌声。' / '示范区卫健系统在全市第三届' / '健康科普能力大赛决赛获佳绩' / '' / '本报讯…'),
    # not a signer's line nor a date alone ('2020年6月1日')
    for i, end in enumerate(lines):
        after = lines[i + 1] if i + 1 < len(lines) else None
        if end + 1 in text or not (after is None or lead_at(after) or _headline_shaped(text[after])):
            continue
        run = []
        while end - len(run) in text and _headline_shaped(text[end - len(run)]) and len(run) < MAX_HEAD_LINES and \
                not byline_at(end - len(run)) and not DAY.fullmatch(text[end - len(run)].strip()):
            run.insert(0, end - len(run))
        if run and run[0] - 1 in text and ends_sentence(text[run[0] - 1]) and (len(run) > 1 or headline(run[0])):
            breaks.update(run)
    return frozenset(breaks)


SIGNER_WORDS = ("nt", "j")  # jieba's tags of a body's name (城管局, 妇联)


def _signed(line: str) -> bool:
    """A line that ends a text or stands in it rather than heads one: its source in brackets
    ('（据新华社电）'), a body that signs it ('金水区城管局': its name, no verb), a row of a list whose
    items end alike ('王建国家庭　李秀英家庭　张志强家庭'; not '情为民所系 权为民所用 利为民所谋')."""
    items = line.split()
    if (line[:1] in "（(" and line.rstrip()[-1:] in "）)") or (len(items) >= 3 and len({i[-2:] for i in items}) == 1):
        return True
    words = [flag for word, flag in tag_short(line.strip()) if word.strip()]
    return bool(words) and words[-1] in SIGNER_WORDS and not any(flag.startswith("v") for flag in words)


def cut_blocks(text: PageText, implied: frozenset[int] = frozenset()) -> list[list[int]]:
    """The page's blocks: cut at its blank lines, at those `implied` (implied_breaks), and where a
    dateline, a caption's or a brief's mark, a byline or the frame starts within a block."""
    indented = text.indented
    blocks: list[list[int]] = []
    current: list[int] = []
    for n in range(1, max(text, default=0) + 1):
        line = text.get(n)
        if line is None:
            if current:
                blocks.append(current)
            current = []
            continue
        if n in implied and current:
            blocks.append(current)
            current = []
        if is_frame(line):  # a block of its own, even set tight against the text
            blocks += [current, [n]] if current else [[n]]
            current = []
            continue
        # A byline inside a block counts only where a sentence or a credit ended before it:
        # '本报北京１２月３０日讯' / '新华社记者胡晓梦、本报' / '记者吴亚明报道：' is one lead.
        previous = text[current[-1]] if current else ""
        at_break = not current or ends_sentence(previous) or credits.is_credit(previous) or credits.is_role_only(previous)
        # a block starts at a dateline, a caption's or a brief's mark, an editor's note, 上接, and a
        # byline after an item's mark wherever it stands ('□王五' under its title)
        # (not the credit under a dateline set on its own line: '据新华社杭州１月１０日电' / '（记者林楠）３６名…')
        lead = current and credits.is_lead(line + text.get(n + 1, "")) and \
            not (credits.is_lead(previous) and not ends_sentence(previous))
        # where the page indents its paragraphs, a line set flush between a finished sentence and an
        # indented paragraph is no text of either ('…待遇享受。' / '老年大学新学期开课' / '　　近日，…')
        indent = current and n in indented and current[-1] not in indented and _headline_shaped(text[current[-1]])
        if current and (lead or indent or CAPTION_MARK.match(line) or opens_brief(line)
                        or EDITOR_NOTE.match(line) or CONTINUED_FROM.match(line)
                        or (line[:1] in ITEM_MARKS and credits.is_credit(line))):
            # a headline set tight over its story's dateline or its first paragraph, after a
            # finished sentence: a block of its own
            k = len(current)
            while (lead or indent) and k > 0 and len(current) - k < MAX_HEAD_LINES and \
                    _headline_shaped(text[current[k - 1]]) and current[k - 1] not in indented:
                k -= 1
            if 0 < k < len(current) and ends_sentence(text[current[k - 1]]):
                blocks.append(current[:k])
                current = current[k:]
            blocks.append(current)
            current = []
        current.append(n)
        following = text.get(n + 1, "")
        # (nor where the next line ends it, wrapped at the column's width: '记者 张改华 通讯' / '员 郭佳星',
        # or where it opens a lead: '（记者 阿依古丽' / '王磊）昨日上午，…')
        if at_break and credits.is_credit(line) and not (
                credits.is_credit(following) or credits.is_role_only(following)
                or (following and credits.is_credit(line + following)) or credits.opens_lead(line, following)):
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    # A byline on lines of its own splits off from the text above it.
    out = []
    for block in blocks:
        k = _byline_start(block, text)
        out += [block[:k], block[k:]] if 0 < k < len(block) else [block]
    return [b for b in out if b]


def _headline_shaped(line: str) -> bool:
    return width(line) <= MAX_HEAD_WIDTH and not HEADLINE_NEVER.search(line) and not credits.is_credit(line)


def _byline_start(block: list[int], text: dict[int, str]) -> int:
    """Where the byline that ends a block starts (len(block) where none does): its lines alone,
    or lines that join into one ('记者 孙庆辉 通讯员 帖' / '姣 文/图'), after a finished sentence."""
    k = len(block)
    while k > 0 and (credits.is_credit(text[block[k - 1]]) or credits.is_role_only(text[block[k - 1]])):
        k -= 1
    if k < len(block) and not (k and credits.ends_in_role(text[block[k - 1]])):  # ('…通讯员' / '帖姣 文/图')
        return k
    for size in range(2, min(MAX_BYLINE_LINES, len(block)) + 1):
        start = len(block) - size
        if credits.is_credit("".join(text[n] for n in block[start:])) and \
                (start == 0 or ends_sentence(text[block[start - 1]])):
            return start
    return len(block)


def opening(block: "Block", text: dict[int, str]) -> str:
    """The first lines of a block joined: a dateline may be cut across two lines."""
    return "".join(text[n] for n in block.lines[:3])


def opens_story(block: "Block", text: dict[int, str]) -> bool:
    """A dateline opens a story; an editor's note (编者按：…) opens a piece of its own too (a note)."""
    return credits.is_lead(opening(block, text)) or is_note(block, text)


def is_note(block: "Block", text: dict[int, str]) -> bool:
    return EDITOR_NOTE.match(text[block.lines[0]]) is not None
