"""Forked workers (jixiao/batch/fork.py, the pool's ``start="auto"`` used by check and extract):
the same limits and isolation as spawned workers, used only where fork is safe."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import ROOT

from jixiao.batch.fork import ForkedProcess, address_space_kb, can_fork
from jixiao.batch.pool import Outcome, Pool, Task
from jixiao.batch.worker import HOOK_ENV

CORPUS = ROOT / "corpus"
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked only on Linux")


def _run(pool: Pool, *names: str, tmp_path: Path) -> dict[str, Outcome]:
    tasks = []
    for i, name in enumerate(names):
        p = tmp_path / name
        shutil.copy(CORPUS / "seed-000" / "report.txt", p)
        tasks.append(Task(i, p, name))
    out: dict[str, Outcome] = {}
    pool.run(tasks, lambda o: out.__setitem__(o.task.source, o))
    return out


@linux_only
def test_auto_forks_one_worker_that_reads_the_file(tmp_path: Path) -> None:
    pool = Pool(1, options={"rules": True, "reply": "document"}, timeout=60, start="auto")
    out = _run(pool, "a.txt", "b.txt", tmp_path=tmp_path)
    assert pool.forked == 1  # one child served both files
    doc = json.loads(out["a.txt"].payload)
    assert out["a.txt"].kind == "ok" and doc["status"] == "ok" and doc["reports"]
    assert out["b.txt"].kind == "ok" and out["a.txt"].rss_kb > 0


@linux_only
def test_a_forked_worker_that_crashes_is_reported_and_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOOK_ENV, "segv:crash")
    pool = Pool(1, options={"rules": False, "reply": "document"}, timeout=60, start="auto")
    out = _run(pool, "crash.txt", "ok.txt", tmp_path=tmp_path)
    assert pool.forked == 2  # the dead worker was replaced by a fresh fork
    assert out["crash.txt"].kind == "died" and "信号 SIGSEGV" in out["crash.txt"].payload
    assert out["ok.txt"].kind == "ok"


@linux_only
def test_a_forked_worker_is_killed_on_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOOK_ENV, "sleep:slow:60")
    pool = Pool(1, options={"rules": False, "reply": "document"}, timeout=1.5, start="auto")
    out = _run(pool, "slow.txt", "ok.txt", tmp_path=tmp_path)
    assert out["slow.txt"].kind == "timeout" and "超过 1.5 秒" in out["slow.txt"].payload
    assert out["ok.txt"].kind == "ok" and pool.forked == 2


@linux_only
def test_a_forked_worker_has_the_memory_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(HOOK_ENV, "alloc:big:3072")
    before = resource.getrlimit(resource.RLIMIT_AS)
    pool = Pool(1, options={"rules": False, "reply": "document"}, timeout=60, memory_mb=1024, start="auto")
    out = _run(pool, "big.txt", tmp_path=tmp_path)
    assert pool.forked == 1
    assert out["big.txt"].kind == "exception" and "超出资源限制" in out["big.txt"].payload
    assert resource.getrlimit(resource.RLIMIT_AS) == before  # only the child capped itself


def test_spawn_is_used_when_a_thread_runs(tmp_path: Path) -> None:
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not can_fork(2048)
        pool = Pool(1, options={"rules": False, "reply": "document"}, timeout=60, start="auto")
        out = _run(pool, "a.txt", tmp_path=tmp_path)
    finally:
        stop.set()
        t.join()
    assert pool.forked == 0 and out["a.txt"].kind == "ok"


@linux_only
def test_fork_needs_room_under_the_memory_cap() -> None:
    vm = address_space_kb()
    assert vm is not None and vm > 0
    assert can_fork(0)  # no cap
    assert can_fork(2 * vm // 1024 + 64)
    assert not can_fork(vm // 1024)  # the child would start near its cap


def test_spawn_stays_the_default(tmp_path: Path) -> None:
    pool = Pool(1, options={"rules": False, "reply": "document"}, timeout=60)
    out = _run(pool, "a.txt", tmp_path=tmp_path)
    assert pool.forked == 0 and out["a.txt"].kind == "ok"
    with pytest.raises(ValueError):
        Pool(1, start="forkserver")


@linux_only
def test_forked_process_handle_reports_like_popen() -> None:
    pid = os.fork()
    if pid == 0:
        os._exit(7)
    h = ForkedProcess(pid)
    assert h.wait(timeout=10) == 7 and h.poll() == 7
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        import time

        time.sleep(60)
        os._exit(0)
    h = ForkedProcess(pid)
    with pytest.raises(subprocess.TimeoutExpired):
        h.wait(timeout=0.05)
    h.kill()
    assert h.wait(timeout=10) == -9
    h.kill()  # a reaped child: no error
