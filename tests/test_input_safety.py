"""Files that reach the build from editors and contributors: what is refused, with its name and
line, and what survives a write that dies."""
import os
import shutil
import sys
from pathlib import Path

import pytest

from generator.archive import pipeline, registry
from generator.cli import LOCK_FILE
from generator.archive.files import replaced_whole, write_atomically
from generator.read.page import MAX_PAGE_BYTES, PageError, read_page

from conftest import PAGES, ROOT, build, make_project

sys.path.insert(0, str(ROOT / "bench"))
import hostile  # noqa: E402
import synth  # noqa: E402

SAMPLE = sorted(PAGES.glob("*.txt"))[0]


def _pages(tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    return folder


@pytest.mark.parametrize("name", ["x\n\nA\n{ tabindex=0 autofocus onfocus=alert(1) }\n\ny.txt", "javascript:alert(1).txt",
                                  "a#b.txt", "a?b.txt", "tab\there.txt", ".hidden.txt", "line\u2028sep.txt",
                                  "para\u2029sep.txt", "next\x85line.txt", "txt.\u202egnp.txt", "zero\u200bwidth.txt",
                                  "mark\u200fx.txt", "iso\u2066late.txt"])
def test_a_page_with_an_unsafe_name_is_refused_by_name(tmp_path, name):
    folder = _pages(tmp_path)
    (folder / name).write_text(SAMPLE.read_text(encoding="utf-8").replace("。", "。另一版。", 1), encoding="utf-8")
    archive = pipeline.load(folder, workers=1)
    [error] = archive.errors
    assert "file name with" in error.message and "\n" not in str(error)
    assert [r.page.name for r in archive.pages] == [SAMPLE.name]


def test_markup_in_a_name_is_printed_as_it_is(tmp_path, capsys):
    """'[bold]' in a file name and '[/]' in a sidecar are text to the build's output, not Rich
    markup (which swallowed the one and crashed on the other)."""
    pages = tmp_path / "archive" / "pages"
    shutil.copytree(PAGES, pages)
    (pages / "x[bold]y.txt").write_text("本报讯 一则新闻。\n", encoding="utf-8")
    (pages / "z.txt").write_text("本报讯 另一则新闻。\n", encoding="utf-8")
    (pages / "z.yaml").write_text("'[/]': 1\n", encoding="utf-8")
    project = make_project((tmp_path / "site").mkdir() or tmp_path / "site")
    assert build(project, pages, mkdocs=False) == 0
    err = capsys.readouterr().err
    assert "x[bold]y.txt" in err and "unknown keys ['[/]']" in err


def test_a_sidecar_that_is_a_fifo_is_refused_not_waited_for(tmp_path):
    import os

    folder = _pages(tmp_path)
    os.mkfifo(folder / SAMPLE.with_suffix(".yaml").name)  # opening it to read would block for ever
    archive = pipeline.load(folder, workers=1, cache_dir=tmp_path / "cache")
    [error] = archive.errors
    assert error.path.suffix == ".yaml" and "not a regular file" in error.message and error.page == SAMPLE.name


def test_a_worker_that_dies_is_an_error_not_a_hang(tmp_path):
    """A process reading pages killed mid-build (the out-of-memory killer, a hostile page): the
    build stops with an error naming the folder, in seconds."""
    import subprocess
    import sys

    folder = tmp_path / "pages"
    shutil.copytree(PAGES, folder)
    script = ("import os, sys\nfrom pathlib import Path\nfrom generator.archive import pipeline\n"
              "real = pipeline._process_path\n"
              "def dying(page, *args, **kwargs):\n"
              "    if page[0].name == sorted(Path(sys.argv[1]).glob('*.txt'))[-1].name:\n"
              "        os._exit(9)\n"
              "    return real(page, *args, **kwargs)\n"
              "pipeline._process_path = dying\n"
              "try:\n    pipeline.load(sys.argv[1], workers=2)\n"
              "except pipeline.PageError as err:\n    print(err)\n    sys.exit(2)\n")
    done = subprocess.run([sys.executable, "-c", script, str(folder)], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 2 and "died" in done.stdout and str(folder) in done.stdout


def test_the_registry_keeps_one_entry_a_line_whatever_a_value_holds(tmp_path):
    """U+2028, U+2029 and U+0085 in a headline or name, written raw, are no line breaks of the
    registry: what is saved loads back the same (splitlines() once broke every later build)."""
    path = tmp_path / "ids.jsonl"
    entries = {"a1": {"source": "p.txt", "title": "甲\u2028乙\u2029丙\x85丁\r戊"}, "b2": {"source": "q.txt"}}
    assert registry.save(path, entries)
    assert registry.load(path) == entries and len(path.read_text(encoding="utf-8").split("\n")) == 3


def test_a_link_out_of_the_pages_folder_is_never_read(tmp_path):
    folder = _pages(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("本报讯 机密文字不应发布。\n", encoding="utf-8")
    (folder / "leak.txt").symlink_to(secret)
    archive = pipeline.load(folder, workers=1)
    assert [e.path.name for e in archive.errors] == ["leak.txt"]
    assert "outside the pages folder" in archive.errors[0].message
    assert not any("机密" in a.text for a in archive.articles)


@pytest.mark.parametrize("make", ["folder", "fifo", "broken_link", "link_loop"])
def test_what_is_no_regular_file_is_reported_not_read(tmp_path, make):
    folder = _pages(tmp_path)
    target = folder / "x.txt"
    if make == "folder":
        target.mkdir()
    elif make == "fifo":
        os.mkfifo(target)  # reading it would block the build for ever
    elif make == "broken_link":
        target.symlink_to(folder / "missing.txt")
    else:
        target.symlink_to(folder / "y.txt")
        (folder / "y.txt").symlink_to(target)
    archive = pipeline.load(folder, workers=1)
    assert "x.txt" in [e.path.name for e in archive.errors]
    assert [r.page.name for r in archive.pages] == [SAMPLE.name]


def test_a_page_over_the_size_limit_is_refused(tmp_path):
    folder = _pages(tmp_path)
    big = folder / "big.txt"
    big.write_text("本报讯 很长的一页。\n" * (MAX_PAGE_BYTES // 20), encoding="utf-8")
    with pytest.raises(PageError, match="over the"):
        read_page(big)


@pytest.mark.parametrize("sidecar, message, line", [
    ("newspaper: 郑州日报\neditor: x\n", "unknown keys ['editor']", 2),
    ("newspaper: 郑州日报\ndate: 2021-02-30\n", "'2021-02-30' is no calendar date", 2),
    ("date: 2021-13-01\n", "'2021-13-01' is no calendar date", 1),
    ("newspaper: [a, b]\n", "newspaper: expected one value", 1),
    ("newspaper: 郑州日报\npage: {a: 1}\n", "page: expected one value", 2),
    ("- a\n- b\n", "expected keys and values", 1),
    ("newspaper: [unclosed\n", "invalid YAML", None),
    ("date: 2021-6\n", "no calendar date", 1),
    ("page: A05\ndate: '2021-13'\n", "no calendar date", 2),
    ("newspaper: |\n  x\n\n  { tabindex=0 autofocus onfocus=alert(1) }\n", "newspaper: a line break", 1),
    ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n", "an alias", 2),
    pytest.param("newspaper: " + "[" * 30000 + "]" * 30000 + "\n", "nested more than", 1, id="30,000 deep"),
])
def test_a_bad_sidecar_is_named_with_its_line(tmp_path, sidecar, message, line):
    folder = _pages(tmp_path)
    (folder / SAMPLE.with_suffix(".yaml").name).write_text(sidecar, encoding="utf-8")
    with pytest.raises(PageError) as caught:
        read_page(folder / SAMPLE.name)
    assert message in caught.value.message and caught.value.path.suffix == ".yaml"
    if line:
        assert caught.value.line == line


def test_an_archive_metadata_file_that_is_no_file_is_refused_unread(tmp_path):
    """/dev/zero has no end: a metadata file linked to it is refused before a byte is read."""
    folder = _pages(tmp_path)
    (tmp_path / "metadata.yaml").symlink_to("/dev/zero")
    with pytest.raises(PageError, match="not a regular file"):
        pipeline.load(folder, workers=1, metadata=tmp_path / "metadata.yaml")


@pytest.mark.parametrize("metadata, message, line", [
    ("newspaper: 郑州日报\neditor: x\n", "unknown keys ['editor']", 2),
    ("pages:\n  nosuch.txt:\n    date: 2021-06-07\n", "no page 'nosuch.txt'", 2),
    ("pages:\n  {name}:\n    date: 2021-06-07\n    page: A05\n    printer: x\n", "unknown keys ['printer']", 5),
    ("date: 2021\npages:\n  {name}:\n    page: A05\n    date: 2021-02-30x\n", "no calendar date", 5),
    ("pages: [a, b]\n", "pages: expected each page's file name", 1),
    ("- a\n", "expected keys and values", 1),
    ("newspaper: &n 郑州日报\ncity: *n\n", "an alias", 2),
])
def test_a_bad_archive_metadata_file_is_named_with_its_line(tmp_path, metadata, message, line):
    """The error names the file and the line of the key at fault, also inside a page's entry."""
    folder = _pages(tmp_path)
    path = tmp_path / "metadata.yaml"
    path.write_text(metadata.replace("{name}", SAMPLE.name), encoding="utf-8")
    with pytest.raises(PageError) as caught:
        pipeline.load(folder, workers=1, metadata=path)
    assert message in caught.value.message and caught.value.path == path and caught.value.line == line


def test_a_registry_write_that_dies_keeps_the_ids_issued(tmp_path, monkeypatch):
    path = tmp_path / "ids.jsonl"
    registry.save(path, {"aaaaaaaaaa": {"source": "p.txt"}, "bbbbbbbbbb": {"source": "p.txt"}})
    before = path.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(OSError):
        registry.save(path, {"cccccccccc": {"source": "q.txt"}})
    assert path.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["ids.jsonl"]


def test_write_atomically_replaces_whole(tmp_path):
    path = tmp_path / "sub" / "file.txt"
    write_atomically(path, "一")
    write_atomically(path, "二")
    assert path.read_text(encoding="utf-8") == "二" and len(list(path.parent.iterdir())) == 1


def test_a_site_build_that_dies_leaves_the_last_good_site(tmp_path, monkeypatch):
    from generator.site import parallel_mkdocs, build as site

    project = make_project(tmp_path)
    assert build(project) == 0
    before = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}

    def dies_half_way(config, dirty=False, workers=None, shard=None):
        (Path(config.site_dir) / "index.html").parent.mkdir(parents=True, exist_ok=True)
        (Path(config.site_dir) / "index.html").write_text("half", encoding="utf-8")
        raise KeyboardInterrupt  # as a kill or a full disk would stop it

    monkeypatch.setattr(parallel_mkdocs, "build", dies_half_way)
    with pytest.raises(KeyboardInterrupt):
        site.mkdocs_build(project / "mkdocs.yml", project / "site")
    after = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    assert after == before and sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_a_swap_cut_short_is_finished_by_the_next_build(tmp_path):
    (tmp_path / ".site.old").mkdir()
    (tmp_path / ".site.old" / "index.html").write_text("last good", encoding="utf-8")
    with replaced_whole(tmp_path / "site") as staging:
        assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "last good"
        staging.mkdir()
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_second_build_in_the_same_project_says_who_is_building(tmp_path, capsys):
    import subprocess
    import sys

    project = make_project(tmp_path)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from pathlib import Path; "
                               "from generator.archive.files import lock\nwith lock(Path(sys.argv[1])):\n"
                               "    print('held', flush=True); time.sleep(60)", str(project / LOCK_FILE)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        assert build(project, mkdocs=False) == 2
        assert f"another build (process {holder.pid}) is running" in capsys.readouterr().err
    finally:
        holder.kill()
        holder.wait()
    assert build(project, mkdocs=False) == 0  # the lock is let go with its holder, killed


def test_a_near_copy_sorting_first_takes_no_published_url(tmp_path):
    """The registry, not file order, settles which of two articles with the same opening keeps its id."""
    pages = tmp_path / "archive" / "pages"
    shutil.copytree(PAGES, pages)
    project = make_project((tmp_path / "site").mkdir() or tmp_path / "site")
    assert build(project, pages, mkdocs=False) == 0
    published = {a.id: a.source for a in pipeline.load(pages).articles}
    copy = pages / "000_000_copy.txt"  # sorts before every sample page
    copy.write_text(SAMPLE.read_text(encoding="utf-8") + "\n本报讯 另一则新闻的开头，与原页不同。\n", encoding="utf-8")
    assert build(project, pages, mkdocs=False) == 0
    issued = registry.load(project / "ids.jsonl")
    again = pipeline.load(pages, issued=issued).articles
    assert {a.id: a.source for a in again if a.id in published} == published
    assert any(a.source == copy.name and a.id.endswith("-2") for a in again)


@pytest.mark.parametrize("change", ["rename", "copy under an earlier name", "rename and retitle"])
def test_an_id_follows_its_text_not_its_file_name(tmp_path, change):
    """A published page renamed keeps its articles' ids (they moved to -2 ids, with notices at
    the old URLs); an identical copy under a name that sorts first is the one skipped; a renamed
    page whose headline was also corrected keeps its ids."""
    pages = tmp_path / "archive" / "pages"
    shutil.copytree(PAGES, pages)
    project = make_project((tmp_path / "site").mkdir() or tmp_path / "site")
    assert build(project, pages, mkdocs=False) == 0
    published = sorted((a.id, a.title) for a in pipeline.load(pages, workers=1).articles)
    page = sorted(pages.glob("*.txt"))[2]
    renamed = pages / ("000_" + page.name)  # sorts first
    if change == "copy under an earlier name":
        shutil.copy(page, renamed)
    else:
        page.rename(renamed)
    if change == "rename and retitle":
        first = pipeline.load(pages, workers=1, issued=registry.load(project / "ids.jsonl")).pages[0].articles[0]
        lines = renamed.read_text(encoding="utf-8").split("\n")
        lines[first.headline_lines[0][0] - 1] += "（更正）"
        renamed.write_text("\n".join(lines), encoding="utf-8")
    assert build(project, pages, mkdocs=False) == 0
    issued = registry.load(project / "ids.jsonl")
    archive = pipeline.load(pages, workers=1, issued=issued)
    assert sorted(a.id for a in archive.articles) == [ident for ident, _ in published]
    assert change != "rename and retitle" or sorted((a.id, a.title) for a in archive.articles) != published
    assert not [n for n in (project / "docs" / "articles").glob("*.md") if "moved:" in n.read_text(encoding="utf-8")]
    if change == "copy under an earlier name":
        assert [e.path.name for e in archive.errors] == [renamed.name]
    else:
        assert {issued[a.id]["source"] for a in archive.pages[0].articles} == {renamed.name}


def test_a_frozen_ids_build_refuses_to_issue_ids_it_would_not_keep(tmp_path, capsys):
    """CI's builds do not commit the registry back: with --frozen-ids a build that would issue an
    id the registry does not hold stops, before it writes anything."""
    from generator.cli import main

    project = make_project(tmp_path)
    assert build(project, mkdocs=False) == 0
    entries = (project / "ids.jsonl").read_text(encoding="utf-8").split("\n")
    (project / "ids.jsonl").write_text("\n".join(entries[1:]), encoding="utf-8")  # one id not recorded
    args = ["build", "--frozen-ids", "--no-mkdocs", "--input", str(PAGES), "--docs", str(project / "docs"),
            "--registry", str(project / "ids.jsonl"), "--config", str(project / "mkdocs.yml")]
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    assert main(args) == 2
    assert "would issue or move 1 ids" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before
    (project / "ids.jsonl").write_text("\n".join(entries), encoding="utf-8")
    assert main(args) == 0


def test_a_dirty_build_gives_the_site_a_clean_build_gives(tmp_path):
    """--dirty renders only the pages whose Markdown changed, and removes what a clean build would
    not write: after a page is edited and another removed, the two sites hold the same files, byte
    for byte (a removed page's source view, name pages and search shard stayed online before);
    every page's navigation still shows every title."""
    from generator.cli import main

    pages = tmp_path / "archive" / "pages"
    shutil.copytree(PAGES, pages)
    dirty, clean = (make_project((tmp_path / name).mkdir() or tmp_path / name) for name in ("dirty", "clean"))
    assert build(dirty, pages) == 0
    page, gone = sorted(pages.glob("*.txt"))[1:3]
    page.write_text(page.read_text(encoding="utf-8").replace("。", "。脏构建测试句。", 1), encoding="utf-8")
    gone.unlink()
    args = ["build", "--input", str(pages), "--docs", str(dirty / "docs"), "--registry", str(dirty / "ids.jsonl"),
            "--config", str(dirty / "mkdocs.yml"), "--site", str(dirty / "site"), "--cache", str(dirty / "cache")]
    assert main(args + ["--dirty"]) == 0
    shutil.copy(dirty / "ids.jsonl", clean / "ids.jsonl")
    assert build(clean, pages) == 0

    def files(project):
        return {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}

    got, want = files(dirty), files(clean)
    assert sorted(set(got) - set(want)) == [] and sorted(set(want) - set(got)) == []
    changed = [p for p in want if got[p] != want[p]]
    assert not changed, changed[:5]
    assert not [d for d in (dirty / "site").rglob("*") if d.is_dir() and not any(d.iterdir())]


def test_a_with_offline_build_that_dies_links_no_missing_zip(tmp_path, monkeypatch):
    """The zip goes into the new site before it is swapped in: a build that dies on the way leaves
    the last good site, which does not offer a copy that is not there."""
    from generator.cli import main
    from generator.site import offline

    project = make_project(tmp_path)
    assert build(project) == 0
    before = (project / "site" / "index.html").read_bytes()

    def dies(site, out):
        raise KeyboardInterrupt

    monkeypatch.setattr(offline, "zip_site", dies)
    with pytest.raises(KeyboardInterrupt):
        main(["build", "--with-offline", "--input", str(PAGES), "--docs", str(project / "docs"),
              "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"),
              "--offline-site", str(project / "site-offline"), "--zip", str(project / "dist" / "x.zip"),
              "--registry", str(project / "ids.jsonl")])
    assert (project / "site" / "index.html").read_bytes() == before
    assert not (project / "site" / offline.PUBLISHED).exists()


TRADITIONAL = ("本報訊 近日，經開區黨工委副書記、區智慧辦主任郭宏力主持召開全區視聯網建設工作推進會，"
               "聽取各相關單位視聯網建設工作情況的匯報，安排部署下一步工作。\n記者 謝鵬飛\n")


def test_a_big5_page_is_read_as_printed(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    page = read_page(path)
    assert page.encoding == "big5" and "經開區黨工委" in page.raw
    assert any("Big5" in w.message for w in page.warnings)


def test_a_japanese_page_is_refused_not_published_as_nonsense(tmp_path):
    path = tmp_path / "sjis.txt"
    path.write_bytes("東京都は二十日、新型の感染者が確認されたと発表した。都内の感染者は合計で百人を超えた。\n"
                     "政府は対策本部を開き、今後の対応を協議した。\n".encode("shift_jis"))
    with pytest.raises(PageError, match="Shift-JIS"):
        read_page(path)


def test_a_page_of_punctuation_builds_with_a_title_for_every_article(tmp_path):
    folder = _pages(tmp_path)
    (folder / "zz.txt").write_text("。，、！\n——\n", encoding="utf-8")
    project = make_project((tmp_path / "site").mkdir() or tmp_path / "site")
    assert build(project, folder, mkdocs=False) == 0
    assert all(a.title for a in pipeline.load(folder).articles)


def _binary(page: Path) -> str:
    page.write_bytes(page.read_bytes()[:200] + b"\x00\x01\x02\x00\x00\x00\xff" * 50)
    return "binary data"


def _sidecar(text: str, said: str):
    def fault(page: Path) -> str:
        page.with_suffix(".yaml").write_text(text, encoding="utf-8")
        return said
    return fault


def _sidecar_outside(page: Path) -> str:
    outside = page.parent.parent / "outside.yaml"
    outside.write_text("date: 2021-06-08\n", encoding="utf-8")
    page.with_suffix(".yaml").symlink_to(outside)
    return "outside the pages folder"


@pytest.mark.parametrize("fault", [
    _binary,
    _sidecar("date: 2021-02-30\n", "2021-02-30"),  # no calendar day
    _sidecar("colour: red\n", "unknown keys"),
    _sidecar("page: [A01, A02]\n", "expected one value"),
    _sidecar("page: [A01\n", "invalid YAML"),
    _sidecar_outside,
], ids=["binary page", "no calendar date", "unknown key", "a list", "bad YAML", "sidecar linked outside"])
def test_a_published_page_that_now_fails_stops_the_build_before_anything_changes(tmp_path, capsys, fault):
    """A page whose articles are published and that can no longer be read, for any reason (its
    sidecar included), would take them off the site: the build stops first, naming the file."""
    pages = tmp_path / "archive" / "pages"
    shutil.copytree(PAGES, pages)
    project = make_project((tmp_path / "site").mkdir() or tmp_path / "site")
    assert build(project, pages, mkdocs=False) == 0
    docs = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    ids = (project / "ids.jsonl").read_bytes()
    page = sorted(pages.glob("*.txt"))[2]
    said = fault(page)
    capsys.readouterr()
    assert build(project, pages, mkdocs=False) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert page.stem in err and said in err and f"articles of {page.name} are published" in err
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == docs
    assert (project / "ids.jsonl").read_bytes() == ids


def test_kill_9_at_any_moment_leaves_a_whole_site_and_the_registry(tmp_path):
    """A 1,000-article build killed at several moments (reading and writing docs, inside MkDocs)
    leaves the last good site whole, or the new one whole, and every id issued before; the next
    build goes through."""
    import signal
    import subprocess
    import sys
    import time

    synth.generate(1000, tmp_path / "archive")
    pages = tmp_path / "archive" / "pages"
    project = make_project((tmp_path / "site").mkdir() or tmp_path / "site")
    start = time.monotonic()
    assert build(project, pages) == 0
    took = time.monotonic() - start

    def site():
        return {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}

    args = [sys.executable, "-m", "generator", "build", "--input", str(pages), "--docs", str(project / "docs"),
            "--registry", str(project / "ids.jsonl"), "--config", str(project / "mkdocs.yml"),
            "--site", str(project / "site"), "--cache", str(project / "cache")]
    page = sorted(pages.glob("*.txt"))[0]
    for k, share in enumerate((0.1, 0.4, 0.7, 0.9)):
        good, issued = site(), registry.load(project / "ids.jsonl")
        mark = f"杀进程测试句{k}"
        page.write_text(page.read_text(encoding="utf-8").replace("。", f"。{mark}。", 1), encoding="utf-8")
        child = subprocess.Popen(args, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 start_new_session=True)
        time.sleep(share * took)
        if child.poll() is None:
            child.send_signal(signal.SIGKILL)
        child.wait()
        deadline = time.monotonic() + 20
        while _in_session(child.pid) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = _in_session(child.pid)  # its workers end with it, not wait for tasks for ever
        assert left == [], (share, [_described(pid) for pid in left])
        now = site()
        assert now == good or any(mark.encode() in data for data in now.values()), share
        assert set(now) >= {p for p in good if p.parts[0] != "articles"}, share  # whole: nothing of it missing
        assert set(issued) <= set(registry.load(project / "ids.jsonl")), share
    assert build(project, pages) == 0  # the lock died with its holder
    assert any(mark.encode() in data for data in site().values())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl: Linux only")
def test_a_worker_that_starts_after_its_build_died_ends_at_once():
    """A worker's parent may die before the worker asks to die with it (the signal then never
    comes): a worker that finds the build's process gone ends instead of waiting for tasks."""
    import subprocess

    gone = subprocess.Popen(["true"])
    gone.wait()  # reaped: its pid names no process
    code = "import sys; from generator.archive.files import die_with_parent; die_with_parent(int(sys.argv[1])); print('on')"
    ended = subprocess.run([sys.executable, "-c", code, str(gone.pid)], capture_output=True, text=True)
    assert ended.returncode == 1 and ended.stdout == ""
    alive = subprocess.run([sys.executable, "-c", code, str(os.getpid())], capture_output=True, text=True)
    assert alive.returncode == 0 and alive.stdout == "on\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl: Linux only")
def test_a_worker_whose_parent_outlives_the_build_ends_with_the_build():
    """A fork server's worker has the server for its parent, which outlives a killed build (its
    workers hold its liveness pipe), so no parent-death signal comes: the worker watches the build
    and ends within seconds of it."""
    import subprocess
    import time

    build = subprocess.Popen(["sleep", "60"])
    code = "import sys, time; from generator.archive.files import die_with_parent; die_with_parent(int(sys.argv[1])); time.sleep(60)"
    worker = subprocess.Popen([sys.executable, "-c", code, str(build.pid)])  # its parent, this process, lives on
    time.sleep(2)
    assert worker.poll() is None
    build.kill()
    build.wait()
    assert worker.wait(timeout=10) == 1


def _described(pid: int) -> str:
    """A process as a failure should name it: its command line, state and parent."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")[:200]
    except OSError:
        return f"{pid} (gone)"
    return f"{pid} state {stat[0]} parent {stat[1]}: {command}"


def _in_session(sid: int) -> list[int]:
    """The processes of session `sid` still running (zombies are done)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def test_one_damaged_byte_in_a_utf8_page_is_named_not_read_as_another_encoding(tmp_path):
    data = SAMPLE.read_bytes()
    at = data.index("郭宏力".encode("utf-8"))
    path = tmp_path / SAMPLE.name
    path.write_bytes(data[:at] + b"\xff" + data[at + 1:])
    with pytest.raises(PageError, match="invalid UTF-8") as caught:
        read_page(path)
    assert caught.value.line == data[:at].count(b"\n") + 1


def test_a_page_of_hundreds_of_stories_is_decoded_in_stretches(tmp_path, monkeypatch):
    """The headline decode scores every headline against every story: on a page of thousands
    (a hostile file: 87 s and 2 GB for 1,750) it runs on stretches of MAX_DECODE_STORIES stories,
    each headline decoded with the stories around it, and still heads each story with its own."""
    from generator.reassemble import headlines

    monkeypatch.setattr(headlines, "MAX_DECODE_STORIES", 16)
    seen = []
    decode = headlines._decode
    monkeypatch.setattr(headlines, "_decode", lambda runs, targets, *rest: seen.append(len(targets)) or
                        decode(runs, targets, *rest))
    text = hostile.pairs(hostile._alphabet(), budget=12_000)
    (tmp_path / "p.txt").write_text(text, encoding="utf-8")
    articles = pipeline.load(tmp_path, workers=1).articles
    heads = text.split("\n\n")[0::2]
    assert len(seen) > 5 and max(seen) <= 16 and sum(seen) == len(articles) == len(heads) - 1
    assert [a.title for a in articles] == heads[:-1]


def test_a_role_is_read_from_a_bounded_stretch_before_its_name():
    """A text with no clause break was read whole before every mention of a name (6 minutes for a
    page of headline-like lines): a role is looked for within ROLE_REACH characters of the name."""
    from generator.extract import people

    text = "无标点的长串文字" * 500 + "区委书记张三丰出席" + "无标点的长串文字" * 500 + "张三丰"
    reached = []
    role = people._role
    people._role = lambda segment, bodies: reached.append(len(segment)) or role(segment, bodies)
    try:
        found = people.roles(text, ["张三丰"])
    finally:
        people._role = role
    assert found == {"张三丰": ["区委书记"]} and max(reached) <= people.ROLE_REACH


def test_odd_page_names_get_pages_of_their_own_and_working_links(tmp_path):
    """A page named index.txt took the 版面原文 list's place; README.txt is MkDocs' index too;
    names with spaces, quotes and a '~' get their own views, and every link to them resolves."""
    from generator.site import linkcheck

    pages = tmp_path / "pages"
    pages.mkdir()
    names = ["index.txt", "README.txt", "q'uote x'.txt", "a~.txt", "a.txt"]
    for name, source in zip(names, sorted(PAGES.glob("*.txt"))):
        shutil.copy(source, pages / name)
    (pages / "a.txt").write_text("本报讯 一则只在这一版的短讯，说明 a.txt 有自己的版面原文。\n", encoding="utf-8")
    project = make_project((tmp_path / "p").mkdir() or tmp_path / "p")
    assert build(project, pages) == 0
    site = project / "site" / "pages"
    views = sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))
    assert views == sorted(["index.html", "index~/index.html", "README~/index.html", "q'uote x'/index.html",
                            "a~~/index.html", "a/index.html"])
    listing = (site / "index.html").read_text(encoding="utf-8")
    assert "版面原文</h1>" in listing and all(name.replace("'", "&#39;") in listing or name in listing
                                            for name in names)
    report = linkcheck.check(project / "site")
    assert report.broken == [] and report.links > 100


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_unicode_page_with_a_byte_order_mark_is_read(tmp_path, encoding):
    """Notepad's "Unicode" is UTF-16 with a byte order mark: read as written (it was refused as
    binary data)."""
    text = SAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "p.txt"
    data = text.encode(encoding)
    path.write_bytes(data if encoding != "utf-16-be" else b"\xfe\xff" + data)
    page = read_page(path)
    assert page.raw == read_page(SAMPLE).raw and page.encoding.startswith(encoding[:6])


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_read_where_only_one_order_reads_as_text(tmp_path, encoding):
    path = tmp_path / "p.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode(encoding))
    page = read_page(path)
    assert page.raw == read_page(SAMPLE).raw and page.encoding == encoding
    assert "no byte order mark" in page.warnings[0].message


def test_a_full_disk_is_a_message_naming_the_file_not_a_traceback(tmp_path, monkeypatch, capsys):
    from generator.site import build as site

    project = make_project(tmp_path)
    real = Path.write_bytes

    def full(path, data):
        if path.suffix == ".md" and "articles" in path.parts:
            raise OSError(28, "No space left on device", str(path))
        return real(path, data)

    monkeypatch.setattr(Path, "write_bytes", full)
    monkeypatch.setattr(site, "_in_background", _in_this_process(site))
    assert build(project) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "articles" in err and "Traceback" not in err
    assert not (project / "site").exists()


def _in_this_process(site):
    """write_docs' background work, run in this process (where the test's patches hold)."""
    made = site._in_background

    def run(archive, urls, site_url, docs, workers, *rest):
        return made(archive, urls, site_url, docs, 1, *rest)

    return run


def _dies(start):  # a worker rendering pages, killed (by the out-of-memory killer, say)
    os._exit(9)


def test_a_site_worker_that_dies_stops_the_build_instead_of_hanging(tmp_path, monkeypatch):
    """multiprocessing.Pool waited for ever for a worker that died; the pool now breaks and the
    build stops, leaving the last site."""
    import signal
    from concurrent.futures.process import BrokenProcessPool

    from generator.site import parallel_mkdocs, build as site

    project = make_project(tmp_path)
    assert build(project) == 0
    before = sorted(p.relative_to(project).as_posix() for p in (project / "site").rglob("*"))
    monkeypatch.setattr(parallel_mkdocs, "_build_pages", _dies)
    signal.alarm(120)  # a hang fails the test, not the run
    try:
        with pytest.raises(BrokenProcessPool):
            site.mkdocs_build(project / "mkdocs.yml", project / "site", workers=2, docs=project / "docs")
    finally:
        signal.alarm(0)
    assert sorted(p.relative_to(project).as_posix() for p in (project / "site").rglob("*")) == before
