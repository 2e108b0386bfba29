"""Index pages: home, districts, dates, topics, reporters, people and organisations."""
from __future__ import annotations

import calendar
import dataclasses
import hashlib
import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from markupsafe import Markup

from ..extract import topics
from ..extract.model import Article
from ..render.markdown import cn_date, link, link_text, md, md_text, render, slug
from . import charts, offices, onthisday


# A reporter, person or organisation named in fewer articles has no page of its own: a page that
# lists one article is most of an archive's pages (the long tail of names) and tells nothing the
# article does not. Such a name is listed, with its article, on the page of its pinyin's letter.
OWN_PAGE_FROM = 2
LISTED = ("reporters", "people", "orgs")
# A name, district or year in more articles than this lists one year (a name) or month (a year) on
# its page and each other on a page of its own: a day's new articles then change the pages of one
# year or month, not a decade's list (which MkDocs would render again whole), and a phone loads a
# year's list, not a decade's.
PAGED_FROM = 300


def credit_names(article: Article) -> list[str]:
    return list(dict.fromkeys(article.reporters + article.correspondents + article.photographers))


def named_bodies(article: Article) -> list[str]:
    return list(dict.fromkeys(map(article.body_page, article.organizations)))


# Each kind of name that has pages, and an article's names of that kind.
NAMES = (
    ("districts", lambda a: [a.district_label] if a.district else []),
    ("topics", lambda a: a.topics),
    ("reporters", credit_names),
    ("people", lambda a: a.persons),
    ("orgs", named_bodies),
    ("papers", lambda a: [a.newspaper or ""]),  # "" the paper not known: its issues' folder is 'unknown'
)


def _slug(name: str) -> str:
    return slug(name) if name else "unknown"  # "": a paper not known (issues/unknown)


FOLDER_PAGES = ("index", "README")  # the names MkDocs gives a folder's own page


class Urls:
    """Where every page lives, as a docs/ path. A name's page is its pinyin; names that share
    a pinyin each get a short hash of the name."""

    def __init__(self, articles: list[Article]):
        self._slugs: dict[tuple[str, str], str] = {}
        self._counts: Counter = Counter()
        for kind, names_of in NAMES:
            counts = Counter(n for a in articles for n in names_of(a))
            if kind in LISTED:
                self._counts.update({(kind, n): c for n, c in counts.items()})
            self._slugs.update({(kind, name): s for name, s in unique_slugs({n: _slug(n) for n in counts}).items()})

    def facts(self, article: Article) -> tuple:
        """All that this table says of an article's names (whether each has a page, and its slug):
        what a page that links them depends on here (generator/render/record.py)."""
        return tuple((kind, name, self.has_page(kind, name), self._slugs[(kind, name)])
                     for kind, names_of in NAMES for name in names_of(article))

    def has_page(self, kind: str, name: str) -> bool:
        return kind not in LISTED or self._counts[(kind, name)] >= OWN_PAGE_FROM

    def anchor(self, kind: str, name: str) -> str:
        return self._slugs[(kind, name)]

    def letter(self, kind: str, name: str) -> str:
        first = self._slugs[(kind, name)][0]
        return first if "a" <= first <= "z" else "0"

    def _path(self, kind: str, name: str) -> str:
        if self.has_page(kind, name):
            return f"{kind}/{self._slugs[(kind, name)]}.md"
        return f"{self.once(kind, self.letter(kind, name))}#{self._slugs[(kind, name)]}"

    def year(self, kind: str, name: str, year: int | None) -> str:
        """The page of a name's articles of one year, where its own page lists only its newest year."""
        return f"{kind}/{self._slugs[(kind, name)]}/{year or 'unknown'}.md"

    @staticmethod
    def once(kind: str, letter: str) -> str:
        """The page of the names of `kind` seen in one article, whose pinyin starts with `letter`."""
        return f"{kind}/once/{letter}.md"

    def district(self, name): return self._path("districts", name)
    def topic(self, name): return self._path("topics", name)
    def credit(self, name): return self._path("reporters", name)
    def person(self, name): return self._path("people", name)
    def org(self, name): return self._path("orgs", name)
    def feed(self, district): return f"feeds/{self._slugs[('districts', district)]}.xml"  # a district's Atom feed

    @staticmethod
    def article(article: Article) -> str:
        return f"articles/{article.id}.md"

    def paper(self, newspaper: str | None) -> str:
        """The folder of a paper's issues (issues/<pinyin>; issues/unknown where it is not known)."""
        return f"issues/{self._slugs.get(('papers', newspaper or ''), _slug(newspaper or ''))}"

    def issue(self, printed: tuple[str | None, str | None]) -> str:
        """The issue a page was printed in, by (paper, date): its pages in print order."""
        newspaper, date = printed
        return f"{self.paper(newspaper)}/{date or 'undated'}.md"

    @staticmethod
    def source(name: str) -> str:
        """A page's source view: its file's name, but a name MkDocs would read as the folder's
        own page (index.txt would replace the 版面原文 list) takes a '~', as does, to keep every
        name's page its own, a name that ends with one."""
        stem = name.removesuffix(".txt")
        if stem in FOLDER_PAGES or stem.endswith("~"):
            stem += "~"
        return f"pages/{stem}.md"


