"""Dialect "cell per line ending in `` |``" (scraped tables): cells in order, rows not marked.

What a scraper leaves when it prints ``cell_text + " |"`` for every ``<td>``:

- a cell is a line ending in `` |``; a lone ``|`` is an empty cell;
- a cell holding line breaks is several lines, only the last ending in `` |``
  (``度量`` / ``单位 |`` → ``"度量\\n单位"``);
- the table is a run of at least :data:`MIN_CELLS` such cells; a blank line or a
  line that is neither ends it (pending unterminated lines are then text after it);
- nothing marks where a row ends.

The loader cannot see the rows, so the table is recorded as ONE row of all its
cells in order, dialect ``stream``; the rows are recovered from the form's own
vocabulary (header rows give the column count, form labels start rows) by
:mod:`jixiao.extract.regrid_stream`, which asks it through a lexicon
(:mod:`jixiao.extract.lexicon`).
:func:`text_to_cells` gives the cell texts of a text directly.
"""

from __future__ import annotations

import regex

from jixiao.extract.raw import RawTable
from jixiao.extract.text_lines import Line, cells_to_table, text_to_lines

__all__ = ["MIN_CELLS", "is_bar_cell", "read_cells", "rows_to_table", "text_to_cells"]

MIN_CELLS = 4
_BAR_END = regex.compile(r"(?:^|\s)\|$")


def is_bar_cell(line: Line) -> bool:
    """A line ending a cell: ``text |`` or a lone ``|`` (and not a ``| a | b |`` pipe row)."""
    t = line.text.strip()
    if not _BAR_END.search(t):
        return False
    body = t[:-1].rstrip()
    return "|" not in body and not t.startswith("|") or t == "|"


def read_cells(lines: list[Line], i: int) -> tuple[list[tuple[str, str, int, int]], int]:
    """``(text, verbatim, first line, last line)`` of each cell from ``lines[i]``, and the index after them."""
    n = len(lines)
    cells: list[tuple[str, str, int, int]] = []
    pend: list[Line] = []
    end = i
    while i < n:
        ln = lines[i]
        if is_bar_cell(ln):
            parts = [*pend, ln]
            text = "\n".join(p.text.strip() for p in parts).removesuffix("|").strip()
            raw = "\n".join(p.raw.strip() for p in parts).removesuffix("|").strip()
            cells.append((text, raw, parts[0].no, ln.no))
            pend = []
            i += 1
            end = i
            continue
        if ln.is_blank or ln.is_cell or ln.is_tsv:
            break
        pend.append(ln)
        i += 1
    return cells, end


def rows_to_table(cells: list[tuple[str, str, int, int]], source: str, table_no: int) -> RawTable:
    """The cells as one ``stream`` row (see the module docstring)."""
    row = ([c[0] for c in cells], [c[1] for c in cells], cells[0][2], cells[-1][3])
    t = cells_to_table([row], source, table_no, "stream")
    # each cell keeps its own line numbers
    return t.model_copy(update={"cells": [
        c.model_copy(update={"prov": c.prov.model_copy(update={"line_start": cells[k][2], "line_end": cells[k][3]})})
        for k, c in enumerate(t.cells)]})


def text_to_cells(text: str) -> list[str]:
    """The cell texts of every cell-per-line table of ``text``, in order."""
    lines = text_to_lines(text)
    out: list[str] = []
    i = 0
    while i < len(lines):
        if is_bar_cell(lines[i]) or not lines[i].is_blank:
            cells, j = read_cells(lines, i)
            if len(cells) >= MIN_CELLS:
                out += [c[0] for c in cells]
                i = j
                continue
        i += 1
    return out
