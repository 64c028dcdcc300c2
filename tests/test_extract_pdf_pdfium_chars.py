"""pdf_pdfium_chars: the glyph box of the fast upright path equals the general one, reading
directions, undecodable characters spelled as pdfminer does, and a real page's glyphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extract.pdf_pdfium_chars import _char_text, _turn, glyph

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_char_text() -> None:
    assert _char_text(0x9879, False) == "项"
    assert _char_text(0x9879, True) == "(cid:39033)"  # no Unicode mapping: pdfminer's spelling
    assert _char_text(0, False) == "(cid:0)" and _char_text(0xFFFD, False) == "(cid:65533)"


def test_turn() -> None:
    assert _turn(1.0, 0.0) == 0 and _turn(0.0, -1.0) == 1 and _turn(0.0, 1.0) == -1


def test_upright_box() -> None:
    # a 10 pt glyph of advance 5 pt at (100, 700), descent -0.2 em, page 842 pt high
    g = glyph("项", 100.0, 698.0, 105.0, 708.0, 1.0, 0.0, 0.0, 1.0, 100.0, 700.0, 10.0, -0.2, 842.0)
    assert g is not None
    assert (g.text, g.x0, g.x1, g.top, g.bottom, g.size, g.turn) == ("项", 100.0, 105.0, 134.0, 144.0, 10.0, 0)
    assert glyph("x", float("nan"), 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 10.0) is None


@pytest.mark.parametrize("name", ["pdf-national-000", "pdf-vertical-labels"])
def test_page_glyphs_of_a_real_page(name: str) -> None:
    from jixiao.extract.pdf_pdfium import bytes_to_raw_pages

    pages = bytes_to_raw_pages((CORPUS / name / "report.pdf").read_bytes(), "report.pdf")
    glyphs = [g for p in pages for g in p.glyphs]
    assert glyphs and all(g.x0 <= g.x1 and g.top <= g.bottom for g in glyphs)
    text = "".join(g.text for g in glyphs)
    assert "项目名称" in text
    # coordinates rounded to 4 places, as round(v, 4) gives them
    assert all(round(v, 4) == v for g in glyphs[:500] for v in (g.x0, g.x1, g.top, g.bottom))
