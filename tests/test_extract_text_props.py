"""Properties of the text loader and the re-gridding of its tables (jixiao.extract.regrid): never raise,
lose no token."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from jixiao.extract.regrid import finish_table
from jixiao.extract.text import bytes_to_raw, text_to_raw
from jixiao.normalize.lexicon import LEXICON

# words a text report is made of: seed wording, numbers, comparators, units, layout characters
_WORDS = st.sampled_from([
    "一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果", "指标性质", "度量单位", "产出指标", "效益指标",
    "总计", "合计", "评价等级", "优秀", "开展调研次数", "≥80%", "96%", "=2", "次", "个月", "10", "5", "97.19",
    "(1)", "(5)=(3)-(4)", "行次", "项目", "小计", "中央级", "财政资金", "，", "。", "一、", "(一)", "|", "---",
    "\t", " ", "  ", "\n", "\n\n", "\u3000", "\u00a0", "\u200b", "＝", "（", "）", "[bookmark: _Toc1]", "\f", "- 2 -",
])
_TEXTS = st.lists(_WORDS, max_size=80).map("".join)
_CELLS = st.sampled_from([
    "一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果", "产出指标", "总计", "评价等级", "优秀", "有效控制",
    "开展调研次数", "≥80%", "96%", "=2", "次", "≤3", "个月", "10", "5", "97.19", "/", "定性", "≥",
])
# spaced rows (tokens joined by spaces, a blank line between rows), as pdftotext writes them
_SPACED = st.lists(st.lists(_CELLS, min_size=1, max_size=9).map(" ".join), min_size=2, max_size=12).map(
    lambda rows: "\n\n".join(["一级指标 三级指标 权重 目标值 业绩值 评分结果", "开展调研次数 4 ≥4 次 4 4", *rows]) + "\n"
)


@given(st.binary(max_size=400))
def test_any_bytes_load_without_raising(data: bytes) -> None:
    doc = bytes_to_raw(data, "x.txt")
    for b in doc.blocks:
        assert b.prov.line_start is None or b.prov.line_start >= 1


@given(_TEXTS)
def test_any_text_loads_and_keeps_line_order(text: str) -> None:
    doc = text_to_raw(text, "x.txt")
    starts = [b.prov.line_start for b in doc.blocks]
    assert starts == sorted(starts)
    assert [b.index for b in doc.blocks] == list(range(len(doc.blocks)))
    assert [t.table for t in doc.tables()] == list(range(len(doc.tables())))


def _chars(cells: list[str]) -> str:
    return "".join(sorted("".join(c.replace(" ", "").replace("\n", "") for c in cells)))


@given(st.one_of(_TEXTS, _SPACED))
@example("一级指标 三级指标 权重 目标值 业绩值 评分结果\n\n开展调研次数 4 ≥4 次 4 4\n\n权重 一级指标\n\n一级指标 10\n")
def test_regrid_never_raises_and_keeps_every_token_of_row_tables(text: str) -> None:
    for t in text_to_raw(text, "x.txt").tables():
        r = finish_table(t, LEXICON)
        assert r.dialect in ("grid", "cells")
        assert all(c.row < r.n_rows and c.col < r.n_cols for c in r.cells)
        long_form = any(c.text == "行次" for c in t.cells)
        if not long_form:
            assert _chars([c.text for c in r.cells]) == _chars([c.text for c in t.cells])


@given(_SPACED)
def test_spaced_rows_regrid_under_the_header(text: str) -> None:
    tables = text_to_raw(text, "x.txt").tables()
    assert tables and tables[0].dialect == "spaced"
    r = finish_table(tables[0], LEXICON)
    assert [c.text for c in r.rows()[0] if c.text] == ["一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果"]
    assert [c.text for c in r.rows()[1]][:6] == ["", "开展调研次数", "4", "≥4 次", "4", "4"]
