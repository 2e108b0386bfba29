"""Organisation names an article gives: the trained model's (LAC's ORG entities), the rules'
(extract/body_rules.py: the longest runs that end in an organisation word — 党工委, 管委会, 有限公司,
大学 — between delimiters) where a word starts them, and the agencies its dateline and credits name.

The rules were written on district pages and read residue into names on other papers ('电（记者
程红根）中共中央政治局', '为省政协', '产值比西门子公司'); the model misses a district paper's own
bodies (攻坚办, 交警三大队). Each holds the other in check: a name of the rules starts where a word
of the model's (or, where it did not read, of jieba's) starts, and that word is no function word;
a name of the model ends as a body's name does (院, 部, 委, 中心, 公司 …) and is more than a level
alone (市政府, 区委: whose they are is the article's place, `placed`).
"""
from __future__ import annotations

import re

from ..text import vocabulary
from ..text.words import common, starts as starts_of, tag_short
from . import ner, places
from .body_rules import COUNTED_IN, FORMER, NOT_A_PARTY, PROPER_WORD, SITTING, proper_start, standing

# What a body's name ends with, the model's ORG entity kept only where it does: 国务院, 外交部,
# 中央军委, 中国共产党, 中国人民解放军, 联合国, 中共中央, 全国人大 (not 新时代, 从严治党, 新能源汽车).
BODY_LAST = set("院部委会社党军局厅办处所站厂司行校馆团队组台署府庭场园矿店国盟室")
BODY_ENDS = ("中央", "人大", "中心", "政协", "集团", "公司", "银行", "军区", "油田", "组织")
# 市政府, 区委, 特区政府, 镇卫生院, 村委会: a level, not yet a name (乡镇企业局 is one)
LEVEL_ALONE = re.compile(r"^(?:[省市区县]|[乡镇村](?![乡镇村])|特区|自治区|自治州)")
JOINED = re.compile("[和与及同]")
PLACE_END = re.compile(r"(?:[省市县]|特区|自治区|开发区|新区|街道|社区)$")  # not 区 alone: 区建设和交通局 is one body
PEOPLE_END = re.compile(r"(?:官员|人员|职工|群众|居民|家长|学生)$")  # people, no body: 家长和配餐公司 is two
CONJUNCTION_AFTER = re.compile(r"[和与及同]$")  # 郑州市科协和: the model ran on into the list
JOINED_TWO = re.compile("[和与及]")  # what joins two bodies' names
# Word tags no name starts with (LAC's: prepositions, conjunctions, verbs, adverbs, pronouns, …).
NOT_A_NAME_START = {"p", "c", "u", "v", "d", "r", "m", "q", "f", "w", "xc", "ad", "TIME", "PER"}
JIEBA_NOT_A_NAME_START = ("p", "c", "u", "v", "d", "r", "m", "q", "f", "x", "y", "e")  # jieba's tags of the same
# jieba's tags of what a body's name never holds: a preposition, an adverb, a pronoun, an idiom —
# a clause read as a name (工商部门应优先为其办, 北京某大公司, 居民生活如常事业蒸蒸日上香港特区政府).
CLAUSE_WORDS = ("p", "d", "r", "i")
OBJECT_TAGS = ("n", "vn", "nz", "ns", "nt", "l")  # jieba's tags of what a verb governs: 办|体育, 办|企业
STAFF = ("人", "员", "部", "长", "者", "任")  # who works at a body: 负责人, 工作人员, 干部, 局长
MAX_HELD = 12  # characters of a name of the dictionary's before the model's that it holds: 越南|共产党
MEMBER = "常委"  # a member of a body's standing committee, which jieba's words join to the body's (市委常委)
MIN_MODEL_NAME = 3  # characters: 中国, 中央 alone are no body's name
LETTERS = re.compile("[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]")  # of a name like ＴＣＬ集团, in either width
LETTERS_BEFORE = re.compile(f"{LETTERS.pattern}+$")
MAX_LETTERS = 12  # looked back for: a brand's letters (ＴＣＬ, IBM) are few
# Every body of a kind, or one not named: 各级人大常委会, 北京某大公司, 当地卫生监督所, the levels a name is shared
# by (全国、省、市教育整顿领导小组办公室, 各省、自治区、直辖市双拥工作领导小组: each level's office),
# and bodies counted (３０个工商银行城市分行; not 一家, which may name one).
KIND_BEFORE = re.compile(r"(?:各级|各|某|当地|(?:^|(?<=[、，。；：（“\s]))(?:全国|[省市县区]|自治区|直辖市)、|"
                         r"(?:\d+|[二三四五六七八九十两几多百千]+)[个家所座])$")
