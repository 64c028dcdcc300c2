"""Header roles and budget line kinds, on header wording taken from the seeds and domain.md §2."""

from __future__ import annotations

import pytest

from jixiao.model import LineKind
from jixiao.normalize.headers import (
    budget_row_kind,
    fold_header,
    header_blocks,
    header_role,
    header_unit,
    is_subtotal,
)


@pytest.mark.parametrize(
    ("text", "block", "role"),
    [
        # seed 004 budget header row
        ("年度预算数（万元）", "budget", "line"),
        # wordings of other provinces' templates (probed by hand, see docs/labels.md)
        ("年度预算安排", "budget", "adjusted"),
        ("实际执行", "budget", "executed"),
        ("偏差说明", "budget", "reason"),
        ("一级", "indicator", "level1"),
        ("二级", "indicator", "level2"),
        ("三级", "indicator", "name"),
        ("评分标准", "indicator", "criteria"),
        ("项目主管单位", "form", "department"),
        ("部门名称", "form", "department"),
        ("项目单位", "form", "implementer"),
        ("年初预算", "budget", "initial"),
        ("调整后预算数", "budget", "adjusted"),
        ("预算执行数", "budget", "executed"),
        ("预算执行率", "budget", "rate"),
        ("权重", "budget", "weight"),
        ("得分", "budget", "score"),
        ("原因", "budget", "reason"),
        # domain.md §2 variants
        ("全年预算数(A)", "budget", "adjusted"),
        ("全年执行数(B)", "budget", "executed"),
        ("执行率(B/A)", "budget", "rate"),
        ("年初预算数", "budget", "initial"),
        ("预算安排", "budget", "adjusted"),
        ("实际支出", "budget", "executed"),
        ("分值", "budget", "weight"),
        # seed 000 long-form row labels (行次 rows)
        ("年初预算资金", "budget", "initial"),
        ("全年预算资金", "budget", "adjusted"),
        ("实际到位资金", "budget", "to_hand"),
        ("全年执行资金", "budget", "executed"),
        ("资金结余", "budget", "balance"),
        ("预算到位率", "budget", "to_hand_rate"),
        ("预算执行率(%)", "budget", "rate"),
        ("行次", "budget", "row_no"),
        # seed 001 long form
        ("资金到位率(%)", "budget", "to_hand_rate"),
        ("资金到位", "budget", "to_hand"),
        # seed 004 indicator header, including the cell broken over two lines
        ("一级指标", "indicator", "level1"),
        ("二级指标", "indicator", "level2"),
        ("三级指标", "indicator", "name"),
        ("指标性质", "indicator", "nature"),
        ("指标值", "indicator", "target"),
        ("度量\n单位", "indicator", "unit"),
        ("完成值", "indicator", "actual"),
        ("未完成原因分析", "indicator", "reason"),
        # seed 000 body and 附件 tables
        ("目标指标", "indicator", "name"),
        ("目标值", "indicator", "target"),
        ("业绩值", "indicator", "actual"),
        ("完成率", "indicator", "completion_rate"),
        ("指标得分", "indicator", "score"),
        ("偏差原因分析及改进措施", "indicator", "reason"),
        # seed 001 附表
        ("评分结果", "indicator", "score"),
        # domain.md §2
        ("三级指标(目标指标)", "indicator", "name"),
        ("年度指标值", "indicator", "target"),
        ("实际完成值", "indicator", "actual"),
        ("全年实际完成值", "indicator", "actual"),
        # form labels (seed 004)
        ("项目名称", "form", "project_name"),
        ("主管\n部门", "form", "department"),
        ("实施单位 （盖章）", "form", "implementer"),
        ("项目年度目标", "form", "goal"),
        ("年度目标完成情况", "form", "completion"),
        ("合计", "form", "total"),
        ("总计", "form", "total"),
        ("评价等级", "form", "grade"),
        ("评价结论", "form", "conclusion"),
        ("存在问题", "form", "problems"),
        ("改进措施", "form", "measures"),
        ("项目负责人：伏翔鳞", "form", "signature"),
        ("预算执行情况（10分）", "form", "budget_block"),
        ("绩效指标（90分）", "form", "indicator_block"),
    ],
)
def test_header_role(text: str, block: str, role: str) -> None:
    assert header_role(text, block) == role


