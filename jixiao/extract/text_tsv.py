"""Tab-separated rows (spreadsheet exports, copy-paste from Excel).

Every line holding a TAB between two pieces of content is a row; its cells are
the TAB-separated fields, blank fields kept.  A field in double quotes may hold
line breaks and TABs (``"度量\\n单位"``), as spreadsheets write it.  Blank lines
between rows stay inside the table.  The table is of dialect ``cells``: spans
are lost, a merged cell's continuation is an empty cell, every row keeps its
cells in order.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from jixiao.extract.raw import RawTable
from jixiao.extract.text_lines import Line, cells_to_table


@dataclass(frozen=True)
class TsvRow:
    text: str
    raw: str
    first: int
    last: int


def _open_quote(text: str) -> bool:
    """Does the text end inside a quoted field?  A quote opens a field only at
    its start; a doubled quote inside a quoted field is a literal quote."""
    inside = False
    prev = "\t"
    i = 0
    while i < len(text):
        ch = text[i]
        if inside:
            if ch == '"':
                if text[i + 1: i + 2] == '"':
                    i += 1
                else:
                    inside = False
        elif ch == '"' and prev in "\t\n":
            inside = True
        prev = ch
        i += 1
    return inside


def read_tsv_rows(lines: list[Line], i: int) -> tuple[list[TsvRow], int]:
    """The tab-separated rows starting at ``lines[i]``; returns them and the next index."""
    rows: list[TsvRow] = []
    n = len(lines)
    while i < n and lines[i].is_tsv:
        parts = [lines[i]]
        while _open_quote("\n".join(p.text for p in parts)) and i + len(parts) < n and len(parts) < 50:
            parts.append(lines[i + len(parts)])
        rows.append(TsvRow("\n".join(p.text for p in parts), "\n".join(p.raw for p in parts),
                           parts[0].no, parts[-1].no))
        i += len(parts)
        j = i
        while j < n and lines[j].is_blank:
            j += 1
        if j < n and lines[j].is_tsv:
            i = j
        else:
            break
    return rows, i


def _fields(text: str) -> list[str]:
    try:
        rec = next(csv.reader([text.rstrip(" ")], delimiter="\t", quotechar='"', strict=False), [])
    except csv.Error:  # a bare CR inside the line ("new-line character seen in unquoted field")
        rec = text.rstrip(" ").split("\t")
    return [f.strip() for f in rec]


def rows_to_table(rows: list[TsvRow], source: str, table_no: int) -> RawTable:
    return cells_to_table([(_fields(r.text), _fields(r.raw), r.first, r.last) for r in rows], source, table_no, "cells")
