"""Tiny hand-built PDFs for hostile-input tests: one page whose page dictionary gets ``extra``."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from pdf_build import build_pdf  # noqa: E402  (shared with tools/fuzz.py)

_CONTENT = b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET"


def one_page_pdf(extra: bytes = b"/MediaBox [0 0 612 792]") -> bytes:
    """Object 6 refers to itself (``6 0 R``): point a key at it to make a reference loop."""
    return build_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R " + extra + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(_CONTENT) + _CONTENT + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"6 0 R",
    ])


HOSTILE_PDFS = {
    "mediabox-1e400.pdf": one_page_pdf(b"/MediaBox [0 0 1e400 792]"),
    "rotate-name.pdf": one_page_pdf(b"/MediaBox [0 0 612 792] /Rotate /X"),
    "self-reference.pdf": one_page_pdf(b"/MediaBox 6 0 R"),
}
