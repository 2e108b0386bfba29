"""Check a built site: every internal link resolves to a file, and (for the offline copy)
nothing is loaded from the network."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# attributes the browser fetches as it loads the page, as opposed to links a reader follows
LOADS = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
         ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data")}
FOLLOWS = {("a", "href"), ("area", "href")}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []  # (tag, attribute, url)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is not None and ((tag, name) in LOADS or (tag, name) in FOLLOWS):
                if tag == "link" and name == "href" and dict(attrs).get("rel") in ("canonical", "alternate"):
                    continue  # a reference, not a load
                self.found.append((tag, name, value))


@dataclass
class Report:
    pages: int = 0
    links: int = 0
    broken: list[tuple[str, str]] = field(default_factory=list)  # (page, link)
    external_loads: list[tuple[str, str]] = field(default_factory=list)


def check(site: Path, offline: bool = False) -> Report:
    """`offline`: the copy opened from disk, where a link to a folder does not open its index.html."""
    report = Report()
    for page in sorted(site.rglob("*.html")):
        if page == site / "404.html":
            continue  # served for any missing path, so its links are absolute by design
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        report.pages += 1
        rel_page = page.relative_to(site).as_posix()
        for tag, attr, url in parser.found:
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") or url.startswith("//"):
                if (tag, attr) in LOADS:
                    report.external_loads.append((rel_page, url))
                continue
            if parts.scheme or not parts.path:
                continue  # mailto:, javascript:, data:, or a fragment on this page
            report.links += 1
            target = (page.parent / unquote(parts.path)).resolve()
            if parts.path.endswith("/") or target.is_dir():
                if offline:
                    report.broken.append((rel_page, url))
                    continue
                target = target / "index.html"
            if not target.is_file():
                report.broken.append((rel_page, url))
    return report
