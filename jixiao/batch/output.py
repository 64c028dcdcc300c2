"""Atomic replacement of the output directory.

The new dataset is written into a hidden temp directory beside ``DIR`` and
swapped in by two renames (``DIR`` → ``.DIR.jixiao-old``, temp → ``DIR``), so an
interrupted or killed run leaves the previous dataset as it was.  A run killed
between the two renames leaves ``.DIR.jixiao-old``; the next run puts it back
first.  A directory that is neither empty nor a jixiao dataset (marked by
``.jixiao-dataset``) is never replaced.  An operating-system failure while
writing (full disk, read-only file system, no permission) becomes one
:class:`OutputDirError` in Chinese (:func:`writing`); the previous dataset and
its cache stay as they were.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from jixiao.errors import os_error_text

MARKER = ".jixiao-dataset"
CACHE_NAME = ".cache"


class OutputDirError(Exception):
    """The output directory cannot be used (message in Chinese)."""


@contextlib.contextmanager
def writing(out: Path) -> Iterator[None]:
    """Turn an ``OSError`` raised while preparing or writing ``out`` into one Chinese line."""
    try:
        yield
    except OutputDirError:
        raise
    except OSError as e:
        where = f"：{e.filename}" if e.filename else ""
        raise OutputDirError(f"无法写入输出目录 {out}（{os_error_text(e)}{where}），原有数据集未改动") from e


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def exclusive(out: Path) -> Iterator[None]:
    """Hold a lock beside ``out`` for the whole run: a second ``jixiao ingest`` into
    the same directory stops with a clear message instead of racing the first."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock
        yield
        return
    path = out.parent / f".{out.name}.jixiao-lock"
    with writing(out):
        out.parent.mkdir(parents=True, exist_ok=True)
        fh = open(path, "a+b")  # noqa: SIM115 - closed below
    with fh:
        try:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise OutputDirError(f"另一个 jixiao ingest 正在写入 {out}，请等它结束后再运行") from None
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def old_dir(out: Path) -> Path:
    return out.parent / f".{out.name}.jixiao-old"


def tmp_prefix(out: Path) -> str:
    return f".{out.name}.jixiao-tmp-"


def recover(out: Path) -> None:
    """Undo what a killed run left behind: restore ``DIR`` from its ``-old`` copy,
    take back a cache moved into a dead run's temp dir, delete dead temp dirs."""
    old = old_dir(out)
    if not out.exists() and old.is_dir():
        os.rename(old, out)
    elif old.is_dir():
        shutil.rmtree(old, ignore_errors=True)
    if not out.parent.is_dir():
        return
    for t in out.parent.glob(tmp_prefix(out) + "*"):
        pid = t.name.rsplit("-", 1)[-1]
        if pid.isdigit() and _pid_alive(int(pid)):
            continue
        cache = t / CACHE_NAME
        if cache.is_dir() and out.is_dir() and not (out / CACHE_NAME).exists():
            os.rename(cache, out / CACHE_NAME)
        shutil.rmtree(t, ignore_errors=True)


def check_replaceable(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise OutputDirError(f"输出路径 {out} 已存在且不是目录")
    if out.is_dir():
        names = {p.name for p in out.iterdir()} - {CACHE_NAME}
        if names and MARKER not in names:
            raise OutputDirError(f"输出目录 {out} 不是空目录，也不是 jixiao 数据集目录（缺少 {MARKER}），拒绝覆盖")


def make_tmp(out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f"{tmp_prefix(out)}{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    (tmp / MARKER).write_text("jixiao dataset: this directory is replaced as a whole by `jixiao ingest`\n",
                              encoding="utf-8")
    return tmp


def swap_in(tmp: Path, out: Path, keep_cache: bool) -> None:
    """Make ``tmp`` the new ``out``.  With ``keep_cache`` the cache inside ``out``
    moves into the new directory.  If a rename fails, what was moved is moved back
    (the cache into ``out``, ``out`` into place) before the error propagates."""
    moved_cache = False
    if keep_cache and (out / CACHE_NAME).is_dir():
        os.rename(out / CACHE_NAME, tmp / CACHE_NAME)
        moved_cache = True
    old = old_dir(out)
    try:
        if out.exists():
            if old.exists():
                shutil.rmtree(old)
            os.rename(out, old)
        os.rename(tmp, out)
    except OSError:
        with contextlib.suppress(OSError):
            if old.is_dir() and not out.exists():
                os.rename(old, out)
            if moved_cache and out.is_dir() and not (out / CACHE_NAME).exists():
                os.rename(tmp / CACHE_NAME, out / CACHE_NAME)
        raise
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)
