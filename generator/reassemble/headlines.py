"""4. Headlines: the page's headline blocks cut into headlines and decoded as a whole against its
stories (the fitted `headline`, `orphan` and `untitled` models, a square assignment)."""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from ..text import credits
from ..text.vocabulary import COLUMN_LABEL, PARALLEL_PHRASES, SUBTITLE_DASH
from .blocks import Block
from .evidence import best_but, bigrams, top2
from .kinds import CLAUSE_MARK
from .learned import Doubts, Trace, weights
from .settings import IMPOSSIBLE, MAX_DECODE_STORIES, MAX_UNITS_PER_HEADLINE, UNLINKED
from .stories import Draft


@dataclass
class _Unit:
    lines: list[int]
    run: int
    joined: bool = False  # set tight under the unit before it (a dash's subtitle): one headline with it


def attach_headlines(articles: list[Draft], blocks: list[Block], text: dict[int, str],
                     trace: Trace | None = None, top: list[Draft] = (), doubts: Doubts | None = None,
                     apply: bool = True) -> tuple[float, int]:
    """Each run of headline blocks is cut into headlines (kicker / title / subtitle stay together),
    and each headline either heads one story or heads none (it is then a sub-heading or a kicker
    of the text it stands by), and each story has one headline or none. A piece at the top of the
    page (`top`, before any headline or dateline) may be a story whose headline stands after it,
    or the end of a story further down: the decode weighs both (a piece it heads is no tail). The
    cut and the assignment with the highest total score over the whole page win:
    `headline` scores a headline heading a story, `orphan` one heading none, `untitled` a story
    with none (learned.py; the weights are fitted on gold pages by generator/reassemble/fit.py).
    Returns the best total and how many headlines in it head no story; with `apply` False the
    articles are left as they are (boundaries.resplit weighs other cuts of the stories so)."""
    runs: list[list[_Unit]] = []
    previous_head = False
    for block in blocks:
        if block.kind == "head":
            if not previous_head:
                runs.append([])
            # a subtitle's unit, a line of parallel phrases over or under the title, and a column's
            # label over it ('■相关链接' / '什么是人才公寓'): units of their own, each one headline with
            # the unit it is set tight against
            cuts = [i for i, n in enumerate(block.lines) if i and (SUBTITLE_DASH.match(text[n]) or any(
                PARALLEL_PHRASES.match(text[m]) for m in block.lines[i - 1:i + 1]) or
                (i == 1 and COLUMN_LABEL.match(text[block.lines[0]])))]
            runs[-1] += [_Unit(block.lines[a:b], len(runs) - 1, joined=a > 0)
                         for a, b in zip([0, *cuts], [*cuts, len(block.lines)])]
        previous_head = block.kind == "head"
    if not runs:
        return 0.0, 0
    targets = [a for a in articles if a.kind in ("news", "photo")]
    if not targets:
        if apply:
            _orphans([u for run in runs for u in run], articles, text)
        return 0.0, len(runs)
    total, orphans = 0.0, 0
    for window_runs, window_targets in _windows(runs, targets):
        found = _decode(window_runs, window_targets, articles, text, trace, top, doubts, apply)
        total, orphans = total + found[0], orphans + found[1]
    return total, orphans


def _windows(runs: list[list[_Unit]], targets: list[Draft]):
    """The page's headline runs and stories, whole, or, on a page of more stories than
    MAX_DECODE_STORIES (no printed page has: a file of thousands of headline-like lines), in
    stretches of the page of that many stories, each with the runs that stand over them: the
    decode scores every headline against every story, which thousands of each would take minutes
    and gigabytes to."""
    if len(targets) <= MAX_DECODE_STORIES:
        yield runs, targets
        return
    stories = sorted(targets, key=lambda a: a.first)
    starts = [stories[i].first for i in range(MAX_DECODE_STORIES, len(stories), MAX_DECODE_STORIES)]
    # a stretch ends above the headlines right over its next story
    bounds = [max([r[0].lines[0] for r in runs if stories[i - 1].first < r[0].lines[0] < start] or [start])
              for i, start in zip(range(MAX_DECODE_STORIES, len(stories), MAX_DECODE_STORIES), starts)]
    edges = [-1, *bounds, math.inf]
    for w, (lo, hi) in enumerate(zip(edges, edges[1:])):
        yield ([r for r in runs if lo <= r[0].lines[0] < hi],
               stories[w * MAX_DECODE_STORIES:(w + 1) * MAX_DECODE_STORIES])


