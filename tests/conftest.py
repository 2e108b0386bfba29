import contextlib
import functools
import http.server
import shutil
import socketserver
import threading
from pathlib import Path

import pytest

from generator.archive import pipeline
from generator.site import build as site
from generator.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "archive" / "pages"
GOLD = ROOT / "tests" / "data" / "gold"


@pytest.fixture(scope="session")
def archive():
    return pipeline.load(PAGES)


def make_project(dest: Path, pages: Path = PAGES) -> Path:
    """A copy of the project's site sources (config, hand-written docs, overrides) in `dest`."""
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    generated = {ROOT / "docs" / top for top in site.GENERATED}
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=lambda folder, names: [
        n for n in names if Path(folder) / n in generated])
    return dest


def build(project: Path, pages: Path = PAGES, mkdocs: bool = True) -> int:
    """Build into `project`; the id registry and the page cache live there too, so the repository's
    stay untouched."""
    registry = project / "ids.jsonl"
    if not registry.exists():
        shutil.copy(ROOT / "archive" / "ids.jsonl", registry)
    args = ["build", "--input", str(pages), "--docs", str(project / "docs"), "--registry", str(registry),
            "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"),
            "--cache", str(project / "cache")]
    return main(args + ([] if mkdocs else ["--no-mkdocs"]))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("project"))
    assert build(project) == 0
    return project


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve(folder: Path):
    """The folder over HTTP on 127.0.0.1 (a free port), for the length of the block."""
    handler = functools.partial(_Quiet, directory=str(folder))
    with socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()


@pytest.fixture(scope="session")
def server(built_site):
    with serve(built_site / "site") as url:
        yield url


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


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


def block_network(page) -> list[str]:
    """Abort every request that is not for a file on disk; returns the list they are recorded in."""
    attempts: list[str] = []

    def handle(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            attempts.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    return attempts
