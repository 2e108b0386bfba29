"""People and organisations named in an article.

Names come from a trained model (ner.py: Baidu's LAC) and from where the print puts them: after
a title (`党工委书记李小虎`), in lists after 领导 (`区领导刘明胜、刘春明`), and as the subject of a
reported statement (`郭宏力提出`). The model reads the text around each place where jieba's
dictionary sees a name or a surname standing before characters it cannot join into a word:
reading every sentence would cost three times the rest of the build, for a point of recall.
Organisations are the longest runs that end in an organisation word (党工委, 管委会, 有限公司,
大学, …) between delimiters.
"""
from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from importlib import resources

import jieba.posseg

from ..text.chars import HAN, is_han
from ..text.words import starts as word_starts, tag
from . import ner, places


def _words(name: str) -> list[str]:
    text = resources.files("generator.data").joinpath(name).read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


@cache
def surnames() -> frozenset[str]:
    return frozenset(_words("surnames.txt"))


# How many of the most common single surnames (surnames.txt lists them by how many people bear
# them) send the model to read a surname standing alone before a single character: past these,
# a surname is far more often a word of its own (党的, 国机, 区市, 云上) than a name's start, and
# the model read 12% more of the synthetic archive (8% more of realpages) to find no more names.
COMMON_SURNAMES = 200


@cache
def common_surnames() -> frozenset[str]:
    return frozenset([w for w in _words("surnames.txt") if len(w) == 1][:COMMON_SURNAMES])


@cache
def titles_pattern() -> re.Pattern:
    titles = sorted(set(_words("titles.txt")), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, titles)))


@cache
def _title_not_meeting() -> re.Pattern:  # a title, but not '主任会'
    return re.compile(f"(?:{titles_pattern().pattern})(?!会)")


@cache
def _title_at_end() -> re.Pattern:
    return re.compile(f"(?:{titles_pattern().pattern})$")


# What typically follows a name: it tells a two-character name from a three-character one.
FOLLOW = re.compile(
    r"^(?:主持|出席|参加|参会|表示|指出|强调|提出|要求|说|讲|一行|等|带领|陪同|讲话|介绍|汇报|代表|率|主讲|宣读|"
    r"通报|总结|发表|致辞|获得|获|分享|作|进行|同志|先生|女士|了|就|到|来到|深入|实地|先后|前往|调研|督导|结合|"
    r"简要|还|在|对|和|与|及|为|向|从|所|也|都|是|把|将|等人|认为|希望|告诉|带头|亲自|现场|详细|听取|查看|看望|"
    r"慰问|随后|首先|表彰|宣布|颁发|接受|担任|兼任|同|以|又|则|便|再|共同|分别|主任|书记)")
ORG_WORDS = (
    "股份有限公司|有限责任公司|有限公司|集团|公司|大学(?![路街道])|学院|职业学校|中学|小学|校区|幼儿园|研究院|"
    "研究所|研究中心|实验室|党工委|管委会|人大工委|人大常委会|党委|区委|市委|县委|省委|政府|政协|委员会|"
    "领导小组办公室|领导小组|指导组|办公室|基金会|协会|学会|商会|联合会|联合体|党校|人民法院|人民检察院|法院|"
    "检察院|公安分局|公安局|分局|派出所|办事处|医院|卫生院|银行|大队|支队|纪念馆|纪念堂|博物馆|英烈馆|生活馆|"
    "中心|科协|社科联|文联|侨联|工商联|妇联|残联|团委|工会|党组|政法委|纪工委|纪委|监委|交易所|教育厅|"
    "(?:组织|宣传|统战|人武|武装)部")
