"""Files that must survive a build that dies: written whole under a temporary name, then renamed;
a site built in a folder of its own, then swapped in; one build at a time in a project."""
from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path


def write_atomically(path: Path, text: str) -> None:
    """`text` (UTF-8) at `path`, or `path` as it was: a crash or a full disk mid-write leaves the
    old file, never half of the new one (the rename is atomic on one file system)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def die_with_parent(build: int | None = None) -> None:
    """In a worker process: end when the process that started it ends. A build killed (kill -9,
    the out-of-memory killer) otherwise leaves its workers waiting on their task queue for ever,
    each holding its share of the archive's memory. Linux only (prctl); elsewhere nothing.

    `build`: the build's own process, which the worker also watches, for the parent's signal does
    not always come. A worker starts some time after its fork (a fork server's unpickles what it is
    given first), and a parent that ended in that time sends none. And a fork server's parent is
    the server, which lives on after the build: it ends when the last holder of its liveness pipe
    does, and its own workers are handed that pipe. So a worker ends when it finds the build gone,
    at once or within BUILD_WATCH seconds."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if build is not None:
            if not _running(build):
                os._exit(1)
            threading.Thread(target=_watch, args=(build,), name="watch-build", daemon=True).start()


BUILD_WATCH = 0.5  # seconds between a worker's looks at its build


def _watch(build: int) -> None:
    while _running(build):
        time.sleep(BUILD_WATCH)
    os._exit(1)


def _running(pid: int) -> bool:
    """Whether process `pid` runs (a killed one its parent has not yet reaped, a zombie, does not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except (OSError, IndexError):
        return False


PR_SET_PDEATHSIG = 1  # linux/prctl.h


class Locked(Exception):
    """Another build holds the lock."""


@contextlib.contextmanager
def lock(path: Path):
    """Hold `path` as this process's build lock: a second build in the same project stops at
    once and says which process holds it (two builds writing one docs/ lose files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as handle:
        # A POSIX record lock belongs to this process alone: the workers it forks do not hold it,
        # so it is let go the moment the build dies, even by kill -9 with workers still running.
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as err:
            if err.errno not in (errno.EACCES, errno.EAGAIN):
                raise
            handle.seek(0)
            raise Locked(f"{path}: another build (process {handle.read().strip() or '?'}) is running; "
                         "wait for it to end") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.lockf(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def replaced_whole(folder: Path):
    """A folder to build `folder` anew in: on success it takes `folder`'s place, in one rename
    after the old one moves aside; a build that dies leaves `folder` as it was (MkDocs empties
    its site folder first). A swap cut between its two renames is finished by the next build."""
    staging, old = folder.with_name(f".{folder.name}.building"), folder.with_name(f".{folder.name}.old")
    if old.exists() and not folder.exists():
        old.rename(folder)  # the last swap was cut short after moving the old site aside
    for leftover in (staging, old):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if folder.exists():
        folder.rename(old)
    staging.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
