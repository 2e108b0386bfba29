"""Browse and cite, in a real browser (Debian's chromium through Playwright) against the
built site served on 127.0.0.1."""
import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from generator.archive import pipeline
from generator.index import listings as index
from generator.render import markdown as render
from generator.site import build as site

from conftest import PAGES, REALPAGES, SCREENSHOTS, build, make_project, nu_errors, parsed, realpages_metadata, serve


def find(archive, predicate):
    return next(a for a in archive.articles if predicate(a))


@pytest.fixture(scope="module")
def urls(archive):
    return index.Urls(archive.articles)


def url_of(server, path):
    return server + path.removesuffix(".md").removesuffix("index") + ("/" if not path.endswith("index.md") else "")


def test_article_page_headline_credits_and_cite_box(page, server, archive, urls, built_site):
    article = find(archive, lambda a: a.kicker and a.reporters)
    page.goto(url_of(server, urls.article(article)))
    assert page.locator("header.headline h1").inner_text() == article.title
    assert page.locator("header.headline .kicker").inner_text() == article.kicker
    meta = page.locator(".article-meta").inner_text()
    assert all(name in meta for name in article.reporters) and article.district_label in meta
    box = page.locator(".admonition.quote")
    assert "引用本文" in box.inner_text()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "article.png", full_page=True)

    permalink = site.site_url(built_site / "mkdocs.yml").rstrip("/") + f"/articles/{article.id}/"
    copied = []
    for k in range(3):
        box.locator("button[data-md-type=copy]").nth(k).click()
        copied.append(page.evaluate("navigator.clipboard.readText()").strip())
    today = page.evaluate("(() => { const d = new Date(); return d.getFullYear() + '-' + "
                          "String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); })()")
    online = render.citation(article, permalink)
    assert copied == [permalink, render.citation(article), online.replace(render.ACCESS_DATE, f"[{today}]")]
    assert copied[1].startswith(f"{article.reporters[0]}. {article.title}[N]. ")
    assert f"{article.title}[N/OL]. " in copied[2] and copied[2].endswith(f"[{today}]. {permalink}.")


def test_without_javascript_the_cite_box_says_what_to_put_for_the_access_date(browser, server, archive, urls):
    """The reader's today cannot be written into a static page: with scripts off, the cite box
    says to put it in place of [引用日期]; with them on, it is there and the note is not."""
    article = archive.articles[0]
    context = browser.new_context(java_script_enabled=False)
    try:
        off = context.new_page()
        off.goto(url_of(server, urls.article(article)))
        box = off.locator(".admonition.quote").inner_text()
        assert render.ACCESS_DATE in box and "访问本页的日期" in box
    finally:
        context.close()


def expected_ris(article, url: str, today: str) -> list[str]:
    """The article's RIS record (TY NEWS), as the cite box's download must hold it: made here from
    the article's own fields, apart from cite.js, which makes it from the page's CSL-JSON."""
    date = article.publication_date
    fields = [("TY", "NEWS"), ("TI", render.cited_title(article)), *[("AU", n) for n in render.responsible(article)],
              ("T2", article.newspaper), ("DA", date.replace("-", "/") if date else None),
              ("PY", date[:4] if date else str(article.year) if article.year else None), ("SP", article.page_label),
              ("LA", "zh-CN"), ("UR", url), ("ID", article.id), ("Y2", today.replace("-", "/")), ("ER", "")]
    return [f"{tag}  - {value}" for tag, value in fields if value is not None] + [""]


def downloaded_citations(page, url: str) -> tuple[list[str], list, str, str]:
    """The cite box's RIS lines and CSL-JSON records, the RIS file's name and the reader's today."""
    page.goto(url)
    today = page.evaluate("new Date().toLocaleDateString('sv')")  # YYYY-MM-DD
    box = page.locator(".admonition.quote .cite-downloads")
    with page.expect_download() as ris_file:
        box.get_by_role("link", name="RIS", exact=False).click()
    ris = Path(ris_file.value.path()).read_bytes().decode("utf-8").split("\r\n")  # RIS lines end in CR LF
    with page.expect_download() as csl_file:
        box.get_by_role("link", name="CSL-JSON").click()
    return ris, json.loads(Path(csl_file.value.path()).read_text(encoding="utf-8")), ris_file.value.suggested_filename, today


