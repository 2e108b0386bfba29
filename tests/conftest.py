import shutil
from pathlib import Path

import pytest

from generator.archive import pipeline
from generator.cli import main
from support import CHROMIUM_ARGS, PAGES, ROOT, block_network, make_project, serve  # noqa: F401 (the tests' too)

GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture(scope="session")
def archive():
    return pipeline.load(PAGES)


REALPAGES = ROOT.parent / "shared" / "realpages"  # another party's data: read where it lies, where present


def realpages_metadata(dest: Path) -> Path:
    """A metadata file for ../shared/realpages made from its gold's provenance: the paper, each
    page's printed day and 版次, as an archive's editor would write it."""
    import json
    import re

    lines = ["newspaper: 人民日报", "city: 北京", "pages:"]
    for gold in sorted((REALPAGES / "gold").glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        day, page = re.search(r"(\d{4}-\d{2}-\d{2}), 第(\d+)版", data["provenance"]["printed"]).groups()
        lines.append(f"  {data['source']}:\n    date: {day}\n    page: '{page}'")
    dest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return dest


def nu_errors(folders: list[Path]) -> tuple[int, list]:
    """The Nu HTML Checker (the W3C's validator, vnu.jar from npm, installed by .ci/run) on every
    page of `folders`: how many pages, and each error as (page, line, message)."""
    import json
    import subprocess

    vnu = ROOT / "tests" / "tools" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
    assert shutil.which("java") and vnu.is_file(), "the Nu HTML Checker is missing: `bash .ci/run` installs it"
    pages = sum(len(list(f.rglob("*.html"))) for f in folders)
    found = subprocess.run(["java", "-jar", str(vnu), "--skip-non-html", "--errors-only", "--format", "json",
                            *map(str, folders)], capture_output=True, text=True)
    return pages, [(m.get("url", "").rsplit("/site", 1)[-1], m.get("lastLine"), m["message"])
                   for m in json.loads(found.stderr or found.stdout)["messages"]]


def build(project: Path, pages: Path = PAGES, mkdocs: bool = True, metadata: Path | None = None) -> int:
    """Build into `project`; the id registry and the page cache live there too, so the repository's
    stay untouched."""
    registry = project / "ids.jsonl"
    if not registry.exists():
        shutil.copy(ROOT / "archive" / "ids.jsonl", registry)
    args = ["build", "--input", str(pages), "--docs", str(project / "docs"), "--registry", str(registry),
            "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"),
            "--cache", str(project / "cache")]
    return main(args + ([] if mkdocs else ["--no-mkdocs"]) + (["--metadata", str(metadata)] if metadata else []))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("project"))
    assert build(project) == 0
    return project


@pytest.fixture(scope="session")
def server(built_site):
    with serve(built_site / "site") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


def parsed(path: Path):
    """A built page as a browser reads it (lxml's HTML parser): the pages are minified, their
    attributes unquoted and optional end tags left out, so no test reads them as strings."""
    import lxml.html

    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


SCREENSHOTS = ROOT / "tests" / "screenshots"
