"""Dialect "spaced" (pdftotext rows split on runs of spaces, :mod:`.text_spaced`) → a grid.

A spaced row lost its blank cells and may have split a cell holding a space
("=2 次", "度量 单位"): only what the cells say can put them back under their
header, so :func:`text_to_grid` needs the form's vocabulary (a
:class:`~jixiao.extract.lexicon.CellLexicon`) and does the work with
:func:`jixiao.extract.regrid_rows.regrid_rows`.  Without a lexicon the table is
returned as read (dialect ``spaced``: unfinished).
"""

from __future__ import annotations

from jixiao.extract.lexicon import CellLexicon
from jixiao.extract.raw import RawTable
from jixiao.extract.regrid_rows import regrid_rows

__all__ = ["text_to_grid"]


def text_to_grid(table: RawTable, lex: CellLexicon | None) -> RawTable:
    """A ``spaced`` table as a ``cells`` grid under its header (other tables unchanged)."""
    if lex is None or table.dialect != "spaced":
        return table
    return regrid_rows(table, lex, pipe=False)
