"""Headline roles: which headline unit is the main title, which the kicker (引题) above it
and the subtitle (副题) below; a title derived from the lead where the page prints none."""
from __future__ import annotations

import re

from ..text.chars import clean, compact, simplified
from ..text.credits import DATELINE as _DATELINE, without_dateline
from ..text.vocabulary import CAPTION_MARKS, ITEM_MARKS, SUBTITLE_DASH

NEWS_VERBS = re.compile(
    r"召开|举行|举办|开展|调研|督导|视察|考察|签约|揭牌|成立|启动|开班|开幕|闭幕|上线|获评|获|荣获|走进|"
    r"部署|推进|会议|培训|活动|座谈|检查|慰问|发布|通报|评选|表彰|开工|竣工|投产|落地|召集|宣讲|学习会")
PLACE_ONLY = re.compile(r"^[\u4e00-\u9fff]{2,6}(?:乡|镇|街道|村|社区|区|县|市)$")
DATELINE = re.compile(rf"^{_DATELINE}\s*(?:[（(][^）)]*[）)])?\s*")
UNTITLED = "（无题）"
COLUMN_NAME = 4  # characters: a unit this short beside another is no title
LEAD_MARK = re.compile(rf"^(?:[{re.escape(CAPTION_MARKS + ITEM_MARKS)}]\s*|[（(](?:上接|接上|紧接)[^）)]{{0,6}}[）)])")
ITEM_MARK = re.compile(rf"^[{re.escape(ITEM_MARKS)}]\s*")
BRACKETED = re.compile(r"[【\[〔]([^【】\[\]〔〕]+)[】\]〕]")


def unit_text(lines: list[str]) -> str:
    """A headline unit's lines joined: a wrapped line joins directly, inner spaces stay; an item's
    mark before it is no part of it ('■相关链接'), nor are brackets around it whole ('【时评】')."""
    unit = ITEM_MARK.sub("", "".join(clean(line) for line in lines))
    bracketed = BRACKETED.fullmatch(unit)
    return bracketed.group(1) if bracketed else unit


def roles(units: list[str], district_names: list[str], lead: str) -> tuple[str | None, str, str | None]:
    """(kicker, title, subtitle) from the units of one headline, in page order."""
    if len(units) == 1:
        return None, units[0], None

    def factual(i: int) -> float:
        text = compact(units[i])
        score = 2.0 * any(name in text for name in district_names)
        score += min(2, len(NEWS_VERBS.findall(text)))
        score += 0.5 * (sum(1 for k in range(len(text) - 1) if text[k:k + 2] in lead) / max(1, len(text) - 1))
        if PLACE_ONLY.match(text) or len(text) <= COLUMN_NAME:
            score -= 5  # a place name alone is a kicker, and so is a column's name (短评, 聚焦两会)
        return score

    # a unit that opens with a dash ('——金水区…纪实') is the subtitle, never the title
    main = max([i for i, u in enumerate(units) if not SUBTITLE_DASH.match(u)] or range(len(units)),
               key=lambda i: (factual(i), -i))
    kicker = " ".join(units[:main]) or None
    subtitle = " ".join(units[main + 1:]) or None
    return kicker, units[main], subtitle


def derive(paragraphs: list[str], limit: int = 28) -> str:
    """A title for an article whose page prints none: the first sentence of its lead, after its
    dateline and the credit that follows it (本报西安１月１０日电记者孟西安报道：)."""
    lead = without_dateline(paragraphs[0]) if paragraphs else ""
    dateline = DATELINE.match(simplified(lead))
    lead = lead[dateline.end():] if dateline else lead
    lead = LEAD_MARK.sub("", lead)  # a caption's or a brief's mark, 上接第1版
    sentence = re.split(r"[。！？；]", lead, maxsplit=1)[0].strip() or lead.strip()  # '。，、！' has no first sentence
    if not sentence:
        return UNTITLED  # a title is never empty: feeds, pages and citations need one
    return sentence if len(sentence) <= limit else sentence[:limit].rstrip("，、,") + "…"
