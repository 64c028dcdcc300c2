"""Progress on stderr: a one-line bar with counts and the current file on a
terminal; otherwise quiet log lines (every error, and every 10% done)."""

from __future__ import annotations

import shutil
import sys
import time
import unicodedata
from collections import Counter
from typing import TextIO

STATUS_ZH = {"ok": "正常", "empty": "空", "error": "错误", "not_report": "非自评报告", "unreadable": "无法识别"}
#: statuses shown only when some file has them (a file with no self-evaluation, bytes that are not text)
RARE_STATUSES = ("not_report", "unreadable")


def _fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` terminal columns (CJK characters take two)."""
    out, used = [], 0
    for ch in text:
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out) + " " * (width - used)


class Progress:
    def __init__(self, total: int, stream: TextIO | None = None, tty: bool | None = None) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.done = 0
        self.counts: Counter[str] = Counter()
        self.current = ""
        self._last_draw = 0.0
        self._next_log = max(1, total // 10)

    def start(self, source: str) -> None:
        self.current = source
        self._draw()

    def finish(self, source: str, status: str, error: str | None = None, cached: bool = False) -> None:
        self.done += 1
        self.counts[status] += 1
        if self.tty:
            if status == "error" and not cached:
                self._clear()
                print(f"错误：{source}: {error}", file=self.stream)
            self._draw(force=self.done == self.total)
            return
        if status == "error" and not cached:
            print(f"jixiao: 错误：{source}: {error}", file=self.stream)
        if self.done >= self._next_log or self.done == self.total:
            self._next_log = self.done + max(1, self.total // 10)
            print(f"jixiao: {self.done}/{self.total} 个文件 ({self._counts()})", file=self.stream)

    def _counts(self) -> str:
        keys = ("ok", "empty", "error", *(k for k in RARE_STATUSES if self.counts.get(k)))
        return "，".join(f"{STATUS_ZH[k]} {self.counts.get(k, 0)}" for k in keys)

    def _clear(self) -> None:
        width = shutil.get_terminal_size((100, 20)).columns
        self.stream.write("\r" + " " * (width - 1) + "\r")

    def _draw(self, force: bool = False) -> None:
        if not self.tty:
            return
        now = time.monotonic()
        if not force and now - self._last_draw < 0.1:
            return
        self._last_draw = now
        width = shutil.get_terminal_size((100, 20)).columns
        n = len(str(self.total))
        frac = self.done / self.total if self.total else 1.0
        bar = "#" * int(20 * frac) + "-" * (20 - int(20 * frac))
        line = f"[{bar}] {self.done:>{n}}/{self.total} {self._counts()} | {self.current}"
        self.stream.write("\r" + _fit(line, width - 1))
        self.stream.flush()

    def close(self) -> None:
        if self.tty:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()
