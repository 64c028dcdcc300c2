"""Dialect "cells": flattened DOCX dumps, one table cell per TAB-indented line.

- the cells of one row are consecutive TAB lines; a blank line ends a row;
- a line without TAB (after a blank) ends the table;
- a merged cell's continuation is an empty TAB line (an empty cell);
- a cell holding a line break shows as a TAB line, ONE blank line and a line
  without TAB that is immediately followed by another TAB line
  (``"\\t度量" "" "单位" "\\t完成值"`` → one cell ``"度量\\n单位"``);
- a cell whose text is broken over several lines by the dump shows as a TAB line
  followed directly (no blank line) by lines without TAB: those lines continue the
  cell above (``"\\t度量" "单位" "\\t完成值"`` → ``"度量\\n单位"``) — when the table
  goes on after them (a TAB line follows, directly or after blank lines);
  otherwise they are the text after the table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.extract.raw import RawCell, RawTable
from jixiao.extract.text_lines import Line
from jixiao.model import Provenance


@dataclass
class _Cell:
    text: str
    raw: str
    first: int
    last: int


@dataclass
class _Row:
    cells: list[_Cell] = field(default_factory=list)


def _cell_of(line: Line) -> _Cell:
    text = line.text.split("\t", 1)[1].strip()
    raw = line.raw.split("\t", 1)[1].strip() if "\t" in line.raw else line.raw.strip()
    return _Cell(text, raw, line.no, line.no)


def _continuation_end(lines: list[Line], i: int) -> int:
    """End of the plain lines starting at ``lines[i]`` (right after a cell line) when
    they continue that cell, i.e. the table goes on after them; else ``i``."""
    n = len(lines)
    j = i
    while j < n and not lines[j].is_cell and not lines[j].is_blank and not lines[j].is_tsv:
        j += 1
    k = j
    while k < n and lines[k].is_blank:
        k += 1
    return j if k < n and lines[k].is_cell else i


def read_cell_table(lines: list[Line], i: int) -> tuple[list[list[_Cell]], int]:
    """Read the cell-line table that starts at ``lines[i]`` (a cell line).

    Returns the rows and the index of the first line after the table.
    """
    n = len(lines)
    rows: list[list[_Cell]] = []
    row: list[_Cell] = []
    while i < n:
        ln = lines[i]
        if ln.is_cell:
            row.append(_cell_of(ln))
            i += 1
            continue
        if not ln.is_blank:
            j = _continuation_end(lines, i) if row else i
            if j == i:
                break
            last = row[-1]
            more = lines[i:j]
            row[-1] = _Cell("\n".join([last.text, *(m.text.strip() for m in more)]),
                            "\n".join([last.raw, *(m.raw.strip() for m in more)]), last.first, more[-1].no)
            i = j
            continue
        j = i
        while j < n and lines[j].is_blank:
            j += 1
        # TAB line, one blank, a plain line, a TAB line: the plain line continues the cell
        if row and j - i == 1 and j + 1 < n and not lines[j].is_cell and lines[j + 1].is_cell:
            last = row[-1]
            row[-1] = _Cell(
                last.text + "\n" + lines[j].text.strip(),
                "\n".join([last.raw, lines[i].raw, lines[j].raw.strip()]),
                last.first,
                lines[j].no,
            )
            i = j + 1
            continue
        if row:
            rows.append(row)
            row = []
        i = j
        if j < n and not lines[j].is_cell:
            break
    if row:
        rows.append(row)
    return rows, i


def cell_rows_to_table(rows: list[list[_Cell]], source: str, table_no: int) -> RawTable | None:
    """A RawTable of dialect "cells"; None when no cell holds any text (a stray TAB)."""
    if not any(c.text for r in rows for c in r):
        return None
    cells = [
        RawCell(
            row=r,
            col=c,
            text=cell.text,
            prov=Provenance(
                source=source, table=table_no, row=r, col=c, line_start=cell.first, line_end=cell.last,
                text=cell.raw,
            ),
        )
        for r, row in enumerate(rows)
        for c, cell in enumerate(row)
    ]
    return RawTable(
        index=-1,
        table=table_no,
        dialect="cells",
        n_rows=len(rows),
        n_cols=max((len(r) for r in rows), default=0),
        cells=cells,
        prov=Provenance(
            source=source, table=table_no, line_start=rows[0][0].first, line_end=rows[-1][-1].last
        ),
    )
