"""Paragraphs: a draft's body lines as paragraphs, sub-headings and bylines."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..read.page import Page
from ..text import credits
from ..text.chars import ends_sentence, width
from ..text.vocabulary import EDITOR_NOTE
from .blocks import column_width, finished
from .kinds import signature
from .settings import MAX_BYLINE_LINES, MAX_HEAD_WIDTH
from .stories import NUMBERED, Draft

MARK = re.compile(r"[，、。；：！？,.;:!?]")  # a sub-heading set in the body has none (but its number's: NUMBERED)


@dataclass
class Paragraph:
    text: str
    lines: list[int]
    role: str = "text"  # text | subheading | byline | note (an editor's: 编者按：…, no lead)


COLONS = ("：", ":")


def _inline_heading(line: str, previous: str | None, blank_before: bool, text_follows: bool, col: float) -> bool:
    """A sub-heading set in the body: after a finished paragraph and a blank line, no
    punctuation at all, wider or much narrower than the column, and text right under it; or
    numbered (一、稳岗位, （二）强技能), a blank line under it or not."""
    numbered = NUMBERED.match(line)
    if previous is None or not blank_before or not (text_follows or numbered):
        return False
    if not (finished(previous) or credits.is_credit(previous) or (numbered and previous.endswith(COLONS))):
        return False  # (a numbered one may follow what introduces the list: '…通知如下：' / '一、放假时间')
    if MARK.search(line[numbered.end():] if numbered else line):
        return False
    return bool(numbered) or width(line) >= 1.15 * col or width(line) <= 0.6 * col


def _wrapped_byline(order: list[int], i: int, size: int, text: dict[int, str], current: list[int]):
    """(text before the byline on the first line or '', the byline, lines it takes) where the
    `size` lines from order[i] to the end of their block (at most MAX_BYLINE_LINES) join into a
    byline that no single one of them is; None elsewhere."""
    if size < 2 or size > MAX_BYLINE_LINES:
        return None
    lines = [text[n] for n in order[i:i + size]]
    # bylines a line each are read so; but a first line cut short may read as one ('记者 张改华 通讯' / '员 郭佳星')
    # (unless the line before ends on a role whose names are on the last: '记者 孙庆辉 通讯员' / '帖姣 文/图')
    if (credits.is_credit(lines[-1]) and not credits.ends_in_role(lines[-2])) or \
            (not credits.is_credit(lines[0]) and any(credits.is_credit(t) for t in lines[1:-1])):
        return None
    joined = ""
    for line in lines:  # a line that ends on a role word is followed by a space: '本报记者 赵耀东 摄'
        joined += (" " if joined and credits.ends_in_role(joined) else "") + line
    if credits.is_credit(joined) and (not current or ends_sentence(text[current[-1]])):
        return "", joined, size
    trailing = credits.split_trailing(joined)
    if trailing and len(trailing[0]) < len(lines[0]):
        return trailing[0], trailing[1], size
    return None


def paragraphs(draft: Draft, page: Page) -> list[Paragraph]:
    """The body as paragraphs. A wrapped line joins the next without a space; a line ends its
    paragraph when it ends a sentence and is short of the column, or is followed by a blank
    line; a blank line after an unfinished sentence is only a column break."""
    running = page.running
    text = {n: running[n] for n in draft.body}
    col = column_width(list(text.values()))
    out: list[Paragraph] = []
    current: list[int] = []

    def flush() -> None:
        if current:
            out.append(Paragraph(running.span(current), list(current)))
            current.clear()

    order = draft.body
    to_block_end = [1] * len(order)  # how many lines from each to the end of its block
    for i in range(len(order) - 2, -1, -1):
        if order[i + 1] == order[i] + 1:
            to_block_end[i] = to_block_end[i + 1] + 1
    skip, signed = 0, False
    for i, n in enumerate(order):
        if skip:
            skip -= 1
            continue
        line = text[n]
        previous = order[i - 1] if i else None
        nxt = order[i + 1] if i + 1 < len(order) else None
        wrapped = _wrapped_byline(order, i, to_block_end[i], text, current)
        if wrapped:  # a byline the column's width cut: '…管委会。记者 孙庆' / '辉 文/图'
            head, credit, size = wrapped
            if head:
                out.append(Paragraph(running.span(current + [n], head), current + [n]))
            else:
                flush()
            current.clear()
            out.append(Paragraph(credit, order[i:i + size], "byline"))
            skip = size - 1
            continue
        if (credits.is_credit(line) and not (nxt == n + 1 and credits.opens_lead(line, text[nxt]))) or \
                credits.is_role_only(line):  # before headings: '本 报 记 者' is no sub-heading
            flush()
            if out and out[-1].role == "byline" and (credits.is_role_only(page.text(out[-1].lines[-1]))
                                                     or credits.is_role_only(line)):
                out[-1].text = f"{out[-1].text} {line}"
                out[-1].lines.append(n)
            else:
                out.append(Paragraph(line, [n], "byline"))
            continue
        # a notice's signature, its last block ('区妇联' / '2024年5月9日'): a line each, as a poem's lines
        signed = signed or (i > 0 and previous != n - 1 and to_block_end[i] == len(order) - i and
                            signature([text[m] for m in order[i:]]))
        if n in draft.verse or signed:
            flush()
            out.append(Paragraph(running.span([n]), [n]))
            continue
        if n in draft.subheadings or _inline_heading(line, text.get(previous), previous != n - 1, nxt == n + 1, col):
            flush()
            out.append(Paragraph(running.span([n]), [n], "subheading"))
            continue
        # a byline after the last sentence ends its block: '关停令。记者随执法' / '人员到…' runs on
        trailing = credits.split_trailing(line) if nxt != n + 1 else None
        if trailing:
            current.append(n)
            out.append(Paragraph(running.span(current, trailing[0]), list(current)))
            current.clear()
            out.append(Paragraph(trailing[1], [n], "byline"))
            continue
        if n in running.indented:  # a paragraph's indent starts it
            flush()
        current.append(n)
        blank_after = nxt is not None and nxt != n + 1
        if ends_sentence(line) and (width(line) < 0.9 * col or blank_after or nxt is None or width(line) > MAX_HEAD_WIDTH):
            flush()
        elif line.endswith(COLONS) and blank_after:  # what a notice's paragraph introduces: '市人民政府各部门：'
            flush()
    flush()
    for paragraph in out:
        if paragraph.role == "text" and EDITOR_NOTE.match(paragraph.text):
            paragraph.role = "note"
    return out
