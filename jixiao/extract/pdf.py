"""PDF → :class:`RawDocument` (pypdfium2).

Stages:

``bytes_to_pages``     every call into pdfium (:mod:`.pdf_pdfium`): glyphs, ruling
                       segments and image counts per page; ruled-table cell boxes
                       from the segments (:mod:`.pdf_ruling`, pdfplumber's method).
                       Encrypted, corrupt and truncated files raise
                       :class:`UnreadableFile` here; a file without any text but
                       with images is a scan ("扫描件，无文字层，需要先做OCR").
                       (:mod:`.pdf_plumber` is the former pdfplumber reader, kept
                       as a reference to cross-check this one.)
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

from jixiao.errors import UnreadableFile
from jixiao.extract.pdf_layout import PageData, items_to_blocks, pages_to_items
from jixiao.extract.pdf_pdfium import bytes_to_raw_pages
from jixiao.extract.pdf_ruling import segments_to_tables
from jixiao.extract.raw import RawDocument

MIN_TABLE_CELLS = 2


def bytes_to_pages(data: bytes, source: str) -> list[PageData]:
    """Stage 1: every page's glyphs, ruled-table cell boxes and image count, read through
    pdfium (:mod:`.pdf_pdfium`; cells by :mod:`.pdf_ruling`).  Encrypted, corrupt and
    truncated files and scans raise :class:`UnreadableFile`."""
    raw = bytes_to_raw_pages(data, source)
    if not raw:
        raise UnreadableFile(source, "PDF文件中没有页面（文件可能已损坏或不完整）")
    pages = []
    for p in raw:
        tables = []
        if p.glyphs:
            tables = [(bbox, cells) for bbox, cells in segments_to_tables(p.segments, p.height) if len(cells) >= MIN_TABLE_CELLS]
        pages.append(PageData(p.number, p.width, p.height, p.glyphs, tables, p.n_images))
    check_text_layer(pages, source)
    return pages


UNDECODABLE_SHARE = 0.3  # above this share of "(cid:N)" glyphs the text layer is useless


def check_text_layer(pages: list[PageData], source: str) -> None:
    """Refuse a PDF whose text cannot be read: a scan (images, no glyphs) or glyphs
    without a Unicode mapping (written "(cid:123)", as pdfminer does)."""
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
