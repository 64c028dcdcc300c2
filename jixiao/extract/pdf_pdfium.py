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

pdfium is not thread-safe: one document is read at a time per process (a module lock).
"""

from __future__ import annotations

import ctypes
import math
import struct
import threading
from dataclasses import dataclass
from typing import Any

from jixiao.errors import UnreadableFile
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
        glyphs = _glyphs(textpage.raw, y1)
        walk = _Walk(page.raw, textpage.raw, y1)
        walk.objects(None, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), 0)
    finally:
        textpage.close()
    return RawPage(number, x1 - x0, y1 - _y0, glyphs + walk.spaces, walk.segments, walk.images)


# ---------------------------------------------------------------- characters
def _char_text(code: int, unmapped: bool) -> str:
    if unmapped or code in (0, 0xFFFD, 0xFFFE, 0xFFFF) or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return f"(cid:{code})"
    return chr(code)


class _Text:
    """pdfium's text-page functions, prototyped to take and return plain addresses
    (``c_void_p``): converting pointer objects would cost more than the calls themselves.

    The ones called for every character (``*_h``) have no ``argtypes`` at all: the caller
    passes the text page as a ready ``c_void_p``, the index as an int (a C int) and output
    structs by ``byref``, so ctypes converts nothing (``argtypes`` checking took half of a
    ~1 µs call).  Only arguments that are already C-typed or ints may go to them."""

    def __init__(self) -> None:
        import pypdfium2.raw as c

        try:
            from pypdfium2_raw.bindings import _libs

            lib = _libs["pdfium"]
        except (ImportError, KeyError, AttributeError):  # pragma: no cover - another binding layout
            lib = None
        vp, i, d, f = ctypes.c_void_p, ctypes.c_int, ctypes.c_double, ctypes.c_float
        fp = ctypes.POINTER(f)

        def fn(name: str, restype: Any, *args: Any) -> Any:
            if lib is None:  # pragma: no cover
                return getattr(c, name)
            proto = lib[name]
            proto.argtypes, proto.restype = args, restype
            return proto

        def hot(name: str, restype: Any) -> Any:
            if lib is None:  # pragma: no cover
                return getattr(c, name)
            proto = lib[name]  # a new function object: the prototypes above are not touched
            proto.restype = restype
            return proto

        self.text_object_h = hot("FPDFText_GetTextObject", vp)
        self.loose_h = hot("FPDFText_GetLooseCharBox", i)
        self.map_error_h = hot("FPDFText_HasUnicodeMapError", i)
        self.unicode_h = hot("FPDFText_GetUnicode", ctypes.c_uint)
        self.origin_h = hot("FPDFText_GetCharOrigin", i)
        self.matrix_h = hot("FPDFText_GetMatrix", i)
        self.font_size_h = hot("FPDFText_GetFontSize", d)
        self.font_h = hot("FPDFTextObj_GetFont", vp)  # takes a c_void_p (an int would be cut to a C int)
        self.count = fn("FPDFText_CountChars", i, vp)
        self.text = fn("FPDFText_GetText", i, vp, i, i, ctypes.POINTER(ctypes.c_ushort))
        self.descent = fn("FPDFFont_GetDescent", i, vp, f, fp)


_TEXT: _Text | None = None


def _hot(c: Any, name: str) -> Any:
    """pypdfium2's function ``name`` without ``argtypes`` (its return type kept): for calls
    made per object or per character with arguments that are already C-typed (pointers as
    pypdfium2 returns them, ``byref`` outputs) or ints passed as C ints."""
    try:
        from pypdfium2_raw.bindings import _libs

        proto = _libs["pdfium"][name]  # a new function object: pypdfium2's own is not touched
    except (ImportError, KeyError, AttributeError):  # pragma: no cover - another binding layout
        return getattr(c, name)
    proto.restype = getattr(c, name).restype
    return proto


def _glyphs(tp: Any, page_top: float) -> list[Glyph]:
    global _TEXT
    import pypdfium2.raw as c

    if _TEXT is None:
        _TEXT = _Text()
    t = _TEXT
    page = ctypes.cast(tp, ctypes.c_void_p).value
    n = max(t.count(page), 0)
    codes = _codes(t, page, n)
    # the per-character calls, without argument conversion (see _Text)
    unicode, map_error, loose, origin, text_object = t.unicode_h, t.map_error_h, t.loose_h, t.origin_h, t.text_object_h
    tp_v = ctypes.c_void_p(page)
    unpack_box = _FOUR_FLOATS.unpack_from
    box, m = c.FS_RECTF(), c.FS_MATRIX()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    box_p, m_p, ox_p, oy_p = ctypes.byref(box), ctypes.byref(m), ctypes.byref(ox), ctypes.byref(oy)
    # by text object: what the glyph box needs of its matrix, font size and font descent.
    # pdfium gives every character of a text object the object's matrix and font size
    # (``FPDFText_GetMatrix``/``GetFontSize`` read them from the character's object), so they
    # are asked once per object, not per character.
    per_object: dict[int, _Object | None] = {}
    descents: dict[int | None, float] = {}  # by font (objects of a page share a few fonts)
    out: list[Glyph] = []
    append = out.append
    for i in range(n):
        obj = text_object(tp_v, i)
        if not obj:  # a character pdfium generated (an inferred space or line break): not painted
            continue
        if not loose(tp_v, i, box_p):
            continue
        info = per_object.get(obj, _MISSING)
        if info is _MISSING:
            info = per_object[obj] = _object(t, tp_v, i, obj, m, m_p, descents)
        if info is None:
            continue
        code = codes[i] if codes is not None else unicode(tp_v, i)
        unmapped = map_error(tp_v, i) == 1
        text = chr(code) if 0 < code < 0xD800 and not unmapped else _char_text(code, unmapped)  # the common case first
        left, top, right, bottom = unpack_box(box)  # FS_RECTF's fields, in its order, in one call
        a, b, cc, dd, f, size, descent, upright, y_lo, y_hi, turn = info
        if upright:  # the origin is the box's left (right, mirrored) end on the baseline
            x, y = (left if a >= 0 else right), f
            if not (bottom <= y <= top):  # text rise: the baseline is the origin's
                origin(tp_v, i, ox_p, oy_p)
                y = oy.value
            # _glyph's upright case, written out (this runs for every character of every page)
            if not _finite(left + bottom + right + top + x + y):
                continue
            adv = abs(right - left) / abs(a) if a else 0.0
            xa, xb = x, x + a * adv
            ya, yb = y + y_lo, y + y_hi
            x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
            y0, y1 = (ya, yb) if ya <= yb else (yb, ya)
            gtop, gbottom = round4(page_top - y1), round4(page_top - y0)
            append(Glyph(text, round4(x0), round4(x1), gtop, gbottom, gbottom - gtop, turn))
            continue
        origin(tp_v, i, ox_p, oy_p)
        g = _glyph(text, left, bottom, right, top, a, b, cc, dd, ox.value, oy.value, size, descent, page_top)
        if g is not None:
            append(g)
    return out


_MISSING: Any = object()
_FOUR_FLOATS = struct.Struct("@4f")  # an FS_RECTF: left, top, right, bottom
# a text object's (a, b, c, d, f of its matrix, font size, descent, upright, d * low edge,
# d * high edge of the glyph box across the text, reading direction)
_Object = tuple[float, float, float, float, float, float, float, bool, float, float, int]


def _object(t: _Text, tp_v: Any, i: int, obj: int, m: Any, m_p: Any, descents: dict[int | None, float]) -> _Object | None:
    """What the glyph boxes of a text object share (read once per object, at its first
    character ``i``); None when pdfium has no matrix for it."""
    if not t.matrix_h(tp_v, i, m_p):
        return None
    a, b, cc, dd, f = m.a, m.b, m.c, m.d, m.f
    size = t.font_size_h(tp_v, i)
    font = t.font_h(ctypes.c_void_p(obj))
    descent = descents.get(font)
    if descent is None:
        descent = descents[font] = _descent(t, font)
    lo = descent * size
    hi = lo + size
    upright = b == 0 and cc == 0 and _finite(a + dd + size + descent)  # else _glyph (None if not finite)
    return a, b, cc, dd, f, size, descent, upright, dd * lo, dd * hi, _turn(a, b)


_finite = math.isfinite


def _codes(t: _Text, page: int | None, n: int) -> list[int] | None:
    """Every character's code point in one call (``FPDFText_GetText``: UTF-16, one unit per
    character); None when the page has characters outside the BMP (then one call each)."""
    if n == 0:
        return []
    buf = (ctypes.c_ushort * (n + 1))()
    got = t.text(page, 0, n, buf)
    if got != n + 1 or any(0xD800 <= u <= 0xDFFF for u in buf[:n]):
        return None
    return list(buf[:n])


def _descent(t: _Text, font: int | None) -> float:
    """The descent of a font (a text object's) per unit of font size (negative)."""
    d = ctypes.c_float()
    return d.value if font and t.descent(font, 1.0, ctypes.byref(d)) else 0.0


def _glyph(text: str, lx0: float, ly0: float, lx1: float, ly1: float, a: float, b: float, cc: float, dd: float,
           ox: float, oy: float, fs: float, descent: float, page_top: float) -> Glyph | None:
    """A glyph box as pdfminer defines it (see module docstring), flipped to top-down."""
    if not math.isfinite(lx0 + ly0 + lx1 + ly1 + a + b + cc + dd + ox + oy + fs + descent):
        return None
    # the advance width in text space, from the extent of pdfium's box along the text direction
    if abs(a) >= abs(b):
        adv = abs(lx1 - lx0) / abs(a) if a else 0.0
    else:
        adv = abs(ly1 - ly0) / abs(b)
    lo = descent * fs
    hi = lo + fs
    if b == 0 and cc == 0:  # upright (or mirrored) text: the common case
        xa, xb = ox, ox + a * adv
        ya, yb = oy + dd * lo, oy + dd * hi
        x0, x1 = (xa, xb) if xa <= xb else (xb, xa)
        y0, y1 = (ya, yb) if ya <= yb else (yb, ya)
    else:
        xs = (ox + cc * lo, ox + a * adv + cc * lo, ox + cc * hi, ox + a * adv + cc * hi)
        ys = (oy + dd * lo, oy + b * adv + dd * lo, oy + dd * hi, oy + b * adv + dd * hi)
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    top, bottom = round4(page_top - y1), round4(page_top - y0)
    return Glyph(text, round4(x0), round4(x1), top, bottom, bottom - top, _turn(a, b))


def _turn(a: float, b: float) -> int:
    """Reading direction from the character matrix (y up): 0 horizontal, 1 reads downwards,
    -1 reads upwards."""
    if abs(b) <= abs(a):
        return 0
    return 1 if b < 0 else -1


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
        self.get_object = _hot(c, "FPDFPage_GetObject")
        self.get_type = _hot(c, "FPDFPageObj_GetType")
        self.get_bounds = _hot(c, "FPDFPageObj_GetBounds")
        self.get_matrix = _hot(c, "FPDFPageObj_GetMatrix")

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
        g = _glyph(" ", 0.0, 0.0, 0.25 * self.size.value * mat[0], 0.0, *mat, self.size.value, descent, self.page_top)
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
