"""Rows → pyarrow Tables with typed columns (decimal128 for exact numbers).

A ``dec`` column is ``decimal128(38, s)`` where ``s`` is the larger of 6 and the
most decimal places any value in the column has, so every value is stored
exactly.  The same rows always give the same schema.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pyarrow as pa

from jixiao.export.schema import TABLES
from jixiao.export.values import Row

MIN_SCALE = 6
MAX_PRECISION = 38


def _decimal_column(column: Sequence[object]) -> tuple[pa.Decimal128Type, list[Decimal | None]]:
    """The column's type and its values for Arrow, in one pass: non-finite numbers (and anything
    not a Decimal) become ``None``; a value with more places than the type holds (only past 38
    digits; documented) is rounded to the type's scale."""
    scale, int_digits, places = MIN_SCALE, 1, 0
    values: list[Decimal | None] = []
    for v in column:
        if not isinstance(v, Decimal):
            values.append(None)
            continue
        t = v.as_tuple()
        exp = t.exponent
        if not isinstance(exp, int):  # NaN / Infinity
            values.append(None)
            continue
        values.append(v)
        if -exp > places:
            places = -exp
        if len(t.digits) + exp > int_digits:
            int_digits = len(t.digits) + exp
    scale = max(scale, places)
    scale = min(scale, MAX_PRECISION - min(int_digits, MAX_PRECISION))
    if places > scale:
        values = [_fit(v, scale) for v in values]
    return pa.decimal128(MAX_PRECISION, scale), values


def _fit(v: Decimal | None, scale: int) -> Decimal | None:
    if v is None:
        return None
    t = v.as_tuple()
    if isinstance(t.exponent, int) and -t.exponent > scale:
        return v.quantize(Decimal(1).scaleb(-scale))
    return v


def rows_to_arrow(table: str, rows: list[Row]) -> pa.Table:
    arrays, fields = [], []
    spec = TABLES[table]
    columns: list[Sequence[object]] = list(zip(*rows, strict=True)) if rows else [() for _ in spec]
    for (name, typ), values in zip(spec, columns, strict=True):
        if typ == "int":
            t: pa.DataType = pa.int64()
        elif typ == "str":
            t = pa.string()
        else:
            t, values = _decimal_column(values)
        arrays.append(pa.array(values, type=t))
        fields.append(pa.field(name, t))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def tables_to_arrow(tables: dict[str, list[Row]]) -> dict[str, pa.Table]:
    return {name: rows_to_arrow(name, rows) for name, rows in tables.items()}
