"""Read raw page files: decode, validate, split into numbered lines."""
from __future__ import annotations

import codecs
import datetime
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from ..text.chars import join_running, running, simplified, unspace

LONG_LINE = 5_000  # characters: a paragraph this long is worth a look
DAMAGED_BYTES = 3  # a page in a legacy encoding has hundreds of bytes that are no UTF-8; a damaged one a few
# A page in UTF-16 or UTF-32 says so by its byte order mark; UTF-32's marks first: UTF-32LE's
# starts with UTF-16LE's.
UNICODE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# what a page's text is made of: Chinese, its punctuation, full-width forms, ASCII, line breaks
PLAIN_TEXT = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\x20-\x7e\n\r\t“”‘’…—·]")
# The encodings a page that is not UTF-8 is told between (Python's names: how they are printed).
LEGACY_ENCODINGS = {"gb18030": "GB18030", "big5": "Big5 (traditional characters, kept as printed)",
                    "shift_jis": "Shift-JIS (Japanese)", "euc_kr": "EUC-KR (Korean)"}


class PageError(Exception):
    """A problem with a raw page, naming the file and, where it applies, the line: raised when
    the page cannot be read, kept as a warning when it can. `message` is for whoever runs the
    build; `reader`, in Chinese, for the site's 版面 page, where it is listed."""

    def __init__(self, path: Path | str, message: str, line: int | None = None, reader: str | None = None,
                 page: str | None = None):
        self.path, self.line, self.message, self.reader = Path(path), line, message, reader
        self.page = page or self.path.name  # the page it keeps out of the archive (a sidecar's is its page)
        super().__init__(f"{self.where(self.path)}: {message}")

    def __reduce__(self):  # pages are read in worker processes: errors travel back pickled
        return PageError, (self.path, self.message, self.line, self.reader, self.page)

    def where(self, path) -> str:
        return f"{path}:{self.line}" if self.line else str(path)

    def for_readers(self) -> str:
        """The file's name (and line) and what went wrong, in Chinese, for the site."""
        return f"{self.where(self.path.name)}：{self.reader or '无法读取，原因见生成记录'}"


@dataclass(frozen=True)
class PageMeta:
    """What the archive's metadata file and the page's sidecar `NAME.yaml` say of the page."""

    newspaper: str | None = None
    date: str | None = None  # the day the page was printed, YYYY-MM-DD, or as much as is known (YYYY-MM, YYYY)
    page: str | None = None  # page label as printed, e.g. "A05"
    district: str | None = None
    city: str | None = None


@dataclass(frozen=True)
class Page:
    path: Path
    raw: str  # the text, its lines joined by "\n": one string, where 500 lines as strings take 4 times the memory
    meta: PageMeta = field(default_factory=PageMeta)
    encoding: str = "utf-8"
    warnings: tuple["PageError", ...] = ()  # what was odd about the file (not fatal), with file and line

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def stem(self) -> str:
        return self.path.stem

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """Line n is lines[n - 1]."""
        return tuple(self.raw.split("\n"))

    def text(self, n: int) -> str:
        return self.lines[n - 1]

    @cached_property
    def running(self) -> "PageText":
        """The page's lines normalised once, for every stage after this one."""
        return PageText(self.lines)

    def __getstate__(self):  # a page travels between processes as its text; the rest is made where needed
        return {k: v for k, v in self.__dict__.items() if k not in ("lines", "running")}


# A paragraph's indent: one or two ideographic spaces, two to four ASCII spaces, or a tab, before
# the text (a line centred by many spaces, as a headline may be, is not indented).
INDENT = re.compile(r"^(?:\u3000{1,2}|[ ]{2,4}|\t)(?=[^\s\u3000])")
MAX_INDENTED = 0.5  # of a page's lines, at most, for its indents to mark paragraphs


class PageText(dict):
    """A page's non-blank lines as the stages read them, each normalised once: `self[n]` is line n
    with letter-spaced runs closed up ('本 报 记 者' → '本报记者'; its other spaces kept, as bylines
    need them), `span(lines)` the running text of any lines of the page in reading order (a
    paragraph, a headline), joined as column-wrapped lines join."""

    def __init__(self, lines: tuple[str, ...]):
        # (in simplified characters, one for one, where the page prints traditional: 本報訊 is read as 本报讯)
        super().__init__((n, simplified(unspace(line))) for n, line in enumerate(lines, 1) if line.strip())
        self._running = {n: running(lines[n - 1]) for n in self}  # unspace is cached on the raw line
        # the lines set in by a paragraph's indent ('　　本报讯…'), where the page marks its paragraphs
        # so: not where most lines are set in (the whole text shifted, or a paragraph a line)
        indented = frozenset(n for n in self if INDENT.match(lines[n - 1]))
        self.indented = indented if len(indented) <= MAX_INDENTED * len(self) else frozenset()

    def span(self, lines: list[int], last: str | None = None) -> str:
        """The running text of `lines`; `last`, where given, stands for the last line's text
        (the part of it before a byline that ends it)."""
        pieces = [self._running[n] for n in lines]
        if last is not None:
            pieces[-1] = running(last)
        return join_running(pieces)


