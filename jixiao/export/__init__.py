"""Documents → tables (pandas) → CSV / Parquet / XLSX / DuckDB.

``documents_to_frames`` is the Python API (``jixiao.to_frames``);
``write_dataset`` writes the chosen formats into a directory.
"""

from __future__ import annotations

from jixiao.export.frames import TableRows, documents_to_frames, tables_to_frames
from jixiao.export.schema import TABLE_NAMES, TABLES
from jixiao.export.values import frames_to_tables
from jixiao.export.write import FORMATS, write_dataset

__all__ = [
    "FORMATS", "TABLES", "TABLE_NAMES", "TableRows", "documents_to_frames", "frames_to_tables",
    "tables_to_frames", "write_dataset",
]