# Departments are named by a short head and 局/厅/办: 城管局, 区智慧办 (not 局面, 大局, 举办).
# 厅 of a department (教育厅), not of a room (展厅, 大厅, 餐厅).
ORG_SUFFIX = rf"{ORG_WORDS}|[{HAN}]{{1,6}}(?:局|(?<![展大餐客门])厅)(?![面势部限])|[{HAN}]{{1,4}}(?<![举承主协创开兴督查代筹操申合])办"
SUFFIX_WORD = re.compile(rf"(?:{ORG_WORDS}|局|厅|办)$")
ORG = re.compile(rf"[{HAN}A-Za-z（）()]{{1,30}}(?:{ORG_SUFFIX})")
ORG_END = re.compile(f"(?:{ORG_SUFFIX})")
DELIM = re.compile(
    r"[，。、；：！？,.;:!?\s《》“”]|与|及|(?<=[会委司院校局办心所队组府部协学厂行社站馆堂])(?:和|同)|"
    r"(?:在|于|由|到|是|对|以|向|从|把|被|将|让|使|给|来自|参加|召开|举行|组织(?!部)|主持|出席|获评|荣获|代表|"
    r"等|分别|共同|以及|或|(?<!党)的|了|带领|深入|走进|邀请|签订|通过|依托|发挥|推动|打造|携手|牵头|成立|落地|"
    r"(?:座谈|推进|表彰|动员|部署|见面|发布|交流|对接|推介|培训|报告|总结|观摩)会|"  # a meeting, then who holds it
    r"力争|争取|争创|创建|建成|建设成|"  # a goal, then the kind of body it aims at
    r"同时|其中|并|与会|包括|前往|来到|陪同|率|带队|会同|指导(?!组)|支持|服务|培育|达成|签约|获得|落实|贯彻|深化|"
    r"评为|认定为|成为|作为|转变|抓好|加强|推进|提升|实施|确保|持续|积极|不断|帮助|搭建|切实|就|建立|完善|聚焦|围绕)")
# What no organisation starts with: a conjunction, a date, a title, a determiner, 好 of 服务好X.
NOT_ORG_START = re.compile(r"^(?:好|与|和|及|同|年|月|日|副|常务|委员|书记|主任|区长|市长|全区|全市|各|该|本|此|这|我|其|"
                           r"相关|有关|全体|国家级|省级|市级|区级|县级|\d)")
KIND_OF = re.compile(r"^(?:各|该|此|这|全体|相关|有关)$")
NOT_ORG = re.compile(r"为(?:中心|核心)$|^(?:市域|区域|县域|全域)|召开|举行|会议|活动|要求|发展|部署|精神|意见|通知|方案|一体|高质量|服务中心|指挥部|系统|"
                     r"全区|全市|格局|大局|全局|局面|新局|布局|制度|群众|干部|党员|镇街道|实事|合作办|两家|各家|几家|\d+家")

# A count right after a name ends the clause: 研发中心15家, 高新技术企业三百家.
MEASURES = "家个所座"  # the words bodies are counted in
COUNTED = re.compile(rf"(?:\d+|[一二三四五六七八九十两百千万几多]+)[{MEASURES}]$")

GENERIC_HEAD = re.compile(r"^[区市县省]|[省市区县]$")
# Suffixes of government bodies and firms whose short heads are names: 二七公安分局, 华为公司.
SHORT_HEADED = ("局", "办", "分局", "公安分局", "公安局", "派出所", "公司", "集团", "区委", "市委", "县委", "政府",
                "政协", "党工委", "管委会", "党委", "法院", "检察院")
LEADING = ("v", "d", "c", "r", "u", "ad", "f")
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
    if any(f in ("ns", "nt", "nz", "nr", "nrt", "nrfg") for f in flags) or len(head) >= 4:
        return True
    # short department names: 城管局, 攻坚办, 人社局; short brands: 华为公司, 宇通集团
    return suffix is not None and suffix.group() in SHORT_HEADED and len(head) >= 2


@cache
def _strip_leading(name: str) -> str:
    """Drop the verbs, adverbs and numbers a match starts with: '登陆深圳证券交易所'."""
    tokens = list(jieba.posseg.cut(name))
    k = 0
    while k < len(tokens) - 1 and tokens[k].flag.startswith(LEADING) and tokens[k].flag != "vn":
        k += 1
    return "".join(t.word for t in tokens[k:])


def persons(text: str, tokens: list[tuple[str, str]] | None = None, exclude: set[str] = frozenset(),
            located: list[tuple[str, int]] | None = None) -> list[str]:
    """Names in `text`; `tokens` is jieba's tagging of it (words.tag), shared with the other
    extractors, and `located` what located_names found in it (found here where not given)."""
    tokens = tag(text) if tokens is None else tokens
    located = located_names([(text, tokens)])[0] if located is None else located
    words = _Words(text, tokens)
    found: list[str] = []

    def add(name: str, at: int) -> None:
        name = words.fit(name, at)
        if name and name not in found and name not in exclude and _plausible(name) and \
                not DOCTRINE.match(text, at + len(name)):
            found.append(name)

    for name, at in located:
        add(name, at)
    # A name found short in one place and whole in another is the whole one (沈国 / 沈国放), and
    # the start of a credited name is that person (谢鹏 / 谢鹏飞).
    whole = found + sorted(exclude)
    found = [n for n in found if not any(o != n and o.startswith(n) for o in whole)]
    return sorted(found, key=text.find)