def _relpath(target: str, base: str) -> str:
    """posixpath.relpath for docs paths, computed per folder: an archive links to millions of
    files from a few dozen folders."""
    folder, _, name = target.rpartition("/")
    up = _folder_relpath(folder or ".", base)
    return name if up == "." else f"{up}/{name}"


@lru_cache(maxsize=4096)
def _folder_relpath(folder: str, base: str) -> str:
    return posixpath.relpath(folder, base)


def short_hash(name: str) -> str:
    return hashlib.blake2b(name.encode("utf-8"), digest_size=3).hexdigest()


def unique_slugs(bases: dict[str, str]) -> dict[str, str]:
    """Each name's slug: its base, or, where names share a base, the base and a short hash of the
    name, so that no slug depends on which of them came first. (A name's page moves once a second
    name of its pinyin appears; an article's address never depends on names.)"""
    by_base = defaultdict(list)
    for name, base in bases.items():
        by_base[base].append(name)
    return {name: base if len(group) == 1 else f"{base}-{short_hash(name)}"
            for base, group in by_base.items() for name in group}


class Relative:
    """The same paths, relative to the page that links to them."""

    def __init__(self, urls: Urls, page: str):
        self.urls, self.base = urls, posixpath.dirname(page)
        self.depth = page.count("/")  # folders below docs/: pages as deep link articles/ the same way

    def has_page(self, kind: str, name: str) -> bool:
        return self.urls.has_page(kind, name)

    def __getattr__(self, kind):  # made once an instance and kind, then found as an attribute
        target, base = getattr(self.urls, kind), self.base or "."
        self.__dict__[kind] = relative = lambda value: _relpath(target(value), base)
        return relative


def without_text(article: Article) -> Article:
    """The article as index pages and related articles use it: without its text and lines, which
    they do not read (a fraction of the size, to send to the processes that make them; tests hold
    their results the same)."""
    return dataclasses.replace(article, paragraphs=[], headline_lines=[], body_lines=[], places=[])


def newest_first(articles: list[Article]) -> list[Article]:
    return sorted(articles, key=lambda a: (a.date or "0000", a.source, a.id), reverse=True)


class _Items:
    """Each article's list item (its title linked, its date and district), made once for each
    folder depth, on every index page as deep the same; `note` (what the article says of the
    name the page is of) after it."""

    def __init__(self):
        self.made: dict[tuple[int, bool, str], Markup] = {}

    def __call__(self, article: Article, rel: Relative, district: bool = True, note: str = "") -> Markup:
        key = (rel.depth, district, article.id)
        text = self.made.get(key)
        if text is None:
            text = self.made[key] = Markup(_item_text(article, rel, district))
        return Markup(f"{text} · {md_text(note)}") if note else text


def _item_text(article: Article, rel: Relative, district: bool) -> str:
    extra = [md_text(cn_date(article, mark=False))] + ([md_text(article.district_label)] if district and article.district else [])
    return f"{link_text(article.title, rel.article(article))} — " + " · ".join(extra)


@dataclass(frozen=True)
class Ref:
    """What a link to an article needs."""
    id: str
    title: str


