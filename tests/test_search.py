"""Search is exact: for every query, the articles found are the articles that contain it
(brute-force substring truth), in a real browser, served and from file://."""
import json
import random
import shutil
import unicodedata
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.archive import pipeline, registry
from generator.search import index as search

from conftest import ROOT, block_network

sys.path.insert(0, str(ROOT / "bench"))
import synth  # noqa: E402

SAMPLE_QUERIES = [
    "党工委",            # very common
    "污染防治",          # inside 大气污染防治
    "开区党",            # across word boundaries (经开区|党工委)
    "吉林大学 揭牌",      # two terms: both must be there
    "5G", "5g", "cto",  # Latin, case-insensitive
    "2021年", "100周年",  # digits with Chinese
    "猪八戒网",          # rare
    "充电蓄能",          # only in a title
    "鹏",                # one character
    "示范区 高新区 王家鹏",
    "示范区(高新区)", "示范区（高新区）",  # half-width and full-width alike
    '"学习强国"', "“学习强国”", "「学习强国」",  # quotation marks as typed or as printed
    "鄭州", "學習強國", "２０２１年",  # traditional characters, full-width digits
    "党\u200b工委",      # a zero-width space pasted in
    "不存在的词语",
]


def found_ids(page, query):
    return set(page.evaluate("""async (q) => {
        const s = __archiveSearch;
        return Promise.all((await s.search(q)).list.map(async (h) => (await s.article(h.doc)).id));
    }""", query))


def write_search_site(entries: list[search.Entry], folder: Path) -> Path:
    """Just the search files of `entries` and the script, with a bare page that loads them."""
    for rel, text in search.build(entries):
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (folder / "assets").mkdir(exist_ok=True)
    shutil.copy(ROOT / "overrides" / "assets" / "archive-search.js", folder / "assets")
    (folder / "index.html").write_text(
        '<!doctype html><meta charset="utf-8"><script>window.__archiveBase="./"</script>'
        '<script src="assets/archive-search.js"></script>', encoding="utf-8")
    return folder / "index.html"


@pytest.mark.parametrize("second_day", ["2026-01-01", "2026-01-02"], ids=["the same day", "the next day"])
def test_a_days_new_articles_leave_the_earlier_text_files_as_they_were(archive, monkeypatch, second_day):
    """Articles are numbered as they entered the archive (registry.issued): new articles, whose
    ids fall among the earlier ones', take the last numbers, on the next day as on the same day
    (a first import, then a page added), so every full text file of the earlier articles is
    written again the same."""
    first = sorted(archive.articles, key=lambda a: a.title)[:2 * search.TEXTS_A_FILE + 3]
    monkeypatch.setattr(registry, "today", lambda: "2026-01-01")
    ids = registry.update({}, first)
    monkeypatch.setattr(registry, "today", lambda: second_day)
    added = registry.issued(registry.update(ids, archive.articles))
    before = dict(search.build(search.entries(first, added)))
    after = dict(search.build(search.entries(archive.articles, added)))
    texts = sorted(k for k in before if k.startswith("search/t/"))
    assert len(texts) == 3 and all(before[k] == after[k] for k in texts[:2])
    ids = [a.id for a in search.order(search.entries(archive.articles, added))]
    assert ids[:len(first)] == [a.id for a in first]  # in the order their ids were issued


def test_sample_queries_served(page, server, archive):
    page.goto(server + "search/")
    page.wait_for_selector(".archive-search[data-state=done]")
    for query in SAMPLE_QUERIES:
        assert found_ids(page, query) == search.truth(archive.articles, query), query
    assert search.truth(archive.articles, "污染防治") > search.truth(archive.articles, "大气污染防治")


