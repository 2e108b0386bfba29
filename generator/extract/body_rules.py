"""Organisation names by rule: the longest runs of a text that end in an organisation's word
(党工委, 管委会, 有限公司, 大学, 海关 …) between delimiters, each with a proper part before its word.

The rules were written on district pages, and read residue into names on other papers: extract/
bodies.py keeps a name of theirs only where a word of the trained model's (or of jieba's) starts it.
"""
from __future__ import annotations

import re
from functools import cache

import jieba.posseg

from ..text.chars import HAN
from ..text.words import tag_short
from . import people, places

# Bodies of other trades than a district's offices, named by their place or a proper word
# (proper_start): 广州海关, 人民出版社, 上海京剧院, 秦山核电站, 北京第二印染厂, 伊拉克国民议会,
# 济南泰山足球俱乐部, 北京东直门敬老院 (not 福利院: 社会福利院 is a kind, and a clause runs into it).
TRADE_WORDS = "海关|出版社|报社|杂志社|通讯社|电视台|剧院|剧团|核电站|电厂|(?<![工建设办])厂|煤矿|油田|总站|议会|军区|" \
    "俱乐部|敬老院|使馆|棋院"
TRADE_END = re.compile(f"(?:{TRADE_WORDS})$")

ORG_WORDS = (
    "股份有限公司|有限责任公司|有限公司|集团|公司|"
    "(?:大学|学院)(?!生)[\u4e00-\u9fff]{1,6}?(?<![联关体派维])系(?![统列])|"  # a department: 北京大学物理系
    "大学(?![路街道生])|学院|职业学校|中学|小学|校区|幼儿园|研究院|"
    "研究所|研究中心|实验室|党工委|管委会|人大工委|人大常委会|人大(?![代常工附])|党委|区委|市委|县委|省委|政府|政协|委员会|"
    "领导小组办公室|领导小组|指导组|指挥部|办公室|基金会|协会|学会|商会|联合会|联合体|党校|人民法院|人民检察院|法院|"
    "检察院|公安分局|公安局|分局|派出所|办事处|医院|卫生院|银行|大队|支队|纪念馆|纪念堂|博物馆|英烈馆|生活馆|气象台|"
    "中心|科协|社科联|文联|侨联|工商联|妇联|残联|团委|工会|党组|政法委|纪工委|纪委|监委|交易所|教育厅|"
    "(?:组织|宣传|统战|人武|武装)部|" + TRADE_WORDS)
# Departments are named by a short head and 局/厅/办: 城管局, 区智慧办 (not 局面, 大局, 举办).
# 厅 of a department (教育厅), not of a room (展厅, 大厅, 餐厅, 演播厅, 舞厅).
ORG_SUFFIX = rf"{ORG_WORDS}|[{HAN}]{{1,6}}(?:局|(?<![展大餐客门播舞歌])厅)(?![面势部限])|[{HAN}]{{1,4}}(?<![举承主协创开兴督查代筹操申合])办"
SUFFIX_WORD = re.compile(rf"(?:{ORG_WORDS}|局|厅|办)$")
ORG = re.compile(rf"[{HAN}A-Za-z（）()]{{1,30}}(?:{ORG_SUFFIX})")
ORG_END = re.compile(f"(?:{ORG_SUFFIX})")
DELIM = re.compile(
    r"[，。、；：！？,.;:!?\s《》“”]|与|及|(?<=[会委司院校局办心所队组府部协学厂行社站馆堂大])(?:和|同|联合(?![会国体]))|"
    r"(?:在|于|由|到|是|对|以|向|从|把|被|将|让|使|给|来自|参加|召开|举行|组织(?!部)|主持|出席|获评|荣获|代表|"
    r"等|分别|共同|以及|或|(?<!党)的|了|带领|深入|走进|邀请|签订|通过|依托|发挥|推动|打造|携手|牵头|成立|设立|组建|落地|"
    r"(?:座谈|推进|表彰|动员|部署|见面|发布|交流|对接|推介|培训|报告|总结|观摩)会|"  # a meeting, then who holds it
    r"力争|争取|争创|创建|建成|建设成|"  # a goal, then the kind of body it aims at
    r"同时|其中|并|与会|包括|前往|来到|陪同|率|带队|会同|指导(?!组)|支持|服务|培育|达成|签约|获得|落实|贯彻|深化|"
    r"会见|会晤|接见|评为|认定为|当选为|当选|选举|任命|成为|作为|转变|抓好|加强|推进|提升|实施|确保|持续|积极|不断|帮助|搭建|切实|就|建立|完善|聚焦|围绕)")
