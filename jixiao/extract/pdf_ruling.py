"""Ruling segments of a page → ruled tables (cell boxes), for :mod:`.pdf_tables`.

The method is the one of pdfplumber's table finder (line strategy, default settings), so
the cells are those it found before the loader read pages through pdfium:

1. segments shorter than :data:`MIN_PREFILTER` are dropped;
2. *snap*: vertical segments whose x differ by at most :data:`SNAP` (chained, on the sorted
   distinct values) move to the mean x of their group; horizontal ones likewise by y;
3. *join*: segments on the same line that touch or leave a gap of at most :data:`JOIN`
   become one; segments then shorter than :data:`MIN_LENGTH` are dropped;
4. *intersections*: a vertical and a horizontal segment meet (within :data:`TOUCH`) at
   ``(x of the vertical, y of the horizontal)``;
5. *cells*: from each intersection (in (x, y) order), the smallest rectangle whose four
   corners are intersections and whose sides lie on common segments;
6. *tables*: cells sharing a corner belong to one table (a table needs two cells), tables
   ordered top to bottom, then left to right.

Between 3 and 4, one step of jixiao's own when the page's height is given: cells a page break
left open (side rules running on to the margin, no rule under them) are closed on the table's
last rule (:mod:`.pdf_cut_cells`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from jixiao.extract.pdf_cut_cells import close_cut_cells
from jixiao.extract.pdf_pdfium import Segment

SNAP = 3.0
JOIN = 3.0
TOUCH = 3.0
MIN_PREFILTER = 1.0
MIN_LENGTH = 3.0

Box = tuple[float, float, float, float]
Point = tuple[float, float]


@dataclass(frozen=True)
class _Edge:
    pos: float  # x of a vertical, y of a horizontal edge
    lo: float  # top of a vertical, x0 of a horizontal edge
    hi: float


def _snap(edges: list[_Edge]) -> list[_Edge]:
    """Move edges whose positions chain within SNAP to the mean position of their group."""
    values = sorted({e.pos for e in edges})
    group_of: dict[float, int] = {}
    g = -1
    last = None
    for v in values:
        if last is None or v > last + SNAP:
            g += 1
        group_of[v] = g
        last = v
    sums: dict[int, list[float]] = {}
    for e in edges:
        s = sums.setdefault(group_of[e.pos], [0.0, 0.0])
        s[0] += e.pos
        s[1] += 1
    ordered = sorted(edges, key=lambda e: group_of[e.pos])
    return [_Edge(sums[group_of[e.pos]][0] / sums[group_of[e.pos]][1], e.lo, e.hi) for e in ordered]


def _join(edges: list[_Edge]) -> list[_Edge]:
    """Join edges on the same line that overlap or are at most JOIN apart."""
    out: list[_Edge] = []
    by_pos: dict[float, list[_Edge]] = {}
    for e in edges:
        by_pos.setdefault(e.pos, []).append(e)
    for pos in sorted(by_pos):
        group = sorted(by_pos[pos], key=lambda e: e.lo)
        cur = group[0]
        for e in group[1:]:
            if e.lo <= cur.hi + JOIN:
                if e.hi > cur.hi:
                    cur = _Edge(pos, cur.lo, e.hi)
            else:
                out.append(cur)
                cur = e
        out.append(cur)
    return [e for e in out if e.hi - e.lo >= MIN_LENGTH]


def merged_edges(segments: Iterable[Segment]) -> tuple[list[_Edge], list[_Edge]]:
    """(vertical, horizontal) edges after prefilter, snap and join."""
    v = [_Edge(s.x0, s.top, s.bottom) for s in segments if s.x0 == s.x1 and s.bottom - s.top >= MIN_PREFILTER]
    h = [_Edge(s.top, s.x0, s.x1) for s in segments if s.top == s.bottom and s.x1 - s.x0 >= MIN_PREFILTER]
    return (_join(_snap(v)) if v else []), (_join(_snap(h)) if h else [])


def _intersections(vs: list[_Edge], hs: list[_Edge]) -> dict[Point, tuple[set[_Edge], set[_Edge]]]:
    out: dict[Point, tuple[set[_Edge], set[_Edge]]] = {}
    hs_sorted = sorted(hs, key=lambda e: (e.pos, e.lo))
    for v in sorted(vs, key=lambda e: (e.pos, e.lo)):
        for h in hs_sorted:
            if v.lo <= h.pos + TOUCH and v.hi >= h.pos - TOUCH and h.lo - TOUCH <= v.pos <= h.hi + TOUCH:
                vs_at, hs_at = out.setdefault((v.pos, h.pos), (set(), set()))
                vs_at.add(v)
                hs_at.add(h)
    return out


def _cells(inter: dict[Point, tuple[set[_Edge], set[_Edge]]]) -> list[Box]:
    points = sorted(inter)
    below_of: dict[float, list[Point]] = {}  # points on one vertical line, top to bottom
    right_of: dict[float, list[Point]] = {}  # points on one horizontal line, left to right
    for p in points:
        below_of.setdefault(p[0], []).append(p)
    for p in sorted(points, key=lambda p: (p[1], p[0])):
        right_of.setdefault(p[1], []).append(p)

    def v_link(p: Point, q: Point) -> bool:
        return not inter[p][0].isdisjoint(inter[q][0])

    def h_link(p: Point, q: Point) -> bool:
        return not inter[p][1].isdisjoint(inter[q][1])

    # each list is in order (top to bottom, left to right) and holds a point once: the points
    # below / right of ``pt`` are those after it in its lists
    at_col = {p: i for col in below_of.values() for i, p in enumerate(col)}
    at_row = {p: i for row in right_of.values() for i, p in enumerate(row)}
    out: list[Box] = []
    for pt in points:
        below = below_of[pt[0]][at_col[pt] + 1:]
        right = right_of[pt[1]][at_row[pt] + 1:]
        found = None
        for b in below:
            if not v_link(pt, b):
                continue
            for r in right:
                if not h_link(pt, r):
                    continue
                corner = (r[0], b[1])
                if corner in inter and v_link(corner, r) and h_link(corner, b):
                    found = (pt[0], pt[1], corner[0], corner[1])
                    break
            if found:
                break
        if found:
            out.append(found)
    return out


def _corners(b: Box) -> tuple[Point, Point, Point, Point]:
    return ((b[0], b[1]), (b[0], b[3]), (b[2], b[1]), (b[2], b[3]))


def _tables(cells: Sequence[Box]) -> list[list[Box]]:
    """Group cells sharing a corner (in passes over the remaining cells, in their order)."""
    remaining = list(cells)
    tables: list[list[Box]] = []
    current: list[Box] = []
    corners: set[Point] = set()
    while remaining:
        before = len(current)
        rest = []
        for cell in remaining:
            cs = _corners(cell)
            if not current or any(c in corners for c in cs):
                corners.update(cs)
                current.append(cell)
            else:
                rest.append(cell)
        remaining = rest
        if len(current) == before:
            tables.append(current)
            current, corners = [], set()
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


def segments_to_tables(segments: Iterable[Segment], page_height: float | None = None) -> list[tuple[Box, list[Box]]]:
    """Ruled tables of a page: (table bbox, cell boxes) each, top to bottom.  With the page's
    height, cells the page break left open are closed first (:mod:`.pdf_cut_cells`); without it
    the cells are exactly pdfplumber's."""
    vs, hs = merged_edges(segments)
    if not vs or not hs:
        return []
    if page_height is not None:
        hs = close_cut_cells(vs, hs, _Edge, page_height)
    out = []
    for cells in _tables(_cells(_intersections(vs, hs))):
        bbox = (min(c[0] for c in cells), min(c[1] for c in cells), max(c[2] for c in cells),
                max(c[3] for c in cells))
        out.append((bbox, cells))
    return out