def around(articles: list[Article]) -> dict[str, tuple[Ref | None, Ref | None]]:
    """Each article's previous and next article of the same district, by date."""
    out: dict[str, tuple] = {}
    by_district = defaultdict(list)
    for a in articles:
        by_district[a.district_label].append(a)
    for group in by_district.values():
        ordered = [Ref(a.id, a.title) for a in reversed(newest_first(group))]
        for i, a in enumerate(ordered):
            out[a.id] = (ordered[i - 1] if i else None, ordered[i + 1] if i + 1 < len(ordered) else None)
    return out


def pages(articles: list[Article], urls: Urls, download: str | None = None) -> dict[str, str]:
    """Every index page, as {docs path: Markdown}; `download` is the offline copy's address."""
    articles = newest_first(articles)  # so is every list made from them below
    months = charts.span(articles)
    items = _Items()
    out: dict[str, str] = {}
    out |= _grouped("districts", "地区", [(a.district_label, a) for a in articles if a.district], urls, items,
                    urls.district, chart=lambda name, group: charts.chart(f"{name}每月报道数", [(name, group)], months))
    out |= _grouped("topics", "专题", [(t, a) for a in articles for t in a.topics], urls, items, urls.topic,
                    intro=lambda name: "关键词：" + "、".join(topics.taxonomy()[1].get(name, [])),
                    chart=lambda name, group: charts.chart(f"专题“{name}”每月报道数", [(name, group)], months))
    bodies = [(n, a) for a in articles for n in named_bodies(a)]
    by_person, by_org = offices.offices(articles, {n for n, _ in bodies})
    out |= _grouped("people", "人物", [(n, a) for a in articles for n in a.persons], urls, items, urls.person,
                    note=lambda name, a: "；".join(a.person_roles.get(name, [])),
                    lead=lambda name, rel: _held("职务（据报道）", by_person.get(name, []), rel, person=False))
    out |= _grouped("orgs", "机构", bodies, urls, items, urls.org,
                    lead=lambda name, rel: _held("任职者（据报道）", by_org.get(name, []), rel, person=True))
    out |= _credits(articles, urls, items)
    out |= _dates(articles, urls, items)
    out["index.md"] = _home(articles, urls, items, download, months)
    return out


def _grouped(kind: str, label: str, pairs, urls: Urls, item: _Items, where, intro=None, note=None, chart=None,
             lead=None) -> dict[str, str]:
    """A page for each name of `kind` (`where` its path): its articles by year, `intro` and `chart`
    of its name (and articles) above them, and `lead`'s sections (of the name, linked from the page)
    first; `note` of the name in an article beside that article; an index page of the names, and
    the pages of the names seen once."""
    groups: dict[str, dict[str, Article]] = defaultdict(dict)
    for name, article in pairs:
        groups[name].setdefault(article.id, article)  # by id: comparing whole articles is slow
    groups = {name: list(group.values()) for name, group in groups.items()}
    out, rows, once = {}, [], defaultdict(list)
    for name in sorted(groups, key=lambda n: (-len(groups[n]), slug(n), n)):
        items = groups[name]
        if not urls.has_page(kind, name):
            once[urls.letter(kind, name)].append((name, items[0], note(name, items[0]) if note else ""))
            continue
        row = [link(name, posixpath.relpath(where(name), kind)), str(len(items))]
        if kind == "districts":
            row.insert(1, md(items[0].city or "—"))
            row.append(md("、".join(map(str, sorted({a.year for a in items if a.year}))) or "—"))
        if kind == "people":
            roles = Counter(r for a in items for r in a.person_roles.get(name, []))
            row.insert(1, md(roles.most_common(1)[0][0] if roles else "—"))  # the first of the most given
        rows.append(row)
        page = where(name)

        def listed(at: str, year: int | None, group: list[Article]) -> tuple[str, list[Markup]]:
            rel = Relative(urls, at)
            return _year_label(year), [item(a, rel, kind != "districts", note(name, a) if note else "") for a in group]

        years = _by_year(items)
        text = md(f"共 {len(items)} 篇。") + (Markup(" ") + md(intro(name)) if intro else "")
        if chart:
            text += Markup("\n\n") + chart(name, items)
        if len(items) > PAGED_FROM and len(years) > 1:
            (newest, group), older = years[0], years[1:]
            text += Markup("\n\n") + md("各年：") + Markup(" · ").join(
                [md(f"{_year_label(newest)}（{len(group)}，本页）")]
                + [link(f"{_year_label(y)}（{len(g)}）", _relpath(urls.year(kind, name, y), kind)) for y, g in older])
            for y, g in older:
                at = urls.year(kind, name, y)
                back = md(f"共 {len(g)} 篇。") + Markup(" ") + link(f"{label}：{name}（各年）", _relpath(page, posixpath.dirname(at)))
                out[at] = render("list.md.j2", title=f"{label}：{name}（{_year_label(y)}）", intro=back,
                                 sections=[listed(at, y, g)])
            years = years[:1]
        feed = urls.feed(name) if kind == "districts" else None
        first = lead(name, Relative(urls, page)) if lead else []
        out[page] = render("list.md.j2", title=f"{label}：{name}", intro=text,
                           sections=first + [listed(page, y, g) for y, g in years], feed=feed)
    header = {"districts": ["地区", "城市", "篇数", "年份"], "people": ["姓名", "职务（报道所载）", "篇数"]}.get(kind, [label, "篇数"])
    out[f"{kind}/index.md"] = render("table.md.j2", title=f"按{label}浏览", intro=md(f"共 {len(groups)} 个{label}。")
                                     + _once_links(label, once), header=header, rows=rows)
    return out | _once_pages(kind, label, once, urls, item)


