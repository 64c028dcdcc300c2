"""pdf_tables' indexed look-ups give what the plain scans they replace gave."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jixiao.extract.pdf_tables import boxes_to_chunk, edge_index, snap_edges
from jixiao.extract.pdf_text import Glyph

values = st.lists(st.integers(0, 400).map(lambda i: i / 4), min_size=1, max_size=30)


@given(values, st.integers(-40, 440).map(lambda i: i / 4))
def test_edge_index_is_the_nearest_edge_lower_on_ties(vals: list[float], v: float) -> None:
    edges = snap_edges(vals)
    assert edge_index(edges, v) == min(range(len(edges)), key=lambda i: abs(edges[i] - v))


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=40))
def test_glyphs_go_to_the_first_box_holding_their_centre(points: list[tuple[int, int]]) -> None:
    boxes = [(0.0, 0.0, 30.0, 20.0), (30.0, 0.0, 60.0, 20.0), (0.0, 20.0, 60.0, 40.0), (0.0, 40.0, 60.0, 60.0),
             (29.0, 39.0, 31.0, 41.0)]
    glyphs = [Glyph("字", x - 1, x + 1, y - 1, y + 1, 2) for x, y in points]
    _, rest = boxes_to_chunk(1, (0, 0, 60, 60), boxes, glyphs)
    for g in glyphs:
        holders = [i for i, (x0, t, x1, b) in enumerate(boxes) if x0 <= g.mid_x <= x1 and t <= g.mid_y <= b]
        assert (g in rest) == (not holders)