def test_citation_managers_read_the_page_and_download_its_record(page, server, archive, urls, built_site):
    """Zotero's connector and Google Scholar read the citation_* tags; the cite box offers the same
    record as RIS (TY NEWS: a newspaper article) and CSL-JSON, accessed today."""
    article = find(archive, lambda a: a.reporters and a.correspondents)
    permalink = site.site_url(built_site / "mkdocs.yml").rstrip("/") + f"/articles/{article.id}/"
    page.goto(url_of(server, urls.article(article)))
    tags = page.eval_on_selector_all('meta[name^="citation_"]', "els => els.map(e => [e.name, e.content])")
    assert ["citation_title", article.title] in tags and ["citation_public_url", permalink] in tags
    assert [c for n, c in tags if n == "citation_author"] == article.reporters + article.correspondents
    ris, csl, name, today = downloaded_citations(page, url_of(server, urls.article(article)))
    assert ris == expected_ris(article, permalink, today) and name == f"{article.id}.ris"
    assert [line[6:] for line in ris if line.startswith("AU  - ")] == article.reporters + article.correspondents
    accessed = {"accessed": {"date-parts": [[int(x) for x in today.split("-")]]}}
    assert csl == [render.csl_item(article, permalink) | accessed]


@pytest.mark.skipif(not (REALPAGES / "gold").is_dir(), reason="../shared/realpages is absent")
def test_a_real_papers_article_is_cited_with_its_paper_day_and_page(page, real_site):
    """With the archive's metadata the record names the paper (T2), the day printed (DA, PY) and
    the 版次 (SP)."""
    project, archive = real_site
    article = next(a for a in archive.articles if a.newspaper and a.publication_date and a.page_label and a.reporters)
    permalink = site.site_url(project / "mkdocs.yml").rstrip("/") + f"/articles/{article.id}/"
    ris, csl, _, today = downloaded_citations(page, (project / "site" / "articles" / article.id / "index.html").as_uri())
    assert ris == expected_ris(article, permalink, today)
    assert {"T2  - 人民日报", f"SP  - {article.page_label}", f"DA  - {article.publication_date.replace('-', '/')}"} <= set(ris)
    assert csl[0]["container-title"] == "人民日报"


def test_every_navigation_landmark_on_an_article_page_is_named(page, server, archive, urls):
    """A screen reader lists a page's landmarks by name: no unnamed nav (Material's code blocks'
    copy buttons, added as the page runs, stand in plain groups)."""
    page.goto(url_of(server, urls.article(archive.articles[0])))
    page.wait_for_selector(".admonition.quote .md-code__nav", state="attached")
    unnamed = page.evaluate("""Array.from(document.querySelectorAll('nav'))
        .filter(n => !['none', 'presentation'].includes(n.getAttribute('role')) && !n.getAttribute('aria-label'))
        .map(n => n.className)""")
    assert not unnamed, unnamed


def test_on_a_phone_tables_fit_the_header_names_the_site_and_the_cite_box_clears_its_buttons(browser, server, archive, urls):
    """At 390 px: the districts' and reporters' tables show every column without scrolling inside
    their box, the header shows the site's name whole, and no copy button covers cite box text."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    try:
        phone = context.new_page()
        for path in ("districts/", "reporters/"):
            phone.goto(server + path)
            boxes = phone.evaluate("Array.from(document.querySelectorAll('article table')).map(t => "
                                   "(b => [b.scrollWidth, b.clientWidth])(t.closest('.md-typeset__scrollwrap') || t.parentElement))")
            assert boxes and all(scroll <= width for scroll, width in boxes), (path, boxes)
            title = phone.evaluate("(() => { const e = document.querySelector('.md-header__topic .md-ellipsis'); "
                                   "return [e.scrollWidth, e.clientWidth]; })()")
            assert title[0] <= title[1], title
        phone.goto(url_of(server, urls.article(archive.articles[0])))
        phone.wait_for_selector(".admonition.quote .md-code__nav button", state="attached")
        covered = phone.evaluate("""Array.from(document.querySelectorAll('.admonition.quote pre')).some(pre => {
            const button = pre.parentElement.querySelector('.md-code__nav button') || pre.querySelector('button');
            if (!button) return false;
            const b = button.getBoundingClientRect(), range = document.createRange();
            range.selectNodeContents(pre.querySelector('code'));
            return Array.from(range.getClientRects()).some(r => r.width && r.right > b.left && r.left < b.right
                                                           && r.bottom > b.top && r.top < b.bottom);
        })""")
        assert not covered
    finally:
        context.close()


@pytest.mark.parametrize("scripts", [True, False])
def test_on_a_phone_an_article_page_navigates_as_the_navigation_pages_do(browser, server, archive, urls, built_site, scripts):
    """An article page does not carry the navigation list twice (issue 32): its drawer is made from
    the tabs as it opens (assets/chrome.js), with the same links, in order, as a navigation page's
    own drawer; without scripts, the tabs show on the phone instead."""
    article = urls.article(archive.articles[0])
    markup = parsed(built_site / "site" / article.removesuffix(".md") / "index.html")
    assert not markup.xpath("//nav[contains(@class, 'md-nav--primary')]//a")
    assert len(markup.xpath("//a[contains(@class, 'md-tabs__link')]")) == 10
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN", java_script_enabled=scripts)
    try:
        phone = context.new_page()
        drawer = ".md-nav--primary .md-nav__link"
        if not scripts:
            phone.goto(url_of(server, article))
            assert phone.locator(".md-tabs").is_visible()
            return
        phone.goto(server + "districts/")
        expected = phone.eval_on_selector_all(drawer, "links => links.map(a => [a.textContent.trim(), a.href])")
        phone.goto(url_of(server, article))
        assert not phone.locator(".md-tabs").is_visible()
        phone.click("label.md-header__button[for=__drawer]")
        got = phone.eval_on_selector_all(drawer, "links => links.map(a => [a.textContent.trim(), a.href])")
        assert got == expected and len(got) == 10
        assert phone.locator(drawer).nth(9).is_visible() and phone.locator(".md-nav__title .md-logo").is_visible()
    finally:
        context.close()


def test_pages_ask_for_nothing_the_site_does_not_have(page, server, archive, urls):
    """No request of a page's own scripts ends in a 404: not Material's sitemap.xml beside the
    feed link (feeds/sitemap.xml), not 历史上的今天's days that have no articles."""
    failed = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(r.url))
    district = sorted({a.district_label for a in archive.articles if a.district})[0]
    for path in ("index.md", urls.district(district), urls.article(archive.articles[0]), "search/index.md"):
        page.goto(url_of(server, path))
        page.wait_for_load_state("networkidle")
    page.goto(server)
    page.wait_for_selector(".on-this-day[data-state=done]", state="attached")
    assert not failed, failed


