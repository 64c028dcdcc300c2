"""Prose understanding: narrative reports → Report fields (seed values quoted from the source)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.assemble.prose import paragraphs_to_report
from jixiao.extract.text import text_to_raw
from jixiao.model import LineKind, Report
from tests.conftest import CORPUS


def seed_report(n: str) -> Report:
    path = CORPUS / f"seed-{n}" / "report.txt"
    source = f"corpus/seed-{n}/report.txt"
    raw = text_to_raw(path.read_text("utf-8"), source)
    return paragraphs_to_report(raw.paragraphs(), seq=0)


def text_report(text: str) -> Report:
    return paragraphs_to_report(text_to_raw(text, "synthetic.txt").paragraphs())


@pytest.fixture(scope="module")
def r002() -> Report:
    return seed_report("002")


@pytest.fixture(scope="module")
def r003() -> Report:
    return seed_report("003")


def by_label(report: Report) -> dict:
    return {s.label: s for s in report.stated_scores}


# --- seed 002 --------------------------------------------------------------------------


def test_seed002_shape_title_year(r002: Report) -> None:
    assert r002.shape == "narrative"
    # "2022年度区医保局城乡医疗救助" / "项目部门评价报告" (lines 1, 3)
    assert r002.year == 2022
    assert r002.project_name is not None
    assert r002.project_name.text == "区医保局城乡医疗救助"
    assert r002.project_name.prov.line_start == 1 and r002.project_name.prov.line_end == 3


def test_seed002_budget_figures(r002: Report) -> None:
    # line 6: "2022年本项目预算金额为400万元，实际支出金额为224.94万元，预算执行率为56.23%"
    # line 23: "预算资金400万元，实际到位资金400万元，资金到位率100%"
    assert len(r002.budget_lines) == 1
    b = r002.budget_lines[0]
    assert b.kind == LineKind.TOTAL and b.depth == 0 and b.money_unit == "万元"
    assert b.initial.value == Decimal("400") and b.initial.prov.line_start == 6
    assert b.executed.value == Decimal("224.94") and b.executed.prov.line_start == 6
    assert b.rate.value == Decimal("56.23") and b.rate.unit == "%" and b.rate.prov.line_start == 6
    assert "预算执行率为56.23%" in b.rate.prov.text
    assert b.to_hand.value == Decimal("400") and b.to_hand.prov.line_start == 23
    assert b.adjusted is None
    # "年初预算执行率10分" (line 13) … "年初预算执行率未得分" (line 18)
    assert b.weight.value == Decimal("10")
    assert b.score.value == Decimal("0") and b.score.raw == "未得分"


def test_seed002_weights_and_scores(r002: Report) -> None:
    s = by_label(r002)
    # line 13 weights, line 18 scores
    expected = {
        "年初预算执行率": ("10", "0"),
        "产出指标": ("65", None),
        "数量指标": ("20", "20"),
        "质量指标": ("20", "20"),
        "时效指标": ("20", "20"),
        "成本指标": ("5", "4"),
        "效益指标": ("15", None),
        "社会效益指标": ("15", "15"),
        "满意度指标": ("10", None),
        "政策知晓率指标": ("10", "10"),
    }
    assert set(s) == set(expected)
    for label, (w, sc) in expected.items():
        assert s[label].weight.value == Decimal(w), label
        assert s[label].weight.prov.line_start == 13
        if sc is None:
            assert s[label].score is None
        else:
            assert s[label].score.value == Decimal(sc), label
            assert s[label].score.prov.line_start == 18


def test_seed002_total_and_grade(r002: Report) -> None:
    # "共计100分" (line 13), "共计得89分，评定等级标准为良" (line 18)
    assert r002.total_weight.value == Decimal("100") and r002.total_weight.prov.line_start == 13
    assert r002.total_score.value == Decimal("89") and r002.total_score.prov.line_start == 18
    assert r002.grade.text == "良" and r002.grade.prov.line_start == 18


def test_seed002_sections(r002: Report) -> None:
    assert r002.goal.text == "保障我区医疗救助人员在规定范围内全额及时报销到位。"
    assert r002.goal.prov.line_start == 7
    assert r002.conclusion.text.startswith("此次绩效自评年初预算执行率未得分")
    assert r002.conclusion.prov.line_start == 18
    assert r002.problems.prov.line_start == 38 and r002.problems.prov.line_end == 42
    assert r002.problems.text.startswith("1.年初预算编制不准确")
    assert r002.measures.prov.line_start == 45 and r002.measures.prov.line_end == 49
    assert r002.measures.text.endswith("提高自评工作质量。")
    assert r002.completion is None
    assert r002.indicators == []


# --- seed 003 --------------------------------------------------------------------------


def test_seed003_header(r003: Report) -> None:
    assert r003.project_name.text == "城乡居民医疗保险工作经费"
    assert r003.project_name.prov.line_start == 5
    # "县级项目主管部门：（公章）丰顺县医疗保障局": the stamp is dropped
    assert r003.department.text == "丰顺县医疗保障局"
    assert r003.department.prov.line_start == 6
    assert "（公章）" in r003.department.prov.text
    # "2023 年度城乡居民医疗保险工作经费财政拨款 20 万元" (line 37), not the filing date 2024
    assert r003.year == 2023


def test_seed003_budget_conflicting_figures_kept(r003: Report) -> None:
    # line 17: "财政预算拨款经费 70 万元，财政实际拨款经费 20 万元"
    # line 43: "下达我局城乡居民医疗保险工作经费 20 万元，实际支出 20 万元，资金支出率为 100%"
    [b] = r003.budget_lines
    assert b.money_unit == "万元"
    assert (b.initial.value, b.initial.prov.line_start) == (Decimal("70"), 17)
    assert (b.to_hand.value, b.to_hand.prov.line_start) == (Decimal("20"), 17)
    assert (b.adjusted.value, b.adjusted.prov.line_start) == (Decimal("20"), 43)
    assert (b.executed.value, b.executed.prov.line_start) == (Decimal("20"), 43)
    assert (b.rate.value, b.rate.unit, b.rate.prov.line_start) == (Decimal("100"), "%", 43)


def test_seed003_total_and_grade(r003: Report) -> None:
    # line 29: "本次绩效评分为 100 分，自评优秀。"
    assert r003.total_score.value == Decimal("100") and r003.total_score.prov.line_start == 29
    assert r003.total_weight is None
    assert r003.grade.text == "优秀" and r003.grade.prov.line_start == 29


def test_seed003_sentence_indicators(r003: Report) -> None:
    got = [(i.level1, i.level2, i.name, i.comparator, i.target and i.target.raw) for i in r003.indicators]
    assert got == [
        ("产出指标", "数量指标", "开展打击欺诈骗保维护基金安全集中宣传活动", "≥", "≥ 1 次"),
        ("产出指标", "数量指标", "召开医保工作会议或培训", "≥", "≥ 2 次"),
        ("产出指标", "质量指标", "城乡居民医保政策宣传", "≥", "≥ 2 次"),
        ("效益指标", None, "群众政策知晓度", "定性", "普遍了解"),
        ("效益指标", "可持续影响指标", "对健全社会救助体系的影响", None, None),
        ("效益指标", "服务对象满意度指标", "参保对象满意度", None, None),
    ]
    assert [i.prov.line_start for i in r003.indicators] == [55, 59, 63, 69, 73, 77]
    assert all(i.origin == "prose" for i in r003.indicators)
    assert [i.seq for i in r003.indicators] == list(range(6))
    first = r003.indicators[0]
    assert first.target.value == Decimal("1") and first.target.unit == "次" and first.unit == "次"


def test_seed003_actual_linked_only_when_unambiguous(r003: Report) -> None:
    # line 61: "2023 年，组织经办人员参加 9 次医保政策和业务培训。" → actual of "≥ 2 次"
    meeting = r003.indicators[1]
    assert meeting.actual.value == Decimal("9") and meeting.actual.unit == "次"
    assert meeting.actual.prov.line_start == 61 and "参加 9 次" in meeting.actual.prov.text
    # line 57 states "200 份、手册 3600 份" — not in 次: no actual for "≥ 1 次"
    assert r003.indicators[0].actual is None
    assert r003.indicators[2].actual is None


def test_seed003_sections(r003: Report) -> None:
    assert r003.goal.text.startswith("实现参保政策、宣传全覆盖") and r003.goal.prov.line_start == 25
    assert r003.conclusion.prov.line_start == 29 and "自评优秀" in r003.conclusion.text
    assert r003.problems.text.startswith("项目资金下拨不及时") and r003.problems.prov.line_start == 83
    assert r003.measures.prov.line_start == 87 and r003.measures.prov.line_end == 91
    assert r003.measures.text.count("\n") == 2


# --- prose parts of the form seeds ----------------------------------------------------


def test_seed000_prose_total_and_grade() -> None:
    r = seed_report("000")
    # "最终评分结果：医疗保险基金补助项目绩效自评价结果为:总得分99.51分，属于"优秀"。"
    assert r.total_score.value == Decimal("99.51")
    assert r.grade.text == "优秀"
    assert r.total_score.prov.line_start == r.grade.prov.line_start
    assert "总得分99.51分" in r.total_score.prov.text
    # goal: "（2）. 项目年度目标" preferred over "（三）项目绩效目标"
    assert r.goal.text.startswith("县级配套资金根据省、市、县各级文件精神")
    # text is full-width folded ("，" → ","); prov.text keeps the source verbatim
    assert r.problems.text == "需持续提升群众满意度,持续减轻补助人口看病负担。"
    assert r.problems.prov.text == "需持续提升群众满意度，持续减轻补助人口看病负担。"
    assert r.measures.text.startswith("积极探索尝试服务新模式")
    assert r.budget_lines == [] and r.indicators == [] and r.year is None


def test_seed001_prose_total_and_grade() -> None:
    r = seed_report("001")
    # "…自评价结果为:总得分 97.19分，属于"优秀"。" (a sentence broken over lines 83/85)
    assert r.total_score.value == Decimal("97.19")
    assert r.total_score.prov.line_end == 85
    assert r.grade.text == "优秀"
    # the appended table ("评价等级 0 优秀", "总计 100 97.19") is not read as prose
    assert r.total_weight is None and r.stated_scores == [] and r.budget_lines == []
    assert r.goal.text.startswith("将符合门诊规定病种")
    assert r.goal.prov.line_start == 56 and r.goal.prov.line_end == 71


def test_seed001_verbatim_sentence_from_joined_lines() -> None:
    r = seed_report("001")
    # the loader joined the wrapped lines; prov.text is still the source wording (full-width
    # punctuation as in the file), not the folded paragraph text
    assert "总得分 97.19分，属于\"优秀\"" in r.total_score.prov.text
    assert "医疗保障专项业务经费项目绩效自评价结果为:总得分" in r.total_score.prov.text


def test_project_name_from_the_result_sentence() -> None:
    """Seeds 000 and 001 have no 项目名称 field and no title: the name stands before
    "项目绩效自评价结果" in the result sentence (000 line 117, 001 lines 83–85)."""
    r0 = seed_report("000")
    assert r0.project_name is not None and r0.project_name.text == "医疗保险基金补助"
    assert r0.project_name.prov is not None and r0.project_name.prov.line_start == 117
    r1 = seed_report("001")
    assert r1.project_name is not None and r1.project_name.text == "医疗保障专项业务经费"


def test_project_name_field_wins_over_the_result_sentence() -> None:
    r = text_report("项目名称：道路养护经费\n最终评分结果：某某项目绩效自评价结果为:总得分90分。")
    assert r.project_name is not None and r.project_name.text == "道路养护经费"


def test_no_result_sentence_no_name() -> None:
    r = text_report("一、基本情况\n本项目绩效自评结果良好，资金使用合规。")
    assert r.project_name is None
