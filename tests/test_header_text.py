"""Header text normalization (normalize/header_text.py), on real-style headers of many templates."""

from __future__ import annotations

import pytest

from jixiao.normalize.header_text import fold_header, normalize_header, stated_unit
from jixiao.normalize.headers import header_role, header_unit


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        # letters and formulas in brackets
        ("预算数（A）", "预算数"),
        ("执行数(B)", "执行数"),
        ("执行率（B/A）", "执行率"),
        ("执行率（Ｂ／Ａ）", "执行率"),
        ("执行率（B/A×100%）", "执行率"),
        ("预算执行率(%)(6)=(3)/(1)", "预算执行率"),
        ("年初预算资金(1)", "年初预算资金"),
        ("预算执行率（7）=（4）/（2）", "预算执行率"),
        # points
        ("得分（20分）", "得分"),
        ("得分（20分*执行率）", "得分"),
        ("得分（10分×执行率）", "得分"),
        ("得分20分*执行率", "得分"),
        ("预算执行情况（万元）（20分）", "预算执行情况"),
        # units
        ("年度预算数（万元）", "年度预算数"),
        ("项目资金（元）", "项目资金"),
        ("项目资金（单位：万元）", "项目资金"),
        ("预算执行情况 金额单位：万元", "预算执行情况"),
        ("全年预算数（亿元）", "全年预算数"),
        ("完成值（人）", "完成值"),
        # numbering
        ("指标1：年度指标值", "年度指标值"),
        ("1.产出指标", "产出指标"),
        ("一、绩效指标", "绩效指标"),
        ("（一）项目资金", "项目资金"),
        # line breaks, spaces, widths
        ("全年\n预算数", "全年预算数"),
        ("度 量 单 位", "度量单位"),
        ("度量\r\n单位", "度量单位"),
        ("自评\u3000得分", "自评得分"),
        ("权重：", "权重"),
        # words in brackets stay: they are part of the header
        ("三级指标（目标指标）", "三级指标(目标指标)"),
        ("实施单位（盖章）", "实施单位(盖章)"),
        ("预算安排情况（调整后）", "预算安排情况(调整后)"),
        # values are not headers and stay as they are
        ("18.74万人", "18.74万人"),
        ("≥95%", "≥95%"),
        ("2024年", "2024年"),
        ("1.5", "1.5"),
        ("", ""),
    ],
)
def test_normalize_header(text: str, normalized: str) -> None:
    assert normalize_header(text) == normalized


@pytest.mark.parametrize(
    ("text", "block", "role"),
    [
        ("预算数（A）", "budget", "adjusted"),
        ("执行数（B）", "budget", "executed"),
        ("执行率（B/A×100%）", "budget", "rate"),
        ("得分（20分*执行率）", "budget", "score"),
        ("分值（20分）", "budget", "weight"),
        ("预算执行率(%)(6)=(3)/(1)", "budget", "rate"),
        ("全年\n预算数（万元）", "budget", "adjusted"),
        ("指标1：年度指标值", "indicator", "target"),
        ("实际完成值（人）", "indicator", "actual"),
        ("自评分", "indicator", "score"),
        ("实际指标值", "indicator", "actual"),
        ("中期指标值", "indicator", "mid_target"),
        ("指标描述", "indicator", "description"),
        ("权重占比", "indicator", "weight_share"),
        ("折算得分", "indicator", "converted_score"),
        ("单项指标得分", "indicator", "score"),
        ("符号", "indicator", "nature"),
    ],
)
def test_annotated_headers_find_their_role(text: str, block: str, role: str) -> None:
    assert header_role(text, block) == role


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("预算执行情况 金额单位：万元", "万元"),
        ("项目资金（单位：元）", "元"),
        ("预算执行情况（万元）（20分）", "万元"),
        ("执行率（%）", "%"),
        ("执行率（百分比）", "%"),
        ("补助人数（人）", None),  # a count unit is no column unit
        ("得分（20分）", None),
    ],
)
def test_header_unit_of_annotated_headers(text: str, unit: str | None) -> None:
    assert header_unit(text) == unit


def test_stated_unit() -> None:
    assert stated_unit("单位:万元") == "万元"
    assert stated_unit("金额单位:元") == "元"
    assert stated_unit("盖章") is None
    assert stated_unit("人", ("money",)) is None


def test_fold_keeps_annotations() -> None:
    assert fold_header("执行率（Ｂ/Ａ）") == "执行率(B/A)"
