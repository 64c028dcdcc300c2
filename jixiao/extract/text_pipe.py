"""Dialect "pipe": ``| a | b |`` rows (Markdown / web renderings).

- separator rows (``|---|:---:|``) are dropped;
- a row that does not end with ``|`` continues on the next line(s): the line
  break stays inside the cell (``| 度量`` / ``单位 | 完成值 |`` → ``"度量\\n单位"``);
- ``<br>`` inside a cell is a line break; ``\\|`` is a literal bar;
- blank cells are kept, blank lines between rows are allowed.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from jixiao.extract.raw import RawTable
from jixiao.extract.text_lines import Line, cells_to_table
from jixiao.extract.text_patterns import PIPE_ROW_END, PIPE_ROW_START, PIPE_SEPARATOR, PIPE_SPLIT

_BR = regex.compile(r"<br\s*/?>", regex.IGNORECASE)


@dataclass
class _Row:
    text: str
    raw: str
    first: int
    last: int


def is_pipe_start(line: Line) -> bool:
    return bool(PIPE_ROW_START.match(line.text)) and line.text.count("|") >= 2


def read_pipe_rows(lines: list[Line], i: int) -> tuple[list[_Row], int]:
    """Read the pipe table starting at ``lines[i]``; returns rows and the next index."""
    n = len(lines)
    rows: list[_Row] = []
    while i < n and PIPE_ROW_START.match(lines[i].text):
        start = i
        parts = [lines[i]]
        # a row that does not end with a bar continues (at most a few lines)
        while not PIPE_ROW_END.search(parts[-1].text) and i + 1 < n and i + 1 - start < 8:
            i += 1
            parts.append(lines[i])
        i += 1
        text = "\n".join(p.text.strip() for p in parts if p.text.strip())
        raw = "\n".join(p.raw.strip() for p in parts if p.raw.strip())
        if not PIPE_SEPARATOR.match(text):
            rows.append(_Row(text, raw, lines[start].no, parts[-1].no))
        # blank lines between rows stay inside the table
        j = i
        while j < n and lines[j].is_blank:
            j += 1
        if j < n and PIPE_ROW_START.match(lines[j].text):
            i = j
        else:
            break
    return rows, i


def _split(text: str) -> list[str]:
    t = text.strip()
    if t.startswith("|"):
        t = t[1:]
    if PIPE_ROW_END.search(t):
        t = t.rstrip()[:-1]
    out = []
    for c in PIPE_SPLIT.split(t):
        c = _BR.sub("\n", c.replace("\\|", "|"))
        out.append("\n".join(part.strip() for part in c.split("\n")).strip())
    return out


def rows_to_table(rows: list[_Row], source: str, table_no: int) -> RawTable:
    return cells_to_table([(_split(r.text), _split(r.raw), r.first, r.last) for r in rows], source, table_no, "pipe")
