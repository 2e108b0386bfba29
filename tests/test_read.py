import pytest

from generator.read.page import PageError, read_archive_meta, read_page


def test_utf8_with_bom_and_crlf(tmp_path):
    page = tmp_path / "p.txt"
    page.write_bytes("\ufeff标题\r\n正文。\r\n".encode("utf-8"))
    assert read_page(page).lines[:2] == ("标题", "正文。")


def test_gb18030_is_decoded(tmp_path):
    page = tmp_path / "p.txt"
    page.write_bytes("本报讯 近日，示范区召开会议。".encode("gb18030"))
    read = read_page(page)
    assert read.encoding == "gb18030" and read.lines[0].startswith("本报讯")


@pytest.mark.parametrize("data, message, line", [
    (b"", "empty", None),
    (b"  \n\n", "empty", None),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary", 3),  # the first NUL is on line 3
    ("第一行\n".encode("utf-8") + b"\xff\xfe\xfd\x80\x81 broken", "neither UTF-8, GB18030 nor Big5", 2),
])
def test_bad_input_names_file_and_line(tmp_path, data, message, line):
    page = tmp_path / "bad.txt"
    page.write_bytes(data)
    with pytest.raises(PageError) as err:
        read_page(page)
    assert message in str(err.value) and "bad.txt" in str(err.value)
    assert err.value.line == line


def test_sidecar_metadata(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("本报讯 6月7日，二七区召开会议。\n", encoding="utf-8")
    page.with_suffix(".yaml").write_text("newspaper: 郑州日报\ndate: 2021-06-08\n", encoding="utf-8")
    meta = read_page(page).meta
    assert (meta.newspaper, meta.date) == ("郑州日报", "2021-06-08")


def test_archive_metadata_and_sidecars(tmp_path):
    """The archive's metadata file gives every page its paper and each page its own date and 版次,
    as much of a date as is known; a sidecar wins over it, key by key."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(f"本报讯 二七区召开会议（{name}）。\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("page: 3\n", encoding="utf-8")
    path = tmp_path / "metadata.yaml"
    path.write_text("newspaper: 郑州日报\npages:\n  a.txt: {date: 2021-06-07, page: A05}\n"
                    "  c.txt: {date: 2021-06, page: A07}\n", encoding="utf-8")
    known = read_archive_meta(path, ["a.txt", "b.txt", "c.txt"])
    metas = [read_page(tmp_path / name, known[name]).meta for name in ("a.txt", "b.txt", "c.txt")]
    assert [(m.newspaper, m.date, m.page) for m in metas] == [
        ("郑州日报", "2021-06-07", "A05"), ("郑州日报", None, None), ("郑州日报", "2021-06", "3")]


def test_stray_nul_bytes_and_a_cut_off_character_are_warnings(tmp_path):
    page = tmp_path / "p.txt"
    page.write_bytes("第一行\n第二\x00行\n最后".encode("utf-8") + "字".encode("utf-8")[:2])
    read = read_page(page)
    assert read.lines == ("第一行", "第二行", "最后")
    assert any("p.txt:2: 1 NUL bytes removed" in str(w) for w in read.warnings)
    assert any("p.txt:3: the file ends inside a character" in str(w) for w in read.warnings)
