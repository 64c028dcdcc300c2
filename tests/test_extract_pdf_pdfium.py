"""Stage 1 of the PDF loader through pdfium: the same pages as the pdfplumber reference
reader on the corpus, and clean outcomes on hostile or odd files (hand-written PDFs)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from layout_cases import CORPUS
from pdf_bytes import HELVETICA, grid_ops, one_page, pdf, stream, text_ops

from jixiao.errors import UnreadableFile
from jixiao.extract import pdf_plumber
from jixiao.extract.pdf import bytes_to_pages, bytes_to_raw
from jixiao.extract.pdf_pdfium import _reason, bytes_to_raw_pages

PDFS = sorted(CORPUS.glob("pdf-*/report.pdf"))


def _within(seconds: float, fn: Callable[[], Any]) -> Any:
    """fn() in a daemon thread; fails (instead of hanging the suite) when it takes too long."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as e:  # noqa: BLE001 - handed back to the test
            box["error"] = e

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"still running after {seconds} s"
    if "error" in box:
        raise box["error"]
    return box["value"]


def _outcome(data: bytes) -> list[str] | str:
    try:
        return [p.text for p in _within(30, lambda: bytes_to_raw(data, "x.pdf")).paragraphs()]
    except UnreadableFile as e:
        return "错误：" + e.reason


# ---------------------------------------------------------------- same pages as the reference reader
@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.parent.name)
def test_same_pages_as_the_pdfplumber_reader(path: Path) -> None:
    data = path.read_bytes()
    ref, got = pdf_plumber.bytes_to_pages(data, "x.pdf"), bytes_to_pages(data, "x.pdf")
    assert len(ref) == len(got)
    for a, b in zip(ref, got):
        assert (round(a.width, 2), round(a.height, 2)) == (round(b.width, 2), round(b.height, 2))
        assert Counter(g.text for g in a.glyphs) == Counter(g.text for g in b.glyphs), f"page {a.number}"
        assert a.n_images == b.n_images
        assert len(a.tables) == len(b.tables)
        for (bbox_a, cells_a), (bbox_b, cells_b) in zip(a.tables, b.tables):
            assert len(cells_a) == len(cells_b)
            for ca, cb in zip([bbox_a, *cells_a], [bbox_b, *cells_b]):
                assert max(abs(u - v) for u, v in zip(ca, cb)) < 0.01
        # glyph boxes: x as pdfminer's; y differs by the font's descent at most (pdfminer
        # takes /Descent from the font descriptor, pdfium from the font itself)
        for ga, gb in zip(sorted(a.glyphs, key=_key), sorted(b.glyphs, key=_key)):
            if ga.turn == 0 and ga.text.strip():
                assert abs(ga.x0 - gb.x0) < 0.02 and abs(ga.x1 - gb.x1) < 0.02, (ga, gb)
                assert abs(ga.size - gb.size) < 0.01 and abs(ga.top - gb.top) < 0.25 * ga.size, (ga, gb)


def _key(g: Any) -> tuple:
    return (g.text, round(g.mid_y), g.x0)


# ---------------------------------------------------------------- odd and hostile files
def test_characters_lines_and_boxes_of_a_small_page() -> None:
    content = text_ops(100, 700, "Hg", size=12) + grid_ops(50, 150, [100, 100], [20, 20])
    (page,) = bytes_to_raw_pages(one_page(content), "x.pdf")
    assert (page.width, page.height) == (612, 792)
    h, g = page.glyphs
    assert (h.text, h.x0, h.size, h.turn) == ("H", 100.0, 12.0, 0)
    assert h.bottom == pytest.approx(792 - 700 + 0.224 * 12, abs=0.5)  # baseline + the font's descent
    assert g.x0 == pytest.approx(h.x1, abs=0.01)
    horizontal = sorted({s.top for s in page.segments if s.horizontal})
    assert horizontal == [150, 170, 190]


def test_text_turned_by_its_matrix_reads_in_its_direction() -> None:
    content = b"BT /F1 10 Tf 0 1 -1 0 300 500 Tm (AB) Tj ET\nBT /F1 10 Tf 0 -1 1 0 100 500 Tm (CD) Tj ET\n"
    (page,) = bytes_to_raw_pages(one_page(content), "x.pdf")
    assert sorted((g.text, g.turn) for g in page.glyphs) == [("A", -1), ("B", -1), ("C", 1), ("D", 1)]


def test_a_ruled_grid_becomes_one_table_with_its_cells() -> None:
    content = grid_ops(50, 100, [80, 120], [20, 20, 20])
    for r, label in enumerate(("Name", "Budget", "Score")):
        content += text_ops(55, 792 - 100 - 20 * r - 14, label, size=10)
    (page,) = bytes_to_pages(one_page(content), "x.pdf")
    ((bbox, cells),) = page.tables
    assert bbox == pytest.approx((50, 100, 250, 160))
    assert len(cells) == 6


def test_spaces_painted_as_their_own_text_objects_are_kept() -> None:
    content = text_ops(100, 700, "A") + text_ops(108.7, 700, " ") + text_ops(112, 700, "B")
    assert _outcome(one_page(content)) == ["A B"]