def _decode(runs: list[list[_Unit]], targets: list[Draft], articles: list[Draft], text: dict[int, str],
            trace: Trace | None, top: list[Draft], doubts: Doubts | None, apply: bool) -> tuple[float, int]:
    """The best cut of `runs` into headlines and their assignment to `targets` (attach_headlines):
    its total, and how many of its headlines head no story."""
    if not runs:
        return 0.0, 0
    features = _HeadlineFeatures(runs, targets, text, top)
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
                # a piece at the top of the page is headed only from right under it: a headline
                # elsewhere that shares its words is the headline of the story it ends; and a
                # headline away from its story is known by the words they share (2 of 1,035 gold
                # headlines stand away from a story they share none with)
                apart = not (x["above"] or x["below"])
                pairs.append(IMPOSSIBLE if (features.top[k] and not x["below"]) or (apart and x["body"] < UNLINKED)
                             else pair_model.logit(x))
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
        # A group heads nothing only where it is its run's only one: a line that heads no story is
        # a sub-heading or a kicker within a story's text, never stacked with another story's
        # headline (one run in 370 of the gold pages has both).
        alone = [len(options[r][c]) == 1 or len(options[r]) == 1 for r, c in enumerate(choice) for _ in options[r][c]]
        # Each group takes a story or its own 'heads nothing' column, each story a group or its own
        # 'has none' row; the best total wins (a square assignment: groups and stories both ways).
        g, k = len(groups), len(targets)
        table = np.full((g + k, k + g), IMPOSSIBLE)
        for i, group in enumerate(groups):
            pairs, orphan = scored(group)
            table[i, :k] = pairs
            table[i, k + i] = orphan if alone[i] else IMPOSSIBLE
        table[np.arange(g, g + k), np.arange(k)] = untitled
        table[g:, k:] = 0.0
        rows_, cols = linear_sum_assignment(table, maximize=True)
        total = float(table[rows_, cols].sum())
        return total, groups, {r: c for r, c in zip(rows_, cols) if r < g and c < k}, table, cols

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
    total, groups, pairs, table, cols = best
    if not apply:
        return total, len(groups) - len(pairs)
    if doubts is not None:
        for r, run in enumerate(runs):  # each run's cut into headlines against its best other cut
            others = [solve(choice[:r] + [c] + choice[r + 1:])[0] for c in range(len(options[r])) if c != choice[r]]
            if others:
                doubts.weigh("cut", float(best[0] - max(others)), [n for u in run for n in u.lines])
        for g, group in enumerate(groups):  # each headline's choice against its best other: a story, or none
            row = table[g]
            others = np.delete(row, cols[g])
            others = others[others > IMPOSSIBLE / 2]
            if len(others):
                doubts.weigh("headline", float(row[cols[g]] - others.max()), [n for u in group for n in u.lines])
            x = features.pair(group, pairs[g]) if g in pairs else None
            if x and x["body"] < UNLINKED:  # its place alone chose it
                doubts.found.append(("unlinked", group[0].lines[0]))
            elif x and len(group) > 1 and _kicker_reads_on(x["other_story_above"], features.body[(id(group[0]), pairs[g])]):
                doubts.found.append(("kicker", group[0].lines[0]))
    orphans = []
    for g, group in enumerate(groups):
        if g in pairs:
            targets[pairs[g]].headline = [u.lines for u in group]
        else:
            orphans += group
            if doubts is not None:  # a headline that heads no story: read as a sub-heading
                doubts.found.append(("orphan", group[0].lines[0]))
    _orphans(orphans, articles, text)
    return total, len(groups) - len(pairs)