def _line_of(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def decode(data: bytes, path: Path, warnings: list[PageError]) -> tuple[str, str]:
    """Bytes to text: UTF-8 (with or without BOM), else GB18030 or Big5 as detected (Japanese or
    Korean text is refused rather than read as Chinese nonsense). A few stray NUL bytes are
    dropped and a character cut off at the very end is left out, each with a warning; a file
    that is binary or in neither encoding is an error."""
    if not data.strip(b" \t\r\n\x00"):
        raise PageError(path, "empty file", reader="空文件")
    for bom, encoding in UNICODE_BOMS:  # Windows' "Unicode" text: read as written
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as err:
                raise PageError(path, f"invalid {encoding.upper()} at offset {err.start + len(bom)}",
                                reader="文件有损坏的字节") from None
            warnings.append(PageError(path, f"decoded as {encoding.upper()}", reader=f"按 {encoding.upper()} 编码读取"))
            return text, encoding
    nuls = data.count(b"\x00")
    if nuls:
        if nuls > 2 and nuls * 1000 > len(data):  # more than a stray few: binary, or UTF-16 that does not say so
            for encoding in ("utf-16-le", "utf-16-be"):
                text = data.decode(encoding, errors="replace")
                if len(PLAIN_TEXT.findall(text)) >= 0.95 * len(text):
                    warnings.append(PageError(path, f"decoded as {encoding.upper()} (it has no byte order mark)",
                                              reader=f"按 {encoding.upper()} 编码读取"))
                    return text, encoding
            raise PageError(path, f"binary data ({nuls} NUL bytes); not a text page", _line_of(data, data.index(b"\x00")),
                            reader="二进制数据，不是文字版面")
        lines = sorted({_line_of(data, i) for i in range(len(data)) if data[i] == 0})
        warnings.append(PageError(path, f"{nuls} NUL bytes removed (lines {', '.join(map(str, lines[:10]))})", lines[0],
                                   reader=f"删去了 {nuls} 个空字符"))
        data = data.replace(b"\x00", b"")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            warnings.append(PageError(path, "the file ends inside a character (truncated?)", _line_of(data, err.start),
                                       reader="文件在一个字符中间结束（可能不完整）"))
            return data[: err.start].decode("utf-8"), "utf-8"
        utf8_error = err
    # A UTF-8 page with a byte or two damaged is that page, broken, not a page in another encoding:
    # read as GB18030 it would be published as nonsense under new ids.
    damaged = data.decode("utf-8", errors="replace").count("\ufffd")
    if damaged <= DAMAGED_BYTES:
        raise PageError(path, f"invalid UTF-8 at offset {utf8_error.start} (a damaged byte?)",
                        _line_of(data, utf8_error.start), reader="文件有损坏的字节")
    # GB18030 decodes nearly any bytes, Big5 and Shift-JIS as nonsense: a detector that weighs how
    # plausible the text is picks among the encodings a page may come in.
    found = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    encoding = found.encoding if found else "gb18030"
    if encoding not in ("gb18030", "big5"):
        raise PageError(path, f"not Chinese text (it reads as {LEGACY_ENCODINGS.get(encoding, encoding)}); "
                        "save the page as UTF-8", _line_of(data, utf8_error.start), reader="不是中文文字")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise PageError(path, f"neither UTF-8, GB18030 nor Big5 (invalid byte at offset {utf8_error.start})",
                        _line_of(data, utf8_error.start), reader="编码无法识别") from None
    warnings.append(PageError(path, f"decoded as {LEGACY_ENCODINGS[encoding]}", reader=f"按 {encoding.upper()} 编码读取"))
    return text, encoding


YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: a tenth of the time
META_ERROR = "元数据文件有误"  # what readers are told of a sidecar the build could not use
PARTIAL_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")  # as much of the day as is known


MAX_META_DEPTH = 4  # metadata: the archive's keys, `pages:`, a page's keys, (a value in error)
MAX_META_BYTES = 64 << 20  # an archive's metadata file: a line or two for each of a million pages


def yaml_shape_fault(text: str, max_depth: int) -> tuple[int, str] | None:
    """The line and the fault of a YAML document that is no editor's file, read from the parser's
    events (libyaml's where installed) before any of it is built: an alias (no editor's file needs
    one, and a few hundred bytes of aliases nested in each other expand to gigabytes), or nesting
    deeper than `max_depth` (thousands of brackets take the parser minutes and the stack)."""
    depth = 0
    for event in yaml.parse(text, Loader=YAML_LOADER):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1, "an alias (*name): write each value out in full, without " \
                                              "anchors (&) and aliases (*)"
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > max_depth:
                return event.start_mark.line + 1, f"nested more than {max_depth} deep"
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def _load_yaml(path: Path) -> tuple[object, str]:
    info = path.stat()
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_META_BYTES:  # a FIFO, /dev/zero: never read
        raise PageError(path, f"not a regular file of at most {MAX_META_BYTES:,} bytes", reader=META_ERROR)
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        fault = yaml_shape_fault(text, MAX_META_DEPTH)
        if fault:
            raise PageError(path, fault[1], fault[0], reader=META_ERROR)
        return yaml.load(text, Loader=YAML_LOADER), text
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise PageError(path, f"invalid YAML: {getattr(err, 'problem', None) or err}", mark.line + 1 if mark else None,
                        reader=META_ERROR) from None
    except ValueError:  # a date YAML reads but the calendar has not (2021-02-30): named, with its line
        line, value = _no_calendar_date(yaml.compose(text, Loader=YAML_LOADER))
        raise PageError(path, f"{value!r} is no calendar date (YYYY-MM-DD, or YYYY-MM or YYYY where only they "
                        "are known)", line, reader=META_ERROR) from None


def _no_calendar_date(node) -> tuple[int | None, str]:
    """The line and text of the first date in a YAML document that is no day of the calendar."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag.endswith(":timestamp") and not is_date(node.value):
            return node.start_mark.line + 1, node.value
        return None, ""
    children = [v for pair in node.value for v in pair] if isinstance(node, yaml.MappingNode) else \
        list(node.value) if isinstance(node, yaml.SequenceNode) else []
    for child in children:
        line, value = _no_calendar_date(child)
        if value:
            return line, value
    return None, ""


def _line(text: str, keys: tuple[str, ...]) -> int | None:
    """The line of the key at `keys` (a path of keys from the top), for an error message: only
    then is the document walked as nodes."""
    node, line = yaml.compose(text, Loader=YAML_LOADER), None
    for key in keys:
        found = [(k, v) for k, v in node.value if k.value == key] if isinstance(node, yaml.MappingNode) else []
        if not found:
            break
        line, node = found[0][0].start_mark.line + 1, found[0][1]
    return line


def _fields(data, path: Path, text: str, at: tuple[str, ...] = ()) -> dict[str, str | None]:
    """PageMeta's keys from a mapping, checked: one plain value each, a date a day of the calendar
    or as much of one as is known (YYYY-MM, YYYY)."""
    def error(message: str, *keys: str) -> PageError:  # at the line of the key at fault
        return PageError(path, message, _line(text, at + keys) or (None if keys else 1), reader=META_ERROR)

    if not isinstance(data, dict):
        raise error("expected keys and values (newspaper:, date:, page:, district:, city:)")
    known = set(PageMeta.__dataclass_fields__)
    unknown = sorted(set(map(str, data)) - known)
    if unknown:
        raise error(f"unknown keys {unknown}; known: {sorted(known)}", unknown[0])
    values = {}
    for key, value in data.items():
        if value is not None and not isinstance(value, (str, int, float, datetime.date)):
            raise error(f"{key}: expected one value, not {type(value).__name__}", key)
        values[key] = None if value is None else str(value).strip()
        if values[key] and CONTROL.search(values[key]):  # a line break would end the Markdown line it goes in
            raise error(f"{key}: a line break or control character in the value", key)
    if values.get("date") and not is_date(values["date"]):
        raise error(f"date: {values['date']!r} is no calendar date (YYYY-MM-DD, or YYYY-MM or YYYY where only "
                    "they are known)", "date")
    return values


def is_date(value: str) -> bool:
    """Whether `value` is a day of the calendar as YYYY-MM-DD, or a month or year of it (YYYY-MM, YYYY)."""
    match = PARTIAL_DATE.fullmatch(value)
    if not match:
        return False
    try:
        datetime.date(int(match[1]), int(match[2] or 1), int(match[3] or 1))
    except ValueError:
        return False
    return True


ARCHIVE_META = "metadata.yaml"  # beside the pages folder, as corrections.yaml is


def read_archive_meta(path: Path, pages: list[str]) -> dict[str, dict[str, str | None]]:
    """The archive's metadata file: what its pages do not print on themselves. PageMeta's keys at
    the top hold for every page (the paper's name, its city); under `pages:`, a page's file name
    holds that page's (its date, its 版次). Returns each page's values; an entry for a page not in
    the folder is an error, as a misspelt name would silently lose its page's date."""
    if not path.exists():
        return {}
    data, text = _load_yaml(path)
    data = {} if data is None else data
    if not isinstance(data, dict):
        raise PageError(path, "expected keys and values (newspaper:, city:, …, pages:)", 1)
    entries = data.pop("pages", None) or {}
    common = _fields(data, path, text)
    if not isinstance(entries, dict):
        raise PageError(path, "pages: expected each page's file name and its values", _line(text, ("pages",)))
    named = set(pages)
    for name in entries:
        if str(name) not in named:
            raise PageError(path, f"pages: no page {name!r} in the pages folder", _line(text, ("pages", str(name))))
    return {name: {**common, **_fields(entries.get(name) or {}, path, text, ("pages", name))} for name in pages}


def read_meta(path: Path, known: dict[str, str | None] | None = None) -> PageMeta:
    """A page's metadata: what the archive's metadata file says of it (`known`), and over that its
    sidecar `NAME.yaml`, where there is one."""
    values = dict(known or {})
    sidecar = path.with_suffix(".yaml")
    if sidecar.exists() or sidecar.is_symlink():
        admit(sidecar)
        data, text = _load_yaml(sidecar)
        values.update(_fields({} if data is None else data, sidecar, text))
    return PageMeta(**values)


MAX_PAGE_BYTES = 256 << 10  # a printed page is 5-50 KB of text: a file over 256 KiB is no page
# A page's file name becomes part of URLs, links and Markdown: characters that would end or
# escape them (controls, line breaks, # ? % \ " < > | * :) are refused, as is a leading dot.
CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
# Nor are line and paragraph separators, C1 controls, and the characters that show a name other
# than it is: bidirectional overrides and marks, zero-width characters.
INVISIBLE = "\x80-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
UNSAFE_NAME = re.compile(rf'[\x00-\x1f\x7f#?%\\"<>|*:\[\]{{}}`{INVISIBLE}]|^\.')


def admit(path: Path) -> None:
    """Refuse, naming the file, what is no page to read: an unsafe name, a symbolic link out of
    the pages folder (nothing outside the archive is ever published), anything but a regular
    file (a folder, a FIFO that would block the build, a broken link), a file over MAX_PAGE_BYTES."""
    match = UNSAFE_NAME.search(path.name)
    if match:
        raise PageError(path.parent / repr(path.name)[1:-1], f"file name with {match.group()!r}: rename the page "
                        "(no control, invisible or direction characters, line breaks, # ? % \\ \" < > | * : [ ] { } `, "
                        "no leading dot)",
                        reader="文件名含有不能用于网址的字符")
    try:
        target = path.resolve(strict=True)
        info = target.stat()
    except (OSError, RuntimeError) as err:  # a broken link, a link loop
        raise PageError(path, f"cannot be read: {getattr(err, 'strerror', None) or err}", reader="无法打开") from None
    if target.parent != path.parent.resolve():
        raise PageError(path, "a link to a file outside the pages folder: nothing outside the archive is read",
                        reader="指向版面文件夹以外的链接，未读取")
    if not stat.S_ISREG(info.st_mode):
        raise PageError(path, "not a regular file (a folder, a FIFO or a device)", reader="不是普通文件")
    if info.st_size > MAX_PAGE_BYTES:
        raise PageError(path, f"{info.st_size:,} bytes: over the {MAX_PAGE_BYTES:,} a page may have",
                        reader=f"文件过大（{info.st_size:,} 字节），不像一个版面")


def read_page(path: Path | str, known: dict[str, str | None] | None = None) -> Page:
    """The page at `path`; `known`: what the archive's metadata file says of it."""
    path = Path(path)
    admit(path)
    warnings: list[PageError] = []
    text, encoding = decode(path.read_bytes(), path, warnings)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for n, line in enumerate(lines, 1):
        if len(line) > LONG_LINE:
            warnings.append(PageError(path, f"a line of {len(line)} characters", n, reader=f"一行长达 {len(line)} 字"))
    return Page(path=path, raw="\n".join(lines), meta=read_meta(path, known), encoding=encoding, warnings=tuple(warnings))


def page_paths(folder: Path | str) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        raise PageError(folder, "no such folder of raw pages")
    return sorted(folder.glob("*.txt"))
