"""Ingest on a Dask distributed cluster: the per-file work runs on Dask workers.

``jixiao ingest … --engine dask`` starts a ``LocalCluster`` (``--jobs`` worker processes,
one thread each: pdfium is not thread-safe); ``--scheduler tcp://HOST:PORT`` connects to an
existing cluster (``dask scheduler`` / ``dask worker``, see docs/scale.md).  Everything else
is the local run's: the driver walks the inputs, hashes the files, answers from the same
cache (same keys), and writes the same dataset; only the files the cache misses go to the
cluster, each as one task running :func:`process_file` — the per-file function of the local
worker (``path_to_document`` → table rows as JSON).

Workers open the files by path: on a real cluster the inputs must be on a filesystem every
worker sees under the same path (NFS, a cluster filesystem); a worker that cannot see a file
records it as an error naming the reason.

Limits and failures, as in a local run: a Dask task does not read the file itself.  It hands it
to a local crash-isolating pool of one worker process (:class:`jixiao.batch.pool.Pool`, the
local engine's machinery) that the Dask worker keeps between tasks (one per worker thread), so
the per-file ``--timeout`` (the child is killed with SIGKILL, which stops a parser even inside C
code, and replaced) and the memory cap (``RLIMIT_AS`` on the child) hold on every node, and a
file that crashes its reader (a segfault, ``os._exit``, the OOM killer) is recorded as ``died``
while the Dask worker lives on.  Reasons are the local pool's, word for word, so both engines give
the same dataset.  A Dask worker that dies itself is retried by Dask on another worker and, after
Dask's allowed failures, recorded as ``died``.  With no limits (``timeout=None, memory_mb=0``)
the task reads the file in the Dask worker's own process.

Besides the usual single-file outputs, a Dask run writes the tables as partitioned Parquet,
``out/parquet/<table>/part-00000.parquet`` …, (:func:`write_partitions`) with
``out/parquet/views.sql``: DuckDB views over the partitions.
"""

from __future__ import annotations

import atexit
import itertools
import os
import threading
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from jixiao.batch.pool import Outcome, Pool, Task

ROWS_PER_PART = 100_000
PARTS_DIR = "parquet"
VIEWS_NAME = "views.sql"


class _Resident(Pool):
    """The local pool, of one worker process, kept alive between the Dask tasks of one thread:
    :meth:`Pool.run` ends by closing its workers, which here keeps an idle one for the next file
    (a start costs the pipeline's imports) and drops only those that have exited."""

    def close(self) -> None:
        for w in list(self._workers):
            if w.task is not None or w.proc.poll() is not None:
                w.proc.kill()
                self._retire(w)

    def shutdown(self) -> None:
        Pool.close(self)


_LOCAL = threading.local()


def _resident(options: dict[str, object], timeout: float | None, memory_mb: int) -> _Resident:
    key = (repr(sorted(options.items())), timeout, memory_mb)
    pool: _Resident | None = getattr(_LOCAL, "pool", None)
    if pool is None or getattr(_LOCAL, "key", None) != key:
        if pool is not None:
            pool.shutdown()
        pool = _Resident(1, options=options, timeout=timeout, memory_mb=memory_mb)
        _LOCAL.pool, _LOCAL.key = pool, key
        atexit.register(pool.shutdown)  # the child also dies with the Dask worker (PR_SET_PDEATHSIG)
    return pool


def process_file(path: str, source: str, options: dict[str, object],
                 limits: tuple[float | None, int] = (None, 0)) -> tuple[str, str, int]:
    """The per-file function run on a worker: (kind, payload, peak RSS in KiB).  ``kind`` is
    ``ok`` (payload: the result JSON of :mod:`jixiao.batch.result`), ``exception``, and with
    limits (``(timeout seconds or None, memory MiB or 0)``) also ``timeout`` or ``died``: the
    file then runs in the resident local pool's worker process (see the module docstring)."""
    from jixiao.batch.worker import _options, _test_hook, peak_rss_kb

    if not os.path.exists(path):
        return "exception", f"工作节点上找不到该文件（Dask集群的各节点须以相同路径共享输入文件）：{path}", peak_rss_kb()
    timeout, memory_mb = limits
    if timeout is not None or memory_mb > 0:
        done: list[Outcome] = []
        _resident(options, timeout, memory_mb).run([Task(0, Path(path), source)], done.append)
        o = done[0]
        return o.kind, o.payload, max(o.rss_kb, peak_rss_kb())  # the larger of the child and the Dask worker
    try:
        from jixiao.batch.result import document_to_result, result_to_json
        from jixiao.pipeline import path_to_document

        _test_hook(source)
        doc = path_to_document(path, source, **_options(options))
        return "ok", result_to_json(document_to_result(doc)), peak_rss_kb()
    except Exception as e:  # noqa: BLE001 - a bug in a stage fails this file, not the batch
        from jixiao.errors import exception_reason  # the local worker's wording: same dataset

        return "exception", exception_reason(e), peak_rss_kb()


