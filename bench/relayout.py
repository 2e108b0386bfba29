"""The articles of annotated pages laid out again, as another paper or another day would set them.

Each gold article keeps its words, headline units and credits; what changes is the layout:
column width, a paragraph a line or wrapped, blank lines as column breaks in mid-sentence,
headlines before, right after or far below their article, articles in another order, and the
tail of a story at the top of the page. Every new page comes with its gold, in the referee's
format, so reassembly can be scored on layouts it was not written against.

    python bench/relayout.py --gold ../shared/gold --pages ../shared/seeds --out /tmp/relaid --variants 8
    python bench/relayout.py --gold ../shared/gold --pages ../shared/seeds --out /tmp/tight --tight
    python bench/relayout.py --gold ../shared/gold --pages ../shared/seeds --out /tmp/sb --between-stories
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.text.credits import is_credit  # noqa: E402
from generator.text.chars import ends_sentence  # noqa: E402



def _lines(ranges) -> list[int]:
    return [n for a, b in ranges or [] for n in range(int(a), int(b) + 1)]


def paragraphs(raw: list[str], article: dict) -> list[str]:
    """The body as printed paragraphs: a blank line after a finished sentence ends one; after an
    unfinished one it was a column break. Sub-headings and bylines stand alone."""
    subheadings = {n for s in article.get("subheadings") or [] for n in ([s] if isinstance(s, int) else _lines([s]))}
    out: list[str] = []
    current = ""
    previous_blank = False
    for n in _lines(article["body_lines"]):
        line = raw[n - 1].strip()
        if not line:
            previous_blank = True
            continue
        if n in subheadings or is_credit(line):
            out += [current] if current else []
            out.append(line)
            current = ""
        elif current and previous_blank and (ends_sentence(current) or re.search(r"[\u4e00-\u9fff]$", current) is None):
            out.append(current)
            current = line
        else:
            current += line
        previous_blank = False
    return out + ([current] if current else [])


def loose_last_sentence(paras: list[str], rng: random.Random) -> list[str]:
    """Sometimes a story's short last sentence comes out of the PDF on a line of its own, its full
    stop lost ('目前平台运转良好，势头喜人' on a sample page): text of the story all the same."""
    text = [i for i, p in enumerate(paras) if not is_credit(p)]
    if not text or rng.random() >= LOOSE_LAST_SENTENCE:
        return paras
    last = text[-1]
    sentences = re.findall(r"[^。！？]+[。！？][”’」』]?", paras[last])
    if len(sentences) < 2 or not 6 <= len(sentences[-1]) <= 30 or re.search("[“”；]", sentences[-1]) \
            or sentences[-2].endswith("”"):  # '…化。”' + '武燕说。': the speaker belongs to the quote
        return paras
    return paras[:last] + ["".join(sentences[:-1]), sentences[-1][:-1]] + paras[last + 1:]


def headline_units(article: dict) -> list[str]:
    units = [article.get("kicker"), article.get("title")]
    units += [u.strip() for u in (article.get("subtitle") or "").split(" / ")]
    return [u for u in units if u]


LOOSE_LAST_SENTENCE = 0.3  # how often a story's short last sentence stands alone
NO_LINE_START = "，。、；：？！”’）》」』…"  # punctuation a typesetter never sets at a line's start


def wrap(text: str, width: int) -> list[str]:
    lines, i = [], 0
    while i < len(text):
        j = min(len(text), i + width)
        while j < len(text) and text[j] in NO_LINE_START:
            j += 1
        lines.append(text[i:j])
        i = j
    return lines or [""]


class Layout:
    """A page being set: lines, and for each article the lines it got."""

    def __init__(self, rng: random.Random, width: int, one_line: bool, column: int):
        self.rng, self.width, self.one_line, self.column = rng, width, one_line, column
        self.lines: list[str] = []
        self.since_break = 0

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.since_break = 0

    def text(self, paragraphs: list[str]) -> list[int]:
        """Set paragraphs, a blank line between them and a column break every `column` lines."""
        placed = []
        for para in paragraphs:
            if not is_credit(para):  # a byline stands right under its text
                self.blank()
            for line in ([para] if self.one_line else wrap(para, self.width)):
                if self.since_break >= self.column:
                    self.blank()
                self.lines.append(line)
                placed.append(len(self.lines))
                self.since_break += 1
        return placed

    def furniture(self, lines: list[str]) -> list[int]:
        """The page's frame, set as printed: one block ('示范区头条' / '微信公众号')."""
        self.blank()
        self.lines += lines
        return list(range(len(self.lines) - len(lines) + 1, len(self.lines) + 1))

    def headline(self, units: list[str]) -> list[int]:
        placed = []
        for unit in units:
            self.blank()
            width = self.rng.choice((0, 0, self.width + 2, self.width + 6))
            for line in (wrap(unit, width) if width and len(unit) > width + 3 else [unit]):
                self.lines.append(line)
                placed.append(len(self.lines))
        self.blank()
        return placed