KIND_REACH = 6  # characters: the longest of them (１００个, 自治区、); looked at right before a name only
CLAUSE_BREAKS = "，。；：！？"
BODY_CONTEXT = (16, 4)  # characters the model reads before and after a word that may end a body's name
# jieba tags a body's name nt and an abbreviation j: of those (党建, 研发, 同比 are j too), the ones
# that end as a body's short name does (中宣部, 管委会, 科协, 全国人大).
ABBREVIATED_LAST = set("协联大")
# Nouns that end a body's name without jieba calling it one: 政府, 分社, 委员会, 研究所.
BODY_WORDS = ("政府", "分社", "委员会", "中心", "公司", "集团", "银行", "大学", "学院", "学校", "医院", "法院",
              "检察院", "研究所", "研究院", "协会", "学会", "商会", "工会", "党委", "总站", "剧团", "艺术团", "敬老院",
              "博物馆", "纪念馆", "大使馆", "领事馆", "电视台", "电台", "气象台", "天文台", "报社", "出版社", "工厂", "煤矿", "油田",
              "核电站", "议会", "国会", "政党", "部队", "军区")


def organizations(text: str, tokens: list[tuple[str, str]], entities: list[ner.Entity], rules: list[str],
                  printed: str, title: str = "") -> list[str]:
    """An article's organisations: `text` what the model reads of it (article._Text), `tokens`
    jieba's words of it, `entities` what the model found in its `windows`, `title` the article's
    printed title, `rules` the rules' names in it, `printed` its dateline and credits."""
    credited = agencies(printed)
    out = list(credited)
    by_start = {e.start: e for e in entities}  # the model's words by where they start
    read = {e.start + k for e in entities for k in range(len(e.text))}
    bounds = starts_of(tokens)
    words, ends = dict(zip(bounds, (f for _, f in tokens))), set(bounds)
    for name in rules:
        at = text.find(name)  # (a name read across the dateline is not in the text at all)
        if at > 0 and _kind_before(text, at):
            continue
        listed = at >= 0 and _listed(text, at, at + len(name))  # (a rules' name holds no '、': a cut one is no item)
        if at >= 0 and name not in title and not listed:
            cut = _as_read(name, at, by_start)
            at, name = at + len(name) - len(cut), cut
            if len(name) < MIN_MODEL_NAME:
                continue
        if name in title:  # a title is set apart: nothing runs into a name there (but its last character is its own)
            if _ends_word(name, title):
                out.append(name)
        elif at >= 0 and at + len(name) not in ends and not (text.startswith(MEMBER, at + len(name)) and
                                                              proper_start(name)):
            continue  # a name ends where a word ends: not 暂行办(法), 财政部会(同); but 北京市委|常委 (jieba's 市委常委)
        elif at in by_start:  # where a word of the model's starts, it is no function word
            if (by_start[at].tag not in NOT_A_NAME_START or listed) and at in words:
                out.append(name)
        elif at in read and at - 1 in by_start and by_start[at - 1].tag == "p" and at in words:
            out.append(name)  # the model read a preposition into the name (由|机械工业…公司): jieba's word starts it
        elif at not in read and at in words and (words[at] == "vn" or not words[at].startswith(JIEBA_NOT_A_NAME_START)
                              or places.starts_with_division(name)):  # elsewhere jieba's
            out.append(name)
    out += national(text, tokens, bounds)
    held = {at: word for (word, flag), at in zip(tokens, bounds) if flag == "nt"}  # names jieba's dictionary holds
    for entity in entities:
        name, start = (_trimmed(entity.text) if entity.tag == "ORG" else ""), entity.start
        whole = next((at for at in range(start, max(-1, start - MAX_HELD), -1) if at in held and
                      start + len(name) <= at + len(held[at])), None) if text.startswith(name, start) and name else None
        if whole is not None:  # the model read short of a name the dictionary holds whole (世界|贸易组织, 越南|共产党)
            start, name = whole, held[whole]
        if name[-2:-1] == name[-1:] and text.startswith("长", start + len(name)):
            name = name[:-1]  # 政务司司长: the body, then its head's title (司长), read into one name
        sitting = SITTING.match(text, start + len(name)) if name else None
        if sitting:  # a numbered sitting or term of the body's organ, which the model read apart
            name += sitting.group()
        end = start + len(name)
        former = re.match(FORMER, name)  # 原省电力局: the body as it was, named by its name
        body = name[former.end():] if former else name
        letters = LETTERS.match(body) and LETTERS_BEFORE.search(text, max(0, start - MAX_LETTERS), start)
        if letters:  # the model cut a word of letters: Ｔ|ＣＬ集团有限公司
            body = letters.group() + body
        if _named_body(body) and end in ends and not _kind_before(text, start) and \
                not COUNTED_IN.search(body):
            out.append(body)
    names = [n for n in dict.fromkeys(_without_address(_without_preposition(b)) for n in out for b in _each_body(n))
             if not _two_bodies(n) and not _a_kind(n) and not _unnamed(n) and not _done(n, text, tokens, bounds) and
             not _reads_as_clause(n) and not _set_up_for_a_task(n)]
    names = [n for n in names if not any(_named_better(n, o, text) for o in names)]
    return _one_name_a_body(standing(n) for n in names if n in credited or not _only_within(n, names, text))


