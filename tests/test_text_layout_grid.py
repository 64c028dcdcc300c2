"""Row bands to the finished grid (jixiao/extract/text_layout_grid.py): stacked block labels
one cell, split where the next block starts, rows of form fields spanning to the next cell."""

from __future__ import annotations

from jixiao.extract.text import text_to_lines
from jixiao.extract.text_layout import find_regions, lines_to_grid


def _cells(text: str) -> list[list[str]]:
    lines = text_to_lines(text)
    (a, b), = find_regions(lines)
    t = lines_to_grid(lines[a:b], "x.txt")
    return [[c.text for c in row if c.text] for row in t.rows()]


STACKED = """\
项目名称     医疗服务与保障能力提升补助资金
预  年度预算数   年初预算   调整后预算   执行数   原因
算  （万元）
执  总额         0.00       67.00        40.90    受财政资
行                                                金拨付进
情                                                度影响
况  其中：财政   0.00       67.00        40.90
（  资金
10
分
）
绩  一级指标   三级指标         指标值   完成值
效  产出指标   宣传片数量       1        1
"""


def test_stacked_block_labels_are_one_cell() -> None:
    rows = _cells(STACKED)
    assert rows[1][0] == "预算执行情况(10分)"
    assert rows[1][1:] == ["年度预算数(万元)", "年初预算", "调整后预算", "执行数", "原因"]
    assert rows[2] == ["总额", "0.00", "67.00", "40.90", "受财政资金拨付进度影响"]
    assert rows[3] == ["其中:财政资金", "0.00", "67.00", "40.90"]
    assert rows[4][0] == "绩效"  # a new label: the one above closed with its bracket


def test_a_row_of_form_fields_spans_to_the_next_cell() -> None:
    t = lines_to_grid(text_to_lines(STACKED), "x.txt")
    first = [c for c in t.rows()[0] if c.text]
    assert [c.text for c in first] == ["项目名称", "医疗服务与保障能力提升补助资金"]
    assert first[0].col_span == first[1].col  # the label reaches to its value


TWO_BLOCKS = """\
资  资金分配     按治理面积分配，结果已公开
金  资金下达     省级资金下达后 30 日内分解下达
管  资金使用     专款专用，未发现截留
理
年  预期目标                      实际完成情况
度  完成治理面积 42 平方公里。    完成治理面积 43.6 平方公里。
"""


def test_a_stacked_label_is_split_where_the_next_block_starts() -> None:
    rows = _cells(TWO_BLOCKS)
    assert [r[0] for r in rows if r[0] in ("资金管理", "年度")] == ["资金管理", "年度"]