def titled(text: str) -> list[tuple[str, int]]:
    """The names printed right after a title, and after it in a list (区领导刘明胜、刘春明), with
    where each starts."""
    out = []
    for match in titles_pattern().finditer(text):
        at = match.end()
        name = _name_at(text[at:])
        while name:
            out.append((name, at))
            at += len(name)
            name = _name_at(text[at + 1:]) if text.startswith("、", at) else None
            at += 1
    return out


# A name right before these is a body of thought, not a mention of the person: 邓小平理论, 毛泽东思想.
DOCTRINE = re.compile(r"理论|思想|主义|文选|选集")
# Words that end no name: a name that runs into one (周文华为, 乔石同) ends before it.
FUNCTION_WORDS = ("p", "c", "u", "ul", "uj", "d", "r")


class _Words:
    """jieba's words of a text by where they start and end, to fit a name found by the model or
    a rule to them: a name does not run into a title ('桥本首相' is 桥本, '王克上将' 王克) nor, past
    three characters, into any word ('钱其琛特为' is 钱其琛; a name of three may end inside one:
    '梁建强调' is 梁建强), and past three characters does not end on a function word (周文华为 is 周文华; 汪忠和
    and 于友先 end on one)."""

    def __init__(self, text: str, tokens: list[tuple[str, str]]):
        self.text = text
        starts = word_starts(tokens)
        # a word's end → its start and tag
        self.ends: dict[int, tuple[int, str]] = dict(zip(starts[1:], zip(starts, (flag for _, flag in tokens))))
        self.ends_sorted = starts[1:]

    def fit(self, name: str, at: int) -> str:
        # jieba's words do not see a foreign name's parts: only its last part is fitted, and kept
        shortest = at + (name.rindex("·") + 2 if "·" in name else 2)
        end = at + len(name)
        if end not in self.ends:  # the name ends inside a word
            word_end = self.ends_sorted[bisect.bisect_left(self.ends_sorted, end)]
            word_start = self.ends[word_end][0]
            if (len(name) > 3 and "·" not in name) or titles_pattern().match(self.text, word_start, word_end):
                end = word_start
        while end in self.ends and end - at > 3 and end > shortest:
            start, flag = self.ends[end]
            if end - start != 1 or flag not in FUNCTION_WORDS:
                break
            end = start
        return name[:end - at] if end >= shortest else ""


# Characters the model reads before and after a place where a name may stand: enough for the
# title before a name and the verb after it (wider windows found no more names on realpages).
NAME_CONTEXT = (6, 8)
# What the model tags PER and is no one's name: a person called by a title or a form of address
# (江主席, 何教授, 夏先生: a name with a title after it is the name, 刘伯承元帅), a photographer's
# credit (周确摄), a name the text leaves out (张某).
ADDRESS = re.compile(r"(?:先生|女士|小姐|师傅|同志|大夫|师|氏|元帅)$")
NOT_A_NAME = re.compile(r"[摄某等]$")
PLACE_END = re.compile(r"[省市区县乡镇村路街]$")  # jieba calls 高新区 a name
MAX_FOREIGN_NAME = 30  # characters, '·' included: 诺罗敦·莫尼列·西哈努克 has 11
FOREIGN_RUN = re.compile(rf"[{HAN}·]+")
MODEL_NAME = re.compile(rf"[{HAN}]{{2,5}}|[{HAN}]{{1,6}}(?:·[{HAN}]{{1,8}})+")


