"""Render articles and index pages to Markdown with Jinja2 templates.

Page text is escaped wherever it lands: inside HTML blocks as HTML, in Markdown as
Markdown, so a page that prints `<script>` or `[x](y)` shows exactly that.
"""
from __future__ import annotations

import re
from functools import cache

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from pypinyin import lazy_pinyin

from .model import Article

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def md(text) -> Markup:
    """Text made inert for Markdown: characters that could start markup are escaped."""
    text = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return Markup(_MD_SPECIAL.sub(r"\\\1", text))


def link(text: str, target: str) -> Markup:
    return Markup(f"[{md(text)}]({target})")


def cn_date(article: Article) -> str:
    """2021年6月7日, 2021年, or month and day alone when no year is known."""
    value = article.date
    if not value:
        if article.event_date:
            month, day = article.event_date.split("-")[-2:]
            return f"{int(month)}月{int(day)}日"
        return "日期不详"
    return cn_date_text(value) + ("（年份推断）" if article.date_inferred else "")


def cn_date_text(value: str) -> str:
    parts = [int(x) for x in value.split("-")]
    names = ("年", "月", "日")
    return "".join(f"{p}{names[i]}" for i, p in enumerate(parts))


def slug(name: str) -> str:
    """A readable URL part for a Chinese name: its pinyin."""
    text = "".join(lazy_pinyin(name)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


@cache
def env() -> Environment:
    environment = Environment(loader=PackageLoader("generator", "templates"), autoescape=True,
                              undefined=StrictUndefined, keep_trailing_newline=True)
    environment.filters["md"] = md
    return environment


def render(template: str, **context) -> str:
    return env().get_template(template).render(**context)


def front_matter(article: Article) -> str:
    data = {
        "id": article.id, "title": article.title, "title_derived": article.title_derived,
        "kicker": article.kicker, "subtitle": article.subtitle, "kind": article.kind,
        "district": article.district, "district_full": article.district_full, "city": article.city,
        "district_inferred": article.district_inferred,
        "date": article.date, "date_precision": article.date_precision, "date_inferred": article.date_inferred,
        "event_date": article.event_date, "event_date_text": article.event_date_text,
        "reporters": article.reporters, "correspondents": article.correspondents,
        "photographers": article.photographers, "persons": article.persons,
        "organizations": article.organizations, "places": article.places, "topics": article.topics,
        "source": {"page": article.source, "headline_lines": article.headline_lines, "body_lines": article.body_lines},
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def article_page(article: Article, urls) -> str:
    """The Markdown of one article. `urls` gives the .md paths of the index pages."""
    meta = []
    if article.district:
        meta.append(link(article.district, urls.district(article.district)))
    meta.append(md(cn_date(article)))
    for label, names in (("记者", article.reporters), ("通讯员", article.correspondents), ("摄影", article.photographers)):
        if names:
            meta.append(label + " " + "、".join(link(n, urls.credit(n)) for n in names))
    topics = "、".join(link(t, urls.topic(t)) for t in article.topics)
    return render("article.md.j2", a=article, front_matter=Markup(front_matter(article)),
                  meta=Markup(" · ".join(meta)), topics=Markup(topics))
