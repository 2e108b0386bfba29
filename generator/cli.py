"""Command line: `python -m generator build | serve | export | eval | merge | publish | fit`."""
from __future__ import annotations

import argparse
import functools
import gc
import http.server
import json
import re
import sys
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from rich.console import Console
from rich.text import Text
from rich.progress import track

from .archive import corrections, evaluate, export, pipeline, registry
from .archive.files import Locked, lock, write_atomically
from .read.page import ARCHIVE_META, page_paths
from .site import shards

LOCK_FILE = ".build.lock"

ROOT = Path.cwd()
console = Console(stderr=True, soft_wrap=True)  # one message a line, whatever the terminal's width


def say(text: str, label: str | None = None, style: str = "") -> None:
    """One message, its label styled and its text as it is: a file name or a value may hold '[/]',
    which Rich would read as markup (and fail on)."""
    console.print(Text.assemble(*((label, style), " ") if label else (), text))


def _progress(label: str):
    def wrap(items, total):
        return track(items, description=label, total=total, console=console, transient=True, disable=total < 20)
    return wrap


def _load(folder: Path, corrections_path: Path | None = None, cache_dir: Path | None = None,
          issued: dict[str, dict] | None = None, metadata_path: Path | None = None) -> pipeline.Archive:
    """The archive; `issued`: the id registry, as loaded."""
    path = corrections_path or folder.parent / "corrections.yaml"
    issued = issued or {}
    archive = pipeline.load(folder, progress=_progress("读取版面"), corrections=corrections.load(path),
                            cache_dir=cache_dir, issued=issued,
                            metadata=metadata_path or folder.parent / ARCHIVE_META)
    for notice in archive.notices:
        say(notice, "cache", "yellow")
    for warning in archive.warnings:
        say(str(warning), "warning", "yellow")
    published = {entry.get("source") for entry in issued.values()}
    for err in archive.errors:
        if err.page in published and not err.message.startswith("the same page as"):
            # a page that was published and now fails would take its articles off the site: stop first
            raise pipeline.PageError(err.path, f"{err.message} — the articles of {err.page} are published; "
                                     "fix it (or remove the page, to take them off the site)", err.line)
        say(str(err), "skipped", "red")
    if archive.errors or archive.warnings:
        say(f"{len(archive.errors)} pages skipped, {len(archive.warnings)} warnings "
            "(also listed on the site's 版面原文 page)")
    unsure = [r.page.name for r in archive.pages if r.doubts]
    if unsure:
        say(f"{len(unsure)} pages to check (待校对: reassembly was unsure; listed on the site's 版面原文 page): "
            + ", ".join(unsure[:10]) + (" …" if len(unsure) > 10 else ""))
    return archive


GC_THRESHOLDS = (50_000, 20, 10)  # allocations, and younger passes, between passes (CPython's: 700, 10, 10)
SAFE_URL = re.compile(r"https?://[^\s()<>\"'\\\[\]]+")


