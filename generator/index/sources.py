"""The source page view: a raw page's text line by line, each line marked with the article it
went into (linked), and every line the program could not place listed at the top."""
from __future__ import annotations

from markupsafe import Markup, escape

from ..extract.model import PageReport
from ..render.markdown import link, link_text, md, md_text, render
from ..text.chars import clean
from .listings import Relative, Urls

ROLE_NAMES = {"headline": "标题", "body": "正文", "furniture": "版面装饰"}
# What reassembly was unsure of on a page listed as 待校对 (reassemble.settings.DOUBT_MARGINS).
DOUBT_NAMES = {"heading": "标题还是正文", "boundary": "两篇文章的分界", "headline": "标题归属", "cut": "几行标题如何分属",
               "unlinked": "标题与正文无共同词语", "orphan": "未归属的标题",
               "kicker": "引题与上文相连",
               "dispatch": "电讯合稿", "tail": "版面顶部的续文"}


def page_view(report: PageReport, urls: Urls) -> str:
    """The lines in runs: a run is the lines of one article in one role (or furniture, or lines
    not placed), named once by a Markdown line (its link works in both builds, MkDocs rewrites it)
    and written as a raw-HTML ordered list that numbers its lines itself (`start`), a line an item
    with its anchor (#L5). A line costs its text and a dozen bytes, where a table row cost a hundred
    more: as tables the source views were a quarter of an archive's bytes."""
    rel = Relative(urls, urls.source(report.page.name))
    owner: dict[int, tuple[int, str]] = {}
    for k, a in enumerate(report.articles):
        for role, ranges in (("headline", a.headline_lines), ("body", a.body_lines)):
            for first, last in ranges:
                for n in range(first, last + 1):
                    owner[n] = (k, role)
    furniture = set(report.furniture)

    def run_of(n: int, text: str):
        if n in owner:
            return owner[n]
        if n in furniture:
            return "furniture"
        return "unplaced" if text else None  # a blank line joins the run it stands in

    runs: list[tuple[object, list[tuple[int, str]]]] = []
    for n, raw in enumerate(report.page.lines, 1):
        text = clean(raw)
        kind = run_of(n, text)
        if runs and (kind is None or kind == runs[-1][0]):
            runs[-1][1].append((n, text))
        else:
            runs.append((kind, [(n, text)]))
    parts = []
    for kind, lines in runs:
        if isinstance(kind, tuple):
            article = report.articles[kind[0]]
            label, klass = f"{link_text(article.title, rel.article(article))} · {ROLE_NAMES[kind[1]]}", f"src a{kind[0] % 6}"
        elif kind == "furniture":
            label, klass = md_text(ROLE_NAMES["furniture"]), "src furniture"
        elif kind == "unplaced":
            label, klass = md_text("未归入"), "src unplaced"
        else:  # blank lines before anything
            label, klass = "", "src"
        items = "".join(f'<li id="L{n}">{escape(text)}</li>' for n, text in lines)
        parts.append((f"{label}\n{{ .src-label }}\n\n" if label else "")
                     + f'<ol class="{klass}" start="{lines[0][0]}">{items}</ol>\n\n')
    unplaced = [(n, md(clean(report.page.lines[n - 1]))) for n in report.unplaced]
    meta = report.page.meta
    facts = [f"{len(report.articles)} 篇文章", f"{len(report.page.lines)} 行"]
    if meta.newspaper:
        facts.insert(0, meta.newspaper)
    if meta.date:
        facts.insert(1, meta.date)
    intro = md("，".join(facts) + "。") + Markup(" ") + link("本期版面", rel.issue((meta.newspaper, meta.date)))
    return render("source.md.j2", name=report.page.name, intro=intro, unplaced=unplaced,
                  lines=Markup("".join(parts)))


def index_page(reports: list[PageReport], urls: Urls, skipped=(), warnings=()) -> str:
    """All pages, with what could not be read, what looked odd and what to check."""
    def view(report: PageReport) -> str:  # a page's source view, from this page in pages/
        return urls.source(report.page.name).removeprefix("pages/")

    rows = []
    for report in reports:
        district = report.articles[0].district_label if report.articles else None
        rows.append([link(report.page.name, view(report)),
                     md(district or "—"), str(len(report.articles)), str(len(report.unplaced))])
    notes = []
    if skipped:
        notes.append(md("未能读取、已跳过的文件：") + Markup("\n\n") + Markup("\n").join(
            Markup("- ") + md(err.for_readers()) for err in skipped))
    if warnings:
        notes.append(md("提示：") + Markup("\n\n") + Markup("\n").join(Markup("- ") + md(w.for_readers()) for w in warnings))
    unsure = [r for r in reports if r.doubts]
    if unsure:
        notes.append(md(f"待校对（{len(unsure)} 个版面：分篇或标题归属把握不大，更正最可能用得上）：") + Markup("\n\n") + Markup("\n").join(
            Markup("- ") + link(r.page.name, view(r)) + Markup("：") + Markup("，").join(
                link(f"{DOUBT_NAMES[d]}（第 {n} 行）", f"{view(r)}#L{n}")
                for d, n in r.doubts) for r in unsure))
    intro = md(f"共 {len(reports)} 个版面。") + Markup("".join(Markup("\n\n") + n for n in notes))
    return render("table.md.j2", title="版面原文", intro=intro, header=["版面", "地区", "文章", "未归入行"], rows=rows)