# What no organisation starts with: a conjunction, a date, a title, a determiner, 好 of 服务好X, 原 (former).
FORMER = r"原(?![子料油])"  # 原 (former) before a body's name: not part of it (原省电力局; but 原子能研究院)
NOT_ORG_START = re.compile(rf"^(?:好|与|和|及|同|年|月|日|副|{FORMER}|常务|委员|书记|主任|区长|市长|全区|全市|各|该|本|此|这|我|其|当地|"
                           r"相关|有关|全体|国家级|省级|市级|区级|县级|\d)")
KIND_OF = re.compile(r"^(?:各|该|此|这|全体|相关|有关|当地)$")
MEASURES = "家个所座"  # the words bodies are counted in
# A count in a name: bodies of a kind counted, or one of them (3家企业, 内蒙古一所小学, 商城一个销售厅), none named.
COUNTED_IN = re.compile(rf"(?:\d+|[一二三四五六七八九十两几多]+)[{MEASURES}]")
NOT_ORG = re.compile(r"为(?:中心|核心)$|^[省市区县]中心$|^(?:市域|区域|县域|全域)|召开|举行|会议|活动|要求|发展|部署|精神|意见|通知|方案|一体|高质量|服务中心|系统|中小学|"
                     r"全区|全市|格局|大局|全局|局面|新局|布局|制度|群众|干部|镇街道|实事|合作办|各级|各家|" + COUNTED_IN.pattern)

# A count right after a name ends the clause: 研发中心15家, 高新技术企业三百家.
COUNTED = re.compile(rf"(?:\d+|[一二三四五六七八九十两百千万几多]+)[{MEASURES}]$")
ONE_OF = "之一"  # after a name: one of a kind (国际性的证券交易中心之一), none named

# A body's organs that meet in numbered sittings (次) or terms (届), the number between the body's
# name and the organ's: 中国共产党|第十五次|全国代表大会, 武汉市|第十届|人大常委会.
NUMBERED = r"第[\d〇零一二三四五六七八九十百]{1,4}"
ORGANS = "全国代表大会|代表大会|全国委员会|中央委员会|常务委员会|委员会|人民代表大会|人大常委会|人大|立法会|理事会|董事会"
SITTING = re.compile(rf"{NUMBERED}[次届](?:{ORGANS})")
# A term of a standing body is that body, whose page then gathers every term's articles (政协河北省第八届
# 委员会 is 河北省政协, 武汉市第十届人大常委会 武汉市人大常委会); a numbered sitting is an event and
# keeps its name (中国共产党第十五次全国代表大会). One entry a naming form.
TERMS = (
    (re.compile(rf"^(?:政协|中国人民政治协商会议){NUMBERED}届全国委员会$"), "全国政协"),
    (re.compile(rf"^(?:政协|中国人民政治协商会议)(.+?){NUMBERED}届委员会$"), r"\1政协"),
    (re.compile(rf"^(.+?){NUMBERED}届({ORGANS})$"), r"\1\2"),
)


def standing(name: str) -> str:
    """The standing body a term's name names (TERMS); any other name as it is."""
    for pattern, body in TERMS:
        if pattern.match(name):
            return pattern.sub(body, name)
    return name

GENERIC_HEAD = re.compile(r"^[区市县省]|[省市区县]$")
# Suffixes of government bodies, police units and firms whose short heads are names: 二七公安分局,
# 交警三大队, 华为公司.
SHORT_HEADED = ("局", "办", "大队", "支队", "分局", "公安分局", "公安局", "派出所", "公司", "集团", "区委", "市委", "县委",
                "政府", "政协", "党工委", "管委会", "党委", "法院", "检察院")
LEADING = ("v", "d", "c", "r", "u", "ad", "f")
# jieba's tags of a proper word (a place, a body, a brand, a person's name: nr, nrt, nrfg), as prefixes
PROPER_WORD = ("ns", "nt", "nz", "nr")
NOT_A_HEAD_START = ("v", "d", "p", "c", "r", "u", "ad", "f")


