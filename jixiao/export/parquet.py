"""Parquet writer (pyarrow): typed columns, decimals as decimal128, no timestamps."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq


def arrow_to_parquet(tables: dict[str, pa.Table], out_dir: Path) -> list[Path]:
    paths = []
    for name, t in tables.items():
        p = out_dir / f"{name}.parquet"
        pq.write_table(t, p, compression="zstd", write_statistics=True)
        paths.append(p)
    return paths
