"""A cell budget for XLSX workbooks, checked *before* openpyxl materializes cells.

An 8 KB workbook can declare a cell at A1 and another at XFD1048576, or one
merged range over the whole sheet: openpyxl then creates a cell object for every
position (1.7e10 of them) and the reader runs out of memory.  The zip-bomb checks
(:mod:`jixiao.extract.docx_safety`) bound the bytes, not the cells they describe.

:func:`check_workbook_budget` streams every worksheet part once, counting cell
elements and the area of merged ranges; :func:`check_area` bounds a sheet's used
range before it is walked.  Over the budget → :class:`UnreadableFile` with cause
class 超出资源限制.  A real 自评表 has a few hundred cells; the 10,000-row indicator
table of the stress benchmark has about 100,000.
"""

from __future__ import annotations

import io
import zipfile

import regex

from jixiao.errors import LIMIT, UnreadableFile
from jixiao.extract.docx_safety import ZIP_ERRORS

#: cells (stored, merged-over or in a walked used range) one workbook may have
MAX_CELLS = 500_000
_CHUNK = 1 << 20
_CARRY = 1 << 16
_CELL = regex.compile(rb"<(?:[A-Za-z_][\w.-]*:)?c[\s/>]")
_MERGE = regex.compile(rb"<(?:[A-Za-z_][\w.-]*:)?mergeCell\b[^>]*?\bref\s*=\s*[\"']([^\"']{1,64})[\"']")
_REF = regex.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")


def col_number(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def range_area(ref: str) -> int:
    """Cells covered by an A1-style range (``A1:C3`` → 9); 1 for one cell, 0 if unreadable."""
    parts = ref.split(":")
    if len(parts) > 2:
        return 0
    ends = []
    for part in parts:
        m = _REF.fullmatch(part.strip())
        if m is None:
            return 0
        ends.append((col_number(m.group(1)), int(m.group(2))))
    (c0, r0), (c1, r1) = ends[0], ends[-1]
    return (abs(c1 - c0) + 1) * (abs(r1 - r0) + 1)


def _too_big(source: str, what: str, n: int) -> UnreadableFile:
    return UnreadableFile(source, f"XLSX文件{LIMIT}：{what}共 {n:,} 个单元格，超过上限 {MAX_CELLS:,}，"
                                  "疑似单元格炸弹，已拒绝读取")


def check_workbook_budget(data: bytes, source: str) -> None:
    """Count cells and merged areas of every worksheet part (streamed)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS:
        return  # the package check reports it
    cells = merged = 0
    with z:
        for info in z.infolist():
            name = info.filename.lower()
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            try:
                with z.open(info) as fh:
                    carry = b""
                    while chunk := fh.read(_CHUNK):
                        buf = carry + chunk
                        cut = buf.rfind(b"<")
                        if cut < 0 or len(buf) - cut > _CARRY:
                            cut = len(buf)
                        body, carry = buf[:cut], buf[cut:]
                        cells += len(_CELL.findall(body))
                        merged += sum(range_area(m.decode("ascii", "replace")) for m in _MERGE.findall(body))
                        if cells + merged > MAX_CELLS:
                            raise _too_big(source, "工作表中的单元格与合并区域", cells + merged)
                    cells += len(_CELL.findall(carry))
                    merged += sum(range_area(m.decode("ascii", "replace")) for m in _MERGE.findall(carry))
            except ZIP_ERRORS:
                return  # a damaged part: the package check or the parser reports it
    if cells + merged > MAX_CELLS:
        raise _too_big(source, "工作表中的单元格与合并区域", cells + merged)


def check_area(source: str, sheet: str, rows: int, cols: int) -> None:
    """A sheet's used range (rows × cols) must fit the budget before it is walked."""
    if rows * cols > MAX_CELLS:
        raise _too_big(source, f"工作表“{sheet}”的使用范围（{rows:,} 行 × {cols:,} 列）", rows * cols)
