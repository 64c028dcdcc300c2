"""Findings carry their evidence into the dataset: every cited place as JSON, the first flat,
numbered from 1; Chinese subject; doubt and related; the data dictionary; money units."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from rule_cases_loader import load

from jixiao.export import TableRows, write_dataset
from jixiao.export.dictionary import DOC_PATH, dictionary_markdown, dictionary_rows, titles
from jixiao.export.evidence import evidence_item
from jixiao.export.schema import TABLES, columns
from jixiao.model import Document, Finding, Provenance, Severity

C = load()


def _finding_rows(doc: Document) -> list[dict[str, object]]:
    rows = TableRows()
    rows.add(doc)
    return [dict(zip(columns("findings"), r, strict=True)) for r in rows.tables()["findings"]]


def test_xlsx_cell_is_named_as_excel_does() -> None:
    item = evidence_item(Provenance(source="a.xlsx", table=0, row=7, col=7, text="10"))
    assert (item["sheet"], item["cell"], item["table"], item["row"], item["column"]) == ("工作表1", "H8", 1, 8, 8)
    assert item["location"] == "工作表1!H8"


def test_findings_rows_hold_all_evidence_and_the_first_flat() -> None:
    f = Finding(rule_id="BUD002", severity=Severity.INFO, title="t", message="m", report_seq=0,
                subject="budget_lines[0].rate", related=["SCR004"], extraction_doubt=True,
                evidence=[Provenance(source="r.pdf", page=9, table=4, row=6, col=7, text="94.77%"),
                          Provenance(source="r.pdf", page=9, table=4, row=6, col=6, text="83.39")])
    rep = C.BASE.model_copy(update={"seq": 0, "budget_lines": [C.FORM5_LINE]})
    doc = Document(doc_id="d", source="r.pdf", format="pdf", sha256="0", reports=[rep], findings=[f])
    [row] = _finding_rows(doc)
    assert row["subject_zh"] == "预算执行率（总额行）" and row["subject"] == "budget_lines[0].rate"
    assert (row["extraction_doubt"], row["related"], row["n_evidence"]) == (1, "SCR004", 2)
    assert (row["evidence_page"], row["evidence_table"], row["evidence_row"], row["evidence_column"]) == (9, 5, 7, 8)
    assert row["evidence_location"] == "第9页 表5 第7行第8列" and row["evidence_text"] == "94.77%"
    items = json.loads(str(row["evidence_json"]))
    assert [i["text"] for i in items] == ["94.77%", "83.39"] and items[1]["column"] == 7


def test_data_dictionary_covers_every_column_and_doc_is_current() -> None:
    assert {t for t, *_ in dictionary_rows()} == set(TABLES)
    assert len(dictionary_rows()) == sum(len(c) for c in TABLES.values())
    assert titles()["findings"]["extraction_doubt"].startswith("可能为提取问题")
    assert DOC_PATH.read_text(encoding="utf-8") == dictionary_markdown(), "run: python -m jixiao.export.dictionary"


@pytest.mark.parametrize(("unit", "factor"), [("亿元", Decimal(10000)), ("千元", Decimal("0.1")), ("元", Decimal("0.0001"))])
def test_budget_view_converts_yi_and_qian_yuan(tmp_path: Path, unit: str, factor: Decimal) -> None:
    line = C.FORM5_LINE.model_copy(update={"money_unit": unit})
    odd = C.FORM5_LINE.model_copy(update={"money_unit": "美元"})
    a = C.BASE.model_copy(update={"seq": 0, "budget_lines": [line]})
    b = C.BASE.model_copy(update={"seq": 1, "budget_lines": [odd], "project_code": None})
    rows = TableRows()
    rows.add(Document(doc_id="d", source="d.txt", format="txt", sha256="0", reports=[a, b]))
    write_dataset(rows.tables(), tmp_path, ("duckdb",))
    con = duckdb.connect(str(tmp_path / "dataset.duckdb"), read_only=True)
    try:
        n, unknown, adj, exe = con.execute("SELECT n_reports, n_unit_unknown, adjusted_wan, executed_wan "
                                           "FROM budget_execution").fetchone()
    finally:
        con.close()
    assert (n, unknown) == (2, 1)
    assert Decimal(str(adj)) == Decimal("88.00") * factor and Decimal(str(exe)) == Decimal("83.39") * factor
