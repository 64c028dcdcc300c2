"""What a worker sends back and the cache keeps for one file: the document's
table rows and the counts the summary needs, as compact JSON.

Rows, not the Document: turning a Document back from JSON costs the parent
more than the rows it yields (a six-form report: ~16 ms to validate vs ~1 ms to
read its rows), so workers do that step and the parent only concatenates.
Decimals travel as their exact text and come back as Decimals.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jixiao.export.rows import Row, document_to_rows
from jixiao.export.schema import TABLES
from jixiao.model import Document

_DEC_COLS = {name: [i for i, (_, t) in enumerate(cols) if t == "dec"] for name, cols in TABLES.items()}


@dataclass
class DocResult:
    source: str
    doc_id: str
    status: str
    error: str | None
    n_reports: int
    n_indicators: int
    findings: Counter[str] = field(default_factory=Counter)  # by severity
    rows: dict[str, list[Row]] = field(default_factory=dict)


def document_to_result(doc: Document) -> DocResult:
    rows = document_to_rows(doc)
    return DocResult(
        source=doc.source, doc_id=doc.doc_id, status=doc.status, error=doc.error,
        n_reports=len(doc.reports), n_indicators=sum(len(r.indicators) for r in doc.reports),  # performance indicators only
        findings=Counter(str(f.severity) for f in doc.findings), rows=rows,
    )


def _enc(v: Any) -> Any:
    return format(v, "f") if isinstance(v, Decimal) else v


def result_to_json(r: DocResult) -> str:
    return json.dumps({
        "source": r.source, "doc_id": r.doc_id, "status": r.status, "error": r.error,
        "n_reports": r.n_reports, "n_indicators": r.n_indicators, "findings": dict(sorted(r.findings.items())),
        "rows": {t: [[_enc(v) for v in row] for row in rows] for t, rows in r.rows.items()},
    }, ensure_ascii=False, separators=(",", ":"))


def json_to_result(text: str) -> DocResult:
    """Raises ``ValueError`` (incl. ``KeyError``-free checks) for an entry of another shape."""
    d = json.loads(text)
    rows: dict[str, list[Row]] = {}
    for t, cols in TABLES.items():
        dec = _DEC_COLS[t]
        out = []
        for row in d["rows"].get(t, []):
            if len(row) != len(cols):
                raise ValueError(f"row of {t} has {len(row)} columns, expected {len(cols)}")
            for i in dec:
                if row[i] is not None:
                    row[i] = Decimal(row[i])
            out.append(tuple(row))
        rows[t] = out
    return DocResult(source=d["source"], doc_id=d["doc_id"], status=d["status"], error=d["error"],
                     n_reports=d["n_reports"], n_indicators=d["n_indicators"], findings=Counter(d["findings"]),
                     rows=rows)
