"""Reassembly figures on every gold set present, and the held-out ones that are the honest figures.

Sources (each a paper's style): `sample` (tests/data/gold and tests/data/layout-gold on the sample
pages, and the same articles laid out again by bench/relayout.py), `synthetic` (an archive made up
by bench/synth.py: its sentences are the sample's, its layout a generic page's, with kickers and
subtitles), `realpages` (../shared/realpages, People's Daily 1998) and `realpages2`
(../shared/realpages2, city-paper and web news 2002-2014), the last two where present.

The shipped weights are fitted on every source present, each counting alike.

Rows:
- `sample gold`, `sample relaid` (another seed than the one fitting sees), `realpages`,
  `realpages2`: the shipped weights (a training figure: they were fitted on it);
- `realpages relaid`, `realpages2 relaid`: the real articles laid out again (bench/relayout.py), as
  another paper of their style would set them: the weights saw the articles, never these layouts;
- `held out: X`: weights fitted on every other source, scored on X: the honest figure for a
  paper whose style the weights never saw.
- `X tight`: the pages of X with their blank lines taken out, as some PDF extractors give a page
  (no blank line between paragraphs, headlines and stories): the weights never saw such a page.
- `X between stories`: the pages of X with a blank line only where one story ends and another
  begins (none between a headline and its text, nor between paragraphs).

    python bench/reassembly.py [--shared ../shared] [--json FILE] [--fit [DECISION ...]]

Needs the 'fit' extra (scikit-learn) for the held-out rows; rows whose data is absent are left out.
"""
from __future__ import annotations

import argparse
import json
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
           "photographers", "line_coverage", "reading_order", "event_date", "persons_f1", "organizations_f1",
           "organizations_precision",
           "pages_flagged", "wrong_flagged")
WRONG = ("MISSED", "BOUNDARY", "ORDER", "HEADLINE")  # the referee's words for an article reassembled wrong
# The layout gold (tests/data/layout-gold) and the synthetic gold name no people: those rows' entity
# figures would mean nothing (the sample gold's are `python -m generator eval`'s).
ENTITIES = ("persons_f1", "organizations_f1", "organizations_precision")
NO_ENTITIES = ("sample", "synthetic")  # sources whose gold names no people
FIT_RELAYOUT_SEED, SCORE_RELAYOUT_SEED, VARIANTS = 1, 2, 10
REAL_VARIANTS = 2  # each real page laid out again this many times for its `relaid` row
SYNTH_ARTICLES, SYNTH_SEED = 300, 11
REAL_SOURCES = ("realpages", "realpages2")  # folders of ../shared with gold/ and pages/


def figures(pages: list[tuple[Path, dict]]) -> dict:
    """The full export's figures (extraction too) on these gold pages, and how well the pages
    reassembly lists as 待校对 (to check) point at its mistakes: the share of pages listed
    (`pages_flagged`) and the share of the articles it got wrong that stand on them (`wrong_flagged`)."""
    reports = [pipeline.process(read_page(path)) for path, _ in pages]
    found, problems = evaluate.score_records([export.record(a) for r in reports for a in r.articles], pages)
    wrong = {tuple(p.split()[1:3]) for p in problems if p.split()[0] in WRONG}  # (page name, #article)
    flagged = {r.page.name for r in reports if r.doubts}
    on_flagged = sum(1 for name, _ in wrong if name in flagged)
    return found | {"pages_flagged": len(flagged) / max(1, len(reports)),
                    "wrong_flagged": on_flagged / len(wrong) if wrong else 1.0}


def relaid(gold: Path, pages: Path, seed: int, out: Path, variants: int = VARIANTS) -> list[tuple[Path, dict]]:
    relayout.main(["--gold", str(gold), "--pages", str(pages), "--out", str(out), "--variants", str(variants),
                   "--seed", str(seed)])
    return fit.gold_pages([(out / "gold", out / "pages")])


SAMPLE_GOLD = [ROOT / "tests" / "data" / "gold", ROOT / "tests" / "data" / "layout-gold"]  # of archive/pages


def tightened(pages: list[tuple[Path, dict]], out: Path, between_stories: bool = False) -> list[tuple[Path, dict]]:
    """The same pages with their blank lines taken out, or left between stories only
    (bench/relayout.py tight), gold to match."""
    (out / "pages").mkdir(parents=True, exist_ok=True)
    result = []
    for path, gold in pages:
        lines, new = relayout.tight(path.read_text(encoding="utf-8").split("\n"), gold, between_stories)
        page = out / "pages" / path.name
        page.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result.append((page, new))
    return result