def test_a_title_the_paper_did_not_print_is_cited_as_supplied(archive):
    """GB/T 7714: what the cataloguer supplies stands in brackets; a printed title does not."""
    derived = find(archive, lambda a: a.title_derived)
    printed = find(archive, lambda a: not a.title_derived and a.reporters)
    assert f"[{derived.title}][N]. " in render.citation(derived)
    assert f" {printed.title}[N]. " in " " + render.citation(printed)


def test_paragraph_anchor_scrolls_to_the_third_paragraph(page, server, archive, urls):
    article = find(archive, lambda a: len([p for p in a.paragraphs if p["role"] == "text"]) >= 5)
    page.goto(url_of(server, urls.article(article)) + "#p3")
    third = page.locator("#p3")
    assert third.inner_text().startswith(article.paragraphs[2]["text"][:20])
    box = third.bounding_box()
    assert 0 <= box["y"] < 900 / 2  # scrolled to, near the top
    assert page.evaluate("window.scrollY") > 0
    third.hover()
    assert third.locator("a.anchor").get_attribute("href") == "#p3"


def listed_ids(page):
    return sorted(set(re.findall(r"articles/([0-9a-f-]+)/", " ".join(
        a.get_attribute("href") for a in page.locator("article a").all()))))


@pytest.mark.parametrize("kind", ["district", "topic", "credit", "person", "org", "year"])
def test_indexes_list_the_right_articles(page, server, archive, urls, kind):
    if kind == "district":
        name = max({a.district_label for a in archive.articles}, key=str)
        expected, path = [a for a in archive.articles if a.district_label == name], urls.district(name)
    elif kind == "topic":
        name = sorted({t for a in archive.articles for t in a.topics})[0]
        expected, path = [a for a in archive.articles if name in a.topics], urls.topic(name)
    elif kind == "credit":
        name = "孙庆辉"
        expected = [a for a in archive.articles if name in a.reporters + a.correspondents + a.photographers]
        path = urls.credit(name)
    elif kind == "person":
        name = "王家鹏"
        expected, path = [a for a in archive.articles if name in a.persons], urls.person(name)
    elif kind == "org":  # one page for the body, whether the text names it in full or short (区党工委)
        name = "高新区党工委"
        expected = [a for a in archive.articles if name in map(a.body_page, a.organizations)]
        assert any(name not in a.organizations for a in expected)  # an article that names it short
        path = urls.org(name)
    else:
        name = 2020
        expected, path = [a for a in archive.articles if a.year == name], f"dates/{name}.md"
    page.goto(url_of(server, path))
    assert listed_ids(page) == sorted(a.id for a in expected)
    assert f"共 {len(expected)} 篇" in page.locator("article").inner_text()
    if kind == "person":
        assert "党工委书记、管委会主任" in page.locator("article").inner_text()  # the role the articles give
        timeline = page.locator("article h2", has_text="职务（据报道）").locator("xpath=following-sibling::ul[1]")
        assert re.fullmatch(r"\d{4}年\d+月\d+日—\d{4}年\d+月\d+日 \S*党工委书记、管委会主任（3 篇）",
                            timeline.inner_text().strip())  # and when, from the first report to the last
        page.screenshot(path=SCREENSHOTS / "person.png", full_page=True)
    if kind == "district":
        page.screenshot(path=SCREENSHOTS / "district.png", full_page=True)