# Bodies set up for a task and named by it: whose they are is a place's or a body's (二七区政法队伍教育整顿
# 领导小组, 全国双拥工作领导小组, 国家防汛抗旱总指挥部); with neither they are the task's, one of many
# (事故处置领导小组, 现场紧急处置领导小组, 应急指挥部: every accident has one).
TASK_GROUPS = ("领导小组", "工作组", "工作专班", "指导组", "指挥部")


def _set_up_for_a_task(name: str) -> bool:
    suffix = next((s for s in TASK_GROUPS if name.endswith(s)), None)
    if not suffix:
        return False
    head = name[:-len(suffix)]
    return not (head.startswith(NATIONAL) or LEVEL_ALONE.match(head) or places.starts_with_division(head) or
                any(flag.startswith(PROPER_WORD + ("j",)) for _, flag in tag_short(head)))


# The characters of a division's level, which a body's name may print or leave out (北京西单购物中心 /
# 北京市西单购物中心, 固阳交管大队 / 固阳县交管大队).
LEVELS = re.compile("[省市县区州]")


def _without_levels(short: str, full: str) -> bool:
    """Whether `short` is `full` with some of its levels' characters left out (固阳交管大队 of 固阳县交管
    大队; not 沧县人民医院 of 沧州市人民医院: 县 is not in it)."""
    k = 0
    for char in full:
        if k < len(short) and char == short[k]:
            k += 1
        elif not LEVELS.match(char):
            return False
    return k == len(short) and len(short) < len(full)


def _fuller(names) -> dict[str, str]:
    """Each name with a fuller form among `names` (the same name with its levels printed), by the
    fullest, where that is one. Not a level alone (市政府, 区政府: whose they are is `placed`'s)."""
    groups: dict[str, list[str]] = {}
    for name in names:
        if not LEVEL_ALONE.match(name):
            groups.setdefault(LEVELS.sub("", name), []).append(name)
    out = {}
    for forms in groups.values():
        for name in forms:
            fuller = [f for f in forms if _without_levels(name, f)]
            longest = [f for f in fuller if len(f) == len(max(fuller, key=len))]
            if len(longest) == 1:
                out[name] = longest[0]
    return out


