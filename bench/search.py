"""Search speed and bytes per query, ours against Material's built-in search, on one corpus.

    python bench/search.py --articles 10000 [--work /tmp/bench-search]

Builds the synthetic archive (bench/synth.py), then the site twice from the same Markdown:
with the archive's search, and with Material's search plugin (lunr.js, `lang: zh`). Headless
Chromium (Debian's, through Playwright) measures, served from 127.0.0.1:
- cold: from opening the page to the first results of a query (a fresh browser context);
- warm: a further query on the same page;
- bytes: what the browser transferred for the page plus the query;
and for ours also the same from file:// with the network off. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import synth  # noqa: E402
from support import CHROMIUM_ARGS, block_network, make_project, serve  # noqa: E402

QUERIES = ["党工委", "污染防治", "高质量发展", "签约 项目", "5G"]


def run(cmd: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def build_sites(work: Path, articles: int, reuse: bool = False) -> tuple[Path, Path]:
    if not (work / "pages").exists():
        synth.generate(articles, work)
    ours = work / "ours"  # always rebuilt: the search code may have changed
    if not (ours / "mkdocs.yml").exists():
        ours.mkdir(parents=True, exist_ok=True)
        make_project(ours)
    shutil.copy(ROOT / "mkdocs.yml", ours / "mkdocs.yml")
    for folder in ("overrides", "docs/stylesheets"):
        shutil.copytree(ROOT / folder, ours / folder, dirs_exist_ok=True)
    if not (reuse and (ours / "site").exists()):
            run([sys.executable, "-m", "generator", "build", "--input", str(work / "pages"), "--docs", str(ours / "docs"),
             "--config", str(ours / "mkdocs.yml"), "--site", str(ours / "site"), "--registry", str(ours / "ids.jsonl")])
    material = work / "material"
    if not (material / "site").exists():
        shutil.rmtree(material, ignore_errors=True)
        material.mkdir()
        shutil.copytree(ours / "docs", material / "docs", ignore=shutil.ignore_patterns("search"))
        config = (ours / "mkdocs.yml").read_text(encoding="utf-8")
        assert "\nplugins:\n" in config, "mkdocs.yml's plugins are no longer a block list"
        config = config.replace("\nplugins:\n", "\nplugins:\n  - search:\n      lang: zh\n", 1)
        config = config.replace("  custom_dir: overrides\n", "")
        (material / "mkdocs.yml").write_text(config, encoding="utf-8")
        run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(material / "mkdocs.yml")])
    return ours / "site", material / "site"


def measure(browser, url: str, kind: str, offline: bool = False) -> dict:
    context = browser.new_context()
    page = context.new_page()
    sizes: list[int] = []
    blocked = block_network(page) if offline else []
    page.on("requestfinished", lambda req: sizes.append(req.sizes()["responseBodySize"]))
    cold, warm, per_query = [], [], []
    for i, query in enumerate(QUERIES):
        if i == 0:
            started = time.perf_counter()
            page.goto(url)
        before = sum(sizes)
        t0 = time.perf_counter()
        if kind == "ours":
            page.fill(".archive-search input[name=q]", query)
            page.wait_for_function("q => { const r = document.querySelector('.archive-search');"
                                   " return r.dataset.state === 'done' && r.dataset.query === q; }", arg=query)
        else:
            shown = page.evaluate("() => { const m = document.querySelector('.md-search-result__meta');"
                                   " const i = document.querySelector('.md-search-result__list');"
                                   " return (m ? m.textContent : '') + '|' + (i ? i.innerHTML.length : 0); }")
            page.fill("input.md-search__input", query)
            page.press("input.md-search__input", "End")  # Material searches on keyup
            page.wait_for_function(  # Material has rendered something new for this query
                "b => { const m = document.querySelector('.md-search-result__meta');"
                " const i = document.querySelector('.md-search-result__list');"
                " const now = (m ? m.textContent : '') + '|' + (i ? i.innerHTML.length : 0);"
                " return now !== b && m && /\\d|没有/.test(m.textContent); }", arg=shown, timeout=180_000)
        elapsed = time.perf_counter() - t0
        if i == 0:
            cold.append(time.perf_counter() - started)
        else:
            warm.append(elapsed)
        per_query.append(sum(sizes) - before if i else sum(sizes))
    context.close()
    return {"cold_s": cold[0], "warm_ms": 1000 * statistics.median(warm), "first_kb": per_query[0] / 1024,
            "query_kb": statistics.median(per_query[1:]) / 1024, "blocked": len(blocked)}


def cold_index_kb(browser, url: str, query: str) -> float:
    """What one cold search fetches of the index (search/*.js) for a query and its first page of hits."""
    context = browser.new_context()
    page = context.new_page()
    data: list[int] = []
    page.on("requestfinished", lambda req: data.append(req.sizes()["responseBodySize"])
            if "/search/" in req.url and "/assets/" not in req.url and req.url.endswith(".js") else None)
    page.goto(url + "?q=" + query)
    page.wait_for_function("q => { const r = document.querySelector('.archive-search');"
                           " return r.dataset.state === 'done' && r.dataset.query === q; }", arg=query)
    page.wait_for_timeout(300)
    context.close()
    return sum(data) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-search"))
    parser.add_argument("--reuse", action="store_true", help="keep an existing build of ours (same code)")
    args = parser.parse_args()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise SystemExit("bench/search.py drives a browser: .venv/bin/pip install -e '.[bench]' "
                         "(and Debian's chromium: apt install chromium)") from None
    work = args.work / str(args.articles)
    ours, material = build_sites(work, args.articles, args.reuse)

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        rows = []
        with serve(ours) as url:
            rows.append(("ours, 127.0.0.1", measure(browser, url + "search/", "ours")))
        rows.append(("ours, file:// (network off)", measure(browser, (ours / "search" / "index.html").as_uri(), "ours", offline=True)))
        with serve(material) as url:
            rows.append(("Material built-in, 127.0.0.1", measure(browser, url, "material")))
        # a cold search of each query alone (a fresh browser context): the index's files it fetches
        with serve(ours) as url:
            cold = {q: cold_index_kb(browser, url + "search/", q) for q in QUERIES}
        browser.close()

    def size(path: Path) -> float:
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20

    print(f"\n{args.articles} articles; queries: {' / '.join(QUERIES)}\n")
    print("| search | page open → first results (s) | further query (ms, median) | first load + query (KB) | per further query (KB, median) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, r in rows:
        print(f"| {name} | {r['cold_s']:.2f} | {r['warm_ms']:.0f} | {r['first_kb']:.0f} | {r['query_kb']:.0f} |")
    index_ours = size(ours / "search")
    index_material = (material / "search" / "search_index.json").stat().st_size / 2**20
    print("\ncold search, the index's files fetched for the first query and its first page of hits (KB): "
          + ", ".join(f"{q} {kb:.0f}" for q, kb in cold.items()))
    print(f"\nindex on disk: ours {index_ours:.1f} MB in {sum(1 for _ in (ours / 'search').rglob('*.js'))} files; "
          f"Material {index_material:.1f} MB in one file")


if __name__ == "__main__":
    main()
