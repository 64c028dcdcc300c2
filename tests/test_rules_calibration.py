"""Calibrated findings: severity follows what the figures prove, extraction doubt caps a finding
at a warning, one fault gives one finding, rules run only on the report kinds they declare, and
the runner stays linear in the number of indicators."""

from __future__ import annotations

import time
from decimal import Decimal

from rule_cases_loader import load

from jixiao.assemble import raw_to_reports
from jixiao.extract.text import text_to_raw
from jixiao.model import Document, DocumentKind, Indicator, Kind, Provenance, Quantity, Severity, TextItem
from jixiao.normalize.lexicon import LEXICON
from jixiao.rules import REGISTRY, run_rules
from jixiao.rules.doubt import field_in_doubt
from jixiao.rules.merge import merge_findings

C = load()

# seed 004 form 2's 数量指标 row as a pipe table with an extra, unknown column and the 完成值 left blank
UNMAPPED = """部门预算项目支出绩效自评表（2024年度）
| 项目名称 | 51081123T000008563468-基金监管工作经费 |
| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 考核方式 | 权重 | 得分 |
|---|---|---|---|---|---|---|---|---|---|
| 产出指标 | 数量指标 | 开展全区定点医药机构检查次数 | ≥ | 50 | 次 |  | 现场核查 | 20 | 20 |
"""


def _doc(*reports: object, notes: list[TextItem] | None = None) -> Document:
    return Document(doc_id="t", source="t.md", format="txt", sha256="0", reports=list(reports), notes=notes or [])


def test_finding_on_a_table_with_an_unmapped_column_is_a_doubtful_warning() -> None:
    (report,) = raw_to_reports(text_to_raw(UNMAPPED, "t.md", lexicon=LEXICON))
    assert [c.text for c in report.unmapped_columns] == ["考核方式"]
    assert field_in_doubt(report, "indicators[0].actual") is not None
    [f] = run_rules(_doc(report), select=["SCR015"])
    assert REGISTRY["SCR015"].severity == Severity.ERROR
    assert f.severity == Severity.WARNING and f.extraction_doubt
    assert f.message.startswith("开展全区定点医药机构检查次数未填写完成值，却得20分（可能为提取问题：")
    assert "考核方式" in f.message
    [ext] = run_rules(_doc(report), select=["EXT009"])  # the extraction finding itself is not "in doubt"
    assert not ext.extraction_doubt and ext.severity == Severity.WARNING


def test_same_table_without_unmapped_columns_is_a_plain_error() -> None:
    text = UNMAPPED.replace("| 考核方式 ", "").replace("| 现场核查 ", "")
    (report,) = raw_to_reports(text_to_raw(text, "t.md", lexicon=LEXICON))
    assert field_in_doubt(report, "indicators[0].actual") is None
    [f] = run_rules(_doc(report), select=["SCR015"])
    assert f.severity == Severity.ERROR and not f.extraction_doubt


def test_a_row_repaired_by_the_loader_casts_doubt_on_its_cells() -> None:
    # BASE (seed 004 form 4) with a blank 完成值 in row 3 of table 0, which the loader reports as joined
    cell = Provenance(source="t.md", table=0, row=3, col=9, text="20")
    inds = list(C.BASE.indicators)
    inds[0] = inds[0].model_copy(update={"actual": Quantity(raw="", kind=Kind.EMPTY),
                                         "score": inds[0].score.model_copy(update={"prov": cell})})
    rep = C.BASE.model_copy(update={"indicators": inds})
    note = TextItem(text="第4行被分页截断，已与第2页的续行合并", prov=Provenance(source="t.md", table=0, row=3))
    [plain] = [f for f in run_rules(_doc(rep), select=["SCR015"])]
    assert plain.severity == Severity.ERROR
    [f] = [f for f in run_rules(_doc(rep, notes=[note]), select=["SCR015"])]
    assert f.extraction_doubt and f.severity == Severity.WARNING and "分页截断" in f.message


