"""DOCX → :class:`RawDocument` (zipfile and lxml; python-docx is not needed).

Stages: ``check_docx_package`` (zip bomb / XXE / corrupt, before any parsing) →
``bytes_to_body`` (the main document part found as python-docx finds it: the
package's officeDocument relationship, a Word main-part content type; parsed
with lxml as python-docx parses it) →
``body_to_blocks`` (paragraphs and tables in body order).

Body order
    Paragraphs and tables are emitted in the order of the document body,
    looking through block-level content controls (``w:sdt``) and
    ``w:customXml``.  Blank paragraphs are skipped but counted:
    ``prov.paragraph`` is the 0-based index of the paragraph among all body
    paragraphs (blank ones included).  Headers, footers, footnotes and comments
    are not read (they never hold report data).

Grid and merged cells (``dialect="grid"``)
    Grid columns are counted per row: a row starts at column ``w:gridBefore``
    (cells before it do not exist: no RawCell), each ``w:tc`` occupies
    ``w:gridSpan`` columns starting at the next free column, and
    ``w:gridAfter`` columns at the end are likewise left without cells.
    Grid lines that no cell edge uses (a ``w:tblGrid`` column split that every
    row spans across) are then dropped, so ``col`` is the index among the column
    boundaries the table really has — the same grid its PDF shows.  ``n_cols``
    counts those columns (table edges included: the larger of the ``w:tblGrid``
    width and the widest row).

    A merged area is ONE :class:`RawCell` at its top-left grid position with
    ``col_span`` = ``w:gridSpan`` and ``row_span`` = the number of rows it covers;
    the positions it covers hold no cell of their own, and its text is never
    copied into them.  Vertical merges: a ``w:tc`` with ``w:vMerge`` (no value or
    ``continue``) whose grid column and span equal those of a cell directly
    above that itself carries ``w:vMerge`` extends that cell by one row; a
    ``continue`` with nothing to continue becomes an ordinary cell (a warning
    is recorded).  Text found in a continuation cell (normally empty) is
    appended to the merged cell after a line break, with a warning.  Legacy
    ``w:hMerge="continue"`` widens the cell to its left.

Cell text
    The paragraphs of a cell joined with ``"\\n"`` (``w:br`` also gives
    ``"\\n"``); blank lines dropped; content controls inside cells read.
    ``prov.text`` is that verbatim text; ``text`` is the working text of
    :mod:`jixiao.extract.layout_text` (full-width ASCII folded, as the TXT loader).

Nested tables
    A table inside a cell is emitted as its own :class:`RawTable` right after its
    parent (and after the parent's earlier nested tables), numbered in that
    order.  Its ``prov`` says where it sits: ``prov.table``/``row``/``col`` are
    the parent table's number and the grid position of the containing cell,
    and ``prov.text`` reads ``"嵌套于表格{t}第{r}行第{c}列"`` (0-based, as the
    other fields).  A top-level table has ``prov.table == table`` and no row.
    The nested table's text is not part of the parent cell's text.

Provenance of a cell: ``table``, ``row``, ``col`` (grid column), ``text``.
Pages are unknown in DOCX (``page`` is None).
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import zipfile
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from jixiao.errors import UnreadableFile
from jixiao.extract.docx_safety import check_docx_package
from jixiao.extract.docx_xml import (
    T_P,
    T_TBL,
    T_TC,
    T_TCPR,
    T_TR,
    T_TRPR,
    VAL,
    WRAPPERS,
    children,
    int_val,
    paragraph_text,
    w,
)
from jixiao.extract.layout_text import working_text
from jixiao.extract.raw import (
    RawDocument,
    RawParagraph,
    RawTable,
    cell_working_text,
    trusted_cell,
    trusted_provenance,
)
from jixiao.model import Provenance

# content types of the main part of Word files (.docx, and .docm .dotx .dotm: DOCX inside;
# macros are never run)
_WORD_MAIN = frozenset({
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
})
_OFFICE_DOCUMENT = "/relationships/officeDocument"  # the type URI ends so (transitional and strict)
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# as python-docx parses parts: no entity resolution (DTDs are refused before), blank text between
# elements dropped; lxml's defaults keep the network and DTD loading off
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True, load_dtd=False)


def _xml(z: zipfile.ZipFile, name: str) -> etree._Element:
    return etree.fromstring(z.read(name), _PARSER)


def _main_part(z: zipfile.ZipFile, source: str) -> str:
    """The ZIP member holding the main document part: the target of the package's
    officeDocument relationship, whose content type must be a Word main part."""
    members = {n.lower(): n for n in z.namelist()}
    if "_rels/.rels" not in members or "[content_types].xml" not in members:
        raise UnreadableFile(source, "不是Word文档（DOCX），无法读取：压缩包中缺少OPC包结构（_rels/.rels 或 [Content_Types].xml）")
    rels = _xml(z, members["_rels/.rels"])
    target = next((r.get("Target", "") for r in rels.iter(_RELS)
                   if r.get("Type", "").endswith(_OFFICE_DOCUMENT) and r.get("TargetMode") != "External"), None)
    if not target:
        raise UnreadableFile(source, "不是Word文档（DOCX），无法读取：缺少主文档部件（officeDocument 关系）")
    part = posixpath.normpath("/" + unquote(target).lstrip("/")).lstrip("/")
    if part.lower() not in members:
        raise UnreadableFile(source, f"DOCX文件已损坏或不完整：主文档部件 {part} 不存在")
    types = _xml(z, members["[content_types].xml"])
    ctype = next((o.get("ContentType", "") for o in types.iter(_CT + "Override")
                  if o.get("PartName", "").lower() == "/" + part.lower()), None)
    if ctype is None:
        ext = part.rsplit(".", 1)[-1].lower()
        ctype = next((d.get("ContentType", "") for d in types.iter(_CT + "Default")
                      if d.get("Extension", "").lower() == ext), "")
    if ctype not in _WORD_MAIN:
        raise UnreadableFile(source, f"不是Word文档（DOCX），无法读取：主文档部件 {part} 的类型为 {ctype or '（未声明）'}")
    return members[part.lower()]


def bytes_to_body(data: bytes, source: str) -> etree._Element:
    """Open a DOCX package (after the safety checks) and return its ``w:body``, parsed
    from the main document part (``word/document.xml``) with lxml."""
    check_docx_package(data, source)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            root = _xml(z, _main_part(z, source))
    except UnreadableFile:
        raise
    except Exception as e:  # noqa: BLE001 - any failure of the package reader = unreadable file
        raise UnreadableFile(source, f"DOCX文件已损坏或不完整：{type(e).__name__}: {e}") from e
    body = root.find(w("body"))
    if root.tag != w("document") or body is None:
        raise UnreadableFile(source, "DOCX文件中没有正文（w:body）")
    return body


@dataclass
class _Open:
    """A cell under construction (merged areas grow while rows are read)."""

    row: int
    col: int
    col_span: int
    row_span: int = 1
    parts: list[str] = field(default_factory=list)
    vmerge: bool = False
    nested: list[etree._Element] = field(default_factory=list)


_DEL, _GRID_BEFORE, _GRID_AFTER = w("del"), w("gridBefore"), w("gridAfter")
_GRID_SPAN, _VMERGE, _HMERGE = w("gridSpan"), w("vMerge"), w("hMerge")


def _props(el: etree._Element, tag: str) -> dict[object, etree._Element]:
    """The properties in ``el``'s first ``tag`` child (``w:trPr``, ``w:tcPr``) by tag, the
    first of each (what ``find`` would give; one pass instead of a path search per property)."""
    for ch in el:
        if ch.tag == tag:
            out: dict[object, etree._Element] = {}
            for prop in ch:
                out.setdefault(prop.tag, prop)
            return out
    return {}


def _cell_content(tc: etree._Element) -> tuple[str, list[etree._Element]]:
    """A cell's text (its paragraphs, one a line, blank ones left out) and its nested tables,
    in one pass over its children (content controls looked through, as ``children`` does)."""
    lines: list[str] = []
    nested: list[etree._Element] = []
    _cell_walk(tc, lines, nested)
    return "\n".join(t for t in lines if t), nested


def _cell_walk(el: etree._Element, lines: list[str], nested: list[etree._Element]) -> None:
    for ch in el:
        tag = ch.tag
        if tag == T_P:
            lines.append(paragraph_text(ch))
        elif tag == T_TBL:
            nested.append(ch)
        elif tag in WRAPPERS:
            _cell_walk(ch, lines, nested)


@dataclass
class _Ctx:
    source: str
    n_tables: int = 0
    warnings: list[str] = field(default_factory=list)


def _table_to_raw(
    tbl: etree._Element, ctx: _Ctx, block_index: int, parent: tuple[int, int, int] | None
) -> list[RawTable]:
    """One ``w:tbl`` → its RawTable followed by its nested tables (preorder)."""
    number = ctx.n_tables
    ctx.n_tables += 1
    grid = tbl.find(w("tblGrid"))
    n_grid = len(grid.findall(w("gridCol"))) if grid is not None else 0
    cells: list[_Open] = []
    above: dict[int, _Open] = {}  # grid col → cell whose bottom row is the previous row
    width = 0
    # a row deleted with tracked changes on (w:trPr/w:del) is not part of the table
    rows = [(tr, trpr) for tr in children(tbl, T_TR) if _DEL not in (trpr := _props(tr, T_TRPR))]
    for r, (tr, trpr) in enumerate(rows):
        col = int_val(trpr.get(_GRID_BEFORE), 0)
        current: dict[int, _Open] = {}
        last: _Open | None = None
        for tc in children(tr, T_TC):
            tcpr = _props(tc, T_TCPR)
            span = max(1, int_val(tcpr.get(_GRID_SPAN), 1))
            vm_el = tcpr.get(_VMERGE)
            hm_el = tcpr.get(_HMERGE)
            text, nested = _cell_content(tc)
            if hm_el is not None and hm_el.get(VAL) != "restart" and last is not None and last.row == r:
                last.col_span += span  # legacy horizontal merge
                if text:
                    last.parts.append(text)
                last.nested.extend(nested)
                col += span
                continue
            cont = vm_el is not None and vm_el.get(VAL, "continue") == "continue"
            prev = above.get(col)
            if cont and prev is not None and prev.vmerge and prev.col_span == span:
                prev.row_span += 1
                if text:
                    prev.parts.append(text)
                    ctx.warnings.append(
                        f"表{number + 1}第{r + 1}行第{col + 1}列：纵向合并的续格中有文字，已并入合并单元格"
                    )
                prev.nested.extend(nested)
                current[col] = prev
                last = prev
            else:
                if cont:
                    ctx.warnings.append(f"表{number + 1}第{r + 1}行第{col + 1}列：纵向合并续格上方无可合并的单元格")
                cell = _Open(row=r, col=col, col_span=span, parts=[text] if text else [],
                             vmerge=vm_el is not None, nested=nested)
                cells.append(cell)
                current[col] = cell
                last = cell
            col += span
        col += int_val(trpr.get(_GRID_AFTER), 0)
        width = max(width, col)
        above = current
    # keep only grid lines some cell edge uses (a w:tblGrid line no cell starts or
    # ends at is invisible: the PDF of the same table cannot have it either)
    edges = sorted({0, max(n_grid, width)} | {c.col for c in cells} | {c.col + c.col_span for c in cells})
    pos = {e: i for i, e in enumerate(edges)}
    for c in cells:
        c.col, c.col_span = pos[c.col], pos[c.col + c.col_span] - pos[c.col]
    n_cols = len(edges) - 1
    src = ctx.source
    raw_cells = []
    for c in cells:
        verbatim = "\n".join(c.parts)
        # loader-typed values (ints, strs): built without re-validation (raw.trusted_cell)
        raw_cells.append(trusted_cell(c.row, c.col, c.row_span, c.col_span, cell_working_text(verbatim),
                                      trusted_provenance(src, table=number, row=c.row, col=c.col, text=verbatim)))
    if parent is None:
        prov = Provenance(source=src, table=number)
    else:
        pt, pr, pc = parent
        prov = Provenance(source=src, table=pt, row=pr, col=pc, text=f"嵌套于表格{pt}第{pr}行第{pc}列")
    out = [
        RawTable(
            index=block_index,
            table=number,
            dialect="grid",
            n_rows=len(rows),
            n_cols=n_cols,
            cells=raw_cells,
            prov=prov,
        )
    ]
    for c in cells:
        for inner in c.nested:
            out.extend(_table_to_raw(inner, ctx, block_index + len(out), (number, c.row, c.col)))
    return out


def body_to_blocks(body: etree._Element, source: str) -> tuple[list[RawParagraph | RawTable], list[str]]:
    """Walk the body in order; return the blocks and the loader's warnings."""
    ctx = _Ctx(source=source)
    blocks: list[RawParagraph | RawTable] = []
    n_par = 0
    for el in children(body, {T_P, T_TBL}):
        if el.tag == T_P:
            verbatim = paragraph_text(el)
            text = working_text(verbatim)
            if text:
                blocks.append(
                    RawParagraph(
                        index=len(blocks),
                        text=text,
                        prov=Provenance(source=source, paragraph=n_par, text=verbatim),
                    )
                )
            n_par += 1
        else:
            blocks.extend(_table_to_raw(el, ctx, len(blocks), None))
    if body.find(".//" + w("altChunk")) is not None:
        ctx.warnings.append("文档含有嵌入的外部内容（altChunk），其中的文字未读取")
    return blocks, ctx.warnings


def bytes_to_raw(data: bytes, source: str) -> RawDocument:
    """Read a DOCX file's bytes into the raw intermediate form.

    Raises :class:`UnreadableFile` (Chinese reason) for corrupt, unsafe or
    non-Word packages.
    """
    body = bytes_to_body(data, source)
    blocks, warnings = body_to_blocks(body, source)
    return RawDocument(
        source=source,
        format="docx",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=blocks,
        warnings=warnings,
    )
