"""Cells a page break left open: close them on the table's last (or first) rule.

A browser printing a form (Chromium's print to PDF) draws each cell's borders only where the
cell is: a merged cell running over the page break — the block label 绩效指标 beside every
indicator row, the level-1 label 产出指标 beside its rows — has its side rules run on to the
page's bottom margin, and no rule under it there (nor above its rest at the top of the next
page).  The cell finder (:mod:`.pdf_ruling`, pdfplumber's method) needs four corners, so such a
cell had no box and its text fell out of the table as loose lines between the two pages'
tables, which then could not be joined.

Here, before the cells are found, at every height in the page's bottom or top :data:`MARGIN`
where two vertical edges or more end with no horizontal edge there (an *open end* at the bottom
of a page; likewise an open start at its top):

- the rule nearest above the open end that the verticals pass (the page's last row rule) is
  extended sideways to reach them all, so the merged cells beside the last rows close on it; or,
- when some of those verticals stand strictly inside that rule's span (a row cut by the page
  break, its cells' side rules running on to the margin), a rule is added at the open end
  across them, closing the cut row where the page ends (the pages' stitching joins its rest).

Ruled tables whose cells are all closed (every corpus PDF made by LibreOffice) have no open end
and are left as they were.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

SNAP = 3.0  # edge ends this close are one height (pdf_ruling's snap and touch tolerance)
MAX_CUT = 200.0  # points between an open end and the rule nearest it (a quarter of a page)
MIN_OPEN = 2  # vertical edges sharing an open end
MARGIN = 0.12  # share of the page's height, at its bottom or top, where a page break cuts a table


class Edge(Protocol):
    """A ruling edge (pdf_ruling's): position across it, and its extent along it."""

    @property
    def pos(self) -> float: ...

    @property
    def lo(self) -> float: ...

    @property
    def hi(self) -> float: ...


E = TypeVar("E", bound=Edge)


def close_cut_cells(vs: list[E], hs: list[E], make: Callable[[float, float, float], E],
                    page_height: float) -> list[E]:
    """``hs`` with the edges that close cut cells extended or added (see the module docstring)."""
    out = list(hs)
    for end, bottom in ((lambda v: v.hi, True), (lambda v: v.lo, False)):
        for y, group in _open_ends(vs, out, end):
            if (y < page_height * (1 - MARGIN)) if bottom else (y > page_height * MARGIN):
                continue  # not where a page break cuts
            k = _closing_rule(out, group, y, bottom)
            if k is None:
                continue
            h = out[k]
            lo, hi = min(v.pos for v in group), max(v.pos for v in group)
            if any(h.lo + SNAP < v.pos < h.hi - SNAP for v in group):  # a row cut by the break
                out.append(make(y, lo, hi))
            else:  # merged cells beside the last rows
                out[k] = make(h.pos, min(h.lo, lo), max(h.hi, hi))
    return out


def _open_ends(vs: list[E], hs: list[E], end: Callable[[E], float]) -> list[tuple[float, list[E]]]:
    """(height, verticals) of every height where MIN_OPEN verticals or more end with no
    horizontal edge there reaching any of them."""
    groups: list[tuple[float, list[E]]] = []
    for v in sorted(vs, key=end):
        if groups and end(v) - groups[-1][0] <= SNAP:
            groups[-1][1].append(v)
        else:
            groups.append((end(v), [v]))
    out = []
    for y, group in groups:
        if len(group) < MIN_OPEN:
            continue
        closed = any(abs(h.pos - y) <= SNAP and h.lo - SNAP <= v.pos <= h.hi + SNAP for h in hs for v in group)
        if not closed:
            out.append((y, group))
    return out


def _closing_rule(hs: list[E], group: list[E], y: float, bottom: bool) -> int | None:
    """Index of the horizontal edge nearest the open end (above a bottom end, below a top end),
    within MAX_CUT, that one of the verticals reaches across and every one of them passes."""
    best: int | None = None
    for k, h in enumerate(hs):
        gap = y - h.pos if bottom else h.pos - y
        if not SNAP < gap <= MAX_CUT:
            continue
        if not all(v.lo - SNAP <= h.pos <= v.hi + SNAP for v in group):
            continue
        if not any(h.lo - SNAP <= v.pos <= h.hi + SNAP for v in group):
            continue
        if best is None or (h.pos > hs[best].pos if bottom else h.pos < hs[best].pos):
            best = k
    return best
