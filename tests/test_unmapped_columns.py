"""A header cell no synonym maps is recorded on the report and surfaces as EXT009,
so unread columns are never silent."""

from __future__ import annotations

from jixiao.assemble import raw_to_reports
from jixiao.extract.text import text_to_raw
from jixiao.model import Document
from jixiao.normalize.lexicon import LEXICON
from jixiao.rules import run_rules

# seed 004 form 2's 数量指标 row as a web-rendered (pipe) table, with one extra column
TEXT = """部门预算项目支出绩效自评表（2024年度）
| 项目名称 | 51081123T000008563468-基金监管工作经费 |
| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 考核方式 | 权重 | 得分 |
|---|---|---|---|---|---|---|---|---|---|
| 产出指标 | 数量指标 | 开展全区定点医药机构检查次数 | ≥ | 50 | 次 | 180次 | 现场核查 | 20 | 20 |
"""


def test_unknown_column_is_recorded_and_reported() -> None:
    (report,) = raw_to_reports(text_to_raw(TEXT, "t.md", lexicon=LEXICON))
    assert [c.text for c in report.unmapped_columns] == ["考核方式"]
    assert report.unmapped_columns[0].prov is not None and report.unmapped_columns[0].prov.line_start == 3
    ind = report.indicators[0]
    assert (ind.name, ind.actual.raw if ind.actual else None, str(ind.weight.value if ind.weight else None)) == (
        "开展全区定点医药机构检查次数", "180次", "20")
    doc = Document(doc_id="t", source="t.md", format="txt", sha256="0", reports=[report])
    ext = [f for f in run_rules(doc, select=["EXT009"])]
    assert [f.message for f in ext] == ["表格列“考核方式”未能识别其含义，该列的数据未读取"]


def test_known_columns_are_not_reported() -> None:
    (report,) = raw_to_reports(text_to_raw(TEXT.replace("| 考核方式 ", "").replace("| 现场核查 ", ""), "t.md", lexicon=LEXICON))
    assert report.unmapped_columns == []
