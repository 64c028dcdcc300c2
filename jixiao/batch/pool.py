"""A crash-isolating process pool.

Unlike ``concurrent.futures.ProcessPoolExecutor`` (which breaks as a whole when
one worker dies), each worker here holds one task at a time; a worker that dies
(``os._exit``, a segfault, the OOM killer) or overruns the per-file timeout is
reported for its task only and replaced, and the batch goes on.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from jixiao.batch.worker import worker_main


@dataclass(frozen=True)
class Task:
    id: int
    path: Path
    source: str


@dataclass
class Outcome:
    """``kind``: ok (payload = Document JSON) | exception | died | timeout (payload = reason)."""

    task: Task
    kind: str
    payload: str
    rss_kb: int = 0


@dataclass
class _Worker:
    proc: BaseProcess
    conn: Connection
    task: Task | None = None
    started: float = 0.0
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


class Pool:
    def __init__(self, jobs: int, *, rules: bool = True, timeout: float | None = None,
                 start_method: str = "spawn", max_tasks_per_worker: int | None = 200) -> None:
        self.jobs = max(1, jobs)
        self.max_tasks = max_tasks_per_worker  # a fresh worker after this many files bounds slow leaks
        self.rules = rules
        self.timeout = timeout
        self._ctx: Any = mp.get_context(start_method)  # SpawnContext etc.; typeshed types it BaseContext
        self._workers: list[_Worker] = []
        self.peak_rss_kb = 0

    def _spawn(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(target=worker_main, args=(child,), daemon=True, name="jixiao-worker")
        proc.start()
        child.close()
        w = _Worker(proc, parent)
        self._workers.append(w)
        return w

    def _retire(self, w: _Worker) -> None:
        self._workers.remove(w)
        w.proc.join(timeout=0 if w.task is not None else 5)
        if w.proc.is_alive():
            w.proc.kill()
            w.proc.join(timeout=5)
        w.conn.close()

    def _assign(self, w: _Worker, task: Task, on_start: Callable[[Task], None] | None) -> None:
        w.task, w.started = task, time.monotonic()
        if on_start is not None:
            on_start(task)
        w.conn.send((task.id, str(task.path), task.source, self.rules))

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
                ready = wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout=0.5)
                for w in busy:
                    if w.conn in ready or w.proc.sentinel in ready:
                        self._collect(w, on_done)
                    elif self.timeout is not None and time.monotonic() - w.started > self.timeout:
                        task = w.task
                        self._retire(w)
                        assert task is not None
                        on_done(Outcome(task, "timeout", f"处理超时（超过 {self.timeout:g} 秒），已终止"))
        finally:
            self.close()

    def _collect(self, w: _Worker, on_done: Callable[[Outcome], None]) -> None:
        task = w.task
        assert task is not None
        msg = None
        try:
            if w.conn.poll():
                msg = w.conn.recv()
        except (EOFError, OSError):
            msg = None
        if msg is None:
            if w.proc.is_alive():
                return  # spurious wake-up; wait again
            w.proc.join(timeout=5)
            code = w.proc.exitcode
            self._retire(w)
            on_done(Outcome(task, "died", f"处理该文件时工作进程异常退出（{_signal_name(code)}）"))
            return
        _id, kind, payload, rss = msg
        w.task, w.rss_kb, w.done = None, rss, w.done + 1
        self.peak_rss_kb = max(self.peak_rss_kb, rss)
        if self.max_tasks is not None and w.done >= self.max_tasks:
            self._stop(w)
        on_done(Outcome(task, kind, payload, rss))

    def _stop(self, w: _Worker) -> None:
        """Let an idle worker exit cleanly; the run loop starts a fresh one when needed."""
        try:
            w.conn.send(None)
        except OSError:
            pass
        self._retire(w)

    def close(self) -> None:
        for w in list(self._workers):
            if w.task is None and w.proc.is_alive():
                try:
                    w.conn.send(None)
                except OSError:
                    pass
            else:
                w.proc.kill()
        for w in list(self._workers):
            w.proc.join(timeout=5)
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join(timeout=5)
            w.conn.close()
        self._workers.clear()