def _by_year(items: list[Article]) -> list[tuple[int | None, list[Article]]]:
    """Articles (newest first) by year, the newest year first, an unknown year last."""
    by_year = defaultdict(list)
    for a in items:
        by_year[a.year].append(a)
    return [(y, by_year[y]) for y in sorted(by_year, key=lambda y: y or 0, reverse=True)]


def _year_label(year: int | None) -> str:
    return f"{year}年" if year else "年份不详"


def _once_links(label: str, once: dict[str, list]) -> Markup:
    if not once:
        return Markup("")
    letters = " · ".join(link_text(_letter_label(k), f"once/{k}.md") for k in sorted(once))
    return Markup(" ") + md(f"见于一篇报道的{sum(map(len, once.values()))}个{label}，按拼音首字母：") + Markup(letters)


def _letter_label(letter: str) -> str:
    return letter.upper() if letter != "0" else "其他"


def _once_pages(kind: str, label: str, once: dict[str, list], urls: Urls, item: _Items) -> dict[str, str]:
    """The names of `kind` seen in one article, a page a letter: each name (anchored: the article
    and the index link here) beside what the article says of it and the article."""
    out = {}
    for letter, entries in once.items():
        page = urls.once(kind, letter)
        rel = Relative(urls, page)
        rows = [[Markup(f'<span id="{urls.anchor(kind, name)}"></span>') + md(name), md(what or "—"), item(a, rel)]
                for name, a, what in sorted(entries, key=lambda e: (urls.anchor(kind, e[0]), e[0]))]
        out[page] = render("table.md.j2", title=f"{label}：{_letter_label(letter)}（见于一篇报道）",
                           intro=md(f"共 {len(rows)} 个。"), header=[label, "报道所载" if kind != "reporters" else "署名", "报道"],
                           rows=rows)
    return out


def _held(heading: str, held: list[offices.Held], rel: Relative, person: bool) -> list[tuple[str, list[Markup]]]:
    """A section of roles over time, oldest first, each with its dates linking the first and the
    last article that give it: 2020年6月8日—2020年12月1日 高新区党工委书记（3 篇）. `person`: name the
    holder (linked where they have a page), as an organisation's page does."""
    if not held:
        return []
    items = []
    for h in held:
        first, last = cn_date(h.first, mark=False), cn_date(h.last, mark=False)
        when = link(first, rel.article(h.first)) + (Markup("—") + link(last, rel.article(h.last)) if h.last is not h.first else "")
        who = (link(h.person, rel.person(h.person)) if rel.has_page("people", h.person) else md(h.person)) if person else ""
        items.append(when + Markup(" ") + (who + Markup(" ") if who else "") + md(h.role + (f"（{h.count} 篇）" if h.count > 1 else "")))
    return [(heading, items)]


