"""PDF → :class:`RawDocument` (pdfplumber / pdfminer.six).

Stages:

``bytes_to_pages``     every call into pdfplumber: glyphs, ruled-table cell boxes
                       and image counts per page.  Encrypted, corrupt and
                       truncated files raise :class:`UnreadableFile` here; a
                       file without any text but with images is a scan
                       ("扫描件，无文字层，需要先做OCR").
``pages_to_blocks``    per page: table chunks (:mod:`.pdf_tables`) and text lines
                       outside them; running headers/footers and page numbers
                       dropped; lines grouped into paragraphs; chunks stitched
                       into tables across page breaks (repeated heading rows
                       dropped, rows split by the break merged, vertical spans
                       continued); blocks in reading order.

Tables are ``dialect="grid"``: a merged cell is one RawCell with its spans.
Provenance: ``page`` (1-based), ``bbox`` ``(x0, top, x1, bottom)`` in PDF points
from the page's top-left corner, ``table``/``row``/``col`` grid positions; for a
cell stitched from two pages, page and bbox are those of its first part (the
document's warnings name every stitch).  ``prov.text`` is verbatim (lines
joined as described in :mod:`.pdf_text`); ``text`` is the working text of
:mod:`.layout_text`, as for the other loaders.
"""

from __future__ import annotations

import hashlib
import io
import struct
import zlib
from dataclasses import dataclass, field

from jixiao.errors import UnreadableFile
from jixiao.extract.layout_text import working_text
from jixiao.extract.pdf_patterns import CONTINUED_TABLE, DIGITS, PAGE_NUMBER
from jixiao.extract.pdf_tables import Chunk, Stitched, assign_columns, boxes_to_chunk, start_table, stitch
from jixiao.extract.pdf_text import Glyph, Line, glyphs_to_lines, join_lines
from jixiao.extract.raw import RawCell, RawDocument, RawParagraph, RawTable
from jixiao.model import Provenance

# what pdfminer raises, besides its own exceptions, on damaged files
_PARSER_ERRORS = (ValueError, KeyError, TypeError, AssertionError, IndexError, AttributeError, struct.error,
                  zlib.error, RecursionError, OverflowError, NotImplementedError, EOFError, OSError)

FURNITURE_BAND = 0.08  # top/bottom share of the page where running headers/footers live
MIN_TABLE_CELLS = 2

Box = tuple[float, float, float, float]


@dataclass
class PageData:
    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph]
    tables: list[tuple[Box, list[Box]]]  # (table bbox, cell boxes)
    n_images: int


# ---------------------------------------------------------------- stage 1: pdfplumber
def _pdf_errors() -> tuple[type[BaseException], ...]:
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    try:
        from pdfminer.pdftypes import PDFException
    except ImportError:  # pragma: no cover - older pdfminer
        from pdfminer.pdfparser import PDFException  # type: ignore[no-redef,attr-defined]
    return (PdfminerException, PDFException, PDFSyntaxError, PSException)


def _why(e: BaseException) -> str:
    """Chinese reason for a pdfminer failure (encryption named explicitly)."""
    chain = []
    x: BaseException | None = e
    while x is not None and len(chain) < 5:
        chain.append(x)
        x = x.__cause__ or x.__context__ or (x.args[0] if x.args and isinstance(x.args[0], BaseException) else None)
    names = " ".join(type(c).__name__ for c in chain)
    if "Password" in names or "Encrypt" in names:
        return "PDF已加密（需要密码才能打开），无法读取；请提供未加密的文件"
    detail = next((str(c) for c in chain if str(c)), type(e).__name__)
    return f"PDF文件已损坏或不完整，无法解析：{detail}"


def bytes_to_pages(data: bytes, source: str) -> list[PageData]:
    import pdfplumber

    errors = _pdf_errors()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except errors as e:
        raise UnreadableFile(source, _why(e)) from e
    except _PARSER_ERRORS as e:  # pdfminer internals on junk
        raise UnreadableFile(source, f"PDF文件已损坏或不完整，无法解析：{type(e).__name__}: {e}") from e
    pages: list[PageData] = []
    with pdf:
        try:
            n = len(pdf.pages)
            for i, page in enumerate(pdf.pages, start=1):
                glyphs = [
                    Glyph(c["text"], float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]),
                          float(c.get("size") or (c["bottom"] - c["top"])))
                    for c in page.chars
                ]
                tables = []
                if glyphs:
                    for t in page.find_tables():
                        if len(t.cells) >= MIN_TABLE_CELLS:
                            tables.append((tuple(map(float, t.bbox)), [tuple(map(float, b)) for b in t.cells]))
                pages.append(PageData(i, float(page.width), float(page.height), glyphs, tables, len(page.images)))
        except errors as e:
            raise UnreadableFile(source, _why(e)) from e
        except _PARSER_ERRORS as e:
            raise UnreadableFile(source, f"PDF文件已损坏或不完整，无法解析：{type(e).__name__}: {e}") from e
    if n == 0:
        raise UnreadableFile(source, "PDF文件中没有页面（文件可能已损坏或不完整）")
    if not any(p.glyphs for p in pages) and any(p.n_images for p in pages):
        raise UnreadableFile(source, "扫描件，无文字层，需要先做OCR")
    return pages


