"""3b. Boundaries: where a story opens with no dateline. Many papers and most web copy start a
story with '昨日，…', '据…报道，' or '2014年1月12日…', so the walk, which opens a story at a
dateline, a byline or a headline, runs two such stories into one. Each place inside a story
where a paragraph block starts after a finished sentence is weighed by the fitted `boundary`
model on evidence any paper has: how many of the block's words the story before it already
used (a new story brings new words), whether the blocks before lean to the headline right
before the story and those after to the headline right after it, the column measure on each
side, and how a lead opens (a time, a source). A story is cut where the model says so, left to
right."""
from __future__ import annotations

import math
import re

from ..text import credits
from ..text.chars import ends_sentence
from ..text.vocabulary import LEAD_SOURCE, LEAD_TIME, fold
from .blocks import Block, opens_story
from .evidence import bigram_weights, bigrams, overlap
from .learned import Doubts, Trace, decide
from .settings import MAX_DECODE_STORIES
from .stories import Draft
from .tails import differ, measure

# a lead that opens with what someone said
QUOTE = re.compile(r"^[“「『\"]")


def split_stories(articles: list[Draft], blocks: list[Block], text: dict[int, str], trace: Trace | None = None,
                  doubts: Doubts | None = None) -> dict[int, float]:
    """Cut each news story where the `boundary` model finds another one starting. Returns the
    places it weighed and did not cut (first line: score), for `resplit`."""
    starts = {b.lines[0]: b for b in blocks if b.kind == "body"}
    at = {n: i for i, b in enumerate(blocks) for n in b.lines}
    stories = [a for a in articles if a.kind == "news"]
    # the headlines standing right before each story and right after it: where two stories run
    # together, the first's headline is often on one side and the second's on the other
    around = {id(a): (_heads(blocks, at[a.first], -1, text), _heads(blocks, at[a.last], 1, text)) for a in stories}
    idf = bigram_weights([bigrams("".join(text[n] for n in a.body)) for a in stories] +
                         [bag for pair in around.values() for bag in pair])
    out: list[Draft] = []
    passed: dict[int, float] = {}
    for draft in articles:
        out += _cut(draft, around[id(draft)], starts, idf, text, trace, doubts, passed) if draft.kind == "news" \
            else [draft]
    articles[:] = out
    return passed


def resplit(articles: list[Draft], passed: dict[int, float], decode, doubts: Doubts | None = None) -> None:
    """Cut a story where the `boundary` model weighed a cut and did not make it, where the page's
    headlines then read better by more than that score costs: a headline that would head no story
    (set after a story the walk ran into the one before it: '…已被警方控制。' / '昨日下午3时左右，山西…'
    / … / '山西一煤矿发生瓦斯爆炸') heads the story the cut makes. `decode(articles)` is the headline
    decode's best total on these articles and how many headlines in it head none; each story's
    best place is tried, the best first, while some headline heads none. A cut made so is a doubt
    (the boundary model was against it; the headline that heads nothing was one before). Not on a
    page of more stories than the decode takes at once (no printed page has: a hostile file, where
    a decode a story would take minutes)."""
    if len(articles) > MAX_DECODE_STORIES:
        return
    best: dict[int, tuple[float, int]] = {}  # a story's best place not cut
    for n, score in passed.items():
        owner = next((i for i, a in enumerate(articles) if n in a.body[1:]), None)
        if owner is not None and score > best.get(owner, (-math.inf, 0))[0]:
            best[owner] = (score, n)
    if not best:
        return
    total, orphans = decode(articles)
    for score, n in sorted(best.values(), reverse=True):
        if not orphans:
            return
        i = next(i for i, a in enumerate(articles) if n in a.body)
        body = articles[i].body
        trial = articles[:i] + _pieces(articles[i], [body[:body.index(n)], body[body.index(n):]]) + articles[i + 1:]
        found, left = decode(trial)
        if found + score > total:
            if doubts is not None:
                doubts.found.append(("boundary", n))
            articles[:] = trial
            total, orphans = found, left


