"""2. Kinds: which short blocks are headlines and which are text cut by a column break (the fitted
`heading` model), bylines, captions, briefs and page furniture."""
from __future__ import annotations

import re

from ..text import credits, words
from ..text.chars import ends_sentence, is_han, running, width
from ..text.vocabulary import CAPTION_MARK, EDITOR_NOTE, LEAD_SOURCE, LEAD_TIME, SPEAKER, fold
from .blocks import (Block, FURNITURE, GUIDE, LABEL, LINK, LINKS_LABEL, column_width, figure_card, finished, opening,
                     opens_brief, opens_story, service_box, table)
from .frame import DAY, NUMBERED_SECTION, SECTION, SECTION_MARK, is_frame, under_headline
from .learned import Doubts, Trace, decide
from .evidence import bigrams
from .settings import (MAX_BYLINE_LINES, MAX_HEAD_LINES, MAX_HEAD_WIDTH, MAX_LABEL_WIDTH, MAX_SIGNATURE_LINES,
                       MAX_TEASER_LINES, MIN_SHARED, MIN_STANZA_LINES, PUNCTUATION, SHORT_LINE)

SENTENCE_MARK = re.compile(r"[。；？;?]")  # no headline holds one
QUESTION_END = re.compile(r"[？?！!][”’」]?$")  # but its last line may end on a question or an exclamation
CLAUSE_END = re.compile(r"[，、：:；,]$")  # nor ends on a clause's mark
# but its first line may end on the colon of whom it quotes: '专访区人社局局长赵刚：' / '让每一位求职者…'
COLON_END = re.compile(r"[：:]$")
CLAUSE_MARK = re.compile(r"[，、,]")
FULL_STOP = re.compile(r"[。；;]")
COLON = re.compile(r"[：:]")
QUOTE = re.compile(r"[“”\"《》]")


def looks_like_headline(lines: list[str]) -> bool:
    if len(lines) > MAX_HEAD_LINES:
        return False
    for k, line in enumerate(lines):
        last = k == len(lines) - 1
        if SENTENCE_MARK.search(QUESTION_END.sub("", line) if last else line) or \
                (CLAUSE_END.search(line) and not (not last and COLON_END.search(line))):
            return False
        if width(line) > MAX_HEAD_WIDTH or credits.is_lead(line) or SPEAKER.match(line):
            return False  # (问：…？ is a question of an interview, however short)
    return True