def test_glyphs_without_unicode_mapping_are_refused_as_undecodable() -> None:
    fonts = [b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H /DescendantFonts [7 0 R] >>",
             b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo /CIDSystemInfo << /Registry (Adobe) "
             b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R >>",
             b"<< /Type /FontDescriptor /FontName /Foo /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 "
             b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>"]
    data = one_page(b"BT /F2 12 Tf 100 700 Td <00410042004300440045> Tj ET", resources=b"/Font << /F2 6 0 R >>",
                    more=fonts)
    (page,) = bytes_to_raw_pages(data, "x.pdf")
    assert all(g.text.startswith("(cid:") for g in page.glyphs) and len(page.glyphs) == 5
    assert _outcome(data) == "错误：PDF文字无法解码（5/5个字符的字体缺少Unicode映射），需要先做OCR"


def test_rotate_that_is_no_number_and_rotate_45_read_upright() -> None:
    for extra in (b"/Rotate /X ", b"/Rotate 45 ", b"/Rotate -90 "):
        assert _outcome(one_page(text_ops(100, 700, "Hello"), page_extra=extra)) == ["Hello"], extra


@pytest.mark.parametrize("box", [b"[0 0 1e400 1e400]", b"[0 0 " + b"9" * 60 + b" 792]", b"[0 0 0 0]"])
def test_absurd_mediabox_is_a_clean_error(box: bytes) -> None:
    assert _outcome(one_page(text_ops(100, 700, "Hello"), mediabox=box)) == (
        "错误：PDF文件已损坏或不完整，无法解析：第1页的页面尺寸（MediaBox）无效")


SELF_REFERENCING = {
    # a page tree node listing itself among its kids
    "kids": pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
                 b"/Contents 4 0 R >>", stream(text_ops(100, 700, "Hello")), HELVETICA]),
    # a stream whose /Length is the stream object itself
    "length": pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                   b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> "
                   b"/Contents 4 0 R >>",
                   b"<< /Length 4 0 R >>\nstream\n" + text_ops(100, 700, "Hello") + b"\nendstream", HELVETICA]),
    # a form XObject that paints itself
    "form": one_page(text_ops(100, 700, "Hello") + b"/X1 Do", resources=b"/Font << /F1 5 0 R >> /XObject << /X1 6 0 R >>",
                     more=[stream(b"0.5 w 10 10 m 100 10 l S /X1 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                                  b"/Resources << /XObject << /X1 6 0 R >> >> ")]),
    # a page that is its own parent, resources and media box
    "page": pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 3 0 R /MediaBox 3 0 R /Resources 3 0 R /Contents 4 0 R >>",
                 stream(text_ops(100, 700, "Hello")), HELVETICA]),
}


@pytest.mark.parametrize("name", sorted(SELF_REFERENCING))
def test_objects_that_refer_to_themselves_do_not_hang(name: str) -> None:
    got = _outcome(SELF_REFERENCING[name])
    if name == "kids":
        assert got == "错误：PDF文件已损坏或不完整，无法解析：第2页无法打开"
    else:
        assert got == ["Hello"]


def test_pdfium_failures_get_chinese_reasons() -> None:
    import pypdfium2.raw as c
    from pypdfium2 import PdfiumError

    assert _reason(PdfiumError("x", err_code=c.FPDF_ERR_PASSWORD)).startswith("PDF已加密（需要密码才能打开）")
    assert _reason(PdfiumError("x", err_code=c.FPDF_ERR_SECURITY)).startswith("PDF已加密（加密方式不受支持）")
    assert _reason(PdfiumError("x", err_code=c.FPDF_ERR_FORMAT)) == "PDF文件已损坏或不完整，无法解析：文件结构无法识别"
    assert _outcome(b"%PDF-1.4\n%%EOF\n").startswith("错误：PDF文件已损坏或不完整")


def test_threads_reading_at_once_get_the_same_pages() -> None:
    data = (CORPUS / "pdf-national-000" / "report.pdf").read_bytes()
    want = bytes_to_raw(data, "x.pdf").model_dump_json()
    results: list[str] = []

    def read() -> None:
        results.append(bytes_to_raw(data, "x.pdf").model_dump_json())

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == [want] * 4


def test_a_cjk_font_with_a_positive_descent_shares_the_line_of_the_latin_glyphs() -> None:
    """corpus/lo-pdf-national-000 (a web page's form saved through LibreOffice): its CJK font's
    descriptor gives a positive descent. Taken as written, the CJK glyphs sat a third of an em
    above the Latin ones of the same line and the cells read ``其中当年财政拨款:``, ``补助人数人( )``
    and ``万18.74人``; as a negative descent (the PDF reference's sign) they read as printed.
    (pdfplumber's boxes differ on this file by up to 4.4 pt: pdfminer takes the fonts' descents from
    their descriptors as 0, pdfium from the font programs; both put a line's glyphs on one line.)"""
    from jixiao.pipeline import path_to_document

    f = CORPUS / "lo-pdf-national-000" / "report.pdf"
    [page, *_] = bytes_to_pages(f.read_bytes(), "x.pdf")
    cjk = next(g for g in page.glyphs if g.text == "其")
    colon = next(g for g in page.glyphs if g.text == ":" and abs(g.x0 - cjk.x1 - 12) < 1)  # 其中:
    assert abs((cjk.top + cjk.bottom) / 2 - (colon.top + colon.bottom) / 2) < 1.5
    [rep] = path_to_document(f, "lo.pdf").reports
    assert [ln.line for ln in rep.budget_lines][:2] == ["年度资金总额", "其中:当年财政拨款"]
    first = rep.indicators[0]
    assert (first.name, first.actual.raw if first.actual else None) == ("补助人数(人)", "18.74万人")
