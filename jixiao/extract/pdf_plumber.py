"""Stage 1 of the PDF loader through pdfplumber / pdfminer.six: the *reference* reader.

The loader reads pages through pdfium (:mod:`.pdf_pdfium`, 3-4x faster); this reader is
kept to cross-check it (``tests/test_extract_pdf_pdfium.py`` compares both on the corpus)
and for the benchmark's parse floor.  It is not on the load path.

Glyphs come from ``page.chars``, cell boxes from ``page.find_tables()``; pages shown
rotated are turned back to the page as written.
"""

from __future__ import annotations

import io
import struct
import zlib

from jixiao.errors import UnreadableFile
from jixiao.extract.pdf_layout import PageData
from jixiao.extract.pdf_text import Glyph

MIN_TABLE_CELLS = 2

# what pdfminer raises, besides its own exceptions, on damaged files
_PARSER_ERRORS = (ValueError, KeyError, TypeError, AssertionError, IndexError, AttributeError, struct.error,
                  zlib.error, RecursionError, OverflowError, NotImplementedError, EOFError, OSError)

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
    """Stage 1 through pdfplumber (see the module docstring)."""
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
    return pages
