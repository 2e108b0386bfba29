"""Reassemble the articles of one raw page.

A page's text comes out of the PDF column by column: headlines can stand before their
article, after it or at the very end of the page; a blank line may be a column break in
mid-sentence; an article can continue at the top of the page. The steps:

1. cut the page into blocks (runs of non-blank lines, split at datelines, bylines, brief
   items and the lines that frame the page);
2. tell headline blocks from body text (the fitted `heading` model), bylines, photo
   captions, briefs and page furniture;
3. walk the body blocks into stories (a dateline opens one, a byline or 下转 closes it; a
   short line inside an open story is its sub-heading; a caption is an item of its own);
4. decode the page's headlines as a whole: each run of headline blocks is cut into headlines
   (kicker / title / subtitle stay together), each headline heads one story or none and each
   story has one headline or none; the cut and the assignment with the best total of the
   fitted scores win;
5. join a dispatch that no headline heads to the story beside it that it is part of: a
   report may be several dispatches from several places under one headline (the fitted
   `dispatch` model);
6. join the text at the top of the page, before any headline or dateline, to the story it
   ends (the fitted `tail` and `tail_story` models).

Where a decision weighs evidence, its weights come from generator/data/weights.json (fitted on
gold pages by generator/fit.py); the features are computed here, once per candidate.
"""
from __future__ import annotations

import functools
import itertools
import math
import operator
import re
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import linear_sum_assignment

from .extract import credits, words
from .learned import Trace, weights
from .read import Page
from .text import HAN, compact, ends_sentence, is_han, join, unspace, width
from .vocabulary import BRIEF_MARKS, CAPTION_MARK, CAPTION_PHRASE, CONTINUED_FROM, CONTINUED_ON

MAX_HEAD_LINES = 4
MAX_BYLINE_LINES = 3  # a byline wrapped at the column's width
MAX_HEAD_WIDTH = 40
MAX_UNITS_PER_HEADLINE = 3
PUNCTUATION = re.compile(r"[，、。；：！？,.;:!?“”‘’（）()《》—…]")
IMPOSSIBLE = -1e9  # the score of a pairing the headline decode may not make
UNLINKED = 0.05  # a headline unit with less of its words in a story than this shares none with it
MAX_CAPTION_LINES = 16
MAX_SUBHEADING_WIDTH = 12
# Opens each item of a news-in-brief column: a mark, then when it happened. A mark alone may
# stand before the points of one story.
BRIEF = re.compile(rf"^[{re.escape(BRIEF_MARKS)}]\s*(?:\d{{1,2}}月\d{{1,2}}日|近日|日前|昨日|今年以来)")
FURNITURE = re.compile(r"公众号|扫码|扫一扫|二维码|责任编辑|责编|版式设计|美编|校对|本版编辑|订阅热线|广告热线")
# A line that frames the page, whole: the paper's name, the date with its weekday, the page
# number, the editors. It is cut out of any block it stands in.
_EDITOR = r"(?:责任编辑|责编|本版编辑|版式设计|美编|校对|组版)[：:\s]*|(?:编辑|设计|版式)[：:\s]+"  # not 编辑部主任
PAGE_FRAME = re.compile(
    rf"^(?:[{HAN}]{{2,6}}(?:日报|晚报|时报|商报)|\d{{4}}年\d{{1,2}}月\d{{1,2}}日\s*(?:星期|周)[一二三四五六日天].{{0,12}}|"
    rf"第?\s*[A-Z]?\d{{1,3}}\s*版|(?:(?:{_EDITOR})[{HAN}]{{2,4}}\s*)+)$")
# The label of the page or of a column (金水新闻, ■简讯): furniture where it stands alone.
LABEL = re.compile(rf"^(?:[{HAN}]{{2,6}}新闻|[{re.escape(BRIEF_MARKS)}]?\s*[{HAN}]{{0,6}}(?:简讯|短讯|快讯|简报|动态|速递|速览))$")


@dataclass
class Block:
    lines: list[int]
    kind: str  # head | subhead | body | brief | credit | caption | furniture


@dataclass
class Draft:
    """An article as line numbers: what the extract and render stages start from."""

    kind: str = "news"  # news | photo | brief
    fragments: list[list[int]] = field(default_factory=list)  # body lines in reading order
    headline: list[list[int]] = field(default_factory=list)  # headline units, in page order
    subheadings: list[int] = field(default_factory=list)
    closed: bool = False  # ended by a byline
    lead: bool = False  # opens with 本报讯
    first_paragraph_only: bool = True

    @property
    def body(self) -> list[int]:
        return [n for frag in self.fragments for n in frag]

    @property
    def first(self) -> int:
        return self.fragments[0][0]

    @property
    def last(self) -> int:
        return self.fragments[-1][-1]


@dataclass
class Layout:
    articles: list[Draft]
    furniture: list[int]
    unplaced: list[int]


