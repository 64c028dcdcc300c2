"""The worker process: receives (task id, path, source, options) and answers with the
document's table rows and counts as JSON (:mod:`jixiao.batch.result`), or with the
whole Document as JSON when ``options["reply"] == "document"`` (``check``), or as the
canonical JSON text to print with its status line when ``"canonical"`` (``extract``,
:func:`jixiao.serialize.canonical_reply`).  Runs in a child process, so a file that crashes the extractor (even
the interpreter) takes down only this worker.  The worker caps its own address
space (``RLIMIT_AS``, the third argument in MiB; 0 for none).

Test-only hook: ``JIXIAO_BATCH_TEST_HOOK`` holds ``;``-separated actions
``exit:<text>`` (``os._exit(3)``), ``segv:<text>`` (SIGSEGV), ``raise:<text>``
(a RuntimeError), ``sleep:<text>:<seconds>``, ``alloc:<text>:<MiB>``, each applied to files whose
source name contains ``<text>`` (``sleep`` first appends the source name to the
file named by ``JIXIAO_BATCH_TEST_MARKER``, if set), and ``pause:<stage>:<seconds>`` (the parent
sleeps before a stage such as ``swap``).  It exists so tests can prove the
batch survives such failures and interruptions.
"""

from __future__ import annotations

import functools
import os
import resource
import signal
import sys
import time
from multiprocessing.connection import Connection

HOOK_ENV = "JIXIAO_BATCH_TEST_HOOK"
MARKER_ENV = "JIXIAO_BATCH_TEST_MARKER"


def _test_hook(source: str) -> None:
    spec = os.environ.get(HOOK_ENV)
    if not spec:
        return
    for action in spec.split(";"):
        kind, _, rest = action.partition(":")
        text, _, arg = rest.partition(":")
        if not text or text not in source:
            continue
        if kind == "alloc":  # allocate ``arg`` MiB (proves the memory cap)
            _ = bytearray(int(arg) * 1024 * 1024)
        elif kind == "exit":
            os._exit(3)
        elif kind == "segv":
            os.kill(os.getpid(), signal.SIGSEGV)
        elif kind == "raise":
            raise RuntimeError(f"test hook: {source}")
        elif kind == "sleep":
            marker = os.environ.get(MARKER_ENV)
            if marker:  # lets a test wait until the worker is inside the file
                with open(marker, "a", encoding="utf-8") as fh:
                    fh.write(source + "\n")
            time.sleep(float(arg or 1))


def pause_hook(stage: str) -> None:
    """Test-only: sleep before ``stage`` in the parent (``pause:<stage>:<seconds>``)."""
    for action in os.environ.get(HOOK_ENV, "").split(";"):
        kind, _, rest = action.partition(":")
        name, _, arg = rest.partition(":")
        if kind == "pause" and name == stage:
            time.sleep(float(arg or 1))


def _die_with_parent() -> None:
    """Linux: ask the kernel to kill this worker when the parent dies (even by SIGKILL)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def peak_rss_kb() -> int:
    """Peak resident set size of this process in KiB.  On Linux the high-water mark of the
    process's own memory (``VmHWM``): ``ru_maxrss`` survives ``exec``, so a worker spawned
    while the parent held a few hundred MB (the rows collected so far, the writers' imports)
    would report the parent's size as its own.  Elsewhere ``ru_maxrss`` (macOS: bytes)."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss // 1024 if os.uname().sysname == "Darwin" else rss


def limit_memory(mb: int) -> None:
    """Cap this process's address space at ``mb`` MiB (never above the hard limit)."""
    if mb <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = mb * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ValueError, OSError):  # pragma: no cover - a platform without RLIMIT_AS
        pass


def preload(options: dict | None = None) -> None:
    """Import the stages a task needs (and load its rules config), so that a forked worker
    inherits them and a spawned one has them before its first file's clock starts.  A broken
    stage is not raised here: it fails each file, with its reason."""
    try:
        if options is None or options.get("reply") not in ("document", "canonical"):
            import jixiao.batch.result  # noqa: F401  (the rows reply of ingest)
        import jixiao.pipeline  # noqa: F401

        if options is not None and options.get("rules", True):
            import jixiao.rules  # noqa: F401

            if options.get("config"):
                _config(str(options["config"]))
    except Exception:
        pass


def worker_main(rx: Connection, tx: Connection, memory_mb: int = 0, *, preloaded: bool = False) -> None:
    """Serve tasks read from ``rx`` until the parent closes the pipe or sends
    ``None``; answers go to ``tx``.  ``preloaded``: the stages were imported before (a forked
    worker inherits what its parent's :func:`preload` imported for the run's options)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's business
    limit_memory(memory_mb)
    _die_with_parent()
    if os.getppid() == 1:  # the parent died before the death signal was armed
        return
    if not preloaded:
        preload()  # so a file's time limit counts its own work, not the imports
    while True:
        try:
            msg = rx.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        task_id, path, source, options = msg
        try:
            tx.send((task_id, "start", "", 0))  # the parent starts this file's clock now
        except (BrokenPipeError, OSError):
            return
        try:
            # imported inside the try: a broken stage fails the file, not the worker
            from jixiao.pipeline import path_to_document

            _test_hook(source)
            opts = _options(options)
            reply_as = opts.pop("reply", None)
            doc = path_to_document(path, source, **opts)
            if reply_as == "canonical":
                from jixiao.serialize import canonical_reply

                text = canonical_reply(doc)
            elif reply_as == "document":
                text = doc.model_dump_json()
            else:
                from jixiao.batch.result import document_to_result, result_to_json

                text = result_to_json(document_to_result(doc))
            reply = (task_id, "ok", text, peak_rss_kb())
        except Exception as e:  # a bug in a stage: recorded for this file, the batch goes on
            from jixiao.errors import exception_reason

            reply = (task_id, "exception", exception_reason(e), peak_rss_kb())
        try:
            tx.send(reply)
        except (BrokenPipeError, OSError):
            return


@functools.lru_cache(maxsize=4)
def _config(path: str) -> object:
    from jixiao.rules import load_config

    return load_config(path)


def _options(options: dict) -> dict:
    """The pipeline's keyword arguments; a rules config path is loaded once per worker."""
    opts = dict(options)
    if opts.get("config"):
        opts["config"] = _config(str(opts["config"]))
    return opts


def main(argv: list[str]) -> None:
    """``python -m jixiao.batch.worker <read fd> <write fd>`` (started by the pool)."""
    worker_main(Connection(int(argv[0]), writable=False), Connection(int(argv[1]), readable=False),
                int(argv[2]) if len(argv) > 2 else 0)


if __name__ == "__main__":
    main(sys.argv[1:])