def one_name_per_body(articles) -> None:
    """A body named with its place's level in one article and without it in another (固阳交管大队 /
    固阳县交管大队) is one body, one page, by the fuller name. An article's own names were made one
    already (organizations)."""
    fuller = _fuller({name for article in articles for name in article.organizations})
    for article in articles:
        if any(name in fuller for name in article.organizations):
            article.organizations = list(dict.fromkeys(fuller.get(name, name) for name in article.organizations))


def _one_name_a_body(names) -> list[str]:
    """An article's names, a body named with and without its place's level once, by the fuller name
    (the official one), where it first stands."""
    names = list(dict.fromkeys(names))
    fuller = _fuller(names)
    return list(dict.fromkeys(fuller.get(name, name) for name in names))


def _named_better(name: str, other: str, text: str) -> bool:
    """Whether `other` names the body `name` names, and better: in full where the text then says
    it short (武汉市第十届人大常委会 … 人大常委会), or with its other name after it (吉林大学继续教育学院
    （培训学院）); but by the text's name where only the title sets a place before it (北京中央电视台… /
    中央电视台新址)."""
    if other == name:
        return False
    if _a_nations(name, other, text):
        return True
    if other.endswith(name) or other.startswith(name + "（"):
        return (other in text or name not in text) and not _a_nations(other, name, text)
    return name.endswith(other) and name not in text and other in text and not LEVEL_ALONE.match(other)


def _a_nations(name: str, firm: str, text: str) -> bool:
    """Whether `name` is the firm `firm` with the nation it is of before it (美国德士古公司, 中国中联煤层气
    有限责任公司), where the text also names the firm alone: a firm's name is its own, its nation said of
    it (a Chinese place before a body's name is part of it: 北京市委)."""
    nation = name[:-len(firm)] if name.endswith(firm) and firm.endswith(FIRM_WORDS) else ""
    if not nation or text.count(firm) <= text.count(name):
        return False
    return nation == "中国" or (tag_short(nation) == ((nation, "ns"),) and places.abroad(nation))


def _reads_as_clause(name: str) -> bool:
    """A name that holds a word of a clause (CLAUSE_WORDS); a place it opens with is no such word,
    whatever jieba tags it (大连|海富集团: 大连 an adverb)."""
    words = tag_short(name)
    if places.starts_with_division(words[0][0]):
        words = words[1:]
    return any(flag in CLAUSE_WORDS for _, flag in words)


def _only_within(name: str, names: list[str], text: str) -> bool:
    """The text names the body only as the head of a longer name it gives (国务院 of 国务院侨务办公室,
    文化部 of 文化部艺术局), or of one said without its start (国务院侨务办公室 of 中华人民共和国国务院侨务
    办公室): no mention of its own. A name the text does not hold (a title's) is kept."""
    longer = [o for o in names if o != name and name in o]
    if not longer or name not in text:
        return False
    said = {o[k:] for o in longer for k in range(len(o) - len(name)) if o.startswith(name, k)} | set(longer)
    spans = [m.span() for o in said for m in re.finditer(re.escape(o), text)]
    return all(any(a <= m.start() and m.end() <= b for a, b in spans) for m in re.finditer(re.escape(name), text))


def national(text: str, tokens: list[tuple[str, str]], bounds: list[int] | None = None) -> list[str]:
    """The State Council's ministries and commissions the text names (vocabulary national_bodies:
    财政部会同… is read by neither jieba's words nor the model), where a word starts; after another
    nation's name it is that nation's, named so (荷兰国防部, 古巴国内贸易部; 中国劳动部 is China's), and after
    a Chinese place's name none (a province's office is no ministry)."""
    at = {b: k for k, b in enumerate(starts_of(tokens) if bounds is None else bounds)}

    def place_before(k: int) -> str:
        return tokens[k - 1][0] if k > 0 and tokens[k - 1][1] == "ns" and tokens[k - 1][0] != "中国" else ""

    out = []
    for m in vocabulary.NATIONAL_BODY.finditer(text):
        if m.start() in at:
            place = place_before(at[m.start()])
            if not place:
                out.append(text[m.start() - len(_nation(text, m.start())):m.end()])
            elif places.abroad(place):  # another nation's: 荷兰国防部
                out.append(place + m.group())
    return out


