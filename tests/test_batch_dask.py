"""``--engine dask``: the same per-file work on a Dask LocalCluster (2 worker processes) gives
a dataset byte-identical to the local run's, the same cache, and partitioned Parquet with
DuckDB views over it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from layout_cases import CORPUS

pytest.importorskip("distributed", reason="the Dask engine needs dask[distributed] (pip install 'jixiao[dask]')")

from jixiao.batch import paths_to_dataset  # noqa: E402
from jixiao.batch.dask_engine import write_partitions  # noqa: E402

CASES = ["seed-004", "docx-national-000", "pdf-national-000", "xlsx-sichuan-004", "bad-encrypted-pdf",
         "bad-legacy-doc"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, object, object, Path]:
    src = tmp_path_factory.mktemp("in")
    for c in CASES:
        shutil.copytree(CORPUS / c, src / c, ignore=shutil.ignore_patterns("*.json", "*.toml"))
    # a file whose reading raises (the batch's test hook): recorded as an error by both engines
    (src / "seed-004" / "crashes.txt").write_text("项目名称：第一行\n", encoding="utf-8")
    local, dask = tmp_path_factory.mktemp("local") / "out", tmp_path_factory.mktemp("dask") / "out"
    old = os.environ.get("JIXIAO_BATCH_TEST_HOOK")
    os.environ["JIXIAO_BATCH_TEST_HOOK"] = "raise:crashes.txt"
    try:
        s_local = paths_to_dataset([src], local, formats=("csv", "parquet"), jobs=2, progress=False)
        s_dask = paths_to_dataset([src], dask, formats=("csv", "parquet"), jobs=2, progress=False, engine="dask")
    finally:
        if old is None:
            del os.environ["JIXIAO_BATCH_TEST_HOOK"]
        else:
            os.environ["JIXIAO_BATCH_TEST_HOOK"] = old
    return local, dask, s_local, s_dask, src


def _files(d: Path) -> dict[str, bytes]:
    return {p.relative_to(d).as_posix(): p.read_bytes() for p in sorted(d.rglob("*"))
            if p.is_file() and ".cache" not in p.parts and "parquet" not in p.relative_to(d).parts[:1]}


def test_dataset_is_byte_identical_to_the_local_run(runs) -> None:
    local, dask, s_local, s_dask, _ = runs
    a, b = _files(local), _files(dask)
    assert sorted(a) == sorted(b) and "documents.csv" in a and "indicators.parquet" in a
    for name in a:
        assert a[name] == b[name], name
    assert s_dask.documents == s_local.documents and s_dask.processed == s_local.processed == 7
    # the encrypted PDF, the legacy .doc and the crashing file: recorded, not skipped
    assert s_dask.documents["error"] == 3
    assert any("错误类型 RuntimeError" in reason for _, reason in s_dask.errors)
    assert sorted(s_dask.errors) == sorted(s_local.errors)
    assert 0 < s_dask.peak_worker_rss_kb


def test_same_cache_keys_a_rerun_is_all_cached(runs, tmp_path: Path) -> None:
    local, dask, _, _, src = runs
    keys = lambda d: sorted(p.name for p in (d / ".cache").rglob("*.json"))  # noqa: E731
    assert keys(local) == keys(dask) and len(keys(local)) == 6  # a crash is not cached
    out = tmp_path / "again"
    shutil.copytree(dask, out)
    os.environ.pop("JIXIAO_BATCH_TEST_HOOK", None)
    again = paths_to_dataset([src], out, formats=("csv",), progress=False, engine="dask")
    assert (again.processed, again.cached) == (1, 6)  # only the file that crashed last time


def test_partitioned_parquet_and_duckdb_views(runs) -> None:
    import duckdb
    import pyarrow.parquet as pq

    local, dask, _, _, _ = runs
    parts = dask / "parquet"
    for table in ("documents", "reports", "indicators", "budget_lines", "findings"):
        files = sorted((parts / table).glob("part-*.parquet"))
        assert files, table
        whole = pq.read_table(local / f"{table}.parquet")
        assert sum(pq.read_table(f).num_rows for f in files) == whole.num_rows
    con = duckdb.connect()
    con.execute(f"SET file_search_path = '{dask}'")
    for stmt in (parts / "views.sql").read_text(encoding="utf-8").split(";\n"):
        if stmt.strip() and not stmt.strip().startswith("--"):
            con.execute(stmt)
    n = con.execute("SELECT count(*) FROM indicators").fetchone()[0]
    assert n == pq.read_table(local / "indicators.parquet").num_rows > 0
    # the views count each project once (reports.duplicate_of), as over the single-file dataset
    assert con.execute("SELECT count(*) FROM report_findings").fetchone()[0] == con.execute(
        "SELECT count(*) FROM reports WHERE duplicate_of IS NULL").fetchone()[0] > 0


def test_partitions_split_by_rows_in_dataset_order(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from jixiao.export.schema import TABLES

    n_cols = len(TABLES["documents"])
    rows = [tuple(f"d{i}" if k == 0 else None for k in range(n_cols)) for i in range(5)]
    tables = {name: (rows if name == "documents" else []) for name in TABLES}
    write_partitions(tables, tmp_path, rows_per_part=2)
    files = sorted((tmp_path / "parquet" / "documents").glob("*.parquet"))
    assert [f.name for f in files] == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    assert [pq.read_table(f).column(0).to_pylist() for f in files] == [["d0", "d1"], ["d2", "d3"], ["d4"]]


def test_cli_engine_dask_writes_the_dataset_and_the_partitions(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from jixiao.cli import app

    src = tmp_path / "in"
    shutil.copytree(CORPUS / "seed-000", src / "seed-000", ignore=shutil.ignore_patterns("*.json", "*.toml"))
    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(out), "--format", "csv", "--engine", "dask",
                                 "--jobs", "1"])
    assert r.exit_code == 0, r.output
    assert "文档 1 个：正常 1" in r.output
    assert (out / "reports.csv").read_text(encoding="utf-8").count("\n") >= 2
    assert (out / "parquet" / "reports" / "part-00000.parquet").is_file()
    assert (out / "parquet" / "views.sql").is_file()
