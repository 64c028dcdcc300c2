"""Merging (assemble/merge.py): linear-time indicator merge, reports never merged, the
预算执行率 row's weight and score carried to the total budget line."""

from __future__ import annotations

import time
from decimal import Decimal as D

from test_assemble_tables import cells_table, doc, para

from jixiao.assemble import raw_to_reports
from jixiao.assemble.merge import budget_execution_to_line, merge_indicators
from jixiao.model import BudgetLine, Indicator, LineKind, Provenance
from jixiao.normalize import parse_quantity


def _q(text: str):  # type: ignore[no-untyped-def]
    return parse_quantity(text, prov=Provenance(source="t", text=text))


def test_ten_thousand_rows_merge_in_well_under_a_second() -> None:
    one, two = _q("1次"), _q("2次")
    rows = [Indicator(seq=i, name=f"指标{i % 5000}", level2="数量指标", target=one if i < 5000 else None,
                      actual=two) for i in range(10_000)]
    t0 = time.process_time()  # CPU time: robust on a shared machine
    out = merge_indicators(rows)
    assert time.process_time() - t0 < 1.0  # a quadratic merge takes minutes here
    assert len(out) == 5000
    assert out[0].target is not None and out[0].actual is not None and [o.seq for o in out[:3]] == [0, 1, 2]


def test_same_name_under_two_level2_stays_two() -> None:
    a = Indicator(seq=0, name="覆盖率", level2="数量指标")
    b = Indicator(seq=1, name="覆盖率", level2="质量指标")
    c = Indicator(seq=2, name="覆 盖 率", level2="质量指标", weight=_q("10"))
    out = merge_indicators([a, b, c])
    assert [(o.name, o.level2) for o in out] == [("覆盖率", "数量指标"), ("覆盖率", "质量指标")]
    assert out[1].weight is not None and out[1].weight.value == D("10")


def test_budget_execution_weight_and_score_go_to_the_total_line() -> None:
    total = BudgetLine(seq=0, line="年度资金总额", kind=LineKind.TOTAL, depth=0)
    part = BudgetLine(seq=1, line="财政拨款", kind=LineKind.FISCAL, depth=1)
    item = Indicator(seq=0, name="预算执行率", weight=_q("10"), score=_q("9.51"))
    got = budget_execution_to_line([total, part], item)
    assert got[0].weight is not None and got[0].weight.value == D("10") and got[0].weight.prov is not None
    assert got[0].score is not None and got[0].score.value == D("9.51")
    assert got[1].weight is None
    own = total.model_copy(update={"weight": _q("20")})
    assert budget_execution_to_line([own], item)[0].weight.value == D("20")  # type: ignore[union-attr]
    assert budget_execution_to_line([total], None) == [total]


def test_identical_indicators_of_two_reports_are_not_merged() -> None:
    def form(name: str, i: int):  # type: ignore[no-untyped-def]
        return cells_table([
            ["项目名称", name],
            ["一级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
            ["产出指标", "培训次数", "2次", "2次", "50", "50"],
        ], table=i, index=2 * i + 1)

    reports = raw_to_reports(doc(para("项目支出绩效自评表", 0), form("甲项目", 0),
                                 para("项目支出绩效自评表", 2), form("乙项目", 1)))
    assert len(reports) == 2
    assert [len(r.indicators) for r in reports] == [1, 1]
    assert all(r.indicators[0].sources == [] for r in reports)
