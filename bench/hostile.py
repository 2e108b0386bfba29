"""Hostile pages under the size limit: CPU seconds and peak memory to read, reassemble and
extract each, a page at a time in a process of its own (README: each under 60 s and 1 GB).

    python bench/hostile.py

- pairs: a 240 KB page of 1,750 headline / dateline-story pairs (the headline decode scores
  every headline against every story: 87 s and 2 GB before it was done in stretches of stories);
- gb18030: 250 KB of 12,000 headline-like lines in GB18030 with no clause break (a role was read
  from the whole text before each name: 6 minutes before ROLE_REACH).
"""
from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.read.page import MAX_PAGE_BYTES

ROOT = Path(__file__).resolve().parents[1]


def _alphabet() -> str:
    """The characters of the sample pages: hostile text made of real Chinese."""
    text = "".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "archive" / "pages").glob("*.txt")))
    return "".join(sorted({c for c in text if "\u4e00" <= c <= "\u9fff"}))


def pairs(alphabet: str, budget: int = MAX_PAGE_BYTES - 16_000) -> str:
    rng, out, size = random.Random(1), [], 0
    while size < budget:
        head = "".join(rng.choice(alphabet) for _ in range(rng.randint(6, 14)))
        block = f"{head}\n\n本报讯 {''.join(rng.choice(alphabet) for _ in range(30))}。\n\n"
        out.append(block)
        size += len(block.encode("utf-8"))
    return "".join(out)


def headline_lines(alphabet: str, budget: int = MAX_PAGE_BYTES - 6_000) -> bytes:
    rng, out, size = random.Random(2), [], 0
    while size < budget:
        line = ("".join(rng.choice(alphabet) for _ in range(rng.randint(6, 14))) + "\n").encode("gb18030")
        out.append(line)
        size += len(line)
    return b"".join(out)


def measure(folder: Path) -> tuple[float, float]:
    """CPU seconds and peak memory (MB) of an export of `folder`, in a process of its own."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "generator", "export", "--input", str(folder), "--out",
                    str(folder / "out.jsonl")], check=True, capture_output=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return cpu, after.ru_maxrss / 1024


def main() -> None:
    alphabet = _alphabet()
    print("| page | bytes | CPU s | peak MB |\n| --- | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as tmp:
        for name, data in (("pairs", pairs(alphabet).encode("utf-8")), ("gb18030", headline_lines(alphabet))):
            folder = Path(tmp) / name
            folder.mkdir()
            (folder / f"{name}.txt").write_bytes(data)
            cpu, peak = measure(folder)
            print(f"| {name} | {len(data):,} | {cpu:.1f} | {peak:,.0f} |")


if __name__ == "__main__":
    main()
