"""Same project, several files: link a report to the first report of another file that is the
same project, in ``reports.duplicate_of``.

Two reports are the same project when they come from different files and

- they carry the same project code (项目编码, the code that prefixes a form's 项目名称), or
- they have the same name, department and year **and** the same figures: total score and the
  total budget line's adjusted budget and execution (a re-published or re-formatted copy, the
  PDF and the DOCX of one form).

Reports whose name matches but whose figures differ are different evaluations (another year's
form, a corrected version) and are not linked.  The first report in dataset order (documents by
source) is the one kept; the DuckDB views count each project once by leaving out rows with a
``duplicate_of``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from jixiao.export.schema import columns
from jixiao.export.values import Row

_R = {c: i for i, c in enumerate(columns("reports"))}
_B = {c: i for i, c in enumerate(columns("budget_lines"))}


def _norm(text: Any) -> str:
    return "".join(str(text).split()) if text else ""


def _dec(v: Any) -> str:
    return format(v.normalize(), "f") if isinstance(v, Decimal) and v.is_finite() else ""


def _totals(budget_lines: list[Row]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for b in budget_lines:
        if b[_B["depth"]] == 0 and b[_B["report_id"]] not in out:
            out[b[_B["report_id"]]] = (_dec(b[_B["adjusted"]]), _dec(b[_B["executed"]]))
    return out


def project_keys(report: Row, totals: dict[str, tuple[str, str]]) -> list[tuple[str, ...]]:
    """The keys under which a report row is the same project as another."""
    keys: list[tuple[str, ...]] = []
    code = _norm(report[_R["project_code"]])
    if code:
        keys.append(("code", code))
    name = _norm(report[_R["project_name"]])
    if name:
        adjusted, executed = totals.get(report[_R["report_id"]], ("", ""))
        figures = (_dec(report[_R["total_score"]]), adjusted, executed)
        if any(figures):
            keys.append(("same", name, _norm(report[_R["department"]]), str(report[_R["year"]] or ""), *figures))
    return keys


def mark_duplicates(reports: list[Row], budget_lines: list[Row]) -> list[Row]:
    """``reports`` with ``duplicate_of`` set (see the module docstring); order kept."""
    totals = _totals(budget_lines)
    first: dict[tuple[str, ...], tuple[str, str]] = {}  # key -> (report_id, doc_id)
    out: list[Row] = []
    col = _R["duplicate_of"]
    for r in reports:
        rid, doc = r[_R["report_id"]], r[_R["doc_id"]]
        dup = None
        keys = project_keys(r, totals)
        for k in keys:
            hit = first.get(k)
            if hit is not None and hit[1] != doc:
                dup = hit[0]
                break
        for k in keys:
            first.setdefault(k, (rid, doc))
        out.append(r if dup is None else r[:col] + (dup,) + r[col + 1:])
    return out