# ---------------------------------------------------------------- stage 2: layout
@dataclass
class _Item:
    """A table chunk or a paragraph on a page, in reading order."""

    page: int
    top: float
    chunk: Chunk | None = None
    lines: list[Line] = field(default_factory=list)
    ends_full: bool = False  # the last line runs to the right margin (the text goes on)
    starts_indented: bool = False  # the first line is indented (a paragraph starts)
    n_first: int = 0  # lines on the first page (a paragraph continued over a page break)


def _norm_furniture(text: str) -> str:
    return DIGITS.sub("#", text.replace(" ", ""))


def _furniture(pages: list[PageData], lines_by_page: dict[int, list[Line]]) -> set[tuple[int, int]]:
    """(page, line index) of running headers/footers and page numbers.

    Only lines in the top/bottom :data:`FURNITURE_BAND` of a page qualify: a page
    number ("第 3 页", "- 3 -", "3/10"), or a line repeated (digits aside) in the
    bands of at least two pages that is no larger than the body text (a form
    title repeated on every page is larger and stays).
    """
    drop: set[tuple[int, int]] = set()
    sizes = sorted(ln.size for ls in lines_by_page.values() for ln in ls)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    candidates: list[tuple[int, int, str, float]] = []
    for p in pages:
        for i, ln in enumerate(lines_by_page[p.number]):
            if p.height * FURNITURE_BAND <= ln.top and ln.bottom <= p.height * (1 - FURNITURE_BAND):
                continue
            if PAGE_NUMBER.match(ln.text):
                drop.add((p.number, i))
            else:
                candidates.append((p.number, i, _norm_furniture(ln.text), ln.size))
    pages_with: dict[str, set[int]] = {}
    for pn, _i, key, _size in candidates:
        pages_with.setdefault(key, set()).add(pn)
    for pn, i, key, size in candidates:
        if len(pages_with[key]) >= 2 and len(key) <= 60 and size <= body_size + 0.5:
            drop.add((pn, i))
    return drop


def _paragraphs(lines: list[Line], left: float, right: float) -> list[list[Line]]:
    """Group consecutive lines into paragraphs.

    A new paragraph starts after a short line (ending 1.5 em before the right
    margin), at an indented line (a Chinese first-line indent), at a change of
    font size, or after a gap clearly wider than the usual line gap of the run
    (Chinese documents rarely add space between paragraphs, so the gap alone
    says little).
    """
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:]))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    out: list[list[Line]] = []
    for ln in lines:
        if out:
            prev = out[-1][-1]
            em = max(prev.size, ln.size)
            new = (
                ln.top - prev.bottom > max(0.7 * em, usual + 0.5 * em)
                or prev.x1 < right - 1.5 * em
                or ln.x0 > left + 1.0 * em
                or abs(ln.size - prev.size) > 0.5
            )
            if not new:
                out[-1].append(ln)
                continue
        out.append([ln])
    return out


def pages_to_items(pages: list[PageData]) -> tuple[list[_Item], list[str]]:
    warnings: list[str] = []
    lines_by_page: dict[int, list[Line]] = {}
    chunks_by_page: dict[int, list[Chunk]] = {}
    for p in pages:
        rest = p.glyphs
        chunks = []
        for bbox, boxes in p.tables:
            chunk, rest = boxes_to_chunk(p.number, bbox, boxes, rest)
            if chunk.cells:
                chunks.append(chunk)
        chunks_by_page[p.number] = chunks
        lines_by_page[p.number] = glyphs_to_lines(rest)
        if not p.glyphs and p.n_images:
            warnings.append(f"第{p.number}页是扫描图像，无文字层，未读取（需要先做OCR）")
    drop = _furniture(pages, lines_by_page)
    items: list[_Item] = []
    for p in pages:
        kept = [ln for i, ln in enumerate(lines_by_page[p.number]) if (p.number, i) not in drop]
        page_items = [_Item(p.number, ch.bbox[1], chunk=ch) for ch in chunks_by_page[p.number]]
        if kept:
            left = min(ln.x0 for ln in kept)
            right = max(ln.x1 for ln in kept)
            # split the lines into runs between tables, then into paragraphs
            tops = sorted(ch.bbox[1] for ch in chunks_by_page[p.number])
            runs: dict[int, list[Line]] = {}
            for ln in kept:
                runs.setdefault(sum(1 for t in tops if t < ln.top), []).append(ln)
            for run in runs.values():
                for para in _paragraphs(run, left, right):
                    em = para[-1].size
                    page_items.append(_Item(p.number, para[0].top, lines=para, n_first=len(para),
                                            ends_full=para[-1].x1 >= right - 1.5 * em,
                                            starts_indented=para[0].x0 > left + 1.0 * para[0].size))
        page_items.sort(key=lambda it: it.top)
        items.extend(page_items)
    return items, warnings


