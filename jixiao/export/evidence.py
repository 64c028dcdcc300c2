"""A finding's evidence as dataset values: every cited cell as JSON, the first one flat.

Places are numbered as a person reads them (:mod:`jixiao.locations`): ``table``, ``row`` and
``column`` count from 1 (表1 第1行 第1列), pages and text lines are 1-based as in the source, and a
workbook cell also carries its sheet and Excel reference (``Sheet1`` / ``H8``).  ``location`` is
the rendered place (``第3页 表2 第7行第5列``), ``text`` the quoted source text.
"""

from __future__ import annotations

import json
from typing import Any

from jixiao.locations import cell_ref, is_sheet_source, location_text, sheet_name
from jixiao.model import Finding, Provenance

#: keys of one evidence item, in order (also the flat ``evidence_*`` columns of ``findings``)
KEYS = ("location", "source", "page", "sheet", "cell", "table", "row", "column", "line_start", "line_end", "text")


def _one(p: int | None) -> int | None:
    return None if p is None else p + 1


def evidence_item(p: Provenance) -> dict[str, Any]:
    sheet = is_sheet_source(p.source)
    return {
        "location": location_text(p) or None,
        "source": p.source,
        "page": p.page,
        "sheet": sheet_name(p) if sheet and p.table is not None else None,
        "cell": cell_ref(p.row, p.col) if sheet and p.row is not None and p.col is not None else None,
        "table": _one(p.table),
        "row": _one(p.row),
        "column": _one(p.col),
        "line_start": p.line_start,
        "line_end": p.line_end,
        "text": p.text or None,
    }


def evidence_json(f: Finding) -> str | None:
    """Every cited place of a finding as a JSON list (keys :data:`KEYS`), None when none."""
    if not f.evidence:
        return None
    return json.dumps([evidence_item(p) for p in f.evidence], ensure_ascii=False, separators=(",", ":"))


def first_evidence(f: Finding) -> tuple[Any, ...]:
    """The flat ``evidence_*`` values of the first cited place (all None without evidence)."""
    if not f.evidence:
        return (None,) * len(KEYS)
    item = evidence_item(f.evidence[0])
    return tuple(item[k] for k in KEYS)