def classify(raw: list[list[int]], text: dict[int, str], trace: Trace | None = None,
             doubts: Doubts | None = None) -> list[Block]:
    blocks = []
    for lines in raw:
        body = [text[n] for n in lines]
        joined = "".join(body)
        if all(credits.is_credit(t) or credits.is_role_only(t) for t in body) or credits.is_credit(" ".join(body)) \
                or (len(body) <= MAX_BYLINE_LINES and credits.is_credit("".join(body))):
            kind = "credit"
        elif (FURNITURE.search(joined) and len(lines) <= 3 and width(joined) <= 30) or \
                (len(lines) == 1 and (is_frame(joined) or LABEL.match(running(joined)))) or \
                all(GUIDE.search(t) for t in body) or _links(body) or service_box(body) or figure_card(body) or \
                (len(body) <= MAX_TEASER_LINES and GUIDE.search(joined) and not credits.is_lead(joined)):
            kind = "furniture"  # (a label read running: '简　讯' letter-spaced)
        elif CAPTION_MARK.match(body[0]):
            kind = "caption"
        elif opens_brief(body[0]):
            kind = "brief"
        elif looks_like_headline(body) and not table(body):
            kind = "head"
        else:
            kind = "body"
        blocks.append(Block(lines, kind))
    # an editor's note's label alone on its line, its note under it (编者按 / 核心阅读): the note's
    for label, note in zip(blocks, blocks[1:]):
        if len(label.lines) == 1 and label.kind == "head" and note.kind == "body" and EDITOR_NOTE.match(text[label.lines[0]]):
            label.kind = "body"
    # a teaser's title over it
    for title, teaser in zip(blocks, blocks[1:]):
        if title.kind == "head" and teaser.kind == "furniture" and GUIDE.search(text[teaser.lines[-1]]) and \
                len(teaser.lines) <= MAX_TEASER_LINES:
            title.kind = "furniture"
    # a notice's or a letter's signature under its text: who issued it, then the day, a line each
    # ('区妇联' / '2024年5月9日'); it ends that text, as a byline does (it was read as a headline)
    for before, block in zip(blocks, blocks[1:]):
        if before.kind == "body" and block.kind in ("head", "body") and signature([text[n] for n in block.lines]):
            block.kind = "credit"
    # (or a block each: '郑州市人民政府' / '2024年6月3日')
    for before, issuer, day in zip(blocks, blocks[1:], blocks[2:]):
        if before.kind == "body" and issuer.kind in ("head", "body") and day.kind in ("head", "body") and \
                len(issuer.lines) < MAX_SIGNATURE_LINES and len(day.lines) == 1 and \
                signature([text[n] for n in issuer.lines + day.lines]) and ends_sentence(text[before.lines[-1]]):
            issuer.kind = day.kind = "credit"
    # a box of the page's services whose label stands apart, over its rows ('招聘启事' / '本公司诚聘…'),
    # and a graphic's label over its first card ('数说郑州' / '1.2万亿元' / '2023年全市地区生产总值')
    for label, box in zip(blocks, blocks[1:]):
        if len(label.lines) == 1 and label.kind in ("head", "body") and box.kind in ("head", "body", "furniture"):
            lines = [text[n] for n in label.lines + box.lines]
            if (box.kind != "furniture" and service_box(lines)) or \
                    (figure_card(lines[1:]) and width(lines[0]) <= MAX_LABEL_WIDTH):
                label.kind = box.kind = "furniture"
    # a section's name on a line of its own right over the page's frame (社区·民生 over '2022年7月20日
    # 星期三 第6版'), or right under it, or atop a page that prints none, with the mark that sets a
    # section's parts apart (要闻·时政, 副刊·文苑) or the page's number (要闻　2), is part of it (a
    # short headline may stand right under the frame: 金水区召开大会)
    frame = {n for b in blocks if b.kind == "furniture" and is_frame(text[b.lines[0]]) for n in b.lines}
    top = blocks[0].lines[0] if blocks else None
    for block in blocks:
        n = block.lines[0]
        line = fold(text[n])
        numbered = NUMBERED_SECTION.match(line) is not None
        if block.kind in ("head", "body") and len(block.lines) == 1 and (SECTION.match(line) or numbered) and \
                (n + 1 in frame or ((n - 1 in frame or n == top) and (SECTION_MARK.search(line) or numbered))):
            block.kind = "furniture"
    # a web page's headline stands right over the story's time and source or its original title,
    # however long, with commas or a question ('暴雨致城区多处积水，…，部分路段交通管制')
    titled = {i for i, b in enumerate(blocks[:-1]) if b.kind in ("head", "body") and len(b.lines) <= MAX_HEAD_LINES
              and blocks[i + 1].lines[0] == b.lines[-1] + 1 and under_headline(text[blocks[i + 1].lines[0]])
              and not FULL_STOP.search("".join(text[n] for n in b.lines))}
    # and a line of its own after a finished sentence or a story's closing credit ('…58分钟。（记者
    # 吴丽娟）'), commas or not, heads the story under it where it is a question or an exclamation
    # over a dateline ('垃圾分类，你做对了吗？': text would have its mark), or shares more of its words
    # with a lead under it, dateline or not, than with the text above it ('餐馆无证经营，合肥70余人中毒';
    # '卧龙区举办观摩评比' / '昨日，卧龙区举办观摩评比。'; a story's last sentence whose full stop was
    # lost shares its own story's)
    titled |= {i for i, b in enumerate(blocks[:-1]) if b.kind == "head" and len(b.lines) == 1
               and (i == 0 or finished(text[blocks[i - 1].lines[-1]]))
               and ((opens_story(blocks[i + 1], text) and QUESTION_END.search(text[b.lines[0]]))
                    or (_opens_lead(blocks[i + 1], text) and _leans_below(blocks, i, text)))}
    for i in titled:
        blocks[i].kind, blocks[i].titles_below = "head", True
    page_width = column_width([text[n] for b in blocks if b.kind == "body" for n in b.lines])
    # A short block with no full stop may still be body text cut by a column break (wrapped lines
    # as wide as the column, a clause running on into the next block): the `heading` model decides.
    for i, block in enumerate(blocks):
        if block.kind != "head" or (i in titled and trace is None):
            continue
        x = _heading_features(blocks, i, text, page_width)
        if i in titled:  # decided by the rule above; still a case the model learns from (fit.py)
            trace.add("heading", x, block.lines, ())
        elif decide("heading", x, block.lines, trace=trace, doubts=doubts) <= 0:
            block.kind = "body"
    # A poem's stanzas under its title and author (故乡的秋 / □刘文华 / four short lines with no
    # mark, then four more): its text, however much each stanza looks like a headline
    verse: set[int] = set()
    for i, block in enumerate(blocks):
        if block.kind == "head" and len(block.lines) >= MIN_STANZA_LINES and i >= 2 and \
                ((blocks[i - 1].kind == "credit" and blocks[i - 2].kind == "head") or i - 1 in verse):
            block.kind, block.verse = "body", True
            verse.add(i)
    return blocks