def test_full_width_and_spaces_fold() -> None:
    assert fold_header("执行率（Ｂ/Ａ）") == "执行率(B/A)"
    assert header_role("执行率（Ｂ／Ａ）") == "rate"
    assert header_role(" 权 重 ") == "weight"


def test_header_role_without_block_and_blocks() -> None:
    assert header_role("业绩值") == "actual"
    assert header_blocks("权重") == {"budget": "weight", "indicator": "weight"}
    assert header_blocks("年初预算") == {"budget": "initial"}
    assert header_role("补助人数（人）") is None
    assert header_role("18.74万人") is None
    assert header_role("") is None
    assert header_role("度量单位", "budget") is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("年度预算数（万元）", "万元"),
        ("年度总金额(万元)", "万元"),
        ("项目资金（元）", "元"),
        ("预算执行率(%)", "%"),
        ("资金情况（单位：元）", "元"),
        ("执行率(B/A)", None),
        ("年初预算", None),
    ],
)
def test_header_unit(text: str, unit: str | None) -> None:
    assert header_unit(text) == unit


@pytest.mark.parametrize(
    ("label", "kind", "depth"),
    [
        ("总额", LineKind.TOTAL, 0),
        ("年度资金总额", LineKind.TOTAL, 0),
        ("年度总金额(万元)", LineKind.TOTAL, 0),
        ("合计", LineKind.TOTAL, 0),
        ("其中：财政资金", LineKind.FISCAL, 1),
        ("其中：当年财政拨款", LineKind.FISCAL, 1),
        ("财政专户管理资金", LineKind.SPECIAL, 1),
        ("单位资金", LineKind.UNIT, 1),
        ("上年结转资金(万元)", LineKind.CARRYOVER, 1),
        ("其他资金(万元)", LineKind.OTHER, 1),
        ("中央级", LineKind.FISCAL, 2),
        ("县区级", LineKind.FISCAL, 2),
    ],
)
def test_budget_row_kind(label: str, kind: LineKind, depth: int) -> None:
    assert budget_row_kind(label) == (kind, depth)


def test_budget_row_kind_with_parent() -> None:
    fiscal = (LineKind.FISCAL, 1)
    other = (LineKind.OTHER, 1)
    assert budget_row_kind("小计", fiscal) == fiscal
    assert is_subtotal("小计")
    assert budget_row_kind("市级", fiscal) == (LineKind.FISCAL, 2)
    # seed 001: 其他资金 / 小计 单位自筹 银行贷款等 社会资本
    assert budget_row_kind("单位自筹", other) == (LineKind.UNIT, 2)
    assert budget_row_kind("银行贷款等", other) == (LineKind.OTHER, 2)
    assert budget_row_kind("实际到位资金") is None
    assert budget_row_kind("") is None


@pytest.mark.parametrize(
    ("text", "block", "role"),
    [
        ("预算数", "budget", "adjusted"),
        ("全年指标值", "indicator", "target"),
        ("扣分原因", "indicator", "reason"),
        ("未完成原因及改进措施", "indicator", "reason"),
        ("填表日期：2024年3月", "form", "signature"),
    ],
)
def test_more_template_wordings(text: str, block: str, role: str) -> None:
    assert header_role(text, block) == role


@pytest.mark.parametrize(
    ("label", "kind", "depth"),
    [
        ("其中：县级财政资金", LineKind.FISCAL, 1),
        ("其中：中央财政资金", LineKind.FISCAL, 1),
        ("地方财政资金", LineKind.FISCAL, 1),
        ("省级财政拨款", LineKind.FISCAL, 1),
        ("县级", LineKind.FISCAL, 2),
    ],
)
def test_level_in_front_of_a_line_label(label: str, kind: LineKind, depth: int) -> None:
    assert budget_row_kind(label) == (kind, depth)
