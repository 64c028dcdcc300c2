"""XLSX workbook for auditors (openpyxl): one sheet per table, bold frozen header,
autofilter, numbers as numbers, findings coloured by severity.

The file is made reproducible: fixed document-property dates and fixed ZIP entry
times, so the same rows give a byte-identical workbook.  Every string is a text
cell (a text starting with ``=`` is never a live formula) and characters XML cannot
hold are replaced (see :mod:`jixiao.export.cellsafe`).
"""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import regex
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from jixiao.export import xlsx_style
from jixiao.export.cellsafe import xml_text
from jixiao.export.schema import TABLES
from jixiao.export.values import Row, finite

#: severity → fill colour of a findings row (Excel's "bad" / "neutral" / a light blue)
SEVERITY_FILL = {"error": "FFC7CE", "warning": "FFEB9C", "info": "DDEBF7"}
MAX_CELL = 32767  # Excel's limit on the characters of one cell
FIXED_DATE = "2000-01-01T00:00:00Z"
_DATES = regex.compile(r"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def _cell_value(v: Any) -> Any:
    if isinstance(v, Decimal):
        return finite(v)
    if isinstance(v, str):
        v = xml_text(v)
        return v if len(v) <= MAX_CELL else v[: MAX_CELL - 1] + "…"
    return v


def _sheet(wb: Workbook, table: str, rows: list[Row]) -> None:
    ws = wb.create_sheet(table)
    cols = [c for c, _ in TABLES[table]]
    xlsx_style.style_sheet(ws, table, rows)  # fitted widths, print setup (export/xlsx_style.py)
    styled = xlsx_style.styled_columns(table)
    ws.freeze_panes = "A2"
    last = get_column_letter(len(cols))
    ws.auto_filter.ref = f"A1:{last}{len(rows) + 1}"
    bold = Font(bold=True)
    header = []
    for c in cols:
        cell = WriteOnlyCell(ws, value=c)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    sev_col = cols.index("severity") if "severity" in cols else None
    fills = {k: PatternFill("solid", start_color=v, end_color=v) for k, v in SEVERITY_FILL.items()}
    for r in rows:
        values = [_cell_value(v) for v in r]
        fill = fills.get(r[sev_col]) if sev_col is not None else None
        cells: list[Any] = []
        for i, v in enumerate(values):
            formula_like = isinstance(v, str) and v.startswith("=")
            if fill is None and not formula_like and (i not in styled or v is None):
                cells.append(v)  # openpyxl types plain values itself: only "=…" would become a formula
                continue
            cell = WriteOnlyCell(ws, value=v)
            if isinstance(v, str):
                cell.data_type = "s"  # text, whatever it starts with: never a formula
            if fill is not None:
                cell.fill = fill
            if i in styled:
                xlsx_style.apply(cell, styled[i])
            cells.append(cell)
        ws.append(cells)


def _reproducible(data: bytes) -> bytes:
    """Rewrite the ZIP with fixed entry times and fixed core-property dates."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _DATES.sub(lambda m: m.group(1) + FIXED_DATE + m.group(3), body.decode()).encode()
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, body)
    return out.getvalue()


def tables_to_xlsx(tables: dict[str, list[Row]], path: Path) -> Path:
    wb = Workbook(write_only=True)
    for name, rows in tables.items():
        _sheet(wb, name, rows)
    xlsx_style.add_dictionary_sheet(wb, WriteOnlyCell)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(_reproducible(buf.getvalue()))
    return path
