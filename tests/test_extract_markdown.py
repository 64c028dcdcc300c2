"""Markdown (jixiao/extract/markdown.py) and the one list of formats (formats.py)."""

from __future__ import annotations

from pathlib import Path

from jixiao.batch.documents import REPORT_SUFFIXES
from jixiao.batch.walk import SUPPORTED
from jixiao.extract import load
from jixiao.extract.formats import FORMATS, READABLE_SUFFIXES, is_readable_name
from jixiao.extract.markdown import has_html_table, markdown_to_raw

MD = """# 项目支出绩效自评表

**（2023年度）**

<table><tr><td>项目名称</td><td colspan="2">某项目</td></tr>
<tr><td rowspan="2">产出指标</td><td>数量指标</td><td>50人次</td></tr>
<tr><td>质量指标</td><td>100%</td></tr></table>

## 二、说明

| 一级指标 | 二级指标 | 指标值 |
|---|---|---|
| 效益指标 | 社会效益 | 提高 |

结束。
"""


def test_headings_html_tables_and_pipe_tables() -> None:
    raw = markdown_to_raw(MD, "r.md")
    assert raw.format == "md"
    kinds = [(b.kind, b.text if b.kind == "paragraph" else b.dialect) for b in raw.blocks]  # type: ignore[union-attr]
    assert kinds == [("paragraph", "项目支出绩效自评表"), ("paragraph", "(2023年度)"), ("table", "grid"),
                     ("paragraph", "二、说明"), ("table", "pipe"), ("paragraph", "结束。")]
    html_t, pipe_t = raw.tables()
    assert (html_t.table, pipe_t.table) == (0, 1)
    assert [(c.row, c.col, c.row_span, c.col_span) for c in html_t.cells][:3] == [(0, 0, 1, 1), (0, 1, 1, 2),
                                                                                  (1, 0, 2, 1)]
    assert html_t.cells[0].prov.line_start == 5 and html_t.cells[0].prov.path
    assert [c.text for c in pipe_t.cells] == ["一级指标", "二级指标", "指标值", "效益指标", "社会效益", "提高"]
    assert pipe_t.cells[-1].prov.line_start == 13


def test_ragged_pipe_table_is_a_cells_table() -> None:
    md = "| 项目名称 | 甲 |\n|---|---|\n| 产出指标 | 数量指标 | 50 |\n|  | 质量指标 | 100% |\n"
    (t,) = markdown_to_raw(md, "r.md").tables()
    assert t.dialect == "cells"


def test_unclosed_html_table_runs_to_the_end() -> None:
    raw = markdown_to_raw("前言\n<table><tr><td>甲<td>乙\n", "r.md")
    assert [b.kind for b in raw.blocks] == ["paragraph", "table"]
    assert has_html_table("<TABLE border=1>") and not has_html_table("<tablet>")


def test_text_file_with_an_html_table_is_read_as_markdown(tmp_path: Path) -> None:
    f = tmp_path / "scraped.txt"
    f.write_text(MD, encoding="utf-8")
    raw = load(f)
    assert raw.format == "md" and raw.tables()[0].dialect == "grid"


def test_one_list_of_formats_for_ingest_check_and_extract() -> None:
    # check and extract walk inputs through the batch (jixiao.batch.documents), as ingest does
    assert READABLE_SUFFIXES == set(FORMATS) == SUPPORTED and SUPPORTED <= REPORT_SUFFIXES
    assert {".md", ".html", ".htm", ".shtml", ".mht", ".xls", ".xlsb", ".et", ".ods", ".txt", ".docx", ".pdf",
            ".xlsx"} <= READABLE_SUFFIXES
    assert is_readable_name("报告.MD") and is_readable_name("a.b.html") and not is_readable_name("x.csv")


def test_markdown_opening_with_an_html_table_stays_markdown(tmp_path: Path) -> None:
    f = tmp_path / "r.md"
    f.write_text("<table><tr><td>项目名称</td><td>甲</td></tr></table>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
                 encoding="utf-8")
    raw = load(f)
    assert raw.format == "md" and [t.dialect for t in raw.tables()] == ["grid", "pipe"]
