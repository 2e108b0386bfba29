"""The source page view: a raw page's text line by line, each line marked with the article it
went into (linked), and every line the program could not place listed at the top."""
from __future__ import annotations

from markupsafe import Markup

from .index import Relative, Urls
from .model import PageReport
from .render import link, link_text, md, md_text, render
from .text import clean

ROLE_NAMES = {"headline": "标题", "body": "正文", "furniture": "版面装饰"}


def page_view(report: PageReport, urls: Urls) -> str:
    page = urls.source(report.page.name)
    rel = Relative(urls, page)
    owner: dict[int, tuple[int, str]] = {}
    for k, a in enumerate(report.articles):
        for role, ranges in (("headline", a.headline_lines), ("body", a.body_lines)):
            for first, last in ranges:
                for n in range(first, last + 1):
                    owner[n] = (k, role)
    # The rows are the bulk of the archive's text: assembled as plain strings, escaped as they go.
    rows, previous = [], None
    for n, raw in enumerate(report.page.lines, 1):
        text = clean(raw)
        number = f'<span id="L{n}"></span>[{n}](#L{n})'
        if not text:
            rows.append(f"| {number} |  |  |\n")
            continue
        if n in owner:
            k, role = owner[n]
            article = report.articles[k]
            cell = f'<span class="src a{k % 6}">{md_text(text)}</span>'
            # name the article once per run of its lines
            label = "" if owner[n] == previous else f"{link_text(article.title, rel.article(article))} · {ROLE_NAMES[role]}"
            previous = owner[n]
        elif n in report.furniture:
            cell, label, previous = md_text(text), md_text(ROLE_NAMES["furniture"]), None
        else:
            previous = None
            cell, label = f'<span class="src unplaced">{md_text(text)}</span>', md_text("未归入")
        rows.append(f"| {number} | {cell} | {label} |\n")
    unplaced = [(n, md(clean(report.page.lines[n - 1]))) for n in report.unplaced]
    meta = report.page.meta
    facts = [f"{len(report.articles)} 篇文章", f"{len(report.page.lines)} 行"]
    if meta.newspaper:
        facts.insert(0, meta.newspaper)
    if meta.date:
        facts.insert(1, meta.date)
    return render("source.md.j2", name=report.page.name, intro=md("，".join(facts) + "。"), unplaced=unplaced, rows=Markup("".join(rows)))


def index_page(reports: list[PageReport], urls: Urls, skipped=(), warnings=()) -> str:
    """All pages, with what could not be read and what looked odd."""
    rows = []
    for report in reports:
        district = report.articles[0].district_label if report.articles else None
        rows.append([link(report.page.name, urls.source(report.page.name).removeprefix("pages/")),
                     md(district or "—"), str(len(report.articles)), str(len(report.unplaced))])
    notes = []
    if skipped:
        notes.append(md("未能读取、已跳过的文件：") + Markup("\n\n") + Markup("\n").join(
            Markup("- ") + md(err.short()) for err in skipped))
    if warnings:
        notes.append(md("提示：") + Markup("\n\n") + Markup("\n").join(Markup("- ") + md(w.short()) for w in warnings))
    intro = md(f"共 {len(reports)} 个版面。") + Markup("".join(Markup("\n\n") + n for n in notes))
    return render("table.md.j2", title="版面原文", intro=intro, header=["版面", "地区", "文章", "未归入行"], rows=rows)
