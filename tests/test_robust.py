"""Bad input: clear messages naming file and line, the build goes on, nothing is lost; page
text that looks like markup renders as text."""
import re
import shutil
import sys

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.archive import pipeline
from generator.cli import main
from generator.read.page import read_page

from conftest import PAGES, ROOT, build, make_project

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

GOOD = (PAGES / "002_ee5de6ea89beae3e.txt").read_text(encoding="utf-8")
OTHER = (PAGES / "000_2bb91f7f39d86dad.txt").read_text(encoding="utf-8")


def every_line_placed(report) -> bool:
    nonblank = {n for n, line in enumerate(report.page.lines, 1) if line.strip()}
    placed = [n for a in report.articles for a0, b0 in a.body_lines + a.headline_lines for n in range(a0, b0 + 1)]
    placed = [n for n in placed if n in nonblank]
    return len(placed) == len(set(placed)) and nonblank == set(placed) | set(report.furniture) | set(report.unplaced)


def bad_folder(folder):
    folder.mkdir()
    (folder / "01_empty.txt").write_bytes(b"")
    (folder / "02_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "03_gbk.txt").write_bytes(GOOD.encode("gb18030"))
    (folder / "04_bom_crlf.txt").write_bytes(b"\xef\xbb\xbf" + OTHER.replace("\n", "\r\n").replace("本报讯 ", "本报讯\u3000").encode("utf-8"))
    (folder / "05_nul.txt").write_bytes(("本报讯 近日，示范区召开会议，部署工作。\n记\x00者 郭树勋\n").encode("utf-8"))
    (folder / "06_long.txt").write_text("本报讯 近日，" + "示范区召开会议，" * 900 + "部署工作。\n", encoding="utf-8")
    (folder / "07_truncated.txt").write_bytes(GOOD[:1500].encode("utf-8") + "字".encode("utf-8")[:2])
    shutil.copy(PAGES / "004_db5ee16b092c090b.txt", folder / "08_original.txt")
    shutil.copy(PAGES / "004_db5ee16b092c090b.txt", folder / "09_copy.txt")
    (folder / "10_no_article.txt").write_text("示范区头条\n微信公众号\n\n扫码关注\n", encoding="utf-8")
    (folder / "11_undecodable.txt").write_bytes("第一行\n".encode("utf-8") + b"\xff\xfe\xfd\x80\x81 x")
    return folder


def test_bad_input_is_reported_and_the_rest_is_built(tmp_path, capsys):
    folder = bad_folder(tmp_path / "pages")
    project = make_project((tmp_path / "site").mkdir() or tmp_path / "site")
    assert build(project, folder, mkdocs=False) == 0
    out = capsys.readouterr().err.replace("\n", "")
    for expected in ("01_empty.txt: empty file", "02_binary.txt:3: binary data", "09_copy.txt: the same page as 08_original.txt",
                     "11_undecodable.txt:2: neither UTF-8, GB18030 nor Big5", "03_gbk.txt: decoded as GB18030",
                     "05_nul.txt:2: 1 NUL bytes removed", "06_long.txt:1: a line of", "07_truncated.txt:",
                     "10_no_article.txt: no news article recognised", "4 pages skipped"):
        assert expected in out, expected
    archive = pipeline.load(folder)
    assert [e.path.name for e in archive.errors] == ["01_empty.txt", "02_binary.txt", "09_copy.txt", "11_undecodable.txt"]
    names = {r.page.name: r for r in archive.pages}
    assert names["03_gbk.txt"].articles and names["04_bom_crlf.txt"].articles
    originals = {r.page.name: [a.title for a in r.articles] for r in pipeline.load(PAGES).pages}
    assert [a.title for a in names["03_gbk.txt"].articles] == originals["002_ee5de6ea89beae3e.txt"]
    assert [a.title for a in names["04_bom_crlf.txt"].articles] == originals["000_2bb91f7f39d86dad.txt"]
    assert all(every_line_placed(r) for r in archive.pages)
    # the site's 版面 page tells readers the same in Chinese: every skipped file and warning, no English
    listing = (project / "docs" / "pages" / "index.md").read_text(encoding="utf-8").replace("\\", "")
    for expected in ("01_empty.txt：空文件", "02_binary.txt:3：二进制数据", "09_copy.txt：与 08_original.txt 是同一版面",
                     "11_undecodable.txt:2：编码无法识别", "03_gbk.txt：按 GB18030 编码读取", "05_nul.txt:2：删去了 1 个空字符",
                     "06_long.txt:1：一行长达", "07_truncated.txt:", "10_no_article.txt：未识别出文章"):
        assert expected in listing, expected
    notes = listing.split("未能读取")[1]
    assert not re.search(r"[a-z]{3,} [a-z]{3,}", re.sub(r"\S+\.txt(:\d+)?", "", notes)), notes  # no English sentence


@pytest.mark.parametrize("last, warned", [("来源：郑州日报", False), ("（来源：新华网）", False), ("二七区组织机关干部开展义务植树活", True)])
def test_a_page_that_ends_on_its_storys_source_is_not_cut_short(tmp_path, last, warned):
    path = tmp_path / "page.txt"
    path.write_text(f"二七区开展植树活动\n\n本报讯 3月3日，二七区组织机关干部开展义务植树活动。\n{last}\n", encoding="utf-8")
    report = pipeline.process(read_page(path))
    assert any("mid-sentence" in str(w) for w in report.warnings) is warned
    assert last in report.articles[0].text  # the source line stays the story's


def test_an_unreadable_folder_is_fatal(tmp_path):
    assert main(["build", "--input", str(tmp_path / "missing"), "--no-mkdocs", "--docs", str(tmp_path / "d")]) == 2


def test_a_damaged_id_registry_is_named_and_nothing_is_overwritten(tmp_path, capsys):
    project = make_project(tmp_path)
    assert build(project, mkdocs=False) == 0
    registry = project / "ids.jsonl"
    lines = registry.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2][:40]  # cut off, as a bad merge would leave it
    registry.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    assert build(project, mkdocs=False) == 2
    assert f"{registry}:3: not a registry entry" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*.md")} == docs