def sample_sets(tmp: Path, seed: int) -> tuple[list, list]:
    """The sample pages' gold, and the same articles laid out again with `seed`."""
    sample = fit.gold_pages([(gold, ROOT / "archive" / "pages") for gold in SAMPLE_GOLD])
    again = []
    for k, gold in enumerate(SAMPLE_GOLD):
        again += relaid(gold, ROOT / "archive" / "pages", seed, tmp / f"relaid-{seed}-{k}")
    return sample, again


def training_sets(tmp: Path, shared: Path) -> dict[str, list[list]]:
    """What the shipped weights are fitted on, by source, each source a list of gold sets (a set
    counts as much as any other in a fit): the sample gold and its relayouts (FIT_RELAYOUT_SEED), a
    synthetic archive (another seed than the one tests/test_eval.py scores), and each set of real
    pages that is present."""
    sample, again = sample_sets(tmp, FIT_RELAYOUT_SEED)
    synth.generate(SYNTH_ARTICLES, tmp / "synth", seed=SYNTH_SEED)
    generated = fit.gold_pages([(tmp / "synth" / "gold", tmp / "synth" / "pages")])
    sources = {"sample": [sample, again], "synthetic": [generated]}
    for name in REAL_SOURCES:
        real = fit.gold_pages([(shared / name / "gold", shared / name / "pages")])
        if real:
            sources[name] = [real]
    return sources


def table(shared: Path, held_out: bool = True) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        sample, score_relaid = sample_sets(tmp, SCORE_RELAYOUT_SEED)
        sources = training_sets(tmp, shared)
        scored = {"sample": sample + score_relaid, **{k: v[0] for k, v in sources.items() if k != "sample"}}
        rows["sample gold"] = figures(sample)
        rows["sample relaid"] = figures(score_relaid)
        rows["synthetic"] = figures(sources["synthetic"][0])
        for name in REAL_SOURCES:
            if name in sources:
                rows[name] = figures(sources[name][0])
                rows[f"{name} relaid"] = figures(relaid(shared / name / "gold", shared / name / "pages", SCORE_RELAYOUT_SEED,
                                                        tmp / f"relaid-{name}", REAL_VARIANTS))
        # every page printed tight, with no blank lines (the weights never saw such a page)
        for name, pages in [("sample", sample), ("synthetic", sources["synthetic"][0])] + \
                [(name, sources[name][0]) for name in REAL_SOURCES if name in sources]:
            rows[f"{name} tight"] = figures(tightened(pages, tmp / f"tight-{name}"))
            rows[f"{name} between stories"] = figures(tightened(pages, tmp / f"between-{name}", between_stories=True))
        if held_out and len(sources) > 1:
            for name in sources:
                weights = fit.fit([gold for other, sets in sources.items() if other != name for gold in sets])
                with learned.using(weights):
                    rows[f"held out: {name}"] = figures(scored[name])
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--json", type=Path, help="also write the table as JSON")
    ap.add_argument("--fit", nargs="*", metavar="DECISION", help="refit the shipped weights "
                    "(generator/data/weights.json) on every source, then print the table; with "
                    "decisions named (heading, boundary, headline, dispatch, tail, tail_story), only those")
    args = ap.parse_args(argv)
    if args.fit is not None:
        with tempfile.TemporaryDirectory() as tmp:
            sources = training_sets(Path(tmp), args.shared)
            weights = fit.fit([gold for name, sets in sources.items() for gold in sets],
                              only=tuple(args.fit))
        write_atomically(ROOT / "generator" / "data" / learned.WEIGHTS_FILE, weights.to_json())
        learned.shipped.cache_clear()
    rows = table(args.shared)
    width = max(map(len, rows)) + 2
    print("set".ljust(width) + " ".join(f"{f[:12]:>12}" for f in FIGURES))
    for name, row in rows.items():
        print(name.ljust(width) + " ".join("—".rjust(12) if f in ENTITIES and name.split(": ")[-1].split()[0] in NO_ENTITIES else f"{row[f]:12.3f}"
                                           for f in FIGURES))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
