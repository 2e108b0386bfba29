"""The newspaper's vocabulary (`data/vocabulary.yaml`) compiled into the patterns every stage
matches: datelines, role words, jump lines, caption and brief marks.

Papers print digits full-width or half-width and dates in Chinese numerals as often as in
digits (１月２日, 1月2日, 一月二日): `fold` reads the first two alike, and the date pattern
takes all three. Folding maps one character to one, so a match on folded text has the same
span in the text as printed.
"""
from __future__ import annotations

import re
from importlib import resources

import yaml

from .chars import HAN

DATA = yaml.safe_load(resources.files("generator.data").joinpath("vocabulary.yaml").read_text("utf-8"))

_FULL = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
_HALF = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_FOLD = str.maketrans(_FULL + "／．", _HALF + "/.")


def fold(text: str) -> str:
    """Full-width digits, letters, slash and point as ASCII, one character for one."""
    return text.translate(_FOLD)


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


NUMBER = r"(?:\d{1,4}|[〇零一二三四五六七八九十]{1,3})"
DATE = rf"{NUMBER}月{NUMBER}日"
AGENCY = f"(?:{_alternation(DATA['agencies'])})"
ROLES: dict[str, str] = DATA["roles"]
# A role word, an agency before it or not: 记者, 本报记者, 新华社记者.
ROLE = rf"(?:{AGENCY}\s?)?(?:{_alternation(ROLES)})"
# Where a dateline was filed: a place name, never the start of a credit (本报记者…).
_PLACE = rf"(?!记者|通讯员|特约|实习|摄影)[{HAN}·]{{2,8}}?"
DATELINE = (rf"[{re.escape(DATA['brief_marks'])}▲]?据?{AGENCY}(?:{_PLACE})?(?:{DATE})?"
            rf"(?:{_alternation(DATA['dateline_marks'])})")
DATELINE_AT_START = re.compile(rf"^\s*{DATELINE}")

CONTINUED_ON = re.compile(r"[（(]?(?:下转|转|续)第?[\dA-Z一二三四五六七八九十]{1,3}版[）)]?$")
CONTINUED_FROM = re.compile(r"^[（(]?(?:上接|接上|紧接)第?[\dA-Z一二三四五六七八九十]{1,3}版[）)]?")
CAPTION_MARKS = DATA["caption_marks"]
CAPTION_MARK = re.compile(f"^[{re.escape(CAPTION_MARKS)}]")
BRIEF_MARKS = DATA["brief_marks"]
# A caption says what the picture shows, at the start of a sentence: '…通航。图为满载港澳货物的货船…'
CAPTION_PHRASE = re.compile(rf"(?:^|[。！？])(?:{_alternation(DATA['caption_phrases'])})")


# Role words as letter-spaced print sets them: '本 报 记 者赵耀东' reads '本报记者 赵耀东'.
_SPACED_ROLE = re.compile("|".join(r"\s?".join(map(re.escape, w))
                                   for w in sorted(ROLES, key=len, reverse=True) if len(w) > 2))


def close_roles(text: str) -> str:
    """Letter-spaced role words closed up, with one space after them."""
    return _SPACED_ROLE.sub(lambda m: m.group().replace(" ", "") + " ", text)


def role_field(word: str) -> str:
    """The credit field a role word fills: '新华社记者' -> 'reporters'."""
    word = word.replace(" ", "")
    return next(ROLES[r] for r in sorted(ROLES, key=len, reverse=True) if word.endswith(r))


def dateline(text: str) -> str | None:
    """The dateline that opens `text` as printed ('新华社北京１月２日电'), or None."""
    match = DATELINE_AT_START.match(fold(text))
    return text[match.start():match.end()].strip() if match else None
