"""Where a built site's bytes and files go: by kind of page or file, as a Markdown table.

    python bench/size.py SITE [SITE ...]

GitHub Pages publishes no site over 1 GB (GitLab Pages: 1 GB and 200,000 files), so these two
figures, per article, say how large an archive can be published. Sizes are the files' own bytes
(what the limits count), not the disk blocks they take.
"""
from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

NAMES = ("people", "orgs", "reporters")
# A file's kind, by its path under the site: the first rule that matches.
KINDS = (
    ("article page", lambda p: p.startswith("articles/")),
    ("source view", lambda p: p.startswith("pages/") and p.count("/") == 2),
    ("names seen once (lists)", lambda p: p.split("/")[0] in NAMES and "/once/" in p),
    # a name's page, and the pages of its years where it lists more than PAGED_FROM articles
    ("name page", lambda p: p.split("/")[0] in NAMES and p.count("/") >= 2),
    ("district, topic, date page", lambda p: p.split("/")[0] in ("districts", "topics", "dates") and p.count("/") >= 2),
    ("issue view (paper, date, page)", lambda p: p.startswith("issues/") and p.count("/") >= 2),
    ("index and other pages", lambda p: p.endswith(".html") and not p.startswith("search/")),
    ("search: bigram postings", lambda p: p.startswith("search/g/")),
    ("search: character lists", lambda p: p.startswith("search/u/")),
    ("search: texts", lambda p: p.startswith("search/t/")),
    ("search: other", lambda p: p.startswith("search/")),
    ("data downloads", lambda p: p.startswith("data/")),
    ("feeds", lambda p: p.startswith("feeds/")),
    ("theme assets", lambda p: p.startswith(("assets/", "stylesheets/"))),
    ("other", lambda p: True),
)


def measure(site: Path) -> tuple[dict[str, list[int]], int]:
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for path in site.rglob("*"):
        if path.is_file():
            rel = path.relative_to(site).as_posix()
            kind = next(name for name, match in KINDS if match(rel))
            totals[kind][0] += path.stat().st_size
            totals[kind][1] += 1
    articles = totals["article page"][1]
    return totals, articles


def table(site: Path) -> str:
    totals, articles = measure(site)
    size, files = sum(v[0] for v in totals.values()), sum(v[1] for v in totals.values())
    rows = [f"{site}: {articles:,} article pages, {size / 1e6:,.1f} MB in {files:,} files "
            f"({size / max(1, articles) / 1e3:.1f} KB and {files / max(1, articles):.2f} files an article)", "",
            "| kind | MB | files | KB an article | share of bytes |", "| --- | ---: | ---: | ---: | ---: |"]
    for name, _ in KINDS:
        if name in totals:
            b, n = totals[name]
            rows.append(f"| {name} | {b / 1e6:,.1f} | {n:,} | {b / max(1, articles) / 1e3:.2f} | {b / size:.0%} |")
    return "\n".join(rows)


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(table(Path(arg)), end="\n\n")
