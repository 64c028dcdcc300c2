"""Layout quirks (assemble/quirks.py): every registered quirk has a fixture here."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from test_assemble_tables import cells_table, doc, grid_table

from jixiao.assemble import raw_to_reports
from jixiao.assemble.label import rows_to_labeled
from jixiao.assemble.quirks import QUIRKS, quirk
from jixiao.assemble.tableview import table_to_rows

TESTED = {"LAY001", "LAY002", "LAY003", "LAY004"}


def test_every_quirk_is_tested_here() -> None:
    assert set(QUIRKS) == TESTED
    assert all(q.title and q.id.startswith("LAY") for q in QUIRKS.values())


def test_a_quirk_id_is_registered_once() -> None:
    with pytest.raises(ValueError, match="LAY001"):
        quirk("LAY001", "again")(lambda header, data: False)


def test_lay001_line_column_without_heading() -> None:
    """The national form: a merged block label, then a line column with no heading."""
    t = grid_table([
        (0, 0, 3, 1, "项目资金（万元）"), (0, 1, 1, 1, ""), (0, 2, 1, 1, "年初预算数"), (0, 3, 1, 1, "全年预算数"),
        (0, 4, 1, 1, "全年执行数"), (0, 5, 1, 1, "执行率"),
        (1, 1, 1, 1, "年度资金总额"), (1, 2, 1, 1, "100"), (1, 3, 1, 1, "120"), (1, 4, 1, 1, "108"),
        (1, 5, 1, 1, "90%"),
        (2, 1, 1, 1, "其中：当年财政拨款"), (2, 2, 1, 1, "100"), (2, 3, 1, 1, "120"), (2, 4, 1, 1, "108"),
        (2, 5, 1, 1, "90%"),
    ], n_rows=3, n_cols=6)
    (r,) = raw_to_reports(doc(t))
    assert [b.line for b in r.budget_lines] == ["年度资金总额", "其中：当年财政拨款"]
    assert r.budget_lines[0].executed is not None and r.budget_lines[0].executed.value == D("108")
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    assert block.quirks == ("LAY001",)
    assert next(c for c in block.columns if c.col == 1).role == "line"


def test_lay001_picks_the_unnamed_column_that_holds_line_labels() -> None:
    """A text dump: an unnamed block-label column left blank below, the labels one further."""
    t = cells_table([
        ["资金投入情况", "", "年初预算数", "全年预算数", "全年执行数", "执行率"],
        ["", "年度资金总额", "3359.62万", "3359.62万", "3288.10万", "97.87%"],
        ["", "上年结转资金", "359.62万", "359.62万", "337.6万", "93.88%"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [b.line for b in r.budget_lines] == ["年度资金总额", "上年结转资金"]
    assert r.budget_lines[1].rate is not None and r.budget_lines[1].rate.value == D("93.88")


def test_lay002_one_cell_more_than_the_header() -> None:
    """A text-dump row one cell longer than the header, led by an empty cell (the
    continuation of a merged block label): the row is shifted back into line."""
    t = cells_table([
        ["一级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
        ["产出指标", "次数", "2次", "2次", "50", "50"],
        ["", "产出指标", "人数", "10人", "10人", "40", "40"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [i.name for i in r.indicators] == ["次数", "人数"]
    assert r.indicators[1].score is not None and r.indicators[1].score.value == D("40")
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    assert block.quirks == ("LAY002",)


def test_lay003_a_row_that_lost_the_block_label_continuation() -> None:
    t = cells_table([
        ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
        ["产出指标", "数量指标", "甲", "≥1次", "2次", "45", "45"],
    ])
    (r,) = raw_to_reports(doc(t))
    (a,) = r.indicators
    assert (a.level1, a.level2, a.name) == ("产出指标", "数量指标", "甲")
    assert a.score is not None and a.score.value == D("45")
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    assert block.quirks == ("LAY003",)


def test_lay003_leaves_a_row_short_of_a_trailing_cell() -> None:
    t = cells_table([
        ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "原因"],
        ["", "产出指标", "数量指标", "甲", "≥1次", "2次", "45", "45"],
    ])
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    assert block.quirks == ()
    (r,) = raw_to_reports(doc(t))
    assert r.indicators[0].name == "甲"


def test_lay004_a_label_that_spanned_several_columns() -> None:
    """The 预算执行率 row at the head of an indicator table, its label across the level-1
    … name columns: in a text dump it lost two continuation cells."""
    t = cells_table([
        ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["", "预算执行率", "100%", "95.00%", "10", "9.50", ""],
        ["", "产出指标", "数量指标", "送戏场次", "≥120场", "126场", "20", "20", ""],
    ])
    (r,) = raw_to_reports(doc(t))
    be = r.budget_execution
    assert be is not None and be.name == "预算执行率"
    assert be.weight is not None and be.weight.value == D("10")
    assert be.score is not None and be.score.value == D("9.50")
    assert be.actual is not None and be.actual.value == D("95.00")
    assert [i.name for i in r.indicators] == ["送戏场次"]
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    assert block.quirks == ("LAY004",)


def test_lay004_leaves_a_row_that_lost_trailing_cells() -> None:
    t = cells_table([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因"],
        ["产出指标", "数量指标", "送戏场次", "≥120场", "126场", "20", "20"],
    ])
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    assert block.quirks == ()
    (r,) = raw_to_reports(doc(t))
    assert r.indicators[0].score is not None and r.indicators[0].score.value == D("20")
