"""Cell values for the writers: exact decimal text, finite decimals."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

Row = tuple[Any, ...]


def decimal_text(d: Decimal) -> str:
    """The exact plain-notation text of a Decimal (``1E+4`` → ``10000``), never a float."""
    return format(d, "f")


def finite(d: Any) -> Decimal | None:
    """A Decimal that Arrow/DuckDB can hold, else ``None`` (NaN/Infinity)."""
    if isinstance(d, Decimal) and d.is_finite():
        return d
    return None
