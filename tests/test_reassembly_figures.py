"""Reassembly on pages it was not written against: the floors every change must hold.

`../shared/realpages` and `../shared/realpages2` (real articles set as raw pages, with gold) are
another party's research data: they are read where they lie, never copied here; these tests skip
where they are absent (a user's clone) and run in CI, where they are present. The `held out: X`
rows refit the weights on every source but X and score X: those are the honest figures.
"""
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import reassembly  # noqa: E402

SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not all((SHARED / name / "gold").is_dir() for name in reassembly.REAL_SOURCES),
                                  reason="../shared/realpages or ../shared/realpages2 is absent")

STRUCTURE = ("exact_recall", "exact_precision", "headline_exact", "title_lenient", "reporters", "photographers",
             "line_coverage")
# The figures as they stand (python bench/reassembly.py): a change that loses any of them fails.
FLOORS = {
    "sample gold": dict.fromkeys(STRUCTURE, 1.0),
    # wrong_flagged 0.81 → 0.79 when two wrapped bylines were fixed whose pages were flagged: 4 wrong
    # articles stand on unflagged pages, as before, of 19 wrong where there were 21
    "sample relaid": {"exact_recall": 0.95, "exact_precision": 0.94, "headline_exact": 0.95, "title_lenient": 0.96,
                      "reporters": 0.97, "photographers": 0.99, "line_coverage": 1.0, "wrong_flagged": 0.78},
    "realpages": {"exact_recall": 0.99, "exact_precision": 0.99, "headline_exact": 0.98, "title_lenient": 0.98,
                  "reporters": 0.99, "photographers": 1.0, "line_coverage": 1.0, "wrong_flagged": 0.99,
                  # the people a reader meets on the person pages (issues 16, 31); 0.959 → 0.978 with the
                  # names of lists of officers, a name's nation printed after it (extract/rosters.py) and
                  # the model sent after an election's verb, 叫 and 名将
                  "persons_f1": 0.97,
                  # a national paper's pages: no district (issue 31); bodies from the trained model too
                  # (precision 0.874 → 0.866 with the State Council's bodies found by name: F1 0.838 → 0.844,
                  # the corpus tags 国家体委, 内贸部 as abbreviations; tests/data/realpages-checked.yaml;
                  # F1 0.847 → 0.872 with the trades' bodies, 2026-12-07; 0.881, precision 0.885, with a term's
                  # committee named by its standing body and a numbered congress whole, 2026-12-08; 0.891,
                  # precision 0.887, with other nations' ministries and parties)
                  "district": 1.0, "organizations_f1": 0.89, "organizations_precision": 0.88},
    # city-paper and web copy (issue 29)
    "realpages2": {"exact_recall": 0.97, "exact_precision": 0.98, "headline_exact": 0.98, "title_lenient": 0.98,
                   "reporters": 0.99, "photographers": 1.0, "line_coverage": 1.0, "wrong_flagged": 0.99},
    # the real articles laid out again: web copy with no datelines, all on one subject a page, is
    # where reassembly is weakest (issue 29's notes)
    # (wrong_flagged: a kicker that reads on from the story above is a doubt, 0.26 → 0.49 and 0.60 → 0.65;
    # 0.49 → 0.47 and 0.65 → 0.58 when a headline that headed nothing began to cut the story above it
    # (boundaries.resplit): the wrong articles on unflagged pages stayed 28 and 38, flagged ones were put right)
    "realpages relaid": {"exact_recall": 0.92, "exact_precision": 0.90, "headline_exact": 0.95, "line_coverage": 1.0,
                         "wrong_flagged": 0.47},
    "realpages2 relaid": {"exact_recall": 0.78, "exact_precision": 0.82, "headline_exact": 0.82, "line_coverage": 1.0,
                          "wrong_flagged": 0.57},
    # fitted on the other sources, scored on this one: a style the weights never saw
    "held out: sample": {"exact_recall": 0.94, "exact_precision": 0.92, "headline_exact": 0.89,
                         "title_lenient": 0.93, "reporters": 0.96, "photographers": 0.98, "line_coverage": 1.0},
    # (exact_precision 0.943 → 0.938 with boundaries.resplit: the synthetic text is sentences drawn at
    # random, every paragraph brings new words, and a headline far from its story asks for a cut there;
    # held out, realpages2 went 0.927 → 0.969)
    "held out: synthetic": {"exact_recall": 0.95, "exact_precision": 0.93, "headline_exact": 0.95,
                            "title_lenient": 0.96, "reporters": 0.96, "photographers": 0.99, "line_coverage": 1.0},
    "held out: realpages": {"exact_recall": 0.94, "exact_precision": 0.92, "headline_exact": 0.92,
                            "title_lenient": 0.95, "reporters": 0.98, "photographers": 0.98, "line_coverage": 1.0},
    "held out: realpages2": {"exact_recall": 0.96, "exact_precision": 0.96, "headline_exact": 0.97,
                             "title_lenient": 0.97, "reporters": 0.98, "photographers": 1.0, "line_coverage": 1.0},
    # the pages printed tight, their blank lines taken out (blocks.implied_breaks): before it, exact
    # recall 0.81, 0.62, 0.68 and 0.35
    "sample tight": {"exact_recall": 0.87, "exact_precision": 0.82, "headline_exact": 0.86,
                     "title_lenient": 0.89, "line_coverage": 1.0},
    "synthetic tight": {"exact_recall": 0.95, "exact_precision": 0.96, "headline_exact": 0.94,
                        "title_lenient": 0.94, "line_coverage": 1.0},
    "realpages tight": {"exact_recall": 0.89, "exact_precision": 0.88, "headline_exact": 0.89,
                        "title_lenient": 0.89, "line_coverage": 1.0},
    "realpages2 tight": {"exact_recall": 0.77, "exact_precision": 0.84, "headline_exact": 0.74,
                         "title_lenient": 0.74, "line_coverage": 1.0},
    # blank lines between the stories only (a headline set tight over its text or under its story):
    # before the headlines were cut from them, 0.84, 0.87, 0.87 and 0.58 exact recall
    "sample between stories": {"exact_recall": 0.90, "exact_precision": 0.85, "headline_exact": 0.86,
                               "title_lenient": 0.89, "line_coverage": 1.0},
    "synthetic between stories": {"exact_recall": 0.95, "exact_precision": 0.97, "headline_exact": 0.96,
                                  "title_lenient": 0.96, "line_coverage": 1.0},
    "realpages between stories": {"exact_recall": 0.92, "exact_precision": 0.90, "headline_exact": 0.92,
                                  "title_lenient": 0.93, "line_coverage": 1.0},
    "realpages2 between stories": {"exact_recall": 0.80, "exact_precision": 0.86, "headline_exact": 0.75,
                                   "title_lenient": 0.78, "line_coverage": 1.0},
}


