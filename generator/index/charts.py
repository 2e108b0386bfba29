"""Coverage charts: how many articles a month, drawn at build time as inline SVG.

No script draws them, so they show offline and in any reader; a row is a series (a district, a
topic), its bars the months of the whole archive's span, so that rows and pages line up. A row is
scaled to its own busiest month, which its label gives: a small district's coverage has a shape
too. The SVG stretches to the width of the screen (a phone's too); the years are marked below it
in HTML, which does not stretch. Screen readers get the SVG's summary and the same counts, by
year, as a table.
"""
from __future__ import annotations

from collections import Counter

from markupsafe import Markup, escape

from ..extract.model import Article
from ..render.markdown import cn_date_text

ROWS = 12  # series a chart shows; the rest of the archive is one more row ("其他")
HEIGHT = 20  # of a row, in the SVG's units (a month is one unit wide)
YEAR_LABELS = 10  # at most, below a chart: more would overlap on a phone


def month_of(article: Article) -> tuple[int, int] | None:
    """(year, month) of an article dated at least to the month."""
    date = article.date or ""
    return (int(date[:4]), int(date[5:7])) if len(date) >= 7 and article.year else None


def span(articles: list[Article]) -> list[tuple[int, int]]:
    """Every month from the archive's first dated one to its last."""
    months = {m for a in articles if (m := month_of(a))}
    if not months:
        return []
    (y, m), last = min(months), max(months)
    out = []
    while (y, m) <= last:
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def chart(caption: str, series: list[tuple[str, list[Article]]], months: list[tuple[int, int]],
          other: list[Article] | None = None) -> Markup:
    """A figure of rows of monthly bars, one row a series (label, its articles), in the order
    given; `other`: the articles of the series not shown, as a last row. Nothing where no
    article is dated to the month."""
    rows = series[:ROWS]
    rest = (other or []) + [a for _, group in series[ROWS:] for a in group]
    if rest:
        rows.append(("其他", rest))
    counted = [(label, Counter(m for a in group if (m := month_of(a)))) for label, group in rows]
    counted = [(label, counts) for label, counts in counted if counts]
    if not months or not counted:
        return Markup("")
    where = {m: i for i, m in enumerate(months)}
    first, last = (cn_date_text(f"{y}-{m}") for y, m in (months[0], months[-1]))
    body = [f'<figure class="coverage"><figcaption>{escape(caption)}（{first}—{last}，'
            f"每条竖线一个月，各行按本行最多的一月缩放；只知年份的报道不计）</figcaption>"]
    for label, counts in counted:
        peak = max(counts.values())
        bars = "".join(f"M{where[m]} {HEIGHT}v-{_height(n, peak)}h.8v{_height(n, peak)}z" for m, n in sorted(counts.items()))
        summary = f"{label}：{sum(counts.values())} 篇，最多的一月 {peak} 篇"
        body.append(f'<div class="coverage-row"><span class="coverage-label">{escape(label)}'
                    f'<small>{sum(counts.values())}</small></span>'
                    f'<svg viewBox="0 0 {len(months)} {HEIGHT}" preserveAspectRatio="none" role="img" '
                    f'aria-label="{escape(summary)}"><path d="{bars}"/></svg></div>')
    starts = [(i, y) for i, (y, m) in enumerate(months) if m == 1 or i == 0]
    every = -(-len(starts) // YEAR_LABELS)  # a phone has room for about that many
    ticks = "".join(f'<span style="left:{_number(100 * i / len(months))}%">{y}</span>' for i, y in starts[::every])
    body.append(f'<div class="coverage-axis" aria-hidden="true">{ticks}</div>')
    body.append(_table(counted))
    return Markup("".join(body) + "</figure>")


def _height(n: int, peak: int) -> str:
    return _number(HEIGHT * n / peak, 1)


def _number(x: float, places: int = 2) -> str:
    """As short as it reads (14.7, 0): as a minifier would write it, so pages minified or not agree."""
    return f"{x:.{places}f}".rstrip("0").rstrip(".")


def _table(counted: list[tuple[str, Counter]]) -> str:
    """The counts by year, a column a series: what the bars show, for screen readers and to copy."""
    years = sorted({y for _, counts in counted for y, _ in counts})
    head = "".join(f'<th scope="col">{escape(label)}</th>' for label, _ in counted)
    rows = "".join(f'<tr><th scope="row">{y}年</th>' + "".join(
        f"<td>{sum(n for (yy, _), n in counts.items() if yy == y)}</td>" for _, counts in counted) + "</tr>"
        for y in years)
    return (f'<details class="coverage-table"><summary>数据表（按年）</summary><table><thead><tr><th scope="col">年份</th>'
            f"{head}</tr></thead><tbody>{rows}</tbody></table></details>")