def _name_windows(text: str, tokens: list[tuple[str, str]], known: list[tuple[str, int]]) -> list[tuple[int, int]]:
    """Where the model reads: after each title, around each word jieba's dictionary calls a name,
    and around each common surname standing alone before a character standing alone (a name the
    dictionary does not know) — but not where a title rule has found the name already (titled):
    the model would read the district paper's many '党工委书记王新亭' to learn nothing new."""
    before, after = NAME_CONTEXT
    starts = {at for _, at in known}
    covered = {at + i for name, at in known for i in range(len(name))}
    spans = [(max(0, m.start() - before), min(len(text), m.end() + after)) for m in titles_pattern().finditer(text)
             if m.end() not in starts]
    names = surnames()
    offsets = word_starts(tokens)
    # the words a name may start at (most are passed by unread): a foreign name's, one the
    # dictionary calls a name, a surname standing alone
    for k in [k for k, (word, flag) in enumerate(tokens) if word[0] in names or "·" in word]:
        word, flag = tokens[k]
        at = offsets[k]
        if at in covered:
            pass
        elif "·" in word:  # a foreign name is read whole, with the words it is set among
            m = next(m for m in FOREIGN_RUN.finditer(text, max(0, at - MAX_FOREIGN_NAME)) if m.end() > at)
            spans.append((max(0, m.start() - before), min(len(text), m.end() + after)))
        elif (flag[:2] == "nr" and not PLACE_END.search(word)) or (
                word in common_surnames() and k + 1 < len(tokens) and len(tokens[k + 1][0]) == 1
                and is_han(tokens[k + 1][0])):
            spans.append((max(0, at - before), min(len(text), at + len(word) + after)))
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def located_names(texts: list[tuple[str, list[tuple[str, str]]]]) -> list[list[tuple[str, int]]]:
    """The names in each text (with its jieba words), with where each starts: those printed after
    a title (titled), then those the trained model finds around the other places a name may
    stand; the texts of a page are read by the model in one pass. The parts of a foreign name
    joined by '·' are one name (萨阿东·哈马迪), though the model may tag them apart; a name cut by
    the edge of what the model read (not the text's) is left out."""
    requests = reading(texts)
    return names_read(texts, requests, ner.entities_of(requests))


def reading(texts: list[tuple[str, list[tuple[str, str]]]]) -> list[tuple[str, list[tuple[int, int]]]]:
    """What located_names has the model read of each text: the spans where a name may stand
    (the caller may send them with other requests, in one pass)."""
    return [(text, _name_windows(text, tokens, titled(text))) for text, tokens in texts]


def names_read(texts: list[tuple[str, list[tuple[str, str]]]], requests, found) -> list[list[tuple[str, int]]]:
    """located_names, from the model's entities in the spans `reading` gave."""
    return [titled(text) + _names(text, spans, entities)
            for (text, _), (_, spans), entities in zip(texts, requests, found)]


def _names(text: str, windows: list[tuple[int, int]], found: list[ner.Entity]) -> list[tuple[str, int]]:
    out = []
    k = 0
    while k < len(found):
        entity = found[k]
        k += 1
        if entity.tag != "PER":
            continue
        start, end = entity.start, entity.start + len(entity.text)
        while k < len(found) and (text[end - 1] == "·" or text.startswith("·", end)):
            nxt = found[k]
            if nxt.text == "·" or FOREIGN_RUN.fullmatch(nxt.text):
                end = nxt.start + len(nxt.text)
                k += 1
            else:
                break
        window = next(w for w in windows if w[0] <= start < w[1])
        if (start == window[0] > 0) or (end == window[1] < len(text)):
            continue
        name = ADDRESS.sub("", _title_at_end().sub("", text[start:end].strip("·")))
        if MODEL_NAME.fullmatch(name) and not NOT_A_NAME.search(name):
            out.append((name, start))
    return out


def _name_at(text: str) -> str | None:
    """The person's name at the start of `text` (2 or 3 characters, or 4 with a compound surname)."""
    m = re.match(rf"[{HAN}]{{2,4}}", text)
    if not m:
        return None
    chunk = m.group()
    double = chunk[:2] in surnames()
    if not (double or chunk[0] in surnames()):
        return None
    sizes = (3, 4) if double else (2, 3)
    short, long_ = sizes
    if len(chunk) >= long_ and not FOLLOW.match(text[short:]) and (
        FOLLOW.match(text[long_:]) or len(text) == long_ or not re.match(rf"[{HAN}]", text[long_:long_ + 1])
    ):
        return chunk[:long_]
    if len(chunk) >= short and (FOLLOW.match(text[short:]) or not re.match(rf"[{HAN}]", text[short:short + 1])):
        return chunk[:short]
    return None


NOT_NAME = re.compile(r"^(?:全区|全市|各级|相关|有关|部门|单位|企业|公司|工作|同志|干部|群众|代表)")


def _plausible(name: str) -> bool:
    # '张女士', '李师傅': a person the text leaves unnamed
    return not NOT_NAME.match(name) and not re.search(r"[区市县乡镇村局委办部会感度性率们者]$|女士$|先生$|师傅$", name)


