"""Text loader: encodings, normalisation and the cell-line dialect on seeds 000 and 004."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extract import load
from jixiao.extract.raw import RawDocument, RawTable
from jixiao.extract.text import bytes_to_raw, bytes_to_text, text_to_raw
from jixiao.extract.text_decode import decode_bytes, fold_width

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

SEED_000 = CORPUS / "seed-000" / "report.txt"
SEED_004 = CORPUS / "seed-004" / "report.txt"


def _form1_text() -> str:
    """Seed 004 up to the second form's title: the first form only."""
    lines = SEED_004.read_text("utf-8").split("\n")
    return "\n".join(lines[:223]) + "\n"


def _rows(t: RawTable) -> list[list[str]]:
    return [[c.text for c in r] for r in t.rows()]


def _row_starting(t: RawTable, *head: str) -> list[str]:
    for r in _rows(t):
        if [x for x in r if x][: len(head)] == list(head):
            return r
    raise AssertionError(f"no row starting {head}")


# ---------------------------------------------------------------- encodings

COST_ROW_TAIL = ["=", "67", "万元", "40.9万元", "10", "5"]


def _check_form1(doc: RawDocument) -> None:
    t = doc.tables()[0]
    assert _rows(t)[0] == ["项目名称", "51081122T000006557674-医疗服务与保障能力提升补助资金"]
    row = _row_starting(t, "成本指标")
    assert row[4:10] == COST_ROW_TAIL
    assert row[10].startswith("受财政资金拨付进度影响")


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_encodings_give_the_same_cells(encoding: str) -> None:
    data = _form1_text().encode(encoding)
    doc = bytes_to_raw(data, "form1.txt")
    _check_form1(doc)
    assert not doc.warnings


@pytest.mark.parametrize(("encoding", "name"), [("gbk", "gb18030"), ("utf-16-le", "utf-16-le"),
                                                 ("utf-16-be", "utf-16-be"), ("utf-8-sig", "utf-8")])
def test_encoding_is_detected(encoding: str, name: str) -> None:
    assert decode_bytes(_form1_text().encode(encoding)).encoding == name


def test_gbk_prose_seed_001_decodes() -> None:
    text = (CORPUS / "seed-001" / "report.txt").read_text("utf-8")
    assert bytes_to_text(text.encode("gbk")) == text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_ends_keep_line_numbers(newline: str) -> None:
    data = _form1_text().replace("\n", newline).encode("utf-8")
    doc = bytes_to_raw(data, "form1.txt")
    _check_form1(doc)
    cell = _row_starting(doc.tables()[0], "成本指标")
    cost = [c for c in doc.tables()[0].cells if c.text == "67"][0]
    assert cost.prov.line_start == 199  # "\t67" is line 199 of seed 004
    assert cell


def test_damaged_utf8_stays_utf8_and_warns() -> None:
    data = bytearray(_form1_text().encode("utf-8"))
    data[10:10] = b"\xff\xfe"  # two stray bytes inside the title line
    doc = bytes_to_raw(bytes(data), "bad.txt")
    _check_form1(doc)
    assert doc.warnings and "无法解码" in doc.warnings[0]


def test_undecodable_garbage_does_not_raise() -> None:
    doc = bytes_to_raw(bytes(range(128, 256)) * 3, "junk.txt")
    assert doc.warnings


# ---------------------------------------------------------------- normalisation


def test_full_width_folded_in_text_verbatim_in_provenance() -> None:
    doc = load(SEED_004)
    t = doc.tables()[0]
    nature = [c for c in t.cells if c.prov.line_start == 198][0]  # "\t＝" of the 成本指标 row
    assert nature.text == "=" and nature.prov.text == "＝"
    block = _rows(t)[5][0]
    assert block == "预算执行情况(10分)"
    impl = [c for c in t.cells if c.prov.line_start == 7][0]
    assert impl.text == "实施单位 (盖章)" and impl.prov.text == "实施单位 （盖章）"


def test_nbsp_zero_width_and_ideographic_space() -> None:
    text = "\t权\u200b重\n\t１０\u00a0分\n\n总得分\u300097.19分。\n"
    doc = text_to_raw(text, "x.txt")
    t = doc.tables()[0]
    assert _rows(t) == [["权重", "10 分"]]
    assert t.cells[1].prov.text == "１０\u00a0分"
    assert doc.paragraphs()[0].text == "总得分 97.19分。"
    assert fold_width("（５０分）：≥") == "(50分):≥"


def test_bookmark_artefacts_stripped_but_kept_verbatim() -> None:
    doc = load(SEED_000)
    p = doc.paragraphs()[0]
    assert p.text == "一、项目的基本情况"
    assert p.prov.text == "[bookmark: _Toc61505636]一、项目的基本情况"
    assert p.prov.line_start == 1
    assert not any("bookmark" in b.text for b in doc.paragraphs())


