"""Dialect "row per line": scraped tables written one row per line, cells joined by `` | ``.

What scrapers leave when they write ``" | ".join(cell texts)`` per ``<tr>``:

- a row is a line with a separator (`` | ``, ``||``, a leading ``| `` or a
  trailing `` |``) that does *not* look like a Markdown pipe row (which both starts
  and ends with ``|``; :mod:`.text_pipe`) — the table starts at such a line not
  starting with a bar;
- an empty cell is ``||`` (or ``| |``); a leading/trailing bar is an empty first/last cell;
- a row continued on the next line (a cell holding a line break): a line without
  any separator between two row lines continues the last cell of the row above —
  unless it and the next row's first cell are both short (≤ 6 characters): then
  it is a wrapped label, the start of that first cell (``主管`` / ``部门 | …``);
  two row lines R, S (both ending/starting in text, not in an empty cell) are one
  row broken inside a cell when together they make exactly the width of a
  neighbouring row, which each alone is short of (``… | 度量`` / ``单位 | 完成值 | …``
  under an 11-cell header → one row, cell ``"度量\\n单位"``);
- a header and the first data row glued on one line (``2w`` cells, followed by
  rows of ``w`` ≥ 3 cells) are two rows;
- the table ends at a blank line or a line that is neither; it needs two rows.

Rows keep their cells in order, a merged cell continuing as an empty cell: the
``cells`` contract, so the table is recorded with dialect ``cells``.
:func:`text_to_grid` reads a whole text of such lines (for tests and tools).
"""

from __future__ import annotations

import regex

from jixiao.extract.raw import RawTable
from jixiao.extract.text_lines import Line, cells_to_table, text_to_lines

__all__ = ["is_row_start", "read_rows", "rows_to_table", "split_row", "text_to_grid"]

_LABEL = 6  # a wrapped label's pieces are at most this long
_SEP = regex.compile(r"(?<!\\)\|")
_HAS_SEP = regex.compile(r"\s\|(?:\s|$)|\|\||^\s*\|\s|(?<!\\)\|\s*$")


def is_row_line(line: Line) -> bool:
    return bool(_HAS_SEP.search(line.text)) and "\t" not in line.text.strip()


def is_row_start(line: Line) -> bool:
    """A line that can open a row-per-line table."""
    t = line.text.strip()
    return is_row_line(line) and not t.startswith("|")


def split_row(text: str) -> list[str]:
    """The cells of one row line (``a || c`` → ``["a", "", "c"]``)."""
    return [c.replace("\\|", "|").strip() for c in _SEP.split(text.strip())]


def read_rows(lines: list[Line], i: int) -> tuple[list[tuple[list[str], list[str], int, int]], int]:  # noqa: C901
    """The rows of the table starting at ``lines[i]`` and the index after it."""
    n = len(lines)
    rows: list[tuple[list[str], list[str], int, int]] = []
    while i < n:
        ln = lines[i]
        if is_row_line(ln) and (rows or is_row_start(ln)):
            rows.append((split_row(ln.text), split_row(ln.raw), ln.no, ln.no))
            i += 1
            continue
        if rows and not ln.is_blank and not is_row_line(ln) and i + 1 < n and is_row_line(lines[i + 1]):
            nxt = lines[i + 1]
            head = split_row(nxt.text)[0]
            if len(ln.text.strip()) <= _LABEL and head and len(head) <= _LABEL:
                # a wrapped label: the first cell of the next row ("主管" / "部门 | …")
                texts, raws = split_row(nxt.text), split_row(nxt.raw)
                texts[0] = ln.text.strip() + "\n" + texts[0]
                raws[0] = ln.raw.strip() + "\n" + raws[0]
                rows.append((texts, raws, ln.no, nxt.no))
                i += 2
                continue
            texts, raws, first, _ = rows[-1]
            texts = [*texts[:-1], texts[-1] + "\n" + ln.text.strip()]
            raws = [*raws[:-1], raws[-1] + "\n" + ln.raw.strip()]
            rows[-1] = (texts, raws, first, ln.no)
            i += 1
            continue
        break
    return _split_glued_rows(_join_broken_rows(rows)), i


Row = tuple[list[str], list[str], int, int]


MIN_GLUED_WIDTH = 3


def _split_glued_rows(rows: list[Row]) -> list[Row]:
    """A header and the first data row written on one line: a line of exactly ``2w``
    cells followed by two rows (or a last row) of ``w`` ≥ :data:`MIN_GLUED_WIDTH` cells."""
    out: list[Row] = []
    for k, row in enumerate(rows):
        nxt = [len(r[0]) for r in rows[k + 1: k + 3]]
        w = len(row[0]) // 2
        if (w >= MIN_GLUED_WIDTH and len(row[0]) == 2 * w and nxt and all(x == w for x in nxt)
                and (len(nxt) == 2 or k + 2 == len(rows)) and len(row[1]) == len(row[0])):
            texts, raws, first, last = row
            out += [(texts[:w], raws[:w], first, last), (texts[w:], raws[w:], first, last)]
        else:
            out.append(row)
    return out


def _join_broken_rows(rows: list[Row]) -> list[Row]:
    out = list(rows)
    k = 0
    while k + 1 < len(out):
        a, b = out[k], out[k + 1]
        widths = [len(out[k - 1][0])] if k > 0 else []
        if k + 2 < len(out):
            widths.append(len(out[k + 2][0]))
        joined = len(a[0]) + len(b[0]) - 1
        if (a[0][-1] and b[0][0] and joined in widths and len(a[0]) < joined and len(b[0]) < joined
                and len(a[1]) == len(a[0]) and len(b[1]) == len(b[0])):
            texts = [*a[0][:-1], a[0][-1] + "\n" + b[0][0], *b[0][1:]]
            raws = [*a[1][:-1], a[1][-1] + "\n" + b[1][0], *b[1][1:]]
            out[k: k + 2] = [(texts, raws, a[2], b[3])]
            continue
        k += 1
    return out


def rows_to_table(rows: list[tuple[list[str], list[str], int, int]], source: str, table_no: int) -> RawTable:
    return cells_to_table(rows, source, table_no, "cells")


def text_to_grid(text: str, source: str = "") -> list[list[str]]:
    """Every row-per-line table of ``text`` as rows of cell texts (tables one after another)."""
    lines = text_to_lines(text)
    out: list[list[str]] = []
    i = 0
    while i < len(lines):
        if is_row_start(lines[i]):
            rows, j = read_rows(lines, i)
            if len(rows) >= 2:
                out += [r[0] for r in rows]
                i = j
                continue
        i += 1
    return out
