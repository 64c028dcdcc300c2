"""Hand-built PDF bytes with a correct cross-reference table, for fuzz seeds and hostile-input
tests (tools/fuzz.py, tests/pdf_fixtures.py): no PDF library involved, so any object can be
written exactly as a test needs it (loops, absurd boxes, broken values)."""

from __future__ import annotations


def build_pdf(objs: list[bytes]) -> bytes:
    """A PDF with these objects (1-based, object 1 the catalog) and a correct xref table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)
