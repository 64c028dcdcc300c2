"""PDF → :class:`RawDocument` (pdfplumber / pdfminer.six).

Stages:

``bytes_to_pages``     every call into pdfplumber: glyphs, ruled-table cell boxes
                       and image counts per page.  Encrypted, corrupt and
                       truncated files raise :class:`UnreadableFile` here; a
                       file without any text but with images is a scan
                       ("扫描件，无文字层，需要先做OCR").
``pages_to_items``     (:mod:`.pdf_layout`) per page: table chunks
                       (:mod:`.pdf_tables`) and text lines outside them; running
                       headers/footers and page numbers dropped; lines grouped
                       into paragraphs.
``items_to_blocks``    (:mod:`.pdf_layout`) chunks stitched into tables across
                       page breaks (repeated heading rows dropped, rows split by
                       the break merged, vertical spans continued), paragraphs
                       cut by a page break rejoined; blocks in reading order.

Tables are ``dialect="grid"``: a merged cell is one RawCell with its spans.
Pages shown rotated (``/Rotate`` 90/180/270) are read as written (coordinates
turned back), so a rotated form reads like an upright one.
Provenance: ``page`` (1-based), ``bbox`` ``(x0, top, x1, bottom)`` in PDF points
from the top-left corner of the page as written (before ``/Rotate``), ``table``/``row``/``col`` grid positions; for a
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

from jixiao.errors import UnreadableFile
from jixiao.extract.pdf_layout import PageData, items_to_blocks, pages_to_items
from jixiao.extract.pdf_text import Glyph
from jixiao.extract.raw import RawDocument

# what pdfminer raises, besides its own exceptions, on damaged files
_PARSER_ERRORS = (ValueError, KeyError, TypeError, AssertionError, IndexError, AttributeError, struct.error,
                  zlib.error, RecursionError, OverflowError, NotImplementedError, EOFError, OSError)

MIN_TABLE_CELLS = 2


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
    chain: list[BaseException] = []
    x: BaseException | None = e
    while x is not None and len(chain) < 5:
        chain.append(x)
        x = x.__cause__ or x.__context__ or (x.args[0] if x.args and isinstance(x.args[0], BaseException) else None)
    names = " ".join(type(c).__name__ for c in chain)
    if "Password" in names or "Encrypt" in names:
        return "PDF已加密（需要密码才能打开），无法读取；请提供未加密的文件"
    detail = next((str(c) for c in chain if str(c)), type(e).__name__)
    return f"PDF文件已损坏或不完整，无法解析：{detail}"


def _turn(matrix: tuple[float, ...] | None, rotation: int = 0) -> int:
    """Reading direction of a glyph from its text matrix (y up; pdfminer includes the
    page's /Rotate, which is undone first): 0 for horizontal text, 1 when it reads
    downwards, -1 when it reads upwards."""
    if not matrix:
        return 0
    da, db = float(matrix[0]), float(matrix[1])
    cos, sin = {0: (1, 0), 90: (0, 1), 180: (-1, 0), 270: (0, -1)}.get(rotation, (1, 0))
    a, b = da * cos - db * sin, da * sin + db * cos
    if abs(b) <= abs(a):
        return 0
    return 1 if b < 0 else -1


def _unrotate(rotation: int, w: float, h: float):
    """Map a box (x0, top, x1, bottom) of a page shown with ``/Rotate`` back to the
    page as written, so text runs left to right again (w, h: the shown size)."""
    if rotation == 90:
        return lambda b: (b[1], w - b[2], b[3], w - b[0])
    if rotation == 180:
        return lambda b: (w - b[2], h - b[3], w - b[0], h - b[1])
    if rotation == 270:
        return lambda b: (h - b[3], b[0], h - b[1], b[2])
    return lambda b: b


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
                w, h = float(page.width), float(page.height)
                rotation = int(getattr(page, "rotation", 0) or 0) % 360
                turn = _unrotate(rotation, w, h)
                glyphs = []
                for c in page.chars:
                    x0, top, x1, bottom = turn((float(c["x0"]), float(c["top"]), float(c["x1"]), float(c["bottom"])))
                    glyphs.append(Glyph(c["text"], x0, x1, top, bottom, float(c.get("size") or (bottom - top)),
                                        _turn(c.get("matrix"), rotation)))
                tables = []
                if glyphs:
                    for t in page.find_tables():
                        if len(t.cells) >= MIN_TABLE_CELLS:
                            tables.append((turn(tuple(map(float, t.bbox))), [turn(tuple(map(float, b))) for b in t.cells]))
                if turn((0.0, 0.0, w, h)) != (0.0, 0.0, w, h):
                    w, h = h, w
                pages.append(PageData(i, w, h, glyphs, tables, len(page.images)))
        except errors as e:
            raise UnreadableFile(source, _why(e)) from e
        except _PARSER_ERRORS as e:
            raise UnreadableFile(source, f"PDF文件已损坏或不完整，无法解析：{type(e).__name__}: {e}") from e
    if n == 0:
        raise UnreadableFile(source, "PDF文件中没有页面（文件可能已损坏或不完整）")
    check_text_layer(pages, source)
    return pages


UNDECODABLE_SHARE = 0.3  # above this share of "(cid:N)" glyphs the text layer is useless


def check_text_layer(pages: list[PageData], source: str) -> None:
    """Refuse a PDF whose text cannot be read: a scan (images, no glyphs) or glyphs
    without a Unicode mapping (pdfminer shows them as "(cid:123)")."""
    glyphs = [g for p in pages for g in p.glyphs if g.text.strip()]
    if not glyphs and any(p.n_images for p in pages):
        raise UnreadableFile(source, "扫描件，无文字层，需要先做OCR")
    bad = sum(1 for g in glyphs if g.text.startswith("(cid:"))
    if glyphs and bad / len(glyphs) > UNDECODABLE_SHARE:
        raise UnreadableFile(
            source, f"PDF文字无法解码（{bad}/{len(glyphs)}个字符的字体缺少Unicode映射），需要先做OCR"
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
