"""CSV writer: UTF-8 with BOM (Excel opens Chinese correctly), RFC 4180 quoting,
decimals as their exact text, formula-like texts escaped (see :mod:`jixiao.export.cellsafe`;
``escape=False`` keeps them raw)."""

from __future__ import annotations

import csv
from pathlib import Path

from jixiao.export.cellsafe import csv_text
from jixiao.export.schema import TABLES, columns
from jixiao.export.values import Row, decimal_text


def table_to_csv(table: str, rows: list[Row], path: Path, escape: bool = True) -> Path:
    dec = [i for i, (_, t) in enumerate(TABLES[table]) if t == "dec"]
    text = [i for i, (_, t) in enumerate(TABLES[table]) if t == "str"] if escape else []
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh, lineterminator="\r\n")  # None is written as an empty field
        w.writerow(columns(table))
        for r in rows:
            if dec or text:
                out = list(r)
                for i in dec:
                    if out[i] is not None:
                        out[i] = decimal_text(out[i])
                for i in text:
                    if isinstance(out[i], str):
                        out[i] = csv_text(out[i])
                w.writerow(out)
            else:
                w.writerow(r)
    return path


def tables_to_csv(tables: dict[str, list[Row]], out_dir: Path, escape: bool = True) -> list[Path]:
    return [table_to_csv(name, rows, out_dir / f"{name}.csv", escape) for name, rows in tables.items()]
