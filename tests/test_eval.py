"""The accuracy figures the project holds, on the gold pages it ships and on a generated archive."""
import json
import sys

import pytest

from generator.archive import evaluate, export, pipeline
from generator.cli import main

from conftest import GOLD, PAGES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

# The figures as they stand (issue #3's targets are lower): a change that loses any of them fails.
FLOORS = {
    "exact_recall": 1.0, "exact_precision": 1.0, "reading_order": 1.0, "line_coverage": 1.0,
    "headline_exact": 1.0, "title_lenient": 1.0, "title_strict": 1.0, "bcubed_f1": 1.0,
    "reporters": 1.0, "correspondents": 1.0, "photographers": 1.0, "event_date": 0.95,
    "district": 1.0, "city": 1.0, "persons_f1": 1.0, "organizations_f1": 0.90,
}
# organizations_f1 was 0.901 with the rules alone, fitted on these pages; with the trained model's
# names (extract/bodies.py) it fell to 0.882, and is 0.902 since a list's whole items, the names
# every level shares and the other name in brackets are read (0.824 on ../shared/realpages). What
# stays apart is mostly the gold's: bodies it leaves out (中国共产党 in a document's title, 区人大工委,
# 交警二大队) and brands it counts (郑州安图生物).


@pytest.fixture(scope="module")
def figures(archive):
    figures, _ = evaluate.score([export.record(a) for a in archive.articles], GOLD, PAGES)
    return figures


@pytest.mark.parametrize("name", FLOORS)
def test_figure_holds(figures, name):
    assert figures[name] >= FLOORS[name], f"{name} = {figures[name]:.3f}"


def test_eval_command_reports_the_figures(capsys, figures):
    assert main(["eval", "--gold", str(GOLD), "--input", str(PAGES), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == pytest.approx(figures)


def test_export_contract(tmp_path):
    out = tmp_path / "articles.jsonl"
    assert main(["export", "--input", str(PAGES), "--out", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    required = {"source", "body_lines", "headline_lines", "title", "reporters", "correspondents",
                "photographers", "event_date", "persons", "organizations", "district", "city"}
    assert records and all(required <= set(r) for r in records)
    assert len({r["id"] for r in records}) == len(records)


def test_scorer_notices_a_wrong_boundary(archive):
    records = [export.record(a) for a in archive.articles]
    gold_page = sorted(GOLD.glob("*.json"))[0].with_suffix(".txt").name
    victim = next(r for r in records if r["source"] == gold_page)
    first, last = victim["body_lines"][-1]
    victim["body_lines"][-1] = [first, last - 1]
    figures, problems = evaluate.score(records, GOLD, PAGES)
    assert figures["exact_recall"] < 1.0 and any(p.startswith("BOUNDARY") for p in problems)


# bench/synth.py's pages (every layout phenomenon, text recombined, its own gold), 625 articles:
# structure, credits and dates as they stand (names are not annotated there). A third of its leads
# have no dateline; two such stories that run together share the sample's vocabulary (their text is
# drawn from one pool), so the words that cut real stories apart cannot cut these: the exact figures
# are lower than on real pages of that style. Its headlines are drawn from a few templates too
# (two stories of a page may both be '涧西区举行工作推进会'; a deck shares no word with its story):
# with the weights fitted on every source alike (issue 29), 0.915 of them are placed (from 0.93).
GENERATED_FLOORS = {
    "exact_recall": 0.92, "exact_precision": 0.93, "bcubed_f1": 0.98, "line_coverage": 0.999, "reading_order": 0.999,
    "headline_exact": 0.91, "title_strict": 0.95, "reporters": 0.96, "correspondents": 0.98, "photographers": 0.99,
    "event_date": 0.96, "district": 1.0, "city": 1.0,
}


def test_figures_on_a_generated_archive(tmp_path):
    synth.generate(600, tmp_path)
    records = [export.record(a) for a in pipeline.load(tmp_path / "pages").articles]
    figures, _ = evaluate.score(records, tmp_path / "gold", tmp_path / "pages")
    low = {name: round(figures[name], 3) for name, floor in GENERATED_FLOORS.items() if figures[name] < floor}
    assert not low, low
