"""Ruled PDF tables: cell boxes → a grid with spans, and tables stitched across pages.

Grid from boxes
    :mod:`.pdf_ruling` finds the cell boxes of a ruled table on one page (a *chunk*).
    The distinct left/right edges of all boxes (within :data:`SNAP` points) are
    the column boundaries, the distinct top/bottom edges the row boundaries; a
    box from boundary i to boundary j spans ``j - i`` columns (rows).  A merged
    cell is therefore ONE cell with its spans, as in the DOCX loader.

Stitching (see :func:`stitch`)
    A chunk continues the previous table when the previous table is the last
    thing on its page, the chunk is the first thing on the next page (running
    headers, page numbers and a "续表" line aside) and both have the same left
    and right outer edges.  Then:

    1. *repeated heading*: leading chunk rows whose texts equal the table's
       first rows are dropped;
    2. *split row*: the chunk's first row R2 is the rest of the previous chunk's
       last row R1 when (a) both rows have the same column layout, (b) every
       non-empty cell of R2 sits under a non-empty cell that starts in R1 with
       the same columns, (c) R2 has fewer non-empty cells than R1, and (d) R2 is
       empty in a *dense* column where R1 has its own text — a dense column is
       non-empty in every other row having R1's layout (weights, scores, names:
       a genuine next row fills them; the tail of a split row carries only the
       lines that overflowed, and a one-line weight never overflows).  An empty
       R2 cell under a span that started above R1 is no evidence (it is the
       continuation of a merged group cell).  R2's texts are appended to R1's
       (joined as a wrap: "≤5000" + "0元" → "≤50000元");
    3. *continued spans*: an empty cell at the top of the chunk, under a cell
       that already spans several rows with the same columns, extends that
       span (the vertically merged "产出指标" cell continues on the next page);
       further empty cells stacked right below it with the same columns extend
       it again (a PDF writer may draw the continuation in pieces).

    Columns of the stitched table come from the union of all chunks' column
    boundaries.
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass, field

from jixiao.extract.pdf_text import Glyph, cell_text, join_fragments

SNAP = 2.0  # points: edges closer than this are one boundary


def snap_edges(values: list[float], tol: float = SNAP) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def edge_index(edges: list[float], v: float) -> int:
    """Index of the boundary nearest to ``v`` in the sorted ``edges`` (the lower one on a tie)."""
    i = bisect.bisect_left(edges, v)
    if i == 0:
        return 0
    if i == len(edges):
        return i - 1
    return i - 1 if v - edges[i - 1] <= edges[i] - v else i


@dataclass
class PCell:
    """A cell of a PDF table while it is being built (mutable)."""

    row: int
    x0: float
    x1: float
    top: float
    bottom: float
    page: int
    text: str
    verbatim: str
    row_span: int = 1
    col: int = 0
    col_span: int = 1
    parts: list[tuple[int, tuple[float, float, float, float]]] = field(default_factory=list)


@dataclass
class Chunk:
    """The part of one table found on one page."""

    page: int
    bbox: tuple[float, float, float, float]
    cells: list[PCell]
    n_rows: int
    col_edges: list[float]

    def row_cells(self, r: int) -> list[PCell]:
        return sorted((c for c in self.cells if c.row == r), key=lambda c: c.x0)


def _bands(boxes: list[tuple[float, float, float, float]], ys: list[float]) -> list[list[int]]:
    """For each horizontal band between two row edges, the boxes that cover it."""
    bands: list[list[int]] = [[] for _ in range(max(len(ys) - 1, 0))]
    for i, (_, top, _, bottom) in enumerate(boxes):
        for k in range(edge_index(ys, top), edge_index(ys, bottom)):
            bands[k].append(i)
    return bands


def _candidates(bands: list[list[int]]) -> list[list[int]]:
    """For each band ``k`` (and ``-1``, above the first edge, as the last entry), the boxes
    that may hold a glyph in it: those of the band and its neighbours (edges are snapped,
    so a box may start or end up to SNAP away), in box order so the first box holding the
    glyph wins, as in a scan of every box."""
    n = len(bands)
    return [sorted({i for j in (k - 1, k, k + 1) if 0 <= j < n for i in bands[j]}) for k in (*range(n + 1), -1)]


def _in_column(near: list[int], boxes: list[tuple[float, float, float, float]], xs: list[float],
               j: int) -> list[tuple[int, float, float, float, float]]:
    """The boxes of ``near`` (in its order) that overlap the column band ``j``: from edge
    ``xs[j]`` to ``xs[j + 1]`` (unbounded past the first and last edge).  A box holding a
    point of the band overlaps it, so no box that could hold a glyph there is left out."""
    lo = xs[j] if 0 <= j < len(xs) else -math.inf
    hi = xs[j + 1] if -1 <= j < len(xs) - 1 else math.inf
    out = []
    for i in near:
        x0, top, x1, bottom = boxes[i]
        if x0 <= hi and x1 >= lo:
            out.append((i, x0, top, x1, bottom))
    return out


def boxes_to_chunk(
    page: int,
    bbox: tuple[float, float, float, float],
    boxes: list[tuple[float, float, float, float]],
    glyphs: list[Glyph],
) -> tuple[Chunk, list[Glyph]]:
    """One page's table: cell boxes + the page's glyphs → a Chunk and the
    glyphs left over (outside every box)."""
    xs = snap_edges([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = snap_edges([b[1] for b in boxes] + [b[3] for b in boxes])
    inside: dict[int, list[Glyph]] = {i: [] for i in range(len(boxes))}
    rest: list[Glyph] = []
    near = _candidates(_bands(boxes, ys))
    # the candidates of a band narrowed to the boxes that reach into the glyph's column band
    # (between two column edges): a few boxes instead of a whole row's, same order
    by_cell: dict[tuple[int, int], list[tuple[int, float, float, float, float]]] = {}
    bisect_right = bisect.bisect_right
    for g in glyphs:
        mx, my = (g.x0 + g.x1) / 2, (g.top + g.bottom) / 2
        k, j = bisect_right(ys, my) - 1, bisect_right(xs, mx) - 1
        cand = by_cell.get((k, j))
        if cand is None:
            cand = by_cell[(k, j)] = _in_column(near[k], boxes, xs, j)
        for i, x0, top, x1, bottom in cand:
            if x0 <= mx <= x1 and top <= my <= bottom:
                inside[i].append(g)
                break
        else:
            rest.append(g)
    cells = []
    for i, (x0, top, x1, bottom) in enumerate(boxes):
        r0, r1 = edge_index(ys, top), edge_index(ys, bottom)
        c0, c1 = edge_index(xs, x0), edge_index(xs, x1)
        if r1 <= r0 or c1 <= c0:
            continue  # a degenerate box (a stray rule)
        text, _ = cell_text(inside[i], x0, x1)
        cells.append(
            PCell(row=r0, x0=x0, x1=x1, top=top, bottom=bottom, page=page, text=text, verbatim=text,
                  row_span=r1 - r0, parts=[(page, (x0, top, x1, bottom))])
        )
    return Chunk(page=page, bbox=bbox, cells=cells, n_rows=max(len(ys) - 1, 0), col_edges=xs), rest


# ---------------------------------------------------------------- stitching
def _row_texts(chunk: Chunk, r: int) -> list[str]:
    return [c.text for c in chunk.row_cells(r)]


def _layout(cells: list[PCell], r: int, edges: list[float]) -> tuple[tuple[int, int], ...]:
    """The column partition of row r: (first, last) boundary of every cell covering it."""
    cov = [c for c in cells if c.row <= r < c.row + c.row_span]
    return tuple(sorted(_key(c, edges) for c in cov))


def _key(c: PCell, edges: list[float]) -> tuple[int, int]:
    return edge_index(edges, c.x0), edge_index(edges, c.x1)


def _same_x(a: float, b: float) -> bool:
    return abs(a - b) <= SNAP


@dataclass
class Stitched:
    """A table made of one or more chunks."""

    chunks: list[Chunk]
    cells: list[PCell]
    n_rows: int
    heading_rows: int = 1
    notes: list[str] = field(default_factory=list)

    @property
    def first(self) -> Chunk:
        return self.chunks[0]

    @property
    def last(self) -> Chunk:
        return self.chunks[-1]


def start_table(chunk: Chunk) -> Stitched:
    return Stitched(chunks=[chunk], cells=list(chunk.cells), n_rows=chunk.n_rows)


def continues(t: Stitched, chunk: Chunk) -> bool:
    """Same outer left/right edges (the caller checks page positions)."""
    a, b = t.last.bbox, chunk.bbox
    return _same_x(a[0], b[0]) and _same_x(a[2], b[2])


def _drop_repeated_heading(t: Stitched, chunk: Chunk) -> int:
    """Number of leading chunk rows that repeat the table's first rows."""
    first_rows = [[c.text for c in sorted((c for c in t.cells if c.row == r), key=lambda c: c.x0)]
                  for r in range(min(3, t.n_rows))]
    k = 0
    while k < min(3, chunk.n_rows) and k < len(first_rows):
        texts = _row_texts(chunk, k)
        if not any(texts) or texts != first_rows[k]:
            break
        k += 1
    return k