def items_to_blocks(items: list[_Item], source: str) -> tuple[list[RawParagraph | RawTable], list[str]]:
    """Stitch table chunks across pages and emit blocks in order."""
    warnings: list[str] = []
    merged: list[_Item | Stitched] = []
    for it in items:
        if it.chunk is not None:
            prev = merged[-1] if merged else None
            if (
                isinstance(prev, Stitched)
                and prev.last.page == it.page - 1
                and _first_on_page(items, it)
                and _continues(prev, it.chunk)
            ):
                stitch(prev, it.chunk)
                continue
            merged.append(start_table(it.chunk))
        elif merged and isinstance(merged[-1], Stitched) and _is_continued_label(it) and _next_is_chunk(items, it):
            continue  # "续表" above a continued table
        elif merged and _continues_paragraph(items, merged[-1], it):
            prev = merged[-1]
            assert isinstance(prev, _Item)
            prev.lines = prev.lines + it.lines
            prev.ends_full = it.ends_full
            warnings.append(f"第{prev.page}页末段落在第{it.page}页续接，已合并")
        else:
            merged.append(it)
    blocks: list[RawParagraph | RawTable] = []
    n_tables = n_pars = 0
    for m in merged:
        if isinstance(m, Stitched):
            blocks.append(_table_block(m, len(blocks), n_tables, source))
            warnings.extend(f"表格{n_tables}：{note}" for note in m.notes)
            n_tables += 1
        else:
            verbatim = join_lines(m.lines)
            text = working_text(verbatim)
            if not text:
                continue
            first = m.lines[: m.n_first or len(m.lines)]  # bbox on the first page only
            x0 = min(ln.x0 for ln in first)
            x1 = max(ln.x1 for ln in first)
            bbox = (round(x0, 2), round(first[0].top, 2), round(x1, 2), round(first[-1].bottom, 2))
            blocks.append(
                RawParagraph(
                    index=len(blocks),
                    text=text,
                    prov=Provenance(source=source, page=m.page, paragraph=n_pars, bbox=bbox, text=verbatim),
                )
            )
            n_pars += 1
    return blocks, warnings


def _continues_paragraph(items: list[_Item], prev: _Item | Stitched, it: _Item) -> bool:
    """``it`` (first on its page) goes on with ``prev`` (last on the page before): the
    previous paragraph ran to the right margin and this one is not indented."""
    if not isinstance(prev, _Item) or prev.chunk is not None or it.chunk is not None:
        return False
    if prev.page != it.page - 1 or not prev.ends_full or it.starts_indented:
        return False
    last_on_prev = [x for x in items if x.page == prev.page][-1]
    return last_on_prev is prev and _first_on_page(items, it)


def _is_continued_label(it: _Item) -> bool:
    return len(it.lines) == 1 and bool(CONTINUED_TABLE.match(it.lines[0].text))


def _first_on_page(items: list[_Item], it: _Item) -> bool:
    for other in items:
        if other.page == it.page:
            return other is it or (_is_continued_label(other) and items.index(other) + 1 == items.index(it))
    return False


def _next_is_chunk(items: list[_Item], it: _Item) -> bool:
    i = items.index(it)
    return i + 1 < len(items) and items[i + 1].chunk is not None and items[i + 1].page == it.page


def _continues(t: Stitched, chunk: Chunk) -> bool:
    from jixiao.extract.pdf_tables import continues

    return continues(t, chunk)


def _table_block(t: Stitched, index: int, number: int, source: str) -> RawTable:
    n_cols = assign_columns(t)
    cells = []
    for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
        page, bbox = c.parts[0]
        cells.append(
            RawCell(
                row=c.row,
                col=c.col,
                row_span=c.row_span,
                col_span=c.col_span,
                text=working_text(c.verbatim),
                prov=Provenance(source=source, page=page, table=number, row=c.row, col=c.col,
                                bbox=tuple(round(v, 2) for v in bbox), text=c.verbatim),
            )
        )
    b = t.first.bbox
    return RawTable(
        index=index,
        table=number,
        dialect="grid",
        n_rows=t.n_rows,
        n_cols=n_cols,
        cells=cells,
        prov=Provenance(source=source, page=t.first.page, table=number, bbox=tuple(round(v, 2) for v in b)),
    )


def bytes_to_raw(data: bytes, source: str) -> RawDocument:
    """Read a PDF's bytes into the raw intermediate form (see module docstring)."""
    pages = bytes_to_pages(data, source)
    items, warnings = pages_to_items(pages)
    blocks, notes = items_to_blocks(items, source)
    return RawDocument(
        source=source,
        format="pdf",
        sha256=hashlib.sha256(data).hexdigest(),
        blocks=blocks,
        n_pages=len(pages),
        warnings=warnings + notes,
    )