def reassemble(page: Page, trace: Trace | None = None) -> Layout:
    text = {n: unspace(line) for n, line in enumerate(page.lines, 1) if line.strip()}
    blocks = classify(cut_blocks(text), text, trace)
    articles, furniture = walk(blocks, text)
    tails = top_pieces(articles, blocks, text)
    attach_headlines(articles, blocks, text, trace, headless=tails)
    join_dispatches(articles, tails, text, trace)
    join_tails(articles, tails, text, trace)
    articles.sort(key=lambda a: min(a.body + [n for u in a.headline for n in u]))
    placed = {n for a in articles for n in a.body} | {n for a in articles for u in a.headline for n in u}
    unplaced = sorted(set(text) - placed - set(furniture))
    return Layout(articles, sorted(furniture), unplaced)


# 1. blocks ------------------------------------------------------------------------------

def cut_blocks(text: dict[int, str]) -> list[list[int]]:
    blocks: list[list[int]] = []
    current: list[int] = []
    for n in range(1, max(text, default=0) + 1):
        line = text.get(n)
        if line is None:
            if current:
                blocks.append(current)
            current = []
            continue
        if PAGE_FRAME.match(line):  # a block of its own, even set tight against the text
            blocks += [current, [n]] if current else [[n]]
            current = []
            continue
        # A byline inside a block counts only where a sentence or a credit ended before it:
        # '本报北京１２月３０日讯' / '新华社记者胡晓梦、本报' / '记者吴亚明报道：' is one lead.
        previous = text[current[-1]] if current else ""
        at_break = not current or ends_sentence(previous) or credits.is_credit(previous) or credits.is_role_only(previous)
        if current and (credits.is_lead(line + text.get(n + 1, "")) or CAPTION_MARK.match(line) or BRIEF.match(line)):
            blocks.append(current)
            current = []
        current.append(n)
        following = text.get(n + 1, "")
        if at_break and credits.is_credit(line) and not (credits.is_credit(following) or credits.is_role_only(following)):
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


def _byline_start(block: list[int], text: dict[int, str]) -> int:
    """Where the byline that ends a block starts (len(block) where none does): its lines alone,
    or lines that join into one ('记者 孙庆辉 通讯员 帖' / '姣 文/图'), after a finished sentence."""
    k = len(block)
    while k > 0 and (credits.is_credit(text[block[k - 1]]) or credits.is_role_only(text[block[k - 1]])):
        k -= 1
    if k < len(block):
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
    return credits.is_lead(opening(block, text))


# 2. kinds -------------------------------------------------------------------------------

def column_width(lines: list[str]) -> float:
    widths = sorted(width(t) for t in lines)
    return widths[int(0.75 * (len(widths) - 1))] if widths else 0.0


def looks_like_headline(lines: list[str]) -> bool:
    if len(lines) > MAX_HEAD_LINES:
        return False
    for line in lines:
        if re.search(r"[。；？;?]", line) or re.search(r"[，、：:；,]$", line):
            return False
        if width(line) > MAX_HEAD_WIDTH or credits.is_lead(line):
            return False
    return True


def classify(raw: list[list[int]], text: dict[int, str], trace: Trace | None = None) -> list[Block]:
    blocks = []
    for lines in raw:
        body = [text[n] for n in lines]
        joined = "".join(body)
        if all(credits.is_credit(t) or credits.is_role_only(t) for t in body) or credits.is_credit(" ".join(body)) \
                or (len(body) <= MAX_BYLINE_LINES and credits.is_credit("".join(body))):
            kind = "credit"
        elif (FURNITURE.search(joined) and len(lines) <= 3 and width(joined) <= 30) or \
                (len(lines) == 1 and (PAGE_FRAME.match(joined) or LABEL.match(joined))):
            kind = "furniture"
        elif CAPTION_MARK.match(body[0]):
            kind = "caption"
        elif BRIEF.match(body[0]):
            kind = "brief"
        elif looks_like_headline(body):
            kind = "head"
        else:
            kind = "body"
        blocks.append(Block(lines, kind))
    page_width = column_width([text[n] for b in blocks if b.kind == "body" for n in b.lines])
    # A short block with no full stop may still be body text cut by a column break (wrapped lines
    # as wide as the column, a clause running on into the next block): the `heading` model decides.
    model = weights()["heading"]
    for i, block in enumerate(blocks):
        if block.kind != "head":
            continue
        x = _heading_features(blocks, i, text, page_width)
        if trace is not None:
            trace.add("heading", x, block.lines, ())
        if model.logit(x) <= 0:
            block.kind = "body"
    return blocks


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
        "clause": float(bool(re.search(r"[，、,]", "".join(lines)))),
        "bare": float(not PUNCTUATION.search("".join(lines))),  # text always has some; a headline often none
        "colon": float(bool(re.search(r"[：:]", "".join(lines)))),
        "quote": float(bool(re.search(r"[“”\"《》]", "".join(lines)))),
        "before_unfinished": float(before is not None and before.kind == "body" and not ends_sentence(text[before.lines[-1]])),
        "before_head": float(before is not None and before.kind == "head"),
        "runs_on": float(following is not None and following.kind == "body" and not opens_story(following, text)),
        "word_across": float(following is not None and following.kind == "body" and
                             _word_across(lines[-1], text[following.lines[0]])),
        "story_follows": float(following is not None and opens_story(following, text)),
        "page_end": float(following is None),
    }


