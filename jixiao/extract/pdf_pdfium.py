"""Stage 1 of the PDF loader through pypdfium2: characters, ruling segments and images per page.

What is read (all in PDF points, ``top`` measured down from the top edge of the page *as
written*, i.e. before ``/Rotate``, so a page shown rotated reads like an upright one):

characters  from pdfium's text page: Unicode, box, size, reading direction.  The box follows
            pdfminer's definition (so the layout code keeps its tolerances): along the text
            direction from the glyph origin over its advance width, across it from the font's
            descent for one font size; both mapped through the character's matrix.  Size is the
            box height (pdfminer's ``size``).  Characters pdfium *generates* (spaces and line
            breaks it infers) are dropped: only glyphs the PDF paints are kept, as with
            pdfminer.  A glyph without a Unicode mapping becomes ``"(cid:N)"`` (pdfminer's
            spelling; :func:`jixiao.extract.pdf.check_text_layer` counts them).
segments    the straight pieces of every painted path (lines, rectangles, polygons; a Bézier
            segment contributes the chord between its end points, as in pdfminer), in page
            space (the object's matrix and those of the form XObjects around it applied).
            Only horizontal and vertical ones are kept: they are the ruling that
            :mod:`.pdf_ruling` turns into table cells.
images      the number of image objects (form XObjects included).

The characters are read by :mod:`.pdf_pdfium_chars` (the per-character loop), the rest here.
pdfium is not thread-safe: one document is read at a time per process (a module lock).
"""

from __future__ import annotations

import ctypes
import math
import threading
from dataclasses import dataclass
from typing import Any

from jixiao.errors import UnreadableFile
from jixiao.extract.pdf_pdfium_chars import glyph, hot, page_glyphs
from jixiao.extract.pdf_round import round4
from jixiao.extract.pdf_text import Glyph

_LOCK = threading.Lock()
MAX_FORM_DEPTH = 12  # nested form XObjects followed for ruling and images
AXIS_TOL = 0.01  # points: a segment is horizontal/vertical when its ends differ by less


