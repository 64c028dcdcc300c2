"""The raw intermediate form every loader produces.

A :class:`RawDocument` is an ordered list of blocks: paragraphs and tables.
A :class:`RawTable` is a list of :class:`RawCell` on a grid.  A merged cell is
*one* cell with ``row_span``/``col_span`` > 1 at its top-left grid position; the
positions it covers hold no cell of their own.  Loaders that cannot see spans
(text dumps) emit an empty cell where a merged cell continued; table
reconstruction fills those down and records that it did.  A table leaving
:func:`jixiao.extract.load` with a lexicon is always a finished grid (``grid`` or
``cells``); the text dialects are rebuilt into one inside ``extract``
(:mod:`jixiao.extract.regrid`).

Nothing here knows about budgets or indicators.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from jixiao.model import Frozen, Provenance


class RawCell(Frozen):
    row: int
    col: int
    row_span: int = 1
    col_span: int = 1
    text: str
    prov: Provenance


class RawParagraph(Frozen):
    kind: Literal["paragraph"] = "paragraph"
    index: int  # position among all blocks
    text: str
    prov: Provenance


class RawTable(Frozen):
    """A table as the loader finished it.

    ``dialect`` says what the grid is:

    - ``grid``: a real grid with spans (DOCX, PDF, sheets, web pages); merged cells carry spans.
    - ``cells``: rows of cells in order; spans lost, a merged cell's continuation
      is an empty cell (one-cell-per-line dumps, tab-separated rows, and every
      table rebuilt from a text dialect, see ``regridded_from``).

    Three more values mark a table of a text dialect *not yet rebuilt* — what the
    text loaders return when no lexicon is given (:mod:`jixiao.extract.regrid`):

    - ``spaced``: pdftotext-style lines split on runs of spaces; blank cells are
      lost and a cell holding a space ("≥2 次") may be split.
    - ``pipe``: ``| a | b |`` rows; blank cells kept, rows may be ragged.
    - ``stream``: every cell in order as ONE row, the row boundaries unknown
      (scraped cell-per-line text, :mod:`jixiao.extract.text_cellbar`).

    ``regridded_from`` records which of those a finished table was rebuilt from
    (None for a table read as a grid or cells).  A separate field rather than
    keeping the text-dialect values on finished tables: ``dialect`` then answers
    the one question every later stage asks — can I read this as a grid? — and
    the origin stays for provenance and ``jixiao explain``.  It is left out of a dump
    when None, so the dump of a table read as a grid is what it was before the field
    existed (the ``tables.gt.json`` goldens); loading such a dump gives None again.
    """

    kind: Literal["table"] = "table"
    index: int  # position among all blocks
    table: int  # 0-based count of tables in the document
    dialect: Literal["grid", "cells", "spaced", "pipe", "stream"] = "grid"
    regridded_from: Literal["spaced", "pipe", "stream"] | None = None
    n_rows: int
    n_cols: int
    cells: list[RawCell] = Field(default_factory=list)
    prov: Provenance

    @model_serializer(mode="wrap")
    def _dump(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        if self.regridded_from is None:
            data.pop("regridded_from", None)
        return data

    def rows(self) -> list[list[RawCell]]:
        """Cells grouped by their (top) row, each row sorted by column."""
        out: list[list[RawCell]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row].append(c)
        for r in out:
            r.sort(key=lambda c: c.col)
        return out

    def grid(self) -> list[list[GridCell | None]]:
        """The table as an ``n_rows × n_cols`` grid.

        A merged cell appears at every position it covers; positions other
        than its top-left one have ``spanned=True``.  Positions no cell covers
        are ``None`` (ragged rows in text dumps).
        """
        g: list[list[GridCell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            for r in range(c.row, min(c.row + c.row_span, self.n_rows)):
                for k in range(c.col, min(c.col + c.col_span, self.n_cols)):
                    g[r][k] = GridCell(c, spanned=(r, k) != (c.row, c.col))
        return g


@dataclass(frozen=True)
class GridCell:
    cell: RawCell
    spanned: bool

    @property
    def text(self) -> str:
        return self.cell.text


RawBlock = RawParagraph | RawTable


class RawDocument(Frozen):
    source: str
    format: str
    sha256: str
    blocks: list[RawParagraph | RawTable] = Field(default_factory=list)
    n_pages: int | None = None
    warnings: list[str] = Field(default_factory=list)
    # page chrome of a web page (menus, 发布时间, 点击量, footers): kept for inspection,
    # never read as report content
    chrome: list[RawParagraph] = Field(default_factory=list)

    def tables(self) -> list[RawTable]:
        return [b for b in self.blocks if isinstance(b, RawTable)]

    def paragraphs(self) -> list[RawParagraph]:
        return [b for b in self.blocks if isinstance(b, RawParagraph)]