def _word_across(before: str, after: str) -> bool:
    """A word runs on from one line into the next ('…选举管理委员' / '会主席…'): the break is a
    column's, in the middle of the text; a headline ends where its words do."""
    left, right = before[-3:], after[:3]
    if not (left and right and is_han(left[-1]) and is_han(right[0])):
        return False
    at = 0
    for word, _ in words.tag(left + right):
        if at < len(left) < at + len(word):
            return True
        at += len(word)
    return False


# 3. bodies ------------------------------------------------------------------------------

def walk(blocks: list[Block], text: dict[int, str]) -> tuple[list[Draft], list[int]]:
    articles: list[Draft] = []
    furniture: list[int] = []
    current: Draft | None = None
    heads: list[Block] = []  # the headline blocks since the last other block: are we after a headline?

    def start(kind: str = "news") -> Draft:
        draft = Draft(kind=kind)
        articles.append(draft)
        return draft

    for i, block in enumerate(blocks):
        if block.kind == "furniture":
            furniture += block.lines
            continue
        if block.kind == "head":
            heads.append(block)
            continue
        if block.kind == "caption":
            current = start("photo")
        elif block.kind == "brief":
            current = start("brief")
        elif block.kind == "credit":
            if current is None or heads or (current.closed and current.kind != "photo"):
                current = start()  # a byline standing at the top of its article
            current.fragments.append(list(block.lines))
            if not (heads or current.body == block.lines):
                current.closed = True
            heads = []
            continue
        elif opens_story(block, text):
            current = start()
            current.lead = True
        elif (current is not None and not heads and ends_sentence(text[current.last]) and
              len(block.lines) <= MAX_CAPTION_LINES and _is_caption(block, blocks[i + 1:i + 2], text)):
            current = start("photo")  # a photo's caption after a finished story
        elif current is None or current.closed or heads:
            if current is not None and current.kind == "photo" and not current.closed and not heads:
                pass  # the rest of a caption
            elif heads and _is_subheading(heads, current, blocks[i + 1:], text):
                heads[0].kind = "subhead"  # no headline for attach_headlines
                current.fragments.append(list(heads[0].lines))
                current.subheadings += heads[0].lines
            else:
                current = start()
        else:
            current.first_paragraph_only = current.first_paragraph_only and not _has_paragraph_end(current, text)
        heads = []
        current.fragments.append(list(block.lines))
        last = "".join(text[n] for n in block.lines[-2:])  # a byline may be cut across the last two lines
        if current.kind == "brief":  # one paragraph, its byline (if any) at its end
            current.closed = ends_sentence(last) or credits.split_trailing(last) is not None
        elif credits.split_trailing(last) or (current.kind == "photo" and _photo_credited(block.lines, text)):
            # A byline after the first paragraph of a story without a lead stands at its top.
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            at_top = (not current.lead and current.first_paragraph_only and following is not None
                      and following.kind == "body" and not opens_story(following, text))
            current.closed = not at_top
        if CONTINUED_ON.search(last):  # '（下转第2版）': the rest of the story is on another page
            current.closed = True
    for draft in articles:
        draft.fragments = [[n for frag in draft.fragments for n in frag]] if draft.fragments else []  # one run so far
        # A short text with no dateline whose only credit is a photographer's is a caption.
        if draft.kind == "news" and not draft.lead and _photo_credited(draft.body, text) and len(draft.body) <= MAX_CAPTION_LINES:
            draft.kind = "photo"
    return articles, furniture


def _is_subheading(heads: list[Block], current: Draft | None, after: list[Block], text: dict[int, str]) -> bool:
    """'完善机制建平台' after a finished paragraph of a story that opened with its dateline and has
    not ended: one short line is a sub-heading of that story, not the headline of a new one, when
    it is one of a series of lines alike ('完善机制建平台', '强化服务解难题'). A lone short line
    there is more likely the headline of the story above, set after it."""
    if not (current is not None and current.kind == "news" and current.lead and not current.closed
            and len(heads) == 1 and len(heads[0].lines) == 1 and ends_sentence(text[current.last])):
        return False
    size = width(text[heads[0].lines[0]])

    def alike(n: int) -> bool:
        return size <= MAX_SUBHEADING_WIDTH and abs(width(text[n]) - size) <= 2

    if any(alike(n) for n in current.subheadings):
        return True
    for block in after:  # the story's next sections, up to where another story could start
        if block.kind == "head":
            return len(block.lines) == 1 and alike(block.lines[0])
        if block.kind != "body" or opens_story(block, text):
            return False
    return False


def _photo_credited(lines: list[int], text: dict[int, str]) -> bool:
    """The lines end with a photographer's credit alone: '…滑翔。（新华' / '社记者周确摄）', '本报记者 X 摄'
    (not '记者 X 文/图', a story's)."""
    last = "".join(text[n] for n in lines[-2:])
    tail = credits.split_trailing(last)
    credit = credits.parse(tail[1] if tail else text[lines[-1]])
    return credit is not None and bool(credit.photographers) and not (credit.reporters or credit.correspondents)


def _is_caption(block: Block, following: list[Block], text: dict[int, str]) -> bool:
    """A photo's caption: it ends with a photographer's credit (on its last lines or on a line of
    its own right under it), or it says what the picture shows ('图为…')."""
    credited = following and following[0].kind == "credit" and _photo_credited(following[0].lines, text)
    return bool(credited or _photo_credited(block.lines, text) or
                CAPTION_PHRASE.search("".join(text[n] for n in block.lines)))


