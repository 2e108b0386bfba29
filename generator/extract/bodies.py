"""Organisation names an article gives: the trained model's (LAC's ORG entities), the rules'
(extract/people.organizations) where a word starts and ends them, and the agencies its dateline
and credits name.

The rules were written on district pages and read residue into names on other papers ('电（记者
程红根）中共中央政治局', '为省政协', '产值比西门子公司'); the model misses a district paper's own
bodies (攻坚办, 交警三大队). Each holds the other in check: a name of the rules stands where the
model's words start and end it, and not after a function word; a name of the model ends as a body's
name does (院, 部, 委, 中心, 公司 …) and is more than a level alone (市政府, 区委: whose they are is
the article's place, extract/places.qualified_body).
"""
from __future__ import annotations

import re

from ..text import credits, vocabulary
from ..text.words import starts as starts_of
from . import ner, places

# What a body's name ends with, the model's ORG entity kept only where it does: 国务院, 外交部,
# 中央军委, 中国共产党, 中国人民解放军, 联合国, 中共中央, 全国人大 (not 新时代, 从严治党, 新能源汽车).
BODY_LAST = set("院部委会社党军局厅办处所站厂司行校馆团队组台署府庭场园矿店国盟室")
BODY_ENDS = ("中央", "人大", "中心", "政协", "集团", "公司", "银行")
LEVEL_ALONE = re.compile(r"^[省市区县]")  # 市政府, 区委: a level, not yet a name
CONJUNCTION_AFTER = re.compile(r"[和与及同]$")  # 郑州市科协和: the model ran on into the list
# Word tags no name starts with (LAC's: prepositions, conjunctions, verbs, adverbs, pronouns, …).
NOT_A_NAME_START = {"p", "c", "u", "v", "d", "r", "m", "q", "f", "w", "xc", "ad", "TIME", "PER"}
FUNCTION_WORDS = ("p", "c", "u", "v", "d", "r", "m", "q", "f", "x", "y", "e")  # jieba's, as above
MIN_MODEL_NAME = 3  # characters: 中国, 中央 alone are no body's name
BODY_CONTEXT = (16, 4)
# jieba tags a body's name nt and an abbreviation j: of those (党建, 研发, 同比 are j too), the ones
# that end as a body's short name does (中宣部, 管委会, 科协, 全国人大).
ABBREVIATED_LAST = set("协联大")
# Nouns that end a body's name without jieba calling it one: 政府, 分社, 委员会, 研究所.
BODY_WORDS = ("政府", "分社", "委员会", "中心", "公司", "集团", "银行", "大学", "学院", "学校", "医院", "法院",
              "检察院", "研究所", "研究院", "协会", "学会", "商会", "工会", "党委", "总站", "剧团", "艺术团", "敬老院",
              "博物馆", "纪念馆", "大使馆", "领事馆", "电视台", "电台", "报社", "出版社", "工厂", "煤矿", "油田",
              "核电站", "议会", "国会", "政党", "部队", "军区")  # characters the model reads before and after a word that may end a body's name


def text_for_model(title: str | None, paragraphs: list[tuple[str, str]]) -> str:
    """What the model reads of an article: its title and text, without the dateline and credits
    ('新华社西安１月１日电（记者…）政协…' ran into '电政协')."""
    texts = [t for t, role in paragraphs if role != "byline"]
    if texts:
        texts[0] = credits.without_dateline(texts[0])
    return "。".join(filter(None, [title, *texts]))


def organizations(text: str, tokens: list[tuple[str, str]], entities: list[ner.Entity], rules: list[str],
                  printed: str, title: str = "") -> list[str]:
    """An article's organisations: `text` from text_for_model, `tokens` jieba's words of it,
    `entities` what the model found in its `windows`, `title` the article's printed title,
    `rules` the rules' names in it, `printed` its dateline and credits."""
    out = agencies(printed)
    starts = {e.start: e.tag for e in entities}
    read = {e.start + k for e in entities for k in range(len(e.text))}
    words = dict(zip(starts_of(tokens), (f for _, f in tokens)))
    for name in rules:
        at = text.find(name)  # (a name read across the dateline is not in the text at all)
        if name in title:  # a title is set apart: nothing runs into a name there
            out.append(name)
        elif at in read:  # where the model read, the name starts with one of its words, not a function word
            if starts.get(at, "p") not in NOT_A_NAME_START:
                out.append(name)
        elif at in words and (words[at] == "vn" or not words[at].startswith(FUNCTION_WORDS)):  # elsewhere jieba's
            out.append(name)
    for entity in entities:
        name = _trimmed(entity.text) if entity.tag == "ORG" else ""
        if len(name) >= MIN_MODEL_NAME and not LEVEL_ALONE.match(name) and \
                (name[-1] in BODY_LAST or name.endswith(BODY_ENDS)):
            out.append(name)
    return list(dict.fromkeys(out))


def windows(text: str, tokens: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """Where the model reads (it costs a few milliseconds a sentence, and most of a text names no
    body): around each word jieba's dictionary calls a body (nt) or an abbreviation (j), and each
    noun that ends as a body's name does (政府, 分社), reaching back far enough for most of a
    body's name and on past its suffix."""
    cues = [(at, at + len(word)) for (word, flag), at in zip(tokens, starts_of(tokens))
            if len(word) >= 2 and (flag == "nt" or (flag == "j" and word[-1] in BODY_LAST | ABBREVIATED_LAST)
                                   or (flag in ("n", "nz") and word.endswith(BODY_WORDS)))]
    spans = sorted((max(0, a - BODY_CONTEXT[0]), min(len(text), b + BODY_CONTEXT[1])) for a, b in cues)
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def _trimmed(name: str) -> str:
    return CONJUNCTION_AFTER.sub("", name)


def agencies(printed: str) -> list[str]:
    """The agencies a dateline or credit names (新华社北京１月２日电, （新华社记者X摄）): bodies the
    article names, but the paper itself (本报)."""
    return [m.group() for m in re.finditer(vocabulary.AGENCY, printed) if not m.group().startswith("本")]


def placed(names: list[str], district: str | None, city: str | None, text: str) -> list[str]:
    """The names, but a short form by its level (区委, 市政府) only where the article says whose it
    is: on a district's page, or where the article names the city (the site then names it in full,
    Article.body_page). 市政府 in a national paper's story from Chongqing is not the paper's city's."""
    city = city if city and (district or city in text) else None
    return [n for n in names if not LEVEL_ALONE.match(n) or not LEVEL_ALONE.match(places.qualified_body(n, district, city))]
