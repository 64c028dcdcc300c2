"""Document kinds on the corpus/kind-* cases (made by tools/make_kinds_corpus.py): each case's
meta.toml states the expected kind, status, reason and number of reports; field values of the
target declarations and the evaluation report are checked by hand against the generator's text."""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import CORPUS, ROOT

from jixiao.model import DocumentKind, Severity
from jixiao.pipeline import path_to_document

CASES = sorted(d.name for d in CORPUS.glob("kind-*") if d.is_dir())


def _file(case: str) -> Path:
    (f,) = [p for p in (CORPUS / case).iterdir() if p.name.startswith("report.")]
    return f


def _meta(case: str) -> dict:
    return tomllib.loads((CORPUS / case / "meta.toml").read_text(encoding="utf-8"))


def _doc(case: str, rules: bool = True):
    f = _file(case)
    return path_to_document(f, f.relative_to(ROOT).as_posix(), rules=rules)


def test_the_kind_corpus_is_there() -> None:
    assert len(CASES) >= 7, "run tools/make_kinds_corpus.py"


@pytest.mark.parametrize("case", CASES)
def test_kind_status_and_reason(case: str) -> None:
    meta = _meta(case)
    doc = _doc(case)
    assert doc.kind == DocumentKind(meta["expect_kind"]), (case, doc.kind_evidence)
    assert doc.status == meta["expect_status"], (case, doc.error)
    assert len(doc.reports) == meta["expect_reports"]
    if meta.get("expect_reason"):
        assert meta["expect_reason"] in (doc.error or ""), doc.error
    else:
        assert doc.error is None
    if "expect_format" in meta:
        assert doc.format == meta["expect_format"]
    assert doc.kind_evidence, "every kind is recorded with its evidence"
    for r in doc.reports:
        assert r.kind == doc.kind and r.kind_evidence


@pytest.mark.parametrize("case", [c for c in CASES if _meta(c)["expect_reports"] == 0])
def test_a_file_without_a_report_has_no_report_finding(case: str) -> None:
    doc = _doc(case)
    assert [f for f in doc.findings if f.severity != Severity.INFO] == []


def test_final_accounts_evidence_names_the_paragraph_and_headers() -> None:
    doc = _doc("kind-final-accounts")
    assert doc.kind_evidence[0] == "标题“某市农业农村局2023年度部门决算”含“部门决算”"
    assert "表头含“决算数”" in doc.kind_evidence
    assert any(e.startswith("第") and "提到绩效自评，但没有自评表" in e for e in doc.kind_evidence)


def test_text_named_docx_is_read_by_content_with_a_note() -> None:
    doc = _doc("kind-text-as-docx")
    assert doc.format == "txt"
    assert [n.text for n in doc.notes] == ["文件扩展名为.docx，但内容是纯文本，已按内容读取（格式：txt）"]
    assert doc.kind_evidence == ["未见可识别的标题", "首段“关于召开2024年度工作会议的通知”"]


def test_text_named_docx_holding_a_report_yields_it(tmp_path: Path) -> None:
    f = tmp_path / "report.docx"
    f.write_bytes((CORPUS / "seed-003" / "report.txt").read_bytes())
    doc = path_to_document(f, "report.docx", rules=False)
    assert (doc.status, doc.format, len(doc.reports)) == ("ok", "txt", 1)
    assert doc.reports[0].kind == DocumentKind.SELF_EVALUATION_REPORT
    assert any("内容是纯文本" in n.text for n in doc.notes)


def test_random_bytes_are_unreadable_under_any_name(tmp_path: Path) -> None:
    data = _file("kind-random-bytes").read_bytes()
    for name in ("a.txt", "b.docx", "c"):
        (tmp_path / name).write_bytes(data)
        doc = path_to_document(tmp_path / name, name)
        assert (doc.status, doc.kind, doc.reports) == ("unreadable", DocumentKind.UNREADABLE, [])
        assert doc.error == "文件内容不是可识别的文本或文档格式"


