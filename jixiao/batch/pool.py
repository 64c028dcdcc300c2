"""A crash-isolating process pool.

Unlike ``concurrent.futures.ProcessPoolExecutor`` (which breaks as a whole when
one worker dies), each worker here holds one task at a time; a worker that dies
(``os._exit``, a segfault, the OOM killer) or overruns the per-file timeout is
reported for its task only and replaced, and the batch goes on.

Resource limits: the per-file wall-clock limit is enforced here, in the parent
(a worker that overruns is killed with SIGKILL, which stops it even inside C code
such as a parser loop, and replaced; the file is listed with the reason); the
memory cap is an address-space limit (``RLIMIT_AS``) each worker sets on itself,
so an allocation past it fails as ``MemoryError`` (or kills only that worker).
Defaults: :data:`DEFAULT_TIMEOUT` seconds and :data:`DEFAULT_MEMORY_MB` MiB.

Start modes (``start``):

- ``"spawn"`` (the default; ``ingest``): workers are started as ``python -m
  jixiao.batch.worker`` with two pipes (not by ``multiprocessing``), so they never
  re-import the caller's ``__main__``: the pool works the same from the CLI, a script
  without a ``__main__`` guard, a notebook or ``python -`` (stdin), and a worker loads
  only what the pipeline needs.  Each start pays the pipeline's imports (0.3–0.4 s).
- ``"auto"`` (``check`` and ``extract``, :mod:`jixiao.batch.documents`): the parent loads
  the stages once and forks each worker (:mod:`jixiao.batch.fork`, a few ms) when that is
  safe — Linux, a single-threaded parent, a parent address space below half the memory
  cap — and spawns otherwise.  A forked worker has the same limits and isolation: it sets
  its own ``RLIMIT_AS``, the parent kills it on a timeout, a crash is reported as a dead
  worker.  ``jixiao extract`` of one file then pays one import of the pipeline instead of two
  (docs/benchmarks.md, Start-up).
  ``ingest`` keeps spawning: its parent grows with every collected row, which each
  forked child would carry.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path

import jixiao
from jixiao.batch.defaults import DEFAULT_MEMORY_MB
from jixiao.batch.fork import ForkedProcess, can_fork, fork_worker
from jixiao.errors import LIMIT, UNRECOGNISED

_PACKAGE_PARENT = str(Path(jixiao.__file__).resolve().parent.parent)
#: extra seconds a fresh worker may take to load the pipeline before it begins its first file
STARTUP_GRACE = 90.0


@dataclass(frozen=True)
class Task:
    id: int
    path: Path
    source: str


@dataclass
class Outcome:
    """``kind``: ok (payload = result JSON) | exception | died | timeout (payload = reason)."""

    task: Task
    kind: str
    payload: str
    rss_kb: int = 0


@dataclass
class _Worker:
    proc: subprocess.Popen[bytes] | ForkedProcess
    rx: Connection  # worker → parent
    tx: Connection  # parent → worker
    task: Task | None = None
    started: float = 0.0
    acked: bool = False  # the worker has begun the task (sent its start message)
    rss_kb: int = 0
    done: int = field(default=0)


def _signal_name(code: int | None) -> str:
    if code is None:
        return "未知"
    if code < 0:
        try:
            return f"信号 {signal.Signals(-code).name}"
        except ValueError:
            return f"信号 {-code}"
    return f"退出码 {code}"


def _worker_env() -> dict[str, str]:
    """The parent's environment, with the same jixiao first on the path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (_PACKAGE_PARENT, env.get("PYTHONPATH", "")) if p)
    return env