def test_sample_queries_from_disk_with_no_network(page, built_site, archive):
    attempts = block_network(page)
    page.goto((built_site / "site" / "search" / "index.html").as_uri() + "?q=党工委")
    page.wait_for_selector(".archive-search[data-state=done]")
    assert int(page.locator(".archive-search").get_attribute("data-count")) == len(search.truth(archive.articles, "党工委"))
    for query in SAMPLE_QUERIES:
        assert found_ids(page, query) == search.truth(archive.articles, query), query
    assert attempts == []


def test_a_browser_that_cannot_unpack_the_index_is_told_so(page, built_site):
    """The index files are unpacked with DecompressionStream: where a browser lacks it, the search
    page says what to use instead, rather than stay at 正在搜索…"""
    page.add_init_script("delete window.DecompressionStream")
    page.goto((built_site / "site" / "search" / "index.html").as_uri() + "?q=党工委")
    page.wait_for_selector(".archive-search[data-state=failed]")
    assert "较新的浏览器" in page.locator(".archive-search__status").inner_text()


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("synth")
    synth.generate(2000, out)
    articles = pipeline.load(out / "pages").articles
    return articles, write_search_site(search.entries(articles), out / "site")


def queries_from(articles, rng):
    """Substrings cut out of random articles (so they exist), common words, several terms, nonsense."""
    out = ["工作", "党工委", "高质量发展", "一", "记者", "二维码", "2020年", "5g", "不存在的词语", "会议 要求 推进"]
    for _ in range(30):
        a = rng.choice(articles)
        text = search.normalize(rng.choice([a.title, a.text]))
        n = rng.randint(2, 6)
        start = rng.randrange(max(1, len(text) - n))
        out.append(text[start:start + n])
    for _ in range(10):
        out.append(" ".join(out[rng.randrange(10, len(out))] for _ in range(2)))
    return out


def test_generated_archive_of_2000_articles(page, generated):
    articles, index_html = generated
    assert len(articles) >= 2000
    attempts = block_network(page)
    page.goto(index_html.as_uri())
    page.wait_for_function("typeof __archiveSearch !== 'undefined' && !!__archiveSearch.search")
    for query in queries_from(articles, random.Random(5)):
        assert found_ids(page, query) == search.truth(articles, query), query
    assert attempts == []


def test_long_lists_in_files_of_their_own_are_found(page, archive, tmp_path, monkeypatch):
    """A list past ALONE_BYTES stands in a file of its own (search/g/x<k>.js, search/u/x<k>.js):
    with the threshold so low that most do, every query still finds what brute force finds."""
    monkeypatch.setattr(search, "ALONE_BYTES", 40)
    index_html = write_search_site(search.entries(archive.articles), tmp_path / "site")
    alone = [p.name for kind in "gu" for p in (tmp_path / "site" / "search" / kind).glob("x*.js")]
    assert len(alone) > 100
    page.goto(index_html.as_uri())
    page.wait_for_function("typeof __archiveSearch !== 'undefined' && !!__archiveSearch.search")
    for query in SAMPLE_QUERIES:
        assert found_ids(page, query) == search.truth(archive.articles, query), query


def test_each_articles_year_reaches_the_browser(page, tmp_path):
    """docs.js leaves out a year that is its date's (the browser reads it off the day): a dated
    article, one dated by its year alone, one with a year but no date, one with none, and one whose
    year is not its date's all come out with their own."""
    def entry(n, date, year):
        return search.Entry(f"{n:010x}", f"标题{n}", None, None, f"正文{n}", date, year, None, [], "", "")
    entries = [entry(1, "2021-06-07", 2021), entry(2, "1998", 1998), entry(3, None, 2020), entry(4, None, None),
               entry(5, "1999-12-31", 2000), entry(6, "1970-01-01", 1970)]
    page.goto(write_search_site(entries, tmp_path / "site").as_uri())
    page.wait_for_function("typeof __archiveSearch !== 'undefined' && !!__archiveSearch.data")
    years = page.evaluate("async () => { const d = await __archiveSearch.data(); return d.cols.year.map(v => v ? d.years[v - 1] : null); }")
    assert years == [e.year for e in search.order(entries)]