def test_index_tables_count_right(page, server, archive):
    page.goto(server + "districts/")
    rows = {r.locator("td").nth(0).inner_text(): int(r.locator("td").nth(2).inner_text())
            for r in page.locator("article table tbody tr").all()}
    labels = [a.district_label for a in archive.articles]
    assert rows == {d: labels.count(d) for d in labels}
    page.goto(server + "dates/")
    years = {r.locator("td").nth(0).inner_text(): int(r.locator("td").nth(1).inner_text())
             for r in page.locator("article table tbody tr").all()}
    assert years == {f"{y}年": sum(a.year == y for a in archive.articles) for y in {a.year for a in archive.articles}}


def test_source_page_view_links_every_article(page, server, archive, urls):
    report = archive.pages[0]
    page.goto(url_of(server, urls.source(report.page.name)))
    assert listed_ids(page) == sorted(a.id for a in report.articles)
    first = report.articles[0]
    assert page.locator(f"#L{first.body_lines[0][0]}").count() == 1


def test_the_source_view_opens_at_the_article(page, server, archive, urls):
    """版面原文 on an article deep in its page leads to its first line, scrolled to and marked."""
    article = max(archive.articles, key=lambda a: a.body_lines[0][0])
    page.goto(url_of(server, urls.article(article)))
    page.locator("a", has_text="版面原文").first.click()
    start = min(r[0] for r in article.headline_lines + article.body_lines)
    page.wait_for_url(re.compile(f"#L{start}$"))
    assert page.evaluate("window.scrollY") > 0
    marked = page.locator(f"#L{start}").evaluate("e => getComputedStyle(e).boxShadow")
    assert marked != "none"


def test_json_ld_news_article(page, server, archive, urls):
    import json

    article = find(archive, lambda a: a.reporters and a.event_date)
    page.goto(url_of(server, urls.article(article)))
    data = json.loads(page.locator('script[type="application/ld+json"]').inner_text())
    assert data["@type"] == "NewsArticle" and data["headline"] == article.title
    assert [p["name"] for p in data["author"]] == article.reporters


@pytest.mark.parametrize("known", ["day", "year"])
def test_json_ld_never_says_a_date_more_exact_than_the_page(page, server, archive, urls, known):
    """A year alone is no day: it is the article's temporalCoverage, never a datePublished of
    1 January; a whole date is the day it reports on; it was printed on a day only a sidecar tells."""
    import json

    article = find(archive, lambda a: a.date and (len(a.date) == 10) == (known == "day"))
    page.goto(url_of(server, urls.article(article)))
    data = json.loads(page.locator('script[type="application/ld+json"]').inner_text())
    assert data.get("datePublished") == article.publication_date
    if known == "day":
        assert data["contentReferenceTime"] == article.date and "temporalCoverage" not in data
    else:
        assert data["temporalCoverage"] == article.date and "contentReferenceTime" not in data


@pytest.mark.parametrize("printed, published, coverage", [
    ("2021-06-07", "2021-06-07", None), ("2021-06", None, "2021-06"), ("2021", None, "2021")])
def test_json_ld_says_a_printed_day_only_where_the_metadata_gives_one(archive, printed, published, coverage):
    import dataclasses

    article = find(archive, lambda a: not (a.event_date and len(a.event_date) == 10))
    data = render.json_ld(dataclasses.replace(article, publication_date=printed), "https://x/")
    assert (data.get("datePublished"), data.get("temporalCoverage")) == (published, coverage)


def test_json_ld_names_the_issue_and_paper_it_is_part_of(archive):
    import dataclasses

    printed = dataclasses.replace(archive.articles[0], newspaper="郑州日报", publication_date="2021-06-07", page_label="A03")
    data = render.json_ld(printed, "https://x/")
    assert data["isPartOf"] == {"@type": "PublicationIssue", "datePublished": "2021-06-07",
                                "isPartOf": {"@type": "Periodical", "name": "郑州日报"}}
    assert data["printPage"] == "A03"
    assert "isPartOf" not in render.json_ld(dataclasses.replace(printed, newspaper=None), "https://x/")


