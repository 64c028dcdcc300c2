"""`jixiao ingest --config` and `--convert`: passed to every worker and part of the cache key."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
from click.testing import CliRunner
from conftest import CORPUS

from jixiao.cli import app


def _findings(out) -> pd.DataFrame:
    return pd.read_csv(out / "findings.csv", encoding="utf-8-sig", dtype=str)


def test_config_changes_severity_and_is_part_of_the_cache_key(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "seed-004" / "report.txt", src / "report.txt")
    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(out), "--jobs", "1"])
    assert r.exit_code == 0, r.output
    # seed 004 forms 1, 2, 3, 5: the weighted budget item left unscored -> BUD008 is an error by default
    assert set(_findings(out).query("rule_id == 'BUD008'")["severity"]) == {"error"}
    cfg = tmp_path / "rules.toml"
    cfg.write_text('[severity]\nBUD008 = "warning"\n', encoding="utf-8")
    r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(out), "--jobs", "1", "--config", str(cfg)])
    assert r.exit_code == 0, r.output
    assert "取自缓存 0" in r.output  # another config: nothing served from the cache
    assert set(_findings(out).query("rule_id == 'BUD008'")["severity"]) == {"warning"}


def test_bad_config_is_a_clean_error(tmp_path) -> None:
    cfg = tmp_path / "rules.toml"
    cfg.write_text("[scores]\ntolerance = 'a lot'\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["ingest", str(CORPUS / "seed-004"), "--out", str(tmp_path / "o"),
                                 "--config", str(cfg)])
    assert r.exit_code == 2
    assert "错误" in r.output and "Traceback" not in r.output


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not on PATH")
def test_convert_reads_legacy_doc(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "bad-legacy-doc" / "report.doc", src / "report.doc")
    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(out), "--jobs", "1"])
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype=str)
    assert docs["status"].tolist() == ["error"] and "须先转换为DOCX" in docs["error"][0]
    r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(out), "--jobs", "1", "--convert"])
    assert r.exit_code == 0, r.output
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype=str)
    assert docs["status"].tolist() == ["ok"] and docs["format"].tolist() == ["docx"]
