"""Ruling segments → ruled tables: named layouts, and the same cells as pdfplumber's table
finder (the method it re-implements) on random rulings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.extract.pdf_pdfium import Segment
from jixiao.extract.pdf_ruling import segments_to_tables


def h(y: float, x0: float, x1: float) -> Segment:
    return Segment(x0, y, x1, y)


def v(x: float, top: float, bottom: float) -> Segment:
    return Segment(x, top, x, bottom)


def grid(xs: list[float], ys: list[float]) -> list[Segment]:
    return [h(y, xs[0], xs[-1]) for y in ys] + [v(x, ys[0], ys[-1]) for x in xs]


def test_a_grid_gives_its_cells_in_reading_order() -> None:
    ((bbox, cells),) = segments_to_tables(grid([10, 60, 110], [20, 40, 60]))
    assert bbox == (10, 20, 110, 60)
    assert cells == [(10, 20, 60, 40), (10, 40, 60, 60), (60, 20, 110, 40), (60, 40, 110, 60)]


def test_a_merged_cell_is_one_box() -> None:
    segs = [h(20, 10, 110), h(40, 10, 110), h(60, 10, 110), v(10, 20, 60), v(110, 20, 60), v(60, 40, 60)]
    ((_, cells),) = segments_to_tables(segs)
    assert sorted(cells) == [(10, 20, 110, 40), (10, 40, 60, 60), (60, 40, 110, 60)]


def test_rules_drawn_in_pieces_are_joined_and_double_rules_snapped() -> None:
    pieces = [h(20, 10, 50), h(20, 52, 110), h(40.4, 10, 110), h(40, 10, 110), h(60, 10, 80), h(60, 82.5, 110),
              v(10, 20, 60), v(60.5, 20, 60), v(60, 20, 40), v(110, 20, 60)]
    ((_, cells),) = segments_to_tables(pieces)
    assert len(cells) == 4
    assert {round(c[1], 1) for c in cells} == {20, 40.2}  # the double rule at 40 and 40.4: their mean


def test_a_gap_wider_than_the_join_tolerance_breaks_a_rule() -> None:
    def segs(gap_end: float) -> list[Segment]:
        return [h(20, 10, 50), h(20, gap_end, 110), h(40, 10, 110), v(10, 20, 40), v(55, 20, 40), v(110, 20, 40)]

    assert segments_to_tables(segs(60)) == []  # the top row is not closed: no cell, no table
    ((_, cells),) = segments_to_tables(segs(53))  # a gap of 3 pt is joined
    assert cells == [(10, 20, 55, 40), (55, 20, 110, 40)]


def test_separate_tables_top_to_bottom_and_a_lone_box_is_no_table() -> None:
    lower = grid([10, 60, 110], [300, 320])
    upper = grid([10, 60, 110], [100, 120])
    box = grid([400, 450], [500, 520])
    tables = segments_to_tables(lower + box + upper)
    assert [t[0] for t in tables] == [(10, 100, 110, 120), (10, 300, 110, 320)]


def test_no_rules_no_tables() -> None:
    assert segments_to_tables([]) == []
    assert segments_to_tables([h(10, 0, 100)]) == []


# ---------------------------------------------------------------- against pdfplumber's finder
def _pdfplumber_tables(segs: list[Segment]) -> list[list[tuple[float, float, float, float]]]:
    from pdfplumber import table as T
    from pdfplumber.utils import filter_edges

    edges = []
    for s in segs:
        o = "h" if s.top == s.bottom else "v"
        edges.append({"x0": s.x0, "x1": s.x1, "top": s.top, "bottom": s.bottom, "doctop": s.top,
                      "width": s.x1 - s.x0, "height": s.bottom - s.top, "orientation": o})
    edges = filter_edges(edges, min_length=1)
    edges = filter_edges(T.merge_edges(edges, 3, 3, 3, 3), min_length=3)
    cells = T.intersections_to_cells(T.edges_to_intersections(edges, 3, 3))
    return T.cells_to_tables(cells)


coord = st.integers(0, 40).map(lambda i: i * 2.5)


@st.composite
def rulings(draw: st.DrawFn) -> list[Segment]:
    segs = []
    for _ in range(draw(st.integers(2, 14))):
        a, b = sorted(draw(st.tuples(coord, coord)))
        if b - a < 1:
            continue
        at = draw(coord)
        segs.append(h(at, a, b) if draw(st.booleans()) else v(at, a, b))
    return segs


@given(rulings())
def test_same_cells_as_pdfplumber(segs: list[Segment]) -> None:
    want = _pdfplumber_tables(segs)
    got = segments_to_tables(segs)
    assert [cells for _, cells in got] == [[tuple(c) for c in t] for t in want]


@pytest.mark.parametrize("n", [3, 12])
def test_same_cells_as_pdfplumber_on_grids(n: int) -> None:
    xs = [10 + 37.5 * i for i in range(n)]
    ys = [50 + 12.25 * i for i in range(3 * n)]
    segs = grid(xs, ys) + [h(ys[1] + 0.4, xs[0], xs[-1]), v(xs[1] - 1.0, ys[0], ys[5])]
    assert [cells for _, cells in segments_to_tables(segs)] == [[tuple(c) for c in t] for t in _pdfplumber_tables(segs)]