def _has_paragraph_end(draft: Draft, text: dict[int, str]) -> bool:
    return any(ends_sentence(text[n]) for n in draft.body)


# 4. headlines ---------------------------------------------------------------------------

_NOT_WORD = re.compile(rf"[^{HAN}A-Za-z0-9]")


def bigrams(text: str) -> dict[str, None]:
    """The character bigrams of a text's words, in the order they first occur."""
    chars = _NOT_WORD.sub("", compact(text))
    return dict.fromkeys(map(operator.add, chars, chars[1:]))


@dataclass
class _Unit:
    lines: list[int]
    run: int


def attach_headlines(articles: list[Draft], blocks: list[Block], text: dict[int, str],
                     trace: Trace | None = None, headless: list[Draft] = ()) -> None:
    """Each run of headline blocks is cut into headlines (kicker / title / subtitle stay together),
    and each headline either heads one story (not one of the `headless` pieces) or heads none (it
    is then a sub-heading or a kicker of the text it stands by), and each story has one headline
    or none. The cut and the assignment with the highest total score over the whole page win:
    `headline` scores a headline heading a story, `orphan` one heading none, `untitled` a story
    with none (learned.py; the weights are fitted on gold pages by generator/fit.py)."""
    runs: list[list[_Unit]] = []
    previous_head = False
    for block in blocks:
        if block.kind == "head":
            if not previous_head:
                runs.append([])
            runs[-1].append(_Unit(block.lines, len(runs) - 1))
        previous_head = block.kind == "head"
    if not runs:
        return
    targets = [a for a in articles if a.kind in ("news", "photo") and a not in headless]
    if not targets:
        _orphans([u for run in runs for u in run], articles, text)
        return
    features = _HeadlineFeatures(runs, targets, text)
    pair_model, orphan_model = weights()["headline"], weights()["orphan"]
    options = [list(_partitions(run)) if len(run) <= 8 else [[[u] for u in run]] for run in runs]
    scores: dict[tuple[int, int], tuple[list[float], float]] = {}  # a group (first unit, size): its scores

    def scored(group: list[_Unit]) -> tuple[list[float], float]:
        key = (id(group[0]), len(group))
        if key not in scores:
            lines = [n for u in group for n in u.lines]
            pairs = []
            for k in range(len(targets)):
                x = features.pair(group, k)
                pairs.append(pair_model.logit(x))
                if trace is not None:
                    trace.add("headline", x, lines, targets[k].body)
            x = features.orphan(group)
            if trace is not None:
                trace.add("orphan", x, lines, ())
            scores[key] = (pairs, orphan_model.logit(x))
        return scores[key]

    untitled = []  # each story's score for heading nothing
    for k in range(len(targets)):
        x = features.untitled(k)
        untitled.append(weights()["untitled"].logit(x))
        if trace is not None:
            trace.add("untitled", x, targets[k].body, ())

    def solve(choice: list[int]):
        groups = [g for r, c in enumerate(choice) for g in options[r][c]]
        # Each group takes a story or its own 'heads nothing' column, each story a group or its own
        # 'has none' row; the best total wins (a square assignment: groups and stories both ways).
        g, k = len(groups), len(targets)
        table = np.full((g + k, k + g), IMPOSSIBLE)
        for i, group in enumerate(groups):
            pairs, orphan = scored(group)
            table[i, :k] = pairs
            table[i, k + i] = orphan
        table[np.arange(g, g + k), np.arange(k)] = untitled
        table[g:, k:] = 0.0
        rows_, cols = linear_sum_assignment(table, maximize=True)
        total = float(table[rows_, cols].sum())
        return total, groups, {r: c for r, c in zip(rows_, cols) if r < g and c < k}

    if trace is not None:  # every group any cut can make
        for option in (o for run_options in options for o in run_options):
            for group in option:
                scored(group)
    choice = [0] * len(runs)
    best = solve(choice)
    improved = True
    while improved:
        improved = False
        for r in range(len(runs)):
            for c in range(len(options[r])):
                if c == choice[r]:
                    continue
                trial = choice[:r] + [c] + choice[r + 1:]
                result = solve(trial)
                if result[0] > best[0] + 1e-9:
                    best, choice, improved = result, trial, True
    _, groups, pairs = best
    orphans = []
    for g, group in enumerate(groups):
        lines = [n for u in group for n in u.lines]
        if g in pairs:
            targets[pairs[g]].headline = [u.lines for u in group]
        else:
            orphans += group
        if trace is not None:
            trace.chosen.append(("headline", tuple(lines), tuple(targets[pairs[g]].body)) if g in pairs else
                                ("orphan", tuple(lines), ()))
    if trace is not None:
        headed = set(pairs.values())
        trace.chosen += [("untitled", tuple(a.body), ()) for k, a in enumerate(targets) if k not in headed]
    _orphans(orphans, articles, text)


def _partitions(run: list[_Unit]):
    """Every cut of a run of headline units into headlines of at most MAX_UNITS_PER_HEADLINE."""
    for cuts in itertools.product([False, True], repeat=len(run) - 1):
        groups, group = [], [run[0]]
        for unit, cut in zip(run[1:], cuts):
            if cut:
                groups.append(group)
                group = [unit]
            else:
                group.append(unit)
        groups.append(group)
        if all(len(g) <= MAX_UNITS_PER_HEADLINE for g in groups):
            yield groups


