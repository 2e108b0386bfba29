"""Text helpers shared by the stages: normalising lines, joining wrapped lines, widths."""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

HAN = r"\u3400-\u9fff\uf900-\ufaff"
SENTENCE_END = "。！？…；"
CLOSERS = "”’」』）)》〉】"
_SPACE = re.compile(r"[ \t\u3000\u00a0\u2002-\u200b]+")
# A space only survives between two Latin letters/digits ("CTO 杨波" loses it, "5G 网络" too).
_DROP_SPACE = re.compile(r"(?<![A-Za-z0-9%.]) (?=\S)|(?<=\S) (?![A-Za-z0-9])")
_HAN_CHAR = re.compile(f"[{HAN}]")
_LATIN_START, _LATIN_END = re.compile(r"[A-Za-z0-9]"), re.compile(r"[A-Za-z0-9]$")
_DATELINE = re.compile(r"^(本报讯)(?=[^\s（(])")
# Letter-spaced print ("地 点 就 拿 起") comes out of the PDF with a space between every glyph.
_SPACED = re.compile(rf"(?:(?<=^)|(?<=\s))((?:[{HAN}，、。：；！？“”（）] ){{2,}}[{HAN}，、。：；！？“”（）])(?=\s|$)")


# The dot that joins the parts of a foreign name is U+00B7 (威廉·佩里); web copy sets others:
# katakana's (伊万・伊利耶夫), a bullet, a hyphenation point, a half-width one.
_DOTS = "\u30fb\u2022\u2027\uff65"
_ANY_DOT = re.compile(f"[{_DOTS}]")  # looked for first: few texts have one
_OTHER_DOTS = re.compile(f"(?<=[{HAN}])[{_DOTS}](?=[{HAN}])")


def interpunct(text: str) -> str:
    """`text` with a name's joining dot in its one form, character for character (places stay)."""
    return _OTHER_DOTS.sub("·", text) if _ANY_DOT.search(text) else text


def clean(line: str) -> str:
    """One raw line as text: odd spaces folded to one ASCII space, ends trimmed."""
    return _SPACE.sub(" ", line).strip()


def compact(text: str) -> str:
    """Text without any whitespace (U+3000 included): what the referee and search compare."""
    return "".join(text.split())


@lru_cache(maxsize=1 << 16)
def unspace(line: str) -> str:
    """Close up letter-spaced runs: '本 报 记 者' -> '本报记者'."""
    return _SPACED.sub(lambda m: m.group(1).replace(" ", ""), clean(line))


def running(line: str) -> str:
    """A line as it stands in running text: letter-spaced runs closed up, a space kept only
    between two Latin letters or digits. Each line is made so once (read.page.PageText): where
    lines join, only their ends are looked at."""
    return _DROP_SPACE.sub("", unspace(line))


def join_running(lines: list[str]) -> str:
    """Join column-wrapped lines already made running(): no space between Chinese characters, one
    between Latin words; none inside a number the line break cut ('6月2' + '8日')."""
    text = ""
    for line in lines:
        if text and line and _LATIN_START.match(line[0]) and _LATIN_END.search(text) \
                and not (line[0].isdigit() and text[-1].isdigit()):
            text += " "
        text += line
    return _DATELINE.sub(r"\1 ", text)  # the dateline keeps its space


@lru_cache(maxsize=1 << 16)
def width(text: str) -> float:
    """Printed width in Chinese character cells: full-width glyphs 1, Latin and digits 1/2."""
    glyphs = compact(text)
    narrow = _narrow().findall(glyphs)
    if narrow and max(narrow) > "\uffff":
        narrow = [c for c in narrow if c <= "\uffff" or unicodedata.east_asian_width(c) in NARROW]
    return len(glyphs) - 0.5 * len(narrow)


NARROW = ("N", "Na", "H")  # East Asian widths of half a cell


@cache
def _narrow() -> re.Pattern:
    """The narrow characters of the Basic Multilingual Plane, and every character beyond it (rare:
    width() asks unicodedata about those), as one class: a regex counts them in under half the
    time it takes to ask unicodedata character by character."""
    bmp = [c for c in range(0x10000) if unicodedata.east_asian_width(chr(c)) in NARROW]
    starts = [c for i, c in enumerate(bmp) if i == 0 or bmp[i - 1] != c - 1]
    ends = [c for i, c in enumerate(bmp) if i + 1 == len(bmp) or bmp[i + 1] != c + 1]
    ranges = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in zip(starts, ends))
    return re.compile(f"[{ranges}\U00010000-\U0010ffff]")


def ends_sentence(text: str) -> bool:
    text = text.rstrip().rstrip(CLOSERS)
    return bool(text) and text[-1] in SENTENCE_END


def is_han(char: str) -> bool:
    return bool(_HAN_CHAR.match(char))


def occurrences(text: str, word: str):
    """Where `word` stands in `text`, mentions not overlapping, in order (an empty word stands nowhere)."""
    at = text.find(word) if word else -1
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))


@cache
def traditional() -> dict[str, str]:
    """Each traditional character and its simplified form (鄭 → 郑, 國 → 国), from OpenCC's table
    (its first reading where it gives several): a reader may type either, a paper print either."""
    table = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    pairs = (line.split("\t") for line in table.read_text(encoding="utf-8").splitlines() if "\t" in line)
    first = ((t, readings.split()[0]) for t, readings in pairs)
    return {t: s for t, s in first if len(t) == len(s) == 1 and t != s}


@cache
def _simplifying() -> dict[int, str]:
    return str.maketrans(traditional())


def simplified(text: str) -> str:
    """The text with its traditional characters as simplified ones, one for one (本報訊 → 本报讯):
    what the rules read, written in simplified characters, on a page printed in either. Spans
    hold; the article keeps what was printed. (A translate is a tenth of the cost of searching
    for any of four thousand characters first.)"""
    return text.translate(_simplifying())