def _credits(articles: list[Article], urls: Urls, item: _Items) -> dict[str, str]:
    roles = (("reporters", "记者"), ("correspondents", "通讯员"), ("photographers", "摄影"))
    credited: dict[str, dict[str, list[Article]]] = defaultdict(lambda: defaultdict(list))
    for a in articles:
        for role, _ in roles:
            for name in getattr(a, role):
                credited[name][role].append(a)
    out, rows, once = {}, [], defaultdict(list)
    for name in sorted(credited, key=lambda n: (-sum(map(len, credited[n].values())), slug(n), n)):
        if not urls.has_page("reporters", name):
            role, label = next((r, label) for r, label in roles if credited[name][r])
            once[urls.letter("reporters", name)].append((name, credited[name][role][0], label))
            continue
        page = urls.credit(name)
        rel = Relative(urls, page)
        rows.append([link(name, posixpath.relpath(page, "reporters"))] + [str(len(credited[name][r])) for r, _ in roles])
        sections = [(label, [item(a, rel) for a in credited[name][role]]) for role, label in roles
                    if credited[name][role]]
        total = len({a.id for r, _ in roles for a in credited[name][r]})
        out[page] = render("list.md.j2", title=f"记者：{name}", intro=md(f"共 {total} 篇。"), sections=sections)
    out["reporters/index.md"] = render("table.md.j2", title="按记者浏览", intro=md(f"共 {len(credited)} 位署名作者。")
                                       + _once_links("署名作者", once),
                                       header=["姓名", "记者", "通讯员", "摄影"], rows=rows)
    return out | _once_pages("reporters", "记者", once, urls, item)


def _month(article: Article) -> int:
    return int(article.date[5:7]) if article.date and len(article.date) >= 7 else 0


def _day(article: Article) -> int:
    return int(article.date[8:10]) if article.date and len(article.date) == 10 else 0


def day_anchor(year: int, month: int, day: int) -> str:
    return f"d{year}-{month:02d}-{day:02d}"


def _dates(articles: list[Article], urls: Urls, item: _Items) -> dict[str, str]:
    """A year → month → day archive: the index is a table of years, each with its months' counts
    (a cell that wraps, so that a decade fits a phone); each year a page of month calendars whose
    days link to that day's articles, listed under it, or, for a year of more than PAGED_FROM
    articles, on a page of the month."""
    out, rows = {}, []
    for year, group in _by_year(articles):
        name = str(year) if year else "unknown"
        page = f"dates/{name}.md"
        by_day: dict[int, dict[int, list[Article]]] = defaultdict(lambda: defaultdict(list))  # month → day → articles
        for a in group:
            by_day[_month(a)][_day(a)].append(a)
        months = {m: sum(map(len, days.values())) for m, days in by_day.items()}
        month_links = [link(f"{m}月（{months[m]}）" if m else f"月份不详（{months[0]}）", f"{name}.md#m{m}")
                       for m in [*range(1, 13), 0] if m in months]
        rows.append([link(_year_label(year), f"{name}.md"), str(len(group)), " · ".join(month_links)])
        paged = len(group) > PAGED_FROM
        sections = []
        for month in sorted(months, reverse=True):
            heading = f"{month}月" if month else "月份不详"
            month_page = f"dates/{name}/{month:02d}.md"
            days = _days_listed(year, month, by_day[month], Relative(urls, month_page if paged else page), item)
            if not paged:
                sections.append((heading, f"m{month}", _calendar(year, month, by_day[month]), days, ""))
                continue
            sections.append((heading, f"m{month}", _calendar(year, month, by_day[month], f"{name}/{month:02d}.md"),
                             [], link(f"{heading}的 {months[month]} 篇报道", f"{name}/{month:02d}.md")))
            out[month_page] = render(
                "dates.md.j2", title=f"{_year_label(year)}{heading}",
                intro=md(f"共 {months[month]} 篇。") + Markup(" ") + link(f"{_year_label(year)}各月", f"../{name}.md"),
                sections=[(heading, f"m{month}", _calendar(year, month, by_day[month]), days, "")])
        out[page] = render("dates.md.j2", title=_year_label(year),
                           intro=md(f"共 {len(group)} 篇。日期为报道所述事件日期；仅知年份的报道列在“月份不详”。"),
                           sections=sections)
    out["dates/index.md"] = render("table.md.j2", title="按日期浏览", intro="", header=["年份", "篇数", "月份"], rows=rows)
    return out


