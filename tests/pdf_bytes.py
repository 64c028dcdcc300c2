"""Tiny hand-written PDFs for the loader's edge cases (objects numbered from 1, a valid xref)."""

from __future__ import annotations


def stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF file of these object bodies (object i+1 is ``objects[i]``)."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def one_page(content: bytes, page_extra: bytes = b"", mediabox: bytes = b"[0 0 612 792]",
             more: list[bytes] | None = None, resources: bytes = b"/Font << /F1 5 0 R >>") -> bytes:
    """Catalog 1, Pages 2, Page 3, content 4, Helvetica 5, then ``more`` (6, 7, ...)."""
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + mediabox + b" /Resources << " + resources
        + b" >> /Contents 4 0 R " + page_extra + b">>",
        stream(content),
        HELVETICA,
        *(more or []),
    ])


def text_ops(x: float, y: float, text: str, size: float = 12) -> bytes:
    return b"BT /F1 %g Tf %g %g Td (%s) Tj ET\n" % (size, x, y, text.encode("latin-1"))


def grid_ops(x0: float, top: float, col_widths: list[float], row_heights: list[float], page_h: float = 792) -> bytes:
    """Stroked lines of a ruled grid (y measured down from the top of the page)."""
    xs = [x0]
    for w in col_widths:
        xs.append(xs[-1] + w)
    ys = [top]
    for h in row_heights:
        ys.append(ys[-1] + h)
    ops = [b"0.5 w"]
    for y in ys:
        ops.append(b"%g %g m %g %g l S" % (xs[0], page_h - y, xs[-1], page_h - y))
    for x in xs:
        ops.append(b"%g %g m %g %g l S" % (x, page_h - ys[0], x, page_h - ys[-1]))
    return b"\n".join(ops) + b"\n"
