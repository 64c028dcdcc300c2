"""Pipe tables (``| a | b |`` rows of web renderings) rebuilt into grids (jixiao.extract.regrid_pipe)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.extract import load
from jixiao.extract.raw import RawTable
from jixiao.extract.regrid_pipe import text_to_grid
from jixiao.extract.text import text_to_raw
from jixiao.normalize.lexicon import LEXICON

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_004 = CORPUS / "seed-004" / "report.txt"
PIPE_FORM = Path(__file__).resolve().parent / "data" / "text" / "seed004_form1_pipe.md"
RAGGED = (
    "| 一级指标 | 三级指标 | 权重 | 目标值 | 业绩值 | 评分结果 |\n|---|---|---|---|---|---|\n"
    "| 满意度指标 | 参保群众满意率 | 20 | ≥80% | 96% | 20 |\n"
    "| 总计 | 100 | 97.19 |\n"
    "| 目标人群受益率 | 10 | ≥80% | 90% | 10 |\n"
)


def _rows(t: RawTable) -> list[list[str]]:
    return [[c.text for c in r] for r in t.rows()]


def test_pipe_full_rows_unchanged() -> None:
    t = load(PIPE_FORM).tables()[0]
    got = text_to_grid(t, LEXICON)
    assert (got.dialect, got.regridded_from) == ("cells", "pipe")
    assert _rows(got) == _rows(t)


def test_pipe_ragged_row_is_aligned() -> None:
    t = text_to_raw(RAGGED, "x.md").tables()[0]
    rows = _rows(text_to_grid(t, LEXICON))
    assert rows[1] == ["满意度指标", "参保群众满意率", "20", "≥80%", "96%", "20"]
    assert rows[2] == ["总计", "", "100", "", "", "97.19"]
    assert rows[3] == ["", "目标人群受益率", "10", "≥80%", "90%", "10"]


def test_placed_cells_keep_their_line_and_take_their_new_column() -> None:
    t = text_to_grid(text_to_raw(RAGGED, "x.md").tables()[0], LEXICON)
    total = t.rows()[2]
    assert (total[5].text, total[5].prov.line_start, total[5].prov.col) == ("97.19", 4, 5)
    assert (total[1].text, total[1].prov.line_start, total[1].prov.text) == ("", 4, "")


def test_without_a_lexicon_the_rows_stay_as_read() -> None:
    t = text_to_raw(RAGGED, "x.md").tables()[0]
    assert t.dialect == "pipe" and t.regridded_from is None
    assert text_to_grid(t, None) is t
    assert _rows(t)[2] == ["总计", "100", "97.19"]


def test_other_dialects_are_returned_unchanged() -> None:
    t = load(SEED_004).tables()[0]
    assert t.dialect == "cells" and text_to_grid(t, LEXICON) is t


_HEADER = ["一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果"]
_CELL = st.sampled_from(["产出指标", "开展调研次数", "参保群众满意率", "10", "20", "97.19", "≥80%", "96%", "=2 次",
                         "1 个月", "定性", "优", "/", ""])


@given(st.lists(st.lists(_CELL, min_size=6, max_size=6).filter(any), min_size=1, max_size=8))
@settings(max_examples=100, deadline=None)
def test_rows_as_wide_as_the_header_stay_as_written(rows: list[list[str]]) -> None:
    text = "\n".join("| " + " | ".join(r) + " |" for r in [_HEADER, ["---"] * 6, *rows]) + "\n"
    (t,) = text_to_raw(text, "x.md").tables()
    got = text_to_grid(t, LEXICON)
    assert _rows(got) == [_HEADER, *rows]
    assert all(c.prov.line_start == c.row + 1 + (c.row > 0) for c in got.cells)  # the separator line is line 2