def cmd_build(args) -> int:
    thresholds = gc.get_threshold()
    try:
        with lock(args.docs.resolve().parent / LOCK_FILE):  # one build at a time writes a project's docs, site and ids
            return _build(args)
    finally:  # for the next build in this process (serve)
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def _build(args) -> int:
    from .site import offline, build as site

    cache_dir = None if args.no_cache else args.cache or args.input.parent / ".cache" / "pages"
    registry_path = args.registry or args.input.parent / "ids.jsonl"
    site_url = site.site_url(args.config) if args.config.exists() else ""
    if args.deploy and (not site_url or site_url == site.PLACEHOLDER_URL):
        say(f"{args.config}: site_url is {site_url or 'not set'!s}: a published archive's permalinks and "
            "citations would name it. Set SITE_URL to the address the site is served at.", "error", "red")
        return 2
    try:
        shard = shards.parse(args.shard) if args.shard else None
    except ValueError as err:
        say(str(err), "error", "red")
        return 2
    if shard and (args.offline or args.with_offline or args.dirty):
        say("--shard builds the online site in full: not with --offline, --with-offline or --dirty", "error", "red")
        return 2
    if args.offline_url and not SAFE_URL.fullmatch(args.offline_url):
        say(f"--offline-url {args.offline_url!r}: not an http(s) address", "error", "red")
        return 2
    # where the home page offers the offline copy: a release asset, or else inside the site
    # (inside the site, a relative link: it works on Pages, on a local server and under any site_url;
    # the offline copy's own page points at the online one, theme_markup.py)
    download = args.offline_url or (offline.PUBLISHED if args.with_offline else None)
    issued = registry.load(registry_path)
    site.start_writers(len(page_paths(args.input)))
    archive = _load(args.input, args.corrections, cache_dir, issued, args.metadata)
    if args.frozen_ids:
        new = sorted(i for i, entry in registry.update(issued, archive.articles).items() if issued.get(i) != entry)
        if new:
            # a build whose registry is not kept (CI) would serve ids no later build remembers
            say(f"{registry_path}: this build would issue or move {len(new)} ids it does not hold "
                f"({', '.join(new[:3])}…); build without --frozen-ids and commit it", "error", "red")
            return 2
    # The archive is held to the end of the build: out of the cyclic collector's sight, whose full
    # passes over 100,000 articles' objects took seconds each, and collected less often.
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)
    written, removed = site.write_docs(archive, args.docs, site_url, registry_path, download=download,
                                       cache=cache_dir, issued=issued)
    say(f"{len(archive.articles)} articles from {len(archive.pages)} pages → {args.docs} "
        f"({written} files written, {removed} removed)")
    if args.no_mkdocs:
        return _status(archive)
    # The offline copy first: where the online site offers it (--with-offline without --offline-url),
    # its zip goes into the new site before that site is swapped in, never linked before it is there.
    if args.offline or args.with_offline:
        _mkdocs(args, args.offline_site, directory_urls=False, shard=shard)
        # a page a server sends for an address it lacks: from disk nothing ever shows it, and
        # MkDocs writes its links from the site's root, which on disk is the disk's
        (args.offline_site / "404.html").unlink(missing_ok=True)
        offline.zip_site(args.offline_site, args.zip)
        say(f"offline copy → {args.zip}")
    if not args.offline:
        place = {offline.PUBLISHED: args.zip} if args.with_offline and not args.offline_url else {}
        _mkdocs(args, args.site, directory_urls=True, shard=shard, place=place)
        if not shard and not _fits_pages(args.site, args.deploy, len(archive.articles)):  # a shard: at the merge
            return 2
    return _status(archive)


def _fits_pages(site: Path, deploy: bool, articles: int = 0) -> bool:
    """The site's size on every build; a site to deploy past what GitHub Pages will deploy stops
    the deployment (False), one past what it supports is warned of."""
    from .site import size

    measured = size.measure(site)
    say(size.report(measured, articles))
    if deploy and measured.bytes > size.PAGES_REFUSED:
        say(f"{site}: past the {size.human(size.PAGES_REFUSED)} GitHub Pages will not deploy; publish it to "
            "object storage, or split the archive into sites", "error", "red")
        return False
    if deploy and measured.bytes > size.PAGES_SUPPORTED:
        say(f"{site}: past the {size.human(size.PAGES_SUPPORTED)} GitHub Pages supports: its deployment may "
            "fail or time out. Publish it to object storage, or split the archive into sites", "warning", "yellow")
    return True


def _mkdocs(args, folder: Path, directory_urls: bool, shard, place: dict | None = None) -> None:
    from .site import build as site

    warnings = site.mkdocs_build(args.config, folder, use_directory_urls=directory_urls, dirty=args.dirty,
                                 docs=args.docs, shard=shard, place=place)
    for message in warnings:
        say(str(message), "mkdocs", "yellow")
    say(f"site → {folder}" + (f" ({len(warnings)} warnings)" if warnings else ""))