def test_nothing_lost_on_a_generated_archive(tmp_path):
    synth.generate(200, tmp_path)
    archive = pipeline.load(tmp_path / "pages")
    assert not archive.errors and all(every_line_placed(r) for r in archive.pages)


LINES = st.one_of(
    st.sampled_from(GOOD.split("\n") + ["", "", "记者 张三", "本报讯（记者张三 通讯员李四）", "➡昨日，", "本 报 记 者",
                                        "示范区头条", "公众号", "## 标题", "<script>x</script>", "{{ x }}", "| a | b |"]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(LINES, max_size=80))
def test_random_and_mangled_pages_never_crash_or_lose_a_line(tmp_path, lines):
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines), encoding="utf-8", errors="surrogatepass")
    try:
        page = read_page(path)
    except pipeline.PageError as err:
        assert "page.txt" in str(err)
        return
    assert every_line_placed(pipeline.process(page))


HOSTILE = """<script>alert(1)</script>标题{{ config.site_name }}

本报讯 近日，<b>粗体</b>与{% if true %}模板{% endif %}、|表格|竖线、#井号、*星号*、[链接](http://evil.example/)和<img src=x onerror=alert(2)>在文中出现。
记者 张三
"""


def test_text_that_looks_like_markup_renders_as_text(tmp_path, page, browser):
    from conftest import serve

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (pages / "hostile.yaml").write_text("district: 二七区\ncity: 郑州\n", encoding="utf-8")
    project = make_project((tmp_path / "site").mkdir() or tmp_path / "site")
    (project / "ids.jsonl").write_text("", encoding="utf-8")
    assert build(project, pages) == 0
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with serve(project / "site") as url:
        (article,) = pipeline.load(pages).articles
        page.goto(f"{url}articles/{article.id}/")
        assert page.locator("header.headline h1").inner_text() == "<script>alert(1)</script>标题{{ config.site_name }}"
        assert page.title().startswith("<script>alert(1)</script>标题{{ config.site_name }}")
        body = page.locator("#p1").inner_text()
        for literal in ("<b>粗体</b>", "{% if true%}", "|表格|竖线", "#井号", "*星号*", "[链接](http://evil.example/)",
                        "<img src=x onerror=alert(2)>"):
            assert literal in body, literal
        assert page.locator("article b, article img[src=x]").count() == 0
        described = page.locator('meta[name="description"]').get_attribute("content")
        assert described.startswith("本报讯 近日，<b>粗体</b>") and "<img src=x onerror=alert(2)>" in described
        page.goto(f"{url}districts/erqiqu/")
        assert "<script>alert(1)</script>标题" in page.locator("article").inner_text()
        page.goto(f"{url}pages/hostile/")
        assert "<img src=x onerror=alert(2)>" in page.locator("article").inner_text()
        page.goto(f"{url}search/?q=粗体")
        page.wait_for_selector(".archive-search[data-state=done] .archive-search__hit")
        hit = page.locator(".archive-search__hit").first.inner_text()
        assert "<script>alert(1)</script>" in hit and "<b>粗体</b>" in hit
    assert dialogs == []


JSON_VALUES = st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                           max_leaves=12)


# the keys are the generator's own field names: identifiers YAML reads as strings (not "no", "on"…)
FIELD_NAMES = st.from_regex(r"[a-z_]{1,12}", fullmatch=True).filter(lambda k: isinstance(yaml.safe_load(k), str))


@given(st.dictionaries(FIELD_NAMES, JSON_VALUES, max_size=6))
@settings(max_examples=300, deadline=None)
def test_front_matter_holds_any_text(data):
    """Front matter is written as JSON values; whatever the text (control characters, line and
    paragraph separators, YAML's own syntax), MkDocs' YAML loader reads back exactly what was written."""
    from generator.render.markdown import yaml_fields

    assert (yaml.safe_load(yaml_fields(data)) or {}) == data


@given(st.text(max_size=40))
@settings(max_examples=500, deadline=None)
def test_width_is_half_a_cell_for_every_narrow_character(text):
    """width() counts with a regex of the narrow characters; it must agree with Unicode's East
    Asian widths for any text, whitespace and characters beyond the BMP included."""
    import unicodedata

    from generator.text.chars import width

    expected = sum(0.5 if unicodedata.east_asian_width(c) in ("N", "Na", "H") else 1.0
                   for c in text if not c.isspace())
    assert width(text) == expected
