"""The pdftotext -layout dialect (jixiao/extract/text_layout.py, text_layout_columns.py).

Small hand-written dumps for each mechanism (positions in characters as pdftotext
writes them, wide characters counted double as an editor pads them, wrapped cells,
wrapped headers, stacked block labels, a ragged right column), Hypothesis round
trips (a grid laid out with padded columns reads back as the same grid), and the
corpus cases of tools/make_layout_corpus.py against the reports they were dumped
from (tests/test_same_report_all_formats.py holds the cross-format equality).
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.extract.text import text_to_lines, text_to_raw
from jixiao.extract.text_layout import drop_autospace, find_regions, lines_to_grid
from jixiao.extract.text_layout_columns import (
    position_metric,
)
from jixiao.extract.text_lines import display_width

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _grid(text: str) -> list[list[str]]:
    lines = text_to_lines(text)
    (a, b), = find_regions(lines)
    t = lines_to_grid(lines[a:b], "x.txt")
    return [[c.text for c in row] for row in t.rows()]


def _cells(text: str) -> list[list[str]]:
    """Rows without their empty cells."""
    return [[c for c in row if c] for row in _grid(text)]


def _pad_chars(rows: list[list[str]], widths: list[int]) -> str:
    """Rows laid out as pdftotext does: every character one column."""
    return "\n".join("".join(x.ljust(w) for x, w in zip(r, widths)).rstrip() for r in rows) + "\n"


def _pad_display(rows: list[list[str]], widths: list[int]) -> str:
    """Rows laid out as an editor does: a wide character two columns."""
    return "\n".join("".join(x + " " * (w - display_width(x)) for x, w in zip(r, widths)).rstrip()
                     for r in rows) + "\n"


def test_the_space_pdftotext_writes_between_chinese_and_latin_goes() -> None:
    assert drop_autospace("截止 24 年底拨付 40.9 万元") == "截止24年底拨付40.9万元"
    assert drop_autospace("annual report 2024") == "annual report 2024"
    assert drop_autospace("≥   1200") == "≥   1200"  # a wide gap is no autospace


# ---------------------------------------------------------------- row bands


def _at(*lines: list[tuple[int, str]]) -> str:
    """Lines with each text at its character position (as pdftotext places words)."""
    out = []
    for line in lines:
        t = ""
        for pos, text in line:
            t = t.ljust(pos) + text
        out.append(t)
    return "\n".join(out) + "\n"


# columns at 2 一级, 9 二级, 16 三级, 26 指标值, 32 完成值, 38 权重, 43 得分, 48 原因
INDICATORS = _at(
    [(2, "一级指"), (9, "二级指"), (16, "三级指标"), (26, "指标值"), (32, "完成值"), (38, "权重"), (43, "得分"),
     (48, "原因")],
    [(2, "标"), (9, "标")],
    [(2, "产出指"), (9, "数量指"), (16, "拍摄医保征收宣"), (26, "1"), (32, "1"), (38, "10"), (43, "10")],
    [(2, "标"), (9, "标"), (16, "传片数量")],
    [(16, "建成标准化医保"), (26, "1"), (32, "3"), (38, "10"), (43, "10")],
    [(16, "经办服务区级点")],
    [(16, "位")],
    [(9, "质量指"), (16, "城乡居民医保参"), (26, "98"), (32, "98%"), (38, "10"), (43, "8"), (48, "资金拨")],
    [(9, "标"), (16, "保率"), (48, "付不及")],
    [(48, "时")],
)


def test_wrapped_cells_header_and_labels_are_one_row_each() -> None:
    assert _cells(INDICATORS) == [
        ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "原因"],
        ["产出指标", "数量指标", "拍摄医保征收宣传片数量", "1", "1", "10", "10"],
        ["建成标准化医保经办服务区级点位", "1", "3", "10", "10"],
        ["质量指标", "城乡居民医保参保率", "98", "98%", "10", "8", "资金拨付不及时"],
    ]


def test_empty_cells_keep_their_column() -> None:
    rows = _grid(INDICATORS)
    assert rows[2][:3] == ["", "", "建成标准化医保经办服务区级点位"]
    assert all(len(r) == len(rows[0]) for r in rows)  # a finished grid


def test_provenance_is_the_band_of_lines_verbatim() -> None:
    lines = text_to_lines(INDICATORS)
    t = lines_to_grid(lines, "x.txt")
    name = next(c for c in t.cells if c.text == "拍摄医保征收宣传片数量")
    assert (name.prov.line_start, name.prov.line_end) == (3, 4)
    assert name.prov.text == "拍摄医保征收宣\n传片数量"


def test_editor_padded_dump_with_wrapped_cells() -> None:
    rows = [["三级指标", "指标值", "完成值"], ["拍摄医保征收宣", "1", "1"], ["传片数量", "", ""],
            ["参保率", "98", "98%"], ["完成时限", "1", "1年"]]
    text = _pad_display(rows, [16, 8, 8])
    assert position_metric(text.splitlines()) is display_width
    assert _cells(text) == [["三级指标", "指标值", "完成值"], ["拍摄医保征收宣传片数量", "1", "1"],
                            ["参保率", "98", "98%"], ["完成时限", "1", "1年"]]


def test_spaced_dumps_and_prose_are_no_layout_tables() -> None:
    seed = (CORPUS / "seed-001" / "report.txt").read_text(encoding="utf-8")
    assert find_regions(text_to_lines(seed)) == []
    prose = "一、项目概况\n\n    本项目主要用于医疗保障。\n    资金已全部到位。\n"
    assert find_regions(text_to_lines(prose)) == []


def test_a_layout_dump_reads_through_the_text_loader() -> None:
    raw = text_to_raw("        部门预算项目支出绩效自评表\n" + INDICATORS, "x.txt")
    assert raw.paragraphs()[0].text == "部门预算项目支出绩效自评表"
    (t,) = raw.tables()
    assert t.dialect == "cells" and t.n_rows == 4


def test_a_table_cut_by_a_page_break_is_one_table() -> None:
    head = "          某某局部门\n"
    page1 = _at([(0, "一级指标"), (10, "三级指标"), (22, "指标值"), (30, "原因")],
                [(0, "产出指标"), (10, "宣传片数量"), (22, "1"), (30, "资金拨付")],
                [(10, "参保率"), (22, "98"), (30, "不及时")],
                [(10, "完成时限"), (22, "1"), (30, "已完成")])
    page2 = _at([(0, "效益指标"), (8, "服务水平"), (18, "10"), (24, "好转")],
                [(8, "满意度"), (18, "90"), (24, "无")],
                [(8, "知晓率"), (18, "95"), (24, "无")],
                [(0, "合计"), (18, "100")])
    text = head + "\n" + page1 + "\n        第1页\n\f" + head + "\n" + page2 + "\n        第2页\n\f" + head
    raw = text_to_raw(text, "x.txt")
    (t,) = raw.tables()
    rows = [[c.text for c in row if c.text] for row in t.rows()]
    assert rows[4] == ["效益指标", "服务水平", "10", "好转"]
    assert rows[5] == ["满意度", "90", "无"]
    assert {c.prov.page for c in t.cells if c.text} == {1, 2}


# ---------------------------------------------------------------- properties

_HAN = st.text(st.sampled_from("预算执行绩效指标产出数量质量时效成本满意度项目资金"), min_size=2, max_size=7)
_NUM = st.integers(min_value=0, max_value=999).map(str)


@st.composite
def _table(draw: st.DrawFn) -> list[list[str]]:
    n_text = draw(st.integers(min_value=1, max_value=3))
    n_rows = draw(st.integers(min_value=4, max_value=8))
    rows = [["名称", *["说明"] * (n_text - 1), "目标值", "完成值"]]  # a heading over every column
    for _ in range(n_rows):
        first = draw(st.text(st.sampled_from("预算执行绩效指标产出"), min_size=3, max_size=6))
        texts = [draw(st.one_of(st.just(""), _HAN)) for _ in range(n_text - 1)]
        rows.append([first, *texts, draw(_NUM), draw(_NUM)])
    return rows


def _widths(rows: list[list[str]], measure) -> list[int]:  # type: ignore[no-untyped-def]
    return [max(measure(r[k]) for r in rows) + 2 for k in range(len(rows[0]))]


@given(_table())
@settings(max_examples=150, deadline=None)
def test_a_padded_grid_reads_back_as_the_grid(rows: list[list[str]]) -> None:
    text = _pad_chars(rows, _widths(rows, len))
    assert _grid(text) == rows


@given(_table())
@settings(max_examples=100, deadline=None)
def test_a_grid_padded_in_display_width_reads_back_when_a_cell_wraps(rows: list[list[str]]) -> None:
    """The first cell of row 1 wrapped over two lines (its first line the column's widest
    piece): the row comes back whole, the others as they were."""
    head, tail = rows[1][0] + "预算执行", "绩效"
    rows = [rows[0], [head, *rows[1][1:]], *rows[2:]]
    lines = [rows[0], rows[1], [tail] + [""] * (len(rows[0]) - 1), *rows[2:]]
    text = _pad_display(lines, _widths(lines, display_width))
    want = [rows[0], [head + tail, *rows[1][1:]], *rows[2:]]
    assert _grid(text) == want


# ---------------------------------------------------------------- corpus cases


def _layout_cases() -> list[str]:
    return sorted(d.name for d in CORPUS.iterdir() if d.is_dir() and "layout-" in d.name)


def test_every_source_pdf_has_its_layout_case() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    import make_layout_corpus as m

    names = {m.case_name(s, False) for s in m.SOURCES} | {m.case_name(s, True) for s in m.SOURCES}
    assert len(_layout_cases()) == len(m.SOURCES) and set(_layout_cases()) <= names
    for case in _layout_cases():
        meta = tomllib.loads((CORPUS / case / "meta.toml").read_text(encoding="utf-8"))
        assert meta["format"] == "layout" and (CORPUS / meta["same_rows_as"]).is_dir()
        assert "same_as" not in meta  # not a claim of equal reports (test_assemble_same_as)


# measured field accuracy (benchmarks/accuracy.py) of each case with an expected.json: a floor
# (a change that reads a layout dump worse fails here), no spurious indicator row anywhere
FLOORS = {
    "layout-family-continued": 1.0, "layout-family-county": 1.0, "fmt-layout-family-transfer": 1.0,
    "fmt-layout-family-lettered": 1.0, "layout-family-tworow": 0.93, "fmt-layout-family-synonyms": 1.0,
    "layout-family-execrow": 0.89, "layout-family-national": 0.84, "layout-sichuan-004": 0.89,
    "layout-national-000": 0.75,
    # browser-printed forms (rows set apart by the cells' padding: the spaced chain of find_regions)
    "layout-chrome-pdf-family-continued": 1.0, "layout-chrome-pdf-family-lettered": 1.0,
    "layout-chrome-pdf-family-national": 0.93,
}


@pytest.mark.parametrize("case", sorted(FLOORS))
def test_field_accuracy_floor(case: str) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import json

    from accuracy import expected_file, report_file, score_case

    d = CORPUS / case
    exp = expected_file(d, CORPUS)
    rep = report_file(d)
    assert exp is not None and rep is not None
    s = score_case(rep, json.loads(exp.read_text(encoding="utf-8")), ROOT)
    assert s.accuracy >= FLOORS[case], s.wrong[:10]
    assert s.spurious_indicators == 0 and s.spurious_budget_lines == 0, s.wrong[:10]


def test_a_row_with_a_number_placed_by_a_guess_is_noted_and_its_findings_are_in_doubt() -> None:
    """corpus/layout-national-000, line 10: "其中：当年财政拨  1600      1600 1521.57" — pdftotext set
    the sub-row's figures a column left of the total row's and 1521.57 one space after 1600, so the
    reader's placement is a guess (1521.57 lands under 调整后预算). The loader says so for 表1 第5行
    and BUD001 on that row is a warning marked as a possible extraction problem, not an error."""
    from conftest import CORPUS, ROOT

    from jixiao.model import Severity
    from jixiao.pipeline import path_to_document
    from jixiao.rules.doubt import repaired_rows

    f = CORPUS / "layout-national-000" / "report.txt"
    doc = path_to_document(f, str(f.relative_to(ROOT)))
    assert "表1：第5行按位置推断列：“1521.57”与前文只隔一个空格，可能错列" in [n.text for n in doc.notes]
    assert (0, 4) in [(p.table, p.row) for _, p in repaired_rows(doc)]
    [bud] = [x for x in doc.findings if x.rule_id == "BUD001"]
    assert bud.severity == Severity.WARNING and bud.extraction_doubt and "列位置为推断" in bud.message
    assert not [x for x in doc.findings if x.severity == Severity.ERROR]


def test_rows_set_apart_by_blank_lines_are_one_table() -> None:
    """A browser-printed form's dump (corpus/layout-chrome-pdf-family-national): the cell padding
    leaves one or two blank lines between rows, so no run of lines is a table on its own; the
    runs chained (find_regions) are one table per form, its title left out as prose."""
    text = (CORPUS / "layout-chrome-pdf-family-national" / "report.txt").read_text(encoding="utf-8")
    lines = text_to_lines(text)
    regions = find_regions(lines)
    assert len(regions) == 2  # two forms
    first = lines[regions[0][0]]
    assert first.text.startswith("项目名称") and "瑶浦县中小学校舍维修改造" in first.text
    raw = text_to_raw(text, "x.txt")
    [t1, t2] = raw.tables()
    assert [c.text for c in t1.cells if c.row == 0][:2] == ["项目名称", "瑶浦县中小学校舍维修改造"]
    assert any(c.text == "年度资金总额" for c in t1.cells) and any(c.text == "95.00%" for c in t1.cells)
    assert [p.text for p in raw.paragraphs()][:2] == ["项目支出绩效自评表", "(2021年度)"]  # working text: half-width brackets


def test_a_weight_that_is_not_a_number_on_a_guessed_row_is_a_doubt_not_an_error() -> None:
    """corpus/layout-vertical-labels line 65 "40.9 万元 10": the weight cell reads 万元10 because the
    unit and the weight ran together; the loader notes the row's placement as a guess, so EXT002
    ("not a number") is a warning marked as a possible extraction problem, not an error."""
    from conftest import CORPUS, ROOT

    from jixiao.model import Severity
    from jixiao.pipeline import path_to_document

    f = CORPUS / "layout-vertical-labels" / "report.txt"
    doc = path_to_document(f, str(f.relative_to(ROOT)))
    [ext] = [x for x in doc.findings if x.rule_id == "EXT002"]
    assert ext.severity == Severity.WARNING and ext.extraction_doubt and "万元10" in ext.message
    assert not [x for x in doc.findings if x.rule_id in ("EXT008", "EXT009") and x.extraction_doubt]