def _days_listed(year: int | None, month: int, by_day: dict[int, list[Article]], rel: Relative, item: _Items) -> list:
    """(heading, anchor, items) a day, newest first; articles dated no closer than the month last."""
    return [(f"{month}月{day}日" if day else "日期不详", day_anchor(year, month, day) if day else "",
             [item(a, rel) for a in by_day[day]]) for day in sorted(by_day, reverse=True)]


def _calendar(year: int | None, month: int, by_day: dict[int, list[Article]], where: str = "") -> Markup:
    """A month as a calendar table; a day with articles links to them (on the page `where`, if
    not this one), with their count. No calendar where the year or the month is not known."""
    if not (year and month):
        return Markup("")
    days = {day: len(items) for day, items in by_day.items() if day}
    weeks = calendar.Calendar(firstweekday=0).monthdayscalendar(year, month)
    head = "| 一 | 二 | 三 | 四 | 五 | 六 | 日 |\n| --- | --- | --- | --- | --- | --- | --- |\n"

    def cell(d: int) -> str:
        if not d:
            return ""
        if d not in days:
            return str(d)
        return f'[**{d}**<sup>{days[d]}</sup>]({where}#{day_anchor(year, month, d)} "{month}月{d}日：{days[d]} 篇")'

    body = "".join("| " + " | ".join(cell(d) for d in week) + " |\n" for week in weeks)
    return Markup(head + body)


def _home(articles: list[Article], urls: Urls, item: _Items, download: str | None, months: list[tuple[int, int]]) -> str:
    rel = Relative(urls, "index.md")
    newest = [item(a, rel) for a in articles[:20]]
    ways = [link("按地区", "districts/index.md"), link("按日期", "dates/index.md"), link("按专题", "topics/index.md"),
            link("按记者", "reporters/index.md"), link("按人物", "people/index.md"), link("按机构", "orgs/index.md"),
            link("按报纸", "issues/index.md"), link("版面原文", "pages/index.md")]
    districts = len({a.district_label for a in articles if a.district})
    intro = md(f"收录 {len(articles)} 篇报道，涵盖 {districts} 个地区。") + Markup("\n\n") + Markup(" · ").join(ways)
    intro += Markup("\n\n") + md("数据下载：") + link("articles.jsonl.gz", "data/articles.jsonl.gz") + Markup(" · ") + \
        link("articles.csv.gz", "data/articles.csv.gz") + Markup(" · ") + md("订阅：") + link("Atom", "feeds/all.xml")
    if download:  # raw HTML: a file MkDocs does not know of until the build places it
        intro += Markup(" · ") + Markup('<a class="offline-copy" href="{}">{}</a>').format(download, "离线版（zip，解压后打开 index.html）")
    by_district, by_topic = defaultdict(list), defaultdict(list)
    for a in articles:
        by_district[a.district_label if a.district else "地区不详"].append(a)
        for t in a.topics:
            by_topic[t].append(a)
    biggest = lambda groups: sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    # filled in by overrides/assets/on-this-day.js from the reader's clock; hidden until then
    intro += Markup('\n\n<section class="on-this-day" hidden aria-labelledby="on-this-day" data-days="{}"><h2 id="on-this-day">'
                    '历史上的今天：<span class="on-this-day__day"></span></h2><ul></ul></section>').format(onthisday.days(articles))
    intro += Markup("\n\n") + charts.chart("各地区每月报道数", biggest(by_district), months)
    intro += Markup("\n\n") + charts.chart("各专题每月报道数", biggest(by_topic), months)
    return render("list.md.j2", title="地方报纸档案", intro=intro, sections=[("最新报道", newest)], feed="feeds/all.xml")
