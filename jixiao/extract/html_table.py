"""An HTML ``<table>`` element → the positions of its cells on a grid.

The HTML table model: rows are the ``<tr>`` of the table itself and of its
``<thead>``/``<tbody>``/``<tfoot>`` (never those of a nested table); each
``<td>``/``<th>`` takes the first free column of its row, and covers
``rowspan`` × ``colspan`` positions.  ``rowspan="0"`` reaches the last row;
spans are clamped to the table (``colspan`` at most :data:`MAX_SPAN`) so a
hostile value cannot allocate a huge grid
(:class:`TableTooLarge` past :data:`MAX_POSITIONS`).  Rows without any cell are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html as lhtml

MAX_SPAN = 1000
MAX_POSITIONS = 4_000_000  # grid positions one table may cover (spans included)


class TableTooLarge(ValueError):
    pass
_SECTIONS = ("thead", "tbody", "tfoot")


@dataclass(frozen=True)
class Placed:
    el: lhtml.HtmlElement
    row: int
    col: int
    row_span: int
    col_span: int
    tr_index: int  # 1-based position of the row among its parent's <tr> (for the CSS path)
    section: str  # "" or the <thead>/<tbody>/<tfoot> the row is in, with its position
    cell_index: int  # 1-based position of the cell among its row's cells


def _tag(el: object) -> str:
    t = getattr(el, "tag", None)
    return t.lower() if isinstance(t, str) else ""


def table_rows(table: lhtml.HtmlElement) -> list[tuple[lhtml.HtmlElement, int, str]]:
    """``(tr, position among its parent's tr, section path)`` in display order."""
    head: list[tuple[lhtml.HtmlElement, int, str]] = []
    body: list[tuple[lhtml.HtmlElement, int, str]] = []
    foot: list[tuple[lhtml.HtmlElement, int, str]] = []
    n_sec = {s: 0 for s in _SECTIONS}
    k = 0
    for child in table:
        t = _tag(child)
        if t == "tr":
            k += 1
            body.append((child, k, ""))
        elif t in _SECTIONS:
            n_sec[t] += 1
            where = {"thead": head, "tbody": body, "tfoot": foot}[t]
            j = 0
            for tr in child:
                if _tag(tr) == "tr":
                    j += 1
                    where.append((tr, j, f"{t}:nth-of-type({n_sec[t]})"))
    return head + body + foot


def _span(el: lhtml.HtmlElement, attr: str) -> int:
    v = (el.get(attr) or "1").strip()
    digits = ""
    for ch in v:
        if not ch.isdigit():
            break
        digits += ch
    if not digits:
        return 1
    return min(int(digits[:6]), MAX_SPAN * 100)


def place_cells(table: lhtml.HtmlElement) -> tuple[list[Placed], int, int]:
    """Every cell of the table on the grid, and the grid's rows and columns."""
    rows = [(tr, k, sec, [c for c in tr if _tag(c) in ("td", "th")]) for tr, k, sec in table_rows(table)]
    rows = [r for r in rows if r[3]]
    n_rows = len(rows)
    taken: dict[int, set[int]] = {}
    placed: list[Placed] = []
    n_cols = 0
    budget = MAX_POSITIONS
    for r, (_tr, k, sec, cells) in enumerate(rows):
        col = 0
        free = taken.setdefault(r, set())
        for i, td in enumerate(cells, start=1):
            while col in free:
                col += 1
            rs = _span(td, "rowspan")
            rs = n_rows - r if rs == 0 else max(1, min(rs, n_rows - r))
            cs = max(1, min(_span(td, "colspan"), MAX_SPAN))
            budget -= rs * cs
            if budget < 0:
                raise TableTooLarge(f"表格过大（超过 {MAX_POSITIONS} 个单元格位置）")
            for rr in range(r, r + rs):
                taken.setdefault(rr, set()).update(range(col, col + cs))
            placed.append(Placed(td, r, col, rs, cs, k, sec, i))
            col += cs
            n_cols = max(n_cols, col)
    return placed, n_rows, n_cols
