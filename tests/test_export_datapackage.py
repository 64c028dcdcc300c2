"""datapackage.json beside the CSVs: a Frictionless table schema per CSV, so types survive a
CSV round trip (checked against the Parquet files of the same dataset)."""

from __future__ import annotations

import csv
import json
from decimal import Decimal
from pathlib import Path

import pyarrow.parquet as pq
from seed004_docs import error_document, seed004_document

from jixiao.export import TableRows, write_dataset
from jixiao.export.schema import TABLES


def _typed(value: str, field: dict) -> object:
    if value in field.get("missingValues", [""]):
        return None
    t = field["type"]
    if t == "integer":
        return int(value)
    if t == "number":
        return Decimal(value)
    if t == "boolean":
        return {**dict.fromkeys(field["trueValues"], True), **dict.fromkeys(field["falseValues"], False)}[value]
    return value


def test_csv_with_datapackage_round_trips_to_the_parquet_values(tmp_path: Path) -> None:
    rows = TableRows()
    for d in (seed004_document(), error_document()):
        rows.add(d)
    write_dataset(rows.tables(), tmp_path, ("csv", "parquet"))
    pkg = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert pkg["profile"] == "tabular-data-package"
    assert [r["name"] for r in pkg["resources"]] == list(TABLES)
    for res in pkg["resources"]:
        fields = res["schema"]["fields"]
        assert [f["name"] for f in fields] == [c for c, _ in TABLES[res["name"]]]
        assert all(f["title"] for f in fields)
        with (tmp_path / res["path"]).open(encoding=res["encoding"], newline="") as fh:
            reader = csv.reader(fh)
            assert next(reader) == [f["name"] for f in fields]
            from_csv = [[_typed(v, f | {"missingValues": res["schema"]["missingValues"]}) for v, f in zip(r, fields, strict=True)]
                        for r in reader]
        from_parquet = pq.read_table(tmp_path / f"{res['name']}.parquet").to_pylist()
        assert len(from_csv) == len(from_parquet)
        for a, b in zip(from_csv, from_parquet, strict=True):
            for v, f in zip(a, fields, strict=True):
                w = b[f["name"]]
                if f["type"] == "boolean":
                    w = None if w is None else bool(w)
                assert v == w, (res["name"], f["name"], v, w)
    doubt = next(f for f in pkg["resources"][-1]["schema"]["fields"] if f["name"] == "extraction_doubt")
    assert doubt["type"] == "boolean" and doubt["title"].startswith("可能为提取问题")
