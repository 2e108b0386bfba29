"""Bylines: who wrote, reported and photographed an article.

Forms seen in print: `本报讯（记者X 通讯员Y）`, `记者 X 通讯员 Y 文/图`, `本报记者 X`,
`本报记者 X 摄`, a byline after the last sentence of a paragraph, or on lines of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .chars import CLOSERS, HAN, SENTENCE_END, simplified, unspace
from .vocabulary import (AGENCY, COLUMN_LABEL, DATELINE, DATELINE_AT_START, DATELINE_MARKS, DISPATCH_TITLE, EDITOR_NOTE,
                         FORMS_OF_ADDRESS, ITEM_MARKS, ROLE, SIGNERS, SURNAMES, TITLED_BRIEF, WORK_MARK, close_roles, fold,
                         role_field)
from .words import other_word

_NAME = rf"(?!{AGENCY}|{ROLE})[{HAN}·]{{2,4}}"  # 新华社记者X、本报记者Y: 本报 is no name
_NAMES = rf"{_NAME}(?:[ 、，,]+{_NAME})*"
_ROLE = ROLE
_ROLE_NAMES = rf"(?:{_ROLE}) ?{_NAMES}"
_PHOTO = r"文 ?/ ?图|图 ?/ ?文|摄"
# Names alone before 摄 are a photographer's credit; '一个支架、一部手机、一台摄' (摄像机 cut by the
# line break) is not: no name starts with a numeral, and a credit names at most three.
_BARE_NAME = rf"(?![一二三四五六七八九十两几每]){_NAME}"
CREDIT = re.compile(rf"^(?:{_ROLE_NAMES}[ 、，,]*)+(?:{_PHOTO})?$|^{_BARE_NAME}(?:[ 、，,]+{_BARE_NAME}){{0,2}} ?(?:{_PHOTO})$")
# Text and pictures credited apart: '文/记者 张三 图/通讯员 李四', '记者 张三/文 李四/图'.
_WHO = rf"(?:(?:{_ROLE}) ?)?{_NAMES}"
# (the mark's slash may be a colon: 文：张三 图：李四; the pictures' mark 摄影 or 摄: 摄影/李四, 张三/摄)
SPLIT_BEFORE = re.compile(rf"([文图]|摄影) ?[/：:] ?({_WHO})")
SPLIT_AFTER = re.compile(rf"({_WHO})(?: ?/ ?| (?=[文图]))([文图摄])(?![{HAN}])")  # (or a space: 记者 张伟 文 李娜 图)
SPLIT = re.compile(rf"^(?:{SPLIT_BEFORE.pattern} ?)+$|^(?:{SPLIT_AFTER.pattern} ?)+$")
# '记者 孙庆辉文/图' (the space before the mark lost at a line break) reads as one pair of the split
# form, pictures by 孙庆辉文: a byline ending in the mark for both is read as that, where it can be.
BOTH_MARK_END = re.compile("(?:文 ?/ ?图|图 ?/ ?文)$")
# ... or before the names: '文/图 本报记者 张伟', '图文/本报记者 张伟' read as '本报记者 张伟 文/图'
BOTH_MARK_START = re.compile("^(?:文 ?/ ?图 |图 ?/ ?文 |图文 ?/ ?|文图 ?/ ?|文[·・]图 ?/ ?)(.+)$")
ITEM_MARK = re.compile(rf"^[{re.escape(ITEM_MARKS)}] ?")  # '■本报记者 张伟': the item's mark is no part of it
# A writer named with no role: a brief's, in brackets after its last sentence ('…招聘会。（孙浩）'),
# or a column's, after an item's mark on a line of its own ('□王五'). Each must read as a person's
# name: a surname, then one or two characters, and no word of another kind (（金奖）, （林业）,
# （待续）), nor a form of address (（王先生）).
_WRITERS = rf"{_BARE_NAME}(?:[ 、]{_BARE_NAME}){{0,2}}"
SIGNED = re.compile(rf"^[（(]? ?(?:{SIGNERS}) ?{_WRITERS} ?[）)]?$")  # 读者 刘芳: a letter's, no reporter
WRITERS = re.compile(rf"^(?:[（(] ?({_WRITERS}) ?[）)]|[{re.escape(ITEM_MARKS)}] ?({_WRITERS}))$")
ADDRESSED = re.compile(f"(?:{FORMS_OF_ADDRESS})$")
_SURNAMES = frozenset(SURNAMES)
ROLE_ONLY = re.compile(rf"^(?:{_ROLE}|{_PHOTO})$")
ROLE_END = re.compile(rf"(?:^|[ 　）)])(?:{_ROLE})$")
PHOTO_MARK = re.compile(rf"^(?:{_PHOTO})$")
# Every role, the photo mark and the text/picture slash (or colon) hold one of these: a line without them is no byline.
CREDIT_CHARS = re.compile(f"[记实通摄/撰笔]|视频|文字|评论员|[文图][：:]|[文图]$|{SIGNERS}")
# Compiled once: re's own cache of 512 patterns is flushed by the names' patterns an article makes.
ROLE_SPLIT = re.compile(f"({_ROLE})")
PHOTO_END = re.compile(rf"(?:{_PHOTO})$")
NAME_BREAKS = re.compile(r"[ 、，,]+")
SPACES = re.compile(" +")
ROLE_COLON = re.compile(rf"({_ROLE})\s*[：:]\s*")  # 记者：张三 is 记者 张三
# 本报记者 张三 报道, 周琳 整理: what they did, no name; and where, after a slash (记者王大文／台北报导)
REPORTED = re.compile(rf" ?(?:[／/][{HAN}]{{2,6}}?)?{WORK_MARK}[：:]?$")
PHOTO_REPORTED = re.compile(r" ?摄影(?:报道)?[：:]?$")  # 本报记者 张三 摄影(报道): pictures by 张三, 张三 摄
# The dateline that opens a news story: 本报讯, 本报郑州12月3日讯, 新华社北京１月２日电, 据新华社电
LEAD = DATELINE_AT_START
DATELINE_REACH = 40  # characters: the longest dateline, letter-spaced ('据 新 华 社 呼 和 浩 特 １ 月 １ ３ 日 电')
# The credit a lead carries after its dateline (forms and examples: data/vocabulary.yaml):
LEAD_CREDIT = re.compile(rf"^{DATELINE} ?[：:]? ?[（(]((?:{_ROLE}) ?[^）)]{{1,60}})[）)]")  # in brackets, a colon before or not
# A lead with no dateline that opens with its credit, a colon after it or not: '（记者华林、杜鹏通讯员
# 周海燕）：7月23号凌晨…', '（记者 刘洋）6月3日6时许，…' (not a credit alone on its line, nor a photo's)
LEAD_CREDIT_FIRST = re.compile(rf"^[（(〔【]((?:{_ROLE}) ?[^）)〕】]{{1,60}}?)(?<!摄)[）)〕】](?:[：:]|(?=[\d{HAN}“]))")
_RUN_ON_NAMES = rf"{_NAME}(?:[、，] ?(?!{AGENCY}|{_ROLE}){_NAME})*"
LEAD_CREDIT_REPORTED = re.compile(  # run on, ending in 报道：
    rf"^{DATELINE} ?((?:(?:{_ROLE}) ?{_RUN_ON_NAMES}[、，]? ?)+?) ?报道[：:]")
# A lead with no dateline that opens with its credit and 报道：'本报记者 张三 报道：近日，…' (read as
# the story's credit, but no sign that a story starts: a dateline's second line reads so too,
# '本报北京１月１日讯' / '记者王建新报道：')
LEAD_CREDIT_REPORTED_FIRST = re.compile(rf"^((?:(?:{_ROLE}) ?{_RUN_ON_NAMES}[、，]? ?)+?) ?报道[：:]")
LEAD_CREDIT_SOURCE = re.compile(  # run on, the reporter's source after the name: 记者X从…获悉
    rf"^{DATELINE} ?((?:{_ROLE}) ?[{HAN}·]{{2,3}}?)(?=从|在|获悉)")
LEAD_CREDIT_BRACKETED = re.compile(rf"^{DATELINE}\s*((?:{_ROLE}) ?[^】]{{1,40}})】")  # in black brackets: 【环球网报道 记者 王明】
# Without brackets the credit ends at a space: '本报讯 记者 张三 通讯员 李四 6月5日，…'
LEAD_CREDIT_BARE = re.compile(rf"^{DATELINE} ((?:{_ROLE_NAMES} ?)+?) (?![{HAN}·]{{2,4}}(?: |$))")


@dataclass
class Credit:
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    photographers: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.reporters or self.correspondents or self.photographers)

    def add(self, other: "Credit") -> None:
        for role in ("reporters", "correspondents", "photographers"):
            mine = getattr(self, role)
            mine.extend(n for n in getattr(other, role) if n not in mine)


def _names(chunk: str) -> list[str]:
    names = [n for n in NAME_BREAKS.split(chunk.strip()) if n]
    out = []
    for name in names:
        # Unspaced runs of names ("张三李四") are split into three-character names only when exact.
        if len(name) > 4 and len(name) % 3 == 0:
            out.extend(name[i:i + 3] for i in range(0, len(name), 3))
        else:
            out.append(name)
    return out


def parse(text: str) -> Credit | None:
    credit = _parse(text)
    return None if credit is None else Credit(list(credit.reporters), list(credit.correspondents),
                                               list(credit.photographers))


@lru_cache(maxsize=1 << 14)
def _parse(text: str) -> Credit | None:
    """A byline (the whole of `text`) as a Credit, or None if it is not one (nor is a column's
    label: 记者手记)."""
    if COLUMN_LABEL.match(unspace(text)):
        return None
    if SIGNED.match(SPACES.sub(" ", unspace(text)).strip()):
        return Credit()  # it ends its text as a byline does, and credits no one
    printed = text
    text = SPACES.sub(" ", ROLE_COLON.sub(r"\1 ", close_roles(fold(unspace(text))))).strip(" （）()")
    text = REPORTED.sub("", PHOTO_REPORTED.sub(" 摄", text))
    text = BOTH_MARK_START.sub(r"\1 文/图", ITEM_MARK.sub("", text))
    if SPLIT.match(text) and not (BOTH_MARK_END.search(text) and CREDIT.match(text)):
        return _parse_split(text)
    if not CREDIT.match(text):
        writers = WRITERS.match(SPACES.sub(" ", unspace(printed)).strip())
        names = _names(writers.group(1) or writers.group(2)) if writers else []
        return Credit(reporters=names) if names and all(map(_person, names)) else None
    photo = PHOTO_END.search(text)
    body = text[: photo.start()] if photo else text
    credit = Credit()
    parts = ROLE_SPLIT.split(body)
    if parts[0].strip():  # names before any role: a bare "X 摄" (or "X 文/图": theirs are the words too)
        both = photo is not None and photo.group().replace(" ", "") != "摄"
        (credit.reporters if both else credit.photographers).extend(_names(parts[0]))
    for role, chunk in zip(parts[1::2], parts[2::2]):
        getattr(credit, role_field(role)).extend(_names(chunk))
    if photo and photo.group().replace(" ", "") == "摄":  # whoever is named took the picture: 通讯员 刘涛 摄
        credit.photographers.extend(credit.reporters + credit.correspondents)
        credit.reporters, credit.correspondents = [], []
    elif photo:  # 文/图: every named author took the pictures too
        credit.photographers.extend(credit.reporters + credit.correspondents)
    return credit


def _person(name: str) -> bool:
    """Whether a name in brackets with no role reads as a person's: a surname and one or two
    characters (two or three after a compound surname), which jieba reads as no other kind of word."""
    given = len(name) - (2 if name[:2] in _SURNAMES else 1 if name[:1] in _SURNAMES else len(name))
    return 1 <= given <= 2 and not other_word(name) and not ADDRESSED.search(name)


def _parse_split(text: str) -> Credit:
    """'文/记者 张三 图/通讯员 李四': each named with their role (bare names: the text's are
    reporters), and the pictures' also as photographers."""
    credit = Credit()
    pairs = SPLIT_BEFORE.findall(text) if text[0] in "文图摄" else [(m, w) for w, m in SPLIT_AFTER.findall(text)]
    for mark, who in pairs:
        parts = ROLE_SPLIT.split(who)
        named = {role_field(role): _names(chunk) for role, chunk in zip(parts[1::2], parts[2::2])}
        if parts[0].strip():
            named["reporters" if mark == "文" else "photographers"] = _names(parts[0])
        for role, names in named.items():
            getattr(credit, role).extend(n for n in names if n not in getattr(credit, role))
            if mark != "文":
                credit.photographers.extend(n for n in names if n not in credit.photographers)
    return credit


