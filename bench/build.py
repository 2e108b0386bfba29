"""Build time, memory and size at scale, against a plain MkDocs build of the same Markdown.

    python bench/build.py --articles 1000 10000 100000 [--work /tmp/bench-build]

For each size: the synthetic archive (bench/synth.py); our generator (`build --no-mkdocs`);
our MkDocs build; and in the same run, as the baseline, a plain `mkdocs build` of the same
Markdown with the same mkdocs.yml (theme, overrides, Markdown extensions, plugins): like for like,
the same pages byte for byte (tests/test_build.py), one core against our page loop on all. Then one new page
is added and the site rebuilt incrementally (the other pages' results come from the page cache;
unchanged Markdown is not rewritten; MkDocs runs with --dirty). Our MkDocs step is MkDocs' own build with its page loop shared between the cores
(generator/site/parallel_mkdocs.py). Peak memory is the largest total proportional set size (PSS:
shared pages counted once) of the step's process tree, sampled every 0.5 s: the main process
and its workers together. Prints a Markdown table, and the time of a fixed Python loop, so that
tables measured on different machines can be compared.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import synth  # noqa: E402
from support import make_project  # noqa: E402

# Our MkDocs step: the build `python -m generator build` runs after writing the Markdown.
OUR_MKDOCS = "import sys; from pathlib import Path; from generator.site import build as site; " \
             "site.mkdocs_build(Path(sys.argv[1]), Path(sys.argv[2]), dirty='--dirty' in sys.argv)"


def _tree(root: int) -> list[int]:
    """root and every process below it."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _pss_mb(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_seconds(pids: list[int], seen: dict[int, float]) -> None:
    """Each process's own CPU time (user and system) as last seen, into `seen`."""
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seen[pid] = (int(fields[11]) + int(fields[12])) / TICKS


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict:
    """Wall time, CPU time and peak memory (PSS of the whole process tree) of a command (with `env`
    added). The CPU time says what the work costs where the wall time also says what else the
    machine was doing: the user and system time of every process of the tree, as sampled with the
    memory (a process's last half second is missed), or, where more, what the command and the
    processes it waited for used (os.wait4: the writers' fork server is not waited for)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=os.environ | {"NO_MKDOCS_2_WARNING": "1"} | (env or {}))
    errors = []
    threading.Thread(target=lambda: errors.append(proc.stderr.read()), daemon=True).start()
    peak, seen = 0.0, {}
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        pids = _tree(proc.pid)
        peak = max(peak, _pss_mb(pids))
        _cpu_seconds(pids, seen)
        time.sleep(0.5)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        time.sleep(0.5)
        raise SystemExit(f"failed: {' '.join(cmd)}\n{(errors or [b''])[0][-2000:].decode(errors='replace')}")
    return {"wall": wall, "peak_mb": peak, "cpu": max(usage.ru_utime + usage.ru_stime, sum(seen.values()))}


def tree(path: Path) -> tuple[float, int]:
    files = [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**20, len(files)


def generator(work: Path, project: Path, extra: list[str] = ()) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--input", str(work / "pages"),
            "--docs", str(project / "docs"), "--config", str(project / "mkdocs.yml"),
            "--site", str(project / "site"), "--registry", str(project / "ids.jsonl"), *extra]


def bench(n: int, base: Path, rebuild: bool) -> dict:
    work = base / str(n)
    if not (work / "pages").exists():
        synth.generate(n, work)
    project = work / "project"
    shutil.rmtree(work / ".cache", ignore_errors=True)  # the first build is a cold one
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir()
    make_project(project)
    articles = sum(1 for _ in (work / "pages").glob("*.txt"))

    load = os.getloadavg()[0]  # before the row's first build: what else the machine was doing
    gen = measure(generator(work, project, ["--no-mkdocs"]))
    ours = measure([sys.executable, "-c", OUR_MKDOCS, str(project / "mkdocs.yml"), str(project / "site")])
    size, files = tree(project / "site")

    plain = work / "plain-site"
    shutil.rmtree(plain, ignore_errors=True)
    baseline = measure([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(plain)])
    shutil.rmtree(plain, ignore_errors=True)

    row = {
        "n": sum(1 for _ in (project / "docs" / "articles").glob("*.md")), "pages": articles,
        "gen_s": gen["wall"], "gen_mb": gen["peak_mb"], "ours_s": ours["wall"], "ours_mb": ours["peak_mb"],
        "plain_s": baseline["wall"], "plain_mb": baseline["peak_mb"], "total_s": gen["wall"] + ours["wall"],
        "ratio": (gen["wall"] + ours["wall"]) / baseline["wall"], "site_mb": size, "files": files,
        "inc_s": None, "kept": None, "before": None, "load": load, "reference": reference_seconds(),
    }
    row["rate"] = row["n"] / gen["wall"] / (os.cpu_count() or 1)
    row["cpu_rate"] = row["n"] / gen["cpu"]  # articles a CPU-second: the rate a core would have, were none idle
    print(f"measured {row}", file=sys.stderr, flush=True)
    if not rebuild:
        return row

    # one more page, then an incremental rebuild
    extra = work / "extra"
    shutil.rmtree(extra, ignore_errors=True)
    synth.generate(5, extra, seed=n + 1)
    new = sorted((extra / "pages").glob("*.txt"))[0]
    shutil.copy(new, work / "pages" / f"zz_{new.name}")
    shutil.copy(new.with_suffix(".yaml"), work / "pages" / f"zz_{new.with_suffix('.yaml').name}")
    before = {p: p.stat().st_mtime_ns for p in (project / "docs" / "articles").glob("*.md")}
    # the new page's ids issued the next day, as a daily build's are: on the cold build's own day
    # they would be numbered among all of its articles, and the whole search index written again
    tomorrow = {"SOURCE_DATE_EPOCH": str(int(time.time()) + 86400)}
    inc_gen = measure(generator(work, project, ["--no-mkdocs"]), tomorrow)
    inc_mk = measure([sys.executable, "-c", OUR_MKDOCS, str(project / "mkdocs.yml"), str(project / "site"), "--dirty"])
    kept = sum(1 for p, t in before.items() if p.exists() and p.stat().st_mtime_ns == t)
    (work / "pages" / f"zz_{new.name}").unlink()
    (work / "pages" / f"zz_{new.with_suffix('.yaml').name}").unlink()

    return row | {"inc_s": inc_gen["wall"] + inc_mk["wall"], "kept": kept, "before": len(before)}


def reference_seconds() -> float:
    """A fixed pure-Python loop: its time says how fast this machine is, so that tables measured on
    different machines can be compared (machines here have differed twofold)."""
    start = time.perf_counter()
    total = 0
    for i in range(20_000_000):
        total += i
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-build"))
    parser.add_argument("--rebuild-max", type=int, default=10_000,
                        help="measure the one-page rebuild up to this size (the issue asks it at 10,000)")
    args = parser.parse_args()
    rows = [bench(n, args.work, n <= args.rebuild_max) for n in args.articles]
    print(f"\n{os.cpu_count()} cores; reference loop = 20,000,000 additions in Python, timed after each row; "
          "load = the 1-minute load average before its first build\n")
    print("| load | reference loop s | articles | generator s | articles/s/core | articles/CPU-s | generator peak MB | our MkDocs s | our MkDocs peak MB "
          "| end to end s | plain MkDocs s (baseline) | baseline peak MB | end to end / baseline | site MB "
          "| site files | +1 page rebuild s | unchanged articles kept |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['load']:.2f} | {r['reference']:.2f} | {r['n']:,} | {r['gen_s']:.1f} | {r['rate']:.0f} | {r['cpu_rate']:.0f} | {r['gen_mb']:.0f} | {r['ours_s']:.1f} "
              f"| {r['ours_mb']:.0f} | {r['total_s']:.1f} | {r['plain_s']:.1f} | {r['plain_mb']:.0f} | {r['ratio']:.2f} "
              f"| {r['site_mb']:.0f} | {r['files']:,} | " + (f"{r['inc_s']:.1f} | {r['kept']:,} of {r['before']:,} |"
                                                    if r["inc_s"] is not None else "— | — |"))


if __name__ == "__main__":
    main()