# ---------------------------------------------------------------- cell lines, seed 004


def test_seed_004_six_forms_each_table_starts_at_project_name() -> None:
    doc = load(SEED_004)
    tables = doc.tables()
    assert len(tables) == 6
    assert all(t.dialect == "cells" for t in tables)
    assert [_rows(t)[0][0] for t in tables] == ["项目名称"] * 6
    assert [t.prov.line_start for t in tables] == [2, 226, 426, 611, 800, 1034]
    titles = [p.text for p in doc.paragraphs() if p.text.startswith("部门预算项目支出绩效自评表")]
    assert titles == ["部门预算项目支出绩效自评表(2024年度)"] * 6


def test_seed_004_form1_indicator_header_has_11_cells() -> None:
    t = load(SEED_004).tables()[0]
    header = _row_starting(t, "绩效指标(90分)")
    assert header == ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量\n单位",
                      "完成值", "权重", "得分", "未完成原因分析"]
    unit = header[6]
    cell = [c for c in t.cells if c.text == unit][0]
    assert (cell.prov.line_start, cell.prov.line_end) == (90, 92)


def test_seed_004_form1_cost_row() -> None:
    t = load(SEED_004).tables()[0]
    row = _row_starting(t, "成本指标")
    assert row[:4] == ["", "成本指标", "经济成本指标", "医疗保障与服务能力提升资金成本控制数"]
    assert row[4:10] == COST_ROW_TAIL
    assert row[10] == "受财政资金拨付进度影响,截止24年底拨付金额为40.9元。截止25年3月底已经拨付完成,拨付进度为100%。"
    assert len(row) == 11


def test_seed_004_budget_rows_keep_empty_cells() -> None:
    t = load(SEED_004).tables()[0]
    assert _row_starting(t, "总额") == ["", "总额", "0.00", "67.00", "40.90", "61.04%", "10", "",
                                       _row_starting(t, "总额")[8]]
    assert _row_starting(t, "其他资金") == ["", "其他资金", "", "", "", "", "/", "/", ""]
    assert _row_starting(t, "合计") == ["合计", "100", "95", ""]


def test_seed_004_line_breaks_inside_cells() -> None:
    tables = load(SEED_004).tables()
    # form 2: "\t监管工作经费" "" "（成本控制额）" "\t≤"
    cost = _row_starting(tables[1], "成本指标")
    assert cost[3] == "监管工作经费\n(成本控制额)"
    cell = [c for c in tables[1].cells if c.text == cost[3]][0]
    assert cell.prov.text == "监管工作经费\n\n（成本控制额）"
    assert (cell.prov.line_start, cell.prov.line_end) == (395, 397)
    assert cost[4:9] == ["≤", "50000", "元", "50000元", "20"]
    # form 6: "\t主管" "" "部门" "\t广元市…"
    assert _rows(tables[5])[1][:2] == ["主管\n部门", "广元市昭化区医疗保障局部门"]


# ---------------------------------------------------------------- cell lines, seed 000


def test_seed_000_tables_as_before() -> None:
    doc = load(SEED_000)
    tables = doc.tables()
    # the stray "\t" on line 112 makes no table
    assert [(t.n_rows, t.prov.line_start) for t in tables] == [
        (9, 13), (2, 119), (5, 138), (3, 176), (2, 203), (10, 244)
    ]
    budget = _rows(tables[0])
    assert budget[0] == ["项目", "行次", "年度总金额(万元)", "财政资金", "上年结转资金(万元)", "其他资金(万元)"]
    assert budget[1] == ["", "", "", "小计", "中央级", "省级", "市级", "县区级", "", ""]
    assert budget[8] == ["预算执行率(%)", "(7)=(4)/(2)", "95.1", "95.1", "0", "0", "0", "95.1", "0", "0"]
    annex = _rows(tables[5])
    assert annex[0] == ["附件1.项目支出绩效自评表"]
    assert annex[2] == ["预算执行指标", "预算执行指标", "预算执行率", "10", "100%", "95.1%", "95.10%", "9.51",
                        "根据临汾市2021年城乡居民医疗保险财政补助负担标准执行"]
    assert annex[3][:6] == ["产出指标", "数量指标", "补助人数(人)", "20", "18", "18.74万人"]


def test_seed_000_paragraphs_one_per_line() -> None:
    doc = load(SEED_000)
    p = [b for b in doc.paragraphs() if "总得分" in b.text][0]
    assert p.text.endswith('总得分99.51分,属于"优秀"。')
    assert (p.prov.line_start, p.prov.line_end) == (117, 117)