def _dense_columns(cells: list[PCell], n_rows: int, layout: tuple, skip: set[int],
                   edges: list[float]) -> set[tuple[int, int]]:
    """Columns non-empty in every row (but ``skip``) that has the given layout."""
    rows = [r for r in range(n_rows) if r not in skip and _layout(cells, r, edges) == layout]
    if len(rows) < 2:
        return set()
    dense: set[tuple[int, int]] | None = None
    for r in rows:
        filled = {_key(c, edges) for c in cells if c.row == r and c.text}
        dense = filled if dense is None else dense & filled
    return dense or set()


def stitch(t: Stitched, chunk: Chunk) -> None:
    """Append ``chunk`` to ``t`` (see module docstring)."""
    skip = _drop_repeated_heading(t, chunk)
    if skip:
        t.notes.append(f"第{chunk.page}页续表重复的表头（{skip}行）已去掉")
    body = [c for c in chunk.cells if c.row >= skip]
    for c in body:
        c.row -= skip
    n_new = chunk.n_rows - skip
    if n_new <= 0:
        t.chunks.append(chunk)
        return
    last_r = t.n_rows - 1
    r1 = [c for c in t.cells if c.row == last_r]
    r1_cover = [c for c in t.cells if c.row <= last_r < c.row + c.row_span]
    r2 = [c for c in body if c.row == 0]

    def above(c: PCell, pool: list[PCell]) -> PCell | None:
        for a in pool:
            if _same_x(a.x0, c.x0) and _same_x(a.x1, c.x1):
                return a
        return None

    # 2. split row
    merged_row = False
    if r1 and r2:
        all_cells = t.cells + [
            PCell(row=c.row + t.n_rows, x0=c.x0, x1=c.x1, top=c.top, bottom=c.bottom, page=c.page,
                  text=c.text, verbatim=c.verbatim, row_span=c.row_span)
            for c in body
        ]
        edges = snap_edges([e for ch in t.chunks for e in ch.col_edges] + chunk.col_edges)
        layout = _layout(t.cells, last_r, edges)
        partial = all(c.text == "" or bool(getattr(above(c, r1), "text", "")) for c in r2)
        same_layout = _layout(body, 0, edges) == layout
        dense = _dense_columns(all_cells, t.n_rows + n_new, layout, {last_r, t.n_rows}, edges)
        # evidence: R2 is empty where R1 has its own text in a dense column (a genuine row
        # would fill it; an empty cell under a span that started above R1 proves nothing)
        empty_dense = any(
            not c.text and _key(c, edges) in dense and (a := above(c, r1)) is not None and a.text for c in r2
        )
        fewer = sum(1 for c in r2 if c.text) < sum(1 for c in r1 if c.text)
        if partial and same_layout and empty_dense and fewer:
            merged_row = True
            for c in r2:
                a = above(c, r1)
                if a is not None and c.text:
                    a.text = join_fragments(a.text, c.text)
                    a.verbatim = join_fragments(a.verbatim, c.verbatim)
                    a.parts.extend(c.parts)
            t.notes.append(f"第{last_r + 1}行被分页截断，已与第{chunk.page}页的续行合并")
    # 3. continued spans (and the rest of a merged split row).  ``open_`` holds the
    # cells that may go on growing downwards, with the chunk row where they end.
    offset = t.n_rows - (1 if merged_row else 0)
    open_: list[list] = [[a, 0] for a in r1_cover if a.row_span > 1]
    for c in sorted(body, key=lambda c: (c.row, c.x0)):
        if merged_row and c.row == 0:
            a = above(c, r1_cover)
            if a is not None:  # the top row was merged into R1: only the rest extends
                a.row_span += c.row_span - 1
                for e in open_:
                    if e[0] is a:
                        e[1] = c.row_span
                continue
        if not c.text:
            entry = next((e for e in open_ if e[1] == c.row and _same_x(e[0].x0, c.x0)
                          and _same_x(e[0].x1, c.x1)), None)
            if entry is not None:
                entry[0].row_span += c.row_span
                entry[0].parts.extend(c.parts)
                entry[1] = c.row + c.row_span
                continue
        c.row += offset
        t.cells.append(c)
    t.n_rows = offset + n_new
    t.chunks.append(chunk)


def assign_columns(t: Stitched) -> int:
    """Grid columns from the union of all chunks' boundaries; returns n_cols."""
    edges = snap_edges([e for ch in t.chunks for e in ch.col_edges])
    for c in t.cells:
        c.col = edge_index(edges, c.x0)
        c.col_span = max(1, edge_index(edges, c.x1) - c.col)
    return max(len(edges) - 1, 0)
