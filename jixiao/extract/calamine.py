"""Legacy and binary workbooks (.xls, .et, .xlsb) → :class:`RawDocument`, read with python-calamine.

No LibreOffice is needed: python-calamine (Rust ``calamine``) reads BIFF8 ``.xls``
(also WPS ``.et``, an OLE workbook of the same shape) and ``.xlsb`` directly, with
the cached values of formulas and, for ``.xls``, the merged ranges.  Every
non-empty worksheet becomes one ``grid`` table (:mod:`.sheet_grid`), in sheet order.

calamine does not expose number formats, so for ``.xls`` the format of each cell
is read with xlrd (``formatting_info``) and numbers are shown as Excel shows them,
with the XLSX loader's :func:`jixiao.extract.xlsx.value_to_text` (0.6104 with
"0.00%" → ``61.04%``, 67 with "0.00" → ``67.00``).  Without a format (``.xlsb``, or
when xlrd cannot read the file) a number is its shortest exact form.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io

from jixiao.errors import UnreadableFile
from jixiao.extract.raw import RawDocument, RawTable
from jixiao.extract.sheet_grid import sheet_table
from jixiao.extract.xlsx import value_to_text

__all__ = ["bytes_to_raw"]

MAX_CELLS = 2_000_000


def _xls_formats(data: bytes) -> dict[str, dict[tuple[int, int], str]]:
    """Number format string of every cell of an .xls, by sheet name (empty when unknown)."""
    try:
        import xlrd
    except ImportError:  # pragma: no cover - xlrd is a dependency
        return {}
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=True)
    except Exception:  # noqa: BLE001 - any xlrd failure only loses the display formats
        return {}
    out: dict[str, dict[tuple[int, int], str]] = {}
    try:
        for name in book.sheet_names():
            sh = book.sheet_by_name(name)
            fm: dict[tuple[int, int], str] = {}
            for r in range(min(sh.nrows, 20000)):
                for c in range(min(sh.ncols, 500)):
                    if sh.cell_type(r, c) != xlrd.XL_CELL_NUMBER:
                        continue
                    xf = book.xf_list[sh.cell_xf_index(r, c)]
                    f = book.format_map.get(xf.format_key)
                    if f is not None:
                        fm[(r, c)] = f.format_str
            out[name] = fm
    except Exception:  # noqa: BLE001
        return out
    finally:
        book.release_resources()
    return out


def _text(value: object, fmt: str | None) -> str:
    if isinstance(value, float) and fmt is None and value == int(value) and abs(value) < 1e15:
        value = int(value)
    if isinstance(value, dt.timedelta):
        return str(value)
    return value_to_text(value, fmt)


def bytes_to_raw(data: bytes, source: str, fmt: str = "xls") -> RawDocument:
    """Read an .xls/.et/.xlsb workbook's bytes; :class:`UnreadableFile` when calamine cannot."""
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - calamine raises its own error types and ValueError
        raise UnreadableFile(source, f"工作簿（{fmt}）已损坏、加密或无法解析：{e}") from e
    formats = _xls_formats(data) if fmt == "xls" else {}
    blocks: list[RawTable] = []
    budget = MAX_CELLS
    try:
        for name in wb.sheet_names:
            try:
                sh = wb.get_sheet_by_name(name)
                rows = sh.to_python(skip_empty_area=False)
            except Exception as e:  # noqa: BLE001
                raise UnreadableFile(source, f"工作表“{name}”无法读取：{e}") from e
            fm = formats.get(name, {})
            texts: dict[tuple[int, int], str] = {}
            for r, row in enumerate(rows):
                budget -= len(row)
                if budget < 0:
                    raise UnreadableFile(source, f"工作簿过大（超过 {MAX_CELLS} 个单元格）")
                for c, v in enumerate(row):
                    if v is None or v == "":
                        continue
                    texts[(r, c)] = _text(v, fm.get((r, c)))
            merges = [(a[0], a[1], b[0], b[1]) for a, b in (sh.merged_cell_ranges or [])]
            t = sheet_table(texts, merges, name, len(blocks), source)
            if t is not None:
                blocks.append(t.model_copy(update={"index": len(blocks)}))
    finally:
        wb.close()
    return RawDocument(source=source, format=fmt, sha256=hashlib.sha256(data).hexdigest(), blocks=list(blocks))
