"""A table as rows of :class:`Slot` — one shape for every loader dialect.

``grid`` tables come with real spans: a merged cell shows up at every position it
covers, flagged ``spanned`` (``from_above`` for a vertical merge).  ``cells`` tables
(text dumps, and tables extract rebuilt from a text dialect) keep their rows as written:
ragged, a merged cell's continuation being an empty cell.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

from jixiao.extract.raw import RawCell, RawTable
from jixiao.model import Provenance

_new = object.__new__


@dataclass(frozen=True)
class Slot:
    """One position of a row: the cell covering it (if any) and whether it is a
    continuation of a merged cell."""

    text: str
    cell: RawCell | None = None
    row: int = 0
    col: int = 0
    # derived from the fields above when the slot is made (the assembler reads them ~15 times
    # per slot; they were properties); not compared, so equality is that of the four fields
    from_above: bool = field(init=False, repr=False, compare=False)  # a vertical merge's continuation
    from_left: bool = field(init=False, repr=False, compare=False)  # a horizontal merge's continuation
    empty: bool = field(init=False, repr=False, compare=False)  # no text but white space

    def __post_init__(self) -> None:
        cell, set_ = self.cell, object.__setattr__
        set_(self, "from_above", cell is not None and cell.row < self.row)
        set_(self, "from_left", cell is not None and cell.col < self.col and cell.row == self.row)
        set_(self, "empty", not self.text.strip())

    @classmethod
    def of(cls, text: str, cell: RawCell | None, row: int, col: int) -> Slot:
        """``Slot(text, cell, row, col)``, made ~4x faster: the frozen dataclass's ``__init__``
        sets each of the seven fields through ``object.__setattr__``; this fills the new
        instance's ``__dict__`` at once, with the same values (``table_to_rows`` makes a slot
        for every grid position of every table)."""
        s = _new(cls)
        s.__dict__.update(text=text, cell=cell, row=row, col=col,
                          from_above=cell is not None and cell.row < row,
                          from_left=cell is not None and cell.col < col and cell.row == row,
                          empty=not text.strip())
        return s

    @property
    def prov(self) -> Provenance | None:
        return self.cell.prov if self.cell is not None else None


def table_to_rows(table: RawTable) -> list[list[Slot]]:
    """Rows of slots; grid tables (or any table with spans) expanded over their spans.

    The assembler asks for the rows of one table several times (form detection, stacked-form
    splitting, reading): the last tables' rows are kept, keyed by the table object itself (held,
    so its id cannot be reused while kept), and every caller gets its own row lists of the same
    frozen slots."""
    hit = _RECENT.get(id(table))
    if hit is None or hit[0] is not table:
        hit = _RECENT[id(table)] = (table, _table_to_rows(table))
        if len(_RECENT) > _RECENT_SIZE:
            _RECENT.popitem(last=False)  # the least recently used
    else:
        _RECENT.move_to_end(id(table))
    return [list(r) for r in hit[1]]


_RECENT_SIZE = 32
_RECENT: OrderedDict[int, tuple[RawTable, list[list[Slot]]]] = OrderedDict()


def _table_to_rows(table: RawTable) -> list[list[Slot]]:
    has_spans = any(c.row_span > 1 or c.col_span > 1 for c in table.cells)
    if table.dialect == "grid" or has_spans:
        # RawTable.grid() with its GridCells made Slots straight away: a cell at every
        # position it covers (a later cell over an earlier one), trailing uncovered ones dropped
        n_rows, n_cols = table.n_rows, table.n_cols
        g: list[list[RawCell | None]] = [[None] * n_cols for _ in range(n_rows)]
        for c in table.cells:
            for r in range(c.row, min(c.row + c.row_span, n_rows)):
                grid_row = g[r]
                for k in range(c.col, min(c.col + c.col_span, n_cols)):
                    grid_row[k] = c
        out: list[list[Slot]] = []
        for r, cells in enumerate(g):
            while cells and cells[-1] is None:
                cells.pop()
            out.append([Slot.of(c.text, c, r, k) if c is not None else Slot.of("", None, r, k)
                        for k, c in enumerate(cells)])
        return out
    return [[Slot.of(c.text, c, r, k) for k, c in enumerate(row)] for r, row in enumerate(table.rows())]


def distinct(row: list[Slot]) -> list[tuple[int, Slot]]:
    """The row without the repeats of a horizontally merged cell, with column indexes."""
    return [(k, s) for k, s in enumerate(row) if not s.from_left]


def lead(row: list[Slot]) -> tuple[int, Slot] | None:
    """First non-empty slot of a row that is not a vertical continuation of a merged cell."""
    for k, s in distinct(row):
        if not s.empty and not s.from_above:
            return k, s
    return None


def shifted(row: list[Slot]) -> list[Slot]:
    """The row with an empty slot put in front (a lost block-label continuation)."""
    r = row[0].row if row else 0
    return [Slot("", None, r, -1), *row]


def align(row: list[Slot], width: int) -> list[Slot]:
    """Align a data row to a header of ``width`` columns: read left to right, missing
    trailing cells empty (layout quirks such as LAY002 run before, in ``classify``)."""
    if len(row) < width:
        last = row[-1] if row else None
        pad_row = last.row if last else 0
        row = row + [Slot("", None, pad_row, k) for k in range(len(row), width)]
    return row


def row_prov(source: str, table: RawTable, row: list[Slot]) -> Provenance:
    """Provenance of a whole row: its table/row, line span and the cells' text."""
    cells = [s for _, s in distinct(row) if s.cell is not None and not s.from_above]
    provs = [s.prov for s in cells if s.prov is not None]
    starts = [p.line_start for p in provs if p.line_start is not None]
    ends = [p.line_end for p in provs if p.line_end is not None]
    pages = [p.page for p in provs if p.page is not None]
    r = row[0].row if row else None
    return Provenance(
        source=source,
        page=pages[0] if pages else table.prov.page,
        table=table.table,
        row=r,
        line_start=min(starts) if starts else None,
        line_end=max(ends) if ends else None,
        text=" | ".join(s.text for s in cells),
    )
