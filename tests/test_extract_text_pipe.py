"""Pipe dialect (web renderings) on a fixture built from seed 004's first form, and
dialect detection per region of a mixed file."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract import load
from jixiao.extract.raw import RawTable
from jixiao.extract.text import text_to_raw

HERE = Path(__file__).resolve().parent
PIPE_FORM = HERE / "data" / "text" / "seed004_form1_pipe.md"
SEED_001 = HERE.parent / "corpus" / "seed-001" / "report.txt"
SEED_004 = HERE.parent / "corpus" / "seed-004" / "report.txt"


def _rows(t: RawTable) -> list[list[str]]:
    return [[c.text for c in r] for r in t.rows()]


def test_pipe_form_is_one_table_with_the_cells_of_the_docx_dump() -> None:
    doc = load(PIPE_FORM)
    assert [t.dialect for t in doc.tables()] == ["pipe"]
    t = doc.tables()[0]
    rows = _rows(t)
    # the separator rows are dropped: same row count as the cell-line dump of the same form
    cells_form = load(SEED_004).tables()[0]
    assert t.n_rows == cells_form.n_rows == 26
    assert t.n_cols == 11
    # every non-empty cell is the same as in the DOCX dump, at the same place
    # (one reason cell of the fixture is wrapped onto a second line)
    for a, b in zip(rows, _rows(cells_form)):
        assert [x.replace("\n", "") for x in a[: len(b)]] == [x.replace("\n", "") for x in b]
        assert all(x == "" for x in a[len(b):])


def test_pipe_row_continued_on_next_line_is_joined() -> None:
    t = load(PIPE_FORM).tables()[0]
    header = [r for r in _rows(t) if r[0] == "绩效指标(90分)"][0]
    assert header[6] == "度量\n单位"
    assert header[7:] == ["完成值", "权重", "得分", "未完成原因分析"]
    cost = [r for r in t.rows() if r[1].text == "成本指标"][0]
    assert [c.text for c in cost[4:10]] == ["=", "67", "万元", "40.9万元", "10", "5"]
    assert cost[10].text == "受财政资金拨付进度影响,截止24年底拨付金额为40.9元。\n截止25年3月底已经拨付完成,拨付进度为100%。"
    assert cost[4].prov.text == "＝"
    assert (cost[10].prov.line_start, cost[10].prov.line_end) == (26, 27)


def test_pipe_blank_line_between_rows_and_prose_around() -> None:
    doc = load(PIPE_FORM)
    t = doc.tables()[0]
    assert _rows(t)[-1][:2] == ["项目负责人:伏翔鳞", "财务负责人:蒲春容"]
    assert [p.text for p in doc.paragraphs()] == ["部门预算项目支出绩效自评表(2024年度)", "注:本表由网页导出。"]


def test_pipe_escapes_and_br() -> None:
    doc = text_to_raw("| 度量<br>单位 | a\\|b |  |\n|:--|--:|---|\n| 次 | 2 | |\n", "x.md")
    assert _rows(doc.tables()[0]) == [["度量\n单位", "a|b", ""], ["次", "2", ""]]


def test_dialects_detected_per_region_of_one_file() -> None:
    seed1 = SEED_001.read_text("utf-8").split("\n")
    spaced = "\n".join(seed1[115:123])  # header, 预算执行率 row, "40", "产出目标", first indicator
    text = (
        "一、项目基本情况\n\n"
        + spaced
        + "\n\n二、绩效目标完成情况\n"
        + "| 一级指标 | 三级指标 | 权重 |\n|---|---|---|\n| 产出指标 | 补助人数(人) | 20 |\n\n"
        + "三、附表\n"
        + "\t二级指标\n\t三级指标\n\t权重\n\n\t数量指标\n\t补助人数（人）\n\t20\n\n"
        + "以上为自评情况。\n"
    )
    doc = text_to_raw(text, "mixed.txt")
    assert [t.dialect for t in doc.tables()] == ["spaced", "pipe", "cells"]
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["paragraph", "table", "paragraph", "table", "paragraph", "table", "paragraph"]
    spaced_t, pipe_t, cells_t = doc.tables()
    assert _rows(spaced_t)[:2] == [["一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果"],
                                   ["预算执行率", "预算执行率", "10", "100%", "71.85%", "7.19"]]
    assert _rows(pipe_t) == [["一级指标", "三级指标", "权重"], ["产出指标", "补助人数(人)", "20"]]
    assert _rows(cells_t) == [["二级指标", "三级指标", "权重"], ["数量指标", "补助人数(人)", "20"]]
    assert [t.table for t in doc.tables()] == [0, 1, 2]
    assert [b.index for b in doc.blocks] == list(range(7))


def _tsv_of(rows: list[list[str]]) -> str:
    def field(x: str) -> str:
        return '"' + x.replace('"', '""') + '"' if "\n" in x or "\t" in x else x

    return "\n".join("\t".join(field(x) for x in r) for r in rows) + "\n"


def test_tab_separated_export_of_seed_004_form_1() -> None:
    cells_form = load(SEED_004).tables()[0]
    verbatim = [[c.prov.text.replace("\n\n", "\n") for c in r] for r in cells_form.rows()]
    text = "部门预算项目支出绩效自评表（2024年度）\n" + _tsv_of(verbatim) + "\n注：导出自表格。\n"
    doc = text_to_raw(text, "form1.tsv")
    assert [t.dialect for t in doc.tables()] == ["cells"]
    t = doc.tables()[0]
    assert _rows(t) == _rows(cells_form)
    header = [r for r in t.rows() if r[0].text == "绩效指标(90分)"][0]
    unit = header[6]
    assert unit.text == "度量\n单位"
    assert unit.prov.line_start + 1 == unit.prov.line_end  # a quoted field over two lines
    cost = [r for r in t.rows() if len(r) > 1 and r[1].text == "成本指标"][0]
    assert cost[4].text == "=" and cost[4].prov.text == "＝"
    assert [p.text for p in doc.paragraphs()] == ["部门预算项目支出绩效自评表(2024年度)", "注:导出自表格。"]


def test_tab_separated_rows_keep_leading_blank_fields() -> None:
    text = "一级指标\t二级指标\t三级指标\t权重\n产出指标\t数量指标\t补助人数\t20\n\t\t医疗保险应保尽保\t10\n"
    t = text_to_raw(text, "x.tsv").tables()[0]
    assert _rows(t) == [["一级指标", "二级指标", "三级指标", "权重"], ["产出指标", "数量指标", "补助人数", "20"],
                        ["", "", "医疗保险应保尽保", "10"]]


def test_a_bare_cr_inside_a_tab_line_is_a_character_not_a_crash() -> None:
    """Regression (fuzzer, random bytes): csv raised "new-line character seen in unquoted field"
    for a tab-separated line holding a bare CR; the fields are split on tabs instead."""
    from jixiao.extract.text_tsv import _fields

    assert _fields("项目\r名称\t某项目\t2024") == ["项目\r名称", "某项目", "2024"]
    assert _fields('"带引号"\t值') == ["带引号", "值"]