def test_index_files_do_not_depend_on_the_chunk_size(generated, monkeypatch):
    """Postings are encoded a chunk of articles at a time and joined: the same files whatever
    the chunk size (the exactness test above runs on one chunk), one article a chunk included."""
    entries = search.entries(generated[0][:600])
    whole = dict(search.build(entries))
    for size in (1, 7, 256):
        monkeypatch.setattr(search, "CHUNK", size)
        assert dict(search.build(entries)) == whole, size


def test_chunks_kept_between_builds_give_the_files_a_fresh_build_gives(generated, monkeypatch, tmp_path):
    """With a folder kept between builds (search._chunk), a day's new articles are indexed in the
    last chunks only, a changed article in its own; the files are always a fresh build's."""
    monkeypatch.setattr(search, "CHUNK", 64)
    articles, keep = generated[0][:600], tmp_path / "chunks"
    added = {a.id: ("2026-01-01", -1) for a in articles[:500]} | {a.id: ("2026-01-02", -1) for a in articles[500:]}
    indexed = []
    real = search._indexed
    monkeypatch.setattr(search, "_indexed", lambda chunk, runs, base: indexed.append(base) or real(chunk, runs, base))

    def built(entries):
        indexed.clear()
        kept = dict(search.build(entries, keep))
        bases = sorted(set(indexed))
        assert kept == dict(search.build(entries))
        return bases

    assert built(search.entries(articles[:500], added)) == list(range(0, 500, 64))
    assert built(search.entries(articles, added)) == [448, 512, 576]  # 448: the chunk the day filled up
    entries = search.order(search.entries(articles, added))
    entries[100] = entries[100]._replace(text=entries[100].text + "更正后的句子")
    assert built(entries) == [64]
    assert built(entries[:300]) == [256]  # an archive made smaller: its last chunk, and no chunk past it kept
    assert sorted(p.name for p in keep.iterdir()) == sorted(f"{kind}-{n}.json" for kind in ("_bigram_runs", "_character_runs")
                                                             for n in range(5))


def test_search_page_shows_hits_with_snippets_and_filters(page, server, archive):
    page.goto(server + "search/")
    page.fill(".archive-search input[name=q]", "党工委")
    page.wait_for_selector(".archive-search[data-state=done] .archive-search__hit")
    truth = search.truth(archive.articles, "党工委")
    assert page.locator(".archive-search").get_attribute("data-count") == str(len(truth))
    first = page.locator(".archive-search__hit").first
    assert first.locator("mark").first.inner_text() == "党工委"
    assert first.locator(".archive-search__meta").inner_text()
    title_hits = {a.id for a in archive.articles if "党工委" in search.normalize(search.headline(a))}
    top = [page.locator(".archive-search__hit a").nth(k).get_attribute("href") for k in range(len(title_hits))]
    assert {h.rstrip("/").split("/")[-1] for h in top} == title_hits  # title hits first
    district = page.locator(".archive-search__facet button[data-facet=district]").first
    name, count = district.inner_text().rsplit(" ", 1)
    district.click()  # the count changes when the filtered list is shown (the state may already read done)
    page.wait_for_function("(c) => document.querySelector('.archive-search').dataset.count === c", arg=count)
    assert count == str(sum(1 for a in archive.articles if a.id in truth and a.district_label == name))


