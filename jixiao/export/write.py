"""Write a dataset (rows per table) in the chosen formats into one directory."""

from __future__ import annotations

import contextlib
from pathlib import Path

from jixiao.export.values import Row

FORMATS: tuple[str, ...] = ("csv", "parquet", "xlsx", "duckdb")
XLSX_NAME = "dataset.xlsx"
DUCKDB_NAME = "dataset.duckdb"


def preload(formats: tuple[str, ...] | list[str]) -> None:
    """Import the writers ``formats`` need (pyarrow and the pandas it loads on its first array:
    ~0.4 s) ahead of :func:`write_dataset`, e.g. in a thread while a batch's workers run. An
    import that fails here is left for :func:`write_dataset` to raise."""
    with contextlib.suppress(Exception):
        if "csv" in formats:
            import jixiao.export.csvfile
            import jixiao.export.datapackage  # noqa: F401
        if "xlsx" in formats:
            import jixiao.export.xlsx  # noqa: F401
        if "parquet" in formats or "duckdb" in formats:
            import pyarrow as pa

            import jixiao.export.arrow  # noqa: F401

            pa.array([None], type=pa.string())  # the first array imports pandas
            if "parquet" in formats:
                import jixiao.export.parquet  # noqa: F401
            if "duckdb" in formats:
                import jixiao.export.duck  # noqa: F401


def write_dataset(tables: dict[str, list[Row]], out_dir: str | Path, formats: tuple[str, ...] | list[str],
                  *, raw_csv: bool = False) -> list[Path]:
    """Write ``tables`` (as from ``TableRows.tables()`` or ``frames_to_tables``) into
    ``out_dir`` (which must exist): ``<table>.csv`` with ``datapackage.json`` (their
    Frictionless table schemas), ``<table>.parquet``, ``dataset.xlsx``, ``dataset.duckdb``.  Returns the paths written.
    ``raw_csv``: write formula-like CSV texts unescaped (see :mod:`jixiao.export.cellsafe`)."""
    out = Path(out_dir)
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"不支持的输出格式：{', '.join(unknown)}（可选：{', '.join(FORMATS)}）")
    paths: list[Path] = []
    if "csv" in formats:
        from jixiao.export.csvfile import tables_to_csv

        paths += tables_to_csv(tables, out, escape=not raw_csv)
        from jixiao.export.datapackage import write_datapackage

        paths.append(write_datapackage(list(tables), out))
    if "xlsx" in formats:
        from jixiao.export.xlsx import tables_to_xlsx

        paths.append(tables_to_xlsx(tables, out / XLSX_NAME))
    if "parquet" in formats or "duckdb" in formats:
        from jixiao.export.arrow import tables_to_arrow

        arrow = tables_to_arrow(tables)
        if "parquet" in formats:
            from jixiao.export.parquet import arrow_to_parquet

            paths += arrow_to_parquet(arrow, out)
        if "duckdb" in formats:
            from jixiao.export.duck import arrow_to_duckdb

            paths.append(arrow_to_duckdb(arrow, out / DUCKDB_NAME))
    return paths
