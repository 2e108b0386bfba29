"""Names printed as lists: a roster set apart by spaces (a list of winners, of those present), the
officers an election or an appointment lists ('刘荣惠、韩立成、都本洁、…为省政协副主席'), and a name
its nation or sex is printed after ('千奋勇（蒙古族）'). The model reads names in running text
(people.py); in a list the names stand with no words around them to tell them by, and a name of no
Han surname (乌兰, 格日勒图) or one that is also a word (夏日) is missed there.
"""
from __future__ import annotations

import re

from ..text.chars import HAN, is_han
from ..text.words import other_word
from .people import ELECTED_BY, plausible, surnames

# A roster: names set apart by spaces, as a list of winners or of those present is printed ('于海涛
# 王丽娟 刘建军 李秀英 张伟'); running text closes the spaces up and the names run into one another.
ROSTER_SEGMENT = re.compile(r"[^，。；：！？、,;:!?（）()]+")
MIN_ROSTER = 3  # names, at least, for a run set apart by spaces to be a roster

# A person's nation or sex, printed in brackets after the name in lists of officers and deputies.
MARK = rf"（(?:[{HAN}]{{1,5}}族|女)）"
LIST_ITEM = re.compile(rf"([{HAN}]{{2,4}})(?:{MARK})?")
# A marked name where it stands alone: after a clause's start, a list's mark or an election's verb.
MARKED = re.compile(rf"(?:^|[，、：；。“\s]|{ELECTED_BY})([{HAN}]{{2,4}}){MARK}")
CLAUSE = re.compile(r"[^，。；：！？]+")
MIN_LISTED = 3  # items, at least, of a list whose unread items are names because most of it is


def rostered(printed: str) -> list[str]:
    """The names of the rosters in a paragraph as printed (its lines joined, spaces kept): in a
    run of three or more items set apart by spaces, each item of two to four characters that opens
    with a surname and reads as a name, not as one word of another kind ('高峰 时段 安全')."""
    found: list[str] = []
    if printed.count(" ") < MIN_ROSTER - 1:  # (most paragraphs: no run set apart by spaces at all)
        return found
    for segment in ROSTER_SEGMENT.findall(printed):
        items = segment.split()
        names = [n for n in items if 2 <= len(n) <= 4 and all(map(is_han, n)) and
                 (n[:2] in surnames() or n[:1] in surnames()) and plausible(n) and not other_word(n)]
        if len(names) >= MIN_ROSTER and 2 * len(names) > len(items):
            found += [n for n in names if n not in found]
    return found


def listed(text: str, names: list[str]) -> list[str]:
    """Names of `text` that `names` (found in running text) lacks: each marked with its nation or sex,
    and each whole item of a list ('、') of three or more most of whose items are names found (the
    first item may open with the clause before it and the last run on into it: only names found
    count there, and an end is a name only where it is an item whole and holds no name found). An
    item that is one word of another kind (夏日) is a name only where it is marked."""
    found = set(names)
    out = [m.group(1) for m in MARKED.finditer(text) if plausible(m.group(1))]
    for clause in CLAUSE.finditer(text):
        items = clause.group().split("、")
        if len(items) < MIN_LISTED:
            continue
        inner = [LIST_ITEM.fullmatch(item) for item in items[1:-1]]
        if None in inner:
            continue
        known = sum(1 for item in items[1:-1] if _bare(item) in found) + \
            any(items[0].endswith(n) for n in names) + any(items[-1].startswith(n) for n in names)
        if 2 * known < len(items):
            continue
        whole = inner + [LIST_ITEM.fullmatch(items[0]), LIST_ITEM.fullmatch(items[-1])]  # (an end that is one)
        out += [m.group(1) for m in whole if m and plausible(m.group(1)) and not _holds(m.group(1), found) and
                (m.group(1) != m.group() or not other_word(m.group(1)))]
    return sorted((n for n in dict.fromkeys(out) if n not in found), key=text.find)


def _holds(item: str, names: set[str]) -> bool:
    """Whether a list's item holds a name found, and more (副主席马国良 holds 马国良)."""
    return any(item[i:j] in names for i in range(len(item)) for j in range(i + 1, len(item) + 1) if j - i < len(item))


def _bare(item: str) -> str:
    """A list's item without the mark after its name."""
    return re.sub(MARK, "", item)
