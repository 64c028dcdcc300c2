"""Spreadsheets without openpyxl: .xls/.et/.xlsb (calamine.py), .ods (ods.py), the shared grid (sheet_grid.py)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from jixiao.errors import UnreadableFile
from jixiao.extract import load
from jixiao.extract.calamine import bytes_to_raw as calamine_to_raw
from jixiao.extract.ods import bytes_to_raw as ods_to_raw
from jixiao.extract.sheet_grid import a1_ref, col_letters, sheet_table
from jixiao.extract.sniff import sniff_format

ROOT = Path(__file__).resolve().parent.parent
XLSX = ROOT / "corpus/xlsx-sichuan-004/report.xlsx"


def _shape(raw):  # type: ignore[no-untyped-def]
    return [[(c.row, c.col, c.row_span, c.col_span, c.text) for c in t.cells] for t in raw.tables()]


@pytest.mark.parametrize("case", ["fmt-xls-sichuan-004/report.xls", "fmt-ods-sichuan-004/report.ods"])
def test_same_grid_as_the_xlsx(case: str) -> None:
    """LibreOffice's .xls/.ods of the XLSX: same cells, spans and displayed numbers."""
    got, want = load(ROOT / "corpus" / case), load(XLSX)
    assert _shape(got) == _shape(want)
    texts = {c.text for t in got.tables() for c in t.cells}
    assert {"67.00", "61.04%", "0.00%", "10"} <= texts


def test_sheet_names_and_a1_references() -> None:
    raw = load(ROOT / "corpus/fmt-xls-sichuan-004/report.xls")
    assert [t.prov.text for t in raw.tables()] == ["工作表：表1", "工作表：表3"]
    c = next(c for c in raw.tables()[0].cells if c.text == "61.04%")
    assert c.prov.path == a1_ref("表1", c.prov.row or 0, c.prov.col or 0)
    assert c.prov.path is not None and c.prov.path.startswith("'表1'!")


def test_a1_letters() -> None:
    assert [col_letters(i) for i in (0, 7, 25, 26, 701, 702)] == ["A", "H", "Z", "AA", "ZZ", "AAA"]
    assert a1_ref("It's", 7, 7) == "'It''s'!H8"


def test_sheet_table_spans_and_used_range() -> None:
    t = sheet_table({(2, 1): "项目名称", (2, 2): "甲", (3, 1): "乙"}, [(2, 2, 2, 4)], "S", 0, "x")
    assert t is not None and (t.n_rows, t.n_cols) == (2, 4)
    assert [(c.row, c.col, c.row_span, c.col_span, c.text) for c in t.cells if c.text] == [
        (0, 0, 1, 1, "项目名称"), (0, 1, 1, 3, "甲"), (1, 0, 1, 1, "乙")]
    assert sheet_table({}, [], "S", 0, "x") is None


def test_sniffed_from_bytes() -> None:
    assert sniff_format((ROOT / "corpus/fmt-xls-sichuan-004/report.xls").read_bytes(), "a.et") == "xls"
    assert sniff_format((ROOT / "corpus/fmt-ods-sichuan-004/report.ods").read_bytes()) == "ods"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.bin", b"\x00")
    assert sniff_format(buf.getvalue()) == "xlsb"


def test_corrupt_workbooks_give_a_chinese_reason() -> None:
    data = (ROOT / "corpus/fmt-xls-sichuan-004/report.xls").read_bytes()
    with pytest.raises(UnreadableFile) as ei:
        calamine_to_raw(data[:1000], "bad.xls")
    assert "工作簿" in ei.value.reason
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(UnreadableFile) as ei:
        ods_to_raw(buf.getvalue(), "bad.ods")
    assert "content.xml" in ei.value.reason


def test_ods_with_a_dtd_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    with pytest.raises(UnreadableFile) as ei:
        ods_to_raw(buf.getvalue(), "dtd.ods")
    assert "DTD" in ei.value.reason


def test_ods_repeated_rows_are_capped() -> None:
    table = ('<table:table table:name="S"><table:table-row table:number-rows-repeated="1048000">'
             '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
             '<table:table-row><table:table-cell><text:p>项目名称</text:p></table:table-cell>'
             '<table:table-cell table:number-columns-spanned="2"><text:p>甲<text:s text:c="2"/>乙</text:p>'
             '</table:table-cell><table:covered-table-cell/></table:table-row></table:table>')
    content = ('<?xml version="1.0"?><office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
               f'<office:body><office:spreadsheet>{table}</office:spreadsheet></office:body></office:document-content>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    (t,) = ods_to_raw(buf.getvalue(), "r.ods").tables()
    assert [(c.row, c.col, c.col_span, c.text) for c in t.cells] == [(0, 0, 1, "项目名称"), (0, 1, 2, "甲  乙")]
    assert t.cells[0].prov.row == 1048000 and t.cells[0].prov.path == "'S'!A1048001"
