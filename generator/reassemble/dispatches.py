"""5. Dispatches: a report of several dispatches under one headline joined (the fitted `dispatch`
model)."""
from __future__ import annotations

import math
import operator

from ..text import words
from .evidence import NOT_WORD, bigram_weights, bigrams, overlap
from .learned import Doubts, Trace, decide
from .stories import Draft


def join_dispatches(articles: list[Draft], tails: list[Draft], text: dict[int, str], trace: Trace | None = None,
                    doubts: Doubts | None = None) -> None:
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
    heads = {n for a in stories for unit in a.headline for n in unit}
    bodies = ["".join(text[n] for n in a.body) for a in stories]
    bags = [bigrams(body) for body in bodies]
    idf = bigram_weights(bags)
    # the headline's words (not its bigrams: '将举' of 上将举行 is no word of '香港将举行…'), each
    # weighted by how few of the page's stories have it
    titles = [[w for w, _ in words.tag("".join(text[n] for unit in a.headline for n in unit))
               if len(w) > 1 and NOT_WORD.search(w) is None] for a in stories]
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
                 "words": overlap(bags[k], bags[j], idf), "between": float(len(between)),
                 "according": float(text[stories[k].first].startswith("据"))}
            score = decide("dispatch", x, stories[k].body, stories[j].body, trace, doubts)
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
            host.verse += stories[k].verse
            articles.remove(stories[k])
        taken |= parts
        host.fragments.sort(key=operator.itemgetter(0))
        host.closed = stories[max([j, *own])].closed  # the report ends where its last dispatch does
