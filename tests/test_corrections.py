"""Editorial corrections: applied on every build, originals kept, stale ones are errors."""
import shutil

import pytest

from generator.archive import corrections, pipeline

from conftest import PAGES, build, make_project


@pytest.fixture
def archive_dir(tmp_path):
    shutil.copytree(PAGES, tmp_path / "pages")
    return tmp_path


def load(folder, text):
    (folder / "corrections.yaml").write_text(text, encoding="utf-8")
    return pipeline.load(folder / "pages", corrections=corrections.load(folder / "corrections.yaml"))


def by_title(archive, start):
    return next(a for a in archive.articles if a.title.startswith(start))


def test_fields_and_text_with_the_original_kept(archive_dir, archive):
    target = by_title(archive, "吉林大学河南技术转移中心在经开区")
    fixed = load(archive_dir, f"""
- id: {target.id}
  title: 吉林大学河南技术转移中心揭牌
  date: 2025-04-22
  correspondents: [李四]
  text:
    p4: 据悉，未来三年，中心计划发布成果150项。
""")
    article = next(a for a in fixed.articles if a.id == target.id)
    assert (article.title, article.event_date, article.correspondents) == ("吉林大学河南技术转移中心揭牌", "2025-04-22", ["李四"])
    assert article.paragraphs[3]["text"] == "据悉，未来三年，中心计划发布成果150项。"
    assert article.paragraphs[3]["original"] == target.paragraphs[3]["text"]
    assert {c["field"]: c["original"] for c in article.corrected}["title"] == target.title


def test_merge_split_headline_and_furniture(archive_dir, archive):
    first, second = [a for a in archive.articles if a.source.startswith("002")][:2]
    village = by_title(archive, "区领导到沟赵办事处祥营村调研")
    top = by_title(archive, "经开区召开全区")
    split_at = village.body_lines[2][0]  # the third paragraph: the opening (and so the id) stays
    fixed = load(archive_dir, f"""
- merge: [{first.id}, {second.id}]
- split: {village.id}
  at: {split_at}
- headline:
    page: 000_2bb91f7f39d86dad.txt
    lines: [228, 228]
  to: {top.id}
- furniture:
    page: 001_ad9bba42241e9507.txt
    lines: [487, 488]
""")
    merged = next(a for a in fixed.articles if a.id == first.id)
    assert merged.body_lines == first.body_lines + second.body_lines and second.id not in {a.id for a in fixed.articles}
    head = next(a for a in fixed.articles if a.id == village.id)
    assert head.body_lines[-1][1] < split_at
    assert any(a.body_lines[0][0] == split_at for a in fixed.articles if a.source == village.source)
    assert next(a for a in fixed.articles if a.id == top.id).headline_lines == top.headline_lines + [[228, 228]]
    report = next(r for r in fixed.pages if r.page.name.startswith("001"))
    assert {487, 488} <= set(report.furniture)
    assert len(fixed.articles) == len(archive.articles)  # one merged away, one split off


@pytest.mark.parametrize("text, message", [
    ("- id: 0000000000\n  title: x\n", "corrections.yaml:1: no article with id 0000000000"),
    ("- title: x\n", "corrections.yaml:1: a field correction names its article"),
    ("# note\n- furniture:\n    page: 001_ad9bba42241e9507.txt\n    lines: [900, 901]\n",
     "corrections.yaml:2: lines 900–901 are not on 001_ad9bba42241e9507.txt"),
    ("- merge: [aaaaaaaaaa, bbbbbbbbbb]\n", "corrections.yaml:1: applies to nothing in this archive"),
    ("- id: x\n  date: 2021年6月\n", "corrections.yaml:1: date must be YYYY-MM-DD"),
    ("- id: x\n  titel: y\n", "corrections.yaml:1: unknown keys ['titel']"),
    ("- id: x\n  reporters: 张三\n", "corrections.yaml:1: reporters takes a list of names"),
    ("- id: x\n  title: [a, b]\n", "corrections.yaml:1: title takes one line of text"),
    ("- id: x\n  title: \"a\\n{ onmouseover=alert(1) }\"\n", "corrections.yaml:1: title takes one line of text"),
    ("- id: x\n  text: {p1: [a]}\n", "corrections.yaml:1: text takes paragraphs"),
    ("- furniture: {page: a.txt, lines: abc}\n", "corrections.yaml:1: furniture: lines takes a line or [first, last]"),
    ("- merge: [aaaaaaaaaa, aaaaaaaaaa]\n", "corrections.yaml:1: merge takes two different articles"),
])
def test_a_correction_that_no_longer_applies_is_an_error(archive_dir, text, message):
    with pytest.raises(corrections.CorrectionError) as err:
        load(archive_dir, text)
    assert message in str(err.value)


def test_a_stale_correction_stops_the_build_and_keeps_the_last_site(archive_dir, capsys):
    project = make_project((archive_dir / "project").mkdir() or archive_dir / "project")
    assert build(project, archive_dir / "pages", mkdocs=False) == 0
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*.md")}
    (archive_dir / "corrections.yaml").write_text("- id: 0000000000\n  title: x\n", encoding="utf-8")
    assert build(project, archive_dir / "pages", mkdocs=False) == 2
    assert "corrections.yaml:1: no article with id 0000000000" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in (project / "docs").rglob("*.md")} == before


def test_the_documented_examples_are_valid(tmp_path):
    from conftest import ROOT

    doc = (ROOT / "docs" / "corrections.md").read_text(encoding="utf-8")
    blocks = [b.split("```", 1)[0] for b in doc.split("```yaml\n")[1:]]
    assert len(blocks) >= 5
    for block in blocks:
        path = tmp_path / "c.yaml"
        path.write_text(block, encoding="utf-8")
        assert corrections.load(path).items


def test_a_corrections_file_not_in_utf8_is_named_with_its_line(archive_dir):
    (archive_dir / "corrections.yaml").write_bytes("- id: x\n  title: 标题\n".encode("gbk"))
    with pytest.raises(corrections.CorrectionError, match=r"corrections.yaml:2: not UTF-8"):
        corrections.load(archive_dir / "corrections.yaml")


@pytest.mark.parametrize("text, line, said", [
    # 560 bytes of aliases in aliases: a billion strings once loaded
    ("- &a [x, x, x, x, x, x, x, x, x]\n- &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "- &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n- &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "- &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n- &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
     "- &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n- &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
     "- &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n", 2, "an alias"),
    ("[" * 30000 + "]" * 30000 + "\n", 1, "nested more than"),
], ids=["aliases in aliases", "30,000 brackets deep"])
def test_a_corrections_bomb_is_refused_by_name(tmp_path, text, line, said):
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(corrections.CorrectionError) as caught:
        corrections.load(path)
    assert str(path) in str(caught.value) and said in str(caught.value) and caught.value.line == line
