"""Read raw page files: decode, validate, split into numbered lines."""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MAX_LINE = 20_000  # characters; longer lines are almost certainly not page text


class PageError(Exception):
    """A raw page that cannot be read. Carries the file and, where it applies, the line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None):
        self.path, self.line, self.message = Path(path), line, message
        where = f"{self.path}:{line}" if line else str(self.path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class PageMeta:
    """Optional metadata from a sidecar `NAME.yaml` next to the page."""

    newspaper: str | None = None
    date: str | None = None  # YYYY-MM-DD publication date
    page: str | None = None  # page label as printed, e.g. "A05"
    district: str | None = None
    city: str | None = None


@dataclass(frozen=True)
class Page:
    path: Path
    lines: tuple[str, ...]  # line n is lines[n - 1]
    meta: PageMeta = field(default_factory=PageMeta)
    encoding: str = "utf-8"

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def stem(self) -> str:
        return self.path.stem

    def text(self, n: int) -> str:
        return self.lines[n - 1]


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Bytes to text: UTF-8 (with or without BOM), else GB18030; binary is an error."""
    if not data.strip():
        raise PageError(path, "empty file")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise PageError(path, "binary data (NUL byte); not a text page", line)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            line = data[: utf8_error.start].count(b"\n") + 1
            raise PageError(path, f"not UTF-8 or GB18030 text (byte {utf8_error.start})", line) from None


def read_meta(path: Path) -> PageMeta:
    sidecar = path.with_suffix(".yaml")
    if not sidecar.exists():
        return PageMeta()
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as err:
        raise PageError(sidecar, f"invalid YAML: {err}") from None
    known = set(PageMeta.__dataclass_fields__)
    unknown = set(data) - known
    if unknown:
        raise PageError(sidecar, f"unknown keys {sorted(unknown)}; known: {sorted(known)}")
    return PageMeta(**{k: None if v is None else str(v) for k, v in data.items()})


def read_page(path: Path | str) -> Page:
    path = Path(path)
    text, encoding = decode(path.read_bytes(), path)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for n, line in enumerate(lines, 1):
        if len(line) > MAX_LINE:
            raise PageError(path, f"line of {len(line)} characters (limit {MAX_LINE})", n)
    return Page(path=path, lines=tuple(lines), meta=read_meta(path), encoding=encoding)


def page_paths(folder: Path | str) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        raise PageError(folder, "no such folder of raw pages")
    return sorted(folder.glob("*.txt"))
