"""Documents → one list of row tuples per table (no pandas here: batch workers
import this module and stay small).

The tables and columns are those of :mod:`jixiao.export.schema` (documented in
``docs/dataset.md``).  :class:`TableRows` collects the rows one document at a
time and returns them sorted (documents by source, then everything in document
order), so the same documents give the same rows whatever order they arrive in.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.export.evidence import evidence_json, first_evidence
from jixiao.export.schema import TABLES
from jixiao.locations import subject_text
from jixiao.model import Document, Finding, Indicator, Provenance, Quantity, Report, TextItem
from jixiao.targets import target_met

Row = tuple[Any, ...]


def _text(t: TextItem | str | None) -> str | None:
    if t is None:
        return None
    return t.text if isinstance(t, TextItem) else t


def _value(q: Quantity | None) -> Decimal | None:
    return q.value if q is not None else None


def _raw(q: Quantity | None) -> str | None:
    return q.raw if q is not None else None


def _evidence(items: list[str]) -> str | None:
    """Kind evidence as one cell: the reasons joined by "；"."""
    return "；".join(items) or None


def _page_line(prov: Provenance | None) -> tuple[int | None, int | None]:
    if prov is None:
        return None, None
    return prov.page, prov.line_start


def _first_evidence(f: Finding) -> tuple[int | None, int | None]:
    page = next((p.page for p in f.evidence if p.page is not None), None)
    line = next((p.line_start for p in f.evidence if p.line_start is not None), None)
    return page, line


def _indicator_row(report_id: str, ind: Indicator, role: str) -> Row:
    t, a = ind.target, ind.actual
    base_unit = (t.base_unit if t is not None and t.base_unit else None) or (a.base_unit if a is not None else None)
    target_base = t.base_value if t is not None and t.base_unit == base_unit else None
    # both base values are in base_unit, or absent: never a value in another unit
    actual_base = a.base_value if a is not None and a.base_unit == base_unit else None
    comparator = ind.comparator
    if comparator is None and t is not None and t.comparator is not None:
        comparator = str(t.comparator)
    page, line = _page_line(ind.prov)
    prov = ind.prov
    return (
        report_id, ind.seq, ind.level1, ind.level2, ind.name, comparator,
        _raw(t), _value(t), t.unit if t is not None else None,
        _raw(a), _value(a), a.unit if a is not None else None,
        target_base, actual_base, base_unit,
        _value(ind.weight), _value(ind.score), _value(ind.completion_rate), _text(ind.reason),
        page, line, role, ind.unit,
        str(t.kind) if t is not None else None, str(a.kind) if a is not None else None,
        _raw(ind.weight), _raw(ind.score),
        ",".join(ind.filled) or None, ind.origin,
        prov.table if prov is not None else None, prov.row if prov is not None else None,
        _flag(target_met(ind)),
        _raw(ind.mid_target), _value(ind.mid_target), _value(ind.weight_share), _value(ind.converted_score),
    )


def _flag(b: bool | None) -> int | None:
    return None if b is None else int(b)


def _report_rows(doc: Document, rep: Report, n_findings: int, out: dict[str, list[Row]]) -> None:
    rid = rep.report_id or f"{doc.doc_id}-{rep.seq}"
    page, line = _page_line(rep.prov)
    n_ind = len(rep.indicators)  # performance indicators; the 预算执行率 row is not one
    out["reports"].append((
        rid, doc.doc_id, rep.seq, _text(rep.project_name), rep.project_code, _text(rep.department),
        _text(rep.implementer), rep.year, _value(rep.total_weight), _value(rep.total_score),
        _text(rep.grade), doc.source, rep.shape, n_ind, n_findings,
        _raw(rep.total_weight), _raw(rep.total_score),
        _text(rep.goal), _text(rep.completion), _text(rep.conclusion), _text(rep.problems),
        _text(rep.measures), page, line,
        None,  # duplicate_of: set across files by TableRows.tables()
        str(rep.kind), _evidence(rep.kind_evidence),
    ))
    for bl in rep.budget_lines:
        bpage, bline = _page_line(bl.prov)
        out["budget_lines"].append((
            rid, bl.seq, bl.line, str(bl.kind), bl.money_unit,
            _value(bl.initial), _value(bl.adjusted), _value(bl.to_hand), _value(bl.executed),
            _value(bl.balance), _value(bl.rate), _value(bl.weight), _value(bl.score), _text(bl.reason),
            bl.depth, _raw(bl.rate), _value(bl.to_hand_rate), bpage, bline,
        ))
    if rep.budget_execution is not None:
        out["indicators"].append(_indicator_row(rid, rep.budget_execution, "budget_execution"))
    for ind in rep.indicators:
        out["indicators"].append(_indicator_row(rid, ind, "indicator"))
    for i, s in enumerate(rep.stated_scores, start=1):
        spage, sline = _page_line(s.prov)
        out["stated_scores"].append((rid, i, s.label, _value(s.weight), _value(s.score), spage, sline))


def document_to_rows(doc: Document) -> dict[str, list[Row]]:
    """All rows one document contributes, per table, in document order."""
    out: dict[str, list[Row]] = {name: [] for name in TABLES}
    by_seq = {r.seq: (r.report_id or f"{doc.doc_id}-{r.seq}") for r in doc.reports}
    per_report: dict[int | None, int] = {}
    for f in doc.findings:
        per_report[f.report_seq] = per_report.get(f.report_seq, 0) + 1
    out["documents"].append((
        doc.doc_id, doc.source, doc.format, doc.sha256, doc.status, doc.error,
        len(doc.reports), len(doc.findings),
        str(doc.kind) if doc.kind is not None else None, _evidence(doc.kind_evidence),
    ))
    for rep in doc.reports:
        _report_rows(doc, rep, per_report.get(rep.seq, 0), out)
    reports = {r.seq: r for r in doc.reports}
    for i, f in enumerate(doc.findings, start=1):
        rid = by_seq.get(f.report_seq, f"{doc.doc_id}-{f.report_seq}") if f.report_seq is not None else None
        page, line = _first_evidence(f)
        about = reports.get(f.report_seq) if f.report_seq is not None else None
        out["findings"].append((
            rid, doc.doc_id, f.rule_id, str(f.severity), f.subject or None, f.message,
            f.expected, f.actual, page, line, i, f.title, doc.source,
            subject_text(f.subject, about) if f.subject else None, int(f.extraction_doubt),
            ",".join(f.related) or None, len(f.evidence), evidence_json(f), *first_evidence(f),
        ))
    return out


class TableRows:
    """Accumulates the rows of many documents; :meth:`tables` returns them sorted
    by document (source, doc_id), each document's rows in document order."""

    def __init__(self) -> None:
        self._docs: dict[tuple[str, str], dict[str, list[Row]]] = {}

    def add(self, doc: Document) -> None:
        self._docs[(doc.source, doc.doc_id)] = document_to_rows(doc)

    def add_rows(self, source: str, doc_id: str, rows: dict[str, list[Row]]) -> None:
        """Add one document's rows as made by :func:`document_to_rows`."""
        self._docs[(source, doc_id)] = rows

    def __len__(self) -> int:
        return len(self._docs)

    def tables(self) -> dict[str, list[Row]]:
        """All rows, sorted; ``reports.duplicate_of`` links a report to the first (in this
        order) report of another file that is the same project (:mod:`jixiao.export.duplicates`)."""
        out: dict[str, list[Row]] = {name: [] for name in TABLES}
        for key in sorted(self._docs):
            for name, rows in self._docs[key].items():
                out[name].extend(rows)
        from jixiao.export.duplicates import mark_duplicates

        out["reports"] = mark_duplicates(out["reports"], out["budget_lines"])
        return out
