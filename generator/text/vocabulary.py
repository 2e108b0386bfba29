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
# Chinese surnames, single and compound, the commonest first (data/surnames.txt): a name starts
# with one, whether it stands in the text (extract/people.py) or in a byline.
SURNAMES = tuple(w for line in resources.files("generator.data").joinpath("surnames.txt").read_text("utf-8").splitlines()
                 if not line.startswith("#") for w in line.split())
# A person called by a form of address, the name left out: 王先生, 张女士, 李师傅.
FORMS_OF_ADDRESS = "先生|女士|小姐|师傅|同志|大夫|元帅"

_FULL = "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ"
_HALF = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_FOLD = str.maketrans(_FULL + "／．", _HALF + "/.")
_FOLDED = re.compile(f"[{_FULL}／．]")


def fold(text: str) -> str:
    """Full-width digits, letters, slash and point as ASCII, one character for one (str.translate
    looks up every character: most texts have none of them, which a search finds sooner)."""
    return text.translate(_FOLD) if _FOLDED.search(text) else text


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


CHINESE_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}


def number(text: str) -> int | None:
    """1998, １２, 十二, 三十一, 二〇〇一 as an int (digits, or Chinese numerals up to 99); None for
    anything else (十十, 二十十: a page may print anything)."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text and all(c in CHINESE_DIGITS for c in text):
        return int("".join(str(CHINESE_DIGITS[c]) for c in text))
    tens, ten, ones = text.partition("十")
    if ten and len(tens) <= 1 and len(ones) <= 1 and all(c in CHINESE_DIGITS for c in tens + ones):
        return (CHINESE_DIGITS[tens] if tens else 1) * 10 + (CHINESE_DIGITS[ones] if ones else 0)
    return None


NUMBER = r"(?:\d{1,4}|[〇零一二三四五六七八九十]{1,3})"
DATE = rf"{NUMBER}月{NUMBER}日"
AGENCY = f"(?:{_alternation(DATA['agencies'])})"
# A medium the paper does not name in `agencies` (包头晚报, 东北网, 中安在线). A name ending in 报 or 网
# is often no medium ('区委网络安全…', '据报社电话…'): its dateline is read where the day stands
# before the mark (东北网5月1日讯), or where the mark stands apart (包头晚报讯 昨日, 中新网信息：,
# 西部网讯9月8日).
_MEDIUM_ENDING = f"(?:{_alternation(DATA['media_endings'])})"
MEDIUM = f"[{HAN}]{{1,6}}?{_MEDIUM_ENDING}"
_APART = r"(?=[\s（(：:\d】]|$)"
ROLES: dict[str, str] = DATA["roles"]
# A role word, an agency or a medium before it or not: 记者, 本报记者, 新华社记者, 澎湃新闻记者, and a
# paper's with its app's or channel's after a dot (大河报·豫视频记者). (A medium's name there has two
# characters before its ending at least: '（新' / '华社记者谭进摄）' is a credit the line break cut, not
# 华社's.)
_MEDIUM_NAMED = f"[{HAN}]{{2,6}}?{_MEDIUM_ENDING}(?:·[{HAN}]{{2,6}})?"
# Where the reporter is stationed may stand between them: 本报驻京记者, 本报驻河南记者站记者, 新华社驻联合国记者.
_STATIONED = rf"驻[{HAN}]{{1,5}}?(?:记者站)?"
ROLE = rf"(?:(?:{AGENCY}|{_MEDIUM_NAMED})\s?)?(?:{_STATIONED})?(?:{_alternation(ROLES)})"
# Where a dateline was filed: a place name, never the start of a credit (本报记者…).
_PLACE = rf"(?!记者|通讯员|特约|实习|摄影)[{HAN}·]{{2,8}}?"
DATELINE_MARKS: list[str] = DATA["dateline_marks"] + DATA["web_marks"] + DATA["report_marks"]
WORK_MARK = f"(?:{_alternation(DATA['work_marks'])})"
_MARK = f"(?:{_alternation(DATA['dateline_marks'])})"
_ANY_MARK = f"(?:{_alternation(DATELINE_MARKS)})"
_REPORT = f"(?:{_alternation(DATA['report_marks'])})"
# Who issued it, where it was filed and when, and the mark: an agency the paper names (本报讯,
# 新华社北京１月２日电; another dispatch after it, 又讯, 本报又讯), another medium or two (东北网5月1日讯, 京华时报8月27日信息, 包头晚报讯 昨日,
# 沈阳晚报、沈阳网讯), a wire's place and day alone (武汉２月５日电), or any name's day and place
# before 报道 and the bracketed credit (大公财经3月27日北京报道（记者…）).
_ISSUED = (rf"(?:据?{AGENCY}(?:{_PLACE})?(?:{DATE})?{_MARK}|(?:{AGENCY})?[又另]{_MARK}|"
           rf"据?(?:{MEDIUM}、)?{MEDIUM}(?:{_PLACE})?{DATE}{_ANY_MARK}|据?(?:{MEDIUM}、)?{MEDIUM}(?:{_PLACE})?{_ANY_MARK}{_APART}|"
           rf"{_PLACE}{DATE}电|[{HAN}]{{2,8}}?{DATE}(?:{_PLACE})?{_REPORT}(?=\s?[（(]{ROLE}))")
# Web copy sets it in black brackets, a medium's report too, the credit inside or not
# (【大河网讯】, 【环球网报道 记者 王明】, 【环球时报综合报道】).
DATELINE = (rf"(?:[{re.escape(DATA['item_marks'])}▲]?{_ISSUED}|"
            rf"【(?:{_ISSUED}|{MEDIUM}(?:综合)?{_REPORT})(?:】|(?=\s?{ROLE})))")
DATELINE_AT_START = re.compile(rf"^\s*{DATELINE}")

# How a lead with no dateline opens: when (within its first dozen characters), or whence.
LEAD_TIME = re.compile(rf"^.{{0,12}}?(?:{DATE}|\d{{4}}年|\d{{1,2}}日|\d{{1,2}}[时点]|"
                       rf"{_alternation(DATA['lead_day_words'] + DATA['lead_time_words'])})")
# a lead that opens with its day, a comma after it ('昨日凌晨4时许，…', '6月1日下午，…'; not '下午死于…，')
LEAD_DAY_FIRST = re.compile(rf"^(?:{DATE}|\d{{4}}年|{_alternation(DATA['lead_day_words'])})[^，。]{{0,8}}，")
LEAD_SOURCE = re.compile(rf"^(?:据|.{{0,3}}记者.{{0,16}}?(?:{_alternation(DATA['lead_source_words'])}))")

# A subtitle opens with a dash ('——高新区打造夜间消费集聚区见闻'): a headline of its own under the
# title, even set tight against it, and never the title.
SUBTITLE_DASH = re.compile(r"^[—－]")
# A headline line of parallel phrases set apart by spaces ('凝心聚力谋发展　奋楫扬帆启新程') is complete
# in itself: a kicker over the title or a subtitle under it, never half of a wrapped title.
PARALLEL_PHRASES = re.compile(r"^[\u4e00-\u9fff“”《》]{3,12}(?:[ \u3000]+[\u4e00-\u9fff“”《》]{3,12})+$")
EDITOR_NOTE = re.compile(rf"^[【\[]?({_alternation(DATA['editor_notes'])})\s*(?:[：:】\]]|$)")  # (or alone on its line)
DISPATCH_TITLE = re.compile(rf"^\s*{DATA['dispatch_title']}(.+?)(——.+)?$")
SPEAKER = re.compile(rf"^(?:{_alternation(DATA['speaker_marks'])})[：:]")
SIGNERS = _alternation(DATA["signers"])
NOTE_STANDS: dict[str, str] = DATA["editor_notes"]  # the note's word -> before | after its story
NATIONAL_BODY = re.compile(f"(?:{_alternation(DATA['national_bodies'])})(?![门长队属])")  # the State Council's
_MORE_PIECES = re.compile(DATA["more_pieces"])
CONTINUED_ON = re.compile(r"[（(]?(?:下转|转|续)第?([\dA-Z一二三四五六七八九十]{1,3})版[）)]?$")  # (the page)
SOURCE_LINE = re.compile(rf"^[（(]?(?:{_alternation(DATA['source_marks'])})[：:]\s*[^，。；：]{{1,30}}?[）)]?$")
CONTINUED_FROM = re.compile(r"^[（(]?(?:上接|接上|紧接)第?([\dA-Z一二三四五六七八九十]{1,3})版[）)]?")
CAPTION_MARKS = DATA["caption_marks"]
CAPTION_MARK = re.compile(f"^[{re.escape(CAPTION_MARKS)}]")
ITEM_MARKS = DATA["item_marks"]
COLUMN_LABEL = re.compile(rf"^[{re.escape(ITEM_MARKS)}]?\s*(?:{_alternation(DATA['column_labels'])}|"
                          rf"[【\[〔](?:{_alternation(DATA['column_labels'])})[】\]〕])[：:]?$")
# A box of the page's services (data/vocabulary.yaml): its label on a line of its own, then what
# each kind of box holds.
SERVICE_LABEL = re.compile(rf"^[【\[]?[\u4e00-\u9fff]{{0,4}}(?:{_alternation(DATA['service_labels'])})[】\]]?$")
FORECAST = re.compile(_alternation(DATA["forecast_words"]))
CONTACT = re.compile(rf"(?:{_alternation(DATA['contact_words'])})[：:]|{_alternation(DATA['notice_words'])}")
# A brief's title in brackets, its text run on after it: '【县领导调研安全生产】6月1日，县长…'.
TITLED_BRIEF = re.compile(r"^【([^】\s]{2,30})】(?=\S)")
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


def more_pieces(title: str) -> int:
    """How many pieces a literary page's title says follow under it (（外二首）: 2)."""
    found = _MORE_PIECES.search(title)
    return (number(found.group(1).replace("两", "二")) or 0) if found else 0