# ---------------------------------------------------------------- target declarations
def test_target_declaration_reports_one_per_sheet() -> None:
    doc = _doc("kind-target-workbook")
    names = [r.project_name.text for r in doc.reports if r.project_name]
    assert names == ["乡村道路养护项目", "基层文化活动补助项目", "农田灌溉设施维修项目"]
    first = doc.reports[0]
    assert first.kind_evidence[0] == "标题“项目支出绩效目标申报表”含“绩效目标申报表”"
    assert [(i.name, i.target.raw if i.target else None) for i in first.indicators] == [
        ("养护农村公路里程", "≥100公里"), ("养护路段路况优良率", "≥80%"), ("年度养护任务完成时间", "2024年12月底前"),
        ("每公里养护成本", "≤1.2万元"), ("群众出行条件", "有所改善"), ("沿线群众满意度", "≥90%")]
    assert all(i.actual is None and i.score is None for r in doc.reports for i in r.indicators)
    assert first.indicators[0].target is not None and first.indicators[0].target.value == Decimal("100")


def test_target_declaration_is_not_blamed_for_missing_actuals() -> None:
    doc = _doc("kind-target-workbook")
    assert not [f for f in doc.findings if f.severity == Severity.ERROR], [f.message for f in doc.findings]


def test_kinds_in_the_dataset() -> None:
    from jixiao.export import documents_to_frames

    docs = [_doc(c, rules=False) for c in ("kind-final-accounts", "kind-target-workbook")]
    frames = documents_to_frames(docs)
    d = frames["documents"].set_index("source")
    fa = d.loc["corpus/kind-final-accounts/report.docx"]
    assert (fa["kind"], fa["status"], fa["n_reports"]) == ("final_accounts", "not_report", 0)
    assert fa["kind_evidence"].startswith("标题“某市农业农村局2023年度部门决算”含“部门决算”；")
    reps = frames["reports"]
    assert list(reps["kind"]) == ["target_declaration"] * 3
    assert all("绩效目标申报表" in e for e in reps["kind_evidence"])


def test_target_declaration_mid_term_targets() -> None:
    doc = _doc("kind-target-workbook", rules=False)
    got = [[(i.name, i.mid_target.raw if i.mid_target else None, i.target.raw if i.target else None)
            for i in r.indicators] for r in doc.reports]
    assert got[0] == [("养护农村公路里程", "≥300公里", "≥100公里"), ("养护路段路况优良率", "≥85%", "≥80%"),
                      ("年度养护任务完成时间", "2026年12月底前", "2024年12月底前"), ("每公里养护成本", "≤1.2万元", "≤1.2万元"),
                      ("群众出行条件", "明显改善", "有所改善"), ("沿线群众满意度", "≥90%", "≥90%")]
    assert got[2][:2] == [("维修渠道长度", "≥45公里", "≥15公里"), ("维修泵站数量", "≥12座", "≥4座")]
    assert sum(len(r.indicators) for r in doc.reports) == 18


def test_department_form_names_its_department() -> None:
    """A department-level form writes 部门名称 where a project form writes 主管部门 (role department)."""
    (r,) = _doc("kind-department", rules=False).reports
    assert r.kind == DocumentKind.DEPARTMENT_SELF_EVALUATION
    assert r.department is not None and r.department.text == "某县市场监督管理局"
    assert r.department.prov.row == 0 and r.department.prov.col == 1
    assert r.project_name is None


def test_target_declaration_budget_lines_without_an_amount_header() -> None:
    """Each sheet's 项目资金（万元） block (年度资金总额 | 120, 其中：财政拨款 | 100, 其他资金 | 20 in
    sheet 1) gives budget lines with the planned amount as 年初预算数, on their own sheet's rows."""
    doc = _doc("kind-target-workbook", rules=True)
    got = [[(b.line, b.initial.raw if b.initial else None) for b in r.budget_lines] for r in doc.reports]
    assert got == [[("年度资金总额", "120.00"), ("其中:财政拨款", "100.00"), ("其他资金", "20.00")],
                   [("年度资金总额", "45.50"), ("其中:财政拨款", "45.50"), ("其他资金", "0.00")],
                   [("年度资金总额", "300.00"), ("其中:财政拨款", "260.00"), ("其他资金", "40.00")]]
    assert doc.reports[0].budget_lines[0].initial.prov.path.endswith("!C5")
    assert not [f for f in doc.findings if f.rule_id.startswith("BUD")]
