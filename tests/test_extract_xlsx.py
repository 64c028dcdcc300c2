"""XLSX loader: merged ranges as spans, numbers shown as Excel shows them, and the same
reports as the seed text (provenance aside)."""

from __future__ import annotations

import io
from decimal import Decimal

import openpyxl
import pytest
from conftest import CORPUS, ROOT
from golden import assert_golden
from test_same_report_all_formats import _reports

from jixiao.errors import UnreadableFile
from jixiao.extract import load
from jixiao.extract.xlsx import bytes_to_raw, number_to_text
from jixiao.pipeline import path_to_document
from jixiao.serialize import canonical_json

CASE = CORPUS / "xlsx-sichuan-004"
REL = "corpus/xlsx-sichuan-004/report.xlsx"


@pytest.mark.parametrize(("value", "fmt", "text"), [
    (67.0, "0.00", "67.00"),          # seed 004 form 1 调整后预算数 "67.00"
    (0.6104, "0.00%", "61.04%"),      # 预算执行率 "61.04%"
    (1.0, "0.00%", "100.00%"),
    (0.0, "0.00%", "0.00%"),
    (10, "General", "10"),
    (10.0, "General", "10"),
    (0.95, "General", "0.95"),        # form 3 帮扶对象满意度 完成值 "0.95"
    (40.9, "General", "40.9"),
    (Decimal("18.02"), "0.00", "18.02"),
    (0.125, "0%", "13%"),             # half up, as Excel shows it
    (1234.5, "#,##0.00", "1234.50"),
])
def test_numbers_read_as_displayed(value, fmt: str, text: str) -> None:
    assert number_to_text(value, fmt) == text


def test_merged_ranges_are_spans_not_copies() -> None:
    raw = load(CASE / "report.xlsx", REL)
    assert raw.format == "xlsx" and len(raw.tables()) == 2
    t = raw.tables()[0]
    assert t.prov.text == "工作表：表1"
    # 产出指标 merged over its four rows; the covered positions hold no cell of their own
    out = next(c for c in t.cells if c.text == "产出指标")
    assert out.row_span == 4
    assert not [c for c in t.cells if c.col == out.col and out.row < c.row < out.row + out.row_span]
    # the title row spans the 11 columns
    title = next(c for c in t.cells if c.text.startswith("部门预算项目支出绩效自评表"))
    assert (title.row, title.col_span) == (0, 11)
    # stored 0.6104 with format 0.00% reads "61.04%"
    assert any(c.text == "61.04%" and c.prov.text == "61.04%" for c in t.cells)


def test_same_reports_as_the_seed_text() -> None:
    """Sheets 1 and 2 hold seed 004 forms 1 and 3; every field but provenance and seq agrees."""
    seed = _reports("corpus/seed-004/report.txt")
    got = _reports(REL)
    assert len(got) == 2
    for mine, theirs in zip(got, (seed[0], seed[2]), strict=True):
        assert {**mine, "seq": 0} == {**theirs, "seq": 0}


def test_report_golden() -> None:
    doc = path_to_document(ROOT / REL, REL, rules=False)
    assert_golden(CASE / "report.gt.json", canonical_json(doc), "xlsx-sichuan-004")


def test_truncated_workbook_is_refused() -> None:
    data = (CASE / "report.xlsx").read_bytes()
    with pytest.raises(UnreadableFile, match="XLSX文件已损坏"):
        bytes_to_raw(data[: len(data) // 2], "half.xlsx")


def test_empty_sheets_give_no_tables() -> None:
    wb = openpyxl.Workbook()
    buf = io.BytesIO()
    wb.save(buf)
    assert bytes_to_raw(buf.getvalue(), "empty.xlsx").blocks == []


def test_provenance_is_the_sheet_position() -> None:
    """A table that starts at B3: grid positions from 0, provenance where Excel shows it."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["B3"], ws["C3"], ws["B4"], ws["C4"] = "调整后预算数", "预算执行数", 88.0, 83.39
    ws["B4"].number_format = "0.00"
    buf = io.BytesIO()
    wb.save(buf)
    (t,) = bytes_to_raw(buf.getvalue(), "b3.xlsx").tables()
    cell = next(c for c in t.cells if c.text == "88.00")
    assert (cell.row, cell.col) == (1, 0)
    assert (cell.prov.row, cell.prov.col) == (3, 1)  # B4
