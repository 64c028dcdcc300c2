"""`jixiao --help`, `extract` and `schema`: thin wrappers with examples."""

from __future__ import annotations

import json

from click.testing import CliRunner
from conftest import ROOT

from jixiao.cli import app


def test_help_lists_every_command_with_an_example() -> None:
    r = CliRunner().invoke(app, ["--help"])
    assert r.exit_code == 0
    for cmd in ("ingest", "extract", "check", "rules", "schema"):
        assert cmd in r.output
        sub = CliRunner().invoke(app, [cmd, "--help"])
        assert sub.exit_code == 0, sub.output
        assert "Example" in sub.output, cmd


def test_extract_prints_the_document(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    r = CliRunner().invoke(app, ["extract", "corpus/seed-004/report.txt", "--no-rules"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["source"] == "corpus/seed-004/report.txt"
    assert len(doc["reports"]) == 6
    # form 5's cost row, as written in the source: ≤ 88 万元, 完成值 83.39万元, 权重 20, 得分 10
    cost = doc["reports"][4]["indicators"][-1]
    assert (cost["target"]["value"], cost["actual"]["raw"], cost["score"]["value"]) == ("88", "83.39万元", "10")


def test_extract_unreadable_file_is_a_clean_error(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    r = CliRunner().invoke(app, ["extract", "corpus/bad-legacy-doc/report.doc", "--no-rules"])
    assert r.exit_code == 1
    assert "须先转换为DOCX" in r.output
    assert "Traceback" not in r.output


def test_schema_is_json_schema_of_document() -> None:
    r = CliRunner().invoke(app, ["schema"])
    assert r.exit_code == 0
    schema = json.loads(r.output)
    assert schema["title"] == "Document"
    assert "Indicator" in schema["$defs"] and "Provenance" in schema["$defs"]