def test_one_language_tag_in_the_page_its_json_ld_and_its_feed(built_site, archive, urls):
    """zh-CN in <html lang>, in the JSON-LD's inLanguage and in the Atom feed's xml:lang alike."""
    shown = parsed(built_site / "site" / "articles" / archive.articles[0].id / "index.html")
    data = json.loads(shown.xpath('string(//script[@type="application/ld+json"])'))
    feed = (built_site / "site" / "feeds" / "all.xml").read_text(encoding="utf-8")
    assert shown.get("lang") == data["inLanguage"] == "zh-CN" and 'xml:lang="zh-CN"' in feed
    assert parsed(built_site / "site" / "index.html").get("lang") == "zh-CN"


def test_an_old_url_redirects_to_the_article(tmp_path, archive, page):
    """An editor corrects the opening words of an article: its id changes, the old URL redirects."""
    pages = tmp_path / "pages"
    shutil.copytree(PAGES, pages)
    victim = find(archive, lambda a: a.source.startswith("002") and a.reporters)
    first = victim.body_lines[0][0]
    path = pages / victim.source
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[first - 1] = lines[first - 1].replace("本报讯", "本报讯 （更正）", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    project = make_project(tmp_path)
    assert build(project, pages) == 0
    registry = [json.loads(line) for line in (project / "ids.jsonl").read_text(encoding="utf-8").splitlines()]
    moved = [entry["redirect"] for entry in registry if "redirect" in entry]
    assert len(moved) == 1
    new_id = moved[0]
    assert new_id != victim.id
    left = parsed(project / "site" / "articles" / victim.id / "index.html")
    assert left.xpath('//meta[@name="robots"]/@content') == ["noindex"] and len(left.xpath('//link[@rel="canonical"]')) == 1
    # its canonical address is the article's new one, not the page left behind
    now = parsed(project / "site" / "articles" / new_id / "index.html")
    assert left.xpath('//link[@rel="canonical"]/@href') == now.xpath('//link[@rel="canonical"]/@href')
    assert now.xpath('//link[@rel="canonical"]/@href')[0].endswith(f"articles/{new_id}/")
    sitemap = (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert f"articles/{new_id}/" in sitemap and f"articles/{victim.id}/" not in sitemap
    with serve(project / "site") as url:
        page.goto(f"{url}articles/{victim.id}/#p2")
        page.wait_for_url(re.compile(f"articles/{new_id}/"))
        assert page.locator("header.headline h1").inner_text() == victim.title


@pytest.mark.parametrize("width", [390, 1280])
def test_dates_fit_the_screen_and_each_day_links_to_its_articles(page, server, archive, width):
    """The year table and a month's calendar fit a phone and a desktop (no column off-screen);
    a day with articles in the calendar leads to that day's articles, and to no other."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(server + "dates/")
    table = page.locator("article table").first
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth + 1")  # nothing scrolled out of sight
    box = table.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    year = max(a.year for a in archive.articles if a.year and any(b.year == a.year and b.date and len(b.date) == 10
                                                                for b in archive.articles))
    page.goto(server + f"dates/{year}/")
    calendar = page.locator(".calendar table").first
    box = calendar.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    assert calendar.locator("th").last.bounding_box()["x"] + 10 <= width  # 日, the last column, is on screen
    day = calendar.locator("a").first
    anchor = day.get_attribute("href")
    date = anchor.removeprefix("#d")
    expected = sorted(a.id for a in archive.articles if a.date == date)
    day.click()
    page.wait_for_url(re.compile(re.escape(anchor) + "$"))
    heading = page.locator(anchor)
    listed = heading.evaluate("h => [...h.nextElementSibling.querySelectorAll('a')].map(a => a.getAttribute('href'))")
    assert sorted(re.search(r"articles/([^/]+)/", h).group(1) for h in listed) == expected
    assert int(day.locator("sup").inner_text()) == len(expected)


def _pages_to_check(archive, urls):
    """A page of every kind the site has (a national paper's has no district page)."""
    article = max(archive.articles, key=lambda a: (len(a.persons), len(a.organizations), a.id))
    person = max({n for a in archive.articles for n in a.persons}, key=lambda n: (sum(n in a.persons for a in archive.articles), n))
    org = next(n for a in archive.articles for n in a.organizations)
    reporter = next(n for a in archive.articles for n in a.reporters)
    year = max(a.year for a in archive.articles if a.year)
    topic = next(t for a in [article, *archive.articles] for t in a.topics)
    district = next((a.district_label for a in archive.articles if a.district), None)
    issue = archive.articles[0]
    pages = {"home": "index.md", "article": urls.article(article), "districts": "districts/index.md",
             "topics": "topics/index.md", "reporters": "reporters/index.md", "people": "people/index.md",
             "orgs": "orgs/index.md", "dates": "dates/index.md", "year": f"dates/{year}.md",
             "topic": urls.topic(topic), "reporter": urls.credit(reporter), "person": urls.person(person),
             "org": urls.org(article.body_page(org)), "source": urls.source(archive.pages[0].page.name),
             "pages": "pages/index.md", "papers": "issues/index.md",
             "issue": urls.issue((issue.newspaper, issue.publication_date)), "corrections": "corrections.md"}
    if district:
        pages["district"] = urls.district(district)
    return pages


def _axe(browser, site_folder: Path, archive, tmp_path, width: int) -> dict:
    """axe-core on every kind of page, the search page with results and the 404 page, at `width`:
    the serious and critical violations found, by page. The site is served under its site URL's
    path, as GitHub Pages serves it (the 404 page's links are absolute)."""
    from axe_playwright_python.sync_playwright import Axe

    urls = index.Urls(archive.articles)
    prefix = site.site_url(site_folder.parent / "mkdocs.yml").split("://", 1)[1].split("/", 1)[1].strip("/")
    root = tmp_path / f"root-{width}"
    (root / prefix).parent.mkdir(parents=True, exist_ok=True)
    (root / prefix).symlink_to(site_folder)
    axe, found = Axe(), {}
    dated = next(a for a in archive.articles if a.date and len(a.date) == 10)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="zh-CN")
    page = context.new_page()
    page.clock.set_fixed_time(f"{dated.year + 1}{dated.date[4:]}T09:00:00")  # the home page shows 历史上的今天
    try:
        with serve(root) as server:
            base = f"{server}{prefix}/"
            targets = {name: url_of(base, path) for name, path in _pages_to_check(archive, urls).items()}
            word = archive.articles[0].title[:2]  # a word with hits
            targets["search"] = base + "search/?q=" + quote(word)
            targets["404"] = base + "404.html"
            for name, url in targets.items():
                page.goto(url)
                if name == "search":
                    page.wait_for_selector(".archive-search[data-state=done]")
                if name == "home":
                    page.wait_for_selector(".on-this-day[data-state=done]", state="attached")
                violations = [(v["id"], [n["target"] for n in v["nodes"][:3]])
                              for v in axe.run(page).response["violations"] if v["impact"] in ("serious", "critical")]
                if violations:
                    found[name] = violations
    finally:
        context.close()
    return found


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_serious_violation(browser, built_site, archive, tmp_path, width):
    """No serious or critical violation on any kind of page of the sample site, on a desktop and on a phone."""
    assert not (found := _axe(browser, built_site / "site", archive, tmp_path, width)), found


@pytest.fixture(scope="module")
def real_site(tmp_path_factory):
    """A site built from ../shared/realpages with a metadata file (the paper, each page's day and 版次)."""
    project = make_project(tmp_path_factory.mktemp("real"))
    metadata = realpages_metadata(project / "metadata.yaml")
    assert build(project, REALPAGES / "pages", metadata=metadata) == 0
    return project, pipeline.load(REALPAGES / "pages", metadata=metadata)


@pytest.mark.skipif(not (REALPAGES / "gold").is_dir(), reason="../shared/realpages is absent")
@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_serious_violation_on_a_site_of_real_pages(browser, real_site, tmp_path, width):
    """The same on a national paper's site built from real pages: two-digit counts in the charts, a
    paper and its issues, no districts."""
    project, archive = real_site
    assert not (found := _axe(browser, project / "site", archive, tmp_path, width)), found


@pytest.mark.skipif(not (REALPAGES / "gold").is_dir(), reason="../shared/realpages is absent")
def test_the_nu_html_checker_finds_no_error_on_a_site_of_real_pages(real_site):
    pages, errors = nu_errors([real_site[0] / "site"])
    assert pages > 200 and errors == []


def on_this_day(page, url, when: str) -> tuple[str, list[tuple[str, str]]]:
    """The home page's 历史上的今天 with the reader's clock at `when`: its heading and (link, text) items."""
    page.clock.set_fixed_time(when)
    page.goto(url)
    page.wait_for_selector(".on-this-day[data-state=done]", state="attached")
    box = page.locator(".on-this-day")
    if not box.is_visible():
        return "", []
    return box.locator("h2").inner_text(), [(a.get_attribute("href"), a.inner_text()) for a in box.locator("li a").all()]


def test_on_this_day_lists_this_days_articles_of_earlier_years(page, server, archive):
    """The reader's clock picks the day: the articles dated to this month and day in an earlier
    year, the newest year first, each linking to its page; none of this year's. A day with none
    looks a week ahead; a week with none shows nothing."""
    dated = [a for a in archive.articles if a.date and len(a.date) == 10 and a.year]
    day = max(dated, key=lambda a: sum(b.date[5:] == a.date[5:] for b in dated)).date[5:]
    same = sorted((a for a in dated if a.date[5:] == day), key=lambda a: (-a.year, a.date, a.id))
    heading, items = on_this_day(page, server, f"{same[0].year + 1}-{day}T09:00:00")
    assert heading.startswith(f"历史上的今天：{int(day[:2])}月{int(day[3:])}日（今天）")
    assert items == [(f"./articles/{a.id}/", a.title) for a in same]
    page.locator(".on-this-day li a").first.click()
    page.wait_for_load_state()
    assert page.locator("header.headline h1").inner_text() == same[0].title
    _, items = on_this_day(page, server, f"{same[-1].year}-{day}T09:00:00")  # none of its own year
    assert not {href for href, _ in items} & {f"./articles/{a.id}/" for a in same if a.year >= same[-1].year}

    days = {a.date[5:] for a in dated}
    empty = next(f"2030-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 29)
                 if not any(f"{m:02d}-{d + k:02d}" in days for k in range(7)))
    assert on_this_day(page, server, f"{empty}T09:00:00") == ("", [])
    ahead = next(f"2030-{m:02d}-{d:02d}" for m in range(1, 13) for d in range(1, 23)
                 if f"{m:02d}-{d:02d}" not in days and f"{m:02d}-{d + 1:02d}" in days)
    heading, items = on_this_day(page, server, f"{ahead}T09:00:00")
    assert "往年今日无报道" in heading and items


def _contrast(page, selector: str) -> float:
    """WCAG contrast of the first element's text (its opacity and its ancestors' applied) on white."""
    r, g, b, alpha = page.locator(selector).first.evaluate("""e => {
        const [r, g, b, a = 1] = getComputedStyle(e).color.match(/[\\d.]+/g).map(Number);
        let o = a;
        for (let n = e; n; n = n.parentElement) o *= Number(getComputedStyle(n).opacity);
        return [r, g, b, o];
    }""")

    def lum(c):
        c = (alpha * c + (1 - alpha) * 255) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    text = 0.2126 * lum(r) + 0.7152 * lum(g) + 0.0722 * lum(b)
    return 1.05 / (text + 0.05)


def test_chart_counts_read_at_four_and_a_half_to_one(page, server):
    """axe flags the charts' counts only from two digits up (the sample has fewer): measured here."""
    page.goto(server)
    assert _contrast(page, ".coverage-label small") >= 4.5


@pytest.mark.parametrize("width", [390, 1280])
def test_coverage_charts_show_the_months_and_tell_screen_readers_the_counts(page, server, archive, urls, width):
    """The home page charts each district's and each topic's articles a month, drawn with no
    script; the bars fit the screen, and the table beside them gives the same counts by year."""
    page.set_viewport_size({"width": width, "height": 900})
    page.route("**/*.js", lambda route: route.abort())  # drawn at build time: no script needed
    page.goto(server)
    figure = page.locator("figure.coverage").first
    rows = figure.locator(".coverage-row svg")
    districts = {a.district_label for a in archive.articles if a.district and a.date and len(a.date) >= 7}
    assert rows.count() == len(districts)
    for svg in rows.all():
        box = svg.bounding_box()
        assert box["width"] > width / 3 and box["x"] + box["width"] <= width
        assert svg.get_attribute("role") == "img" and "篇" in svg.get_attribute("aria-label")
    table = figure.locator("details table")
    header = table.locator("thead th").all_text_contents()[1:]
    for i, district in enumerate(header):
        counted = [a for a in archive.articles if a.district_label == district and a.date and len(a.date) >= 7]
        cells = [int(t) for t in table.locator(f"tbody tr td:nth-of-type({i + 1})").all_text_contents()]
        assert sum(cells) == len(counted) > 0
    district = max(districts, key=lambda d: sum(a.district_label == d for a in archive.articles))
    page.goto(url_of(server, urls.district(district)))
    assert page.locator("figure.coverage .coverage-row").count() == 1


def test_the_issue_view_leads_from_paper_to_date_to_page_to_article(page, tmp_path, archive):
    """报纸 → a paper → a day → its pages in print order (A02 before A10), each with its articles
    and its source view; a page whose date the metadata does not give is listed as 日期不详."""
    names = sorted(p.name for p in PAGES.glob("*.txt"))
    pages = tmp_path / "pages"
    shutil.copytree(PAGES, pages)
    (tmp_path / "metadata.yaml").write_text(
        "newspaper: 郑州日报\npages:\n"
        f"  {names[0]}: {{date: 2021-06-08, page: A10}}\n  {names[1]}: {{date: 2021-06-08, page: A02}}\n"
        f"  {names[2]}: {{date: 2021-06-09, page: A03}}\n  {names[3]}: {{date: 2021-06-09, page: A03}}\n", encoding="utf-8")
    (tmp_path / "project").mkdir()
    project = make_project(tmp_path / "project")
    assert build(project, pages) == 0
    by_page = {name: [a for a in archive.articles if a.source == name] for name in names}
    with serve(project / "site") as server:
        page.goto(server)
        page.locator(".md-tabs a", has_text="报纸").click()
        page.locator("article table a", has_text="郑州日报").click()
        assert page.locator("h1").inner_text() == "报纸：郑州日报"
        assert "另有 1 个版面日期不详" in page.locator("article").inner_text()
        assert "9日（1 版）" in page.locator("article").inner_text()  # two files of one 版次 are one 版
        page.locator("article li", has_text="6月").locator("a", has_text="8日").click()
        assert page.locator("h1").inner_text() == "郑州日报 2021年6月8日"
        headings = page.locator("article h2").all_inner_texts()
        assert [h.split(" ·")[0] for h in headings] == ["A02版", "A10版"]
        first = page.locator("article ul").first.locator("a").all_inner_texts()
        assert first == [a.title for a in by_page[names[1]]] + ["版面原文"]
        page.locator("article ul").first.locator("a", has_text="版面原文").click()
        assert names[1] in page.locator("h1").inner_text()
        page.locator("a", has_text="本期版面").first.click()  # and from the source view back to its issue
        assert page.locator("h1").inner_text() == "郑州日报 2021年6月8日"
        page.locator("article ul").first.locator("a").first.click()
        assert page.locator("header.headline h1").inner_text() == by_page[names[1]][0].title
        page.locator(".article-meta a", has_text="本期版面").click()  # an article leads to its day's issue
        assert page.locator("h1").inner_text() == "郑州日报 2021年6月8日"
        page.locator("article a", has_text="下一期").click()  # and an issue to the next day's
        assert page.locator("h1").inner_text() == "郑州日报 2021年6月9日"
        assert [h.split(" ·")[0] for h in page.locator("article h2").all_inner_texts()] == ["A03版"]
        assert page.locator("article a", has_text="版面原文").count() == 2
        assert page.locator("article a", has_text="下一期").count() == 0
        page.locator("article a", has_text="上一期").click()
        assert page.locator("h1").inner_text() == "郑州日报 2021年6月8日"

        page.goto(server + "issues/zhengzhouribao/undated/")
        assert "日期不详" in page.locator("h1").inner_text()
        assert len(page.locator("article h2").all()) == 1


def test_timelines_say_who_held_which_office_when_and_link_the_reports(page, server, archive, urls):
    """A person's page lists each role the articles give them, from the first report to the last,
    the dates linking those reports; an organisation's page lists its officeholders the same way,
    oldest first, each leading to their own page."""
    org = "高新区党工委"
    page.goto(url_of(server, urls.org(org)))
    holders = page.locator("article h2", has_text="任职者（据报道）").locator("xpath=following-sibling::ul[1]/li")
    firsts = []
    for item in holders.all():
        dates = item.locator("a[href*='articles/']").all()
        ids = [re.search(r"articles/([0-9a-f]+)/", d.get_attribute("href")).group(1) for d in dates]
        reports = [next(a for a in archive.articles if a.id == i) for i in ids]
        person = item.inner_text().split(" ")[1]
        assert [d.inner_text() for d in dates] == [render.cn_date(a, mark=False) for a in reports]
        assert all(any(a.body_page(r).startswith(org) for r in a.person_roles[person]) for a in reports)
        firsts.append(reports[0].date or "")
    assert len(firsts) >= 3 and firsts == sorted(firsts)
    holder = holders.locator("a[href*='people/']").first
    name = holder.inner_text()
    holder.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == f"人物：{name}"
    roles = page.locator("article h2", has_text="职务（据报道）").locator("xpath=following-sibling::ul[1]").inner_text()
    assert org in roles


def test_an_article_lists_related_articles_and_why(page, server, archive, urls):
    """Below the text, 相关报道: other articles, each with what it shares (共同人物：…), which the
    related article's page shows too."""
    from generator.index import related

    found = related.related(archive.articles)
    article = max(archive.articles, key=lambda a: (len(found.get(a.id, [])), a.id))
    page.goto(url_of(server, urls.article(article)))
    items = page.locator("h2#related + ul > li")
    assert items.count() == len(found[article.id])
    first = items.first
    why = first.inner_text().split(" — ", 1)[1]
    terms = [t for part in why.split("；") for t in part.split("：")[1].split("、")]
    first.locator("a").click()
    page.wait_for_load_state()
    assert page.locator("header.headline h1").inner_text() == found[article.id][0].title
    shown = page.locator("article").inner_text()
    assert all(t in shown for t in terms if not re.fullmatch(r"[a-z]+", t))