@lru_cache(maxsize=1 << 16)
def is_credit(text: str) -> bool:
    """(Kept for each line: reassembly asks of a page's lines again and again.)"""
    return (CREDIT_CHARS.search(text) is not None or text.endswith(("）", ")")) or text.lstrip()[:1] in ITEM_MARKS) \
        and _parse(text) is not None


def ends_in_role(text: str) -> bool:
    """A line that ends on a role word with no name after it ('记者 孙庆辉 通讯员' / '帖姣 文/图'):
    the names on the next line are that role's, whatever they read as alone."""
    return CREDIT_CHARS.search(text) is not None and ROLE_END.search(close_roles(unspace(text)).rstrip()) is not None


def is_role_only(text: str) -> bool:
    """A line holding only part of a byline: its role word ('本 报 记 者', the names on the next
    line) or its photo mark ('文/图', under the names)."""
    return CREDIT_CHARS.search(text) is not None and bool(ROLE_ONLY.match(unspace(text).replace(" ", "")))


def is_photo_mark(text: str) -> bool:
    """A line holding only a byline's photo mark ('文/图', '摄'): it ends the byline above it."""
    return bool(PHOTO_MARK.match(unspace(text).replace(" ", "")))


def split_trailing(text: str) -> tuple[str, str] | None:
    """'...献礼。 记者 张改华' -> ('...献礼。', '记者 张改华'); None when the line has no byline."""
    text = text.rstrip()
    end = max(map(text.rfind, SENTENCE_END))  # the last sentence end, with a closing quote after it
    if 0 <= end < len(text) - 1 and text[end + 1] in CLOSERS:
        end += 1
    if end < 1:
        return None
    tail = text[end + 1:].strip()
    if tail and is_credit(tail):
        return text[: end + 1], tail
    return None


