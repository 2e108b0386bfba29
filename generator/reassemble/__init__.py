"""Reassembly: which lines of one raw page form each article. May import `text`, `read`.

A page's text comes out of the PDF column by column: headlines can stand before their
article, after it or at the very end of the page; a blank line may be a column break in
mid-sentence; an article can continue at the top of the page. The steps:

1. cut the page into blocks (runs of non-blank lines, split at datelines, bylines, brief
   items and the lines that frame the page);
2. tell headline blocks from body text (the fitted `heading` model), bylines, photo
   captions, briefs and page furniture;
3. walk the body blocks into stories (a dateline opens one, a byline or 下转 closes it; a
   short line inside an open story is its sub-heading; a caption is an item of its own), and
   cut where another story starts with no dateline (the fitted `boundary` model);
4. decode the page's headlines as a whole: each run of headline blocks is cut into headlines
   (kicker / title / subtitle stay together), each headline heads one story or none and each
   story has one headline or none; the cut and the assignment with the best total of the
   fitted scores win; where a headline would head no story, a place the `boundary` model
   weighed and did not cut is cut, if the headlines then read better by more than it costs;
5. join an editor's note (编者按) to the story it stands before;
6. join a dispatch that no headline heads to the story beside it that it is part of: a
   report may be several dispatches from several places under one headline (the fitted
   `dispatch` model);
7. join the text at the top of the page, before any headline or dateline, to the story it
   ends (the fitted `tail` and `tail_story` models).

Each decision that was close (settings.DOUBT_MARGINS) is kept as a doubt: the page is listed as
待校对 (to check), where an editor's correction is most likely needed.

Where a decision weighs evidence, its weights come from generator/data/weights.json (fitted on
gold pages by generator/reassemble/fit.py); the features are computed here, once per candidate.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..read.page import Page
from .blocks import cut_blocks, implied_breaks
from .boundaries import resplit, split_stories
from .dispatches import join_dispatches
from .headlines import attach_headlines, join_wrapped
from .kinds import classify
from .learned import Doubts, Trace
from .stories import Draft, join_notes, walk
from .tails import join_tails, top_pieces


@dataclass
class Layout:
    articles: list[Draft]
    furniture: list[int]
    unplaced: list[int]
    doubts: list[tuple[str, int]] = field(default_factory=list)  # close decisions: (decision, first line)


def reassemble(page: Page, trace: Trace | None = None) -> Layout:
    text = page.running
    doubts = Doubts()
    implied = implied_breaks(text)  # (where a blank line would have stood: the page sets fewer)
    blocks = classify(cut_blocks(text, implied), text, trace, doubts)
    articles, furniture = walk(blocks, text)
    passed = split_stories(articles, blocks, text, trace, doubts)
    resplit(articles, passed, lambda trial: attach_headlines(trial, blocks, text, top=top_pieces(trial, blocks, text),
                                                             apply=False), doubts)
    tails = top_pieces(articles, blocks, text)
    attach_headlines(articles, blocks, text, trace, top=tails, doubts=doubts)
    join_wrapped(articles, text, implied)
    join_notes(articles, text)
    tails = [t for t in tails if not t.headline]  # a story whose headline stands after it
    join_dispatches(articles, tails, text, trace, doubts)
    join_tails(articles, tails, text, trace, doubts)
    articles.sort(key=lambda a: min(a.body + [n for u in a.headline for n in u]))
    placed = {n for a in articles for n in a.body} | {n for a in articles for u in a.headline for n in u}
    unplaced = sorted(set(text) - placed - set(furniture))
    return Layout(articles, sorted(furniture), unplaced, sorted(set(doubts.found), key=lambda d: (d[1], d[0])))
