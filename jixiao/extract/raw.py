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

import functools
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field, SerializerFunctionWrapHandler, model_serializer

from jixiao.extract.layout_text import working_text
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


# ---------------------------------------------------------------- loader fast path
# The DOCX and PDF loaders make a RawCell and a Provenance for every cell (~30k per 100 files)
# from values they typed themselves (ints, strs, a tuple of floats): validating them again
# cost ~8 µs per cell.  These two build the very objects validation would (the same field
# values, all fields present, the same fields_set), without it -- what
# ``BaseModel.model_construct`` does, minus its generic per-field loop (which costs more than
# validating).  Anything read from outside (JSON, TOML, user input) goes through validation.
_new = object.__new__
_set = object.__setattr__
_PROV_DEFAULTS = {name: f.default for name, f in Provenance.model_fields.items()}
_CELL_FIELDS = frozenset(("row", "col", "row_span", "col_span", "text", "prov"))
_M = TypeVar("_M", bound=BaseModel)


@functools.lru_cache(maxsize=4096)
def cell_working_text(verbatim: str) -> str:
    """:func:`jixiao.extract.layout_text.working_text` of a table cell, memoised: cell texts
    recur (empty cells, labels, units), and the function is pure."""
    return working_text(verbatim)


def _unvalidated(model: type[_M], values: dict[str, object], fields_set: set[str]) -> _M:
    """An instance of ``model`` holding ``values`` as validation would, without it."""
    obj = _new(model)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


def trusted_provenance(source: str, *, page: int | None = None, table: int | None = None, row: int | None = None,
                       col: int | None = None, bbox: tuple[float, float, float, float] | None = None,
                       text: str | None = None) -> Provenance:
    """``Provenance(source=..., ...)`` without validation, for loader-typed values only: ints,
    a tuple of four floats, strs (the keywords given are the fields set, as in the call)."""
    given: dict[str, object] = {"source": source}
    for name, value in (("page", page), ("table", table), ("row", row), ("col", col), ("bbox", bbox),
                        ("text", text)):
        if value is not None:
            given[name] = value
    return _unvalidated(Provenance, {**_PROV_DEFAULTS, **given}, set(given))


def trusted_cell(row: int, col: int, row_span: int, col_span: int, text: str, prov: Provenance) -> RawCell:
    """``RawCell(row=..., ..., prov=...)`` (every field given) without validation, for
    loader-typed values only (see :func:`trusted_provenance`)."""
    return _unvalidated(RawCell, {"row": row, "col": col, "row_span": row_span, "col_span": col_span, "text": text,
                                  "prov": prov}, set(_CELL_FIELDS))


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
