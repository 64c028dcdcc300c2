"""Property tests of the scraped-text dialects: text_rowpipe.py (one row per line, ' | ' cells),
text_cells.py's unindented continuation lines and text_cellbar.py (one cell per line ending in ' |'):
whatever is written, the same cells are read (the row recovery of a cell-per-line stream: test_regrid_stream.py)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.extract.text import text_to_raw
from jixiao.extract.text_cellbar import text_to_cells
from jixiao.extract.text_rowpipe import split_row, text_to_grid

_CELL = st.sampled_from(["项目名称", "一级指标", "产出指标", "数量指标", "培训人次", "≥50人次", "100%", "10", "9.5",
                         "/", "定性", "好", "万元", "资金使用安全有效。", "A-01"])
_MAYBE = st.one_of(st.just(""), _CELL)


def _row_line(row: list[str]) -> str:
    line = " | ".join(row)
    while "|  |" in line:
        line = line.replace("|  |", "||")
    return line


@st.composite
def _rect(draw: st.DrawFn) -> list[list[str]]:
    """A rectangular table: the first cell of the first row is text (where the table starts), and
    its first row has a second written cell (else it is a run of ``text |`` cells: text_cellbar)."""
    w = draw(st.integers(2, 7))
    first = [draw(_CELL), draw(_CELL)] + draw(st.lists(_MAYBE, min_size=w - 2, max_size=w - 2))
    rest = draw(st.lists(st.lists(_MAYBE, min_size=w, max_size=w).filter(any), min_size=1, max_size=8))
    return [first, *rest]


@given(_rect())
@settings(max_examples=150, deadline=None)
def test_row_per_line_round_trip(rows: list[list[str]]) -> None:
    text = "自评表\n\n" + "\n".join(_row_line(r) for r in rows) + "\n\n说明。\n"
    assert text_to_grid(text) == rows
    raw = text_to_raw(text, "r.txt")
    (t,) = raw.tables()
    assert t.dialect == "cells" and [[c.text for c in r] for r in t.rows()] == rows
    assert [p.text for p in raw.paragraphs()] == ["自评表", "说明。"]


@given(st.lists(_MAYBE, min_size=1, max_size=8))
def test_split_row_inverts_the_join(row: list[str]) -> None:
    if len(row) >= 2:
        assert split_row(_row_line(row)) == row


@given(_rect())
@settings(max_examples=100, deadline=None)
def test_a_cell_broken_over_two_lines_rejoins(rows: list[list[str]]) -> None:
    """The first row's last cell holds a line break: the row goes on in the next line
    (longer than a wrapped label, which would start the next row's first cell)."""
    rows = [[*rows[0][:-1], (rows[0][-1] or "度量") + "\n截止3月底已全部拨付"], *rows[1:]]
    text = "\n".join(_row_line(r) for r in rows) + "\n"
    assert text_to_grid(text) == rows


_LINES = st.lists(_CELL, min_size=1, max_size=3).map("\n".join)


@given(_rect().filter(lambda rows: len(rows[0]) >= 3 and len(rows) >= 3))
@settings(max_examples=100, deadline=None)
def test_header_glued_to_the_first_data_row(rows: list[list[str]]) -> None:
    text = "\n".join([_row_line(rows[0] + rows[1]), *(_row_line(r) for r in rows[2:])]) + "\n"
    assert text_to_grid(text) == rows


def test_wrapped_label_starts_the_next_row() -> None:
    text = "项目名称 | 某项目\n主管\n部门 | 某局 | 实施单位 | 某局\n"
    assert text_to_grid(text) == [["项目名称", "某项目"], ["主管\n部门", "某局", "实施单位", "某局"]]
    text = "项目名称 | 某项目\n资金使用安全有效,达到预期目标\n主管部门 | 某局\n"
    assert text_to_grid(text) == [["项目名称", "某项目\n资金使用安全有效,达到预期目标"], ["主管部门", "某局"]]


_ROW = st.lists(st.one_of(st.just(""), _LINES), min_size=1, max_size=6).filter(any)
_ONE_LINE_ROW = st.lists(_MAYBE, min_size=1, max_size=6).filter(any)


@given(st.lists(_ROW, max_size=5), _ONE_LINE_ROW)
@settings(max_examples=150, deadline=None)
def test_tab_cells_with_unindented_continuations(body: list[list[str]], last: list[str]) -> None:
    """Lines without the indent continue the cell above while the table goes on (the last
    row's cells are one line each: after it, unindented lines are the text after the table)."""
    rows = [*body, last]
    out = []
    for row in rows:
        for cell in row:
            first, *more = cell.split("\n")
            out += ["\t" + first, *more]
        out.append("")
    text = "标题\n\n" + "\n".join(out) + "\n正文一段。\n"
    raw = text_to_raw(text, "t.txt")
    (t,) = raw.tables()
    assert [[c.text for c in r] for r in t.rows()] == rows
    assert raw.paragraphs()[-1].text == "正文一段。"


# ---------------------------------------------------------------- one cell per line ending in " |"
@given(st.lists(st.one_of(st.just(""), _LINES), min_size=4, max_size=30).filter(lambda c: bool(c[0])))
@settings(max_examples=150, deadline=None)
def test_cell_per_line_round_trip(cells: list[str]) -> None:
    lines = []
    for c in cells:
        *head, last = c.split("\n") if c else [""]
        lines += [*head, f"{last} |" if last else "|"]
    text = "标题\n\n" + "\n".join(lines) + "\n\n说明。\n"
    assert text_to_cells(text) == cells
    raw = text_to_raw(text, "c.txt")
    (t,) = raw.tables()
    assert t.dialect == "stream" and [c.text for c in t.cells] == cells
    assert [p.text for p in raw.paragraphs()] == ["标题", "说明。"]