NATION = ("中国", "国家")  # printed before a ministry's name as part of it: 中国审计署, 国家交通部


def _nation(text: str, at: int) -> str:
    return next((n for n in NATION if text.startswith(n, at - len(n))), "")


# Prepositions that bring in who acts or where (经大理市森林公安局调查, 由郑州市教育局主办): one standing
# before a place's name is the clause's, not the name's (经开区, 向阳区 start with none of them).
PREPOSITIONS = "经由在据向从被对为将把给于"
DIVISION_LAST = "省市县州区旗盟镇乡"


def _without_preposition(name: str) -> str:
    """The name without a preposition before a place's name: a division the data holds, or a word
    the dictionary calls a place that ends as a division does (伊犁州)."""
    if name[:1] not in PREPOSITIONS or len(name) < 4:
        return name
    first, flag = tag_short(name[1:])[0]
    return name[1:] if places.starts_with_division(name[1:]) or (
        flag == "ns" and len(first) > 2 and first[-1] in DIVISION_LAST) else name


# How an address ends before the body at it: a settlement, or a street or ring road of a division
# (石佛镇东湖村|郑州市宏达物流有限公司, 上海市徐汇区漕溪北路|中国科学院上海分院; not the brand 环球优路).
STREET_END = ("路", "街", "大道", "巷", "环", "号")
PLACE_KINDS = ("区", "县", "市")  # 贫困山区|阜平县委: what kind of place the body's is, no address
NATIONAL = ("中央", "中国", "国家", "全国")  # a body of the whole country: no address is inside one


def _without_address(name: str) -> str:
    """The name without the address run into it: an address goes from the larger place to the
    smaller, so a division (by its official name) or a national body after a settlement or a
    street starts the body's own name, which the address is no part of."""
    for at in range(2, len(name) - MIN_MODEL_NAME + 1):
        address, rest = name[:at], name[at:]
        if (address.endswith(places.SETTLEMENT_END) or (address.endswith(STREET_END) and places.starts_with_division(address))
                or (address.endswith(PLACE_KINDS) and not places.starts_with_division(address))) \
                and (rest.startswith(NATIONAL) or places.starts_with_official(rest)) and _named_body(rest):
            return rest
    return name


# What the model tags a proper part of a name (a place, a body, a person, a work or brand), and a
# verb or preposition: a rules' name that holds one before any proper part ran in from the clause
# before it (人不同程度受伤送|医院, 食物送去|东城区疾控防疫中心, 经|大理市森林公安局).
PROPER_TAGS = {"LOC", "ORG", "PER", "nz", "nw"}
CLAUSE_TAGS = {"v", "p", "vd"}


def _as_read(name: str, at: int, by_start: dict[int, ner.Entity]) -> str:
    """A rules' name (at `at` in the text) as the model reads it, where it read the whole name
    and no mark in it: from its first proper part, where the words before that hold a verb or a
    preposition, or more than nouns and that part is a body that ends the name (我国大型企业|春兰集团);
    nothing, where a verb or preposition stands in a name with no proper part. Elsewhere the name
    as it is."""
    words, k, end = [], at, at + len(name)
    while k < end:
        entity = by_start.get(k)
        if entity is None or entity.tag == "w":
            return name
        words.append(entity)
        k += len(entity.text)
    if k != end:  # the model's last word runs on past the name
        return name
    first = next((i for i, w in enumerate(words) if w.tag in PROPER_TAGS), len(words))
    clause = any(w.tag in CLAUSE_TAGS for w in words[:first])
    if first == len(words):
        return "" if clause else name
    described = any(w.tag != "n" for w in words[:first])  # not 国家|林业局, 全国|妇联: nouns may be the name's
    if clause or (described and first == len(words) - 1 and words[first].tag == "ORG"):
        return "".join(w.text for w in words[first:])
    return name


def _kind_before(text: str, at: int) -> bool:
    """Whether what stands right before `at` makes the name there a kind's (KIND_BEFORE)."""
    return KIND_BEFORE.search(text, max(0, at - KIND_REACH), at) is not None