class Pool:
    def __init__(self, jobs: int, *, options: dict[str, object] | None = None, timeout: float | None = None,
                 max_tasks_per_worker: int | None = 500, memory_mb: int = DEFAULT_MEMORY_MB,
                 start: str = "spawn") -> None:
        if start not in ("spawn", "auto"):
            raise ValueError(f"start must be 'spawn' or 'auto', not {start!r}")
        self.jobs = max(1, jobs)
        self.start = start
        self.forked = 0  # workers started by fork (the rest were spawned)
        # a fresh worker after this many files bounds slow leaks (a start costs the imports, ~0.3 s)
        self.max_tasks = max_tasks_per_worker
        # keyword arguments of jixiao.pipeline.path_to_document (rules, convert, config path)
        self.options = dict(options or {})
        self.timeout = timeout
        self.memory_mb = memory_mb
        self._workers: list[_Worker] = []
        self.peak_rss_kb = 0

    def _spawn(self) -> _Worker:
        if self.start == "auto":
            from jixiao.batch.worker import preload

            preload(self.options)  # before the check: the imports are part of the parent's size
            if can_fork(self.memory_mb):
                forked, rx, tx = fork_worker(self.memory_mb, [c for w in self._workers for c in (w.rx, w.tx)])
                self.forked += 1
                fw = _Worker(forked, rx, tx)
                self._workers.append(fw)
                return fw
        to_parent_r, to_parent_w = os.pipe()
        to_worker_r, to_worker_w = os.pipe()
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "jixiao.batch.worker", str(to_worker_r), str(to_parent_w),
                 str(self.memory_mb)],
                pass_fds=(to_worker_r, to_parent_w), env=_worker_env(), stdin=subprocess.DEVNULL,
            )
        except BaseException:
            for fd in (to_parent_r, to_parent_w, to_worker_r, to_worker_w):
                os.close(fd)
            raise
        os.close(to_worker_r)
        os.close(to_parent_w)
        w = _Worker(proc, Connection(to_parent_r, writable=False), Connection(to_worker_w, readable=False))
        self._workers.append(w)
        return w

    def _retire(self, w: _Worker) -> None:
        self._workers.remove(w)
        try:
            w.proc.wait(timeout=0.1 if w.task is not None else 5)
        except subprocess.TimeoutExpired:
            w.proc.kill()
            w.proc.wait()
        w.rx.close()
        w.tx.close()

    def _assign(self, w: _Worker, task: Task, on_start: Callable[[Task], None] | None) -> None:
        w.task, w.started, w.acked = task, time.monotonic(), False
        if on_start is not None:
            on_start(task)
        try:
            w.tx.send((task.id, str(task.path), task.source, self.options))
        except OSError:
            pass  # the worker is gone; its pipe reads EOF and _collect records it

    def run(self, tasks: Iterable[Task], on_done: Callable[[Outcome], None],
            on_start: Callable[[Task], None] | None = None) -> None:
        pending = deque(tasks)
        try:
            while pending or any(w.task is not None for w in self._workers):
                for w in self._workers:
                    if w.task is None and pending:
                        self._assign(w, pending.popleft(), on_start)
                while pending and len(self._workers) < self.jobs:
                    self._assign(self._spawn(), pending.popleft(), on_start)
                busy = [w for w in self._workers if w.task is not None]
                ready = wait([w.rx for w in busy], timeout=0.5)
                for w in busy:
                    if w.rx in ready:
                        self._collect(w, on_done)
                    elif self.timeout is not None and time.monotonic() - w.started > (
                            self.timeout if w.acked else self.timeout + STARTUP_GRACE):
                        task = w.task
                        assert task is not None
                        w.proc.kill()
                        self._retire(w)
                        on_done(Outcome(task, "timeout",
                                        f"处理超时（{LIMIT}：超过 {self.timeout:g} 秒），工作进程已终止并替换"))
        finally:
            self.close()

    def _collect(self, w: _Worker, on_done: Callable[[Outcome], None]) -> None:
        task = w.task
        assert task is not None
        try:
            msg = w.rx.recv()
        except (EOFError, OSError):  # the worker died: its end of the pipe closed
            try:
                code = w.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                w.proc.kill()
                code = w.proc.wait()
            self._retire(w)
            cause = f"{LIMIT}：可能内存不足" if code in (-signal.SIGKILL, -signal.SIGABRT) else UNRECOGNISED
            on_done(Outcome(task, "died", f"处理该文件时工作进程异常退出（{_signal_name(code)}；{cause}）"))
            return
        _id, kind, payload, rss = msg
        if kind == "start":  # the worker is ready and has begun the file: its time limit starts now
            w.started, w.acked = time.monotonic(), True
            return
        w.task, w.rss_kb, w.done = None, rss, w.done + 1
        self.peak_rss_kb = max(self.peak_rss_kb, rss)
        if self.max_tasks is not None and w.done >= self.max_tasks:
            self._stop(w)
        on_done(Outcome(task, kind, payload, rss))

    def _stop(self, w: _Worker) -> None:
        """Let an idle worker exit cleanly; the run loop starts a fresh one when needed."""
        try:
            w.tx.send(None)
        except OSError:
            pass
        self._retire(w)

    def close(self) -> None:
        for w in list(self._workers):
            if w.task is None:
                try:
                    w.tx.send(None)
                except OSError:
                    pass
            else:
                w.proc.kill()
        for w in list(self._workers):
            try:
                w.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                w.proc.kill()
                w.proc.wait()
            w.rx.close()
            w.tx.close()
        self._workers.clear()
