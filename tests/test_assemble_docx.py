"""A DOCX form with real merged cells (built with python-docx, laid out like the
四川 自评表 of seed 004) read through the DOCX loader: grid spans → fill-down,
block labels spanning rows, value cells spanning columns, the total row."""

from __future__ import annotations

import unicodedata
from decimal import Decimal as D
from pathlib import Path

import docx
import pytest

from jixiao.model import LineKind
from jixiao.pipeline import path_to_document


def _set(table, r: int, c: int, text: str) -> None:  # type: ignore[no-untyped-def]
    table.cell(r, c).text = text


def _merge(table, r1: int, c1: int, r2: int, c2: int, text: str) -> None:  # type: ignore[no-untyped-def]
    m = table.cell(r1, c1).merge(table.cell(r2, c2))
    m.text = text


@pytest.fixture
def form_docx(tmp_path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("部门预算项目支出绩效自评表（2023年度）")
    t = d.add_table(rows=11, cols=11)
    _set(t, 0, 0, "项目名称")
    _merge(t, 0, 1, 0, 10, "12345678X0000000001-示例项目经费")
    _set(t, 1, 0, "主管部门")
    _merge(t, 1, 1, 1, 4, "示例主管局")
    _merge(t, 1, 5, 1, 6, "实施单位（盖章）")
    _merge(t, 1, 7, 1, 10, "示例中心")
    # budget block: the block label spans the header and both lines
    _merge(t, 2, 0, 4, 0, "预算执行情况（10分）")
    for c, h in enumerate(["年度预算数（万元）", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"], 1):
        _set(t, 2, c, h)
    _merge(t, 2, 8, 2, 10, "原因")
    for c, v in enumerate(["总额", "2.00", "10.00", "8.00", "80.00%", "10", "8"], 1):
        _set(t, 3, c, v)
    _merge(t, 3, 8, 3, 10, "拨付进度滞后")
    for c, v in enumerate(["其中：财政资金", "2.00", "10.00", "8.00", "80.00%", "/", "/"], 1):
        _set(t, 4, c, v)
    _merge(t, 4, 8, 4, 10, "")
    # indicator block: 产出指标 / 数量指标 merged over two rows
    _merge(t, 5, 0, 8, 0, "绩效指标（90分）")
    head = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"]
    for c, h in enumerate(head, 1):
        _set(t, 5, c, h)
    _merge(t, 6, 1, 7, 1, "产出指标")
    _merge(t, 6, 2, 7, 2, "数量指标")
    for c, v in enumerate(["培训次数", "≥", "4", "次", "5次", "30", "30", ""], 3):
        _set(t, 6, c, v)
    for c, v in enumerate(["检查户数", "≥", "100", "户", "80户", "30", "24", "部分未完成"], 3):
        _set(t, 7, c, v)
    for c, v in enumerate(["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%", "95%", "30", "30", ""], 1):
        _set(t, 8, c, v)
    _merge(t, 9, 0, 9, 7, "合计")
    _set(t, 9, 8, "100")
    _set(t, 9, 9, "92")
    _set(t, 9, 10, "优")
    _set(t, 10, 0, "评价结论")
    _merge(t, 10, 1, 10, 10, "任务基本完成。")
    p = tmp_path / "form.docx"
    d.save(str(p))
    return p


def test_docx_form_with_merged_cells(form_docx: Path) -> None:
    doc = path_to_document(form_docx, source="form.docx", rules=False)
    assert doc.status == "ok"
    (r,) = doc.reports
    assert r.shape == "form" and r.year == 2023
    assert r.project_code == "12345678X0000000001"
    assert r.project_name is not None and r.project_name.text == "示例项目经费"
    assert r.department is not None and r.department.text == "示例主管局"
    assert r.implementer is not None and r.implementer.text == "示例中心"
    assert [(unicodedata.normalize("NFKC", b.line), b.kind, b.depth, b.money_unit) for b in r.budget_lines] == [
        ("总额", LineKind.TOTAL, 0, "万元"), ("其中:财政资金", LineKind.FISCAL, 1, "万元")]
    total = r.budget_lines[0]
    assert total.adjusted is not None and total.adjusted.value == D("10.00")
    assert total.score is not None and total.score.value == D("8")
    assert total.reason is not None and total.reason.text == "拨付进度滞后"
    a, b, c = r.indicators
    assert (a.level1, a.level2, a.name, a.filled) == ("产出指标", "数量指标", "培训次数", [])
    # the vertically merged level-1/level-2 cells cover the second row: filled down, recorded
    assert (b.level1, b.level2, b.name) == ("产出指标", "数量指标", "检查户数")
    assert sorted(b.filled) == ["level1", "level2"]
    assert b.score is not None and b.score.value == D("24")
    assert b.reason is not None and b.reason.text == "部分未完成"
    assert (c.level1, c.filled, c.unit) == ("满意度指标", [], "%")
    assert [(s.label, s.weight.value if s.weight else None) for s in r.stated_scores] == [
        ("预算执行情况", D("10")), ("绩效指标", D("90"))]
    assert r.total_weight is not None and r.total_weight.value == D("100")
    assert r.total_score is not None and r.total_score.value == D("92")
    assert r.grade is not None and r.grade.text == "优"
    assert r.conclusion is not None and r.conclusion.text == "任务基本完成。"


@pytest.fixture
def national_docx(tmp_path: Path) -> Path:
    """The national 项目支出绩效自评表 layout: 项目资金（万元） spans the budget rows and
    its line column has no heading; the goal rows follow inside the same table;
    总分 spans the label columns."""
    d = docx.Document()
    d.add_paragraph("项目支出绩效自评表")
    d.add_paragraph("（2022年度）")
    t = d.add_table(rows=12, cols=10)
    _merge(t, 0, 0, 0, 1, "项目名称")
    _merge(t, 0, 2, 0, 9, "示例补助项目")
    _merge(t, 1, 0, 5, 0, "项目资金（万元）")
    _merge(t, 1, 1, 1, 2, "")
    for c, h in enumerate(["年初预算数", "全年预算数", "全年执行数", "分值", "执行率"], 3):
        _set(t, 1, c, h)
    _merge(t, 1, 8, 1, 9, "得分")
    lines = [("年度资金总额", "100", "120", "108", "10", "90%", "9"),
             ("其中：当年财政拨款", "100", "120", "108", "—", "90%", "—"),
             ("上年结转资金", "", "", "", "—", "", "—"),
             ("其他资金", "", "", "", "—", "", "—")]
    for r, vals in enumerate(lines, 2):
        _merge(t, r, 1, r, 2, vals[0])
        for c, v in enumerate(vals[1:6], 3):
            _set(t, r, c, v)
        _merge(t, r, 8, r, 9, vals[6])
    _merge(t, 6, 0, 7, 0, "年度总体目标")
    _merge(t, 6, 1, 6, 5, "预期目标")
    _merge(t, 6, 6, 6, 9, "实际完成情况")
    _merge(t, 7, 1, 7, 5, "完成补助发放。")
    _merge(t, 7, 6, 7, 9, "已按时发放。")
    _merge(t, 8, 0, 10, 0, "绩效指标")
    for c, h in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"], 1):
        _set(t, 8, c, h)
    _merge(t, 8, 8, 8, 9, "偏差原因分析及改进措施")
    for r, vals in enumerate([("产出指标", "数量指标", "补助人数（人）", "500", "520人", "50", "50"),
                              ("满意度指标", "服务对象满意度指标", "满意度", "≥90%", "92%", "40", "40")], 9):
        for c, v in enumerate(vals, 1):
            _set(t, r, c, v)
        _merge(t, r, 8, r, 9, "")
    _merge(t, 11, 0, 11, 5, "总分")
    _set(t, 11, 6, "100")
    _set(t, 11, 7, "99")
    _merge(t, 11, 8, 11, 9, "")
    p = tmp_path / "national.docx"
    d.save(str(p))
    return p


def test_docx_national_form(national_docx: Path) -> None:
    (r,) = path_to_document(national_docx, source="national.docx", rules=False).reports
    assert r.year == 2022 and r.project_name is not None and r.project_name.text == "示例补助项目"
    # the unlabeled column under 项目资金（万元） holds the funding lines; the block ends with its label
    assert [(unicodedata.normalize("NFKC", b.line), b.kind, b.money_unit) for b in r.budget_lines] == [
        ("年度资金总额", LineKind.TOTAL, "万元"), ("其中:当年财政拨款", LineKind.FISCAL, "万元"),
        ("上年结转资金", LineKind.CARRYOVER, "万元"), ("其他资金", LineKind.OTHER, "万元")]
    total = r.budget_lines[0]
    assert (total.initial.value if total.initial else None) == D("100")
    assert (total.adjusted.value if total.adjusted else None) == D("120")
    assert (total.executed.value if total.executed else None) == D("108")
    assert (total.rate.value if total.rate else None) == D("90")
    assert (total.weight.value if total.weight else None, total.score.value if total.score else None) == (D("10"), D("9"))
    # goal rows after the budget block: labels over their values
    assert r.goal is not None and r.goal.text == "完成补助发放。"
    assert r.completion is not None and r.completion.text == "已按时发放。"
    assert [unicodedata.normalize("NFKC", i.name) for i in r.indicators] == ["补助人数(人)", "满意度"]
    assert r.indicators[0].target is not None and r.indicators[0].target.unit == "人"
    assert (r.total_weight.value if r.total_weight else None, r.total_score.value if r.total_score else None) == (
        D("100"), D("99"))
