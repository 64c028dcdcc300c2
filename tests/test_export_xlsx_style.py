"""The auditors' workbook: fitted widths, wrapped messages, number formats, print fit to width,
Chinese titles (page header and the 数据字典 sheet)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from seed004_docs import error_document, seed004_document

from jixiao.export import TableRows, write_dataset
from jixiao.export.schema import TABLES
from jixiao.export.xlsx_style import DICTIONARY_SHEET, display_width


def _book(tmp_path: Path) -> openpyxl.Workbook:
    rows = TableRows()
    for d in (seed004_document(), error_document()):
        rows.add(d)
    write_dataset(rows.tables(), tmp_path, ("xlsx",))
    return openpyxl.load_workbook(tmp_path / "dataset.xlsx")


def _col(ws, name: str) -> int:  # type: ignore[no-untyped-def]
    return [c.value for c in ws[1]].index(name) + 1


def test_number_formats_wrap_widths_and_print(tmp_path: Path) -> None:
    wb = _book(tmp_path)
    bl = wb["budget_lines"]
    assert bl.cell(row=2, column=_col(bl, "adjusted")).number_format == "0.00"
    rate = bl.cell(row=2, column=_col(bl, "rate_pct"))
    assert rate.number_format == '0.00"%"' and rate.value == 61.04
    fin = wb["findings"]
    msg = fin.cell(row=2, column=_col(fin, "message"))
    assert msg.alignment.wrap_text
    letter = openpyxl.utils.get_column_letter(_col(fin, "rule_id"))
    assert 6 <= fin.column_dimensions[letter].width <= 12  # fitted to "BUD008", not a fixed 12 for all
    src = openpyxl.utils.get_column_letter(_col(fin, "source"))
    assert fin.column_dimensions[src].width > fin.column_dimensions[letter].width
    for ws in wb.worksheets:
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert wb["findings"].oddHeader.center.text.startswith("审核发现")
    assert wb["findings"].print_title_rows == "$1:$1"


def test_data_dictionary_sheet(tmp_path: Path) -> None:
    ws = _book(tmp_path)[DICTIONARY_SHEET]
    rows = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=2)]
    assert len(rows) == sum(len(c) for c in TABLES.values())
    assert ("findings", "审核发现", "extraction_doubt", "可能为提取问题(1是/0否)", "整数") in rows


def test_display_width_counts_cjk_twice() -> None:
    assert display_width("BUD002") == 6 and display_width("预算执行率") == 10
