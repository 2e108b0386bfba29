"""The named numbers reassembly works with: limits on what a headline, byline, caption and
sub-heading can be. Fitted weights live in data/weights.json (learned.py)."""
from __future__ import annotations

import re


MAX_HEAD_LINES = 4
MAX_SIGNATURE_LINES = 3  # a notice's signature: who issued it (a line or two), then the day
MAX_LABEL_WIDTH = 6  # a graphic's label over its cards: 数说郑州
MAX_TEASER_LINES = 4  # a front page's teaser of a story inside, ending in the page it is on (▶A03)
MIN_TABLE_ROWS = 2  # a forecast's or a table's rows under its label
MIN_STANZA_LINES = 3  # a block of this many short lines right under a title and its author is verse
MAX_BYLINE_LINES = 3  # a byline wrapped at the column's width
MAX_HEAD_WIDTH = 40
# Running text breaks a line short of the column only where a paragraph ends, on a sentence's end:
# a block whose last line stops short of this share of the column and ends no sentence is no text
# cut by a column break ('江苏丹阳近百学生食物中毒' / '警方展开调查').
SHORT_LINE = 0.8
MAX_UNITS_PER_HEADLINE = 3
# A page printed tight, with (almost) no blank line between its paragraphs and headlines (what
# some PDF extractors give): fewer blank lines than this share of its lines, and at least
# MIN_TIGHT_LINES lines. Its blocks are cut where a paragraph ends short of the column and
# around the short lines with no punctuation (headlines) set between paragraphs.
MAX_TIGHT_BLANKS = 0.05
MIN_TIGHT_LINES = 12
# There a line with no punctuation after a finished sentence is a headline's where it stops this
# many characters short of the column or runs past it: a paragraph's first line, its indent lost
# in the extraction, stops up to 3 short (on the gold pages printed tight: 45 of 55 lines 4 and
# more short are headlines', 66 of 75 wider than the column; of those 0–3 short, 55 of 323).
# On a page with its blank lines, a headline set tight over its text stops as short of the text's
# widest line in its block (and half as many characters: a line of Latin letters is narrow).
MIN_TIGHT_HEAD_SHORT = 4
TIGHT_REACH = 6  # lines either side whose text tells the column's width there
PUNCTUATION = re.compile(r"[，、。；：！？,.;:!?“”‘’（）()《》—…]")
IMPOSSIBLE = -1e9  # the score of a pairing the headline decode may not make
UNLINKED = 0.05  # a headline unit with less of its words in a story than this shares none with it
MAX_CAPTION_LINES = 16
MAX_SUBHEADING_WIDTH = 12
MIN_SHARED = 2  # character bigrams a headline shares with its story's lead at least, to be told by them
MAX_DECODE_STORIES = 64  # a page's headlines are decoded against at most this many stories at once

# A decision closer to its threshold than this (in its model's own units: log-odds for the fitted
# classifiers; for the headline decode, a headline's score against its best other choice, and a run
# of headline lines' cut against its best other cut: `cut`) is a doubt: its page is listed as 待校对
# (to check), as is a page where a headline heads no story or shares none of its story's words (its
# place alone chose it). Chosen on the gold pages so that the pages flagged hold most of the
# articles reassembly gets wrong while few pages are flagged (bench/reassembly.py prints both); the
# dispatch and tail margins said nothing of the mistakes there, so they raise no doubt.
DOUBT_MARGINS = {"cut": 0.5, "heading": 1.0, "boundary": 1.5, "headline": 1.0, "dispatch": 0.0, "tail": 0.0}
