"""Render articles and index pages to Markdown with Jinja2 templates.

Page text is escaped wherever it lands: inside HTML blocks as HTML, in Markdown as
Markdown, so a page that prints `<script>` or `[x](y)` shows exactly that.
"""
from __future__ import annotations

import html
import json
import re
from functools import cache, lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from pypinyin import lazy_pinyin

from ..extract.model import Article
from ..text.vocabulary import CAPTION_MARK

# HTML's three, and every character that could start Markdown markup
_MD_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", **{c: "\\" + c for c in "\\`*_{}[]()#+-.!|"}}
_MD_SPECIAL = re.compile("[" + re.escape("".join(_MD_ESCAPES)) + "]")


def md_text(text) -> str:
    """Text made inert for Markdown, as a plain string (for pages assembled as strings)."""
    return _MD_SPECIAL.sub(_md_escape, str(text))


def _md_escape(match: re.Match) -> str:
    return _MD_ESCAPES[match.group()]


def md(text) -> Markup:
    """Text made inert for Markdown: characters that could start markup are escaped."""
    return Markup(md_text(text))


_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder: json.dumps with options makes one a call
# What YAML may not hold literally (outside its printable set) or reads as a line break: JSON
# leaves these as they are, YAML's double-quoted strings take them as \u escapes.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def yaml_value(value) -> str:
    """A value for YAML front matter, on one line: JSON, which YAML reads as flow style."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", _JSON.encode(value))


def yaml_fields(data: dict[str, object]) -> str:
    """Front matter, a field a line. Written as JSON values rather than by PyYAML, whose
    representer is pure Python even with libyaml: it took most of an article page's time."""
    return "".join(f"{key}: {yaml_value(value)}\n" for key, value in data.items())


def page_title(text: str) -> Markup:
    """A page title for front matter: Material prints it as HTML, YAML must parse it."""
    return Markup(yaml_value(html.escape(str(text))))


def link(text: str, target: str) -> Markup:
    return Markup(link_text(text, target))


def link_text(text: str, target: str) -> str:
    return f"[{md_text(text)}]({target})"


def cn_date(article: Article, mark: bool = True) -> str:
    """2021年6月7日, 2021年, or month and day alone when no year is known; `mark` notes an
    inferred year."""
    value = article.date
    if not value:
        if article.event_date:
            month, day = article.event_date.split("-")[-2:]
            return f"{int(month)}月{int(day)}日"
        return "日期不详"
    return cn_date_text(value) + ("（年份推断）" if mark and article.date_inferred else "")


@lru_cache(maxsize=1 << 14)
def cn_date_text(value: str) -> str:
    parts = [int(x) for x in value.split("-")]
    names = ("年", "月", "日")
    return "".join(f"{p}{names[i]}" for i, p in enumerate(parts))


@lru_cache(maxsize=1 << 16)
def slug(name: str) -> str:
    """A readable URL part for a Chinese name: its pinyin (kept: a name is looked up on every page
    that links it)."""
    text = "".join(lazy_pinyin(name)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@cache
def env() -> Environment:
    environment = Environment(loader=PackageLoader("generator", "templates"), autoescape=True,
                              undefined=StrictUndefined, keep_trailing_newline=True,
                              auto_reload=False)  # the package's templates do not change while it runs: no stat a page
    environment.filters["md"] = md
    environment.filters["page_title"] = page_title
    return environment


def render(template: str, **context) -> str:
    return env().get_template(template).render(**context)


def json_ld(article: Article, permalink: str) -> dict:
    """schema.org NewsArticle for the page head."""
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
        "alternativeHeadline": article.subtitle or article.kicker, "identifier": article.id,
        "url": permalink,  # (the page it stands on: no mainEntityOfPage repeating it)
        # Never a date more exact than the page says: the day it was printed where the archive's
        # metadata gives it, the day it reports on where the text gives it whole, else the year (or
        # month) as text: a year is no day, and 2025 read as a date is 1 January.
        "datePublished": article.publication_date if len(article.publication_date or "") == 10 else None,
        "contentReferenceTime": article.date if article.date and len(article.date) == 10 else None,
        "temporalCoverage": article.date if article.date and len(article.date) < 10 else None,
        "inLanguage": "zh-CN",
        "author": [{"@type": "Person", "name": n} for n in article.reporters],
        "contributor": [{"@type": "Person", "name": n} for n in article.correspondents + article.photographers],
        "articleSection": article.district, "keywords": article.topics,
        "mentions": [{"@type": "Person", "name": n} for n in article.persons]
                    + [{"@type": "Organization", "name": n} for n in article.organizations],
        "contentLocation": {"@type": "Place", "name": article.district_full or article.district} if article.district else None,
        "publisher": {"@type": "Organization", "name": article.newspaper} if article.newspaper else None,
        # the issue it was printed in, of the paper, and its 版次
        "isPartOf": {"@type": "PublicationIssue", "isPartOf": {"@type": "Periodical", "name": article.newspaper},
                     **({"datePublished": article.publication_date} if article.publication_date else {})}
        if article.newspaper else None,
        "printPage": article.page_label,
    }
    return {k: v for k, v in data.items() if v not in (None, [], "")}


DESCRIPTION_CHARS = 120  # of the lead, as the page's meta description (what a search result shows)


def description(article: Article) -> str:
    """The article's own meta description: its lead's opening, not the site's one line on every page."""
    lead = next((p["text"] for p in article.paragraphs if p["role"] == "text"), article.title)
    lead = " ".join(lead.split())
    return lead if len(lead) <= DESCRIPTION_CHARS else lead[:DESCRIPTION_CHARS - 1] + "…"


def front_matter(article: Article, permalink: str, added: str = "") -> str:
    """`added`: the day the article entered the archive (the id registry's), its sitemap lastmod."""
    data = {
        "id": article.id, "added": added or None,  # near the top: parallel_mkdocs reads it off the first lines
        "title": html.escape(article.title), "title_derived": article.title_derived,
        "description": html.escape(description(article)),  # Material writes it into the page unescaped
        "kicker": article.kicker, "subtitle": article.subtitle, "kind": article.kind,
        "district": article.district, "district_full": article.district_full, "city": article.city,
        "district_inferred": article.district_inferred,
        "date": article.date, "date_precision": article.date_precision, "date_inferred": article.date_inferred,
        "event_date": article.event_date, "event_date_text": article.event_date_text,
        "reporters": article.reporters, "correspondents": article.correspondents,
        "photographers": article.photographers, "persons": article.persons,
        "organizations": article.organizations, "places": article.places, "topics": article.topics,
        "keywords": article.keywords, "newspaper": article.newspaper, "publication_date": article.publication_date,
        "page_label": article.page_label, "permalink": permalink, "json_ld": json_ld(article, permalink),
        "citation_meta": citation_meta(article, permalink),
        "cite_as": csl_item(article, permalink),  # the downloads, CSL-JSON and RIS (cite.js)
        "source": {"page": article.source, "headline_lines": article.headline_lines, "body_lines": article.body_lines},
    }
    return yaml_fields(data)


ACCESS_DATE = "[引用日期]"  # the reader's own: overrides/assets/cite.js writes today's date in its place


def responsible(article: Article) -> list[str]:
    """Who answers for the article (GB/T 7714's 主要责任者): its reporters and correspondents; for
    a photo with none, its photographers."""
    return article.reporters + article.correspondents or article.photographers


def cited_date(article: Article) -> str:
    """The day it was printed; else its year, in brackets where the archive read it off the page
    text rather than being told it (a cataloguer's supplied year); else 出版日期不详."""
    if article.publication_date:
        return article.publication_date
    if article.year:
        return f"[{article.year}]" if article.date_inferred else str(article.year)
    return "出版日期不详"


def citation(article: Article, online: str | None = None) -> str:
    """GB/T 7714-2015 for a newspaper article: 作者. 题名[N]. 报纸名, 出版日期(版次). With `online`
    (the article's URL), the online copy: 作者. 题名[N/OL]. 报纸名, 出版日期(版次)[引用日期]. URL.
    As citeproc-js writes them with the standard's official CSL style from `csl_item`
    (tests/test_citation.py). A title the program derived, the paper printing none, is in
    brackets: supplied, not printed."""
    authors = responsible(article)
    names = ", ".join(authors[:3]) + (", 等" if len(authors) > 3 else "")
    page = f"({article.page_label})" if article.page_label else ""
    newspaper = article.newspaper or "[报纸名不详]"
    kind, end = ("[N/OL]", f"{ACCESS_DATE}. {online}.") if online else ("[N]", ".")
    return (f"{names}. " if names else "") + f"{cited_title(article)}{kind}. {newspaper}, {cited_date(article)}{page}{end}"


def cited_title(article: Article) -> str:
    return f"[{article.title}]" if article.title_derived else article.title


def csl_item(article: Article, url: str | None = None) -> dict:
    """The article as CSL-JSON (what Zotero, Mendeley and citeproc read): a newspaper article,
    who answers for it its authors, its 版次 the CSL `page`; with `url`, the online copy (the
    reader's software adds the day it was accessed)."""
    printed = article.publication_date
    issued = {"date-parts": [[int(x) for x in printed.split("-")]]} if printed else \
        {"literal": cited_date(article)} if article.year else None
    item = {"id": article.id, "type": "article-newspaper", "language": "zh-CN", "title": cited_title(article),
            "author": [{"literal": name} for name in responsible(article)],
            "container-title": article.newspaper, "page": article.page_label, "issued": issued, "URL": url}
    return {k: v for k, v in item.items() if v}


def citation_meta(article: Article, url: str) -> list[list[str]]:
    """Highwire Press tags (citation_*), which Zotero's connector and Google Scholar read off a page."""
    date = article.publication_date
    tags = [["citation_title", cited_title(article)], *[["citation_author", n] for n in responsible(article)],
            ["citation_publication_date", date.replace("-", "/") if date else str(article.year or "")],
            ["citation_publisher", article.newspaper or ""], ["citation_firstpage", article.page_label or ""],
            ["citation_language", "zh"], ["citation_public_url", url]]
    return [t for t in tags if t[1]]


def linked_text(text: str, targets: dict[str, str], done: set[str]) -> Markup:
    """Paragraph text, escaped, with the first mention of each person or organisation linked."""
    names = tuple(n for n in sorted(targets, key=len, reverse=True) if n not in done and n in text)
    if not names:
        return md(text)
    out, pos = [], 0
    for match in _alternation(names).finditer(text):
        name = match.group()
        if name in done:
            continue
        done.add(name)
        out += [md_text(text[pos:match.start()]), link_text(name, targets[name])]
        pos = match.end()
    return Markup("".join(out + [md_text(text[pos:])]))


@lru_cache(maxsize=4096)
def _alternation(names: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(map(re.escape, names)))


def paragraph(p: dict, number: int, targets: dict[str, str], done: set[str]) -> Markup:
    anchor = f"p{number}"
    if "original" in p:  # corrected by an editor: the printed text stays beside it
        corrected = paragraph({k: v for k, v in p.items() if k != "original"}, number, targets, done)
        return corrected + Markup(f"\n\n原文（已更正）：{md(p['original'])}\n{{ .original }}")
    if p["role"] == "subheading":
        return Markup(f"## {md(p['text'])} {{ #{anchor} .subheading }}")  # under the h1 title, no level skipped
    klass = " .byline" if p["role"] == "byline" else ""
    body = md(p["text"]) if p["role"] == "byline" else linked_text(p["text"], targets, done)
    return Markup(f"{body} [¶](#{anchor}){{ .anchor title=\"本段链接\" }}\n{{ #{anchor}{klass} }}")


FIELD_NAMES = {"title": "标题", "kicker": "引题", "subtitle": "副题", "date": "日期", "district": "地区",
               "city": "城市", "reporters": "记者", "correspondents": "通讯员", "photographers": "摄影",
               "persons": "人物", "organizations": "机构", "note": "说明"}


def correction_note(c: dict) -> Markup:
    def show(value):
        return "、".join(map(str, value)) if isinstance(value, list) else ("（无）" if value in (None, "") else str(value))
    if c["field"] == "note":
        return md(f"说明：{c['value']}")
    return md(f"{FIELD_NAMES[c['field']]}：原为“{show(c['original'])}”，现为“{show(c['value'])}”")


def article_page(article: Article, urls, permalink: str, around: tuple, source: str, related: list = (),
                 added: str = "") -> str:
    """The Markdown of one article. `urls` gives relative .md paths of the index pages;
    `around` is the previous and next article of the same district (or None); `related`, the
    related articles (generator/index/related.py), each with why."""
    meta = []
    if article.district:
        meta.append(link(article.district_label, urls.district(article.district_label)))
    meta.append(md(cn_date(article)))
    if article.event_date and len(article.event_date) == 10 and article.event_date != article.date:
        meta.append(md(f"事件日期 {cn_date_text(article.event_date)}"))  # the day the story reports, not its printing
    for label, names in (("记者", article.reporters), ("通讯员", article.correspondents), ("摄影", article.photographers)):
        if names:
            meta.append(label + " " + "、".join(_named("reporters", n, urls.credit, urls) for n in names))
    meta.append(link("版面原文", source))
    meta.append(link("本期版面", urls.issue((article.newspaper, article.publication_date))))  # the day's issue, in print order
    # a name seen in this article only has no page to lead to (index.OWN_PAGE_FROM)
    targets = {n: urls.person(n) for n in article.persons if urls.has_page("people", n)}  # organisations: below the text
    done: set[str] = set()
    shown = article.paragraphs
    if article.kind == "photo" and shown:  # '⬅昨日，…': the arrow points at a photo the archive does not hold
        shown = [{**shown[0], "text": CAPTION_MARK.sub("", shown[0]["text"]).lstrip()}, *shown[1:]]
    paragraphs = [paragraph(p, i, targets, done) for i, p in enumerate(shown, 1)]
    corrections = [correction_note(c) for c in article.corrected]
    previous, following = around
    nav = [link(f"← 上一篇：{previous.title}", urls.article(previous)) if previous else Markup("<span></span>"),
           link(f"下一篇：{following.title} →", urls.article(following)) if following else Markup("<span></span>")]
    return render(
        "article.md.j2", a=article, front_matter=Markup(front_matter(article, permalink, added)),
        meta=Markup(" · ".join(meta)), paragraphs=paragraphs,
        topics=Markup("、".join(link(t, urls.topic(t)) for t in article.topics)),
        people=Markup("、".join(_named("people", n, urls.person, urls) for n in article.persons)),
        orgs=Markup("、".join(_named("orgs", article.body_page(n), urls.org, urls, n) for n in article.organizations)),
        permalink=permalink, citation=citation(article), online_citation=citation(article, permalink),
        around=Markup(" ").join(nav), corrections=corrections,
        related=[link(r.title, urls.article(r)) + Markup(" — ") + md(r.why) for r in related],
    )


def _named(kind: str, name: str, where, urls, shown: str | None = None) -> str:
    """A name, linked to its page where it has one."""
    return link(shown or name, where(name)) if urls.has_page(kind, name) else md(shown or name)


def moved_page(old: str, target: Article | None, urls, entry: dict, sources: set[str]) -> str:
    """The page left at an id that no longer names an article: a redirect to where its
    text now is, or a notice with a link to the source page."""
    if target is not None:
        return render("moved.md.j2", old=old, target=target, target_link=link(target.title, urls.article(target)),
                      source="")
    source = entry.get("source", "")
    return render("moved.md.j2", old=old, target=None, target_link="",
                  source=link(source, urls.source(source)) if source in sources else md(source or "不详"))
