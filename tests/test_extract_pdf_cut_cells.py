"""Cells a page break left open (jixiao/extract/pdf_cut_cells.py): closed on the page's last
rule, or by a rule where the page ends for a cut row; pdfplumber's cells without a page height."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from test_extract_pdf_ruling import h, v

from jixiao.extract.pdf_ruling import segments_to_tables

ROOT = Path(__file__).resolve().parent.parent
PAGE = 792.0


def _label_beside_last_rows() -> list:
    """Two rows ruled across x 40–200; a merged label column 0–40 whose side rules run on to
    764 (the margin) with no rule under it, as Chromium prints a page break."""
    return [h(600, 0, 200), h(650, 40, 200), h(700, 40, 200),
            v(0, 600, 764), v(40, 600, 764), v(120, 650, 700), v(200, 600, 764)]


def test_a_merged_cell_left_open_by_the_page_break_closes_on_the_last_rule() -> None:
    [(bbox, cells)] = segments_to_tables(_label_beside_last_rows(), PAGE)
    assert (0.0, 600.0, 40.0, 700.0) in cells  # the label's cell, closed on the last row rule
    assert bbox == (0.0, 600.0, 200.0, 700.0)  # no row under the last rule


def test_without_the_page_height_the_cells_are_pdfplumber_s() -> None:
    [(_, cells)] = segments_to_tables(_label_beside_last_rows())
    assert not [c for c in cells if c[0] == 0.0]  # the open label has no box (as in pdfplumber)


def test_a_row_cut_by_the_page_break_is_closed_where_the_page_ends() -> None:
    segs = [h(600, 0, 200), h(650, 0, 200), v(0, 600, 764), v(80, 600, 764), v(200, 600, 764)]
    [(_, cells)] = segments_to_tables(segs, PAGE)
    assert sorted(cells) == [(0.0, 600.0, 80.0, 650.0), (0.0, 650.0, 80.0, 764.0),
                             (80.0, 600.0, 200.0, 650.0), (80.0, 650.0, 200.0, 764.0)]


def test_open_ends_away_from_the_page_margins_are_left_alone() -> None:
    segs = [h(300, 0, 200), h(350, 40, 200), v(0, 300, 420), v(40, 300, 420), v(200, 300, 420)]
    assert segments_to_tables(segs, PAGE) == segments_to_tables(segs)


def test_a_browser_printed_six_form_page_reads_as_its_source() -> None:
    """corpus/chrome-pdf-sichuan-004: seed 004's six forms printed by Chromium over 12 pages. Before
    the cut cells were closed, the block labels beside the rows at each page's foot fell out of
    the tables, the pages' tables were not joined and 19 indicators were lost (510 of 710 fields);
    now every indicator is read and 705 fields are right — the 5 wrong are level-1/level-2 labels
    cut by a page break (社会效益 | 指标), the known limit xfailed in test_extract_pdf_stitch.py —
    and the error findings are the DOCX's, word for word."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import accuracy

    expected = json.loads((ROOT / "corpus" / "seed-004" / "expected.json").read_text(encoding="utf-8"))
    s = accuracy.score_case(ROOT / "corpus" / "chrome-pdf-sichuan-004" / "report.pdf", expected)
    assert (s.missing_indicators, s.spurious_indicators, s.missing_reports) == (0, 0, 0)
    assert s.right >= 705 and s.fields == 710
    assert all(".level1:" in w or ".level2:" in w for w in s.wrong if not w.startswith("错误级发现")), s.wrong
    docx = accuracy.score_case(ROOT / "corpus" / "docx-sichuan-004" / "report.docx", expected)
    assert [w for w in s.wrong if w.startswith("错误级发现")] == [w for w in docx.wrong if w.startswith("错误级发现")]