@cache
def _proper(name: str) -> bool:
    """An organisation name carries a proper part before its suffix: a place, a brand, a
    区/市 head. '研发中心' or '要凝聚联合体' (it starts with a verb) is not a name."""
    suffix = SUFFIX_WORD.search(name)
    head = name[: suffix.start()] if suffix else name
    if not head:
        return False
    if GENERIC_HEAD.search(head) or any(d.name in name for d in places.gazetteer().districts):
        return True
    flags = [flag for _, flag in jieba.posseg.cut(head)]
    if flags[0].startswith(NOT_A_HEAD_START) and flags[0] != "vn":
        return False
    if any(f.startswith(PROPER_WORD) for f in flags) or len(head) >= 4:
        return True
    # short department names: 城管局, 攻坚办, 人社局; short brands: 华为公司, 宇通集团
    return suffix is not None and suffix.group() in SHORT_HEADED and len(head) >= 2


@cache
def _strip_leading(name: str) -> str:
    """Drop the verbs, adverbs and numbers a match starts with ('登陆深圳证券交易所'), and a
    preposition before a place's or a body's name ('据中国环境监测总站': not 经 of 经开区)."""
    tokens = list(jieba.posseg.cut(name))
    placed = name.startswith(tuple(d.name for d in places.gazetteer().districts))  # (经|开区 to jieba)
    k = 0
    while k < len(tokens) - 1 and (tokens[k].flag.startswith(LEADING) and tokens[k].flag != "vn" or
                                   tokens[k].flag == "p" and tokens[k + 1].flag.startswith(PROPER_WORD) and not placed):
        k += 1
    return "".join(t.word for t in tokens[k:])


def rules(text: str, persons: list[str] = ()) -> list[str]:
    """The rules' organisation names; `persons` (already found) and titles are cut out first, so
    that '组织部长王升建及二七区委' does not read as one name."""
    for name in persons:
        text = text.replace(name, "，")
    text = people._title_not_meeting().sub("，", text)
    if KINDS_END.search(text):
        text = LIST.sub(_kinds_blanked, text)
    found: list[str] = []
    for piece in DELIM.split(text):
        if PARTY in piece:
            found += [name for name in _parties(piece) if name not in found]
        # ORG backtracks through 30 lengths at every start: it runs only where a suffix stands,
        # and from 30 characters before the first one (no match can start earlier)
        suffix = ORG_END.search(piece, 1) if len(piece) >= 3 else None
        if not suffix:
            continue
        for match in ORG.finditer(piece, max(0, suffix.start() - 30)):
            if COUNTED.match(piece, match.end()) or piece.startswith(ONE_OF, match.end()):
                continue  # a kind of body, counted ('省级研发中心165家') or one of many (…中心之一)
            if piece[match.start() - 1:match.start()].isdigit() and piece[match.start()] in MEASURES:
                continue  # '3家子公司': bodies counted, not named
            name = match.group()
            if piece.startswith("组", match.end()):  # 党工委理论学习中心组: a study group of the 党工委
                ends = [m.end() for m in ORG_END.finditer(name) if m.end() < len(name)]
                if not ends:
                    continue
                name = name[:ends[-1]]
            if piece[match.end():match.end() + 1] == "）" and name.count("（") > name.count("）"):
                name += "）"
            start = NOT_ORG_START.match(name)
            if start and KIND_OF.match(start.group()):  # 各议事协调机构领导小组: every body of a kind, none named
                continue
            if start:
                name = name[start.end():]
            name = _strip_leading(name)
            start = NOT_ORG_START.match(name)  # '力争建成国家级…' is '国家级…' once the verbs are gone
            if start:
                name = name[start.end():]
            if len(name) < 3 or name.count("（") != name.count("）") or name.count("(") != name.count(")") or \
                    NOT_ORG.search(name) or not _proper(name):
                continue
            if TRADE_END.search(name) and not proper_start(name):
                continue
            name = _coordinated(name, text)
            if name not in found:
                found.append(name)
    # '区党工委' where '高新区党工委' is also named is the same body, said short; so is the short
    # name the text gives it: '郑州高新技术产业开发区管委会（以下简称高新区管委会）'
    said = (SAID_SHORT.match(text, text.find(n) + len(n)) for n in found if n in text)
    short = {m.group(1) for m in said if m}
    return [n for n in found if n not in short and not any(o != n and o.endswith(n) for o in found)]


