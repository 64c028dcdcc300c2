"""CSV writer: UTF-8 with BOM (Excel opens Chinese correctly), RFC 4180 quoting,
decimals as their exact text, formula-like texts escaped (see :mod:`jixiao.export.cellsafe`;
``escape=False`` keeps them raw)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jixiao.export.cellsafe import csv_texts
from jixiao.export.schema import TABLES, columns
from jixiao.export.values import Row, decimal_text


def table_to_csv(table: str, rows: list[Row], path: Path, escape: bool = True) -> Path:
    dec = [i for i, (_, t) in enumerate(TABLES[table]) if t == "dec"]
    text = [i for i, (_, t) in enumerate(TABLES[table]) if t == "str"] if escape else []
    if rows and (dec or text):  # column by column: one pass per converted column, rows rebuilt by zip
        cols: list[Any] = list(zip(*rows, strict=True))
        for i in dec:
            cols[i] = [None if v is None else decimal_text(v) for v in cols[i]]
        for i in text:
            cols[i] = csv_texts(cols[i])
        out: Iterable[Row] = zip(*cols, strict=True)
    else:
        out = rows
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")  # None is written as an empty field
        w.writerow(columns(table))
        w.writerows(out)
    return path


def tables_to_csv(tables: dict[str, list[Row]], out_dir: Path, escape: bool = True) -> list[Path]:
    return [table_to_csv(name, rows, out_dir / f"{name}.csv", escape) for name, rows in tables.items()]
