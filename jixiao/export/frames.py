"""Documents → pandas DataFrames, one per table of the dataset.

``documents_to_frames(docs)`` is the Python API behind ``jixiao.to_frames``.
Rows are sorted (documents by source, then everything in document order), so
the same documents give the same frames whatever order they arrive in.  Numbers
stay exact: ``dec`` columns hold :class:`~decimal.Decimal` objects (``object``
dtype), ``int`` columns are nullable ``Int64``, text columns pandas ``string``.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pandas as pd

from jixiao.export.rows import Row, TableRows, document_to_rows
from jixiao.export.schema import TABLES
from jixiao.model import Document

__all__ = ["decimals_to_float", "document_to_rows", "documents_to_frames", "frames_to_tables", "rows_to_frame",
           "tables_to_frames"]


def rows_to_frame(table: str, rows: list[Row]) -> pd.DataFrame:
    cols = TABLES[table]
    data: dict[str, Any] = {}
    for i, (name, typ) in enumerate(cols):
        values = [r[i] for r in rows]
        if typ == "int":
            data[name] = pd.array(values, dtype="Int64")
        elif typ == "str":
            data[name] = pd.array(values, dtype="string")
        else:
            data[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=[c for c, _ in cols])


def tables_to_frames(tables: dict[str, list[Row]]) -> dict[str, pd.DataFrame]:
    return {name: rows_to_frame(name, tables.get(name, [])) for name in TABLES}


def documents_to_frames(docs: Iterable[Document]) -> dict[str, pd.DataFrame]:
    """Documents → ``{"documents", "reports", "budget_lines", "indicators",
    "stated_scores", "findings"}`` DataFrames (see ``docs/dataset.md``)."""
    acc = TableRows()
    for d in docs:
        acc.add(d)
    return tables_to_frames(acc.tables())


def _plain(v: Any) -> Any:
    if v is None or v is pd.NA:
        return None
    if isinstance(v, float) and v != v:  # NaN from a float column a user built
        return None
    if hasattr(v, "item") and not isinstance(v, Decimal | str):  # numpy scalar
        return v.item()
    return v


def frames_to_tables(frames: dict[str, pd.DataFrame]) -> dict[str, list[Row]]:
    """DataFrames (as from ``documents_to_frames``) → plain row tuples per table,
    missing values as ``None``; only the contract's columns, in contract order."""
    out: dict[str, list[Row]] = {}
    for name, cols in TABLES.items():
        df = frames.get(name)
        if df is None:
            out[name] = []
            continue
        names = [c for c, _ in cols]
        out[name] = [tuple(_plain(v) for v in row) for row in df[names].itertuples(index=False, name=None)]
    return out


def decimals_to_float(df: pd.DataFrame, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """A copy of ``df`` whose exact-decimal columns are ``float64`` (missing → NaN), for plotting
    and statistics.

    The dataset keeps money, rates and scores as :class:`~decimal.Decimal` (``object`` columns
    from :func:`documents_to_frames` or ``pd.read_parquet``); pandas and matplotlib want floats.
    ``columns``: the columns to convert (default: every column whose values are all Decimal or
    missing).  Other columns are returned unchanged; the exact values stay in the dataset."""
    out = df.copy()
    names = list(columns) if columns is not None else [
        c for c in out.columns if out[c].dtype == object and out[c].map(
            lambda v: v is None or v is pd.NA or isinstance(v, Decimal) or (isinstance(v, float) and v != v)).all()
        and out[c].map(lambda v: isinstance(v, Decimal)).any()]
    for c in names:
        out[c] = pd.to_numeric(out[c].map(lambda v: float(v) if isinstance(v, Decimal) else None), errors="coerce")
        out[c] = out[c].astype("float64")
    return out
