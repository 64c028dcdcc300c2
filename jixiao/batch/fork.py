"""Workers forked from the calling process: the pool's start mode for ``check`` and ``extract``.

A worker started as ``python -m jixiao.batch.worker`` imports the pipeline again (0.3–0.4 s
on this project's machine, more without a bytecode cache) although the calling process has
usually imported it already; ``os.fork()`` after the parent has loaded the stages
(:func:`jixiao.batch.worker.preload`) costs a few milliseconds and gives a child with the same
isolation: it sets its own address-space cap (``RLIMIT_AS``), serves tasks over two pipes with
the same :func:`~jixiao.batch.worker.worker_main`, and is killed by the parent on a timeout and
reported like any dead worker when it crashes.

Fork is used only where it is safe (:func:`can_fork`): on Linux (macOS system frameworks are
not fork-safe, Windows has no fork), from a process with a single thread (a forked child keeps
only the forking thread, so locks held by other threads would stay locked forever), and while
the parent's own address space is below half of the memory cap (the child inherits it, and a
bloated parent — a notebook holding data — would leave the child too little room).  Otherwise
the pool starts subprocess workers as before.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterable
from multiprocessing.connection import Connection

from jixiao.batch.worker import worker_main

#: signals whose handlers the child must not inherit from the parent (a CLI's or a test runner's)
_RESET = tuple(getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2") if hasattr(signal, n))


def address_space_kb() -> int | None:
    """This process's virtual memory size in KiB (Linux ``VmSize``), None when unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def can_fork(memory_mb: int) -> bool:
    """Whether a worker may be forked from this process (see the module docstring)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return False
    if threading.active_count() != 1 or threading.current_thread() is not threading.main_thread():
        return False
    if memory_mb > 0:
        vm = address_space_kb()
        if vm is None or vm > memory_mb * 1024 // 2:
            return False
    return True


class ForkedProcess:
    """The part of ``subprocess.Popen``'s interface the pool uses, for a forked child."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.args = [f"fork:{pid}"]
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # reaped elsewhere (SIGCHLD ignored): its status is lost, as Popen says 0
                self.returncode = 0
                return self.returncode
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)  # -N for signal N, as Popen
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        delay = 0.0005
        while (code := self.poll()) is None:
            if deadline is not None and time.monotonic() >= deadline:
                raise subprocess.TimeoutExpired(self.args, timeout or 0.0)
            time.sleep(delay)
            delay = min(delay * 2, 0.05)
        return code

    def kill(self) -> None:
        if self.returncode is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def fork_worker(memory_mb: int, inherited: Iterable[Connection] = ()) -> tuple[ForkedProcess, Connection, Connection]:
    """Fork a worker; returns its handle, the connection it answers on and the one it reads.

    ``inherited``: the parent's connections to other workers, closed in the child (a copy of
    another worker's write end held here would hide that worker's death from the parent)."""
    to_parent_r, to_parent_w = os.pipe()
    to_worker_r, to_worker_w = os.pipe()
    others = [c.fileno() for c in inherited if not c.closed]
    for stream in (sys.stdout, sys.stderr):  # nothing buffered is written twice
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            pass
    try:
        pid = os.fork()
    except BaseException:
        for fd in (to_parent_r, to_parent_w, to_worker_r, to_worker_w):
            os.close(fd)
        raise
    if pid == 0:  # the child: never returns into the caller's code
        code = 0
        try:
            os.close(to_parent_r)
            os.close(to_worker_w)
            for fd in others:
                try:
                    os.close(fd)
                except OSError:
                    pass
            if faulthandler.is_enabled():  # a crash reads as a dead worker, as in a spawned one
                faulthandler.disable()
            for sig in _RESET:
                signal.signal(sig, signal.SIG_DFL)
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.close(null)
            worker_main(Connection(to_worker_r, writable=False), Connection(to_parent_w, readable=False), memory_mb,
                        preloaded=True)  # the pool's preload ran here before the fork
        except BaseException:  # noqa: BLE001 - whatever happens, the child must not run the caller's code
            code = 1
        finally:
            os._exit(code)
    os.close(to_worker_r)
    os.close(to_parent_w)
    return ForkedProcess(pid), Connection(to_parent_r, writable=False), Connection(to_worker_w, readable=False)
