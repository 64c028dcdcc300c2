"""OpenDocument spreadsheets (.ods) → :class:`RawDocument`, from the package's ``content.xml``.

An ODS cell stores, beside its value, the text the application *shows*
(``<text:p>``: "61.04%", "67.00"), so that text is read as it is — numbers look
exactly as in LibreOffice/WPS, with no format to re-apply.  Merged ranges are
``table:number-columns-spanned``/``number-rows-spanned`` on the top-left cell
(the covered positions are ``table:covered-table-cell``); repeated rows/columns
(``number-*-repeated``) are expanded, capped so a sheet of a million empty rows
stays small.  python-calamine reads ODS values but not its merged ranges, hence
this reader.  The package is checked for zip bombs and DTDs first.
"""

from __future__ import annotations

import hashlib
import io
import zipfile

from lxml import etree

from jixiao.errors import UnreadableFile
from jixiao.extract.docx_safety import ZIP_ERRORS, check_docx_package
from jixiao.extract.raw import RawDocument, RawTable
from jixiao.extract.sheet_grid import sheet_table

__all__ = ["bytes_to_raw"]

_NS = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
       "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0"}
_T = "{" + _NS["table"] + "}"
_X = "{" + _NS["text"] + "}"
MAX_REPEAT = 200  # repeated empty rows/columns beyond this are not expanded
MAX_CELLS = 2_000_000


def _para_text(p: etree._Element) -> str:
    out: list[str] = [p.text or ""]
    for ch in p:
        tag = ch.tag if isinstance(ch.tag, str) else ""
        if tag == _X + "s":
            out.append(" " * min(int(ch.get(_X + "c", "1") or 1), 100))
        elif tag == _X + "tab":
            out.append("\t")
        elif tag == _X + "line-break":
            out.append("\n")
        elif tag:
            out.append(_para_text(ch))
        out.append(ch.tail or "")
    return "".join(out)


def _cell_text(cell: etree._Element) -> str:
    return "\n".join(_para_text(p) for p in cell.iter(_X + "p"))


def _int(el: etree._Element, name: str) -> int:
    try:
        return max(1, int(el.get(_T + name, "1")))
    except ValueError:
        return 1


def _sheet(tbl: etree._Element) -> tuple[dict[tuple[int, int], str], list[tuple[int, int, int, int]]]:
    texts: dict[tuple[int, int], str] = {}
    merges: list[tuple[int, int, int, int]] = []
    r = 0
    budget = MAX_CELLS
    for row in tbl.iter(_T + "table-row"):
        if row.getparent() is not None and row.getparent().tag not in (_T + "table", _T + "table-rows",
                                                                      _T + "table-header-rows", _T + "table-row-group"):
            continue
        rep = _int(row, "number-rows-repeated")
        cells: list[tuple[int, str, int, int]] = []
        c = 0
        for cell in row:
            if cell.tag not in (_T + "table-cell", _T + "covered-table-cell"):
                continue
            crep = _int(cell, "number-columns-repeated")
            text = _cell_text(cell) if cell.tag == _T + "table-cell" else ""
            if text.strip() or cell.get(_T + "number-columns-spanned") or cell.get(_T + "number-rows-spanned"):
                for k in range(min(crep, MAX_REPEAT)):
                    cells.append((c + k, text, _int(cell, "number-rows-spanned"), _int(cell, "number-columns-spanned")))
            c += crep
        if cells:
            for k in range(min(rep, MAX_REPEAT)):
                budget -= len(cells)
                if budget < 0:
                    raise ValueError(f"超过 {MAX_CELLS} 个单元格")
                for col, text, rs, cs in cells:
                    if text.strip():
                        texts[(r + k, col)] = text.strip()
                    if rs > 1 or cs > 1:
                        merges.append((r + k, col, r + k + rs - 1, col + cs - 1))
        r += rep
    return texts, merges


def bytes_to_raw(data: bytes, source: str) -> RawDocument:
    """Read an ODS workbook's bytes; :class:`UnreadableFile` for a corrupt or unsafe one."""
    check_docx_package(data, source, kind="ODS")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            content = z.read("content.xml")
    except (*ZIP_ERRORS, KeyError) as e:
        raise UnreadableFile(source, f"ODS文件已损坏或缺少content.xml：{e}") from e
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as e:
        raise UnreadableFile(source, f"ODS文件内容无法解析：{e}") from e
    blocks: list[RawTable] = []
    for tbl in root.iter(_T + "table"):
        name = tbl.get(_T + "name", f"Sheet{len(blocks) + 1}")
        try:
            texts, merges = _sheet(tbl)
        except ValueError as e:
            raise UnreadableFile(source, f"ODS工作表“{name}”过大：{e}") from e
        t = sheet_table(texts, merges, name, len(blocks), source)
        if t is not None:
            blocks.append(t.model_copy(update={"index": len(blocks)}))
    return RawDocument(source=source, format="ods", sha256=hashlib.sha256(data).hexdigest(), blocks=list(blocks))