def join_wrapped(articles: list[Draft], text: dict[int, str], implied: frozenset[int]) -> None:
    """A headline's lines that the page sets one under another, cut apart only where no blank
    line stood at all (blocks.implied_breaks: a page printed tight), are one unit: a title wrapped
    over two lines ('北京西单购物中心发生火灾' / '未有人员伤亡', '经开区召开全区' / '视联网建设工作推进会'),
    not a kicker and a title. (Lines the page sets in one block are one unit too.) A subtitle's dash
    and a column's label keep their units."""
    for article in articles:
        units: list[list[int]] = []
        for unit in article.headline:
            if units and unit[0] == units[-1][-1] + 1 and unit[0] in implied and \
                    not SUBTITLE_DASH.match(text[unit[0]]) and not COLUMN_LABEL.match(text[units[-1][0]]):
                units[-1] = units[-1] + unit
            else:
                units.append(list(unit))
        article.headline = units


def _kicker_reads_on(above: float, own: float) -> bool:
    """Whether the first unit of a headline group of several shares words with the story right above
    it (`above`, its share of them), and none or fewer with its own (`own`): the last line of that
    story, its full stop lost, read as this one's kicker."""
    return above > 0 and (own < UNLINKED or own < above)


def _partitions(run: list[_Unit]):
    """Every cut of a run of headline units into headlines of at most MAX_UNITS_PER_HEADLINE (a
    unit joined to the one before it is never cut from it)."""
    for cuts in itertools.product([False, True], repeat=len(run) - 1):
        if any(cut and unit.joined for unit, cut in zip(run[1:], cuts)):
            continue
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


class _HeadlineFeatures:
    """What the headline decision reads about a headline group and a story: how much of the
    group's words (bigrams, weighted by rarity over the page's stories) are the story's, and
    its lead's, against the other stories and the other headlines; where the group stands
    (right above the story's first line, right under one of its ends, how far); whether the
    story is a photo's caption."""

    def __init__(self, runs: list[list[_Unit]], targets: list[Draft], text: dict[int, str], top: list[Draft]):
        self.targets, self.text = targets, text
        self.top = [any(t is a for t in top) for a in targets]
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
        self.unit_top = {id(u): top2([self.body[(id(u), k)] for k in range(len(targets))]) for u, _ in self.units}
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
        below = self.ends.get(self.prv.get(first)) == k
        under = self.starts.get(self.nxt.get(last))
        # 'unlinked': a unit of the group shares no words with the story; a kicker over the title
        # ('绿色发展添动能') often shares none, so the first unit of a stack is not asked to
        return {
            "body": mean, "lead": sum(self.lead[(id(u), k)] for u in group) / len(group), "weakest": min(body),
            "extra": len(group) - 1.0, "unlinked": float(min(body[1:] or body) < UNLINKED), "above": float(above),
            "below": float(below), "photo": float(photo),
            "photo_not_above": float(photo and not above),
            "margin_group": mean - best_but(means, k), "margin_story": max(body) - rival,
            "distance": gap / self.page_lines,
            # the group's first unit reads on from another story's last line, right above it
            "other_story_above": self.body[(id(group[0]), j)] if j != k else 0.0,
            # the group's last unit stands right over another story and has more of its words: that
            # story's headline, stacked under this one's ('合宁高速三车相撞' / '合肥发生一起…')
            "next_story_words": self.body[(id(group[-1]), under)] - self.body[(id(group[-1]), k)]
            if len(group) > 1 and under not in (None, k) else 0.0,
            # one of the group's units has more of its words in another story: a headline of its own
            "unit_elsewhere": max(best_but(self.unit_top[id(u)], k) - self.body[(id(u), k)] for u in group)
            if len(group) > 1 and len(self.targets) > 1 else 0.0,
        }

    def _means(self, group: list[_Unit]) -> tuple[float, float, int]:
        """The best two of the group's mean shares of words in the stories (kept: each group is
        scored against every story)."""
        key = (id(group[0]), len(group))
        if key not in self.means:
            self.means[key] = top2([sum(self.body[(id(u), j)] for u in group) / len(group)
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
        clause = any(CLAUSE_MARK.search(self.text[n]) for u in group for n in u.lines)
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
