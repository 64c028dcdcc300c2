"""Prose understanding: synthetic variants the seeds lack, quiet cases, vocabulary checks."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from jixiao.assemble.prose import paragraphs_to_report
from jixiao.assemble.prose_text import fold, paragraphs_to_paras
from jixiao.assemble.prose_vocab import BudgetVocab, GradeVocab, load_vocab
from jixiao.extract.text import text_to_raw
from jixiao.model import Report


def rep(text: str) -> Report:
    return paragraphs_to_report(text_to_raw(text, "synthetic.txt").paragraphs())


# --- budget ------------------------------------------------------------------------------


def test_money_in_yuan() -> None:
    r = rep("本项目预算资金950000元，实际支出资金855000.50元，预算执行率为90%。\n")
    [b] = r.budget_lines
    assert b.money_unit == "元"
    assert b.initial.value == Decimal("950000") and b.initial.unit == "元"
    assert b.executed.value == Decimal("855000.50")
    assert b.rate.value == Decimal("90")


def test_mixed_money_units_keep_each_unit() -> None:
    r = rep("年初预算数为95万元，实际支出为855000元。\n")
    [b] = r.budget_lines
    assert b.money_unit == "万元"
    assert (b.initial.value, b.initial.unit, b.initial.base_value) == (Decimal("95"), "万元", Decimal("950000"))
    assert (b.executed.value, b.executed.unit) == (Decimal("855000"), "元")


def test_same_figure_twice_kept_once_with_first_provenance() -> None:
    r = rep("项目预算金额为400万元。\n\n该项目预算金额为400万元，实际支出224.94万元。\n")
    [b] = r.budget_lines
    assert b.initial.prov.line_start == 1
    assert b.executed.prov.line_start == 3


def test_conflicting_figures_both_visible() -> None:
    r = rep("项目预算金额为400万元。\n\n项目预算金额为380万元，实际支出224.94万元。\n")
    assert len(r.budget_lines) == 2
    first, second = r.budget_lines
    assert first.initial.value == Decimal("400") and first.executed.value == Decimal("224.94")
    assert second.seq == 1 and second.initial.value == Decimal("380") and second.initial.prov.line_start == 3


def test_figure_without_role_words_is_ignored() -> None:
    # "能结算的费用 224.94万元" and "救助金额支出2836.73万元" name no budget role
    r = rep("我局已将能结算的费用 224.94万元全额拨付完毕。救助金额支出2836.73万元。\n")
    assert r.budget_lines == []


def test_to_hand_rate_is_not_an_execution_rate() -> None:
    r = rep("预算资金400万元，实际到位资金400万元，资金到位率100%。\n")
    [b] = r.budget_lines
    assert b.rate is None and b.to_hand.value == Decimal("400")


# --- scores and grade --------------------------------------------------------------------


def test_grade_liang_hao_and_score_with_decimals() -> None:
    r = rep("经综合评价，本项目自评得分为89.5分，评定等级为良好。\n")
    assert r.total_score.value == Decimal("89.5")
    assert r.grade.text == "良好"


def test_grade_yi_deng() -> None:
    assert rep("总分95分，评定等级为一等。\n").grade.text == "一等"


def test_grade_band_definition_is_not_a_grade() -> None:
    r = rep("共计100分，评定等级标准为优≧90分、80≦良＜90分，60≦中＜80分、差＜60分。\n")
    assert r.grade is None
    assert r.total_score is None and r.total_weight.value == Decimal("100")
    assert r.stated_scores == []


def test_weak_intro_needs_a_two_character_grade() -> None:
    assert rep("在自评中，发现问题，及时纠正偏差。\n").grade is None
    assert rep("本次绩效评分为 100 分，自评优秀。\n").grade.text == "优秀"


def test_zero_score_and_conflicting_totals() -> None:
    r = rep("年初预算执行率10分，数量指标20分。\n\n年初预算执行率未得分，数量指标得18分，共计得89分。总得分90分。\n")
    got = [(x.label, x.weight and x.weight.value, x.score and x.score.value) for x in r.stated_scores]
    assert got == [
        ("年初预算执行率", Decimal("10"), Decimal("0")),
        ("数量指标", Decimal("20"), Decimal("18")),
        ("总得分", None, Decimal("90")),  # the conflicting restated total stays visible
    ]
    assert r.stated_scores[0].score.raw == "未得分"
    assert r.total_score.value == Decimal("89")


def test_budget_item_weight_and_score_go_on_the_budget_line() -> None:
    r = rep("预算执行率10分，实际得分9.5分。预算金额100万元，实际支出95万元，预算执行率为95%。\n")
    [b] = r.budget_lines
    assert (b.weight.value, b.score.value) == (Decimal("10"), Decimal("9.5"))
    assert [(x.label, x.weight.value, x.score.value) for x in r.stated_scores] == [
        ("预算执行率", Decimal("10"), Decimal("9.5"))
    ]


# --- header and year ---------------------------------------------------------------------


def test_title_year_and_name_not_citation_year() -> None:
    r = rep("2021年度某县农村公路养护项目绩效自评报告\n一、基本情况\n根据(赣府厅发[2022]31号)文件设立本项目。\n")
    assert r.year == 2021
    assert r.project_name.text == "某县农村公路养护"


def test_citation_year_alone_gives_no_year() -> None:
    r = rep("项目绩效自评报告\n一、基本情况\n根据(赣府厅发[2022]31号)文件，2022年设立本项目。\n")
    assert r.year is None and r.project_name is None


def test_year_before_project_name_in_body() -> None:
    r = rep("项目名称：农村公路养护经费\n填报日期：2024 年 7 月 11 日\n2023 年度农村公路养护经费财政拨款 20 万元。\n")
    assert r.year == 2023


def test_header_fields_full_and_half_width() -> None:
    r = rep("项目名称:农村公路养护经费\n主管部门：（公章）某县交通运输局\n项目实施单位：某县公路事务中心\n")
    assert r.project_name.text == "农村公路养护经费"
    assert r.department.text == "某县交通运输局"
    assert r.implementer.text == "某县公路事务中心"


def test_form_title_is_not_a_project_name() -> None:
    r = rep("部门预算项目支出绩效自评表（2024年度）\n")
    assert r.project_name is None and r.year == 2024


# --- sentences split over paragraphs (pdftotext) ----------------------------------------


def test_sentence_broken_over_two_paragraphs() -> None:
    text = (
        "综合考虑投入、产出、效果等各方面因素，通过数据采集及分析，最终评分结果：本项目绩效自评价结果为:总得\n"
        "\n"
        "分 97.19分，属于\"优秀\"。\n"
    )
    r = rep(text)
    assert r.total_score.value == Decimal("97.19")
    assert (r.total_score.prov.line_start, r.total_score.prov.line_end) == (1, 3)
    assert r.grade.text == "优秀"


def test_numbered_indicator_line_is_never_joined() -> None:
    paras = paragraphs_to_paras(
        text_to_raw("（1）开展打击欺诈骗保维护基金安全集中宣传活动 ≥ 1 次\n我局结合基金宣传月活动，印制海报。\n", "s").paragraphs()
    )
    assert len(paras) == 2


# --- indicators --------------------------------------------------------------------------


IND_TEXT = """（三）产出分析
1. 数量指标
（1）培训基层人员不少于300人次
全年共培训 320 人次，覆盖全部乡镇。
（2）发放宣传册 ≥ 2000 份
共发放宣传册 1500 份，另有海报 300 份。
2. 其他说明
（1）本段不是指标 ≥ 1 次
（四）满意度分析
1. 服务对象满意度指标：群众满意度 ≥ 90%
问卷调查满意度为 95%。
"""


def test_indicators_word_comparator_units_and_levels() -> None:
    r = rep(IND_TEXT)
    got = [(i.level1, i.level2, i.name, i.comparator, i.target.raw) for i in r.indicators]
    assert got == [
        ("产出指标", "数量指标", "培训基层人员", "≥", "不少于300人次"),
        ("产出指标", "数量指标", "发放宣传册", "≥", "≥ 2000 份"),
        # "2. 其他说明" (a sibling of "1. 数量指标") ends the 数量指标 group
        ("产出指标", None, "本段不是指标", "≥", "≥ 1 次"),
        ("满意度指标", "服务对象满意度指标", "群众满意度", "≥", "≥ 90%"),
    ]
    assert r.indicators[0].target.value == Decimal("300")
    # one number in 人次 after the item: "全年共培训 320 人次"
    assert r.indicators[0].actual.value == Decimal("320") and r.indicators[0].actual.prov.line_start == 4


def test_actual_needs_exactly_one_number_in_the_unit() -> None:
    r = rep(IND_TEXT)
    # two numbers in 份 (1500, 300) → ambiguous → None
    assert r.indicators[1].actual is None
    # one number in %: 95
    assert r.indicators[3].actual.value == Decimal("95")


def test_unit_continuation_is_not_the_same_unit() -> None:
    r = rep("（三）产出分析\n1. 数量指标\n（1）培训人员 ≥ 300 人\n全年培训 450 人次。\n")
    [ind] = r.indicators
    assert ind.unit == "人" and ind.actual is None


def test_indicators_outside_level1_sections_are_ignored() -> None:
    r = rep("（二）过程分析\n（1）召开会议 ≥ 2 次\n共召开 3 次。\n")
    assert r.indicators == []


def test_appendix_is_not_read() -> None:
    r = rep("二、自评结论\n本项目运行良好。\n附表 1.自评价评分附件表\n总计 100 97.19\n评价等级 0 优秀\n共计得89分\n")
    assert r.total_score is None and r.grade is None
    assert r.conclusion.text == "本项目运行良好。"


# --- vocabulary --------------------------------------------------------------------------


def test_vocab_loads_and_validates() -> None:
    v = load_vocab()
    assert {s.kind for s in v.sections.section} == {"goal", "completion", "conclusion", "problems", "measures"}
    with pytest.raises(ValidationError):
        BudgetVocab(line_label="x", money_role=[{"role": "bogus", "words": ["预算"]}], rate_role=[])
    with pytest.raises(ValidationError):
        GradeVocab(intros=["为"], weak_intros=["自评"], words=["优"], strong_words=["优秀"], quotes="")
    with pytest.raises(ValidationError):
        BudgetVocab(line_label="x", money_role=[{"role": "initial", "words": [""]}], rate_role=[])


def test_fold_keeps_length() -> None:
    s = "项目名称：（公章）１２３％"
    assert len(fold(s)) == len(s) and fold(s) == "项目名称:(公章)123%"


# --- robustness --------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("预算金额为实际支出执行率到位资金万元分得共计评定等级优良中差指标数量一二三（）()：:，,。；、≥≤=——%0123456789. \n")
)


@given(st.text(_ALPHABET, max_size=200))
def test_never_raises(text: str) -> None:
    r = rep(text)
    assert r.shape == "narrative"


def test_suffix_comparator_and_word_comparator_from_normalize_vocab() -> None:
    r = rep("（四）满意度分析\n（1）群众满意度90%以上\n（2）投诉处理时间3个月以内\n")
    got = [(i.name, i.comparator, i.target.value, i.unit) for i in r.indicators]
    assert got == [("群众满意度", "≥", Decimal("90"), "%"), ("投诉处理时间", "≤", Decimal("3"), "个月")]


def test_grade_followed_by_level_word_and_more_total_wordings() -> None:
    assert rep("本项目属于优秀等级。\n").grade.text == "优秀"
    r = rep("本项目得分95分，评价结果为优。\n")
    assert (r.total_score.value, r.grade.text) == (Decimal("95"), "优")
    assert rep("综合评分为92.5分。\n").total_score.value == Decimal("92.5")


def test_unnumbered_inline_section_labels() -> None:
    r = rep("一、基本情况\n项目绩效目标：完成道路养护100公里。\n补充说明本年度目标。\n（二）实施情况\n"
            "存在问题：资金到位较晚。\n改进措施：提前申请资金。\n")
    assert r.goal.text == "完成道路养护100公里。\n补充说明本年度目标。"
    assert (r.goal.prov.line_start, r.goal.prov.line_end) == (2, 3)
    assert r.problems.text == "资金到位较晚。" and r.problems.prov.line_start == 5
    assert r.measures.text == "提前申请资金。" and r.measures.prov.line_start == 6


def test_inline_label_that_names_no_section_is_body_text() -> None:
    r = rep("三、存在的问题\n资金到位率：预算资金400万元，实际到位资金400万元。\n原因：系统无法结算。\n四、其他\n")
    assert r.problems.text.count("\n") == 1 and r.problems.text.endswith("原因:系统无法结算。")


def test_title_with_year_on_its_own_line() -> None:
    r = rep("某县道路养护项目支出绩效自评报告\n（2023年度）\n一、基本情况\n")
    assert r.year == 2023
    assert r.project_name.text == "某县道路养护"
    assert (r.project_name.prov.line_start, r.project_name.prov.line_end) == (1, 2)


def test_loader_paragraph_number_and_page_kept() -> None:
    from jixiao.extract.raw import RawParagraph
    from jixiao.model import Provenance

    paras = [
        RawParagraph(index=5, text="总得分 97.19分，属于\"优秀\"。",
                     prov=Provenance(source="a.pdf", page=3, paragraph=12, text="总得分 97.19分，属于\"优秀\"。"))
    ]
    r = paragraphs_to_report(paras)
    assert (r.total_score.prov.page, r.total_score.prov.paragraph) == (3, 12)
    assert r.total_score.prov.source == "a.pdf"


def test_item_line_with_stated_results() -> None:
    r = rep("（三）产出分析\n1.数量指标：培训人数≥300人，实际完成320人，完成率106.67%，得分10分。\n"
            "（2）发放宣传册 ≥ 2000 份，实际完成1500份。\n（3）资金拨付准确率 =100%，实际 100%，权重5分，得分为5分。\n"
            "（4）资金拨付，实际完成很好。\n")
    got = [(i.name, i.target.raw, i.actual.raw, i.completion_rate and i.completion_rate.value,
            i.weight and i.weight.value, i.score and i.score.value) for i in r.indicators]
    assert got == [
        ("培训人数", "≥300人", "320人", Decimal("106.67"), None, Decimal("10")),
        ("发放宣传册", "≥ 2000 份", "1500份", None, None, None),
        ("资金拨付准确率", "=100%", "100%", None, Decimal("5"), Decimal("5")),
    ]
    assert r.indicators[0].level2 == "数量指标" and r.indicators[0].actual.prov.line_start == 2


def test_year_field_and_trailing_stamp() -> None:
    r = rep("项目名称：农村公路养护经费\n所属年度：2023年\n主管部门：某县交通运输局（盖章）\n")
    assert r.year == 2023
    assert r.department.text == "某县交通运输局"
    assert rep("项目名称：农村公路养护经费\n年度：2022\n").year == 2022


def test_a_level1_name_as_section_heading_opens_its_indicators() -> None:
    """"（一）产出指标" is the level-1 section (it ends in 指标 like a level-2 label, but it is a
    level-1 name); its "1.数量指标：…" items are read, with their actuals."""
    r = rep("二、绩效目标完成情况\n（一）产出指标\n1.数量指标：养护农村公路里程≥500公里，实际完成520公里。\n"
            "2.质量指标：路面优良率≥80%，实际完成82%。\n（二）满意度指标\n"
            "1.服务对象满意度指标：沿线群众满意度≥90%，实际完成93%。\n")
    assert [(i.level1, i.level2, i.name, i.target.raw, i.actual.raw if i.actual else None) for i in r.indicators] == [
        ("产出指标", "数量指标", "养护农村公路里程", "≥500公里", "520公里"),
        ("产出指标", "质量指标", "路面优良率", "≥80%", "82%"),
        ("满意度指标", "服务对象满意度指标", "沿线群众满意度", "≥90%", "93%")]


def test_a_target_without_comparator_is_read_when_its_result_follows() -> None:
    """"养护任务完成及时率100%，实际完成100%": no comparator, but the clause after it states the result,
    so the number is the target (comparator not stated). A bare "name + number" line with no
    stated result stays a sentence, not an indicator."""
    r = rep("（三）产出分析\n1.时效指标：养护任务完成及时率100%，实际完成100%。\n"
            "（2）完成维修改造校舍12350平方米，两所学校工期延至9月底。\n"
            "（3）路面修补面积2000平方米，完成率95%。\n")
    got = [(i.level2, i.name, i.comparator, i.target.raw, i.actual.raw if i.actual else None,
            i.completion_rate.value if i.completion_rate else None) for i in r.indicators]
    assert got == [("时效指标", "养护任务完成及时率", None, "100%", "100%", None),
                   ("时效指标", "路面修补面积", None, "2000平方米", None, Decimal("95"))]
    assert r.indicators[0].target.value == Decimal("100")