def test_precision_info_versus_proven_error() -> None:
    line = C.FORM5_LINE  # 总额 88.00 88.00 83.39 94.77%
    shown = run_rules(C.doc_of(C.BASE.model_copy(update={"budget_lines": [line]})), select=["BUD002"])
    assert [f.severity for f in shown] == [Severity.INFO]
    assert "无法从显示的数字确认" in shown[0].message
    wrong = line.model_copy(update={"rate": C.q("95.77%")})
    proven = run_rules(C.doc_of(C.BASE.model_copy(update={"budget_lines": [wrong]})), select=["BUD002"])
    assert [f.severity for f in proven] == [Severity.ERROR]
    assert "无法从显示的数字确认" not in proven[0].message


def test_one_fault_on_total_and_qizhong_rows_is_one_finding() -> None:
    total = C.FORM5_LINE.model_copy(update={"rate": C.q("95.77%")})
    part = total.model_copy(update={"seq": 1, "line": "其中：财政资金", "kind": "fiscal", "depth": 1})
    [f] = run_rules(C.doc_of(C.BASE.model_copy(update={"budget_lines": [total, part]})), select=["BUD002"])
    assert f.subject == "budget_lines[0].rate"
    assert f.message.endswith("（同样见于：预算执行率（其中：财政资金行））")


def test_rule_pairs_merge_with_related() -> None:
    from jixiao.model import Finding

    a = Finding(rule_id="SCR003", severity=Severity.ERROR, title="t", message="m1", report_seq=0,
                expected="90", actual="100", evidence=[Provenance(source="x", row=1)])
    b = Finding(rule_id="SCR004", severity=Severity.ERROR, title="t", message="m2", report_seq=0,
                expected="100", actual="90", evidence=[Provenance(source="x", row=2)])
    other = b.model_copy(update={"report_seq": 1})
    out = merge_findings([a, b, other], [("SCR003", "SCR004", "same_gap")])
    assert [(f.rule_id, f.report_seq, f.related, len(f.evidence)) for f in out] == [
        ("SCR003", 0, ["SCR004"], 2), ("SCR004", 1, [], 1)]  # another report's SCR004 stays
    two_faults = b.model_copy(update={"expected": "95"})  # a gap of 5, not the same arithmetic
    assert [f.rule_id for f in merge_findings([a, two_faults], [("SCR003", "SCR004", "same_gap")])] == [
        "SCR003", "SCR004"]


def test_unscored_budget_item_absorbs_only_the_gap_it_explains() -> None:
    from jixiao.model import Finding

    bud = Finding(rule_id="BUD008", severity=Severity.ERROR, title="t", message="m", report_seq=0,
                  expected="0–10", actual="（空）")
    explained = Finding(rule_id="SCR006", severity=Severity.ERROR, title="t", message="总分95", report_seq=0,
                        expected="85", actual="95")
    beyond = explained.model_copy(update={"expected": "84"})  # 11 points: an indicator score is off too
    pair = [("BUD008", "SCR006", "gap_within")]
    assert [(f.rule_id, f.related) for f in merge_findings([bud, explained], pair)] == [("BUD008", ["SCR006"])]
    assert [f.rule_id for f in merge_findings([bud, beyond], pair)] == ["BUD008", "SCR006"]
    # BUD008 in doubt (capped at a warning), SCR006 certain: the merged fault is certain, an error
    doubtful = bud.model_copy(update={"severity": Severity.WARNING, "extraction_doubt": True})
    [merged] = merge_findings([doubtful, explained], pair)
    assert (merged.severity, merged.extraction_doubt, merged.related) == (Severity.ERROR, False, ["SCR006"])
    both = merge_findings([doubtful, explained.model_copy(update={"severity": Severity.WARNING,
                                                                  "extraction_doubt": True})], pair)
    assert [(f.severity, f.extraction_doubt) for f in both] == [(Severity.WARNING, True)]


