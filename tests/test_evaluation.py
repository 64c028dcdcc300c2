"""assemble/evaluation.py: an evaluator's indicator system (决策/过程/产出/效益, 分值, 得分, 小计)
read as indicators with weights and scores; subtotals are stated scores checked against their
children; total and grade from the text.  Values checked by hand against corpus/kind-evaluation-md."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from conftest import CORPUS

from jixiao.model import DocumentKind
from jixiao.pipeline import path_to_document

SRC = CORPUS / "kind-evaluation-md" / "report.md"


def _report(path: Path = SRC, rules: bool = False):
    doc = path_to_document(path, "corpus/kind-evaluation-md/report.md", rules=rules)
    (r,) = doc.reports
    return doc, r


def test_indicators_with_weights_and_scores() -> None:
    _, r = _report()
    assert r.kind == DocumentKind.EVALUATION_REPORT
    assert len(r.indicators) == 14
    first = r.indicators[0]
    assert (first.level1, first.level2, first.name) == ("决策", "项目立项", "立项依据充分性")
    assert (first.weight.value, first.score.value) == (Decimal("5"), Decimal("4.00"))
    # the 预算执行率 row is one of the evaluator's indicators here, not the budget item
    rate = next(i for i in r.indicators if i.name == "预算执行率")
    assert (rate.level1, rate.level2, rate.score.raw) == ("过程", "资金管理", "4.50")
    assert r.budget_execution is None
    assert sum(i.weight.value for i in r.indicators) == 100
    assert sum(i.score.value for i in r.indicators) == Decimal("65.00")
    assert [i.level1 for i in r.indicators].count("产出") == 4


def test_subtotals_are_stated_scores_not_indicators() -> None:
    _, r = _report()
    assert not [i for i in r.indicators if "小计" in i.name or "合计" in i.name]
    got = [(s.label, s.weight.raw, s.score.raw) for s in r.stated_scores]
    assert got == [("决策", "20", "14.00"), ("过程", "20", "16.00"), ("产出", "40", "24.00"), ("效益", "20", "11.00")]
    assert r.stated_scores[0].prov is not None and r.stated_scores[0].prov.row is not None


def test_total_grade_and_budget_sentence() -> None:
    _, r = _report()
    assert r.total_score.value == Decimal("65.00") and r.grade.text == "中"
    (b,) = r.budget_lines
    assert (b.adjusted.raw, b.executed.raw, b.rate.raw) == ("500.00万元", "450.00万元", "90.00%")
    assert "全年预算为500.00万元" in b.executed.prov.text


def test_a_subtotal_that_disagrees_with_its_children_is_found(tmp_path: Path) -> None:
    f = tmp_path / "eval.md"
    f.write_text(SRC.read_text(encoding="utf-8").replace("| 小计 | | | 20 | 14.00 |", "| 小计 | | | 20 | 15.00 |"),
                 encoding="utf-8")
    doc, _ = _report(f, rules=True)
    hits = [x for x in doc.findings if x.rule_id == "SCR005"]
    assert [x.subject for x in hits] == ["stated_scores[0].score"] and "决策得分15" in hits[0].message
    doc, _ = _report(SRC, rules=True)
    assert not [x for x in doc.findings if x.rule_id in ("SCR004", "SCR005", "SCR006")]


def test_a_label_weight_unlike_its_subtotal_is_kept(tmp_path: Path) -> None:
    f = tmp_path / "eval.md"
    f.write_text(SRC.read_text(encoding="utf-8").replace("| 决策（20分） |", "| 决策（25分） |"), encoding="utf-8")
    _, r = _report(f)
    labels = [(s.label, s.weight.raw if s.weight else None) for s in r.stated_scores[:2]]
    assert labels == [("决策(25分)", "25分"), ("决策", "20")]  # working text: width folded


def test_docx_evaluation_with_merged_level1_and_a_criteria_column() -> None:
    f = CORPUS / "kind-evaluation-docx" / "report.docx"
    doc = path_to_document(f, "corpus/kind-evaluation-docx/report.docx", rules=True)
    (r,) = doc.reports
    assert r.kind == DocumentKind.EVALUATION_REPORT
    assert len(r.indicators) == 16
    assert [(i.level1, i.name, i.weight.raw, i.score.raw) for i in r.indicators[:2]] == [
        ("决策", "立项依据充分性", "3", "3"), ("决策", "立项程序规范性", "3", "2.5")]
    assert [i.level2 for i in r.indicators[4:9]] == ["资金管理"] * 3 + ["组织实施"] * 2
    assert [(s.label, s.weight.raw, s.score.raw) for s in r.stated_scores] == [
        ("决策", "15", "12.5"), ("过程", "25", "22"), ("产出", "35", "30"), ("效益", "25", "18")]
    assert r.total_score.value == Decimal("82.5")
    assert r.grade.text == "良"
    (b,) = r.budget_lines
    assert (b.initial.raw, b.adjusted.raw, b.executed.raw, b.rate.raw) == ("800万元", "760万元", "722.00万元", "95.00%")
    assert not [x for x in doc.findings if x.rule_id in ("SCR004", "SCR005", "SCR006", "BUD002")]
    # the 评分标准 column is a known text column (role criteria): not reported as not understood
    assert r.unmapped_columns == [] and not [x for x in doc.findings if x.rule_id == "EXT009"]


def test_total_stated_as_overall_evaluation() -> None:
    from jixiao.assemble.prose import paragraphs_to_report
    from jixiao.extract.text import text_to_raw

    r = paragraphs_to_report(text_to_raw("经综合评价，项目总体评价得65.00分，评价等级为中。", "s.txt").paragraphs())
    assert r.total_score.value == Decimal("65.00") and r.grade.text == "中"


# Rules that do not apply to an evaluator's system (no targets or actuals; 满意度 under 效益 is
# the evaluation framework's own layout): they must stay quiet once rules declare their kinds.
NOT_FOR_EVALUATION = ("SCR010", "SCR011", "SCR012", "SCR013", "SCR014", "SCR015", "IND001", "IND002", "IND004",
                      "IND005", "IND006", "IND007", "IND008", "TXT002")


def test_self_evaluation_rules_leave_evaluation_reports_alone() -> None:
    for f in (SRC, CORPUS / "kind-evaluation-docx" / "report.docx"):
        doc = path_to_document(f, f.name)
        assert not [x.rule_id for x in doc.findings if x.rule_id in NOT_FOR_EVALUATION]


def test_an_evaluation_table_the_form_reader_cannot_see_is_still_read(tmp_path: Path) -> None:
    """No 一级指标 column, level-1 groups as 小计 rows only: the form reader reads nothing, the
    evaluation reader still gets every scored row."""
    f = tmp_path / "e.md"
    f.write_text("# 某项目绩效评价报告\n\n| 评价指标 | 权重 | 评价得分 |\n| --- | --- | --- |\n"
                 "| 立项依据充分性 | 10 | 8 |\n| 资金到位率 | 10 | 10 |\n| 合计 | 20 | 18 |\n", encoding="utf-8")
    doc, r = _report(f)
    assert r.kind == DocumentKind.EVALUATION_REPORT
    assert [(i.name, i.weight.raw, i.score.raw) for i in r.indicators] == [("立项依据充分性", "10", "8"), ("资金到位率", "10", "10")]
    assert (r.total_weight.raw, r.total_score.raw) == ("20", "18")


def test_a_table_cut_by_a_page_break_continues_with_the_open_level1(tmp_path: Path) -> None:
    """The second part has no header and starts inside 过程 (its level-1 cell is blank)."""
    f = tmp_path / "e.md"
    f.write_text("# 某项目绩效评价报告\n\n| 一级指标 | 二级指标 | 三级指标 | 分值 | 得分 |\n| --- | --- | --- | --- | --- |\n"
                 "| 决策（10分） | 项目立项 | 立项依据充分性 | 10 | 8 |\n| 小计 | | | 10 | 8 |\n"
                 "| 过程（20分） | 资金管理 | 资金到位率 | 10 | 10 |\n\n第 3 页\n\n"
                 "| | | 预算执行率 | 10 | 9 |\n| 小计 | | | 20 | 19 |\n| 合计 | | | 30 | 27 |\n\n"
                 "四、其他情况说明：评价组另行核对了以下数据。\n\n| 项目 | 内容 | 备注 | 分值 | 得分 |\n"
                 "| 复核 | 资料 | 无 | 1 | 1 |\n", encoding="utf-8")
    _, r = _report(f)
    got = [(i.level1, i.level2, i.name, i.score.raw) for i in r.indicators]
    assert got == [("决策", "项目立项", "立项依据充分性", "8"), ("过程", "资金管理", "资金到位率", "10"),
                   ("过程", "资金管理", "预算执行率", "9")]
    assert [(s.label, s.weight.raw, s.score.raw) for s in r.stated_scores] == [("决策", "10", "8"), ("过程", "20", "19")]
    assert (r.total_weight.raw, r.total_score.raw) == ("30", "27")


def test_project_name_and_year_from_the_title() -> None:
    _, r = _report()
    assert (r.project_name.text, r.year) == ("某县农村饮水安全巩固提升", 2023)  # Markdown "#" marks dropped
    doc = path_to_document(CORPUS / "kind-evaluation-docx" / "report.docx", "e.docx", rules=False)
    # a long DOCX title is not joined with the sentence after it
    assert (doc.reports[0].project_name.text, doc.reports[0].year) == ("某区义务教育薄弱学校改造", 2022)