def _top2(values: list[float]) -> tuple[float, float, int]:
    """The largest value, the next, and where the largest stands."""
    at = max(range(len(values)), key=values.__getitem__, default=-1)
    rest = [v for j, v in enumerate(values) if j != at]
    return (values[at] if at >= 0 else 0.0), max(rest, default=0.0), at


def _best_but(top: tuple[float, float, int], k: int) -> float:
    """The largest value other than the k-th, from _top2 (0 where there is none): O(1) a story."""
    best, second, at = top
    return second if k == at else best


class _HeadlineFeatures:
    """What the headline decision reads about a headline group and a story: how much of the
    group's words (bigrams, weighted by rarity over the page's stories) are the story's, and
    its lead's, against the other stories and the other headlines; where the group stands
    (right above the story's first line, right under one of its ends, how far); whether the
    story is a photo's caption."""

    def __init__(self, runs: list[list[_Unit]], targets: list[Draft], text: dict[int, str]):
        self.targets, self.text = targets, text
        bodies = [bigrams("".join(text[n] for n in a.body)) for a in targets]
        leads = [bigrams("".join(text[n] for n in a.body)[:150]) for a in targets]
        self.units = [(u, bigrams("".join(text[n] for n in u.lines))) for run in runs for u in run]
        idf: dict[str, float] = {}  # of the bigrams the headlines have: only they are looked up
        for g in (g for _, grams in self.units for g in grams):
            if g not in idf:
                df = sum(1 for bag in bodies if g in bag)
                idf[g] = math.log(1 + len(targets) / df) if df else math.log(1 + len(targets))
        self.body: dict[tuple[int, int], float] = {}  # (unit, story) -> share of the unit's words in it
        self.lead: dict[tuple[int, int], float] = {}
        for unit, grams in self.units:
            total = sum(idf[g] for g in grams) or 1.0
            for k in range(len(targets)):
                self.body[(id(unit), k)] = sum(idf[g] for g in grams if g in bodies[k]) / total
                self.lead[(id(unit), k)] = sum(idf[g] for g in grams if g in leads[k]) / total
        self.starts = {a.first: k for k, a in enumerate(targets)}
        self.ends = {frag[-1]: k for k, a in enumerate(targets) for frag in a.fragments}
        nonblank = sorted(text)
        self.nxt = {a: b for a, b in zip(nonblank, nonblank[1:])}
        self.prv = {b: a for a, b in zip(nonblank, nonblank[1:])}
        self.spans = [(min(a.body), max(a.body)) for a in targets]
        self.page_lines = max(nonblank) or 1
        self.unit_top = {id(u): _top2([self.body[(id(u), k)] for k in range(len(targets))]) for u, _ in self.units}
        # each story's units by their share of words in it, best first: its rivals for a group
        self.by_story = [sorted(((self.body[(id(u), k)], id(u)) for u, _ in self.units), reverse=True)
                         for k in range(len(targets))]
        self.means: dict[tuple[int, int], tuple[float, float, int]] = {}

    def pair(self, group: list[_Unit], k: int) -> dict[str, float]:
        body = [self.body[(id(u), k)] for u in group]
        mean = sum(body) / len(body)
        means = self._means(group)
        above = self.starts.get(self.nxt.get(group[-1].lines[-1])) == k
        first, last = group[0].lines[0], group[-1].lines[-1]
        gap = min(abs(first - self.spans[k][1]), abs(self.spans[k][0] - last))
        photo = self.targets[k].kind == "photo"
        ids = {id(u) for u in group}
        rival = next((sim for sim, unit in self.by_story[k] if unit not in ids), 0.0)
        j = self.ends.get(self.prv.get(first), k)
        return {
            "body": mean, "lead": sum(self.lead[(id(u), k)] for u in group) / len(group), "weakest": min(body),
            "extra": len(group) - 1.0, "unlinked": float(min(body) < UNLINKED), "above": float(above),
            "below": float(self.ends.get(self.prv.get(first)) == k), "photo": float(photo),
            "photo_not_above": float(photo and not above),
            "margin_group": mean - _best_but(means, k), "margin_story": max(body) - rival,
            "distance": gap / self.page_lines,
            # the group's first unit reads on from another story's last line, right above it
            "other_story_above": self.body[(id(group[0]), j)] if j != k else 0.0,
            # one of the group's units has more of its words in another story: a headline of its own
            "unit_elsewhere": max(_best_but(self.unit_top[id(u)], k) - self.body[(id(u), k)] for u in group)
            if len(group) > 1 and len(self.targets) > 1 else 0.0,
        }

    def _means(self, group: list[_Unit]) -> tuple[float, float, int]:
        """The best two of the group's mean shares of words in the stories (kept: each group is
        scored against every story)."""
        key = (id(group[0]), len(group))
        if key not in self.means:
            self.means[key] = _top2([sum(self.body[(id(u), j)] for u in group) / len(group)
                                     for j in range(len(self.targets))])
        return self.means[key]

    def untitled(self, k: int) -> dict[str, float]:
        """A story that no headline heads: a caption or a brief often has none, a story with a
        dateline seldom, the less so the more headlines the page has for its stories."""
        story = self.targets[k]
        return {"dateline": float(story.lead), "photo": float(story.kind == "photo"),
                "lines": math.log(len(story.body)), "headline_units": len(self.units) / len(self.targets)}

    def orphan(self, group: list[_Unit]) -> dict[str, float]:
        """Right under a story's last line (not its byline) a headline that heads nothing reads
        as that story's sub-heading, the more so the more words it shares with it."""
        above = self.prv.get(group[0].lines[0])
        under = above in self.ends and not credits.is_credit(self.text[above])
        words = max(self.body[(id(u), self.ends[above])] for u in group) if under else 0.0
        before = self.nxt.get(group[-1].lines[-1]) in self.starts
        clause = any(re.search(r"[，、,]", self.text[n]) for u in group for n in u.lines)
        return {"under_story": float(under), "under_story_words": words, "units": float(len(group)),
                "before_story": float(before), "clause": float(clause)}


