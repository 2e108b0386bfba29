"""Deterministic synthetic raw pages for benchmarks and scale tests.

Text is recombined from the sample pages' sentences; the layout has what real pages have:
column-wrapped lines, blank lines as column breaks in mid-sentence, headlines before, after or
far from their article (kicker and subtitle too), credits in the printed forms, leads with no
dateline ('昨日，…', '据了解，…', as city papers and web copy open a story), photo captions, and
fragments continued at the top of the page. Each page comes with its gold annotation in the
referee's format, so reassembly can be scored on it.

    python bench/synth.py --articles 10000 --out /tmp/synth   # pages in OUT/pages, gold in OUT/gold
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.archive import pipeline  # noqa: E402
from generator.extract.places import gazetteer  # noqa: E402

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红鹏飞晓东建国志宏海波云峰亮辉宇新春梅林燕凯旭"
VERBS = ["召开", "举行", "开展", "部署", "推进", "启动", "举办"]
EVENTS = ["工作推进会", "专题培训会", "安全生产检查", "项目集中签约活动", "志愿服务活动", "座谈会", "调度会",
          "宣传活动", "观摩评比", "招聘会", "现场会", "主题党日活动"]
SLOGANS = ["凝心聚力谋发展", "真抓实干开新局", "担当作为显身手", "为民服务解难题", "创新驱动促转型", "绿色发展添动能"]
# How a lead opens where it has no dateline, as city papers and web copy print it: a day, a time,
# a source (the share of such articles: UNDATED_LEADS).
OPENINGS = ["昨日，", "昨天上午，", "近日，", "日前，", "据了解，", "记者从{district}获悉，", "{month}月{day}日，",
            "{month}月{day}日上午，", "{year}年{month}月{day}日，"]
YESTERDAY = ("昨日", "昨天")  # openings dated the day before the page's print date
UNDATED_LEADS = 0.3


def sentence_pool() -> list[str]:
    """Sentences of the bundled sample pages' article text (no bylines)."""
    out = []
    for article in pipeline.load(ROOT / "archive" / "pages").articles:
        if article.kind != "news":
            continue
        for p in article.paragraphs:
            if p["role"] == "text":
                text = re.sub(r"^本报讯\s*(?:[（(][^）)]*[）)])?\s*", "", p["text"])
                out += [s + "。" for s in re.split(r"。", text) if 12 <= len(s) <= 120 and "记者" not in s]
    return sorted(set(out))