# 待校对: the share of pages listed to check, at most (the wrong articles they hold: `wrong_flagged`);
# on the gold sets at most a quarter (issue 29).
FLAGGED_CEILINGS = {"sample gold": 0.20, "sample relaid": 0.32, "realpages": 0.25, "realpages2": 0.25, "realpages relaid": 0.20}


def _short(row: str, figures: dict) -> dict:
    low = {k: round(figures[k], 3) for k, floor in FLOORS[row].items() if figures[k] < floor}
    if row in FLAGGED_CEILINGS and figures["pages_flagged"] > FLAGGED_CEILINGS[row]:
        low["pages_flagged"] = round(figures["pages_flagged"], 3)
    return low


@pytest.fixture(scope="module")
def table():
    return reassembly.table(SHARED)


@pytest.mark.parametrize("row", [r for r in FLOORS if r.startswith("sample")])
def test_sample_figures_hold(row):
    with tempfile.TemporaryDirectory() as tmp:
        sample, relaid = reassembly.sample_sets(Path(tmp), reassembly.SCORE_RELAYOUT_SEED)
        pages = {"sample gold": sample, "sample relaid": relaid}.get(row) or \
            reassembly.tightened(sample, Path(tmp) / "tight", between_stories=row.endswith("between stories"))
        figures = reassembly.figures(pages)
    low = _short(row, figures)
    assert not low, low


@needs_shared
@pytest.mark.parametrize("row", [r for r in FLOORS if not r.startswith("sample")])
def test_real_and_held_out_figures_hold(table, row):
    low = _short(row, table[row])
    assert not low, low