def _listed(text: str, start: int, end: int) -> bool:
    """A name that is a whole item of a list (、攻坚办、城管局等部门), and no two joined (部门和市委):
    nothing of a clause runs into it, whatever the model makes of its first word (攻坚 as a verb)."""
    return text[start - 1:start] == "、" and text[end:end + 1] in ("、", "等") and not JOINED.search(text, start, end)


def _named_body(name: str) -> bool:
    """A name as long as a body's, that ends as one does and is more than a level alone."""
    return len(name) >= MIN_MODEL_NAME and not LEVEL_ALONE.match(name) and \
        (name[-1] in BODY_LAST or name.endswith(BODY_ENDS))


# A common word before a body's word names a kind of body, not one: 大公司, 保险公司, 企业集团,
# 地方政府, 人民法院, 西部油田. Not a head the dictionary does not hold (优路集团, 华为公司), a level (市政府:
# whose it is is the article's place, `placed`; 中央政府: there is one), or a bank (农业银行,
# 建设银行: the common words are its name).
KIND_HEAD_TAGS = {"n", "a", "f"}  # not vn: 胜利油田; f: a region's (西部油田)
MAX_KIND_HEAD = 2  # characters: longer heads (证券交易, 国际问题) are left as names
COMMON_WORD = 2000  # times in jieba's corpus: 保险 2,635, 企业 34,826 (but 山厦医院: 山厦 2, 光明 1,219)
COMMON_NOUN = {"n"}  # 银行, 实验室, 医院
ONE_OF_ITS_KIND = ("中央", "国家")
KIND_BODY_WORDS = tuple(w for w in BODY_WORDS if w != "银行")
FIRM_WORDS = ("公司", "集团")
# A city's or county's offices and units, named by what they do: every place has one (教育局,
# 卫生局, 铁路局), so the name says which only with a place or a number before it.
LOCAL_UNITS = ("局", "大队", "支队", "中队", "所")
LOCAL_HEAD_TAGS = {"n", "a", "an", "vn", "j"}  # a field of work: 铁路, 卫生 (an), 教育 (vn)
COMMON_FIELD = 100  # times in jieba's corpus: 消防 259, 交警 280, 税务 543 (fields of work are fewer than words)


def _a_kind(name: str) -> bool:
    """A name of a kind of body (above): a common word, then a local unit's word or a body's; or a
    firm the dictionary holds as one common noun (物业公司, 保险公司: a trade, no firm's name), or a
    party by its role (执政党) or two of them (国共两党)."""
    if name.endswith(FIRM_WORDS) and tag_short(name) == ((name, "n"),) or name.endswith(NOT_A_PARTY):
        return True  # (英国执政党, 国共两党: which party, or two)
    for suffixes, tags, count in ((LOCAL_UNITS, LOCAL_HEAD_TAGS, COMMON_FIELD), (KIND_BODY_WORDS, KIND_HEAD_TAGS, COMMON_WORD)):
        if name.endswith(suffixes):
            head = name[:-len(next(w for w in suffixes if name.endswith(w)))]
            return 0 < len(head) <= MAX_KIND_HEAD and head not in ONE_OF_ITS_KIND and \
                not LEVEL_ALONE.match(head) and common(head, tags, count)
    return False


def _unnamed(name: str) -> bool:
    """A body a headline tells of and does not name: a place, one, and what it is ('吉林一禽业公司',
    山西一煤矿: a poultry firm in Jilin). Not a numbered one the dictionary holds (南丰县一中, 长春一汽)
    nor one named after its number (郑州一建公司)."""
    words = tag_short(name)
    return any(w == ("一", "m") and before[1] == "ns" and after[1] == "n"
               for before, w, after in zip(words, words[1:], words[2:]))