def _pieces(draft: Draft, pieces: list[list[int]]) -> list[Draft]:
    """A story cut into these pieces of its lines: a story each."""
    return [Draft(kind=draft.kind, fragments=[lines], subheadings=[n for n in draft.subheadings if n in lines],
                  verse=[n for n in draft.verse if n in lines],
                  lead=draft.lead and i == 0, closed=draft.closed if i == len(pieces) - 1 else True)
            for i, lines in enumerate(pieces)]


def _heads(blocks: list[Block], i: int, step: int, text) -> dict[str, None]:
    """The words of the run of headline blocks next to block i, before it (step -1) or after it (1)."""
    lines = []
    i += step
    while 0 <= i < len(blocks) and blocks[i].kind == "head":
        lines += blocks[i].lines
        i += step
    return bigrams("".join(text[n] for n in sorted(lines)))


def _cut(draft: Draft, around, starts, idf, text, trace, doubts, passed: dict[int, float]) -> list[Draft]:
    body = draft.body
    # the body's blocks: a new one at each line that starts a body block of the page
    runs: list[list[int]] = []
    for n in body:
        if not runs or (n in starts and n != body[0]):
            runs.append([])
        runs[-1].append(n)
    if len(runs) < 2:
        return [draft]
    bags = [bigrams("".join(text[n] for n in run)) for run in runs]
    before, after = around
    # each block's lean to the headline before the story (positive) or the one after it
    lean = [overlap(before, bag, idf) - overlap(after, bag, idf) if before and after else 0.0 for bag in bags]
    last = {g: k for k, bag in enumerate(bags) for g in bag}  # the last block each word is in
    pieces, left, first = [], list(runs[0]), 0
    behind = dict(bags[0])  # the words of the current piece's blocks, grown a block at a time
    for k in range(1, len(runs)):
        run = runs[k]
        previous = text[left[-1]]
        if (ends_sentence(previous) or credits.is_credit(previous)) and not opens_story(starts[run[0]], text):
            x = _features(left, runs, bags, lean, first, k, idf, text, behind, last)
            score = decide("boundary", x, runs[k - 1], run, trace, doubts, about=run)
            if score > 0:
                pieces.append(left)
                left, first, behind = [], k, {}
            else:
                passed[run[0]] = score
        left += run
        behind.update(bags[k])
    pieces.append(left)
    return [draft] if len(pieces) == 1 else _pieces(draft, pieces)


def _features(left: list[int], runs, bags, lean, first: int, k: int, idf, text, behind: dict,
              last: dict[str, int]) -> dict[str, float]:
    """Boundary evidence before block k of a story whose current piece started at block `first`;
    `behind`: the words of its blocks from `first`; `last`: the last block each word is in."""
    run = runs[k]
    opening = fold("".join(text[n] for n in run[:2]))
    ahead = {g: None for g in bags[k] if last[g] > k}  # of the block's words, those the blocks after it have
    near: dict[str, None] = {}
    for bag in bags[max(first, k - 2):k]:
        near.update(bag)
    # how much better the story reads cut here: the blocks before lean to the headline before it,
    # those after to the headline after it
    whole = abs(sum(lean[first:]))
    gain = sum(lean[first:k]) - sum(lean[k:]) - whole
    return {
        "old_words": overlap(bags[k], behind, idf),  # share of the block's words the story already used
        "near_words": overlap(bags[k], near, idf),
        "ahead_words": overlap(bags[k], ahead, idf) if any(bags[k + 1:]) else 0.0,
        "headline_gain": gain, "headline_turn": float(k > first and lean[k - 1] > 0 > lean[k]),
        # the measure of the story so far against that of all the text from here (one block's own
        # is too few lines to tell: 13 characters against 14 is a line's hanging comma)
        "measure_changes": float(differ(measure(left, text), measure([n for r in runs[k:] for n in r], text))),
        "lead_time": float(bool(LEAD_TIME.match(opening))), "source": float(bool(LEAD_SOURCE.match(opening))),
        "quote": float(bool(QUOTE.match(opening))),
        "left_lines": math.log(len(left)), "right_lines": math.log(sum(len(r) for r in runs[k:])),
    }
