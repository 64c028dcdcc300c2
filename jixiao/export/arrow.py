"""Rows → pyarrow Tables with typed columns (decimal128 for exact numbers).

A ``dec`` column is ``decimal128(38, s)`` where ``s`` is the larger of 6 and the
most decimal places any value in the column has, so every value is stored
exactly.  The same rows always give the same schema.
"""

from __future__ import annotations

from decimal import Decimal

import pyarrow as pa

from jixiao.export.schema import TABLES
from jixiao.export.values import Row, finite

MIN_SCALE = 6
MAX_PRECISION = 38


def decimal_type(values: list[Decimal | None]) -> pa.Decimal128Type:
    scale, int_digits = MIN_SCALE, 1
    for v in values:
        if v is None:
            continue
        t = v.as_tuple()
        exp = t.exponent if isinstance(t.exponent, int) else 0
        scale = max(scale, -exp)
        int_digits = max(int_digits, len(t.digits) + exp)
    scale = min(scale, MAX_PRECISION - min(int_digits, MAX_PRECISION))
    return pa.decimal128(MAX_PRECISION, scale)


def _fit(v: Decimal | None, scale: int) -> Decimal | None:
    if v is None:
        return None
    t = v.as_tuple()
    if isinstance(t.exponent, int) and -t.exponent > scale:
        return v.quantize(Decimal(1).scaleb(-scale))  # only past 38 digits; documented
    return v


def rows_to_arrow(table: str, rows: list[Row]) -> pa.Table:
    arrays, fields = [], []
    for i, (name, typ) in enumerate(TABLES[table]):
        values = [r[i] for r in rows]
        if typ == "int":
            t: pa.DataType = pa.int64()
        elif typ == "str":
            t = pa.string()
        else:
            values = [finite(v) for v in values]
            t = decimal_type(values)
            values = [_fit(v, t.scale) for v in values]
        arrays.append(pa.array(values, type=t))
        fields.append(pa.field(name, t))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def tables_to_arrow(tables: dict[str, list[Row]]) -> dict[str, pa.Table]:
    return {name: rows_to_arrow(name, rows) for name, rows in tables.items()}