def _orphans(units: list[_Unit], articles: list[Draft], text: dict[int, str]) -> None:
    """A headline-like line that heads nothing is a sub-heading: it joins the body text
    it stands under (or, at the top of the page, the story it stands above)."""
    for unit in units:
        start = unit.lines[0]
        spots = [(frag[-1], frag, a) for a in articles for frag in a.fragments if frag[-1] < start]
        if spots:
            _, frag, host = max(spots, key=lambda s: s[0])
            frag.extend(unit.lines)
        else:
            spots = [(frag[0], frag, a) for a in articles for frag in a.fragments]
            if not spots:
                articles.append(Draft(kind="brief", fragments=[list(unit.lines)]))
                continue
            _, frag, host = min(spots, key=lambda s: s[0])
            frag[:0] = unit.lines
        host.subheadings += unit.lines


# 5. dispatches --------------------------------------------------------------------------

def join_dispatches(articles: list[Draft], tails: list[Draft], text: dict[int, str], trace: Trace | None = None) -> None:
    """A report may be several dispatches under one headline ('纽约股市开门红印尼菲律宾货币汇率再跌':
    one from New York, one from Jakarta, one from Manila), each opening with its own dateline; a
    column of briefs is several dispatches that no headline heads either. A dispatch the headline
    decode left untitled joins the nearest headed story before or after it (with no headline and
    nothing but other untitled dispatches between them: those join too) that the `dispatch`
    model scores above zero, the best if both do. The telling feature: a headline sums up its
    whole report, so the dispatches of a report hold words of the headline that its first
    story does not."""
    stories = [a for a in articles if a.kind == "news" and a not in tails]
    untitled = {k for k, a in enumerate(stories) if a.lead and not a.headline}
    if not untitled:
        return
    model = weights()["dispatch"]
    heads = {n for a in stories for unit in a.headline for n in unit}
    bodies = ["".join(text[n] for n in a.body) for a in stories]
    bags = [bigrams(body) for body in bodies]
    idf = _idf(bags)
    # the headline's words (not its bigrams: '将举' of 上将举行 is no word of '香港将举行…'), each
    # weighted by how few of the page's stories have it
    titles = [[w for w, _ in words.tag("".join(text[n] for unit in a.headline for n in unit))
               if len(w) > 1 and _NOT_WORD.search(w) is None] for a in stories]
    rarity = {w: math.log(1 + len(stories) / (1 + sum(w in body for body in bodies))) for title in titles for w in title}

    def apart(j: int, k: int) -> bool:  # a headline stands between stories j and k
        low, high = sorted((stories[j], stories[k]), key=operator.attrgetter("first"))
        return any(low.last < n < high.first for n in heads)

    joined: dict[int, tuple[int, list[int]]] = {}  # dispatch -> (the headed story, the dispatches between)
    for k in sorted(untitled):
        best = 0.0
        for step in (-1, 1):
            j, between = k + step, []
            while 0 <= j < len(stories) and j in untitled and not apart(j - step, j):
                between.append(j)
                j += step
            if not 0 <= j < len(stories) or not stories[j].lead or not stories[j].headline or apart(j - step, j):
                continue
            news = [w for w in titles[j] if w not in bodies[j] and w in bodies[k]]  # its story lacks them
            x = {"news": sum(map(rarity.get, news)) / (sum(map(rarity.get, titles[j])) or 1.0),
                 "words": _overlap(bags[k], bags[j], idf), "between": float(len(between)),
                 "according": float(text[stories[k].first].startswith("据"))}
            if trace is not None:
                trace.add("dispatch", x, stories[k].body, stories[j].body)
            score = model.logit(x)
            if score > best:
                best, joined[k] = score, (j, between)
    hosts: dict[int, set[int]] = {}
    for k, (j, between) in joined.items():
        hosts.setdefault(j, set()).update([k, *between])
    taken: set[int] = set()
    for j, parts in sorted(hosts.items()):
        host, own = stories[j], sorted(parts - taken)  # a dispatch two reports claim joins the first
        for k in own:
            host.fragments += stories[k].fragments
            host.subheadings += stories[k].subheadings
            articles.remove(stories[k])
        taken |= parts
        host.fragments.sort(key=operator.itemgetter(0))
        host.closed = stories[max([j, *own])].closed  # the report ends where its last dispatch does


