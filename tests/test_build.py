"""End to end: raw pages → Markdown → a real MkDocs build."""
import dataclasses
import html
import posixpath
import re
import shutil
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from generator.archive import cache, pipeline
from generator.index import listings as index
from generator.render import record as rendered
from generator.search import index as search
from generator.site import build as site
from generator.text.vocabulary import CAPTION_MARK

from conftest import PAGES, ROOT, build, make_project, parsed


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_every_article_has_its_page_with_its_title(built_site, archive):
    for article in archive.articles:
        page = built_site / "site" / "articles" / article.id / "index.html"
        assert page.exists(), article.id
        assert html.escape(article.title, quote=False) in page.read_text(encoding="utf-8")


def test_district_index_lists_every_article(built_site, archive):
    urls = index.Urls(archive.articles)
    for article in archive.articles:
        district_page = built_site / "site" / urls.district(article.district_label).removesuffix(".md") / "index.html"
        assert f"articles/{article.id}/" in district_page.read_text(encoding="utf-8")


def test_districts_of_one_name_in_two_cities_are_kept_apart(tmp_path):
    """郑州 and 洛阳 both have a 高新区: each has its own page, listing its own articles, and its own
    search facet."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, city in (("000_2bb91f7f39d86dad", "郑州"), ("002_ee5de6ea89beae3e", "洛阳")):
        shutil.copy(PAGES / f"{name}.txt", pages)
        (pages / f"{name}.yaml").write_text(f"district: 高新区\ncity: {city}\n", encoding="utf-8")
    articles = pipeline.load(pages).articles
    urls = index.Urls(articles)
    made = index.pages(articles, urls)
    for city in ("郑州", "洛阳"):
        listed = set(re.findall(r"articles/([0-9a-f-]+)\.md", made[urls.district(f"{city}高新区")]))
        assert listed == {a.id for a in articles if a.city == city} != set()
    docs = search.unpacked(dict(search.build(search.entries(articles)))["search/docs.js"])
    assert docs["districts"] == ["洛阳高新区", "郑州高新区"]


def test_a_long_list_is_paged_by_year_and_every_link_finds_its_place(tmp_path, monkeypatch, archive):
    """A name or a year in more than PAGED_FROM articles lists its newest year (a year: its
    months' calendars) on its page and the rest on pages of their own, so that a day's articles
    change one year's or month's list. Each article is still listed once under each of its names
    and its date; every link of the calendars finds its day; MkDocs finds every page linked."""
    from generator.site import build as site

    monkeypatch.setattr(index, "PAGED_FROM", 3)
    urls = index.Urls(archive.articles)
    made = index.pages(archive.articles, urls)
    listed = lambda pages: Counter(i for p in pages for i in re.findall(r"\(\.\./(?:\.\./)?articles/([0-9a-f]+)\.md\)", made[p]))
    for topic in {t for a in archive.articles for t in a.topics}:
        page = urls.topic(topic)
        mine = [a for a in archive.articles if topic in a.topics]
        years = [p for p in made if p.startswith(page.removesuffix(".md") + "/")]
        assert listed([page, *years]) == Counter(a.id for a in mine), topic
        if len(mine) > 3 and len({a.year for a in mine}) > 1:
            newest = max(a.year or 0 for a in mine)
            assert set(listed([page])) == {a.id for a in mine if (a.year or 0) == newest}
            assert len(years) == len({a.year for a in mine}) - 1
    for year in {a.year for a in archive.articles if a.year}:
        months = [p for p in made if p.startswith(f"dates/{year}/")]
        assert listed([f"dates/{year}.md"]) == Counter() and months
        assert listed(months) == Counter(a.id for a in archive.articles if a.year == year)
        for target, anchor in re.findall(r"\]\(([^)#]+)#(d[\d-]+) ", made[f"dates/{year}.md"]):
            assert f"{{ #{anchor} }}" in made[posixpath.normpath(f"dates/{target}")], (year, target, anchor)

    project = make_project(tmp_path)
    site.write_docs(archive, project / "docs", workers=1)  # in this process, where PAGED_FROM is 3
    assert site.mkdocs_build(project / "mkdocs.yml", project / "site") == []


def test_mkdocs_builds_without_warnings(tmp_path):
    from generator.site import build as site

    project = make_project(tmp_path)
    assert build(project, mkdocs=False) == 0
    assert site.mkdocs_build(project / "mkdocs.yml", project / "site") == []


def test_parallel_mkdocs_writes_what_mkdocs_writes(tmp_path):
    """Pages rendered on two cores: the same files, byte for byte, as MkDocs' own build, and a
    warning raised in a worker (a broken link) still reaches the caller."""
    from generator.site import build as site

    project = make_project(tmp_path)
    assert build(project, mkdocs=False) == 0
    (project / "docs" / "about.md").write_text("# 关于\n\n[失效](nowhere.md)\n", encoding="utf-8")
    ours = site.mkdocs_build(project / "mkdocs.yml", tmp_path / "ours", workers=2)
    theirs = site.mkdocs_build(project / "mkdocs.yml", tmp_path / "theirs", workers=1)  # mkdocs.commands.build
    assert ours == theirs and len(ours) == 1 and "nowhere.md" in ours[0]
    files = sorted(p.relative_to(tmp_path / "ours") for p in (tmp_path / "ours").rglob("*") if p.is_file())
    assert len(files) > 150
    assert files == sorted(p.relative_to(tmp_path / "theirs") for p in (tmp_path / "theirs").rglob("*") if p.is_file())
    assert all((tmp_path / "ours" / f).read_bytes() == (tmp_path / "theirs" / f).read_bytes() for f in files)


def test_front_matter(built_site, archive):
    article = next(a for a in archive.articles if a.event_date and a.correspondents)
    data = front_matter(built_site / "docs" / "articles" / f"{article.id}.md")
    assert data["title"] == article.title and data["correspondents"] == article.correspondents
    assert data["date"] == article.event_date and data["date_precision"] == "day"
    assert data["source"]["body_lines"] == article.body_lines


@pytest.mark.parametrize("kind, names_of", [("people", lambda a: a.persons), ("reporters", index.credit_names),
                                             ("orgs", index.named_bodies)])
def test_a_name_seen_in_one_article_is_listed_not_paged(built_site, archive, kind, names_of):
    """The long tail of names gets no page each: a name in one article stands unlinked in it and is
    listed, with that article, on its letter's page, which the index links; a name in more has its page."""
    urls = index.Urls(archive.articles)
    counts = Counter(n for a in archive.articles for n in names_of(a))
    once, more = sorted(n for n, c in counts.items() if c == 1), sorted(n for n, c in counts.items() if c > 1)
    assert once and more
    site = built_site / "site"
    shown = lambda page: site / page.split("#")[0].removesuffix(".md") / "index.html"  # noqa: E731
    for name in once:
        article = next(a for a in archive.articles if name in names_of(a))
        listing = parsed(shown(urls.once(kind, urls.letter(kind, name))))
        row = listing.xpath(f'//tr[.//span[@id="{urls.anchor(kind, name)}"]]')
        assert row and name in row[0].text_content() and any(article.id in h for h in row[0].xpath(".//a/@href"))
        assert not parsed(shown(urls.article(article))).xpath(f'//article//a[text()="{name}"]')
    letters = parsed(site / kind / "index.html").xpath('//a[contains(@href, "once/")]/@href')
    assert len(letters) == len({urls.letter(kind, n) for n in once})
    for name in more:
        assert shown(urls._path(kind, name)).is_file() and urls.has_page(kind, name)


def test_index_pages_and_related_articles_need_no_article_text(archive):
    """The index pages and the related articles are made from the articles without their text
    (index.without_text, smaller to send to the processes that make them): the same as from the
    whole articles."""
    from generator.index import related

    urls, slim = index.Urls(archive.articles), list(map(index.without_text, archive.articles))
    assert index.pages(slim, urls) == index.pages(archive.articles, urls)
    assert related.related(slim) == related.related(archive.articles) != {}


def test_navigation_stays_short(built_site):
    nav = parsed(built_site / "site" / "index.html").xpath('//*[contains(concat(" ", @class, " "), " md-nav__link ")]')
    assert 0 < len(nav) < 30


def test_a_site_built_in_shards_and_merged_is_the_one_build_writes(tmp_path, built_site):
    """Three shards, each built by its own process as a machine of a build matrix would, then
    merged: the same files, byte for byte, as one build; each shard wrote a disjoint share of
    the pages; a merge of shards that disagree stops, naming the file, and keeps the last site."""
    import subprocess
    import sys

    project = make_project(tmp_path)
    shutil.copy(ROOT / "archive" / "ids.jsonl", project / "ids.jsonl")
    args = [sys.executable, "-m", "generator", "build", "--input", str(PAGES), "--docs", str(project / "docs"),
            "--config", str(project / "mkdocs.yml"), "--registry", str(project / "ids.jsonl"),
            "--cache", str(project / "cache")]
    parts = [project / f"shard{k}" for k in (1, 2, 3)]
    for k, part in enumerate(parts, 1):
        subprocess.run(args + ["--shard", f"{k}/3", "--site", str(part)], check=True, capture_output=True, cwd=ROOT)
    pages = [{p.relative_to(part) for p in part.rglob("index.html") if p.parent.parent.name == "articles"} for part in parts]
    assert all(pages) and not (pages[0] & pages[1] or pages[1] & pages[2] or pages[0] & pages[2])
    from generator.cli import main

    assert main(["merge", *map(str, parts), "--site", str(project / "merged")]) == 0

    def tree(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    assert tree(project / "merged") == tree(built_site / "site")
    (parts[1] / "404.html").write_text("other", encoding="utf-8")
    assert main(["merge", *map(str, parts), "--site", str(project / "merged")]) == 2
    assert tree(project / "merged") == tree(built_site / "site")
    assert main(["build", "--shard", "4/3", "--no-mkdocs", "--input", str(PAGES), "--docs", str(project / "docs")]) == 2


def test_two_builds_are_byte_identical(tmp_path, archive):
    from generator.site import build as site

    outputs = []
    for name in ("one", "two"):
        project = make_project((tmp_path / name).mkdir() or tmp_path / name)
        assert build(project, mkdocs=False) == 0
        docs = project / "docs"
        outputs.append({p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()})
    assert outputs[0] == outputs[1]
    # pages rendered on one core or two: the same files
    for workers in (1, 2):
        docs = tmp_path / f"workers{workers}"
        site.write_docs(archive, docs, workers=workers)
        outputs.append({p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()})
    assert len(outputs[2]) > 100 and outputs[2] == outputs[3]


def test_rebuild_keeps_unchanged_files_and_removes_stale_ones(tmp_path):
    project = make_project(tmp_path)
    assert build(project, mkdocs=False) == 0
    articles = sorted((project / "docs" / "articles").glob("*.md"))
    stale = project / "docs" / "articles" / "gone.md"
    stale.write_text("old", encoding="utf-8")
    mtimes = {p: p.stat().st_mtime_ns for p in articles}
    assert build(project, mkdocs=False) == 0
    assert not stale.exists()
    assert all(p.stat().st_mtime_ns == mtimes[p] for p in articles)


def test_ids_stay_when_pages_are_added_and_another_page_changes(tmp_path, archive):
    """An article's URL depends on its own text only: add a page, edit another article, and
    every other article keeps its id."""
    import shutil

    from generator.archive import pipeline

    pages = tmp_path / "pages"
    shutil.copytree(PAGES, pages)
    edited = archive.pages[2]
    victim = edited.articles[1]
    last = victim.body_lines[-1][1] - 1  # a line inside the victim, not its opening
    lines = list(edited.page.lines)
    lines[last - 1] = lines[last - 1][:3] + "（有改动）" + lines[last - 1][3:]
    (pages / edited.page.name).write_text("\n".join(lines), encoding="utf-8")
    (pages / "900_new_page.txt").write_text(
        "新页面的标题\n\n本报讯 近日，新页面上的一篇报道开始了。\n记者 新记者\n", encoding="utf-8")
    after = {(a.source, a.title): a.id for a in pipeline.load(pages).articles}
    before = {(a.source, a.title): a.id for a in archive.articles}
    assert all(after[key] == ident for key, ident in before.items())
    assert len(after) == len(before) + 1


class _Planted:
    """A pickle that runs code when loaded: what a poisoned cache (restored by CI) would hold."""

    def __init__(self, mark: Path):
        self.mark = mark

    def __reduce__(self):
        return (Path.write_text, (self.mark, "ran"))


def test_nothing_read_back_from_the_cache_runs(tmp_path, capsys):
    """Every file the cache keeps (page results, the render record, the search chunks) replaced by
    a pickle that runs code: nothing runs, each page is made afresh, the build says so and writes
    what a fresh build writes."""
    import pickle

    pages = tmp_path / "archive" / "pages"
    shutil.copytree(PAGES, pages)
    project = make_project((tmp_path / "site").mkdir() or tmp_path / "site")
    cache = project / "cache"
    assert build(project, pages, mkdocs=False) == 0
    fresh = {p.relative_to(project / "docs"): p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    mark = tmp_path / "ran.txt"
    planted = [p for p in cache.rglob("*") if p.is_file()]
    assert len(planted) > len(list(pages.glob("*.txt"))) + 1  # results, the record and search chunks
    for path in planted:
        path.write_bytes(pickle.dumps(_Planted(mark)))
    capsys.readouterr()
    assert build(project, pages, mkdocs=False) == 0
    assert not mark.exists()
    said = " ".join(capsys.readouterr().err.split())  # as printed, wrapped at the terminal's width
    assert said.count("not a page's result") == len(list(pages.glob("*.txt")))
    assert {p.relative_to(project / "docs"): p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()} == fresh
    assert not any(path.read_bytes().startswith(b"\x80") for path in cache.rglob("*") if path.is_file())


def test_page_cache_gives_the_same_files_and_follows_every_change(tmp_path):
    """A build finds each unchanged page's result in the cache: the same files as a fresh build,
    one cache file a page; a changed page, a damaged cache file and a correction are seen at once."""
    pages = tmp_path / "archive" / "pages"
    shutil.copytree(PAGES, pages)
    project = make_project((tmp_path / "site").mkdir() or tmp_path / "site")
    cache = project / "cache"

    def docs():
        return {p.relative_to(project / "docs"): p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}

    def results():
        return {p for p in cache.iterdir() if p.name not in (rendered.NAME, site.SEARCH_CHUNKS)}

    cache.mkdir()
    (cache / "notes.txt").write_text("a file of the user's", encoding="utf-8")
    assert build(project, pages, mkdocs=False) == 0
    fresh, keys = docs(), results() - {cache / "notes.txt"}
    assert len(keys) == len(list(pages.glob("*.txt")))
    assert build(project, pages, mkdocs=False) == 0
    assert docs() == fresh and results() == keys | {cache / "notes.txt"}

    first = sorted(keys)[0]
    first.write_bytes(b"not a result")
    assert build(project, pages, mkdocs=False) == 0
    assert docs() == fresh

    page = sorted(pages.glob("*.txt"))[0]
    page.write_text(page.read_text(encoding="utf-8").replace("。", "。缓存测试句。", 1), encoding="utf-8")
    assert build(project, pages, mkdocs=False) == 0
    assert any("缓存测试句" in text.decode("utf-8") for path, text in docs().items() if path.parts[0] == "articles")
    assert len(results() - keys) == 2 and len(results()) == len(keys) + 1  # a new result, and the user's file

    (pages.parent / "corrections.yaml").write_text(
        f"- furniture: {{page: {page.name}, lines: [1, 1]}}\n", encoding="utf-8")
    assert build(project, pages, mkdocs=False) == 0
    assert not results() & keys  # every page's result depends on the corrections
    assert (cache / "notes.txt").exists()  # pruning removes results only


def test_a_page_is_rendered_again_only_when_what_it_is_made_of_changed(tmp_path, archive, monkeypatch):
    """The render record (generator/render/record.py) skips the pages whose inputs it has seen; the
    files are those a build without it writes, when a name gains a page of its own, a title
    changes (it stands on its neighbours' and related articles' pages), or a file is edited by hand."""
    import copy

    from generator.render import markdown as render
    from generator.index import sources

    def files(docs):
        return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}

    cache, docs = tmp_path / "cache", tmp_path / "docs"
    site.write_docs(archive, docs, workers=1, cache=cache)
    changed = copy.deepcopy(archive)
    urls = index.Urls(changed.articles)
    once = next(p for a in changed.articles for p in a.persons if not urls.has_page("people", p))
    first = next(a for a in changed.articles if once in a.persons)
    other = next(a for a in changed.articles if once not in a.persons)
    other.persons.append(once)  # `once` now has a page, which `first`'s page must link
    other.title += "（续）"
    (docs / index.Urls.article(changed.articles[-1])).write_text("edited by hand", encoding="utf-8")
    (docs / index.Urls.source(changed.pages[0].page.name)).unlink()

    made = []
    for module, name in ((render, "article_page"), (sources, "page_view")):
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *args, real=real, **kw: made.append(args[0]) or real(*args, **kw))
    site.write_docs(changed, docs, workers=1, cache=cache)
    again = list(made)
    site.write_docs(changed, tmp_path / "fresh", workers=1)
    before = files(tmp_path / "fresh")
    assert files(docs) == before
    rendered_ids = {a.id for a in again if hasattr(a, "id")}
    assert {first.id, other.id, changed.articles[-1].id} <= rendered_ids
    assert len(rendered_ids) < len(changed.articles) / 2
    assert [r.page.name for r in again if not hasattr(r, "id")] == [changed.pages[0].page.name]

    report = dataclasses.replace(changed.pages[0], page=dataclasses.replace(changed.pages[0].page))
    key = rendered.report_key(report)
    assert report.page.lines and rendered.report_key(report) == key  # not what a cached property kept

    made.clear()  # nothing changed: nothing rendered, nothing written
    site.write_docs(changed, docs, workers=1, cache=cache)
    assert made == [] and files(docs) == before


def test_the_page_cache_follows_the_code_and_data_that_make_a_page():
    """The page cache's key covers every module the pipeline loads and the data it reads, so a
    change to any of them reads the pages again; rendering code is outside it."""
    import subprocess
    import sys

    names = {p.relative_to(cache.PACKAGE).as_posix() for p in cache.code_files()}
    assert {"data/vocabulary.yaml", "data/weights.json", "reassemble/headlines.py", "extract/people.py"} <= names
    assert not names & {"index/listings.py", "render/markdown.py", "search/index.py", "site/build.py"}
    loaded = subprocess.run([sys.executable, "-c", "import sys, generator.archive.pipeline; print(*(m.__file__ for n, m in "
                             "sys.modules.items() if n.startswith('generator') and getattr(m, '__file__', None)))"],
                            capture_output=True, text=True, check=True, cwd=ROOT).stdout.split()
    assert {Path(f).resolve().relative_to(cache.PACKAGE).as_posix() for f in loaded} <= names


def test_the_site_is_built_from_the_docs_folder_given(tmp_path):
    """build --docs X --site Y renders X, not the folder mkdocs.yml names."""
    from generator.cli import main

    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    other = tmp_path / "other-docs"
    shutil.copytree(project / "docs", other)
    (project / "ids.jsonl").write_bytes((PAGES.parent / "ids.jsonl").read_bytes())
    assert main(["build", "--input", str(PAGES), "--docs", str(other), "--registry", str(project / "ids.jsonl"),
                 "--config", str(project / "mkdocs.yml"), "--site", str(tmp_path / "out"), "--no-cache"]) == 0
    assert not (project / "docs" / "articles").exists() and (other / "articles").is_dir()
    built = {p.parent.name for p in (tmp_path / "out" / "articles").glob("*/index.html")}
    assert built == {p.stem for p in (other / "articles").glob("*.md")} and built


def test_the_downloads_are_compressed_and_hold_every_article(built_site, archive):
    """data/articles.jsonl.gz and .csv.gz on the site (linked from the home page): gzip, one
    record a line for every article, the CSV with its byte order mark (Excel on Chinese Windows)."""
    import csv
    import gzip
    import io
    import json

    data = built_site / "site" / "data"
    assert sorted(p.name for p in data.iterdir()) == ["articles.csv.gz", "articles.jsonl.gz"]
    records = [json.loads(line) for line in gzip.decompress((data / "articles.jsonl.gz").read_bytes()).splitlines()]
    assert sorted(r["id"] for r in records) == sorted(a.id for a in archive.articles)
    text = gzip.decompress((data / "articles.csv.gz").read_bytes()).decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert text.startswith("\ufeff") and len(rows) == len(records)
    # where and when each was printed, and its text: what a researcher counts and quotes
    by_id = {a.id: a for a in archive.articles}
    for record, row in zip(records, rows):
        a = by_id[record["id"]]
        assert record["text"] == row["text"] == "\n".join(p["text"] for p in a.paragraphs) and a.paragraphs[0]["text"] in record["text"]
        assert (record["newspaper"], record["publication_date"], record["page_label"]) == (a.newspaper, a.publication_date, a.page_label)
        assert row["publication_date"] == (a.publication_date or "")
    home = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    assert "data/articles.jsonl.gz" in home and "data/articles.csv.gz" in home


def test_each_article_page_describes_itself_by_its_lead(built_site, archive):
    """<meta name=description>: the article's opening words (what a search result shows), not the
    site's one line on every page."""
    described = {}
    for a in archive.articles:
        tree = parsed(built_site / "site" / "articles" / a.id / "index.html")
        (meta,) = tree.xpath('//meta[@name="description"]')
        described[a.id] = meta.get("content")
        lead = " ".join(next((p["text"] for p in a.paragraphs if p["role"] == "text"), a.title).split())
        assert described[a.id].rstrip("…") == lead[:len(described[a.id].rstrip("…"))] and len(described[a.id]) <= 120
    assert len(set(described.values())) == len(described)


def test_the_csv_download_opens_in_excel_on_chinese_windows():
    from generator.index import feeds

    assert feeds.csv_text([]).startswith("\ufeff")


def test_the_sitemap_dates_an_article_by_the_day_it_entered_the_archive(built_site, archive):
    """lastmod: an article's day in the id registry; no other page has one (a build's day would
    say each page changed every day)."""
    import json
    from xml.etree import ElementTree

    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    root = ElementTree.parse(built_site / "site" / "sitemap.xml").getroot()
    dated = {u.findtext(f"{ns}loc"): u.findtext(f"{ns}lastmod") for u in root.iter(f"{ns}url")}
    registry = {e["id"]: e["added"] for e in map(json.loads, (built_site / "ids.jsonl").read_text().splitlines())}
    articles = {loc: day for loc, day in dated.items() if "/articles/" in loc}
    assert len(articles) == len(archive.articles)
    assert all(day == registry[loc.rstrip("/").rsplit("/", 1)[1]] for loc, day in articles.items())
    assert not any(day for loc, day in dated.items() if "/articles/" not in loc)


def test_a_sitemap_past_the_protocols_limit_becomes_an_index_of_parts(tmp_path, monkeypatch, built_site):
    """Past MAX_URLS (50,000 in the protocol) sitemap.xml is an index of parts, each within the
    limit, which list every URL MkDocs listed, in its order; sitemap.xml.gz is the index too. Split
    again smaller, the parts of the larger split that are not made again are gone; a sitemap within
    the limit is left as MkDocs wrote it."""
    import gzip

    from generator.site import sitemaps

    site = tmp_path / "site"
    site.mkdir()
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        shutil.copy(built_site / "site" / name, site / name)
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = lambda text: [e.text for e in ElementTree.fromstring(text).iter(f"{ns}loc")]
    listed = locs((site / "sitemap.xml").read_bytes())
    assert len(listed) > 30
    monkeypatch.setattr(sitemaps, "MAX_URLS", len(listed))
    assert sitemaps.split(site, "https://example.org/archive/") == 0
    assert (site / "sitemap.xml").read_bytes() == (built_site / "site" / "sitemap.xml").read_bytes()

    monkeypatch.setattr(sitemaps, "MAX_URLS", 10)
    parts = -(-len(listed) // 10)
    assert sitemaps.split(site, "https://example.org/archive/") == parts
    index_text = (site / "sitemap.xml").read_bytes()
    assert ElementTree.fromstring(index_text).tag == f"{ns}sitemapindex"
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()) == index_text
    names = [loc.removeprefix("https://example.org/archive/") for loc in locs(index_text)]
    assert names == [f"sitemap-{n}.xml" for n in range(1, parts + 1)]
    in_parts = [locs((site / name).read_bytes()) for name in names]
    assert all(len(p) <= 10 for p in in_parts) and sum(in_parts, []) == listed

    shutil.copy(built_site / "site" / "sitemap.xml", site / "sitemap.xml")
    monkeypatch.setattr(sitemaps, "MAX_URLS", len(listed) - 1)
    assert sitemaps.split(site, "https://example.org/archive/") == 2
    assert sorted(p.name for p in site.glob("sitemap-*.xml")) == ["sitemap-1.xml", "sitemap-2.xml"]


def test_the_home_page_names_the_archive_once(built_site):
    home = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<title>([^<]*)</title>", home).group(1) == "地方报纸档案"
    article = next((built_site / "site" / "articles").glob("*/index.html")).read_text(encoding="utf-8")
    assert re.search(r"<title>([^<]*)</title>", article).group(1).endswith(" - 地方报纸档案")


def test_no_developers_page_in_the_readers_site(built_site):
    assert not (built_site / "site" / "benchmarks").exists()
    home = (built_site / "site" / "index.html").read_text(encoding="utf-8")
    assert "Benchmarks" not in home and "benchmarks" not in home


def test_the_404_page_and_the_footer_speak_chinese(built_site):
    """The page GitHub Pages serves for a wrong address says so in Chinese and leads home; no
    page carries Material's English credit line."""
    missing = (built_site / "site" / "404.html").read_text(encoding="utf-8")
    assert "页面未找到" in missing and "Not found" not in missing
    assert [h for h in parsed(built_site / "site" / "404.html").xpath('//a[text()="回到首页"]/@href')
            if re.fullmatch(r"https?://\S+/", h)]
    pages = list((built_site / "site").rglob("*.html"))
    assert pages and not [p for p in pages if "Made with" in p.read_text(encoding="utf-8")]


def test_a_photo_caption_points_at_no_missing_photo_and_headings_keep_their_order(built_site, archive):
    photos = [a for a in archive.articles if a.kind == "photo" and CAPTION_MARK.match(a.paragraphs[0]["text"])]
    assert photos  # the sample has captions printed with an arrow at their photo
    for a in photos:
        shown = parsed(built_site / "site" / "articles" / a.id / "index.html")
        assert not CAPTION_MARK.match(shown.xpath('string(//*[@id="p1"])').strip())
    subheaded = [a for a in archive.articles if any(p["role"] == "subheading" for p in a.paragraphs)]
    assert subheaded  # the sample has a story with sub-headings (完善机制建平台 …)
    for a in subheaded:
        shown = parsed(built_site / "site" / "articles" / a.id / "index.html")
        assert shown.xpath('//h2[@class="subheading"]') and not shown.xpath('//*[@class="md-content"]//h3')


def test_feeds_are_linked_where_readers_look_and_every_entry_has_an_author(built_site, archive):
    site = built_site / "site"
    urls = index.Urls(archive.articles)
    district = sorted({a.district_label for a in archive.articles if a.district})[0]
    for page in (site / "index.html", site / urls.district(district).removesuffix(".md") / "index.html"):
        # feed readers look for the token 'alternate' in rel, as HTML defines it (rel="alternate feed")
        found = parsed(page).xpath('//link[contains(concat(" ", normalize-space(@rel), " "), " alternate ")]'
                                   '[@type="application/atom+xml"][@title]/@href')
        assert found, page
        feed = (page.parent / found[0]).resolve()
        assert feed.is_file() and feed.suffix == ".xml", feed
        root = ElementTree.parse(feed).getroot()
        atom = "{http://www.w3.org/2005/Atom}"
        feed_author = root.find(f"{atom}author/{atom}name")
        assert feed_author is not None and feed_author.text  # RFC 4287 §4.1.1: entries without one inherit it
        assert root.findall(f"{atom}entry")


def test_feed_dates_say_only_what_is_known(built_site, archive):
    """An entry is `updated` on the day its article entered the archive (the id registry's `added`),
    and `published` on the article's day only where that day is known: a year is not 1 January."""
    from generator.archive import registry

    added = {ident: entry["added"] for ident, entry in registry.load(built_site / "ids.jsonl").items()}
    by_id = {a.id: a for a in archive.articles}
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ElementTree.parse(built_site / "site" / "feeds" / "all.xml").getroot().findall(f"{atom}entry")
    precisions = set()
    for entry in entries:
        article = by_id[entry.find(f"{atom}id").text.rstrip("/").rsplit("/", 1)[1]]
        precisions.add(article.date_precision)
        assert entry.find(f"{atom}updated").text == f"{added[article.id]}T00:00:00+00:00"
        published = entry.find(f"{atom}published")
        if article.date_precision == "day":
            assert published.text == f"{article.date}T00:00:00+00:00"
        else:
            assert published is None
    assert precisions >= {"day", "year"}


def test_a_deployment_build_refuses_the_placeholder_site_url(tmp_path, monkeypatch, capsys):
    from generator.cli import main
    from generator.site.build import PLACEHOLDER_URL

    project = make_project(tmp_path)
    monkeypatch.delenv("SITE_URL", raising=False)
    args = ["build", "--deploy", "--no-mkdocs", "--input", str(PAGES), "--docs", str(project / "docs"),
            "--config", str(project / "mkdocs.yml"), "--registry", str(project / "ids.jsonl")]
    assert main(args) == 2
    assert "SITE_URL" in capsys.readouterr().err and not (project / "docs" / "articles").exists()
    monkeypatch.setenv("SITE_URL", "https://news.example.org/archive/")
    shutil.copy(PAGES.parent / "ids.jsonl", project / "ids.jsonl")
    assert main(args) == 0
    assert PLACEHOLDER_URL not in (project / "docs" / "feeds" / "all.xml").read_text(encoding="utf-8")


def test_every_build_says_its_size_and_a_deployment_past_what_pages_takes_stops(tmp_path, monkeypatch, capsys):
    """The size, files and rate an article on every build; with --deploy, a warning past GitHub
    Pages' supported size and a stop (exit 2) past what it will deploy."""
    from generator.cli import main
    from generator.site import size

    project = make_project(tmp_path)
    shutil.copy(PAGES.parent / "ids.jsonl", project / "ids.jsonl")
    monkeypatch.setenv("SITE_URL", "https://news.example.org/archive/")
    args = ["build", "--deploy", "--input", str(PAGES), "--docs", str(project / "docs"), "--site", str(project / "site"),
            "--config", str(project / "mkdocs.yml"), "--registry", str(project / "ids.jsonl"), "--no-cache"]
    assert main(args) == 0
    said = " ".join(capsys.readouterr().err.split())
    measured = size.measure(project / "site")
    assert size.report(measured, 32) in said and "32 articles" in said and "may fail" not in said
    monkeypatch.setattr(size, "PAGES_SUPPORTED", measured.bytes // 2)
    assert main(args) == 0 and "may fail or time out" in " ".join(capsys.readouterr().err.split())
    monkeypatch.setattr(size, "PAGES_REFUSED", measured.bytes // 2)
    assert main(args) == 2 and "will not deploy" in " ".join(capsys.readouterr().err.split())
    # a site built in shards is weighed whole, where they are merged
    merge = ["merge", str(project / "site"), "--site", str(tmp_path / "merged")]
    assert main(merge) == 0 and main(merge + ["--deploy"]) == 2


def test_serve_builds_serves_and_rebuilds_when_a_page_changes(tmp_path, archive):
    """`python -m generator serve`: the site is served at once, and an edit to a page is on the
    served article page after the rebuild it sets off."""
    import subprocess
    import sys
    import time
    import urllib.request

    project = make_project(tmp_path)
    pages = shutil.copytree(PAGES, tmp_path / "pages")
    shutil.copy(ROOT / "archive" / "ids.jsonl", tmp_path / "ids.jsonl")
    article = next(a for a in archive.articles if a.body_lines[-1][1] > a.body_lines[0][0] + 2)
    proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--input", str(pages), "--docs", str(project / "docs"),
                             "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"),
                             "--registry", str(tmp_path / "ids.jsonl"), "--cache", str(tmp_path / "cache"), "--port", "0"],
                            cwd=ROOT, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        url = None
        while url is None:
            line = proc.stderr.readline()
            assert line, "serve ended before serving"
            found = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
            url = found and found.group(1)
        page_url = f"{url}articles/{article.id}/"
        assert "地方报纸档案" in urllib.request.urlopen(url).read().decode("utf-8")
        source = pages / article.source
        lines = source.read_text(encoding="utf-8").split("\n")
        last = article.body_lines[-1][1]  # a line inside the article, not its opening (the id stays)
        lines[last - 1] = lines[last - 1] + "校验标记"
        source.write_text("\n".join(lines), encoding="utf-8")
        deadline = time.monotonic() + 180
        while "校验标记" not in urllib.request.urlopen(page_url).read().decode("utf-8"):
            assert time.monotonic() < deadline, "the edit never reached the served page"
            time.sleep(1)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_chart_shows_rows_of_the_busiest_series_and_the_rest_as_one(archive, monkeypatch):
    """Past ROWS series a chart gives the rest one row, 其他, counted whole; each row's tallest bar
    is its busiest month; articles dated to the year only are not drawn."""
    from generator.index import charts

    monkeypatch.setattr(charts, "ROWS", 2)
    by_district = Counter(a.district_label for a in archive.articles if charts.month_of(a))
    series = [(d, [a for a in archive.articles if a.district_label == d]) for d, _ in by_district.most_common()]
    assert len(series) > 2
    figure = parsed_fragment(charts.chart("各地区", series, charts.span(archive.articles)))
    labels = [row.xpath("string(.//span[@class='coverage-label']/text())") for row in figure.iterfind(".//div[@class='coverage-row']")]
    assert labels == [series[0][0], series[1][0], "其他"]
    totals = [int(s.text) for s in figure.iterfind(".//span[@class='coverage-label']/small")]
    assert totals == [by_district[series[0][0]], by_district[series[1][0]], sum(by_district.values()) - totals[0] - totals[1]]
    for path in figure.iterfind(".//path"):
        assert max(float(h) for h in re.findall(r"v-([\d.]+)", path.get("d"))) == charts.HEIGHT
    assert charts.chart("无", [("x", [a for a in archive.articles if not charts.month_of(a)])], charts.span(archive.articles)) == ""


def parsed_fragment(html_text):
    from lxml import html as lxml_html

    return lxml_html.fragment_fromstring(str(html_text))


def test_related_articles_share_what_their_reason_says(archive, monkeypatch):
    """Each related article is another article, at most SHOWN of them; every term its reason
    names is a person, an organisation or a keyword of both articles, and none is in more than
    the common share of the archive; one word alone in common makes no kinship. With no common
    floor, a term every article has relates nothing."""
    from generator.index import related

    found = related.related(archive.articles)
    by_id = {a.id: a for a in archive.articles}
    assert len(found) > len(archive.articles) / 2
    kinds = {label: kind for kind, label in related.KINDS}
    for ident, items in found.items():
        assert 0 < len(items) <= related.SHOWN and ident not in {r.id for r in items}
        assert len({r.id for r in items}) == len(items)
        for r in items:
            reasons = [part.split("：") for part in r.why.split("；")]
            named = [(kinds[label], term) for label, terms in reasons for term in terms.split("、")]
            assert len(named) > 1 or named[0][0] != "words", r
            for term in named:
                assert term in related.terms(by_id[ident]) and term in related.terms(by_id[r.id]), (ident, r)
    assert related.related(archive.articles) == found  # deterministic

    monkeypatch.setattr(related, "COMMON_FLOOR", 0)
    monkeypatch.setattr(related, "COMMON_SHARE", 0.5)
    everyone = [dataclasses.replace(a, persons=["王共同"], organizations=[], keywords=[]) for a in archive.articles[:4]]
    assert related.related(everyone) == {}
    monkeypatch.setattr(related, "COMMON_SHARE", 1.0)
    three = everyone[:3] + [dataclasses.replace(everyone[3], persons=["李其他"])]
    close = related.related(three)
    assert sorted(close) == sorted(a.id for a in three[:3])
    assert all(len(items) == 2 and all(r.why == "共同人物：王共同" for r in items) for items in close.values())


JUMP_FROM = """全区经济运行稳中向好

本报讯（记者 张华）今年以来，金水区坚持稳中求进工作总基调，经济运行稳中向好。
前三季度，全区地区生产总值同比增长6.5%，规模以上工业增加值增长7.2%。（下转第2版）
"""
JUMP_TO = """（上接第1版）社会消费品零售总额增长5.1%，一般公共预算收入增长8.3%。
下一步，该区将持续抓好项目建设，确保全年目标任务圆满完成。

金水区召开安全生产会议

本报讯 10月19日，金水区召开安全生产会议。
"""


def test_a_story_continued_on_another_page_links_to_its_continuation(tmp_path):
    """'（下转第2版）' and, on page 2 of the same issue, '（上接第1版）…': each is the other's first
    related article, and the continuation (no headline of its own) is titled by its story."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, text, page in (("a.txt", JUMP_FROM, 1), ("b.txt", JUMP_TO, 2)):
        (pages / name).write_text(text, encoding="utf-8")
        (pages / name).with_suffix(".yaml").write_text(f"date: 2024-10-20\npage: '{page}'\nnewspaper: 金水报\n", encoding="utf-8")
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    assert build(project, pages, mkdocs=False) == 0
    story, piece, other = pipeline.load(pages, workers=1).articles
    assert (piece.title, other.title) == ("全区经济运行稳中向好（续）", "金水区召开安全生产会议")
    docs = project / "docs" / "articles"
    story_page = (docs / f"{story.id}.md").read_text(encoding="utf-8")
    piece_page = (docs / f"{piece.id}.md").read_text(encoding="utf-8")
    assert re.search(rf"## 相关报道.*\n\n- \[全区经济运行稳中向好（续）\]\([^)]*{piece.id}[^)]*\) — 下转第2版", story_page, re.S)
    assert re.search(rf"## 相关报道.*\n\n- \[全区经济运行稳中向好\]\([^)]*{story.id}[^)]*\) — 上接第1版", piece_page, re.S)
    other_page = (docs / f"{other.id}.md").read_text(encoding="utf-8")
    assert "— 下转" not in other_page and "— 上接" not in other_page
