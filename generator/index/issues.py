"""The issue view: newspaper → date → page → articles, the way a reader of the printed paper looks
for things. What paper and day a page belongs to comes from the archive's metadata file or the
page's sidecar (generator/read/page.py), never from its text; pages for which they are not known are
listed as such (报纸名不详, 日期不详), not guessed."""
from __future__ import annotations

import posixpath
import re
from collections import defaultdict

from markupsafe import Markup

from ..extract.model import PageReport
from ..render.markdown import cn_date_text, link, link_text, md, render
from .listings import Relative, Urls

FOLDER = "issues"
UNKNOWN_PAPER = "报纸名不详"


def _page_order(report: PageReport) -> tuple:
    """版次 in print order (A02 before A10, 2 before 10), then the file name."""
    label = report.page.meta.page or ""
    return (label == "", re.sub(r"\d+", lambda m: m.group().zfill(6), label), report.page.name)


def _relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page))


def pages(reports: list[PageReport], urls: Urls) -> dict[str, str]:
    """Every page of the issue view, as {docs path: Markdown}: the papers, each paper's issues by
    year and month, and each issue's pages in print order with their articles."""
    papers: dict[str | None, dict[str | None, list[PageReport]]] = defaultdict(lambda: defaultdict(list))
    for report in reports:
        papers[report.page.meta.newspaper][report.page.meta.date].append(report)
    folder = {paper: urls.paper(paper) for paper in papers}
    out: dict[str, str] = {}
    rows = []
    for paper in sorted(papers, key=lambda p: (p is None, folder[p])):
        issues, here, name = papers[paper], f"{folder[paper]}.md", paper or UNKNOWN_PAPER
        dated = sorted((d for d in issues if d), reverse=True)
        undated = len(issues.get(None, []))
        rows.append([link(name, _relative(here, f"{FOLDER}/index.md")), str(len(dated)),
                     str(sum(len(_versions(group)) for group in issues.values())),
                     md(f"{cn_date_text(dated[-1])}—{cn_date_text(dated[0])}" if dated else "—")])
        by_month: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))  # year → month ("": not known) → dates
        for date in dated:
            by_month[date[:4]][date[5:7]].append(date)
        sections = [(f"{year}年", [
            md(f"{int(month)}月：" if month else "月份不详：") + Markup(" · ").join(
                link(f"{int(d[8:])}日" if len(d) == 10 else cn_date_text(d), _relative(f"{folder[paper]}/{d}.md", here))
                + md(f"（{len(_versions(issues[d]))} 版）") for d in months[month])
            for month in sorted(months, reverse=True)]) for year, months in sorted(by_month.items(), reverse=True)]
        if undated:
            sections.append(("日期不详", [link(f"日期不详的 {undated} 个版面", _relative(f"{folder[paper]}/undated.md", here))]))
        intro = f"共 {len(dated)} 期" + (f"；另有 {undated} 个版面日期不详" if undated else "") + "。"
        out[here] = render("list.md.j2", title=f"报纸：{name}", intro=md(intro), sections=sections)
        for date, group in issues.items():
            at = urls.issue((paper, date))
            k = dated.index(date) if date else -1
            around = (dated[k + 1] if date and k + 1 < len(dated) else None, dated[k - 1] if date and k > 0 else None)
            out[at] = _issue(name, date, group, urls, at, _relative(here, at),
                             [(d, _relative(urls.issue((paper, d)), at)) if d else None for d in around])
    out[f"{FOLDER}/index.md"] = render(
        "table.md.j2", title="按报纸浏览",
        intro=md("报纸 → 日期 → 版面 → 报道，一如翻阅印出的报纸。版面所属报纸与日期取自档案的元数据或版面本身的报头；不知道的，注明不详。")
        + Markup(" ") + link("全部版面原文（含未归入的行）", "../pages/index.md"),
        header=["报纸", "期数", "版面", "日期"], rows=rows)
    return out


def _versions(group: list[PageReport]) -> list[list[PageReport]]:
    """The issue's 版次 in print order, the files of one 版次 together (a page cut into two files
    is one 版); a file whose 版次 is not known stands alone."""
    out: dict[str, list[PageReport]] = {}
    for report in sorted(group, key=_page_order):
        out.setdefault(report.page.meta.page or f"\0{report.page.name}", []).append(report)
    return list(out.values())


def _issue(name: str, date: str | None, group: list[PageReport], urls: Urls, here: str, paper_link: str,
           around: list) -> str:
    """One issue (`here`): its 版次 in print order, each with its articles and its source views,
    and the issues before and after it (`around`: (date, link) or None)."""
    rel = Relative(urls, here)
    sections = []
    versions = _versions(group)
    for files in versions:
        label = files[0].page.meta.page
        districts = sorted({r.page.meta.district or a.district_label for r in files for a in r.articles
                            if r.page.meta.district or a.district})
        heading = (f"{label}版" if label else f"版次不详（{files[0].page.name}）") + \
            "".join(f" · {d}" for d in districts[:1])
        items = [Markup(link_text(a.title, rel.article(a))) for r in files for a in r.articles]
        items += [link("版面原文" + (f"（{r.page.name}）" if len(files) > 1 else ""), rel.source(r.page.name)) for r in files]
        sections.append((heading, items))
    when = cn_date_text(date) if date else "日期不详"
    intro = md(f"{name}，{when}，{len(versions)} 个版面。") + Markup(" ") + link(f"{name}各期", paper_link)
    steps = [link(f"← 上一期：{cn_date_text(around[0][0])}", around[0][1]) if around[0] else None,
             link(f"下一期：{cn_date_text(around[1][0])} →", around[1][1]) if around[1] else None]
    if any(steps):
        intro += Markup("\n\n") + Markup(" · ").join(s for s in steps if s)
    if not date:
        intro += Markup(" ") + md("这些版面的出版日期不详（元数据未载）。")
    return render("list.md.j2", title=f"{name} {when}", intro=intro, sections=sections)