def signature(lines: list[str]) -> bool:
    """A full date alone on the last line, under at most MAX_SIGNATURE_LINES - 1 names with no mark."""
    *names, day = [running(t).strip() for t in lines]
    return len(lines) <= MAX_SIGNATURE_LINES and DAY.fullmatch(day) is not None and \
        not any(PUNCTUATION.search(t) or width(t) > MAX_HEAD_WIDTH / 2 for t in names)


def _links(lines: list[str]) -> bool:
    """A web page's list of links (相关新闻： / ·标题 / ·标题): each a title after a bullet, no sentence."""
    items = lines[1:] if LINKS_LABEL.match(lines[0]) else lines
    return bool(items) and all(LINK.match(t) and not ends_sentence(t) for t in items)


def _opens_lead(block: Block, text: dict[int, str]) -> bool:
    """A dateline, or a lead's opening without one: when ('昨日，…', '4月27日，…') or whence ('据…')."""
    first = fold(opening(block, text))
    return opens_story(block, text) or bool(LEAD_TIME.match(first) or LEAD_SOURCE.match(first))


def _leans_below(blocks: list[Block], i: int, text: dict[int, str]) -> bool:
    """Whether block i shares more words (character bigrams) with the block under it than with the
    one over it, and some at all."""
    words = bigrams(text[blocks[i].lines[0]])
    below = len(words.keys() & bigrams("".join(text[n] for n in blocks[i + 1].lines)).keys())
    above = len(words.keys() & bigrams("".join(text[n] for n in blocks[i - 1].lines)).keys()) if i else 0
    return below >= MIN_SHARED and below > above


def _heading_features(blocks: list[Block], i: int, text: dict[int, str], page_width: float) -> dict[str, float]:
    """What tells a headline from a short piece of text: its width against the column's (text
    wraps at the column's width, a headline is set wider or narrower), its punctuation, and
    whether the text before it is left unfinished and the text after it runs on without a
    dateline."""
    block = blocks[i]
    following = next((b for b in blocks[i + 1:] if b.kind != "head"), None)
    before = blocks[i - 1] if i else None
    lines = [text[n] for n in block.lines]
    local = column_width([text[n] for b in blocks[max(0, i - 3): i + 4] if b.kind == "body" for n in b.lines]) or page_width
    widest = max(map(width, lines))
    return {
        "two_lines": float(len(lines) == 2), "more_lines": float(len(lines) > 2),
        "wrapped": float(len(lines) > 1 and all(width(t) >= 0.8 * local for t in lines[:-1]) and width(lines[0]) < 1.3 * local),
        "column_wide": float(len(lines) == 1 and local <= width(lines[0]) <= local + 0.5),
        "wider": float(widest > local + 0.5), "narrow": float(widest <= 0.6 * local),
        "clause": float(bool(CLAUSE_MARK.search("".join(lines)))),
        "bare": float(not PUNCTUATION.search("".join(lines))),  # text always has some; a headline often none
        "colon": float(bool(COLON.search("".join(lines)))),
        "quote": float(bool(QUOTE.search("".join(lines)))),
        "before_unfinished": float(before is not None and before.kind == "body" and not ends_sentence(text[before.lines[-1]])),
        "before_head": float(before is not None and before.kind == "head"),
        "runs_on": float(following is not None and following.kind == "body" and not opens_story(following, text)),
        "word_across": float(following is not None and following.kind == "body" and
                             _word_across(lines[-1], text[following.lines[0]])),
        "story_follows": float(following is not None and opens_story(following, text)),
        "page_end": float(following is None),
        "short_unfinished": float(width(lines[-1]) < SHORT_LINE * local and not ends_sentence(lines[-1])),
    }


def _word_across(before: str, after: str) -> bool:
    """A word runs on from one line into the next ('…选举管理委员' / '会主席…'): the break is a
    column's, in the middle of the text; a headline ends where its words do."""
    left, right = before[-3:], after[:3]
    if not (left and right and is_han(left[-1]) and is_han(right[0])):
        return False
    at = 0
    for word, _ in words.tag_short(left + right):
        if at < len(left) < at + len(word):
            return True
        at += len(word)
    return False
