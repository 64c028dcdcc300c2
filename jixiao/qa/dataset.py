"""The QA report's input: the dataset tables as dicts, grouped by document and report.

A dataset is read from an output directory (``jixiao ingest … --out DIR``: Parquet preferred,
CSV otherwise) or made from Documents in memory; the report reads nothing else.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.export.rows import TableRows
from jixiao.export.schema import TABLES, columns
from jixiao.model import Document

Rec = dict[str, Any]


@dataclass
class Dataset:
    """Rows per table (``tables``) and the indexes the page needs."""

    tables: dict[str, list[Rec]]
    by_report: dict[str, dict[str, list[Rec]]] = field(default_factory=dict)
    doc_findings: dict[str, list[Rec]] = field(default_factory=dict)
    doc_reports: dict[str, list[Rec]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.doc_reports = defaultdict(list)
        for r in self.tables.get("reports", []):
            self.doc_reports[r["doc_id"]].append(r)
        self.by_report = defaultdict(lambda: defaultdict(list))
        for name in ("budget_lines", "indicators", "stated_scores", "findings"):
            for r in self.tables.get(name, []):
                if r.get("report_id"):
                    self.by_report[r["report_id"]][name].append(r)
        self.doc_findings = defaultdict(list)
        for f in self.tables.get("findings", []):
            if not f.get("report_id"):
                self.doc_findings[f["doc_id"]].append(f)

    def reports_of(self, doc_id: str) -> list[Rec]:
        return self.doc_reports.get(doc_id, [])

    def part(self, report_id: str, table: str) -> list[Rec]:
        return self.by_report.get(report_id, {}).get(table, [])


def _records(table: str, rows: Iterable[tuple[Any, ...]]) -> list[Rec]:
    cols = columns(table)
    return [dict(zip(cols, r, strict=False)) for r in rows]


def dataset_from_tables(tables: dict[str, list[tuple[Any, ...]]]) -> Dataset:
    return Dataset({name: _records(name, tables.get(name, [])) for name in TABLES})


def dataset_from_documents(docs: Iterable[Document]) -> Dataset:
    acc = TableRows()
    for d in docs:
        acc.add(d)
    return dataset_from_tables(acc.tables())


def _int(v: str) -> int | None:
    try:
        return int(v)
    except ValueError:
        return None


def _csv(path: Path, table: str) -> list[Rec]:
    types = dict(TABLES[table])
    out: list[Rec] = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            rec: Rec = {}
            for c in columns(table):
                v = row.get(c)
                rec[c] = None if v in (None, "") else (_int(v) if types[c] == "int" else v)
            out.append(rec)
    return out


def is_dataset_dir(path: Path) -> bool:
    return path.is_dir() and any((path / f"documents.{ext}").is_file() for ext in ("parquet", "csv"))


def load_dataset(out_dir: str | Path) -> Dataset:
    """Read a dataset directory written by ``jixiao ingest``; a table absent on disk is empty.
    Columns the directory lacks (an older dataset) are read as empty."""
    d = Path(out_dir)
    tables: dict[str, list[Rec]] = {}
    for name in TABLES:
        pq_path, csv_path = d / f"{name}.parquet", d / f"{name}.csv"
        if pq_path.is_file():
            import pyarrow.parquet as pq

            recs = pq.read_table(pq_path).to_pylist()
            tables[name] = [{c: r.get(c) for c in columns(name)} for r in recs]
        elif csv_path.is_file():
            tables[name] = _csv(csv_path, name)
        else:
            tables[name] = []
    return Dataset(tables)
