"""The one renderer of a place and a subject: numbered from 1, XLSX cells as Excel names them."""

from __future__ import annotations

from pathlib import Path

from rule_cases_loader import load

from jixiao.locations import cell_ref, column_letters, location_text, prov_text, report_label, subject_text
from jixiao.model import Provenance

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

C = load()


def test_numbering_from_one() -> None:
    assert report_label(0) == "报告1" and report_label(None) == "文件"
    p = Provenance(source="a.pdf", page=3, table=1, row=6, col=4, text="94.77%")
    assert location_text(p) == "第3页 表2 第7行第5列"
    assert prov_text(p) == "a.pdf 第3页 表2 第7行第5列：“94.77%”"
    assert location_text(Provenance(source="a.docx", paragraph=0)) == "第1段"


def test_text_lines_are_named_apart_from_grid_rows() -> None:
    p = Provenance(source="a.txt", table=0, row=6, col=5, line_start=40, line_end=41)
    assert location_text(p) == "文本第40–41行 表1 第7行第6列"


def test_xlsx_cells_as_excel_names_them() -> None:
    assert [column_letters(c) for c in (0, 7, 25, 26, 27, 701, 702)] == ["A", "H", "Z", "AA", "AB", "ZZ", "AAA"]
    assert cell_ref(7, 7) == "H8"
    p = Provenance(source="book.xlsx", table=0, row=7, col=7, text="10")
    assert location_text(p) == "工作表1!H8"
    assert location_text(p, {0: "自评表"}) == "自评表!H8"


def test_a_loaders_sheet_reference_names_the_real_sheet(tmp_path) -> None:
    """The XLSX (openpyxl) and calamine loaders put ``'Sheet'!A1`` in ``prov.path``: findings and
    the QA report show the sheet's own name, not 工作表1."""
    from jixiao.pipeline import read

    doc = read(CORPUS / "xlsx-sichuan-004" / "report.xlsx", rules=True)
    cell = doc.reports[0].budget_lines[0].adjusted.prov
    assert cell.path and cell.path.endswith("!" + cell_ref(cell.row, cell.col))
    assert location_text(cell) == cell.path and not location_text(cell).startswith("工作表1")
    assert location_text(Provenance(source="b.xls", table=0, row=0, col=0, path="'自评表'!A1")) == "'自评表'!A1"


def test_subjects_in_chinese() -> None:
    rep = C.BASE
    assert subject_text("budget_lines[0].rate", rep) == "预算执行率（总额行）"
    assert subject_text("budget_lines[1].adjusted", rep).startswith("调整后预算（")
    assert subject_text("indicators[0].score", rep) == f"得分（指标“{rep.indicators[0].name}”）"
    assert subject_text("indicators[*].weight") == "分值（全部指标）"
    assert subject_text("total_score") == "总分"
    assert subject_text("budget_execution.actual") == "预算执行率（指标表的预算执行率行）"
    assert subject_text("rule SCR001") == "rule SCR001"  # not a path: unchanged