def test_target_declaration_is_not_blamed_for_blank_results() -> None:
    blank = [ind.model_copy(update={"actual": None, "score": None}) for ind in C.BASE.indicators]
    rep = C.BASE.model_copy(update={"indicators": blank})
    assert [f.rule_id for f in run_rules(C.doc_of(rep), select=["TXT002"])] == ["TXT002"]
    decl = rep.model_copy(update={"kind": DocumentKind.TARGET_DECLARATION})
    assert not [f for f in run_rules(C.doc_of(decl)) if "完成值和得分均未填写" in f.message]
    assert REGISTRY["EXT009"].applies_to(DocumentKind.TARGET_DECLARATION)
    assert not REGISTRY["TXT002"].applies_to(DocumentKind.TARGET_DECLARATION)


def test_ten_thousand_indicators_check_in_seconds() -> None:
    base = C.BASE.indicators[0]
    inds: list[Indicator] = []
    for k in range(10_000):
        p = Provenance(source="big.txt", table=0, row=k + 5, col=7, text="")
        inds.append(base.model_copy(update={"seq": k, "name": f"指标{k}", "prov": p, "actual": None,
                                            "score": Quantity(raw="1", value=Decimal(1), kind=Kind.NUMBER,
                                                              prov=p.model_copy(update={"col": 9}))}))
    rep = C.BASE.model_copy(update={"indicators": inds})
    t0 = time.perf_counter()
    findings = run_rules(C.doc_of(rep))
    assert time.perf_counter() - t0 < 10
    assert sum(f.rule_id == "SCR015" for f in findings) == 10_000


def test_pdf_row_joined_across_a_page_break_is_in_doubt() -> None:
    """corpus/pdf-long-split: the PDF reader joins row 18 (监管工作经费（成本控制额）) cut by the page
    break and says so ("表1：第18行被分页截断…", numbered from 1); findings on that row are in doubt."""
    from conftest import CORPUS, ROOT

    from jixiao.pipeline import path_to_document
    from jixiao.rules.doubt import repaired_rows

    f = CORPUS / "pdf-long-split" / "report.pdf"
    doc = path_to_document(f, str(f.relative_to(ROOT)))
    assert [(p.table, p.row) for _, p in repaired_rows(doc)] == [(0, 17)]
    [scr] = [x for x in doc.findings if x.rule_id == "SCR013"]
    assert scr.extraction_doubt and "可能为提取问题" in scr.message and scr.severity == Severity.WARNING
    assert not [x for x in doc.findings if x.extraction_doubt and x.severity == Severity.ERROR]
    assert not [x for x in doc.findings if x.extraction_doubt and all(p.row != 17 for p in x.evidence)]
    # a sum over every row is not made doubtful by one joined row: weights 100 + budget 10 stay an error
    [weights] = [x for x in doc.findings if x.rule_id == "SCR003"]
    assert weights.severity == Severity.ERROR and not weights.extraction_doubt


def test_column_doubts_of_the_labelled_table_stage_are_read() -> None:
    """A column whose content contradicted its header (Report.column_doubts, recorded by the
    labelled-table stage) puts every value of that table in doubt."""
    cell = Provenance(source="t.md", table=0, row=3, col=9, text="20")
    inds = list(C.BASE.indicators)
    inds[0] = inds[0].model_copy(update={"actual": Quantity(raw="", kind=Kind.EMPTY),
                                         "score": inds[0].score.model_copy(update={"prov": cell})})
    rep = C.BASE.model_copy(update={"indicators": inds, "column_doubts": [
        TextItem(text="得分", prov=Provenance(source="t.md", table=0, row=1, col=9))]})
    assert field_in_doubt(rep, "indicators[0].score") is not None
    [f] = run_rules(_doc(rep), select=["SCR015"])
    assert f.extraction_doubt and f.severity == Severity.WARNING
