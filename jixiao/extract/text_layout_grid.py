"""Row bands of a ``pdftotext -layout`` region → the finished grid (a RawTable).

:class:`BandCell` gathers the pieces of one cell over the lines of its band;
:func:`split_labels` cuts a stacked block label where the next block starts;
:func:`rows_to_table` lays the rows out on every column (empty cells where nothing is
written, spans the text proves, rows of form fields reaching to the next cell).
See :mod:`jixiao.extract.text_layout` for the whole dialect.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from jixiao.extract.raw import RawCell, RawTable
from jixiao.extract.text_layout_columns import Piece, last_column
from jixiao.extract.text_lines import Line, display_width, join_text
from jixiao.extract.text_patterns import NUMBERISH
from jixiao.model import Provenance

MAX_FIELDS = 4  # cells of a row of form fields
STACKED = 4  # display width of a piece of a stacked label: two characters ("资金", "(20")


@dataclass
class BandCell:
    col: int
    last: int  # last column the text reaches into
    texts: list[str] = field(default_factory=list)
    raws: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # the row band each piece was read in

    @property
    def first_line(self) -> int:
        return self.lines[0]

    @property
    def last_line(self) -> int:
        return self.lines[-1]

    def add(self, piece: Piece, text: str, raw: str, line_no: int, row: int, cols: list[int]) -> None:
        self.texts.append(text)
        self.raws.append(raw)
        self.lines.append(line_no)
        self.rows.append(row)
        self.last = max(self.last, last_column(piece, cols))

    def split(self, at: int) -> tuple[BandCell, BandCell]:
        """The pieces read before row ``at`` and from it on."""
        k = next(i for i, r in enumerate(self.rows) if r >= at)
        head = BandCell(self.col, self.last, self.texts[:k], self.raws[:k], self.lines[:k], self.rows[:k])
        tail = BandCell(self.col, self.last, self.texts[k:], self.raws[k:], self.lines[k:], self.rows[k:])
        return head, tail


def _signature(row: dict[int, BandCell]) -> set[int]:
    """Columns right of the row labels where a cell of the row starts."""
    return {c for c in row if c >= 2}


def _same_block(a: dict[int, BandCell], b: dict[int, BandCell]) -> bool:
    """Two rows of one block: a column in common, and ``b`` no heading of twice as many
    cells (text only) under a row of a few."""
    sa, sb = _signature(a), _signature(b)
    if not sa or not sb:
        return True
    heading = all(not any(ch.isdigit() for t in c.texts for ch in t) for c in b.values())
    return bool(sa & sb) and not (heading and len(sb) >= 2 * len(sa))


def split_labels(rows: list[dict[int, BandCell]]) -> None:
    """A stacked label running on into rows of another shape (the next block: no column
    used by both rows, or a heading twice as wide) is two labels: the second starts in the first row of that block
    ("资金/管理/情况" over three one-line rows, then "年度/总体/目标")."""
    for r, row in enumerate(rows):
        cell = row.get(0)
        if cell is None or len(set(cell.rows)) < 2:
            continue
        for s in range(r + 1, max(cell.rows) + 1):
            if s in cell.rows and 0 not in rows[s] and not _same_block(rows[s - 1], rows[s]):
                head, tail = cell.split(s)
                row[0], rows[s][0] = head, tail
                split_labels(rows)
                return


def rows_to_table(rows: list[dict[int, BandCell]], width: int, source: str, table_no: int,
                  lines: list[Line]) -> RawTable:
    """The row bands of a region → a finished grid (see :mod:`jixiao.extract.text_layout`, 4–5)."""
    split_labels(rows)
    cells: list[RawCell] = []
    for r, row in enumerate(rows):
        starts = sorted(row)
        fields = _field_row(row)
        k = 0
        for i, c in enumerate(starts):
            cell = row[c]
            for e in range(k, c):  # nothing written here
                cells.append(_empty(r, e, source, table_no, cell.first_line))
            end = min(cell.last, (starts[i + 1] - 1) if i + 1 < len(starts) else width - 1)
            if fields and not _stacked_label(cell):
                below = rows[r + 1].get(c) if r + 1 < len(rows) else None
                end = starts[i + 1] - 1 if i + 1 < len(starts) else max(end, below.last if below else end)
            cells.append(RawCell(row=r, col=c, col_span=end - c + 1, text=join_text(cell.texts), prov=Provenance(
                source=source, table=table_no, row=r, col=c, line_start=cell.first_line,
                line_end=cell.last_line, text="\n".join(cell.raws))))
            k = end + 1
        line = row[starts[-1]].last_line if starts else 0
        for e in range(k, width):
            cells.append(_empty(r, e, source, table_no, line))
    body = [ln.no for ln in lines if not ln.is_blank]
    return RawTable(index=-1, table=table_no, dialect="cells", n_rows=len(rows), n_cols=width, cells=cells,
                    prov=Provenance(source=source, table=table_no, line_start=body[0] if body else None,
                                    line_end=body[-1] if body else None))


def _stacked_label(cell: BandCell) -> bool:
    return cell.col == 0 and all(display_width(t) <= STACKED for t in cell.texts)


def _field_row(row: dict[int, BandCell]) -> bool:
    """A row of a few labels and their texts ("项目名称 | …", "主管部门 | … | 实施单位 | …",
    "预期目标 | 实际完成情况" beside a stacked block label, which keeps its column): each
    cell reaches to the next one, as the form's merged cells do (no cell of it a number
    or a placeholder, which stand under a column of their own)."""
    texts = [join_text(c.texts) for c in row.values() if not _stacked_label(c)]
    return 2 <= len(texts) <= MAX_FIELDS and all(
        any(unicodedata.category(ch)[0] == "L" for ch in t) and not NUMBERISH.match(t) for t in texts)


def _empty(r: int, c: int, source: str, table_no: int, line: int) -> RawCell:
    return RawCell(row=r, col=c, text="", prov=Provenance(source=source, table=table_no, row=r, col=c,
                                                          line_start=line or None, line_end=line or None,
                                                          text=""))