def relayout(raw: list[str], gold: dict, rng: random.Random) -> tuple[list[str], dict]:
    layout = Layout(rng, width=rng.randint(9, 22), one_line=rng.random() < 0.15, column=rng.randint(14, 45))
    articles = list(gold["articles"])
    rng.shuffle(articles)
    # The tail of one story (its last paragraphs, or the second half of its last one) at the top.
    parts = {id(a): [paragraphs(raw, a)] for a in articles}
    tailed = None
    if len(articles) > 1 and rng.random() < 0.4:
        # mostly the page's last story (its column runs on from the foot of the page to the head)
        able = [a for a in articles[1:] if a.get("kind") == "news" and len(parts[id(a)][0]) >= 2]
        tailed = (able[-1] if rng.random() < 0.7 else rng.choice(able)) if able else None
    if tailed:
        paras = parts[id(tailed)][0]
        cut = rng.randint(1, len(paras) - 1)
        parts[id(tailed)] = [paras[:cut], paras[cut:]]
    for article in articles:
        if article is not tailed:
            parts[id(article)][0] = loose_last_sentence(parts[id(article)][0], rng)
    placed: dict[int, dict] = {id(a): {"body": [], "head": []} for a in articles}
    far = []
    furniture = layout.furniture([raw[n - 1].strip() for n in _lines(gold.get("furniture_lines")) if raw[n - 1].strip()])
    if tailed:
        placed[id(tailed)]["tail"] = layout.text(parts[id(tailed)][1])
    for article in articles:
        units = headline_units(article) if article.get("headline_lines") else []
        where = rng.choices(("before", "after", "far"), weights=(5, 3, 2))[0] if units else "none"
        if where == "before":
            placed[id(article)]["head"] = layout.headline(units)
        placed[id(article)]["body"] = layout.text(parts[id(article)][0])
        if where == "after":
            layout.blank()
            placed[id(article)]["head"] = layout.headline(units)
        elif where == "far":
            far.append((article, units))
    for article, units in far:
        placed[id(article)]["head"] = layout.headline(units)
    out = []
    for k, article in enumerate(gold["articles"], 1):
        got = placed[id(article)]
        body = [_ranges(got["body"])[0][0], _ranges(got["body"])[-1][1]]
        fragments = [body] + ([[got["tail"][0], got["tail"][-1]]] if "tail" in got else [])
        new = {key: article.get(key) for key in ("kind", "title", "kicker", "subtitle", "title_alternatives",
                                                 "reporters", "correspondents", "photographers", "event_date",
                                                 "event_date_text", "persons", "organizations")}
        new.update(id=k, headline_lines=_ranges(got["head"]), body_lines=fragments, subheadings=[])
        out.append(new)
    page = {key: gold.get(key) for key in ("district", "district_full", "city", "page_year")}
    page.update(source="", furniture_lines=_ranges(furniture), articles=out)
    return layout.lines, page


def _ranges(lines: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for n in lines:
        if out and n <= out[-1][1] + 2:  # a blank line inside a range is not a line of it
            out[-1][1] = n
        else:
            out.append([n, n])
    return out


def tight(lines: list[str], gold: dict, between_stories: bool = False) -> tuple[list[str], dict]:
    """The page with its blank lines taken out (as some PDF extractors give a page: no blank line
    between paragraphs, headlines and stories), or with one left only where a story ends and
    another begins (`between_stories`: none between a headline and its text), its gold renumbered
    to match."""
    owner = {n: k for k, article in enumerate(gold["articles"])
             for key in ("headline_lines", "body_lines") for n in _lines(article.get(key))}
    out: list[str] = []
    new_number: dict[int, int] = {}
    for n, line in enumerate(lines, 1):
        if line.strip():
            if between_stories and out and owner.get(n) != owner.get(max(new_number)):
                out.append("")
            out.append(line)
            new_number[n] = len(out)

    def renumbered(ranges) -> list[list[int]]:
        out: list[list[int]] = []
        for n in (new_number[n] for n in _lines(ranges) if n in new_number):
            if out and out[-1][1] == n - 1:
                out[-1][1] = n
            else:
                out.append([n, n])
        return out

    new = json.loads(json.dumps(gold))
    new["furniture_lines"] = renumbered(gold.get("furniture_lines"))
    for article in new["articles"]:
        for key in ("headline_lines", "body_lines"):
            article[key] = renumbered(article.get(key))
        article["subheadings"] = [new_number[n] for n in article.get("subheadings") or [] if n in new_number]
    return out, new


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--pages", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--variants", type=int, default=8)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tight", action="store_true", help="each page as it is, its blank lines taken out")
    ap.add_argument("--between-stories", action="store_true",
                    help="each page as it is, blank lines only where one story ends and another begins")
    args = ap.parse_args(argv)
    (args.out / "pages").mkdir(parents=True, exist_ok=True)
    (args.out / "gold").mkdir(parents=True, exist_ok=True)
    count, seen = 0, set()
    for path in sorted(args.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        raw = (args.pages / path.with_suffix(".txt").name).read_text(encoding="utf-8").split("\n")
        if args.tight or args.between_stories:
            lines, new = tight(raw, gold, between_stories=args.between_stories)
            (args.out / "pages" / path.with_suffix(".txt").name).write_text("\n".join(lines) + "\n", encoding="utf-8")
            (args.out / "gold" / path.name).write_text(json.dumps(new, ensure_ascii=False, indent=1), encoding="utf-8")
            count += 1
            continue
        for v in range(args.variants):
            rng = random.Random(f"{args.seed}:{path.stem}:{v}")
            lines, new = relayout(raw, gold, rng)
            if "\n".join(lines) in seen:  # a page of one article can come out the same twice
                continue
            seen.add("\n".join(lines))
            name = f"{path.stem}_r{args.seed}v{v}"
            new["source"] = f"{name}.txt"
            (args.out / "pages" / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
            (args.out / "gold" / f"{name}.json").write_text(json.dumps(new, ensure_ascii=False, indent=1), encoding="utf-8")
            count += 1
    print(f"{count} pages → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