# 6. fragments ---------------------------------------------------------------------------

def top_pieces(articles: list[Draft], blocks: list[Block], text: dict[int, str]) -> list[Draft]:
    """The text at the top of the page, before any headline or dateline: it may be the end of a
    story that starts further down (a column running on from the page's foot to its head)."""
    first_head = next((b.lines[0] for b in blocks if b.kind == "head"), math.inf)
    tails = []
    for draft in articles:
        if draft.lead or draft.kind != "news" or draft.first > first_head:
            break
        if not CONTINUED_FROM.match(text[draft.first]):  # '（上接第1版）': a story from another page
            tails.append(draft)
    return tails


def join_tails(articles: list[Draft], tails: list[Draft], text: dict[int, str], trace: Trace | None = None) -> None:
    """The `tail` model says whether a piece from the top of the page is the end of a story,
    the `tail_story` model ranks the stories it may end, by the words it shares with each
    story's text and headline, the column measure they are set in and where the story stands
    (each story takes one tail at most); a piece that is no tail stands alone. The top of a
    page may hold the ends of two stories: it is cut where the measure changes and the two
    sides end different stories best."""
    stories = [a for a in articles if a.kind == "news" and a not in tails]
    if not tails or not stories:
        return
    is_tail, rank = weights()["tail"], weights()["tail_story"]
    measures = {id(a): measure(a.body, text) for a in stories}
    heads = [bigrams("".join(text[n] for unit in a.headline for n in unit)) for a in stories]
    bags = [bigrams("".join(text[n] for n in a.body)) for a in stories]
    idf = _idf([bigrams("".join(text[n] for n in a.body)) for a in tails] + bags + heads)

    @functools.cache
    def scores(piece: tuple[int, ...]) -> list[float]:
        bag, size = bigrams("".join(text[n] for n in piece)), measure(list(piece), text)
        if all(credits.is_credit(text[n]) for n in piece):  # a byline: its words are a name, not a story's
            bag = {}
        words = [_overlap(bag, b, idf) for b in bags]
        titled = [_overlap(h, bag, idf) for h in heads]
        top_words, top_titled = _top2(words), _top2(titled)
        row = []
        for k, story in enumerate(stories):
            y = {"words": words[k], "margin": words[k] - _best_but(top_words, k),
                 "headline_words": titled[k], "headline_margin": titled[k] - _best_but(top_titled, k),
                 "open": float(not story.closed), "unfinished": float(not ends_sentence(text[story.last])),
                 "lead": float(story.lead),
                 # a column runs on from the page's foot to its head: the last story, or the next one
                 "last": float(k == len(stories) - 1), "next": float(k == 0 or stories[k - 1].first < piece[0]),
                 "same_measure": float(size is not None and size == measures[id(story)]),
                 "other_measure": float(_differ(size, measures[id(story)]))}
            row.append(rank.logit(y))
            if trace is not None:
                trace.add("tail_story", y, piece, story.body)
        return row

    leads = sum(a.lead for a in stories) / len(stories)
    chosen, gain = [], []
    for tail in tails:
        x = {"closed": float(tail.closed), "first": float(tail.first == min(text)),
             "lines": math.log(len(tail.body)), "stories_with_dateline": leads,
             "ends_sentence": float(ends_sentence(text[tail.last]))}
        if trace is not None:
            trace.add("tail", x, tail.body, ())
        if is_tail.logit(x) <= 0:
            continue
        pieces = _cut_at_measure(tail, text, scores)
        for piece in pieces:
            if piece is not tail:
                articles.insert(articles.index(tail), piece)
        if len(pieces) > 1:
            articles.remove(tail)
        for piece in pieces:
            chosen.append(piece)
            gain.append(scores(tuple(piece.body)))
    if not chosen:
        return
    rows, cols = linear_sum_assignment([[-v for v in row] for row in gain])
    for r, c in sorted(zip(rows, cols), key=lambda rc: -rc[0]):
        stories[c].fragments.append(chosen[r].fragments[0])
        stories[c].closed = chosen[r].closed
        articles.remove(chosen[r])


def measure(lines: list[int], text: dict[int, str]) -> tuple[int, int] | None:
    """The column measure a run of lines is set in: the most common width, and the most common
    count of characters, of the lines that no paragraph ends (None where fewer than two are).
    Stories side by side are often set in different measures, and a story keeps its measure from
    column to column; the count stands beside the width because a line cut at a count of
    characters varies in width with its digits and Latin letters, and one cut at a width in
    count."""
    run = set(lines)
    inner = [text[n] for n in lines if n + 1 in run and n + 1 in text]
    if len(inner) < 2:
        return None
    return _mode([round(width(t)) for t in inner]), _mode([len(t) for t in inner])


def _mode(values: list[int]) -> int:
    count = {v: values.count(v) for v in set(values)}
    return min(count, key=lambda v: (-count[v], v))