def is_lead(text: str) -> bool:
    # every dateline ends in its mark (讯, 电, …) within its first few words: most lines are passed over unread
    opening = text[:DATELINE_REACH]
    if not any(mark in opening for mark in DATELINE_MARKS) and opening[:1] not in "（(〔【":
        return False
    text = fold(unspace(text))  # a medium's mark is read where a space sets it apart: both forms are tried
    first = LEAD_CREDIT_FIRST.match(text)  # (a column's label in brackets is none: 【记者手记】)
    return bool(LEAD.match(text.replace(" ", "")) or LEAD.match(text) or (first and _parse(first.group(1))))


def opens_lead(line: str, following: str) -> bool:
    """Whether a line that reads as a byline is the start of a lead's credit the column cut, the
    lead running on in the next line: '（记者 阿依古丽' / '王磊）昨日上午，…' (its bracket still open; the
    line's end a space between two names, or within one: '（记者 李' / '华 张毅）')."""
    return bool(following) and not line.endswith(("）", ")")) and \
        (is_lead(line + following) or is_lead(f"{line} {following}"))


def bracketed_title(line: str) -> str | None:
    """A brief's title printed in brackets before its text (【县领导调研安全生产】6月1日，…), where the
    brackets hold no dateline (【新华社北京6月2日电】) nor an editor's note (【编者按】)."""
    titled = TITLED_BRIEF.match(line)
    return titled.group(1) if titled and not is_lead(line) and not EDITOR_NOTE.match(line) else None


