"""Reassembly figures on every gold set present, and the held-out ones that are the honest figures.

Rows:
- `sample gold`: tests/data/gold and tests/data/layout-gold (the sample pages), shipped weights;
- `sample relaid`: the sample gold's articles laid out again (bench/relayout.py, another seed than
  the one fitting sees), shipped weights;
- `realpages`: ../shared/realpages with the shipped weights (fitted on it: a training figure);
- `realpages 1-7 → 8-15` and `8-15 → 1-7`: weights fitted on the sample gold, its relayouts and
  half of realpages (by day of January 1998), scored on the other half: held out.

    python bench/reassembly.py [--shared ../shared] [--json FILE] [--fit]

Needs the 'fit' extra (scikit-learn) for the held-out rows; rows whose data is absent are left out.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generator.archive import evaluate, export, pipeline
from generator.reassemble import fit, learned  # noqa: E402
from generator.archive.files import write_atomically  # noqa: E402
from generator.read.page import read_page  # noqa: E402

import relayout  # noqa: E402
import synth  # noqa: E402

FIGURES = ("exact_recall", "exact_precision", "headline_exact", "title_lenient", "reporters",
           "photographers", "line_coverage", "reading_order", "event_date", "persons_f1", "organizations_f1")
# The layout gold (tests/data/layout-gold) names no people: the sample rows' entity figures would
# mean nothing (the sample gold's are `python -m generator eval`'s).
ENTITIES = ("persons_f1", "organizations_f1")
FIT_RELAYOUT_SEED, SCORE_RELAYOUT_SEED, VARIANTS = 1, 2, 10
SYNTH_ARTICLES, SYNTH_SEED = 300, 11


def day(name: str) -> int:
    match = re.match(r"rmrb199801(\d\d)", name)
    return int(match.group(1)) if match else 0


def figures(pages: list[tuple[Path, dict]]) -> dict:
    """The full export's figures (extraction too) on these gold pages."""
    articles = []
    for path, _ in pages:
        articles += pipeline.process(read_page(path)).articles
    return evaluate.score_records([export.record(a) for a in articles], pages)[0]


def relaid(gold: Path, pages: Path, seed: int, out: Path) -> list[tuple[Path, dict]]:
    relayout.main(["--gold", str(gold), "--pages", str(pages), "--out", str(out), "--variants", str(VARIANTS),
                   "--seed", str(seed)])
    return fit.gold_pages([(out / "gold", out / "pages")])


SAMPLE_GOLD = [ROOT / "tests" / "data" / "gold", ROOT / "tests" / "data" / "layout-gold"]  # of archive/pages


def sample_sets(tmp: Path, seed: int) -> tuple[list, list]:
    """The sample pages' gold, and the same articles laid out again with `seed`."""
    sample = fit.gold_pages([(gold, ROOT / "archive" / "pages") for gold in SAMPLE_GOLD])
    again = []
    for k, gold in enumerate(SAMPLE_GOLD):
        again += relaid(gold, ROOT / "archive" / "pages", seed, tmp / f"relaid-{seed}-{k}")
    return sample, again


def training_sets(tmp: Path, shared: Path) -> tuple[list[list], list]:
    """What the shipped weights are fitted on: the sample gold, its relayouts (FIT_RELAYOUT_SEED),
    a synthetic archive in the sample papers' style (bench/synth.py, another seed than the one
    tests/test_eval.py scores); and, apart, the realpages (empty where absent)."""
    sample, again = sample_sets(tmp, FIT_RELAYOUT_SEED)
    synth.generate(SYNTH_ARTICLES, tmp / "synth", seed=SYNTH_SEED)
    generated = fit.gold_pages([(tmp / "synth" / "gold", tmp / "synth" / "pages")])
    real = fit.gold_pages([(shared / "realpages" / "gold", shared / "realpages" / "pages")])
    return [sample, again, generated], real


def table(shared: Path) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sample, score_relaid = sample_sets(tmp, SCORE_RELAYOUT_SEED)
        rows["sample gold"] = figures(sample)
        rows["sample relaid"] = figures(score_relaid)
        base, real = training_sets(tmp, shared)
        if real:
            rows["realpages"] = figures(real)
            for name, train, test in (("realpages 1-7 → 8-15", range(1, 8), range(8, 16)),
                                      ("realpages 8-15 → 1-7", range(8, 16), range(1, 8))):
                weights = fit.fit(base + [[p for p in real if day(p[0].name) in train]])
                with learned.using(weights):
                    rows[name] = figures([p for p in real if day(p[0].name) in test])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", type=Path, help="also write the table as JSON")
    ap.add_argument("--fit", action="store_true", help="refit the shipped weights (generator/data/weights.json) "
                    "on the sample gold, its relayouts and every realpage, then print the table")
    args = ap.parse_args(argv)
    if args.fit:
        with tempfile.TemporaryDirectory() as tmp:
            base, real = training_sets(Path(tmp), args.shared)
            weights = fit.fit(base + ([real] if real else []))
        write_atomically(ROOT / "generator" / "data" / learned.WEIGHTS_FILE, weights.to_json())
        learned.shipped.cache_clear()
    rows = table(args.shared)
    width = max(map(len, rows)) + 2
    print("set".ljust(width) + " ".join(f"{f[:12]:>12}" for f in FIGURES))
    for name, row in rows.items():
        print(name.ljust(width) + " ".join("—".rjust(12) if f in ENTITIES and name.startswith("sample") else f"{row[f]:12.3f}"
                                           for f in FIGURES))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
