"""Forked workers (jixiao/batch/fork.py, the pool's ``start="auto"`` used by check and extract):
the same limits and isolation as spawned workers, used only where fork is safe."""

from __future__ import annotations

import json
import os
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


# Run in a fresh interpreter: the test process may hold threads (a Dask cluster's) or gigabytes
# of address space from earlier tests, where fork is rightly refused.
_FRESH = """
import json, resource, shutil, sys
from pathlib import Path
from jixiao.batch.fork import can_fork
from jixiao.batch.pool import Pool, Task
cfg = json.loads(sys.argv[1])
tmp = Path(cfg["tmp"])
assert can_fork(cfg["memory_mb"]), "a fresh single-threaded interpreter may fork"
before = resource.getrlimit(resource.RLIMIT_AS)
pool = Pool(1, options={"rules": cfg["rules"], "reply": "document"}, timeout=cfg["timeout"],
            memory_mb=cfg["memory_mb"], start="auto")
tasks = []
for i, name in enumerate(cfg["names"]):
    shutil.copy(cfg["src"], tmp / name)
    tasks.append(Task(i, tmp / name, name))
out = {}
pool.run(tasks, lambda o: out.__setitem__(o.task.source, [o.kind, o.payload, o.rss_kb]))
print(json.dumps({"forked": pool.forked, "out": out,
                  "parent_limit_unchanged": resource.getrlimit(resource.RLIMIT_AS) == before}))
"""


def _fresh(tmp_path: Path, *names: str, hook: str = "", rules: bool = False, timeout: float = 60,
           memory_mb: int = 2048) -> dict:
    cfg = {"tmp": str(tmp_path), "names": list(names), "rules": rules, "timeout": timeout, "memory_mb": memory_mb,
           "src": str(CORPUS / "seed-000" / "report.txt")}
    env = {**os.environ, "PYTHONPATH": str(ROOT), HOOK_ENV: hook}
    r = subprocess.run([sys.executable, "-c", _FRESH, json.dumps(cfg)], capture_output=True, text=True, env=env,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    result: dict = json.loads(r.stdout.strip().splitlines()[-1])
    return result


@linux_only
def test_auto_forks_one_worker_that_reads_the_file(tmp_path: Path) -> None:
    r = _fresh(tmp_path, "a.txt", "b.txt", rules=True)
    assert r["forked"] == 1  # one child served both files
    kind, payload, rss = r["out"]["a.txt"]
    doc = json.loads(payload)
    assert kind == "ok" and doc["status"] == "ok" and doc["reports"] and rss > 0
    assert r["out"]["b.txt"][0] == "ok"


@linux_only
def test_a_forked_worker_that_crashes_is_reported_and_replaced(tmp_path: Path) -> None:
    r = _fresh(tmp_path, "crash.txt", "ok.txt", hook="segv:crash")
    assert r["forked"] == 2  # the dead worker was replaced by a fresh fork
    kind, payload, _ = r["out"]["crash.txt"]
    assert kind == "died" and "信号 SIGSEGV" in payload
    assert r["out"]["ok.txt"][0] == "ok"


@linux_only
def test_a_forked_worker_is_killed_on_timeout(tmp_path: Path) -> None:
    r = _fresh(tmp_path, "slow.txt", "ok.txt", hook="sleep:slow:60", timeout=1.5)
    kind, payload, _ = r["out"]["slow.txt"]
    assert kind == "timeout" and "超过 1.5 秒" in payload
    assert r["out"]["ok.txt"][0] == "ok" and r["forked"] == 2


@linux_only
def test_a_forked_worker_has_the_memory_cap(tmp_path: Path) -> None:
    r = _fresh(tmp_path, "big.txt", hook="alloc:big:3072", memory_mb=1024)
    assert r["forked"] == 1
    kind, payload, _ = r["out"]["big.txt"]
    assert kind == "exception" and "超出资源限制" in payload
    assert r["parent_limit_unchanged"]  # only the child capped itself


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
def test_fork_needs_room_under_the_memory_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    import jixiao.batch.fork as fork

    monkeypatch.setattr(fork.threading, "active_count", lambda: 1)  # whatever this test process holds
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