def dispatch_title(lead: str) -> tuple[str, str | None] | None:
    """A wire feature's title and subtitle printed after its dateline ('新华社北京6月10日电　题：把论文
    写在祖国大地上——记…'), or None."""
    rest = without_dateline(lead)
    titled = DISPATCH_TITLE.match(rest) if rest != lead else None
    return (titled.group(1).strip(), titled.group(2)) if titled else None


def from_lead(text: str) -> Credit | None:
    """The credit in a lead such as '本报讯（记者付凯明 通讯员刘甜甜）…' or '新华社北京１月２日电（记者
    X）…' or '本报北京１月１日讯记者X报道：…' (text already joined)."""
    text = fold(text)
    match = LEAD_CREDIT.match(text.replace(" ", "", 3) if text.startswith("本报讯 ") else text) or \
        LEAD_CREDIT_REPORTED.match(text) or LEAD_CREDIT_SOURCE.match(text) or LEAD_CREDIT_BRACKETED.match(text) or \
        LEAD_CREDIT_BARE.match(text) or LEAD_CREDIT_FIRST.match(text) or LEAD_CREDIT_REPORTED_FIRST.match(text)
    if not match:
        return None
    inner = ROLE_SPLIT.sub(r" \1 ", match.group(1))
    return parse(SPACES.sub(" ", inner).strip())


def without_dateline(lead: str) -> str:
    """The lead after its dateline and the credit that follows it: where its own words start (read
    in simplified characters: 本報訊（記者 陳大文）; the lead is returned as printed)."""
    folded = fold(simplified(lead))
    match = LEAD_CREDIT.match(folded) or LEAD_CREDIT_REPORTED.match(folded) or LEAD_CREDIT_BRACKETED.match(folded) or \
        LEAD.match(folded) or LEAD_CREDIT_REPORTED_FIRST.match(folded)
    return lead[match.end():].lstrip(" ：:") if match else lead