def _status(archive) -> int:
    """Pages that could not be read are reported, not fatal; an archive with none readable is."""
    return 1 if archive.errors and not archive.pages else 0


def cmd_serve(args) -> int:
    """Build, then serve the site on 127.0.0.1 and rebuild (MkDocs --dirty) whenever a page, its
    sidecar, the archive's metadata or the corrections change: what `mkdocs serve` cannot do, the
    Markdown being made here."""
    def state() -> list:
        edited = [args.corrections or args.input.parent / "corrections.yaml", args.metadata or args.input.parent / ARCHIVE_META]
        files = sorted(p for p in args.input.iterdir() if p.is_file()) + [p for p in edited if p.exists()]
        return [(p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files]

    seen = state()
    code = cmd_build(args)
    if code == 2:
        return code
    handler = functools.partial(_QuietHandler, directory=str(args.site))
    with http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        say(f"serving {args.site} at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)")
        args.dirty = True
        try:
            while True:
                time.sleep(1)
                now = state()
                if now != seen:
                    seen = now
                    say("pages changed: rebuilding")
                    try:
                        cmd_build(args)
                    except (pipeline.PageError, corrections.CorrectionError, Locked) as err:
                        say(f"{err} (the last good site is still served)", "error", "red")
        except KeyboardInterrupt:
            return 0
        finally:
            server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # a line a request would bury the build's messages
        pass


def cmd_export(args) -> int:
    archive = _load(args.input)
    export.write_jsonl(archive.articles, args.out)
    say(f"{len(archive.articles)} articles → {args.out}")
    return 0


def cmd_eval(args) -> int:
    archive = _load(args.input)
    records = [export.record(a) for a in archive.articles]
    figures, problems = evaluate.score(records, args.gold, args.input)
    if args.verbose:
        print("\n".join(problems))
    print(json.dumps(figures, ensure_ascii=False) if args.json else evaluate.format_figures(figures))
    return 0


def cmd_merge(args) -> int:
    files = shards.merge(args.parts, args.site)
    say(f"{len(args.parts)} shards → {args.site} ({files:,} files)")
    return 0 if _fits_pages(args.site, args.deploy) else 2


def cmd_publish(args) -> int:
    from .site import publish

    try:
        done = publish.publish(args.site, args.to)
    except publish.PublishError as err:
        say(str(err), "error", "red")
        return 2
    say(f"{args.site} → {args.to}: {len(done.uploaded):,} files sent, {done.kept:,} unchanged, "
        f"{len(done.deleted):,} deleted")
    return 0


def cmd_fit(args) -> int:
    from .reassemble import fit
    sets = [tuple(map(Path, s.split(":", 1))) for s in args.gold]
    weights = fit.fit([fit.gold_pages([pair]) for pair in sets])
    write_atomically(args.out, weights.to_json())  # a fit that dies leaves the weights as they were
    say(f"weights → {args.out}")
    return 0


def _build_arguments(build: argparse.ArgumentParser) -> None:
    build.add_argument("--input", type=Path, default=ROOT / "archive" / "pages")
    build.add_argument("--docs", type=Path, default=ROOT / "docs")
    build.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    build.add_argument("--site", type=Path, default=ROOT / "site")
    build.add_argument("--corrections", type=Path, help="editorial corrections (default: corrections.yaml beside the pages folder)")
    build.add_argument("--metadata", type=Path, help="what the pages do not print on themselves: the paper, each "
                       f"page's date and 版次 (default: {ARCHIVE_META} beside the pages folder)")
    build.add_argument("--registry", type=Path, help="issued article ids (default: ids.jsonl beside the pages folder)")
    build.add_argument("--no-mkdocs", action="store_true", help="write the Markdown only")
    build.add_argument("--cache", type=Path, help="each page's result, kept for the next build "
                       "(default: .cache/pages beside the pages folder)")
    build.add_argument("--no-cache", action="store_true", help="read every page afresh, keep nothing")
    build.add_argument("--dirty", action="store_true", help="MkDocs renders only pages whose Markdown changed")
    build.add_argument("--offline", action="store_true", help="build the copy that works from disk, and zip it")
    build.add_argument("--with-offline", action="store_true", help="both: the site, and the zip published in it "
                       "(or at --offline-url)")
    build.add_argument("--offline-url", help="where the offline zip is published instead of inside the site (a release "
                       "asset: GitHub Pages publishes no site over 1 GB); the home page links it")
    build.add_argument("--deploy", action="store_true", help="a build to publish: refuse the placeholder site URL "
                       "(every permalink and citation would name it)")
    build.add_argument("--frozen-ids", action="store_true", help="refuse to issue ids the registry does not hold "
                       "(a build whose registry is not committed back, as CI's)")
    build.add_argument("--shard", metavar="K/N", help="write only the K-th of N disjoint shares of the site "
                       "(N machines build one each; `merge` joins them into the site one build writes)")
    build.add_argument("--offline-site", type=Path, default=ROOT / "site-offline")
    build.add_argument("--zip", type=Path, default=ROOT / "dist" / "archive-offline.zip")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Chinese local newspaper archive")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="raw pages → Markdown in docs/ → MkDocs site")
    _build_arguments(build)
    build.set_defaults(run=cmd_build)

    serve = sub.add_parser("serve", help="build, serve the site on this machine, rebuild when a page changes")
    _build_arguments(serve)
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(run=cmd_serve)

    exp = sub.add_parser("export", help="articles as JSON lines")
    exp.add_argument("--input", type=Path, default=ROOT / "archive" / "pages")
    exp.add_argument("--out", type=Path, required=True)
    exp.set_defaults(run=cmd_export)

    ev = sub.add_parser("eval", help="score the export against gold annotations")
    ev.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "gold")
    ev.add_argument("--input", type=Path, default=ROOT / "archive" / "pages")
    ev.add_argument("--verbose", action="store_true", help="list every article that differs")
    ev.add_argument("--json", action="store_true")
    ev.set_defaults(run=cmd_eval)

    mg = sub.add_parser("merge", help="join the sites `build --shard K/N` wrote into one")
    mg.add_argument("parts", type=Path, nargs="+", metavar="SHARD_SITE")
    mg.add_argument("--site", type=Path, default=ROOT / "site")
    mg.add_argument("--deploy", action="store_true", help="a site to publish on GitHub Pages: stop past the size "
                    "Pages deploys, warn past the size it supports")
    mg.set_defaults(run=cmd_merge)

    pb = sub.add_parser("publish", help="upload the built site to an S3-compatible object store (only what changed)")
    pb.add_argument("--to", required=True, metavar="s3://BUCKET/PREFIX")
    pb.add_argument("--site", type=Path, default=ROOT / "site")
    pb.set_defaults(run=cmd_publish)

    ft = sub.add_parser("fit", help="fit reassembly's weights on gold annotations (needs the 'fit' extra)")
    ft.add_argument("--gold", action="append", required=True, metavar="GOLD_DIR:PAGES_DIR",
                    help="a gold folder and the folder of its raw pages; repeat for more sets")
    ft.add_argument("--out", type=Path, default=ROOT / "generator" / "data" / "weights.json")
    ft.set_defaults(run=cmd_fit)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (pipeline.PageError, corrections.CorrectionError, Locked, shards.MergeError) as err:
        say(str(err), "error", "red")  # nothing was written: the last build stays as it was
        return 2
    except BrokenProcessPool:
        say("a process building the site died (killed, or out of memory?) — the build stopped; the last site "
            "built is still in place", "error", "red")
        return 2
    except OSError as err:  # a full disk, a folder it may not write: the site is swapped in whole or not at all
        where = f"{err.filename}: " if err.filename else ""
        say(f"{where}{err.strerror or err} — the build stopped; the last site built is still in place",
            "error", "red")
        return 2


if __name__ == "__main__":
    sys.exit(main())
