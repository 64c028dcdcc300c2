"""Dialect "spaced": pdftotext-style table rows, cells separated by runs of spaces.

A table region is a run of *row lines* (two or more short tokens, no prose
punctuation, not a heading) that may hold *floating lines* (one short token:
a level-1 label or a weight pushed onto its own line, page-break debris),
blank lines between them.  A region needs at least two lines of three or more
tokens; floating lines at its end are left to the prose.

Rows of the table are the lines' tokens: split at every run of spaces, or
only at gaps of two or more spaces when the region is laid out that way
(``pdftotext -layout``), so that "≥2 次" stays one cell.  Blank cells are lost and a cell
holding a space ("=2 次") is split: :mod:`jixiao.extract.regrid_spaced` puts the
tokens back under their header.  One repair is done here because it needs
the line layout: a row whose label was broken off onto the floating lines
above it (" 资金实际支出率" / "(%)" / "(8)=(4)/(3) 100 …") is made one row
again, its label the floating lines joined.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from jixiao.extract.raw import RawTable
from jixiao.extract.text_lines import Line, cells_to_table, join_text, letter_spaced_runs
from jixiao.extract.text_patterns import (
    CELL_PROSE_PUNCT,
    HAN,
    HEADING_START,
    NUMBERISH,
    SENTENCE_END,
    WIDE_GAP,
    ZERO_WIDTH,
)

MAX_TOKEN = 24  # characters; longer tokens are sentences, not cells
MAX_FLOAT = 14  # characters of a floating line

LineClass = Literal["row", "float", "other"]


def classify_line(line: Line) -> LineClass:
    t = line.text.strip()
    if not t:
        return "other"
    if HEADING_START.match(t) or SENTENCE_END.search(t):
        return "other"
    toks = t.split()
    if any(CELL_PROSE_PUNCT.search(tok) or len(tok) > MAX_TOKEN for tok in toks):
        return "other"
    if letter_spaced_runs(toks):  # "项 目 支 出 绩 效 自 评 报 告": a title, not a row
        return "other"
    if len(toks) >= 2:
        return "row"
    return "float" if len(t) <= MAX_FLOAT else "other"


def find_regions(lines: list[Line]) -> list[tuple[int, int]]:
    """Index ranges ``[a, b)`` of ``lines`` that are spaced tables."""
    classes = [None if ln.is_blank else classify_line(ln) for ln in lines]
    out: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        if classes[i] != "row" or len(lines[i].tokens()) < 3:
            i += 1
            continue
        j = i
        last_row = i
        while j < n and classes[j] in (None, "row", "float"):
            if classes[j] == "row":
                last_row = j
            j += 1
        wide = sum(1 for k in range(i, last_row + 1) if classes[k] == "row" and len(lines[k].tokens()) >= 3)
        if wide >= 2:
            out.append((i, last_row + 1))
        i = last_row + 1
    return out


@dataclass
class _Row:
    tokens: list[str]
    raws: list[str]
    first: int
    last: int


def is_wide(lines: list[Line]) -> bool:
    """Columns set apart by two or more spaces (``pdftotext -layout``): then a
    single space belongs to the cell ("≥2 次") and only wide gaps separate."""
    rows = [ln for ln in lines if not ln.is_blank and len(ln.tokens()) >= 2]
    return bool(rows) and sum(1 for ln in rows if WIDE_GAP.search(ln.text.strip())) >= 0.6 * len(rows)


def _split(text: str, wide: bool) -> list[str]:
    return [t for t in (WIDE_GAP.split(text.strip()) if wide else text.split()) if t.strip()]


def _tokens_of(line: Line, wide: bool) -> tuple[list[str], list[str]]:
    toks = _split(line.text, wide)
    raws = _split(ZERO_WIDTH.sub("", line.raw), wide)
    return toks, (raws if len(raws) == len(toks) else toks)


def _is_label(tok: str) -> bool:
    return bool(HAN.search(tok))


def lines_to_rows(lines: list[Line]) -> list[_Row]:
    """Rows of one region, a label broken off above a label-less row joined back."""
    rows: list[_Row] = []
    floating: list[_Row] = []
    wide = is_wide(lines)
    for ln in lines:
        if ln.is_blank:
            continue
        toks, raws = _tokens_of(ln, wide)
        row = _Row(toks, raws, ln.no, ln.no)
        if len(toks) == 1:
            floating.append(row)
            continue
        if floating and not _is_label(toks[0]) and rows:
            # the run of floating text lines right above (a bare number stays: a weight)
            k = len(floating)
            while k > 0 and not NUMBERISH.match(floating[k - 1].tokens[0]):
                k -= 1
            head = floating[k:]
            if head and _is_label(head[0].tokens[0]):
                rows.extend(floating[:k])
                label = join_text([f.tokens[0] for f in head])
                label_raw = "\n".join(f.raws[0] for f in head)
                row = _Row([label, *toks], [label_raw, *raws], head[0].first, ln.no)
                floating = []
        rows.extend(floating)
        floating = []
        rows.append(row)
    rows.extend(floating)
    return rows


def rows_to_table(rows: list[_Row], source: str, table_no: int) -> RawTable:
    return cells_to_table([(r.tokens, r.raws, r.first, r.last) for r in rows], source, table_no, "spaced")
