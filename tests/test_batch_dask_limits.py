"""``--engine dask`` enforces the per-file limits as the local pool does: a file that hangs is
killed at ``--timeout``, one that allocates past the memory cap fails alone, one that crashes its
reader is recorded as a dead worker — with the local run's reasons, word for word — and the Dask
workers live on to read the other files (a LocalCluster of 2 worker processes)."""

from __future__ import annotations

import os
import shutil

import pytest
from layout_cases import CORPUS

pytest.importorskip("distributed", reason="the Dask engine needs dask[distributed] (pip install 'jixiao[dask]')")

from jixiao.batch import paths_to_dataset  # noqa: E402
from jixiao.batch.worker import HOOK_ENV  # noqa: E402


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, object]:
    src = tmp_path_factory.mktemp("in")
    for name, seed in {"a.txt": "000", "b.txt": "004", "hangs.txt": "001", "grows.txt": "002",
                       "segv.txt": "003"}.items():
        shutil.copy(CORPUS / f"seed-{seed}" / "report.txt", src / name)
    old = os.environ.get(HOOK_ENV)
    # the batch's test hook, read in the process that reads the file: sleep past the limit,
    # allocate 1.5 GiB under a 1 GiB cap, crash with SIGSEGV
    os.environ[HOOK_ENV] = "sleep:hangs.txt:600;alloc:grows.txt:1536;segv:segv.txt"
    try:
        runs = []
        for engine in ("local", "dask"):
            out = tmp_path_factory.mktemp(engine) / "out"
            runs.append(paths_to_dataset([src], out, formats=("csv",), jobs=2, progress=False, engine=engine,
                                         timeout=15, memory_mb=1024))
    finally:
        if old is None:
            os.environ.pop(HOOK_ENV, None)
        else:
            os.environ[HOOK_ENV] = old
    return runs[0], runs[1]


def _errors(summary) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {source.rsplit("/", 1)[-1]: reason for source, reason in summary.errors}


def test_a_hanging_file_is_killed_at_the_timeout_on_the_cluster(limited) -> None:
    local, dask = limited
    assert dask.outcomes["timeout"] == 1 == local.outcomes["timeout"]
    reason = _errors(dask)["hangs.txt"]
    assert "处理超时" in reason and "超过 15 秒" in reason


def test_the_memory_cap_and_a_crash_fail_only_their_file(limited) -> None:
    local, dask = limited
    errors = _errors(dask)
    assert "MemoryError" in errors["grows.txt"] or "内存" in errors["grows.txt"]
    assert "工作进程异常退出" in errors["segv.txt"] and "SIGSEGV" in errors["segv.txt"]
    assert dask.documents["ok"] == 2 and dask.documents["error"] == 3
    assert dask.outcomes["died"] == 1 and dask.outcomes["ok"] == 2


def test_both_engines_record_the_same_reasons(limited) -> None:
    local, dask = limited
    assert sorted(dask.errors) == sorted(local.errors)
    assert dask.documents == local.documents and dask.outcomes == local.outcomes
    assert 0 < dask.peak_worker_rss_kb  # the larger of the Dask worker and its pool child
