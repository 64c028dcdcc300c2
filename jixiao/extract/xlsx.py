"""XLSX workbooks → :class:`RawDocument` (openpyxl).

Many 自评表 are filled in Excel.  Every worksheet becomes one ``grid`` table of its
used range (table index = sheet order; the sheet name is in the table's
``prov.text``).  A merged range is ONE :class:`RawCell` at its top-left position
with ``row_span``/``col_span``; the positions it covers hold no cell, exactly as the
DOCX loader records ``gridSpan``/``vMerge``.

Cell text is what Excel shows, not the stored float: a number is written with the
decimals of its number format ("0.00" → ``67.00``), a percentage format shows the
percentage (0.6104 with "0.00%" → ``61.04%``), a "General" number its shortest
exact form (10.0 → ``10``).  Values come from the cached results of formulas
(``data_only``): a formula never run by Excel reads as empty.  A cell's provenance
row/column are its 0-based position on the sheet (Excel row ``row + 1``, column
``col + 1``: ``row=7, col=7`` is H8), whatever the used range's first cell.  The package is
checked for zip bombs and XML entity declarations before openpyxl parses it, and
its cells against a budget (:mod:`jixiao.extract.xlsx_budget`); whatever openpyxl
raises on a broken workbook (a missing styles part, a truncated sheet) becomes a
Chinese reason with its cause class.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from decimal import ROUND_HALF_UP, Decimal

import regex

from jixiao.errors import CORRUPT, LIMIT, UnreadableFile, cause_of
from jixiao.extract.docx_safety import check_docx_package
from jixiao.extract.raw import RawDocument, RawTable
from jixiao.extract.sheet_grid import sheet_table
from jixiao.extract.xlsx_budget import check_area, check_workbook_budget

_DECIMALS = regex.compile(r"0\.(0+)")


def number_to_text(value: float | int | Decimal, number_format: str | None) -> str:
    """A numeric cell as Excel displays it (see module docstring)."""
    d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    fmt = (number_format or "General").split(";")[0]
    m = _DECIMALS.search(fmt)
    places = len(m.group(1)) if m else 0
    if "%" in fmt:
        return f"{(d * 100).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)}%"
    if fmt != "General" and regex.search(r"[0#]", fmt):
        return str(d.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    return format(d.normalize(), "f")


def value_to_text(value: object, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float | Decimal):
        return number_to_text(value, number_format)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("_x000D_", "").strip()


def sheet_to_table(ws, index: int, source: str) -> RawTable | None:  # type: ignore[no-untyped-def]
    """One worksheet's used range as a grid table; None for an empty sheet."""
    texts: dict[tuple[int, int], str] = {}
    if ws.max_row and ws.max_column:  # iter_rows creates a cell for every position of the range
        check_area(source, ws.title, ws.max_row - ws.min_row + 1, ws.max_column - ws.min_column + 1)
    for row in ws.iter_rows():
        for c in row:
            t = value_to_text(c.value, c.number_format)
            if t:
                texts[(c.row - 1, c.column - 1)] = t
    # merged ranges as inclusive 0-based (r0, c0, r1, c1); the grid itself is the one every
    # spreadsheet loader shares (jixiao.extract.sheet_grid)
    merges = [(rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1) for rng in ws.merged_cells.ranges]
    return sheet_table(texts, merges, ws.title, index, source)


def _broken(e: BaseException) -> str:
    cause = cause_of(e)
    if cause == LIMIT:
        return f"XLSX文件{LIMIT}（内存或嵌套深度超出上限；错误类型 {type(e).__name__}）"
    # whatever else openpyxl raises (IndexError for a missing styles part …) means the package is malformed
    return f"XLSX文件已损坏或无法解析（{CORRUPT}；错误类型 {type(e).__name__}）"


def bytes_to_raw(data: bytes, source: str) -> RawDocument:
    """Read an XLSX workbook's bytes; :class:`UnreadableFile` for a corrupt or unsafe one."""
    import openpyxl

    check_docx_package(data, source, kind="XLSX")
    check_workbook_budget(data, source)
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except zipfile.LargeZipFile as e:  # pragma: no cover - checked above
        raise UnreadableFile(source, f"XLSX文件过大（{LIMIT}）") from e
    except Exception as e:  # openpyxl's reaction to a hostile workbook is any exception
        raise UnreadableFile(source, _broken(e)) from e
    blocks: list[RawTable] = []
    try:
        for ws in wb.worksheets:
            t = sheet_to_table(ws, len(blocks), source)
            if t is not None:
                blocks.append(t.model_copy(update={"index": len(blocks)}))
    except UnreadableFile:
        raise
    except Exception as e:
        raise UnreadableFile(source, _broken(e)) from e
    finally:
        wb.close()
    return RawDocument(source=source, format="xlsx", sha256=hashlib.sha256(data).hexdigest(),
                       blocks=list(blocks))
