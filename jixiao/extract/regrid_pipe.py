"""Dialect "pipe" (``| a | b |`` rows of web renderings, :mod:`.text_pipe`) → a grid.

A pipe row keeps its blank cells, but a web page's row may be ragged: a row that
lost its leading cells (a level-1 label merged down) is shorter than the header.
:func:`text_to_grid` places such a row's cells under the header columns by what
they say (a :class:`~jixiao.extract.lexicon.CellLexicon`), with
:func:`jixiao.extract.regrid_rows.regrid_rows`; rows as wide as the header stay as
written.  Without a lexicon the table is returned as read (dialect ``pipe``:
unfinished; its rows are in order, blank cells kept, short rows not placed).
"""

from __future__ import annotations

from jixiao.extract.lexicon import CellLexicon
from jixiao.extract.raw import RawTable
from jixiao.extract.regrid_rows import regrid_rows

__all__ = ["text_to_grid"]


def text_to_grid(table: RawTable, lex: CellLexicon | None) -> RawTable:
    """A ``pipe`` table as a ``cells`` grid under its header (other tables unchanged)."""
    if lex is None or table.dialect != "pipe":
        return table
    return regrid_rows(table, lex, pipe=True)
