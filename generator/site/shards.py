"""A site built in shares on several machines (`build --shard K/N`), merged into one.

Each shard writes a disjoint share of the pages and static files (generator/site/parallel_mkdocs.py
picks them by a hash of the path) and the same few files every shard writes (the 404 page, the
sitemap). The merge takes the union; a path two shards wrote must hold the same bytes, or the
shards were not built from the same Markdown and the merge stops, naming the file.
"""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from ..archive.files import replaced_whole

SHARD = re.compile(r"([1-9][0-9]*)/([1-9][0-9]*)")


def parse(text: str) -> tuple[int, int]:
    """'2/4' → (2, 4): the second of four shares."""
    match = SHARD.fullmatch(text)
    if not match or int(match[1]) > int(match[2]):
        raise ValueError(f"--shard {text!r}: expected K/N with 1 ≤ K ≤ N, e.g. 2/4")
    return int(match[1]), int(match[2])


class MergeError(Exception):
    pass


def merge(parts: list[Path], out: Path) -> int:
    """The union of the shard sites `parts` as the site `out` (swapped in whole: a merge that
    fails leaves the last good site); returns the number of files."""
    seen: dict[str, Path] = {}
    with replaced_whole(out) as staging:
        for part in parts:
            if not part.is_dir():
                raise MergeError(f"{part}: no such shard site")
            for folder, _, names in os.walk(part):
                for name in names:
                    source = Path(folder) / name
                    rel = source.relative_to(part).as_posix()
                    if rel in seen:
                        if source.read_bytes() != seen[rel].read_bytes():
                            raise MergeError(f"{rel}: {seen[rel]} and {source} differ (built from different Markdown?)")
                        continue
                    seen[rel] = source
                    target = staging / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(source, target)
    return len(seen)
