"""PDF loader on the real layouts (corpus/pdf-*): goldens, same grid as the DOCX,
rows split by page breaks, tables continued on the next page."""

from __future__ import annotations

import tomllib

import pytest
from layout_cases import CORPUS, cell_at, check_tables_golden, find_cell, layout_cases, load_case


def _same_as(case: str) -> str:
    return tomllib.loads((CORPUS / case / "meta.toml").read_text(encoding="utf-8"))["same_as"]


def _grid(t) -> list[tuple[int, int, int, int, str]]:
    """Cells with line breaks removed: a break that a wrap could also explain
    ("监管工作经费" / "（成本控制额）") cannot be told from a wrap in a PDF."""
    return sorted((c.row, c.col, c.row_span, c.col_span, c.text.replace("\n", "")) for c in t.cells)


@pytest.mark.parametrize("case", layout_cases("pdf-"))
def test_pdf_tables_golden(case: str) -> None:
    check_tables_golden(case)


@pytest.mark.parametrize("case", layout_cases("pdf-"))
def test_pdf_reads_the_same_grid_as_its_docx(case: str) -> None:
    """LibreOffice's PDF of a DOCX fixture gives the same tables (rows, columns, spans,
    working texts) and the same paragraphs: page furniture dropped, page breaks undone."""
    pdf, docx = load_case(case), load_case(_same_as(case))
    assert len(pdf.tables()) == len(docx.tables())
    for a, b in zip(pdf.tables(), docx.tables()):
        assert (a.n_rows, a.n_cols) == (b.n_rows, b.n_cols)
        assert _grid(a) == _grid(b)
    assert [p.text for p in pdf.paragraphs()] == [p.text for p in docx.paragraphs()]


def test_explicit_line_break_kept_when_geometry_proves_it() -> None:
    """"度量" ends its line with room to spare for "单": the source had a line break."""
    t = load_case("pdf-sichuan-004").tables()[0]
    assert cell_at(t, 11, 6).text == "度量\n单位"
    # wrapped text is joined without spaces, numbers intact
    assert cell_at(t, 3, 3).text.startswith("坚持稳中求进的总基调,加快构建覆盖全民、城乡统筹、权责清晰")


def test_pdf_provenance_has_page_and_bbox() -> None:
    raw = load_case("pdf-sichuan-004")
    assert raw.n_pages == 11
    t, c = find_cell(raw, "拍摄医保征收宣传片数量")
    assert c.prov.page == 1 and c.prov.bbox is not None
    x0, top, x1, bottom = c.prov.bbox
    assert x0 < x1 and top < bottom
    assert (c.prov.table, c.prov.row, c.prov.col) == (t.table, c.row, c.col)
    # each form starts on a new page and runs onto the next one
    assert [tb.prov.page for tb in raw.tables()] == [1, 3, 5, 7, 9, 11]
    assert [p.prov.page for p in raw.paragraphs()] == [1, 3, 5, 7, 9, 11]


def test_page_numbers_and_running_header_dropped() -> None:
    raw = load_case("pdf-sichuan-004")
    texts = [p.text for p in raw.paragraphs()]
    assert not any("页" in t and any(ch.isdigit() for ch in t) for t in texts)
    assert "广元市昭化区医疗保障局部门" not in texts  # the running header


# ---------------------------------------------------------------- split rows
def test_split_cost_row_is_stitched_without_corrupting_numbers() -> None:
    """pdf-long-split: the cost row of seed 004 form 2 (national layout) is cut by the
    page break: "≤5000" ends page 1 and "0元" starts page 2; "成本指" / "标" likewise."""
    raw = load_case("pdf-long-split")
    (t,) = raw.tables()
    target_t, target = find_cell(raw, "≤50000元")
    row = [c.text for c in t.rows()[target.row]]
    assert row[:2] == ["成本指标", "经济成本指标"]
    assert row[2].replace("\n", "") == "监管工作经费(成本控制额)"
    assert row[3] == "≤50000元"
    assert row[4:7] == ["50000元", "20", "15"]
    assert "≤5000" not in [c.text for c in t.cells] and "0元" not in [c.text for c in t.cells]
    assert target.prov.page == 1  # first part's page
    assert target.prov.text == "≤50000元"
    assert any("分页截断" in w for w in raw.warnings)
    # no row of fragments left behind
    assert all(any(c.text for c in r) for r in t.rows())


def test_split_rows_in_the_six_forms() -> None:
    """pdf-sichuan-004: every form runs over a page break; four rows are cut by it.
    Form 2's cost row (seed 004: 监管工作经费 ≤ 50000 元, 完成值 50000元, 20, 15) starts
    on page 3 and ends on page 4: one row, read as the seed has it."""
    raw = load_case("pdf-sichuan-004")
    assert sum("被分页截断" in w for w in raw.warnings) == 4
    assert "表2：第19行被分页截断，已与第4页的续行合并" in raw.warnings
    t = raw.tables()[1]
    assert t.n_rows == 24
    row = t.rows()[18]
    assert [c.text.replace("\n", "") for c in row][:9] == [
        "成本指标", "经济成本指标", "监管工作经费(成本控制额)", "≤", "50000", "元", "50000元", "20", "15"]
    assert row[-1].text == (
        "24年初基金监管经费预算5万元,截止25年底已经全部拨付完成。结转23年的5万元基金经费受财政资金拨付进度影响,"
        "24年底未拨付,截止绩效评价日已经完成拨付10万元。拨付进度100%。"
    )
    assert {c.prov.page for c in row} == {3}  # first part's page
    assert t.rows()[19][0].text == "合计"


