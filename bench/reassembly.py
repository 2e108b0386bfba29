"""Reassembly figures on every gold set present, and the held-out ones that are the honest figures.

Rows:
- `sample gold`: tests/data/gold (the sample pages), shipped weights;
- `sample relaid`: the sample gold's articles laid out again (bench/relayout.py, another seed than
  the one fitting sees), shipped weights;
- `realpages`: ../shared/realpages with the shipped weights (fitted on it: a training figure);
- `realpages 1-7 → 8-15` and `8-15 → 1-7`: weights fitted on the sample gold, its relayouts and
  half of realpages (by day of January 1998), scored on the other half: held out.

    python bench/reassembly.py [--shared ../shared] [--json FILE]

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

from generator import evaluate, export, fit, learned, pipeline  # noqa: E402
from generator.read import read_page  # noqa: E402

import relayout  # noqa: E402

FIGURES = ("exact_recall", "exact_precision", "headline_exact", "title_lenient", "reporters",
           "photographers", "line_coverage", "reading_order", "event_date")
FIT_RELAYOUT_SEED, SCORE_RELAYOUT_SEED, VARIANTS = 1, 2, 10


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


def table(shared: Path) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    sample = fit.gold_pages([(ROOT / "tests" / "data" / "gold", ROOT / "archive" / "pages")])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        fit_relaid = relaid(ROOT / "tests" / "data" / "gold", ROOT / "archive" / "pages", FIT_RELAYOUT_SEED, tmp / "a")
        score_relaid = relaid(ROOT / "tests" / "data" / "gold", ROOT / "archive" / "pages", SCORE_RELAYOUT_SEED, tmp / "b")
        rows["sample gold"] = figures(sample)
        rows["sample relaid"] = figures(score_relaid)
        real = fit.gold_pages([(shared / "realpages" / "gold", shared / "realpages" / "pages")])
        if real:
            rows["realpages"] = figures(real)
            for name, train, test in (("realpages 1-7 → 8-15", range(1, 8), range(8, 16)),
                                      ("realpages 8-15 → 1-7", range(8, 16), range(1, 8))):
                weights = fit.fit([sample, fit_relaid, [p for p in real if day(p[0].name) in train]])
                with learned.using(weights):
                    rows[name] = figures([p for p in real if day(p[0].name) in test])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", type=Path, help="also write the table as JSON")
    args = ap.parse_args(argv)
    rows = table(args.shared)
    width = max(map(len, rows)) + 2
    print("set".ljust(width) + " ".join(f"{f[:12]:>12}" for f in FIGURES))
    for name, row in rows.items():
        print(name.ljust(width) + " ".join(f"{row[f]:12.3f}" for f in FIGURES))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
