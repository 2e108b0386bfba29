"""6. Tails: the text at the top of the page, before any headline or dateline, joined to the story it
ends (the fitted `tail` and `tail_story` models), cut where the column measure changes."""
from __future__ import annotations

import functools
import math

from scipy.optimize import linear_sum_assignment

from ..text import credits
from ..text.chars import ends_sentence, width
from ..text.vocabulary import CONTINUED_FROM
from .blocks import Block
from .evidence import best_but, bigram_weights, bigrams, overlap, top2
from .learned import Doubts, Trace, decide, weights
from .settings import IMPOSSIBLE
from .stories import Draft


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


def join_tails(articles: list[Draft], tails: list[Draft], text: dict[int, str], trace: Trace | None = None,
               doubts: Doubts | None = None) -> None:
    """The `tail` model says whether a piece from the top of the page is the end of a story,
    the `tail_story` model ranks the stories it may end, by the words it shares with each
    story's text and headline, the column measure they are set in and where the story stands
    (each story takes one tail at most); a piece that is no tail stands alone. The top of a
    page may hold the ends of two stories: it is cut where the measure changes and the two
    sides end different stories best."""
    stories = [a for a in articles if a.kind == "news" and a not in tails]
    if not tails or not stories:
        return
    rank = weights()["tail_story"]
    measures = {id(a): measure(a.body, text) for a in stories}
    heads = [bigrams("".join(text[n] for unit in a.headline for n in unit)) for a in stories]
    bags = [bigrams("".join(text[n] for n in a.body)) for a in stories]
    idf = bigram_weights([bigrams("".join(text[n] for n in a.body)) for a in tails] + bags + heads)

    @functools.cache
    def scores(piece: tuple[int, ...]) -> list[float]:
        bag, size = bigrams("".join(text[n] for n in piece)), measure(list(piece), text)
        byline = all(credits.is_credit(text[n]) for n in piece) or credits.is_credit("".join(text[n] for n in piece))
        if byline:  # its words are a name, not a story's
            bag = {}
        words = [overlap(bag, b, idf) for b in bags]
        titled = [overlap(h, bag, idf) for h in heads]
        top_words, top_titled = top2(words), top2(titled)
        row = []
        for k, story in enumerate(stories):
            y = {"words": words[k], "margin": words[k] - best_but(top_words, k),
                 "headline_words": titled[k], "headline_margin": titled[k] - best_but(top_titled, k),
                 "open": float(not story.closed), "unfinished": float(unfinished(story, text)),
                 "lead": float(story.lead),
                 # a column runs on from the page's foot to its head: the last story, or the next one
                 "last": float(k == len(stories) - 1), "next": float(k == 0 or stories[k - 1].first < piece[0]),
                 "same_measure": float(size is not None and size == measures[id(story)]),
                 "other_measure": float(differ(size, measures[id(story)]))}
            # A story has one byline: a byline at the top ends only a story that has none yet.
            row.append(IMPOSSIBLE if byline and bylined(story, text) else rank.logit(y))
            if trace is not None:
                trace.add("tail_story", y, piece, story.body)
        return row

    leads = sum(a.lead for a in stories) / len(stories)
    chosen, gain = [], []
    for tail in tails:
        x = {"closed": float(tail.closed), "first": float(tail.first == min(text)),
             "lines": math.log(len(tail.body)), "stories_with_dateline": leads,
             "ends_sentence": float(ends_sentence(text[tail.last]))}
        if decide("tail", x, tail.body, trace=trace, doubts=doubts) <= 0:
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
        if gain[r][c] == IMPOSSIBLE:
            continue
        stories[c].fragments.append(chosen[r].fragments[0])
        stories[c].verse += chosen[r].verse
        stories[c].closed = chosen[r].closed
        articles.remove(chosen[r])


def bylined(story: Draft, text: dict[int, str]) -> bool:
    """The story ends in its byline ('记者 孙庆辉', its '文/图' perhaps on a line of its own)."""
    last = story.body[-2:]
    return credits.is_photo_mark(text[last[-1]]) or credits.split_trailing("".join(text[n] for n in last)) is not None


def unfinished(story: Draft, text: dict[int, str]) -> bool:
    """The story stops mid-sentence: its last line ends no sentence and is no part of its byline."""
    return not ends_sentence(text[story.last]) and not bylined(story, text)


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


def differ(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
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
        if differ(measure(before, text), measure(lines[end:nxt], text)) and ends_sentence(text[lines[end - 1]]) and after:
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
        out.append(Draft(kind=tail.kind, fragments=[piece], verse=[n for n in tail.verse if n in piece],
                         closed=tail.closed if piece is pieces[-1] else bool(credits.split_trailing(last))))
    return out
