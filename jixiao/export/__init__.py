"""Documents → tables (pandas) → CSV / Parquet / XLSX / DuckDB.

``documents_to_frames`` is the Python API (``jixiao.to_frames``);
``write_dataset`` writes the chosen formats into a directory.  Names are
imported lazily so that batch workers, which only need
:mod:`jixiao.export.rows`, never load pandas or pyarrow.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "decimals_to_float": "jixiao.export.frames",
    "documents_to_frames": "jixiao.export.frames",
    "frames_to_tables": "jixiao.export.frames",
    "tables_to_frames": "jixiao.export.frames",
    "TableRows": "jixiao.export.rows",
    "document_to_rows": "jixiao.export.rows",
    "TABLES": "jixiao.export.schema",
    "TABLE_NAMES": "jixiao.export.schema",
    "FORMATS": "jixiao.export.write",
    "write_dataset": "jixiao.export.write",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'jixiao.export' has no attribute {name!r}")
