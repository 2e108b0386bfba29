"""The offline copy: unzip it, open it from file:// with the network cut off, and use it."""
import re
import zipfile

import pytest

from generator.site import build as site, linkcheck, offline
from generator.search import index as search

from conftest import ROOT, block_network, make_project, nu_errors, parsed


@pytest.fixture(scope="module")
def both_builds(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("offline"))
    from generator.cli import main

    code = main(["build", "--with-offline", "--input", str(ROOT / "archive" / "pages"),
                 "--docs", str(project / "docs"), "--config", str(project / "mkdocs.yml"),
                 "--site", str(project / "site"), "--offline-site", str(project / "site-offline"),
                 "--zip", str(project / "dist" / "archive-offline.zip"), "--registry", str(project / "ids.jsonl"),
                 "--cache", str(project / "cache")])
    assert code == 0
    return project


def test_zip_is_published_in_the_site_and_linked(both_builds):
    """The home page links the zip relatively (on Pages, on a local server, under any site_url);
    the offline copy's home page links the online one, which it does not hold."""
    published = both_builds / "site" / offline.PUBLISHED
    assert published.read_bytes() == (both_builds / "dist" / "archive-offline.zip").read_bytes()
    link = '//a[contains(@class, "offline-copy")]/@href'
    assert parsed(both_builds / "site" / "index.html").xpath(link) == [offline.PUBLISHED]
    online = site.site_url(both_builds / "mkdocs.yml") + offline.PUBLISHED
    assert parsed(both_builds / "site-offline" / "index.html").xpath(link) == [online]


def test_the_nu_html_checker_finds_no_error(both_builds):
    """The Nu HTML Checker on every page of the site and of the offline copy: no error, Material's
    markup included."""
    pages, errors = nu_errors([both_builds / "site", both_builds / "site-offline"])
    assert pages > 200
    assert errors == []


def test_the_offline_copy_can_be_published_beside_the_site(tmp_path, capsys):
    """With --offline-url (a release asset: GitHub Pages publishes no site over 1 GB) the home page
    links the zip there and the site does not carry it; an address that is no http(s) URL is refused."""
    from generator.cli import main

    project = make_project(tmp_path)
    url = "https://github.com/o/r/releases/download/offline-copy/archive-offline.zip"
    args = ["build", "--with-offline", "--input", str(ROOT / "archive" / "pages"), "--docs", str(project / "docs"),
            "--config", str(project / "mkdocs.yml"), "--site", str(project / "site"),
            "--offline-site", str(project / "site-offline"), "--zip", str(project / "dist" / "archive-offline.zip"),
            "--registry", str(project / "ids.jsonl"), "--cache", str(project / "cache")]
    assert main(args + ["--offline-url", "javascript:alert(1)"]) == 2 and "not an http(s) address" in capsys.readouterr().err
    assert main(args + ["--offline-url", url]) == 0
    assert url in parsed(project / "site" / "index.html").xpath("//a/@href")
    assert not (project / "site" / offline.PUBLISHED).exists() and (project / "dist" / "archive-offline.zip").is_file()


@pytest.mark.parametrize("folder, from_disk", [("site", False), ("site-offline", True)])
def test_no_broken_internal_links(both_builds, folder, from_disk):
    report = linkcheck.check(both_builds / folder, offline=from_disk)
    assert report.pages > 50 and report.links > 1000
    assert report.broken == []
    if from_disk:
        assert report.external_loads == []


def test_the_offline_copy_names_the_online_pages_canonical(both_builds):
    """Each page of the copy (file links: articles/x.html) names as canonical the address the
    same page has online (articles/x/), never one that exists nowhere; it has no 404 page, which
    only a server sends."""
    def canonical(path):
        found = parsed(path).xpath('//link[@rel="canonical"]/@href')
        return found[0] if found else None

    online, copy = both_builds / "site", both_builds / "site-offline"
    pairs = [(p, online / p.relative_to(copy).with_suffix("") / "index.html") for p in copy.rglob("*.html")
             if p.name not in ("index.html", "404.html")]
    pairs += [(p, online / p.relative_to(copy)) for p in copy.rglob("index.html")]
    pairs = [(a, b) for a, b in pairs if b.exists() and canonical(b)]
    assert len(pairs) > 50
    assert all(canonical(a) == canonical(b) for a, b in pairs), [(a, canonical(a), canonical(b)) for a, b in pairs
                                                                 if canonical(a) != canonical(b)][:3]
    assert not (copy / "404.html").exists()  # no server sends it from disk; its links were the disk root's


def test_link_checker_finds_a_broken_link(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html">b</a><a href="c/">c</a><script src="https://x.org/y.js"></script>')
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "index.html").write_text("")
    report = linkcheck.check(tmp_path, offline=True)
    assert report.broken == [("a.html", "b.html"), ("a.html", "c/")]
    assert report.external_loads == [("a.html", "https://x.org/y.js")]


def test_offline_copy_works_from_disk_with_no_network(both_builds, tmp_path, page, archive):
    with zipfile.ZipFile(both_builds / "dist" / "archive-offline.zip") as z:
        z.extractall(tmp_path)
    home = tmp_path / offline.FOLDER / "index.html"
    attempts = block_network(page)
    page.goto(home.as_uri())
    assert "地方报纸档案" in page.title()

    page.locator("article a[href*='articles/']").first.click()  # newest article
    page.wait_for_load_state()
    assert page.url.endswith(".html") and page.locator("header.headline h1").count() == 1
    page.locator(".article-meta a[href*='districts/']").first.click()
    page.wait_for_load_state()
    assert re.search(r"districts/[a-z0-9-]+\.html$", page.url) and "地区：" in page.locator("h1").inner_text()

    page.goto(home.as_uri())
    page.locator(".md-tabs a", has_text="人物").click()
    page.locator("article table a").first.click()
    page.wait_for_load_state()
    assert "人物：" in page.locator("h1").inner_text()

    page.fill("form.archive-search-box input", "党工委")
    page.press("form.archive-search-box input", "Enter")
    page.wait_for_selector(".archive-search[data-state=done] .archive-search__hit")
    assert page.locator(".archive-search").get_attribute("data-count") == str(len(search.truth(archive.articles, "党工委")))
    page.locator(".archive-search__hit a").first.click()
    page.wait_for_load_state()
    assert "articles/" in page.url and page.url.endswith(".html")
    assert attempts == []


def test_workflows_pass_actionlint():
    import subprocess

    result = subprocess.run(["actionlint", *sorted(map(str, (ROOT / ".github" / "workflows").glob("*.yml")))],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_on_this_day_and_the_charts_work_from_disk(both_builds, tmp_path, page, archive):
    """The offline copy's home page picks the day's articles of earlier years from disk (scripts,
    not fetch) and draws its coverage charts, with the network cut off."""
    with zipfile.ZipFile(both_builds / "dist" / "archive-offline.zip") as z:
        z.extractall(tmp_path)
    attempts = block_network(page)
    a = next(a for a in archive.articles if a.date and len(a.date) == 10 and a.year)
    page.clock.set_fixed_time(f"{a.year + 1}{a.date[4:]}T09:00:00")
    page.goto((tmp_path / offline.FOLDER / "index.html").as_uri())
    page.wait_for_selector(".on-this-day[data-state=done]", state="attached")
    links = page.locator(".on-this-day li a")
    assert any(href.endswith(f"articles/{a.id}.html") for href in [x.get_attribute("href") for x in links.all()])
    assert page.locator("figure.coverage .coverage-row svg").count() >= 1
    assert attempts == []