@pytest.mark.parametrize("query", ["区", "党工委 示范区"])
def test_facet_counts_agree_with_the_results_under_every_combination_of_filters(page, server, archive, query):
    """Each facet offers, for each value, how many hits choosing it would show with the other
    filters kept: under every combination of district, year and topic (none chosen included)."""
    page.goto(server + "search/")
    page.wait_for_function("typeof __archiveSearch !== 'undefined' && !!__archiveSearch.data")
    runs = page.evaluate("""async (q) => {
        const s = __archiveSearch, r = await s.search(q), d = await s.data(), out = [];
        const options = (names) => [null, ...names.map((_, i) => i)];
        for (const district of options(d.districts)) for (const year of options(d.years)) for (const topic of options(d.topics)) {
            const filters = {district, year, topic};
            out.push({filters: {district: district == null ? null : d.districts[district], year: year == null ? null : d.years[year],
                                topic: topic == null ? null : d.topics[topic]},
                      facets: s.facets(r.list, d, filters), shown: s.keep(r.list, d, filters).length});
        }
        return out;
    }""", query)
    hits = [a for a in archive.articles if a.id in search.truth(archive.articles, query)]
    value = {"district": lambda a: [a.district_label], "year": lambda a: [a.year], "topic": lambda a: a.topics}

    def kept(filters):
        return [a for a in hits if all(v is None or v in value[k](a) for k, v in filters.items())]

    assert len(runs) > 20
    for run in runs:
        assert run["shown"] == len(kept(run["filters"]))
        for key, items in run["facets"].items():
            for item in items:
                name = int(item["name"]) if key == "year" else item["name"]
                assert item["n"] == len(kept({**run["filters"], key: name})), (run["filters"], key, item)


def test_a_search_that_finds_nothing_says_what_to_try(page, server, archive):
    page.goto(server + "search/?q=" + quote("不会出现在任何文章里的词语"))
    page.wait_for_selector(".archive-search[data-state=done]")
    assert "更短的词" in page.locator(".archive-search__help").inner_text()
    # hits, but none under the filters chosen: say so, and how many letting them go shows
    hits = [a for a in archive.articles if a.id in search.truth(archive.articles, "区")]
    district, topic = next((a.district_label, t) for a in hits for t in {t for b in hits for t in b.topics}
                           if not any(b.district_label == a.district_label and t in b.topics for b in hits))
    page.goto(server + "search/?q=" + quote("区") + "&district=" + quote(district) + "&topic=" + quote(topic))
    page.wait_for_selector(".archive-search[data-state=done]")
    assert page.locator(".archive-search").get_attribute("data-count") == "0"
    assert f"全部 {len(hits)} 篇" in page.locator(".archive-search__help").inner_text()
    page.goto(server + "search/?q=" + quote("党工委"))
    page.wait_for_selector(".archive-search[data-state=done] .archive-search__hit")
    assert page.locator(".archive-search__help").is_hidden()


def test_header_box_leads_to_results(page, server):
    page.goto(server)
    page.fill("form.archive-search-box input", "吉林大学")
    page.press("form.archive-search-box input", "Enter")
    page.wait_for_selector(".archive-search[data-state=done] .archive-search__hit")
    assert "q=" in page.url


@pytest.mark.parametrize("query", ["", "党工委", "不会出现在任何文章里的词语"])
def test_more_results_shows_only_when_there_are_more(page, server, query):
    page.goto(server + "search/")
    if query:
        page.fill(".archive-search input[name=q]", query)
        page.wait_for_selector(f'.archive-search[data-state=done][data-query="{query}"]')
    more = page.locator(".archive-search__more")
    count = int(page.locator(".archive-search").get_attribute("data-count") or 0)
    shown = page.locator(".archive-search__hit").count()
    assert more.is_visible() == (count > shown)


def test_full_width_and_half_width_forms_find_the_same(archive):
    found = search.truth(archive.articles, "示范区（高新区）")
    assert found and search.truth(archive.articles, "示范区(高新区)") == found
    assert search.truth(archive.articles, "党\u200b工委") == search.truth(archive.articles, "党工委")
    printed = search.truth(archive.articles, "“学习强国”")
    assert printed and search.truth(archive.articles, '"学习强国"') == printed == search.truth(archive.articles, "「学习强国」")
    simplified = search.truth(archive.articles, "郑州")
    assert simplified and search.truth(archive.articles, "鄭州") == simplified  # traditional as simplified (OpenCC)


