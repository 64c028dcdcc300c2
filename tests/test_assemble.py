"""Report assembly on the real seeds: every number quoted from corpus/seed-*/report.txt."""

from __future__ import annotations

import unicodedata
from decimal import Decimal as D
from functools import cache
from pathlib import Path

import pytest

from jixiao.assemble import raw_to_reports
from jixiao.model import Kind, LineKind, Report
from jixiao.pipeline import path_to_raw

ROOT = Path(__file__).resolve().parent.parent


@cache
def reports(seed: str) -> tuple[Report, ...]:
    src = f"corpus/seed-{seed}/report.txt"
    return tuple(raw_to_reports(path_to_raw(ROOT / src, src)))


def nfkc(t: str) -> str:
    return unicodedata.normalize("NFKC", t)


def _v(q: object) -> D | None:
    return None if q is None else q.value  # type: ignore[attr-defined]


# ---------------------------------------------------------------- seed 004: six 四川 forms


def test_seed004_six_forms_44_indicators() -> None:
    rs = reports("004")
    assert len(rs) == 6
    assert [len(r.indicators) for r in rs] == [9, 7, 6, 6, 10, 6]
    assert all(r.shape == "form" for r in rs)
    assert [r.seq for r in rs] == list(range(6))


def test_seed004_header_fields() -> None:
    rs = reports("004")
    # line 3: "51081122T000006557674-医疗服务与保障能力提升补助资金"
    assert rs[0].project_code == "51081122T000006557674"
    assert rs[0].project_name is not None and rs[0].project_name.text == "医疗服务与保障能力提升补助资金"
    assert rs[0].project_name.prov is not None and rs[0].project_name.prov.line_start == 3
    # line 1: "部门预算项目支出绩效自评表（2024年度）"
    assert {r.year for r in rs} == {2024}
    assert rs[0].department is not None and rs[0].department.text == "广元市昭化区医疗保障局部门"
    assert rs[0].implementer is not None and rs[0].implementer.text == "广元市昭化区医疗保障局"
    # lines 1035-1039: "主管" / "部门" broken over two lines still reads as 主管部门
    assert rs[5].department is not None and rs[5].department.text == "广元市昭化区医疗保障局部门"
    assert rs[4].project_code == "51081123Y000008924081"
    assert rs[0].goal is not None and rs[0].goal.text.startswith("坚持稳中求进的总基调")
    assert rs[0].completion is not None and rs[0].completion.text.startswith("已完成。村级经办人员培训数量50人次")
    assert rs[0].problems is not None and rs[0].problems.text == "资金拨付不及时。"
    # form 3 (防贫保服务费): 存在问题 / 改进措施 left blank (lines 600-604)
    assert rs[2].problems is None and rs[2].measures is None
    # form 6: the template's instruction text left in place (line 1210) is kept as written
    assert rs[5].conclusion is not None
    assert nfkc(rs[5].conclusion.text).startswith(nfkc("结合自评情况，说明项目自评总分"))


def test_seed004_form1_budget_lines() -> None:
    r = reports("004")[0]
    lines = r.budget_lines
    assert [(nfkc(b.line), b.kind, b.depth) for b in lines] == [
        ("总额", LineKind.TOTAL, 0),
        ("其中:财政资金", LineKind.FISCAL, 1),
        ("财政专户管理资金", LineKind.SPECIAL, 1),
        ("单位资金", LineKind.UNIT, 1),
        ("其他资金", LineKind.OTHER, 1),
    ]
    total = lines[0]
    # line 35-42: 总额 | 0.00 | 67.00 | 40.90 | 61.04% | 10 | (blank) | 受财政资金拨付进度影响…
    assert total.money_unit == "万元"
    assert (_v(total.initial), _v(total.adjusted), _v(total.executed)) == (D("0.00"), D("67.00"), D("40.90"))
    assert total.rate is not None and total.rate.value == D("61.04") and total.rate.kind == Kind.PERCENT
    assert _v(total.weight) == D("10")
    assert total.score is not None and total.score.kind == Kind.EMPTY
    assert total.reason is not None and total.reason.text.startswith("受财政资金拨付进度影响")
    assert total.initial is not None and total.initial.prov is not None and total.initial.prov.line_start == 36
    # 其他资金: every value blank (lines 75-82)
    assert lines[4].executed is not None and lines[4].executed.kind == Kind.EMPTY
    assert lines[1].weight is not None and lines[1].weight.raw == "/"