def _differ(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Two measures known and different both in width and in count."""
    return a is not None and b is not None and a[0] != b[0] and a[1] != b[1]


def _cut_at_measure(tail: Draft, text: dict[int, str], scores) -> list[Draft]:
    """The tail cut into its runs of paragraphs set in one measure, where a sentence ends at the
    change; runs next to each other that end the same story best are one piece again."""
    lines = tail.body
    ends = [k + 1 for k, n in enumerate(lines[:-1]) if lines[k + 1] != n + 1 or n + 1 not in text]
    runs, start = [], 0
    for end in ends:  # paragraph ends
        before, after = lines[start:end], lines[end:]
        nxt = next((e for e in ends if e > end), len(lines))
        if _differ(measure(before, text), measure(lines[end:nxt], text)) and ends_sentence(text[lines[end - 1]]) and after:
            runs.append(before)
            start = end
    runs.append(lines[start:])
    if len(runs) == 1:
        return [tail]
    best = [max(range(len(row)), key=row.__getitem__) for row in (scores(tuple(r)) for r in runs)]
    pieces: list[list[int]] = []
    for k, run in enumerate(runs):
        if k and best[k] == best[k - 1]:
            pieces[-1] += run
        else:
            pieces.append(list(run))
    if len(pieces) == 1:
        return [tail]
    out = []
    for piece in pieces:
        last = "".join(text[n] for n in piece[-2:])
        out.append(Draft(kind=tail.kind, fragments=[piece],
                         closed=tail.closed if piece is pieces[-1] else bool(credits.split_trailing(last))))
    return out


def _idf(bags: list[dict]) -> dict[str, float]:
    """How rare each bigram is among these texts: a word two stories share says more the fewer
    of the page's stories have it."""
    df: dict[str, int] = {}
    for bag in bags:
        for g in bag:
            df[g] = df.get(g, 0) + 1
    return {g: math.log(1 + len(bags) / d) for g, d in df.items()}


def _overlap(a: dict, b: dict, idf: dict[str, float]) -> float:
    """The share of a's words (by rarity) that b has."""
    return sum(idf[g] for g in a if g in b) / (sum(idf[g] for g in a) or 1.0)


# paragraphs -----------------------------------------------------------------------------

@dataclass
class Paragraph:
    text: str
    lines: list[int]
    role: str = "text"  # text | subheading | byline


def _inline_heading(line: str, previous: str | None, blank_before: bool, text_follows: bool, col: float) -> bool:
    """A sub-heading set in the body: after a finished paragraph and a blank line, no
    punctuation at all, wider or much narrower than the column, and text right under it."""
    if previous is None or not blank_before or not text_follows:
        return False
    if not (ends_sentence(previous) or credits.split_trailing(previous) or credits.is_credit(previous)):
        return False
    if re.search(r"[，、。；：！？,.;:!?]", line):
        return False
    return width(line) >= 1.15 * col or width(line) <= 0.6 * col


def _wrapped_byline(order: list[int], i: int, size: int, text: dict[int, str], current: list[int]):
    """(text before the byline on the first line or '', the byline, lines it takes) where the
    `size` lines from order[i] to the end of their block (at most MAX_BYLINE_LINES) join into a
    byline that no single one of them is; None elsewhere."""
    if size < 2 or size > MAX_BYLINE_LINES:
        return None
    lines = [text[n] for n in order[i:i + size]]
    if any(credits.is_credit(t) for t in lines):
        return None
    joined = "".join(lines)
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
    text = {n: unspace(page.text(n)) for n in draft.body}
    col = column_width(list(text.values()))
    out: list[Paragraph] = []
    current: list[int] = []

    def flush() -> None:
        if current:
            out.append(Paragraph(join([text[n] for n in current]), list(current)))
            current.clear()

    order = draft.body
    to_block_end = [1] * len(order)  # how many lines from each to the end of its block
    for i in range(len(order) - 2, -1, -1):
        if order[i + 1] == order[i] + 1:
            to_block_end[i] = to_block_end[i + 1] + 1
    skip = 0
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
                out.append(Paragraph(join([text[k] for k in current] + [head]), current + [n]))
            else:
                flush()
            current.clear()
            out.append(Paragraph(credit, order[i:i + size], "byline"))
            skip = size - 1
            continue
        if credits.is_credit(line) or credits.is_role_only(line):  # before headings: '本 报 记 者' is no sub-heading
            flush()
            if out and out[-1].role == "byline" and (credits.is_role_only(page.text(out[-1].lines[-1]))
                                                     or credits.is_role_only(line)):
                out[-1].text = f"{out[-1].text} {line}"
                out[-1].lines.append(n)
            else:
                out.append(Paragraph(line, [n], "byline"))
            continue
        if n in draft.subheadings or _inline_heading(line, text.get(previous), previous != n - 1, nxt == n + 1, col):
            flush()
            out.append(Paragraph(join([line]), [n], "subheading"))
            continue
        # a byline after the last sentence ends its block: '关停令。记者随执法' / '人员到…' runs on
        trailing = credits.split_trailing(line) if nxt != n + 1 else None
        if trailing:
            current.append(n)
            body = [text[k] for k in current[:-1]] + [trailing[0]]
            out.append(Paragraph(join(body), list(current)))
            current.clear()
            out.append(Paragraph(trailing[1], [n], "byline"))
            continue
        current.append(n)
        blank_after = nxt is not None and nxt != n + 1
        if ends_sentence(line) and (width(line) < 0.9 * col or blank_after or nxt is None or width(line) > MAX_HEAD_WIDTH):
            flush()
    flush()
    return out
