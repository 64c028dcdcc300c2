"""CSV writer: UTF-8 with BOM (Excel opens Chinese correctly), RFC 4180 quoting,
decimals as their exact text."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path
from typing import Any

from jixiao.export.schema import columns
from jixiao.export.values import Row, decimal_text


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return decimal_text(v)
    return str(v)


def table_to_csv(table: str, rows: list[Row], path: Path) -> Path:
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")
        w.writerow(columns(table))
        for r in rows:
            w.writerow([_cell(v) for v in r])
    return path


def tables_to_csv(tables: dict[str, list[Row]], out_dir: Path) -> list[Path]:
    return [table_to_csv(name, rows, out_dir / f"{name}.csv") for name, rows in tables.items()]
