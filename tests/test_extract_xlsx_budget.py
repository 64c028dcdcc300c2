"""Hostile XLSX workbooks (issue 14 items 5-6): cell bombs are refused before cells are
materialized; broken packages give a Chinese reason with a cause class, never a traceback."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from jixiao.errors import UnreadableFile
from jixiao.extract.xlsx import bytes_to_raw
from jixiao.extract.xlsx_budget import MAX_CELLS, range_area

ROOT = Path(__file__).resolve().parent.parent
SHEET = "xl/worksheets/sheet1.xml"


def _small() -> bytes:
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["B2"] = "项目名称", "某项目"
    wb.active["C3"] = 88.0
    wb.active["C3"].number_format = "0.00"  # a styled cell: s="1" refers into styles.xml
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _rewrite(data: bytes, change: dict[str, bytes | None]) -> bytes:
    """The same package with members replaced (bytes) or removed (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = change.get(info.filename, zin.read(info.filename))
            if body is not None:
                zout.writestr(info.filename, body)
    return out.getvalue()


def _sheet(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(SHEET)


def test_range_area() -> None:
    assert range_area("A1:C3") == 9 and range_area("B2") == 1 and range_area("$A$1:$B$2") == 4
    assert range_area("A1:XFD1048576") == 16384 * 1048576
    assert range_area("garbage") == 0


def test_xlsx_cells_at_a1_and_xfd1048576_are_refused_fast() -> None:
    wb = openpyxl.Workbook()
    wb.active["A1"], wb.active["XFD1048576"] = "x", "y"
    buf = io.BytesIO()
    wb.save(buf)
    assert len(buf.getvalue()) < 10_000
    t0 = time.perf_counter()
    with pytest.raises(UnreadableFile, match="超出资源限制") as e:
        bytes_to_raw(buf.getvalue(), "bomb.xlsx")
    assert time.perf_counter() - t0 < 5
    assert "1,048,576 行 × 16,384 列" in e.value.reason


def test_xlsx_one_merge_over_the_whole_sheet_is_refused_before_openpyxl() -> None:
    data = _small()
    sheet = _sheet(data).replace(b"</sheetData>", b'</sheetData><mergeCells count="1">'
                                                  b'<mergeCell ref="A1:XFD1048576"/></mergeCells>')
    t0 = time.perf_counter()
    with pytest.raises(UnreadableFile, match="超出资源限制.*单元格炸弹"):
        bytes_to_raw(_rewrite(data, {SHEET: sheet}), "merge-bomb.xlsx")
    assert time.perf_counter() - t0 < 5


def test_xlsx_many_small_merges_add_up() -> None:
    data = _small()
    n = MAX_CELLS // 1000 + 1
    merges = b"".join(b'<mergeCell ref="A%d:J%d"/>' % (i * 100 + 1, i * 100 + 100) for i in range(n))
    sheet = _sheet(data).replace(b"</sheetData>", b"</sheetData><mergeCells>" + merges + b"</mergeCells>")
    with pytest.raises(UnreadableFile, match="超出资源限制"):
        bytes_to_raw(_rewrite(data, {SHEET: sheet}), "merges.xlsx")


def test_xlsx_without_styles_is_a_clean_chinese_error() -> None:
    with pytest.raises(UnreadableFile) as e:
        bytes_to_raw(_rewrite(_small(), {"xl/styles.xml": None}), "nostyles.xlsx")
    assert "XLSX文件已损坏或无法解析（结构损坏" in e.value.reason


def test_xlsx_truncated_sheet_is_a_clean_chinese_error() -> None:
    data = _small()
    sheet = _sheet(data)
    with pytest.raises(UnreadableFile) as e:
        bytes_to_raw(_rewrite(data, {SHEET: sheet[: len(sheet) // 2]}), "cut.xlsx")
    assert "结构损坏" in e.value.reason
    assert not any(w in e.value.reason for w in ("line", "column", "token", "Error:"))


def test_a_normal_workbook_still_reads() -> None:
    (t,) = bytes_to_raw(_small(), "ok.xlsx").tables()
    assert [c.text for c in t.cells if c.text] == ["项目名称", "某项目", "88.00"]
