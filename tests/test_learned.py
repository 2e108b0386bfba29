"""The fitted decisions of reassembly: weights as data, fitting that learns, layouts made again."""
import json
import sys
from collections import Counter

import pytest

from generator.archive import evaluate
from generator.reassemble import fit, learned
from generator.reassemble.learned import Model, Weights

from conftest import GOLD, PAGES, ROOT

sys.path.insert(0, str(ROOT / "bench"))
import relayout  # noqa: E402

LAYOUT_GOLD = ROOT / "tests" / "data" / "layout-gold"


def test_shipped_weights_round_trip():
    weights = learned.shipped()
    assert Weights.from_json(weights.to_json()).to_json() == weights.to_json()
    assert {"heading", "headline", "orphan", "untitled", "tail", "tail_story"} <= set(weights.models)


def test_a_model_scores_by_its_named_features():
    model = Model(("a", "b"), (2.0, -1.0), 0.5)
    assert model.logit({"a": 1.0, "b": 3.0}) == pytest.approx(-0.5)


def test_logistic_fit_finds_the_sign_of_the_evidence():
    rows = [({"x": float(v), "noise": float(v % 3)}, int(v > 5), 1.0) for v in range(12)]
    model = fit.fit_model(rows, ("x", "noise"))
    assert model.coef[0] > 0 and model.logit({"x": 11.0, "noise": 2.0}) > 0 > model.logit({"x": 0.0, "noise": 0.0})


def test_a_ranking_becomes_pairs_of_differences():
    right = learned.Candidate("tail_story", {"w": 0.9}, ((1,), (5,)))
    wrong = learned.Candidate("tail_story", {"w": 0.2}, ((1,), (9,)))
    rows = fit._ranking_rows([(right, 1), (wrong, 0)])
    assert rows == [({"w": pytest.approx(0.7)}, 1), ({"w": pytest.approx(-0.7)}, 0)]


def test_one_class_gives_the_smoothed_share():
    model = fit.fit_model([({"x": 1.0}, 1, 1.0)] * 3, ("x",))
    assert model.coef == (0.0,) and model.intercept == pytest.approx(2 * 0.6931, abs=1e-3)  # log(4/1)


def test_the_headline_decode_learns_the_sample_pages_from_nothing():
    """From zero weights, the decode's three models fitted on the sample gold place its headlines."""
    pages = fit.gold_pages([(GOLD, PAGES), (LAYOUT_GOLD, PAGES)])
    zero = learned.shipped()
    for name in fit.DECODE_MODELS:
        m = zero[name]
        zero = Weights({**zero.models, name: Model(m.features, (0.0,) * len(m.features), 0.0)})
    with learned.using(zero):
        before = evaluate.score_layouts(pages)["headline_exact"]
    fitted = fit.fit([pages], zero, only=fit.DECODE_MODELS)
    with learned.using(fitted):
        after = evaluate.score_layouts(pages)["headline_exact"]
    assert before < 0.9 and after >= 0.95


@pytest.mark.parametrize("gold_dir", [GOLD, LAYOUT_GOLD], ids=["gold", "layout-gold"])
def test_a_relaid_page_keeps_every_word_and_line(tmp_path, gold_dir):
    """Laid out again, each article has the same words, and every line of the new page belongs to
    exactly one article's headline or text, or to the page's furniture."""
    relayout.main(["--gold", str(gold_dir), "--pages", str(PAGES), "--out", str(tmp_path), "--variants", "3"])
    originals = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in gold_dir.glob("*.json")}
    for gold_path in sorted((tmp_path / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        raw = (tmp_path / "pages" / gold["source"]).read_text(encoding="utf-8").split("\n")
        nonblank = {n for n, line in enumerate(raw, 1) if line.strip()}
        owners = []
        for a in gold["articles"]:
            owners += sorted(evaluate._lines(a["body_lines"], nonblank) | evaluate._lines(a["headline_lines"], nonblank))
        owners += sorted(evaluate._lines(gold["furniture_lines"], nonblank))
        assert sorted(owners) == sorted(nonblank), gold_path.name
        original = originals[gold_path.stem.rsplit("_r", 1)[0]]
        source = (PAGES / original["source"]).read_text(encoding="utf-8").split("\n")
        for new, old in zip(gold["articles"], original["articles"]):
            made, printed = _characters(raw, new), _characters(source, old)
            assert not made - printed and set(printed - made) <= {"。"} and (printed - made)["。"] <= 1


def _characters(page: list[str], article: dict) -> Counter:
    """The characters of an article's text (a loose last sentence may lose its full stop)."""
    lines = evaluate._lines(article["body_lines"], set(range(1, len(page) + 1)))
    return Counter("".join("".join(page[n - 1].split()) for n in sorted(lines)))
