"""What the trained model (generator/extract/ner.py: LAC, two bidirectional GRU layers of 128
units on ONNX Runtime) costs the generator, and why batching cannot make it cheaper.

Prints, in CPU seconds of this process (the machines here are noisy; CPU time is the steadier
measure):
- the model's cost per character read, for sentences of a few lengths in batches of a few sizes:
  past a batch of 8 it stays flat (each character costs the same multiply-adds), which is why
  ner.BATCH is 8;
- for the pages given (or a synthetic archive's), the characters the model reads an article, the
  share of the text that is, and the share of the pipeline's CPU time the model takes.

    python bench/model.py [--input PAGES] [--articles N]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from generator.archive import pipeline  # noqa: E402
from generator.extract import ner  # noqa: E402
from generator.read.page import read_page  # noqa: E402

import synth  # noqa: E402

LENGTHS, BATCHES, REPEATS = (20, 80), (1, 8, 32), 20
SENTENCE = "郑州市人民政府召开常务会议，研究部署全市重点工作。"


def per_character() -> None:
    model = ner._model()
    print("| characters a sentence | sentences a batch | µs a character |\n| ---: | ---: | ---: |")
    for length in LENGTHS:
        for batch in BATCHES:
            sentences = [(SENTENCE * length)[k:k + length] for k in range(batch)]
            model.tag(sentences)
            start = time.process_time()
            for _ in range(REPEATS):
                model.tag(sentences)
            seconds = (time.process_time() - start) / REPEATS
            print(f"| {length} | {batch} | {seconds * 1e6 / (length * batch):.1f} |")


def on_pages(folder: Path) -> None:
    """The pipeline over the pages, with the model's calls counted and timed on the way."""
    calls = {"chars": 0, "seconds": 0.0}
    tag = ner._Model.tag

    def timed(self, sentences):
        start = time.process_time()
        try:
            return tag(self, sentences)
        finally:
            calls["seconds"] += time.process_time() - start
            calls["chars"] += sum(map(len, sentences))

    pages = [read_page(p) for p in sorted(folder.glob("*.txt"))]
    pipeline.process(pages[0])  # the model and jieba loaded before the clock starts
    calls.update(chars=0, seconds=0.0)
    ner._Model.tag = timed
    try:
        start = time.process_time()
        reports = [pipeline.process(page) for page in pages]
        total = time.process_time() - start
    finally:
        ner._Model.tag = tag
    articles = sum(len(r.articles) for r in reports)
    text = sum(len(a.text) for r in reports for a in r.articles)
    print(f"\n{len(pages)} pages, {articles} articles: the model read {calls['chars'] / articles:.0f} characters an "
          f"article ({calls['chars'] / text:.0%} of the length of their text: around where a name may stand and where a "
          f"body's name may end, each read apart); "
          f"{calls['seconds']:.1f} of the pipeline's {total:.1f} CPU s ({calls['seconds'] / total:.0%}); "
          f"{articles / total:.0f} articles a CPU second")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--input", type=Path, help="a folder of pages (default: a synthetic archive)")
    parser.add_argument("--articles", type=int, default=1000, help="the synthetic archive's size")
    args = parser.parse_args()
    per_character()
    if args.input:
        on_pages(args.input)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            synth.generate(args.articles, Path(tmp))
            on_pages(Path(tmp) / "pages")


if __name__ == "__main__":
    main()
