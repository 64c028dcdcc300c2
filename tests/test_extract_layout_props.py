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
