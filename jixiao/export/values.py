"""Cell values for the writers: exact decimal text, table rows back from frames."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pandas as pd

from jixiao.export.schema import TABLES

Row = tuple[Any, ...]


def decimal_text(d: Decimal) -> str:
    """The exact plain-notation text of a Decimal (``1E+4`` → ``10000``), never a float."""
    return format(d, "f")


def finite(d: Any) -> Decimal | None:
    """A Decimal that Arrow/DuckDB can hold, else ``None`` (NaN/Infinity)."""
    if isinstance(d, Decimal) and d.is_finite():
        return d
    return None


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