class DaskPool:
    """The local pool's interface (``run(tasks, on_done, on_start)``, ``peak_rss_kb``) over a
    Dask cluster: ``scheduler`` is its address, or None for a LocalCluster of ``jobs``
    worker processes."""

    def __init__(self, jobs: int, *, scheduler: str | None = None, options: dict[str, object] | None = None,
                 timeout: float | None = None, memory_mb: int = 0) -> None:
        self.jobs = jobs
        self.scheduler = scheduler
        self.options = dict(options or {})
        self.limits = (timeout, memory_mb)
        self.peak_rss_kb = 0

    def _client(self) -> tuple[Any, Any]:
        from distributed import Client, LocalCluster

        if self.scheduler:
            return Client(self.scheduler, timeout="30s"), None
        cluster = LocalCluster(n_workers=self.jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                               silence_logs=40)
        return Client(cluster), cluster

    def run(self, tasks: Iterable[Task], on_done: Callable[[Outcome], None],
            on_start: Callable[[Task], None] | None = None) -> None:
        from distributed import as_completed

        pending = list(tasks)
        if not pending:
            return
        client, cluster = self._client()
        try:
            window = max(2, 4 * sum(client.nthreads().values()))  # tasks in flight at once
            run = uuid.uuid4().hex[:12]  # task keys unique per run on a shared, long-lived cluster
            futures: dict[Any, Task] = {}
            queue = iter(pending)

            def submit(t: Task) -> Any:
                if on_start:
                    on_start(t)
                f = client.submit(process_file, str(t.path), t.source, self.options, self.limits, pure=False,
                                  key=f"jixiao-file-{run}-{t.id}")
                futures[f] = t
                return f

            done = as_completed([submit(t) for t in itertools.islice(queue, window)])
            for f in done:
                t = futures.pop(f)
                on_done(self._outcome(t, f))
                nxt = next(queue, None)
                if nxt is not None:
                    done.add(submit(nxt))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _outcome(self, t: Task, f: Any) -> Outcome:
        from distributed import KilledWorker

        try:
            kind, payload, rss = f.result()
        except KilledWorker:
            return Outcome(t, "died", "处理该文件的Dask工作进程多次意外退出（文件可能导致读取程序崩溃）")
        except Exception as e:  # noqa: BLE001 - the task failed on the cluster
            return Outcome(t, "exception", f"{type(e).__name__}: {e}")
        self.peak_rss_kb = max(self.peak_rss_kb, rss)
        return Outcome(t, kind, payload, rss)


# ---------------------------------------------------------------- partitioned Parquet
def write_partitions(tables: dict[str, list[Any]], out_dir: Path, rows_per_part: int = ROWS_PER_PART) -> list[Path]:
    """Every table as ``out_dir/parquet/<table>/part-NNNNN.parquet`` (``rows_per_part`` rows
    each, in the dataset's order; one schema per table, as the single file's), and
    ``out_dir/parquet/views.sql``: DuckDB views over the partitions (the tables under their
    own names, then the analysis views of the DuckDB output).  Run it from ``out_dir``:
    ``duckdb -init parquet/views.sql``."""
    import pyarrow.parquet as pq

    from jixiao.export.arrow import tables_to_arrow
    from jixiao.export.duck import VIEWS

    root = out_dir / PARTS_DIR
    paths: list[Path] = []
    sql = ["-- DuckDB views over the partitioned Parquet dataset; run from the dataset directory:",
           "--   duckdb -init parquet/views.sql"]
    for name, table in tables_to_arrow(tables).items():
        d = root / name
        d.mkdir(parents=True, exist_ok=True)
        n_parts = max(1, -(-table.num_rows // rows_per_part))
        for k in range(n_parts):
            p = d / f"part-{k:05d}.parquet"
            pq.write_table(table.slice(k * rows_per_part, rows_per_part), p, compression="zstd",
                           write_statistics=True)
            paths.append(p)
        sql.append(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet('{PARTS_DIR}/{name}/part-*.parquet');")
    for name, body in VIEWS.items():
        sql.append(f"CREATE OR REPLACE VIEW {name} AS {body.strip()};")
    views = root / VIEWS_NAME
    views.write_text("\n".join(sql) + "\n", encoding="utf-8")
    return [*paths, views]
