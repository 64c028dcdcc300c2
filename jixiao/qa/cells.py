"""Which cell of the reconstructed tables a finding's subject points at.

Subjects are the model paths the rules name (``budget_lines[0].rate``, ``indicators[3].score``,
``indicators[*].weight``, ``budget_execution.actual``, ``stated_scores[1].weight``,
``total_score``).  :func:`cell_key` turns one into ``(block, row, column)`` keys of the page's
tables (``row`` ``None`` for every row of the block); anything else (a narrative field, a note)
has no cell and is shown in the findings list only.
"""

from __future__ import annotations

import regex

_PATH = regex.compile(r"^(?P<owner>[a-z_]+)(?:\[(?P<index>\d+|\*)\])?(?:\.(?P<field>[a-z_]+))?$")

#: model field of a budget line → the column of the page's budget table
BUDGET_FIELDS = {"line": "line", "initial": "initial", "adjusted": "adjusted", "to_hand": "to_hand",
                 "executed": "executed", "balance": "balance", "rate": "rate", "to_hand_rate": "to_hand_rate",
                 "weight": "weight", "score": "score", "reason": "reason"}
#: model field of an indicator → the column of the page's indicator table
INDICATOR_FIELDS = {"level1": "level1", "level2": "level2", "name": "name", "comparator": "comparator",
                    "target": "target", "unit": "unit", "actual": "actual", "weight": "weight", "score": "score",
                    "completion_rate": "completion_rate", "reason": "reason"}
#: report-level fields shown in the report header
REPORT_FIELDS = ("project_name", "department", "year", "total_weight", "total_score", "grade")
NARRATIVE_FIELDS = ("goal", "completion", "conclusion", "problems", "measures")

CellKey = tuple[str, int | None, str]


def cell_key(subject: str | None) -> CellKey | None:
    """``budget_lines[0].rate`` → ("budget", 0, "rate"); ``indicators[*].weight`` →
    ("indicators", None, "weight"); ``budget_execution.actual`` → ("budget_execution", 0, "actual");
    ``total_score`` → ("report", 0, "total_score"); None when the subject names no cell."""
    m = _PATH.match((subject or "").strip())
    if m is None:
        return None
    owner, index, fld = m.group("owner"), m.group("index"), m.group("field")
    row = None if index in (None, "*") else int(index)
    if owner == "budget_lines" and fld in BUDGET_FIELDS:
        return ("budget", row, BUDGET_FIELDS[fld])
    if owner == "indicators" and fld in INDICATOR_FIELDS:
        return ("indicators", row, INDICATOR_FIELDS[fld])
    if owner == "budget_execution" and fld in INDICATOR_FIELDS:
        return ("budget_execution", 0, INDICATOR_FIELDS[fld])
    if owner == "stated_scores" and fld in ("weight", "score", "label") and row is not None:
        return ("stated", row, fld)
    if fld is None and index is None and owner in REPORT_FIELDS + NARRATIVE_FIELDS:
        return ("report", 0, owner)
    return None


def matches(key: CellKey, block: str, row: int, column: str) -> bool:
    b, r, c = key
    return b == block and c == column and (r is None or r == row)