def test_seed004_form1_indicators_and_totals() -> None:
    r = reports("004")[0]
    first = r.indicators[0]
    # lines 98-108: 产出指标 | 数量指标 | 拍摄医保征收宣传片数量 | ≥ | 1 | 篇（部） | 1 | 10 | 10
    assert (first.level1, first.level2, first.name) == ("产出指标", "数量指标", "拍摄医保征收宣传片数量")
    assert first.comparator == "≥"
    assert _v(first.target) == D("1") and _v(first.actual) == D("1")
    assert _v(first.weight) == D("10") and _v(first.score) == D("10")
    assert first.filled == []
    # lines 110-119: level-1 and level-2 cells left empty under the merged labels
    second = r.indicators[1]
    assert second.name == "建成标准化医保经办服务区级点位"
    assert (second.level1, second.level2) == ("产出指标", "数量指标")
    assert sorted(second.filled) == ["level1", "level2"]
    assert second.comparator == "="
    # line 150: 定性
    assert r.indicators[4].comparator == "定性"
    # lines 195-204: the cost row scored 5 of 10 with its reason
    cost = r.indicators[8]
    assert cost.level1 == "成本指标" and _v(cost.target) == D("67") and cost.unit == "万元"
    assert _v(cost.score) == D("5") and cost.reason is not None
    # line 206-208: 合计 | 100 | 95
    assert _v(r.total_weight) == D("100") and _v(r.total_score) == D("95")
    assert r.grade is None
    # line 24 "预算执行情况（10分）", line 84 "绩效指标（90分）"
    assert [(s.label, _v(s.weight)) for s in r.stated_scores] == [("预算执行情况", D("10")), ("绩效指标", D("90"))]
    assert r.budget_execution is None


def test_seed004_form5_cost_row() -> None:
    r = reports("004")[4]
    assert r.project_name is not None and r.project_name.text == "医保工作经费*"
    cost = r.indicators[-1]
    # lines 1002-1012: 成本指标 | 经济成本指标 | 医保工作总成本 | ≤ | 88 | 万元 | 83.39万元 | 20 | 10
    assert cost.name == "医保工作总成本" and cost.comparator == "≤"
    assert _v(cost.target) == D("88") and cost.unit == "万元"
    assert cost.actual is not None and cost.actual.value == D("83.39") and cost.actual.unit == "万元"
    assert (_v(cost.weight), _v(cost.score)) == (D("20"), D("10"))
    assert (_v(r.total_weight), _v(r.total_score)) == (D("100"), D("88"))
    # lines 894-904: 居民医保参保人数 ≥ 18 万人, actual 17.67万人, 5 / 3
    first = r.indicators[0]
    assert first.target is not None and first.target.value == D("18") and first.target.unit == "万人"
    assert (_v(first.weight), _v(first.score)) == (D("5"), D("3"))
    # four 数量指标 rows share the merged level-2 cell
    assert [i.level2 for i in r.indicators[:4]] == ["数量指标"] * 4
    assert r.indicators[3].filled == ["level1", "level2"]


def test_seed004_unfilled_form() -> None:
    r = reports("004")[5]
    # lines 1132-1142: 临聘人员数量 ≤ 3 人, completion value and score blank
    i = r.indicators[0]
    assert i.name == "临聘人员数量" and _v(i.target) == D("3")
    assert i.actual is not None and i.actual.kind == Kind.EMPTY
    assert i.score is not None and i.score.kind == Kind.EMPTY
    # line 1204: 合计 | 100 | (blank)
    assert _v(r.total_weight) == D("100")
    assert r.total_score is not None and r.total_score.kind == Kind.EMPTY


def test_seed004_ratio_in_percent_row() -> None:
    r = reports("004")[2]
    # line 535-539: 防贫保救助准确率 ＝ 100 % , 完成值 "1"
    acc = r.indicators[1]
    assert acc.unit == "%" and acc.actual is not None and acc.actual.raw == "1"
    assert acc.actual.likely_ratio


# ---------------------------------------------------------------- seed 000: narrative + 附件


def test_seed000_one_report_seven_indicators() -> None:
    rs = reports("000")
    assert len(rs) == 1
    r = rs[0]
    assert r.shape == "narrative"
    assert [nfkc(i.name) for i in r.indicators] == [nfkc(n) for n in [
        "补助人数（人）", "医疗保险应保尽保", "补助时间（年）", "人均补助标准（元/年）",
        "减轻补助人口看病负担，促进全面建成小康社会", "推动我县医保事业发展", "社会满意度",
    ]]


def test_seed000_body_and_annex_copies_merged() -> None:
    r = reports("000")[0]
    heads = r.indicators[0]
    # body table line 145-150 and 附件 line 266-274
    assert (heads.level1, heads.level2) == ("产出指标", "数量指标")
    assert _v(heads.target) == D("18") and heads.actual is not None and heads.actual.value == D("18.74")
    assert heads.actual.unit == "万人"
    assert heads.target is not None and heads.target.unit == "人"  # from "补助人数（人）"
    assert _v(heads.completion_rate) == D("104.11")  # only the 附件 states it
    assert heads.reason is not None and heads.reason.text == "实际参保人数"
    assert [s.line_start for s in heads.sources] == [145, 266]
    # level-1 from the section headings of the body tables
    assert [i.level1 for i in r.indicators] == ["产出指标"] * 4 + ["效益指标"] * 2 + ["满意度指标"]
    assert [i.level2 for i in r.indicators][4:] == ["社会效益", "可持续影响指标", "服务对象满意度指标"]


