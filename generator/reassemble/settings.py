"""The named numbers reassembly works with: limits on what a headline, byline, caption and
sub-heading can be. Fitted weights live in data/weights.json (learned.py)."""
from __future__ import annotations

import re


MAX_HEAD_LINES = 4
MAX_BYLINE_LINES = 3  # a byline wrapped at the column's width
MAX_HEAD_WIDTH = 40
MAX_UNITS_PER_HEADLINE = 3
PUNCTUATION = re.compile(r"[，、。；：！？,.;:!?“”‘’（）()《》—…]")
IMPOSSIBLE = -1e9  # the score of a pairing the headline decode may not make
UNLINKED = 0.05  # a headline unit with less of its words in a story than this shares none with it
MAX_CAPTION_LINES = 16
MAX_SUBHEADING_WIDTH = 12