# ---------------------------------------------------------------- continued tables (续表)
def test_continued_table_with_repeated_heading_is_one_table() -> None:
    raw = load_case("pdf-long-repeat")
    assert raw.n_pages == 2
    budget, ind = raw.tables()
    heading = [c.text for c in ind.rows()[0]]
    assert heading[:4] == ["绩效指标", "一级指标", "二级指标", "三级指标"]
    assert sum(1 for c in ind.cells if c.text == "一级指标") == 1  # repeated heading dropped
    out = next(c for c in ind.cells if c.text == "产出指标")
    assert out.row_span == 7  # the merged group continues on page 2
    pages = {c.prov.page for c in ind.cells}
    assert pages == {1, 2}
    assert any("重复的表头" in w for w in raw.warnings)


# ---------------------------------------------------------------- paragraphs
def test_prose_paragraphs_rejoined_over_lines_and_pages() -> None:
    """pdf-prose-002 (seed 002's narrative, justified): wrapped lines joined without
    spaces, the spaces the seed really has kept, a paragraph cut by the page break
    rejoined, page numbers gone."""
    raw = load_case("pdf-prose-002")
    texts = [p.text for p in raw.paragraphs()]
    assert texts[:3] == ["2022年度区医保局城乡医疗救助", "项目部门评价报告", "基本情况"]
    assert any("实际支出金额为224.94万元,预算执行率为56.23%。" in t for t in texts)
    assert "2022年我区共有 5874 名困难人员" in "".join(texts)
    assert any("共计得89分,评定等级标准为良。" in t for t in texts)
    assert any("续接" in w for w in raw.warnings)
    assert not any(t.strip().startswith("第") and t.strip().endswith("页") for t in texts)


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_rotated_pages_read_like_upright_ones(rotation: int, tmp_path) -> None:
    """The same PDF with every page shown rotated (/Rotate) gives the same blocks."""
    import pypdfium2 as pdfium

    from jixiao.extract.pdf import bytes_to_raw

    src = CORPUS / "pdf-national-000" / "report.pdf"
    doc = pdfium.PdfDocument(str(src))
    for page in doc:
        page.set_rotation(rotation)
    out = tmp_path / "rotated.pdf"
    doc.save(str(out))
    doc.close()
    upright = bytes_to_raw(src.read_bytes(), "x.pdf")
    turned = bytes_to_raw(out.read_bytes(), "x.pdf")
    assert [p.text for p in turned.paragraphs()] == ["项目支出绩效自评表", "(2021年度)"]
    for a, b in zip(upright.tables(), turned.tables(), strict=True):
        assert _grid(a) == _grid(b)


def test_rotated_label_text_reads_in_its_own_direction() -> None:
    """pdf-vertical-labels: seed 004 form 1 with its block labels set bottom-to-top
    (w:textDirection btLr); the glyphs are turned, the text must not come out reversed."""
    t = load_case("pdf-vertical-labels").tables()[0]
    labels = [c.text for c in t.cells if c.col == 0 and c.row_span > 1]
    assert labels == ["项目基本情况", "预算执行情况(10分)", "绩效指标(90分)"]


def test_turned_glyph_columns_are_ordered() -> None:
    """Synthetic: text reading upwards in two columns (left column first)."""
    from jixiao.extract.pdf_text import Glyph, cell_text

    def col(text: str, x: float, turn: int) -> list[Glyph]:
        n = len(text)
        if turn < 0:  # bottom to top: first character lowest
            return [Glyph(ch, x, x + 9, 200 - 9 * (i + 1), 200 - 9 * i, 9, turn) for i, ch in enumerate(text)]
        return [Glyph(ch, x, x + 9, 100 + 9 * i, 109 + 9 * i, 9, turn) for i, ch in enumerate(text)][:n]

    up = col("绩效指标", 10, -1) + col("(90分)", 22, -1)
    assert cell_text(up, 5, 40)[0] == "绩效指标(90分)"
    down = col("预算执行", 30, 1) + col("情况", 18, 1)  # reading downwards: right column first
    assert cell_text(down, 5, 45)[0] == "预算执行情况"


def test_a_title_opening_a_page_above_a_table_is_not_joined_to_the_page_before() -> None:
    """corpus/chrome-pdf-family-lettered: form 1 ends at the foot of page 1 with its signature line
    (full width), form 2's title opens page 2 right above its table. The paragraph joining across
    pages made them one paragraph and report 2 lost its year; a single line right above a table
    is that table's title."""
    from jixiao.pipeline import path_to_document

    f = CORPUS / "chrome-pdf-family-lettered" / "report.pdf"
    raw = load_case("chrome-pdf-family-lettered")
    assert [(p.prov.page, p.text) for p in raw.paragraphs()][:3] == [
        (1, "项目支出绩效自评表(2023年度)"), (1, "填报人:柯明远 审核人:沈书岚 填报日期:2024年2月26日"),
        (2, "项目支出绩效自评表(2023年度)")]
    assert [r.year for r in path_to_document(f, "lettered.pdf").reports] == [2023, 2023]
