"""People named in an article, and the roles the text gives them.

Names come from a trained model (ner.py: Baidu's LAC) and from where the print puts them: after
a title (`党工委书记李小虎`), in lists after 领导 (`区领导刘明胜、刘春明`), and as the subject of a
reported statement (`郭宏力提出`). The model reads the text around each place where jieba's
dictionary sees a name or a surname standing before characters it cannot join into a word:
reading every sentence would cost three times the rest of the build, for a point of recall.
Organisations are extract/bodies.py's.
"""
from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from importlib import resources

from ..text import vocabulary
from ..text.chars import HAN, interpunct, is_han, occurrences
from ..text.words import is_word, other_word, starts as word_starts, tag, tag_short
from . import body_rules, ner, places


def _words(name: str) -> list[str]:
    text = resources.files("generator.data").joinpath(name).read_text(encoding="utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


@cache
def surnames() -> frozenset[str]:
    return frozenset(vocabulary.SURNAMES)


# How many of the most common single surnames (surnames.txt lists them by how many people bear
# them) send the model to read a surname standing alone before a single character: past these,
# a surname is far more often a word of its own (党的, 国机, 区市, 云上) than a name's start, and
# the model read 12% more of the synthetic archive (8% more of realpages) to find no more names.
COMMON_SURNAMES = 200


@cache
def common_surnames() -> frozenset[str]:
    return frozenset([w for w in vocabulary.SURNAMES if len(w) == 1][:COMMON_SURNAMES])


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


FIRM_AFTER = re.compile(r"(?:股份)?(?:有限)?(?:责任)?公司|集团")  # a name that goes on into one is a firm's
# A name that goes on into one of these is a place's (谷饶镇, 索非亚市, 万江新村, 阿塔帕梅南部); not where it is
# an office or the people of one (市长, 区委, 村民, 市场).
# So is an item of a list of places ('伽师、巴楚、阿图什等地震感明显', 美国、日本等国).
PLACE_AFTER = re.compile(rf"[省市县区镇乡村](?![长委民场])|街道|新村|社区|[东南西北中]部|以[东南西北]|境内|一带|"
                         rf"(?:、[{HAN}]{{1,8}})*等(?:地(?!方)|国家?|省份?|城市|地区)")
# A word the dictionary calls a place (多哥) that the model tags a person is a place where the text
# says its people or that something happens there (多哥人, 在多哥): said of a person, neither reads.
THERE_BEFORE = re.compile(r"(?:在|到|赴|抵达|前往|访问)$")
# A name right after one of these is followed by 为 and the office (选举李述为市长): not part of it.
ELECTING = "选举|推选|任命|提名|聘任|聘请"
ELECTED_BY = rf"(?:{ELECTING}|选)"
ELECTED = re.compile(rf"{ELECTED_BY}$")
# Where the model reads an election's name, which jieba may cut as words (选举|张|明远|为: no name to it).
ELECTED_SLOT = re.compile(rf"(?:{ELECTING})[{HAN}]{{2,4}}?为")
# And where the text says what someone is called (一位叫扎西的老牧民): a name of no Han surname.
CALLED_SLOT = re.compile(rf"(?:名叫|叫做|叫)[{HAN}]{{2,4}}?的")
# What typically follows a name: it tells a two-character name from a three-character one.
FOLLOW = re.compile(
    r"^(?:主持|出席|参加|参会|表示|指出|强调|提出|要求|说|讲|一行|等|带领|陪同|讲话|介绍|汇报|代表|率|主讲|宣读|"
    r"通报|总结|发表|致辞|获得|获|分享|作|进行|同志|先生|女士|了|就|到|来到|深入|实地|先后|前往|调研|督导|结合|"
    r"简要|还|在|对|和|与|及|为|向|从|所|也|都|是|把|将|等人|认为|希望|告诉|带头|亲自|现场|详细|听取|查看|看望|"
    r"慰问|随后|首先|表彰|宣布|颁发|接受|担任|兼任|同|以|又|则|便|再|共同|分别|主任|书记)")


def persons(text: str, tokens: list[tuple[str, str]] | None = None, exclude: set[str] = frozenset(),
            located: list[tuple[str, int]] | None = None) -> list[str]:
    """Names in `text`; `tokens` is jieba's tagging of it (words.tag), shared with the other
    extractors, and `located` what located_names found in it (found here where not given)."""
    tokens = tag(text) if tokens is None else tokens
    text, tokens = _interpunct(text, tokens)
    located = located_names([(text, tokens)])[0] if located is None else located
    words = _Words(text, tokens)
    found: list[str] = []
    filed = vocabulary.dateline(text) or ""  # where the story was filed: a place

    def add(name: str, at: int) -> None:
        name = words.fit(name, at)
        if not name:
            return
        name = _whole(words.whole(name, at), text)
        if len(name) == 3 and name[-1] == "为" and ELECTED.search(text, 0, at) and not FOLLOW.match(text[at + 3:]):
            name = name[:2]  # 选举李述为长春市市长: elected *as*, where 张人为指出 is a name
        # a firm's or a place's name, wherever it stands: 利高曼有限公司 (and then 利高曼滴露消毒药水),
        # 谷饶镇, 新华网索非亚３月５日电, 多哥人
        if any(FIRM_AFTER.match(text, o + len(name)) or PLACE_AFTER.match(text, o + len(name))
               for o in occurrences(text, name)) or name in filed or _a_place(name, text):
            return
        if at not in words.in_phrase and not words.torn(name, at) and name not in found and name not in exclude and \
                plausible(name) and not DOCTRINE.match(text, at + len(name)) and \
                not (len(name) == 2 and TWO_COUNTRIES.match(text, at + 2)):
            found.append(name)

    for name, at in located:
        add(name, at)
    # A name found short in one place and whole in another is the whole one (沈国 / 沈国放; a
    # foreign name's last part: 佩里 / 威廉·佩里), and the start of a credited name is that person
    # (谢鹏 / 谢鹏飞).
    whole = found + sorted(exclude)
    found = [n for n in found if not any(o != n and (o.startswith(n) or o.endswith("·" + n)) for o in whole)]
    return sorted(found, key=text.find)


def one_person_per_name(articles) -> None:
    """A foreign name's last part printed alone in one article (哈马迪) is the person another article
    names in full (萨阿东·哈马迪), where the archive has exactly one full name ending in it: one
    person, one page. Where it has two (威廉·佩里, 马修·佩里) the short name stays as printed. An
    article's own names were made whole already (persons); this is across the archive."""
    fulls: dict[str, set[str]] = {}
    for article in articles:
        for name in article.persons:
            if "·" in name:
                fulls.setdefault(name.rsplit("·", 1)[1], set()).add(name)
    whole = {short: min(names) for short, names in fulls.items() if len(names) == 1 and len(short) >= 2}
    for article in articles:
        if any(name in whole for name in article.persons):
            article.persons = list(dict.fromkeys(whole.get(name, name) for name in article.persons))
            roles: dict[str, list[str]] = {}
            for name, held in article.person_roles.items():
                merged = roles.setdefault(whole.get(name, name), [])
                merged += [role for role in held if role not in merged]
            article.person_roles = roles


def _a_place(name: str, text: str) -> bool:
    """A word the dictionary calls a place, used as one: 多哥人, 在多哥."""
    return tag_short(name) == ((name, "ns"),) and any(text.startswith("人", o + len(name)) or
                                                      THERE_BEFORE.search(text, max(0, o - 2), o)
                                                      for o in occurrences(text, name))


def _whole(name: str, text: str) -> str:
    """A name as the text prints it whole. The model may stop a name a character short where that
    character reads as a word (沈国|放, 傅全|有, 薄熙|来): where every mention of a two-character
    name goes on with the same character, not with what follows a name (说, 在, 为), it is the
    name's, where it starts no word with the next (龚雯|报道, 李鹏|总理). A name that runs into a
    form of address (乔石同|志) ends before it."""
    mentions = list(occurrences(text, name)) if name and "·" not in name else []
    after = {text[at + len(name):at + len(name) + 2] for at in mentions}
    if any(SPLIT_ADDRESS.match(name[-1] + rest) for rest in after):
        return name[:-1]
    rest = next(iter(after), "")
    if len(name) == 2 and len(mentions) > 1 and len({r[:1] for r in after}) == 1 and is_han(rest[:1]) \
            and not is_word(rest) and not any(FOLLOW.match(text[at + 2:]) for at in mentions):
        return name + rest[:1]
    if len(name) == 2 and len(mentions) == 1 and is_han(rest[:1]) and is_word(name[-1] + rest[:1]):
        said = FOLLOW.match(text[mentions[0] + 3:])  # 张人为指出: the name's last two read as a word (人为)
        if said and len(said.group()) > 1:
            return name + rest[:1]
    return name


def _interpunct(text: str, tokens: list[tuple[str, str]]) -> tuple[str, list[tuple[str, str]]]:
    """The text and its words with a foreign name's joining dot in its one form (伊万・伊利耶夫 is
    伊万·伊利耶夫, one person); the names found are given so."""
    folded = interpunct(text)
    if folded is text:
        return text, tokens
    starts = word_starts(tokens)
    return folded, [(folded[at:at + len(word)], flag) for (word, flag), at in zip(tokens, starts)]


def titled(text: str) -> list[tuple[str, int]]:
    """The names printed right after a title, and after it in a list (区领导刘明胜、刘春明), with
    where each starts; not a surname and a title (由主管副市长任组长: 任 serves as 组长)."""
    out = []
    for match in titles_pattern().finditer(text):
        at = match.end()
        name = _name_at(text[at:])
        while name and not _title_at_end().search(name):
            out.append((name, at))
            at += len(name)
            name = _name_at(text[at + 1:]) if text.startswith("、", at) else None
            at += 1
    return out


ADDRESSED_AFTER = re.compile(vocabulary.FORMS_OF_ADDRESS)


def addressed(text: str, tokens: list[tuple[str, str]]) -> list[tuple[str, int]]:
    """The names the dictionary knows printed right before a form of address (潘承洞同志, 李明先生),
    with where each starts: the model may read such a name as a place (潘承洞 was LOC)."""
    return [(word, at) for (word, flag), at in zip(tokens, word_starts(tokens))
            if flag.startswith("nr") and len(word) >= 2 and ADDRESSED_AFTER.match(text, at + len(word))]


# A name right before these is a body of thought, not a mention of the person: 邓小平理论, 毛泽东思想.
DOCTRINE = re.compile(r"理论|思想|主义|文选|选集")
# Two countries said short, the model's PER: 中希两国, 伊中关系.
TWO_COUNTRIES = re.compile(r"两国|关系|友好|友谊|双边")
# Words that end no name: a name that runs into one (周文华为, 乔石同) ends before it.
FUNCTION_WORDS = ("p", "c", "u", "ul", "uj", "d", "r")
ADVERBIAL = ("d", "p", "c")  # jieba's tags of a word no name's last character starts: 一同, 和, 对于


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
        # a word the dictionary calls a person's name, by where it starts: 沈国放, 傅全有, 多吉才让
        self.names = {at: word for (word, flag), at in zip(tokens, starts) if flag.startswith("nr")}
        # the inside of an idiom or set phrase: no name starts there (欣欣|向荣)
        self.in_phrase = {at + k for (word, flag), at in zip(tokens, starts) if flag in ("i", "l")
                          for k in range(1, len(word))}
        self.starts = set(starts)

    def torn(self, name: str, at: int) -> bool:
        """A name of two characters that opens with no surname and starts and ends inside words:
        the model read the end of one word and the start of the next (纪念|日公|祭: 日公)."""
        return len(name) == 2 and name[0] not in surnames() and at not in self.starts and \
            at + 2 not in self.starts and at + 2 < len(self.text)

    def whole(self, name: str, at: int) -> str:
        """The dictionary's name where it starts as `name` does and goes on (the model stopped at
        沈国 in 沈国放)."""
        word = self.names.get(at, "")
        extends = len(word) > len(name) and word.startswith(name) and not DOCTRINE.match(word, len(name))
        return word if extends else name  # (邓小平理论 is a doctrine: 邓小平 stays)

    def fit(self, name: str, at: int) -> str:
        # jieba's words do not see a foreign name's parts: only its last part is fitted, and kept
        shortest = at + (name.rindex("·") + 2 if "·" in name else 2)
        end = at + len(name)
        if end not in self.ends and end < self.ends_sorted[-1]:  # the name ends inside a word
            word_end = self.ends_sorted[bisect.bisect_left(self.ends_sorted, end)]
            word_start, flag = self.ends[word_end]
            if "·" in name and word_start >= shortest - 1 and not titles_pattern().match(self.text, word_start, word_end):
                end = word_end  # the model cut a foreign name's last part short: 阿依古丽·买买|提
            elif flag == "ns" and "·" not in name:
                return ""  # the model cut a place's name: 辛辛那|提队
            elif (len(name) > 3 and "·" not in name) or titles_pattern().match(self.text, word_start, word_end) or \
                    flag in ADVERBIAL:  # a name does not end inside an adverb: 陈桦|一同部署 (but 梁建强|调)
                end = word_start
        while end in self.ends and end - at > 3 and end > shortest:
            start, flag = self.ends[end]
            if end - start != 1 or flag not in FUNCTION_WORDS:
                break
            end = start
        return self.text[at:end] if end >= shortest else ""


# Characters the model reads before and after a place where a name may stand: enough for the
# title before a name and the verb after it (wider windows found no more names on realpages).
NAME_CONTEXT = (6, 8)
# What the model tags PER and is no one's name: a person called by a title or a form of address
# (江主席, 何教授, 夏先生: a name with a title after it is the name, 刘伯承元帅), a photographer's
# credit (周确摄), a name the text leaves out (张某), a body's name (程海卫生院, 北京医院).
ADDRESS = re.compile(rf"(?:{vocabulary.FORMS_OF_ADDRESS}|师|氏)$")
SPLIT_ADDRESS = re.compile(vocabulary.FORMS_OF_ADDRESS)  # a name's last character and the next
NOT_A_NAME = re.compile(r"(?:[摄某等]|医院|卫生院|学校|中学|小学|大学|学院|公司|集团|银行|政府)$")
PLACE_END = re.compile(r"[省市区县乡镇村路街]$")  # jieba calls 高新区 a name
MAX_FOREIGN_NAME = 30  # characters, '·' included: 诺罗敦·莫尼列·西哈努克 has 11
FOREIGN_RUN = re.compile(rf"[{HAN}·]+")
# 桥本龙太郎 has five characters; a foreign name's part up to eight (阿卜杜勒拉蒂夫·菲拉利)
MODEL_NAME = re.compile(rf"[{HAN}]{{2,5}}|[{HAN}]{{1,8}}(?:·[{HAN}]{{1,8}})+")
# A foreign name printed without its dot is longer (斯考克罗夫特, 沙利卡什维利): the model's name of six to
# eight characters is one where jieba's dictionary reads its end as a transliterated name (nrt).
LONG_FOREIGN_NAME = re.compile(rf"[{HAN}]{{6,8}}")
ROYAL = re.compile(r"(?:国王|亲王|女王|王子|公主|陛下|王)$")  # after a foreign name: 西哈努克王
NAME_CHARS = re.compile(rf"[{HAN}]{{2,4}}")  # where a name may start: two to four characters
# a place, a body, a quality or a group, or a person the text leaves unnamed: by a form of address
# (张女士, 李师傅) or of kinship (王奶奶, 李大爷) (and a surname after 小 or 老, plausible): a page of
# its own would gather every 王奶奶 of the archive as one person
UNNAMED_END = re.compile(rf"[区市县乡镇村局委办部会感度性率们者]$|(?:{vocabulary.FORMS_OF_ADDRESS})$|"
                         r"(?:奶奶|爷爷|大爷|大妈|大娘|大叔|大婶|阿姨|大姐|大哥|叔叔|婆婆|老汉|老伯)$")


def _name_windows(text: str, tokens: list[tuple[str, str]], known: list[tuple[str, int]]) -> list[tuple[int, int]]:
    """Where the model reads: after each title, election's verb and 叫, around each word jieba's
    dictionary calls a name, and around each common surname standing alone before a character
    standing alone (a name the dictionary does not know) — but not where a title rule has found
    the name already (titled): the model would read the district paper's many '党工委书记王新亭' to
    learn nothing new."""
    before, after = NAME_CONTEXT
    starts = {at for _, at in known}
    covered = {at + i for name, at in known for i in range(len(name))}
    spans = [(max(0, m.start() - before), min(len(text), m.end() + after)) for m in titles_pattern().finditer(text)
             if m.end() not in starts]
    spans += [(max(0, m.start() - before), min(len(text), m.end() + after))
              for slot in (ELECTED_SLOT, CALLED_SLOT) for m in slot.finditer(text)]
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
    return ner.merged(spans)


def located_names(texts: list[tuple[str, list[tuple[str, str]]]]) -> list[list[tuple[str, int]]]:
    """The names in each text (with its jieba words), with where each starts: those printed after
    a title (titled), then those the trained model finds around the other places a name may
    stand; the texts of a page are read by the model in one pass. The parts of a foreign name
    joined by '·' are one name (萨阿东·哈马迪), though the model may tag them apart; a name cut by
    the edge of what the model read (not the text's) is left out."""
    texts = [_interpunct(text, tokens) for text, tokens in texts]
    known = [titled(text) + addressed(text, tokens) for text, tokens in texts]
    windows = [_name_windows(text, tokens, k) for (text, tokens), k in zip(texts, known)]
    found = ner.entities_of([(text, spans) for (text, _), spans in zip(texts, windows)])
    return [k + _names(text, spans, entities) for (text, _), k, spans, entities in zip(texts, known, windows, found)]


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
        if "·" in name:
            name = ROYAL.sub("", name)
        foreign = LONG_FOREIGN_NAME.fullmatch(name) and tag_short(name)[-1][1] == "nrt"
        if (MODEL_NAME.fullmatch(name) or foreign) and not NOT_A_NAME.search(name):
            out.append((name, start))
    return out


def _name_at(text: str) -> str | None:
    """The person's name at the start of `text` (2 or 3 characters, or 4 with a compound surname)."""
    m = NAME_CHARS.match(text)
    if not m:
        return None
    chunk = m.group()
    double = chunk[:2] in surnames()
    if not (double or chunk[0] in surnames()):
        return None
    sizes = (3, 4) if double else (2, 3)
    short, long_ = sizes
    if len(chunk) >= long_ and not FOLLOW.match(text[short:]) and (
        FOLLOW.match(text[long_:]) or len(text) == long_ or not is_han(text[long_:long_ + 1])
    ):
        return chunk[:long_]
    if len(chunk) >= short and (FOLLOW.match(text[short:]) or not is_han(text[short:short + 1])):
        return chunk[:short]
    return None


NOT_NAME = re.compile(r"^(?:全区|全市|各级|相关|有关|部门|单位|企业|公司|工作|同志|干部|群众|代表)")


# jieba's tags of a two-character word that is no one's name: a verb, an adverb, a conjunction (强调, 随后).
NO_NAME_WORDS = ("v", "vd", "d", "c", "p", "ad")
# Characters that join or greet (和, 与, 贺) before a word the model took for a name: 和代表, 贺元旦.
JOINED_BEFORE = "和与及同贺向"


def plausible(name: str) -> bool:
    # '张女士', '李师傅': a person the text leaves unnamed
    if name[0] in JOINED_BEFORE and len(name) > 2:
        rest = tag_short(name[1:])
        if len(rest) == 1 and not rest[0][1].startswith("nr"):  # one word of the dictionary, and no name
            return False
    familiar = len(name) == 2 and name[0] in "小老" and name[1] in surnames()  # 小刘, 老张 (小芳 is hers)
    # a surname's character that starts a verb or an adverb: 书记强调 (高峰, 江山 are names as well as nouns)
    word = len(name) == 2 and tag_short(name)
    verb = bool(word) and len(word) == 1 and word[0][1] in NO_NAME_WORDS
    return not NOT_NAME.match(name) and not UNNAMED_END.search(name) and not familiar and not verb


def roles(text: str, names: list[str], bodies: list[str] = ()) -> dict[str, list[str]]:
    """The titles the text gives each person: '经开区党工委副书记、区智慧办主任' for 郭宏力. A role
    is what stands right before the name, read backwards: titles, each after the body it is held
    in (one of the article's `bodies`, a district, 党工委 …), joined by '、'; a clause before it is
    no part of it ('…参加座谈会高新区党工委委员' gives 高新区党工委委员), nor another person listed
    with a role of their own ('校长马玉霞、郑州宇通集团教育公司总经理韩德利')."""
    text = interpunct(text)
    backwards = text[::-1]  # the clause before a mention is read backwards from it
    pieces = sorted(set(bodies), key=len, reverse=True)
    others = tuple(sorted(names, key=len, reverse=True))
    listed = (*others, "、")  # what a segment ends in where names are listed before a mention
    found: dict[str, list[str]] = {}
    for name in names:
        for at in occurrences(text, name):
            start = len(text) - _CLAUSE.match(backwards, len(text) - at, len(text) - at + ROLE_REACH).end()
            segment = text[start:at]
            if segment.endswith(listed):  # names listed before this one: '区领导刘明胜、刘春明'
                segment = _names_at_end(others).sub("", segment)
            last = max((segment.rfind(o) + len(o) for o in others if o in segment), default=0)
            role = _role(segment[last:].lstrip("、"), pieces)
            if role and role not in found.setdefault(name, []):
                found[name].append(role)
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
    return re.compile("(?:" + "".join(re.escape(n) + "|" for n in districts) + f"{body_rules.ORG_WORDS})$")


_CLAUSE = re.compile(r"[^，。；：！？,;:!?\s“”]*")  # text up to a clause break
# How far before a name its role may begin: the longest chains of titles (区委常委、经开区党工委
#副书记、区智慧办主任) are under 40 characters; a text with no clause breaks is not read whole
# before every mention.
ROLE_REACH = 80


@lru_cache(maxsize=1024)
def _names_at_end(names: tuple[str, ...]) -> re.Pattern:
    return re.compile("(?:" + "|".join(map(re.escape, names)) + "|、)+$")
