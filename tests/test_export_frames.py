"""documents_to_frames on Documents built from seed 004's first form (see tests/seed004_docs.py)."""

from __future__ import annotations

from decimal import Decimal

from seed004_docs import REASON, error_document, seed004_document

from jixiao.export import TABLES, documents_to_frames
from jixiao.export.frames import document_to_rows


def test_every_table_has_the_contract_columns_in_order() -> None:
    frames = documents_to_frames([seed004_document()])
    assert set(frames) == {"documents", "reports", "budget_lines", "indicators", "stated_scores", "findings"}
    for name, df in frames.items():
        assert list(df.columns) == [c for c, _ in TABLES[name]]
    must = {
        "documents": ["doc_id", "source", "format", "sha256", "status", "error", "n_reports"],
        "reports": ["report_id", "doc_id", "seq", "project_name", "project_code", "department", "implementer",
                    "year", "total_weight", "total_score", "grade"],
        "budget_lines": ["report_id", "seq", "line", "line_kind", "money_unit", "initial", "adjusted", "to_hand",
                         "executed", "balance", "rate_pct", "weight", "score", "reason"],
        "indicators": ["report_id", "seq", "level1", "level2", "name", "comparator", "target_raw", "target_value",
                       "target_unit", "actual_raw", "actual_value", "actual_unit", "target_base_value",
                       "actual_base_value", "base_unit", "weight", "score", "completion_rate_pct", "reason",
                       "source_page", "source_line"],
        "findings": ["report_id", "doc_id", "rule_id", "severity", "subject", "message", "expected", "actual",
                     "source_page", "source_line"],
    }
    for name, cols in must.items():
        assert list(frames[name].columns[: len(cols)]) == cols


def test_seed004_values_survive_exactly() -> None:
    doc = seed004_document()
    f = documents_to_frames([doc])
    rep = f["reports"].iloc[0]
    assert rep["report_id"] == f"{doc.doc_id}-1"
    assert rep["project_code"] == "51081122T000006557674"
    assert rep["department"] == "广元市昭化区医疗保障局部门"
    assert rep["year"] == 2024
    assert rep["total_score"] == Decimal("95") and rep["total_weight"] == Decimal("100")
    total = f["budget_lines"].iloc[0]
    assert (total["line"], total["line_kind"], total["money_unit"]) == ("总额", "total", "万元")
    # 0.00 | 67.00 | 40.90 | 61.04% (seed-004 line 35): exact Decimals, trailing zeros kept
    assert [str(total[c]) for c in ("initial", "adjusted", "executed", "rate_pct")] == ["0.00", "67.00", "40.90", "61.04"]
    assert total["rate_raw"] == "61.04%" and total["reason"] == REASON
    assert list(f["budget_lines"]["depth"]) == [0, 1, 1, 1, 1]
    cost = f["indicators"].set_index("name").loc["医疗保障与服务能力提升资金成本控制数"]
    assert cost["target_raw"] == "67" and cost["actual_raw"] == "40.9万元"
    assert cost["actual_value"] == Decimal("40.9") and cost["actual_unit"] == "万元"
    assert cost["target_base_value"] == Decimal("670000") and cost["actual_base_value"] == Decimal("409000")
    assert cost["base_unit"] == "元" and cost["score"] == Decimal("5") and cost["source_line"] == 197
    point = f["indicators"].set_index("name").loc["建成标准化医保经办服务区级点位"]
    assert point["filled"] == "level1,level2" and point["actual_value"] == Decimal("3")


def test_findings_link_to_their_report_and_first_evidence() -> None:
    doc = seed004_document()
    fin = documents_to_frames([doc])["findings"]
    assert list(fin["rule_id"]) == ["IND002", "BUD003", "DOC001"]
    assert list(fin["severity"]) == ["warning", "error", "info"]
    assert fin.iloc[0]["report_id"] == f"{doc.doc_id}-1" and fin.iloc[0]["source_line"] == 197
    assert fin["report_id"].isna().iloc[2]  # document-level finding
    rep = documents_to_frames([doc])["reports"].iloc[0]
    assert rep["n_findings"] == 2


def test_rows_are_sorted_by_source_whatever_the_input_order() -> None:
    a, b = seed004_document("b/seed.txt"), error_document("a/old.doc")
    f1, f2 = documents_to_frames([a, b]), documents_to_frames([b, a])
    for name in f1:
        assert f1[name].equals(f2[name]), name
    assert list(f1["documents"]["source"]) == ["a/old.doc", "b/seed.txt"]
    assert list(f1["documents"]["status"]) == ["error", "ok"]


def test_error_document_gives_one_documents_row_only() -> None:
    rows = document_to_rows(error_document())
    assert len(rows["documents"]) == 1 and rows["documents"][0][4] == "error"
    assert all(not rows[t] for t in rows if t != "documents")


def test_docs_dataset_md_describes_every_column() -> None:
    """docs/dataset.md lists each table's columns in its own section."""
    import re
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "dataset.md").read_text(encoding="utf-8")
    sections = dict(re.findall(r"^### (\w+) — .*?\n(.*?)(?=^### |^## )", text, flags=re.M | re.S))
    assert set(sections) == set(TABLES)
    for table, cols in TABLES.items():
        listed = set()
        for cell in re.findall(r"^\| ([^|]+) \|", sections[table], flags=re.M):
            listed.update(c.strip() for c in cell.split(","))
        missing = [c for c, _ in cols if c not in listed]
        assert not missing, f"{table}: {missing}"
