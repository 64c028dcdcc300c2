"""``jixiao ingest`` end to end, as a user runs it: summary, formats, exit codes,
and an interrupted or killed run leaving the previous dataset intact."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from jixiao.batch.output import old_dir, recover
from jixiao.batch.worker import HOOK_ENV, MARKER_ENV
from jixiao.cli import app

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _inputs(tmp: Path, seeds: dict[str, str]) -> Path:
    src = tmp / "in"
    src.mkdir(exist_ok=True)
    for name, seed in seeds.items():
        shutil.copy(CORPUS / f"seed-{seed}" / "report.txt", src / name)
    return src


def _snapshot(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}


def _cli(args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "jixiao", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, **(env or {})}, start_new_session=True)


def test_ingest_prints_a_summary_and_writes_the_default_formats(tmp_path: Path) -> None:
    src = _inputs(tmp_path, {"a.txt": "004", "b.txt": "001"})
    (src / "c.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert r.exit_code == 0, r.output
    assert "文档 3 个：正常 2，空 0，错误 1" in r.output
    assert "用时" in r.output and "报告" in r.output and "问题" in r.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert {"documents.csv", "documents.parquet", "indicators.csv", "indicators.parquet"} <= names
    assert "dataset.xlsx" not in names and "dataset.duckdb" not in names


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    src = _inputs(tmp_path, {"a.txt": "004"})
    r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(tmp_path / "o"), "--format", "csv,sqlite"])
    assert r.exit_code == 2 and "sqlite" in r.output


def test_non_tty_progress_is_quiet_log_lines(tmp_path: Path) -> None:
    src = _inputs(tmp_path, {"a.txt": "004"})
    (src / "x.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    p = _cli(["ingest", str(src), "--out", str(tmp_path / "out"), "--jobs", "1"])
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err
    assert "jixiao: 错误：in/x.png: 不支持的文件格式（.png）" in err
    assert "jixiao: 2/2 个文件" in err and "\r" not in err
    assert out.startswith("文档 2 个")


def _wait_for(marker: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert marker.exists(), "the worker never reached the slow file"


def _baseline(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    src = _inputs(tmp_path, {"a.txt": "004", "b.txt": "002"})
    out = tmp_path / "out"
    p = _cli(["ingest", str(src), "--out", str(out), "--jobs", "1"])
    p.communicate(timeout=120)
    assert p.returncode == 0
    return src, out, _snapshot(out)


def test_killed_mid_run_leaves_the_previous_dataset_intact(tmp_path: Path) -> None:
    src, out, before = _baseline(tmp_path)
    _inputs(tmp_path, {"slow.txt": "000", "c.txt": "003"})
    marker = tmp_path / "inside-slow"
    p = _cli(["ingest", str(src), "--out", str(out), "--jobs", "1"],
             env={HOOK_ENV: "sleep:slow:60", MARKER_ENV: str(marker)})
    _wait_for(marker)  # the worker is sleeping inside slow.txt
    os.killpg(p.pid, signal.SIGKILL)
    p.communicate(timeout=30)
    assert _snapshot(out) == before
    # the next run cleans up and completes
    r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(out), "--jobs", "1"])
    assert r.exit_code == 0 and "文档 4 个" in r.output
    assert not [q for q in tmp_path.iterdir() if "jixiao-tmp" in q.name or "jixiao-old" in q.name]


def test_killed_while_swapping_in_leaves_the_previous_dataset_intact(tmp_path: Path) -> None:
    src, out, before = _baseline(tmp_path)
    _inputs(tmp_path, {"c.txt": "003"})
    p = _cli(["ingest", str(src), "--out", str(out), "--jobs", "1"], env={HOOK_ENV: "pause:swap:60"})
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.jixiao-tmp-*/documents.parquet")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert list(tmp_path.glob(".out.jixiao-tmp-*/documents.parquet")), "never reached the swap"
    os.killpg(p.pid, signal.SIGKILL)
    p.communicate(timeout=30)
    assert _snapshot(out) == before


def test_sigterm_exits_130_and_cleans_up(tmp_path: Path) -> None:
    src, out, before = _baseline(tmp_path)
    _inputs(tmp_path, {"slow.txt": "000"})
    marker = tmp_path / "inside-slow"
    p = _cli(["ingest", str(src), "--out", str(out), "--jobs", "1"],
             env={HOOK_ENV: "sleep:slow:60", MARKER_ENV: str(marker)})
    _wait_for(marker)
    p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=30)
    assert p.returncode == 130 and "原有数据集未改动" in err
    assert _snapshot(out) == before
    assert not list(tmp_path.glob(".out.jixiao-tmp-*"))


def test_a_run_killed_between_the_two_renames_is_repaired(tmp_path: Path) -> None:
    src, out, before = _baseline(tmp_path)
    os.rename(out, old_dir(out))  # the state a kill between "DIR → old" and "tmp → DIR" leaves
    recover(out)
    assert _snapshot(out) == before and not old_dir(out).exists()
    assert len(list((out / ".cache").glob("*/*.json"))) == 2
    os.rename(out, old_dir(out))
    r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(out), "--jobs", "1"])
    assert r.exit_code == 0 and "文档 2 个" in r.output and not old_dir(out).exists()


def test_seed004_ingest_gives_its_six_forms(tmp_path: Path) -> None:
    """corpus/seed-004 holds six 自评表 forms; the first is
    '51081122T000006557674-医疗服务与保障能力提升补助资金' (line 3)."""
    import duckdb

    r = CliRunner().invoke(app, ["ingest", str(CORPUS / "seed-004" / "report.txt"), "--out",
                                 str(tmp_path / "out"), "--format", "csv,duckdb", "--jobs", "1"])
    assert r.exit_code == 0, r.output
    con = duckdb.connect(str(tmp_path / "out" / "dataset.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM reports").fetchone()[0] == 6
        first = con.execute("SELECT min(seq) FROM reports").fetchone()[0]
        code, year = con.execute("SELECT project_code, year FROM reports WHERE seq = ?", [first]).fetchone()
        assert (code, year) == ("51081122T000006557674", 2024)
        assert con.execute("SELECT count(*) FROM report_findings").fetchone()[0] == 6
        total = con.execute(
            "SELECT adjusted, executed FROM budget_lines b JOIN reports r USING (report_id) "
            "WHERE r.seq = ? AND b.line_kind = 'total'", [first]).fetchone()
        assert [str(v.normalize()) for v in total] == ["67", "40.9"]  # 总额 67.00 | 40.90 (line 35)
    finally:
        con.close()