def name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def wrap(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


class Page:
    def __init__(self):
        self.lines: list[str] = []
        self.gold: list[dict] = []

    def add(self, lines: list[str]) -> list[int]:
        start = len(self.lines) + 1
        self.lines += lines
        return list(range(start, start + len(lines)))

    def blank(self):
        if self.lines and self.lines[-1] != "":
            self.lines.append("")


def make_article(rng, pool, district, year, reporters):
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    reporter = rng.choice(reporters)
    correspondent = name(rng) if rng.random() < 0.4 else None
    event = rng.choice(EVENTS)
    title = f"{district}{rng.choice(VERBS)}{event}"
    kicker = rng.choice(SLOGANS) if rng.random() < 0.2 else None
    subtitle = rng.choice(SLOGANS) if not kicker and rng.random() < 0.2 else None
    form = rng.random()
    if rng.random() < UNDATED_LEADS:  # no dateline: the story opens with when, or whence
        opening = rng.choice(OPENINGS).format(district=district, year=year, month=month, day=day)
        lead = opening + f"{district}{title[len(district):]}。"
        dated = opening.startswith(f"{month}月") or opening.startswith(f"{year}年")
        byline = f"记者 {reporter}" + (f" 通讯员 {correspondent}" if correspondent else "") if form < 0.5 else None
        return _article(title, kicker, subtitle, lead, byline, rng, pool, [reporter] if byline else [],
                        [correspondent] if byline and correspondent else [], month, day, dated, year) | \
            {"yesterday": opening.startswith(YESTERDAY)}
    if form < 0.4:
        lead = f"本报讯（记者{reporter}" + (f" 通讯员{correspondent}" if correspondent else "") + "）"
        byline = None
    else:
        lead = "本报讯 "
        byline = f"记者 {reporter}" + (f" 通讯员 {correspondent}" if correspondent else "")
    dated = rng.random() < 0.7
    lead += (f"{month}月{day}日，" if dated else "近日，") + f"{district}{title[len(district):]}。"
    return _article(title, kicker, subtitle, lead, byline, rng, pool, [reporter],
                    [correspondent] if correspondent else [], month, day, dated, year)


def _article(title, kicker, subtitle, lead, byline, rng, pool, reporters, correspondents, month, day, dated, year):
    sentences = rng.sample(pool, rng.randint(6, 16))
    paragraphs, current = [], lead
    for s in sentences:
        current += s
        if rng.random() < 0.35:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return {
        "title": title, "kicker": kicker, "subtitle": subtitle, "paragraphs": paragraphs, "byline": byline,
        "reporters": reporters, "correspondents": correspondents,
        "event_date": f"{month:02d}-{day:02d}" if dated else None, "year": year,
    }


def lay_body(page: Page, article: dict, width: int, rng) -> list[int]:
    """Body lines, wrapped at the column width; now and then a blank line as a column break."""
    numbers = []
    for k, para in enumerate(article["paragraphs"]):
        lines = wrap(("" if k else "") + para, width)
        for i, line in enumerate(lines):
            numbers += page.add([line])
            if 0 < i < len(lines) - 1 and rng.random() < 0.06:
                page.lines.append("")  # column break in mid-sentence
        if k < len(article["paragraphs"]) - 1:
            page.blank()
    if article["byline"]:
        numbers += page.add([article["byline"]])
    return numbers


def lay_headline(page: Page, article: dict, width: int) -> list[int]:
    numbers = []
    if article["kicker"]:
        numbers += page.add([article["kicker"]])
        page.blank()
    numbers += page.add(wrap(article["title"], max(8, min(len(article["title"]), width + 4))))
    if article["subtitle"]:
        page.blank()
        numbers += page.add([article["subtitle"]])
    return numbers


def make_page(rng, pool, district, year, reporters, count) -> Page:
    page = Page()
    width = rng.randint(12, 18)
    articles = [make_article(rng, pool, district.name, year, reporters) for _ in range(count)]
    style = rng.choice(["before", "after", "after", "mixed"])
    far: list[tuple[int, dict]] = []
    gold_of: dict[int, dict] = {}
    for n, article in enumerate(articles):
        where = style if style != "mixed" else rng.choice(["before", "after", "far"])
        head = []
        if where == "before":
            head = lay_headline(page, article, width)
            page.blank()
        body = lay_body(page, article, width, rng)
        page.blank()
        if where == "after":
            head = lay_headline(page, article, width)
            page.blank()
        if where == "far":
            far.append((n, article))
        gold_of[n] = {"article": article, "head": head, "body": body}
    for n, article in far:
        gold_of[n]["head"] = lay_headline(page, article, width)
        page.blank()
    if rng.random() < 0.3:
        page.blank()
        caption = f"➡{rng.choice(pool)}".rstrip("。") + "。"
        lines = wrap(caption, width + 6)
        photographer = rng.choice(reporters)
        lines[-1] += f" 本报记者 {photographer} 摄"
        body = page.add(lines)
        page.blank()
        gold_of[len(articles)] = {"article": {"title": None, "kicker": None, "subtitle": None,
                                              "reporters": [], "correspondents": [], "event_date": None,
                                              "photographers": [photographer], "kind": "photo"},
                                  "head": [], "body": body}
    for n in sorted(gold_of):
        g = gold_of[n]
        a = g["article"]
        page.gold.append({
            "id": n + 1, "kind": a.get("kind", "news"), "title": a["title"], "kicker": a["kicker"],
            "subtitle": a["subtitle"], "title_alternatives": [],
            "headline_lines": ranges(g["head"]), "body_lines": ranges(g["body"]),
            "reporters": a["reporters"], "correspondents": a["correspondents"],
            "photographers": a.get("photographers", []), "event_date": a["event_date"],
            "persons": [], "organizations": [], "yesterday": a.get("yesterday", False),
        })
    return page


def ranges(numbers: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for n in numbers:
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        elif out and n == out[-1][1] + 2:  # a blank line between: one range, blanks do not count
            out[-1][1] = n
        else:
            out.append([n, n])
    return out


def generate(articles: int, out: Path, seed: int = 7) -> int:
    rng = random.Random(seed)
    pool = sentence_pool()
    districts = [d for d in gazetteer().districts]
    reporters = [name(rng) for _ in range(60)]
    (out / "pages").mkdir(parents=True, exist_ok=True)
    (out / "gold").mkdir(parents=True, exist_ok=True)
    made, n = 0, 0
    while made < articles:
        district = rng.choice(districts)
        year = rng.randint(2015, 2024)
        count = min(rng.randint(4, 8), articles - made)
        page = make_page(rng, pool, district, year, reporters, count)
        stem = f"{year}_{n:06d}"
        (out / "pages" / f"{stem}.txt").write_text("\n".join(page.lines) + "\n", encoding="utf-8")
        printed = date(year, rng.randint(1, 12), rng.randint(1, 28))
        (out / "pages" / f"{stem}.yaml").write_text(
            f"district: {district.name}\ncity: {district.city}\ndate: {printed.isoformat()}\n", encoding="utf-8")
        for g in page.gold:  # 昨日 is the day before the printing
            if g.pop("yesterday"):
                g["event_date"] = (printed - timedelta(days=1)).strftime("%m-%d")
        gold = {"source": f"{stem}.txt", "district": district.name, "city": district.city, "page_year": year,
                "furniture_lines": [], "articles": page.gold}
        (out / "gold" / f"{stem}.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1), encoding="utf-8")
        made += sum(1 for g in page.gold if g["kind"] == "news")
        n += 1
    return n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    pages = generate(args.articles, args.out, args.seed)
    print(f"{pages} pages with about {args.articles} articles → {args.out}")


if __name__ == "__main__":
    main()
