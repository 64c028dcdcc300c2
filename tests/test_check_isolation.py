"""``check`` and ``extract`` run through the batch pool (issue 14 item 4): per-file time limit
(even a worker stuck in C code is killed), memory cap, crash isolation, the same inputs as ingest."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from jixiao.batch.documents import paths_to_documents
from jixiao.batch.worker import HOOK_ENV
from jixiao.cli import app

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _tree(tmp_path: Path, names: dict[str, str]) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for name, seed in names.items():
        shutil.copy(CORPUS / f"seed-{seed}" / "report.txt", src / name)
    return src


def test_check_times_out_a_hanging_file_and_checks_the_rest(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _tree(tmp_path, {"slow.txt": "004", "fast.txt": "000"})
    monkeypatch.setenv(HOOK_ENV, "sleep:slow.txt:60")
    t0 = time.monotonic()
    r = CliRunner().invoke(app, ["check", str(src), "--timeout", "3", "--format", "json", "--fail-on", "never"])
    assert time.monotonic() - t0 < 40
    assert r.exit_code == 1  # an unreadable file fails the run
    docs = {d["source"]: d for d in json.loads(r.output)["documents"]}
    assert docs[f"{src}/fast.txt"]["status"] == "ok" and docs[f"{src}/fast.txt"]["reports"]
    assert "处理超时（超出资源限制" in docs[f"{src}/slow.txt"]["error"]


def test_check_survives_a_crashing_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _tree(tmp_path, {"segv.txt": "004", "ok.txt": "000"})
    monkeypatch.setenv(HOOK_ENV, "segv:segv.txt")
    docs = {d.source: d for d in paths_to_documents([src])}
    assert "工作进程异常退出" in (docs[f"{src}/segv.txt"].error or "")
    assert docs[f"{src}/ok.txt"].status == "ok"


def test_memory_cap_turns_an_allocation_into_a_limit_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _tree(tmp_path, {"big.txt": "004", "ok.txt": "000"})
    monkeypatch.setenv(HOOK_ENV, "alloc:big.txt:4096")
    docs = {d.source: d for d in paths_to_documents([src], memory_mb=1024)}
    assert "超出资源限制" in (docs[f"{src}/big.txt"].error or "")
    assert docs[f"{src}/ok.txt"].status == "ok"


def test_check_dir_lists_office_files_and_refuses_a_named_image(tmp_path: Path) -> None:
    src = _tree(tmp_path, {"r.txt": "000"})
    shutil.copy(CORPUS / "bad-legacy-wps" / "report.wps", src / "old.wps")
    shutil.copy(CORPUS / "bad-legacy-doc" / "report.doc", src / "old.doc")
    (src / "notes.csv").write_text("not a report", encoding="utf-8")
    r = CliRunner().invoke(app, ["check", str(src), "--fail-on", "never"])
    assert "old.wps：0份报告" in r.output and "old.doc：0份报告" in r.output and "notes.csv" not in r.output
    (tmp_path / "a.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a report")
    r = CliRunner().invoke(app, ["check", str(tmp_path / "a.jpg")])
    assert r.exit_code == 1 and "不支持的文件格式（.jpg）" in r.output


def test_extract_times_out_instead_of_hanging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _tree(tmp_path, {"slow.txt": "004"})
    monkeypatch.setenv(HOOK_ENV, "sleep:slow.txt:60")
    r = CliRunner().invoke(app, ["extract", str(src / "slow.txt"), "--timeout", "2"])
    assert r.exit_code == 1 and "处理超时" in r.output
    assert json.loads(r.output[r.output.index("{") : r.output.rindex("}") + 1])["status"] == "error"