def _ends_word(name: str, title: str) -> bool:
    """Whether `name` in `title` keeps its last character: no word of jieba's starts there and runs
    on past it (家门口办|理, 好事办|好), and it is no 办 the verb before its object (济南办国际象棋大赛).
    (A word may hold the end of a name and more: 领导|小组会议, 政协主席.)"""
    tokens = list(tag_short(title))
    bounds = starts_of(tokens)
    last = title.find(name) + len(name) - 1
    return not any(at == last and len(word) > 1 for (word, _), at in zip(tokens, bounds)) and \
        not _done(name, title, tokens, bounds)


def _done(name: str, text: str, tokens: list[tuple[str, str]], bounds: list[int]) -> bool:
    """A name ending in 办 where the text reads 办 as the verb, its object after it: 用长远的眼光办体育,
    由善经营的人来办企业, 济南办国际象棋大赛 (not an office: 侨办发表, 攻坚办、, 扶贫办主任, nor one
    followed by who works there: 攻坚办工作人员, 攻坚办负责人)."""
    at = text.find(name)
    if not name.endswith("办") or at < 0:
        return False
    by_start = dict(zip(bounds, tokens))
    verb, after = by_start.get(at + len(name) - 1), by_start.get(at + len(name))
    return verb == ("办", "v") and after is not None and after[1] in OBJECT_TAGS and not after[0].endswith(STAFF)


# A place's party committee and its government named as one ('城东区委区政府', 郑州市委市政府): each.
COMMITTEE_AND_GOVERNMENT = re.compile(r"^(.*?([省市县区]))委\2?政府$")


def _each_body(name: str) -> list[str]:
    """The bodies a name holds: two for a place's committee and government named together, or for
    two places' bodies of one kind (秦山和大亚湾核电站: 秦山核电站, 大亚湾核电站)."""
    both = COMMITTEE_AND_GOVERNMENT.match(name)
    if both:
        return [f"{both.group(1)}委", f"{both.group(1)}政府"]
    joined = JOINED_TWO.search(name)
    kind = next((w for w in BODY_WORDS if name.endswith(w)), "") if joined else ""
    if kind:
        left, place = name[:joined.start()], name[joined.end():-len(kind)]
        if tag_short(left) == ((left, "ns"),) and tag_short(place) == ((place, "ns"),):
            return [left + kind, place + kind]
    return [name]


def _two_bodies(name: str) -> bool:
    """党和政府, 新民晚报和上海国脉通讯股份有限公司, 八达岭长城特区和春兰集团, 英国高级官员和英国工党新政府:
    two bodies, a place and a body, or people and a body, joined, not one (林业和园林局 is one); or
    things listed, the last a word of every text (居民区和医院, 病毒检测和实验室); or a body whose
    name opens with a division's official name after the 和 (…街道和郑州市第八人民医院)."""
    joined = JOINED_TWO.search(name)
    if not joined:
        return False
    left, right = name[:joined.start()], name[joined.end():]
    return left[-1:] in BODY_LAST or left.endswith(BODY_ENDS + ("报",)) or PLACE_END.search(left) is not None or \
        tag_short(left) == ((left, "ns"),) or \
        PEOPLE_END.search(left) is not None or common(right, COMMON_NOUN, COMMON_WORD) or places.starts_with_official(right)


def windows(text: str, tokens: list[tuple[str, str]]) -> list[tuple[int, int]]:
    """Where the model reads (it costs a few milliseconds a sentence, and most of a text names no
    body): around each word jieba's dictionary calls a body (nt) or an abbreviation (j), and each
    noun that ends as a body's name does (政府, 分社), reaching back far enough for most of a
    body's name and on past its suffix."""
    cues = [(at, at + len(word)) for (word, flag), at in zip(tokens, starts_of(tokens))
            if len(word) >= 2 and (flag == "nt" or (flag == "j" and word[-1] in BODY_LAST | ABBREVIATED_LAST)
                                   or (flag in ("n", "nz") and word.endswith(BODY_WORDS)))]
    # no name runs across a clause break: the model reads from the last one before the word
    return ner.merged([(max(a - BODY_CONTEXT[0], _clause_start(text, a)), min(len(text), b + BODY_CONTEXT[1]))
                       for a, b in cues])


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(mark, 0, at) for mark in CLAUSE_BREAKS) + 1


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
