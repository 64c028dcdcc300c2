"""``jixiao explain FILE`` (cli/explain.py)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from jixiao.cli import app

ROOT = Path(__file__).resolve().parent.parent


def test_explain_prints_blocks_roles_and_rows() -> None:
    res = CliRunner().invoke(app, ["explain", str(ROOT / "corpus/seed-004/report.txt")])
    assert res.exit_code == 0, res.output
    out = res.output
    assert "块1 预算表（每行一个资金来源）：表头 第6行" in out
    assert "→ rate（预算执行率）" in out and "→ weight（分值）" in out
    assert "依据：表头“年度预算数(万元)”→“年度预算数” = line" in out
    assert "第12行 表头(块2)" in out


def test_explain_json() -> None:
    res = CliRunner().invoke(app, ["explain", "--json", str(ROOT / "corpus/docx-national-000/report.docx")])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data[0]["report"] == 1 and data[0]["blocks"][0]["quirks"] == ["LAY001"]


def test_explain_an_unreadable_file_is_a_clear_chinese_error() -> None:
    res = CliRunner().invoke(app, ["explain", str(ROOT / "corpus/bad-encrypted-pdf/report.pdf")])
    assert res.exit_code == 1
    assert "错误" in res.output and "report.pdf" in res.output


def test_explain_says_which_grids_the_loader_rebuilt_from_a_text_dialect() -> None:
    cases = {"seed-001/report.txt": "网格由pdftotext 空格分列文本重建", "fmt-txt-cellbar-004/report.txt": "网格由逐格一行文本（text |）重建"}
    for case, note in cases.items():
        res = CliRunner().invoke(app, ["explain", str(ROOT / "corpus" / case)])
        assert res.exit_code == 0, res.output
        first = res.output.splitlines()[0]
        assert first.startswith("表1（报告1）：") and first.endswith(note), first
    res = CliRunner().invoke(app, ["explain", str(ROOT / "corpus/seed-004/report.txt")])
    assert "网格由" not in res.output  # a one-cell-per-line dump is read as cells, nothing rebuilt
