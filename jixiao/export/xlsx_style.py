"""How the auditors' workbook looks: fitted column widths, wrapped long text, number formats,
print setup (landscape, fit to page width, header row repeated, the table's Chinese title in
the page header) and a 数据字典 sheet with the Chinese title of every column.

:mod:`jixiao.export.xlsx` writes the cells; it asks this module how to style them.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from jixiao.export.dictionary import dictionary_rows, table_title
from jixiao.export.schema import TABLES

DICTIONARY_SHEET = "数据字典"
#: text columns wrapped (and given a fixed, wide column) instead of widened to their longest value
WRAPPED = frozenset({"message", "reason", "goal", "completion", "conclusion", "problems", "measures", "error",
                     "evidence_json", "evidence_text", "evidence_location", "project_name", "name"})
WRAP_WIDTH = {"message": 60, "evidence_json": 60}
MIN_WIDTH, MAX_WIDTH, WRAPPED_WIDTH = 6, 40, 40
SAMPLE = 500  # rows looked at to fit a width
NUMBER = "0.00"
PERCENT = '0.00"%"'  # the columns hold percentage numbers (61.04 for 61.04 %), shown with a % sign
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")


def display_width(text: str) -> int:
    """Columns of a text on screen: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _text(v: Any) -> str:
    if v is None:
        return ""
    return format(v, "f") if hasattr(v, "as_tuple") else str(v)


def number_format(table: str, column: str) -> str | None:
    typ = dict(TABLES[table])[column]
    if typ != "dec":
        return None
    return PERCENT if column.endswith("_pct") else NUMBER


def column_width(table: str, column: str, values: list[Any]) -> float:
    """Width (Excel characters) fitted to the header and the first :data:`SAMPLE` values."""
    if column in WRAPPED:
        return WRAP_WIDTH.get(column, WRAPPED_WIDTH)
    longest = max([display_width(column)] + [display_width(_text(v)) for v in values[:SAMPLE]])
    return float(min(max(longest + 2, MIN_WIDTH), MAX_WIDTH))


def style_sheet(ws: Any, table: str, rows: list[tuple[Any, ...]]) -> None:
    """Widths, print setup and page header of one table's sheet (before rows are appended)."""
    for i, (c, _) in enumerate(TABLES[table]):
        ws.column_dimensions[get_column_letter(i + 1)].width = column_width(table, c, [r[i] for r in rows])
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = "1:1"
    ws.oddHeader.center.text = f"{table_title(table)}（{table}）"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def cell_style(table: str, column: str) -> tuple[str | None, Alignment | None]:
    """(number format, alignment) of a value cell of ``column``; (None, None) when plain."""
    fmt = number_format(table, column)
    if column in WRAPPED:
        return fmt, _WRAP
    return fmt, (_TOP if fmt else None)


def styled_columns(table: str) -> dict[int, tuple[str | None, Alignment | None]]:
    """Index → style of the columns whose cells need one."""
    out = {}
    for i, (c, _) in enumerate(TABLES[table]):
        st = cell_style(table, c)
        if st != (None, None):
            out[i] = st
    return out


def apply(cell: Any, style: tuple[str | None, Alignment | None]) -> Any:
    fmt, align = style
    if fmt:
        cell.number_format = fmt
    if align is not None:
        cell.alignment = align
    return cell


def add_dictionary_sheet(wb: Any, cell_factory: Any) -> None:
    """The 数据字典 sheet: table, 表名, column, 中文列名, 类型 — one row per column."""
    ws = wb.create_sheet(DICTIONARY_SHEET)
    head = ("table", "表名", "column", "中文列名", "类型")
    widths = (16, 12, 22, 28, 10)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:E{len(dictionary_rows()) + 1}"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.oddHeader.center.text = "数据字典"
    bold = Font(bold=True)
    ws.append([apply_font(cell_factory(ws, h), bold) for h in head])
    for row in dictionary_rows():
        ws.append(list(row))


def apply_font(cell: Any, font: Font) -> Any:
    cell.font = font
    return cell
