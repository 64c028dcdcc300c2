"""Property: damaged DOCX/PDF bytes give a RawDocument or UnreadableFile — never any
other exception (exceptions are for bugs and unreadable files only)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from layout_cases import CORPUS

from jixiao.errors import UnreadableFile
from jixiao.extract.docx import bytes_to_raw as docx_to_raw
from jixiao.extract.pdf import bytes_to_raw as pdf_to_raw
from jixiao.extract.raw import RawDocument

DOCX = (CORPUS / "docx-national-000" / "report.docx").read_bytes()
PDF = (CORPUS / "pdf-national-000" / "report.pdf").read_bytes()


def _damage(data: bytes, cut: int, flips: list[tuple[int, int]]) -> bytes:
    b = bytearray(data[: max(1, cut)])
    for pos, val in flips:
        b[pos % len(b)] = val
    return bytes(b)


damage = st.tuples(
    st.integers(min_value=1, max_value=1 << 20),
    st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=8),
)


def _check(loader, data: bytes) -> None:
    try:
        out = loader(data, "damaged")
    except UnreadableFile as e:
        assert e.reason  # a reason is always given
    else:
        assert isinstance(out, RawDocument)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damage)
def test_damaged_docx_never_crashes(d: tuple[int, list[tuple[int, int]]]) -> None:
    _check(docx_to_raw, _damage(DOCX, *d))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damage)
def test_damaged_pdf_never_crashes(d: tuple[int, list[tuple[int, int]]]) -> None:
    _check(pdf_to_raw, _damage(PDF, *d))


@pytest.mark.parametrize("data", [b"%PDF-1.7\n", b"%PDF-1.4\n%%EOF", b"PK\x03\x04" + b"\0" * 30, b"PK\x05\x06" + b"\0" * 18])
def test_stubs_are_unreadable(data: bytes) -> None:
    loader = pdf_to_raw if data.startswith(b"%PDF") else docx_to_raw
    with pytest.raises(UnreadableFile):
        loader(data, "stub")


# ---------------------------------------------------------------- line joining
from jixiao.extract.pdf_text import Glyph, glyphs_to_lines, join_lines  # noqa: E402

_chars = st.sampled_from(list("成本指标经济≤≥=%元万人次12345.0ab "))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(_chars, min_size=1, max_size=12), min_size=1, max_size=5), st.booleans())
def test_joining_lines_loses_no_character(rows: list[list[str]], boxed: bool) -> None:
    """Lines laid out top to bottom come back in order with every non-space glyph."""
    glyphs = []
    for r, chars in enumerate(rows):
        x = 10.0
        for ch in chars:
            w = 9.0 if ord(ch) > 0x2000 else 4.5
            glyphs.append(Glyph(ch, x, x + w, 100.0 + 14 * r, 109.0 + 14 * r, 9.0))
            x += w
    lines = glyphs_to_lines(glyphs)
    text = join_lines(lines, 8.0, 130.0) if boxed else join_lines(lines)
    want = "".join(ch for chars in rows for ch in chars if ch != " ")
    assert text.replace(" ", "").replace("\n", "") == want