def organizations(text: str, people: list[str] = ()) -> list[str]:
    """Organisation names; `people` (already found) and titles are cut out first, so that
    '组织部长王升建及二七区委' does not read as one name."""
    for name in people:
        text = text.replace(name, "，")
    text = _title_not_meeting().sub("，", text)
    if KINDS_END.search(text):
        text = LIST.sub(_kinds_blanked, text)
    found: list[str] = []
    for piece in DELIM.split(text):
        # ORG backtracks through 30 lengths at every start: it runs only where a suffix stands,
        # and from 30 characters before the first one (no match can start earlier)
        suffix = ORG_END.search(piece, 1) if len(piece) >= 3 else None
        if not suffix:
            continue
        for match in ORG.finditer(piece, max(0, suffix.start() - 30)):
            if COUNTED.match(piece, match.end()):  # '省级研发中心165家': a kind of body, counted
                continue
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


def roles(text: str, names: list[str], bodies: list[str] = ()) -> dict[str, list[str]]:
    """The titles the text gives each person: '经开区党工委副书记、区智慧办主任' for 郭宏力. A role
    is what stands right before the name, read backwards: titles, each after the body it is held
    in (one of the article's `bodies`, a district, 党工委 …), joined by '、'; a clause before it is
    no part of it ('…参加座谈会高新区党工委委员' gives 高新区党工委委员), nor another person listed
    with a role of their own ('校长马玉霞、郑州宇通集团教育公司总经理韩德利')."""
    backwards = text[::-1]  # the clause before a mention is read backwards from it
    pieces = sorted(set(bodies), key=len, reverse=True)
    others = tuple(sorted(names, key=len, reverse=True))
    found: dict[str, list[str]] = {}
    for name in names:
        at = text.find(name)
        while at >= 0:
            start = len(text) - _CLAUSE.match(backwards, len(text) - at, len(text) - at + ROLE_REACH).end()
            segment = text[start:at]
            segment = _names_at_end(others).sub("", segment)  # names listed before this one: '区领导刘明胜、刘春明'
            last = max((segment.rfind(o) + len(o) for o in others if o in segment), default=0)
            role = _role(segment[last:].lstrip("、"), pieces)
            if role and role not in found.setdefault(name, []):
                found[name].append(role)
            at = text.find(name, at + len(name))
    return found


ROLE_JOINS = re.compile("(、|兼)")


def _role(segment: str, bodies: list[str]) -> str:
    """The titles at the end of `segment`, each with the bodies right before it, up to where
    something else stands."""
    title_end, role = _title_at_end(), ""
    split = ROLE_JOINS.split(segment)  # parts and what joins them: '副组长', '兼', '办公室主任'
    for k in range(len(split) - 1, -1, -2):
        title = title_end.search(split[k])
        if not title:
            break
        held, rest = title.group(), split[k][:title.start()]
        while rest:
            body = _held_in(rest, bodies)
            if not body:
                break
            held, rest = body + held, rest[:-len(body)]
        role = held + (split[k + 1] if k + 1 < len(split) else "") + role
        if rest:  # a clause before the role: the role starts here
            break
    return role.lstrip("、兼")


def _held_in(text: str, bodies: list[str]) -> str:
    """The longest body that ends `text`: one of the article's organisations (longest first), a
    district, or an organisation word (党工委, 区委, 管委会)."""
    known = next((b for b in bodies if text.endswith(b)), "")
    common = _common_bodies().search(text)
    return common.group() if common and len(common.group()) > len(known) else known


@cache
def _common_bodies() -> re.Pattern:
    districts = sorted({f for d in places.gazetteer().districts for f in (*d.forms, d.full)}, key=len, reverse=True)
    return re.compile("(?:" + "".join(re.escape(n) + "|" for n in districts) + f"{ORG_WORDS})$")


_CLAUSE = re.compile(r"[^，。；：！？,;:!?\s“”]*")  # text up to a clause break
# How far before a name its role may begin: the longest chains of titles (区委常委、经开区党工委
#副书记、区智慧办主任) are under 40 characters; a text with no clause breaks is not read whole
# before every mention.
ROLE_REACH = 80


@lru_cache(maxsize=1024)
def _names_at_end(names: tuple[str, ...]) -> re.Pattern:
    return re.compile("(?:" + "|".join(map(re.escape, names)) + "|、)+$")