@pytest.mark.parametrize("query", ["鄭州", "示范区(高新区)", '"学习强国"', "CTO"])
def test_folded_matches_are_marked_where_they_stand(page, server, archive, query):
    """A match found through folding is marked on the text as printed (郑州 for 鄭州, 示范区（高新区）
    for 示范区(高新区), “学习强国” for "学习强国"), and the snippet shows it, not the article's start."""
    page.goto(server + "search/?q=" + quote(query))
    page.wait_for_selector(".archive-search[data-state=done] .archive-search__hit")
    hits = page.locator(".archive-search__hit")
    for k in range(min(3, hits.count())):
        hit = hits.nth(k)
        marks = hit.locator("mark").all_inner_texts()
        assert marks and all(search.normalize(m) == search.normalize(query) for m in marks), marks
        article = next(a for a in archive.articles if hit.locator("a").first.get_attribute("href").rstrip("/").endswith(a.id))
        if search.normalize(query) in search.normalize(article.text):
            assert hit.locator(".archive-search__snippet mark").count()


def test_back_returns_to_the_previous_search_and_the_title_names_the_query(page, server):
    """A search the reader submitted is a step in the history: Back shows the one before, with its
    results, and the page's title (the tab, a bookmark) names the query."""
    page.goto(server + "search/?q=党工委")
    page.wait_for_selector('.archive-search[data-state=done][data-query="党工委"]')
    assert page.title().startswith("“党工委”的搜索结果")
    box = page.locator(".archive-search input[name=q]")
    box.fill("示范区")
    box.press("Enter")
    page.wait_for_selector('.archive-search[data-state=done][data-query="示范区"]')
    assert "q=%E7%A4%BA%E8%8C%83%E5%8C%BA" in page.url and page.title().startswith("“示范区”的搜索结果")
    page.go_back()
    page.wait_for_selector('.archive-search[data-state=done][data-query="党工委"]')
    assert box.input_value() == "党工委" and page.title().startswith("“党工委”的搜索结果")
    assert page.locator(".archive-search__hit").count() > 0
    page.go_forward()
    page.wait_for_selector('.archive-search[data-state=done][data-query="示范区"]')


def test_a_filtered_search_lives_in_its_address(page, server, archive):
    """The query, the sort and the filters are in the URL: a filtered search can be shared, and
    loading its address gives the same hits."""
    hits = [a for a in archive.articles if a.id in search.truth(archive.articles, "党工委")]
    district = sorted({a.district_label for a in hits if a.district})[0]
    want = len([a for a in hits if a.district_label == district])
    assert 0 < want < len(hits)  # the filter takes some hits away
    page.goto(server + "search/?q=党工委")
    page.wait_for_selector('.archive-search[data-state=done][data-query="党工委"]')
    page.locator(".archive-search__facet button", has_text=district).first.click()
    page.wait_for_function(f"location.search.includes({json.dumps('district=' + quote(district))})")
    shared = page.url
    page.goto(shared)
    page.wait_for_selector('.archive-search[data-state=done][data-query="党工委"]')
    assert int(page.locator(".archive-search").get_attribute("data-count")) == want
    assert page.locator(".archive-search__facet button.active", has_text=district).count() == 1
    page.select_option(".archive-search select[name=sort]", "date")
    page.wait_for_function("location.search.includes('sort=date')")


@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
       | st.text(alphabet="（）１２ＡａＺ　\u200b\u0301…·—“”，。中文Ｅé\u3000 e", max_size=40))
@settings(max_examples=3000, deadline=None)
def test_normalize_is_nfkc_one_quote_without_whitespace_zero_width_or_case(text):
    """The fast path (full-width forms mapped first, NFKC only where still needed) is NFKC."""
    folded = "".join(unicodedata.normalize("NFKC", text).split())
    expected = "".join(c for c in folded if c not in "\u200b\u200c\u200d\u2060\ufeff").translate(search.QUOTES)
    expected = "".join(search.traditional().get(c, c) for c in expected).casefold()
    assert search.normalize(text) == expected
