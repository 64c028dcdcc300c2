"""Rows of a ``stream`` table (cells in order, row boundaries lost) from the form's vocabulary.

Scraped cell-per-line text (:mod:`jixiao.extract.text_cellbar`) keeps every cell
in order but not where rows end.  The rows come back from what the cells say
(header roles and form labels, asked of the :class:`~jixiao.extract.lexicon.CellLexicon`):

- a **header row** — a block label (预算执行情况(10分), 绩效指标(90分), or any first
  cell) followed by at least :data:`MIN_HEADER_ROLES` budget or indicator column
  headers (empty cells between them allowed) — sets the block's column count;
- a **continuation row** — an empty cell (the block label merged down) while a
  block is open — takes that many cells, ending early where a row-leading cell
  starts (below);
- a **label row** — a form label that takes a value (项目名称, 主管部门, 评价结论 …)
  with its value; a label that shares its row (``implementer``: 实施单位) and its
  value join it; signatures (项目负责人：…) form one row; a total (合计/总分) runs
  to the next row-leading cell;
- any other cell starts a row that runs to its first empty cell, whose count of
  cells then opens a block (项目基本情况 | 项目年度目标 | 年度目标完成情况, then rows
  led by an empty cell).

Row-leading cells: a header row's start, and form labels of the roles in
:data:`ROW_ROLES`.  The result (:func:`text_to_grid`) is a ``cells`` table (rows as
written, merged cells continuing as empty cells), read like a flattened DOCX dump.
Without a lexicon nothing can be said of the rows: the table stays one ``stream`` row.
"""

from __future__ import annotations

from jixiao.extract.lexicon import Block, CellLexicon
from jixiao.extract.raw import RawCell, RawTable
from jixiao.extract.regrid_fit import BARE_NUMBER

__all__ = ["MIN_HEADER_ROLES", "ROW_ROLES", "stream_rows", "text_to_grid"]

MIN_HEADER_ROLES = 3
#: form-label roles that take the value right after them
VALUE_ROLES = frozenset({"project_name", "department", "implementer", "conclusion", "problems", "measures"})
#: form-label roles that continue the row they are in (主管部门 | … | 实施单位 | …)
MID_ROW_ROLES = frozenset({"implementer"})
ROW_ROLES = (VALUE_ROLES - MID_ROW_ROLES) | {"signature", "total", "budget_block", "indicator_block"}
_BLOCKS: tuple[Block, ...] = ("budget", "indicator")


def _form(text: str, lex: CellLexicon) -> str | None:
    return lex.header_role(text, "form") if text else None


def _header_len(texts: list[str], i: int, lex: CellLexicon) -> int:
    """Cells in the header row starting at ``texts[i]`` (0 when none starts there)."""
    best = 0
    for block in _BLOCKS:
        hits, end, j = 0, 0, i
        while j < len(texts):
            t = texts[j]
            if not t:
                j += 1
                continue
            if BARE_NUMBER.match(t.strip()):
                break
            if lex.header_role(t, block):
                hits += 1
                end = j + 1
            elif j != i:
                break
            j += 1
        if hits >= MIN_HEADER_ROLES:
            best = max(best, end - i)
    return best


def _leads(texts: list[str], j: int, lex: CellLexicon) -> bool:
    return _form(texts[j], lex) in ROW_ROLES or _header_len(texts, j, lex) > 0


def stream_rows(texts: list[str], lex: CellLexicon) -> list[tuple[int, int]]:
    """``[start, end)`` index ranges of the rows of a stream of cell texts."""
    rows: list[tuple[int, int]] = []
    width = 0
    i, n = 0, len(texts)
    while i < n:
        t = texts[i]
        h = _header_len(texts, i, lex)
        if h:
            rows.append((i, i + h))
            width, i = h, i + h
            continue
        role = _form(t, lex)
        if not t:
            j = i + 1
            while j < n and j - i < max(width, 1) and not _leads(texts, j, lex):
                j += 1
            rows.append((i, j))
            i = j
            continue
        if role in VALUE_ROLES:
            j = min(i + 2, n)
            while j < n and _form(texts[j], lex) in MID_ROW_ROLES:
                j = min(j + 2, n)
            rows.append((i, j))
            width, i = 0, j
            continue
        if role == "signature":
            j = i + 1
            while j < n and _form(texts[j], lex) == "signature":
                j += 1
            rows.append((i, j))
            width, i = 0, j
            continue
        j = i + 1
        stop_at_empty = role != "total"
        while j < n and not _leads(texts, j, lex) and not (stop_at_empty and not texts[j]):
            j += 1
        rows.append((i, j))
        width = j - i if stop_at_empty and j < n and not texts[j] else 0
        i = j
    return rows


def text_to_grid(table: RawTable, lex: CellLexicon | None) -> RawTable:
    """A ``stream`` table as a ``cells`` table of its recovered rows; unchanged without a lexicon
    or when it is no ``stream`` table."""
    if lex is None or table.dialect != "stream":
        return table
    stream = sorted(table.cells, key=lambda c: (c.row, c.col))
    texts = [c.text for c in stream]
    cells: list[RawCell] = []
    bounds = stream_rows(texts, lex)
    for r, (a, b) in enumerate(bounds):
        for k, c in enumerate(stream[a:b]):
            cells.append(c.model_copy(update={"row": r, "col": k,
                                              "prov": c.prov.model_copy(update={"row": r, "col": k})}))
    width = max((b - a for a, b in bounds), default=0)
    return table.model_copy(update={"dialect": "cells", "regridded_from": "stream", "n_rows": len(bounds),
                                    "n_cols": width, "cells": cells})
