"""What the tests and the benchmarks share, importable without the test extras (no pytest):
a copy of the project to build into, a folder served over HTTP, the browser's arguments."""
import contextlib
import functools
import http.server
import shutil
import socketserver
import threading
from pathlib import Path

from generator.site import build as site

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "archive" / "pages"


def make_project(dest: Path, pages: Path = PAGES) -> Path:
    """A copy of the project's site sources (config, hand-written docs, overrides) in `dest`."""
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    generated = {ROOT / "docs" / top for top in site.GENERATED}
    shutil.copytree(ROOT / "docs", dest / "docs", ignore=lambda folder, names: [
        n for n in names if Path(folder) / n in generated])
    return dest


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


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]


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