SAID_SHORT = re.compile(r"[（(](?:以下)?简称[“\"]?([^”\"）)]{2,12}?)[”\"]?[）)]")
MAX_COORDINATED = 12  # characters of a list item before the name found in it: '中铁盾构及掘进'
# A list ended by 等 and the kind of thing its items are, where that is no body: '市民讲堂、道德课堂、
# 新时代文明实践中心等平台', '校办、人事、…、资产经营公司等部门'.
KINDS = r"等(?:平台|载体|阵地|场所|部门|科室)"
LIST = re.compile(rf"(?:[^，。；：、！？\s]{{1,20}}、)+[^，。；：、！？\s]{{1,20}}(?={KINDS})")
KINDS_END = re.compile(KINDS)  # looked for first: few texts have such a list, and LIST is slow to fail


def _kinds_blanked(match: re.Match) -> str:
    """A list most of whose items name no body lists kinds of thing ('市民讲堂、道德课堂、新时代
    文明实践中心等平台'; a university's '校办、人事、…、资产经营公司等部门'): an item that looks
    like a body's name there is a kind too, and names none, unless a body is named in it before
    its own suffix (河南理工大学校办: the office of a university)."""
    items = match.group().split("、")
    if 2 * sum(1 for item in items if ORG_END.search(item)) > len(items):
        return match.group()
    return "、".join(item if ORG_END.search(item, 0, len(item) - 1) else "，" * len(item) for item in items)


# A party is no run of the rules (卧龙区举办主题党日活动, 英国执政党): a foreign nation's is named by
# the nation and its own words (西班牙|工人|社会党, 赤道几内亚|民主党), or is one word of jieba's
# dictionary (英国工党, 美国共和党, 日本自民党).
PARTY = "党"
PARTY_WORDS = 4  # words of a party's own name after its nation's, at most
NOT_A_PARTY = ("执政党", "在野党", "反对党", "政党", "各党", "两党", "该党", "本党", "全党")  # (越南|党和政府: 党 alone none)


def _parties(piece: str) -> list[str]:
    """The parties a piece of text names (above)."""
    words = tag_short(piece)
    out = []
    for k, (word, flag) in enumerate(words):
        if flag == "nt" and word.endswith(PARTY) and len(word) > 3 and not word.endswith(NOT_A_PARTY):
            out.append(word)  # (not 国共两党)
        elif flag == "ns" and places.abroad(word):
            name = word
            for part, tag in words[k + 1:k + 1 + PARTY_WORDS]:
                if not tag.startswith(("n", "j")) or part in NOT_A_PARTY + (PARTY,):
                    break
                name += part
                if part.endswith(PARTY):
                    out.append(name)
                    break
    return out


def proper_start(name: str) -> bool:
    """A name that opens with a proper word (a place, a body, a brand, a person's name, an
    abbreviation) or a division's name: '骨干生产企业北京重型汽车厂' and '友好访问前夕接受摩洛哥…' are
    clauses that ran into a name."""
    flag = tag_short(name)[0][1]
    return flag.startswith(PROPER_WORD + ("j",)) or places.starts_with_division(name)


def _coordinated(name: str, text: str) -> str:
    """A list item that joins two fields by 及 or 与 is one body ('、中铁盾构及掘进技术国家重点实验室、'):
    the name found after the conjunction takes in the item's start, back to the list's '、',
    where that start names no body of its own and holds nothing a name does not."""
    at = text.find(name)
    start = text.rfind("、", 0, at) + 1 if at > 0 else 0
    end = at + len(name)
    prefix = text[start:at]
    if not start or text[end:end + 1] not in ("、", "等") or not 2 < len(prefix) <= MAX_COORDINATED:
        return name
    k = max(prefix.rfind("及"), prefix.rfind("与"))
    if k < 2:
        return name
    head, field = prefix[:k], prefix[k + 1:]
    return prefix + name if not ORG_END.search(head) and not DELIM.search(head + field) else name
