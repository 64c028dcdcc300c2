"""Issue 15 end to end: a form whose cells are written as phrases (a synthetic pipe-table text,
written for this test) is read into typed values, and the deadline rules see the dates."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import jixiao
from jixiao.model import Comparator, Kind
from jixiao.rules import run_rules

FORM = """项目支出绩效自评表（2024年度）

| 项目名称 | 示例乡镇卫生服务能力建设项目 |  |  |  |  |  |  |  |  |
|---|---|---|---|---|---|---|---|---|---|
| 主管部门 | 示例县卫生健康局 | 实施单位 | 示例县卫生健康局 |  |  |  |  |  |  |
| 项目资金（万元） | 资金来源 | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |  |  |
|  | 年度资金总额 | 3359.62万 | 3359.62万 | 3359.62万 | 10 | 100% | 10 |  |  |
| 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |  |
|---|---|---|---|---|---|---|---|---|---|
|  | 产出指标 | 数量指标 | 培训人次 | 培训人次不少于500人次 | 520人次 | 20 | 20 |  |  |
|  |  | 质量指标 | 验收合格率 | 合格率达到100% | 100% | 20 | 20 |  |  |
|  |  | 时效指标 | 完成时限 | 在12月31日前完成 | 2025年3月31日 | 10 | 10 |  |  |
|  | 成本指标 | 经济成本指标 | 运维成本 | 成本不超过13.7584万元 | 12万元 | 20 | 20 |  |  |
|  | 满意度指标 | 服务对象满意度指标 | 服务对象满意度 | 满意度≥90% | 约95% | 20 | 20 |  |  |
| 总分 | 100 | 100 |  |  |  |  |  |  |  |
"""


def test_phrase_cells_are_typed_values_and_deadlines_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "form.md"
    path.write_text(FORM, "utf-8")
    doc = jixiao.read(path)
    assert doc.status == "ok" and len(doc.reports) == 1
    report = doc.reports[0]
    assert report.year == 2024
    total = report.budget_lines[0].adjusted
    assert total is not None and (total.kind, total.base_value, total.base_unit) == (Kind.MONEY, 33596200, "元")

    got = {i.name: i for i in report.indicators}
    people = got["培训人次"].target
    assert people is not None
    assert (people.comparator, people.base_value, people.unit, people.subject) == (Comparator.GE, 500, "人次", "培训人次")
    rate = got["验收合格率"].target
    assert rate is not None and (rate.comparator, rate.value, rate.subject) == (Comparator.GE, 100, "合格率")
    cost = got["运维成本"].target
    assert cost is not None and (cost.comparator, cost.base_value, cost.base_unit) == (
        Comparator.LE, Decimal("137584"), "元")
    deadline, done = got["完成时限"].target, got["完成时限"].actual
    assert deadline is not None and (deadline.kind, deadline.comparator, deadline.date) == (
        Kind.DATE, Comparator.LE, "--12-31")
    assert done is not None and (done.kind, done.date) == (Kind.DATE, "2025-03-31")
    sat = got["服务对象满意度"].actual
    assert sat is not None and (sat.value, sat.approx, sat.comparator) == (95, True, None)

    findings = {(f.rule_id, f.subject) for f in run_rules(doc)}
    assert ("IND030", "indicators[2].reason") in findings  # missed 2024-12-31, no reason
    assert ("SCR030", "indicators[2].score") in findings  # and still full marks
    assert not {rid for rid, _ in findings} & {"IND004", "IND002", "IND007"}  # the phrases compare as numbers


def test_phrase_targets_are_compared_by_the_indicator_rules() -> None:
    """A comparator read inside a phrase drives met / not met: 450 人次 misses "不少于500人次",
    15万元 misses "成本不超过13.7584万元", 580元 meets "每人每年580元" (元/人·年 vs 元 compare)."""
    from jixiao.model import Document, Indicator, Report
    from jixiao.normalize import parse_quantity as q

    def ind(seq: int, name: str, target: str, actual: str) -> Indicator:
        return Indicator(seq=seq, name=name, target=q(target), actual=q(actual), weight=q("20"), score=q("20"))

    inds = [ind(0, "培训人次", "培训人次不少于500人次", "450人次"), ind(1, "运维成本", "成本不超过13.7584万元", "15万元"),
            ind(2, "补助标准", "每人每年580元", "580元"), ind(3, "覆盖率", "覆盖率达到100%", "100%")]
    doc = Document(doc_id="x", source="x", format="txt", sha256="0", reports=[Report(seq=1, year=2024, indicators=inds)])
    got = {(f.rule_id, f.subject) for f in run_rules(doc, select=["IND", "SCR011"])}
    assert got == {("IND007", "indicators[0].reason"), ("IND007", "indicators[1].reason"),
                   ("SCR011", "indicators[0].score"), ("SCR011", "indicators[1].score")}