@dataclass(frozen=True)
class Segment:
    """A horizontal (``x0 < x1``, ``top == bottom``) or vertical (``x0 == x1``) ruling piece."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return self.top == self.bottom and self.x0 != self.x1


@dataclass
class RawPage:
    """What pdfium read from one page."""

    number: int  # 1-based
    width: float  # as written (before /Rotate)
    height: float
    glyphs: list[Glyph]
    segments: list[Segment]
    n_images: int


def _reason(e: BaseException) -> str:
    """Chinese reason for a pdfium failure (password and security scheme named)."""
    import pypdfium2.raw as c

    code = getattr(e, "err_code", None)
    if code == c.FPDF_ERR_PASSWORD:
        return "PDF已加密（需要密码才能打开），无法读取；请提供未加密的文件"
    if code == c.FPDF_ERR_SECURITY:
        return "PDF已加密（加密方式不受支持），无法读取；请提供未加密的文件"
    detail = {c.FPDF_ERR_FORMAT: "文件结构无法识别", c.FPDF_ERR_FILE: "文件无法访问",
              c.FPDF_ERR_PAGE: "页面不存在或内容有误"}.get(code or -1, str(e) or type(e).__name__)
    return f"PDF文件已损坏或不完整，无法解析：{detail}"


def bytes_to_raw_pages(data: bytes, source: str) -> list[RawPage]:
    """Every page of a PDF.  Unopenable, encrypted and broken files raise
    :class:`UnreadableFile` with a Chinese reason."""
    import pypdfium2 as pdfium

    with _LOCK:
        try:
            doc = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as e:
            raise UnreadableFile(source, _reason(e)) from e
        try:
            pages = []
            for i in range(len(doc)):
                try:
                    page = doc[i]
                except pdfium.PdfiumError as e:
                    raise UnreadableFile(source, f"PDF文件已损坏或不完整，无法解析：第{i + 1}页无法打开") from e
                try:
                    pages.append(_read_page(page, i + 1, source))
                finally:
                    page.close()
            return pages
        finally:
            doc.close()


def _page_box(page: Any, number: int, source: str) -> tuple[float, float, float, float]:
    import pypdfium2.raw as c

    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not c.FPDFPage_GetMediaBox(page.raw, left, bottom, right, top):  # inherited from the page tree
        box = page.get_bbox()
    else:
        box = (left.value, bottom.value, right.value, top.value)
    x0, x1 = sorted((box[0], box[2]))
    y0, y1 = sorted((box[1], box[3]))
    if not all(math.isfinite(v) for v in (x0, y0, x1, y1)) or x1 - x0 < 1 or y1 - y0 < 1:
        raise UnreadableFile(source, f"PDF文件已损坏或不完整，无法解析：第{number}页的页面尺寸（MediaBox）无效")
    return x0, y0, x1, y1


def _read_page(page: Any, number: int, source: str) -> RawPage:
    x0, _y0, x1, y1 = _page_box(page, number, source)
    textpage = page.get_textpage()
    try:
        glyphs = page_glyphs(textpage.raw, y1)
        walk = _Walk(page.raw, textpage.raw, y1)
        walk.objects(None, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0)
    finally:
        textpage.close()
    return RawPage(number, x1 - x0, y1 - _y0, glyphs + walk.spaces, walk.segments, walk.images)


# ---------------------------------------------------------------- ruling and images
Matrix = tuple[float, float, float, float, float, float]


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """``outer ∘ inner``: a point mapped by ``inner`` first."""
    a1, b1, c1, d1, e1, f1 = inner
    a2, b2, c2, d2, e2, f2 = outer
    return (a1 * a2 + b1 * c2, a1 * b2 + b1 * d2, c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2)


class _Walk:
    """One pass over a page's objects (form XObjects followed): ruling segments of the paths,
    the image count, and the spaces pdfium's text page does not report (see :meth:`space`)."""

    def __init__(self, page: Any, textpage: Any, page_top: float) -> None:
        import pypdfium2.raw as c

        self.c, self.page, self.tp, self.page_top = c, page, textpage, page_top
        self.segments: list[Segment] = []
        self.spaces: list[Glyph] = []
        self.images = 0
        self.m = c.FS_MATRIX()
        self.m_p = ctypes.byref(self.m)
        self.box = [ctypes.c_float() for _ in range(4)]
        self.box_p = [ctypes.byref(v) for v in self.box]
        self.size = ctypes.c_float()
        # called for every object of the page: prototypes without argument conversion
        # (pointers as pypdfium2 returns them, outputs by byref, ints), see _Text
        self.get_object = hot(c, "FPDFPage_GetObject")
        self.get_type = hot(c, "FPDFPageObj_GetType")
        self.get_bounds = hot(c, "FPDFPageObj_GetBounds")
        self.get_matrix = hot(c, "FPDFPageObj_GetMatrix")

    def own_matrix(self, obj: Any) -> Matrix:
        m = self.m
        return (m.a, m.b, m.c, m.d, m.e, m.f) if self.get_matrix(obj, self.m_p) else (1, 0, 0, 1, 0, 0)

    def objects(self, form: Any, outer: Matrix, depth: int) -> None:
        c = self.c
        count = c.FPDFFormObj_CountObjects(form) if form is not None else c.FPDFPage_CountObjects(self.page)
        get_object, get_type, page = self.get_object, self.get_type, self.page
        for k in range(max(count, 0)):
            obj = c.FPDFFormObj_GetObject(form, k) if form is not None else get_object(page, k)
            if not obj:
                continue
            kind = get_type(obj)
            if kind == c.FPDF_PAGEOBJ_IMAGE:
                self.images += 1
                continue
            if kind == c.FPDF_PAGEOBJ_TEXT:
                self.space(obj, outer)
            elif kind == c.FPDF_PAGEOBJ_PATH:
                _path_segments(obj, _compose(self.own_matrix(obj), outer), self.page_top, self.segments)
            elif kind == c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                self.objects(obj, _compose(self.own_matrix(obj), outer), depth + 1)

    def space(self, obj: Any, outer: Matrix) -> None:
        """A text object that paints only spaces (a writer may set each space apart) has no
        characters in pdfium's text page, which reports a *generated* space there instead.
        Such an object -- no text of its own and no ink (empty bounds) -- is a space glyph at
        the object's origin, as pdfminer reads it (0.25 em wide).  ``outer``: the matrix of
        the forms around it (the object's own is read only for such a space)."""
        c = self.c
        left, b, r, t = self.box
        if not self.get_bounds(obj, *self.box_p) or r.value - left.value > 0.01 or t.value - b.value > 0.01:
            return
        if c.FPDFTextObj_GetText(obj, self.tp, None, 0) > 2:  # UTF-16 bytes incl. the terminator
            return
        if not c.FPDFTextObj_GetFontSize(obj, self.size):
            return
        font = c.FPDFTextObj_GetFont(obj)
        d = ctypes.c_float()
        descent = d.value if font and c.FPDFFont_GetDescent(font, ctypes.c_float(1.0), d) else 0.0
        mat = _compose(self.own_matrix(obj), outer)
        g = glyph(" ", 0.0, 0.0, 0.25 * self.size.value * mat[0], 0.0, *mat, self.size.value, descent, self.page_top)
        if g is not None:
            self.spaces.append(g)


def _path_segments(path: Any, mat: Matrix, page_top: float, out: list[Segment]) -> None:
    """The straight pieces of a path's subpaths (closing pieces included), axis-aligned only."""
    import pypdfium2.raw as c

    a, b, cc, d, e, f = mat
    if not all(math.isfinite(v) for v in mat):
        return
    x, y = ctypes.c_float(), ctypes.c_float()
    start: tuple[float, float] | None = None
    prev: tuple[float, float] | None = None
    bezier = 0
    for j in range(max(c.FPDFPath_CountSegments(path), 0)):
        seg = c.FPDFPath_GetPathSegment(path, j)
        if not seg or not c.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        kind = c.FPDFPathSegment_GetType(seg)
        pt = (a * x.value + cc * y.value + e, b * x.value + d * y.value + f)
        if kind == c.FPDF_SEGMENT_MOVETO:
            start = prev = pt
            bezier = 0
            continue
        if kind == c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3:  # control points: only the end point of a curve counts
                continue
        if prev is not None:
            _add(prev, pt, page_top, out)
        prev = pt
        if c.FPDFPathSegment_GetClose(seg) and start is not None:
            _add(pt, start, page_top, out)
            prev = start


def _add(p: tuple[float, float], q: tuple[float, float], page_top: float, out: list[Segment]) -> None:
    (px, py), (qx, qy) = p, q
    if not all(math.isfinite(v) for v in (px, py, qx, qy)):
        return
    if abs(py - qy) < AXIS_TOL and abs(px - qx) >= AXIS_TOL:
        t = round4(page_top - (py + qy) / 2)
        out.append(Segment(round4(min(px, qx)), t, round4(max(px, qx)), t))
    elif abs(px - qx) < AXIS_TOL and abs(py - qy) >= AXIS_TOL:
        xm = round4((px + qx) / 2)
        out.append(Segment(xm, round4(page_top - max(py, qy)), xm, round4(page_top - min(py, qy))))
