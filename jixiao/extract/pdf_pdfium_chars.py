"""Characters of a pdfium text page → :class:`Glyph` s (the per-character half of
:mod:`.pdf_pdfium`, which documents the box definition and what is kept).

Everything here runs for every character of every page, so it is written for speed:
prototypes without ctypes argument conversion (:class:`_Text`, :func:`hot`), a text object's
constants read once (:func:`_object`), the upright glyph box computed inline and rounded with
:func:`jixiao.extract.pdf_round.round4` (bit-identical to ``round(v, 4)``).
"""

from __future__ import annotations

import ctypes
import math
import struct
from typing import Any

from jixiao.extract.pdf_round import round4
from jixiao.extract.pdf_text import Glyph


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


def hot(c: Any, name: str) -> Any:
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


def page_glyphs(tp: Any, page_top: float) -> list[Glyph]:
    """The glyphs pdfium's text page ``tp`` (a ``FPDF_TEXTPAGE``) paints, in its order."""
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
        g = glyph(text, left, bottom, right, top, a, b, cc, dd, ox.value, oy.value, size, descent, page_top)
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
    """The descent of a font (a text object's) per unit of font size (negative).  A positive
    /Descent (a broken font descriptor: the PDF reference says it is negative; LibreOffice writes
    one for some CJK fonts) is taken as its negative — else that font's glyphs sit a third of an
    em above the baseline of the Latin glyphs beside them and fall on a line of their own
    (``其中:当年`` read as ``其中当年:``, corpus/lo-pdf-national-000)."""
    d = ctypes.c_float()
    return -abs(d.value) if font and t.descent(font, 1.0, ctypes.byref(d)) else 0.0


def glyph(text: str, lx0: float, ly0: float, lx1: float, ly1: float, a: float, b: float, cc: float, dd: float,
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