def test_seed000_budget_execution_row() -> None:
    r = reports("000")[0]
    be = r.budget_execution
    assert be is not None
    # line 126-131 and 256-264: 预算执行率 | 10 | 100% | 95.1% | 9.51
    assert (_v(be.weight), _v(be.target), _v(be.actual), _v(be.score)) == (D("10"), D("100"), D("95.1"), D("9.51"))
    assert _v(be.completion_rate) == D("95.10")
    assert all(i.name != "预算执行率" for i in r.indicators)


def test_seed000_long_form_budget() -> None:
    r = reports("000")[0]
    got = [(b.line, b.kind, b.depth) for b in r.budget_lines]
    assert got == [
        ("年度总金额", LineKind.TOTAL, 0),
        ("财政资金小计", LineKind.FISCAL, 1),
        ("中央级", LineKind.FISCAL, 2),
        ("省级", LineKind.FISCAL, 2),
        ("市级", LineKind.FISCAL, 2),
        ("县区级", LineKind.FISCAL, 2),
        ("上年结转资金", LineKind.CARRYOVER, 1),
        ("其他资金", LineKind.OTHER, 1),
    ]
    total = r.budget_lines[0]
    # lines 31-106: (1) 1600 (2) 1600 (3) 1600 (4) 1521.57 (5) 78.43 (7) 95.1
    assert total.money_unit == "万元"
    assert (_v(total.initial), _v(total.adjusted), _v(total.to_hand), _v(total.executed), _v(total.balance)) == (
        D("1600"), D("1600"), D("1600"), D("1521.57"), D("78.43"))
    assert total.rate is not None and total.rate.value == D("95.1") and total.rate.kind == Kind.PERCENT
    county = r.budget_lines[5]
    assert _v(county.executed) == D("1521.57")
    central = r.budget_lines[2]
    assert central.initial is not None and central.initial.kind == Kind.EMPTY
    assert _v(central.balance) == D("0")


@pytest.mark.parametrize("seed", ["002", "003"])
def test_prose_only_documents_are_one_narrative_report(seed: str) -> None:
    rs = reports(seed)
    assert len(rs) == 1 and rs[0].shape == "narrative"


# ---------------------------------------------------------------- seed 001: pdftotext 附表 (regridded by extract)


def test_seed001_annex_table() -> None:
    (r,) = reports("001")
    assert len(r.indicators) == 13
    # line 118: 预算执行率 预算执行率 10 100% 71.85% 7.19
    be = r.budget_execution
    assert be is not None and (_v(be.weight), _v(be.actual), _v(be.score)) == (D("10"), D("71.85"), D("7.19"))
    # lines 120-121 "40" / "产出目标" and 141-143 "效益指标" / "30": level-1 group weights
    assert [(s.label, _v(s.weight)) for s in r.stated_scores] == [("产出目标", D("40")), ("效益指标", D("30"))]
    assert [i.level1 for i in r.indicators] == ["产出目标"] * 9 + ["效益指标"] * 3 + ["满意度指标"]
    assert r.indicators[0].filled == ["level1"] and r.indicators[12].filled == []
    # line 123: 开展门诊规定病种鉴定次数 5 =2 次 2 5 — the actual takes the target's unit
    first = r.indicators[0]
    assert first.comparator == "=" and first.target is not None and first.target.unit == "次"
    assert first.actual is not None and first.actual.value == D("2") and first.actual.unit == "次"
    # line 139: 宣传片制作周期 4 ≤3 个月 1 个月 4
    assert r.indicators[8].comparator == "≤" and _v(r.indicators[8].actual) == D("1")
    # lines 153-155: 总计 100 97.19 / 评价等级 0 优秀
    assert (_v(r.total_weight), _v(r.total_score)) == (D("100"), D("97.19"))
    assert r.total_score is not None and r.total_score.prov is not None and r.total_score.prov.line_start == 153
    assert r.grade is not None and r.grade.text == "优秀"


def test_seed001_long_form_budget_total_line() -> None:
    (r,) = reports("001")
    total = r.budget_lines[0]
    # lines 15-29: 合计 column; 预算安排 (1) 3200000, 资金到位 (3) / 实际支出 (4) 2299203.92, 执行率 71.85
    assert (total.line, total.kind, total.depth) == ("合计", LineKind.TOTAL, 0)
    assert (_v(total.adjusted), _v(total.to_hand), _v(total.executed)) == (
        D("3200000"), D("2299203.92"), D("2299203.92"))
    assert total.rate is not None and total.rate.value == D("71.85") and total.rate.kind == Kind.PERCENT
    assert total.money_unit is None  # the table states no unit
    kinds = [(b.line, b.kind, b.depth) for b in r.budget_lines]
    assert ("单位自筹", LineKind.UNIT, 2) in kinds and ("其他资金小计", LineKind.OTHER, 1) in kinds
