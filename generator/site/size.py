"""What a built site weighs against where it is served. GitHub Pages supports a published site of
up to 1 GB (its upload action warns above that, and deploys past it may fail or time out) and
will not deploy one past 10 GB: a build says where it stands on every run, and how many articles
the supported size holds at its rate, so an archive's owner sees the limit coming years ahead."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PAGES_SUPPORTED = 1 << 30  # bytes: GitHub Pages' supported size of a published site
PAGES_REFUSED = 10 << 30  # bytes: past this Pages does not deploy at all


@dataclass(frozen=True)
class Size:
    bytes: int
    files: int


def measure(folder: Path) -> Size:
    """Every file under `folder`, as served (links followed are not: a site holds none)."""
    total = files = 0
    for root, _, names in os.walk(folder):
        for name in names:
            total += os.stat(os.path.join(root, name), follow_symlinks=False).st_size
            files += 1
    return Size(total, files)


def report(size: Size, articles: int) -> str:
    """'site: 5.2 MB in 1,203 files (32 articles: 166.1 KB and 37.6 files each); at this rate
    GitHub Pages' supported 1 GB holds about 6,300 articles'. The rate includes what does not grow
    with the archive (theme, scripts), so a small archive's projection errs low."""
    line = f"site: {human(size.bytes)} in {size.files:,} files"
    if articles:
        each = size.bytes / articles
        line += (f" ({articles:,} articles: {each / 1024:.1f} KB and {size.files / articles:.1f} files each); "
                 f"at this rate GitHub Pages' supported {human(PAGES_SUPPORTED)} holds about "
                 f"{int(PAGES_SUPPORTED / each):,} articles")
    return line


def human(n: int) -> str:
    return f"{n / (1 << 30):.1f} GB" if n >= 1 << 30 else f"{n / (1 << 20):.1f} MB"
