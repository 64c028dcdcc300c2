"""Merging: the same indicator stated twice in one report, and table + prose.

When a report states an indicator twice (body tables and the 附件 table), it is
output once: keyed by normalized name (+ level-2), the first copy's fields win,
later copies fill its gaps (missing or blank values), every copy's provenance is
listed in ``sources``.
"""

from __future__ import annotations

from typing import Any

from jixiao.model import BudgetLine, Indicator, Kind, Quantity, Report
from jixiao.normalize.headers import fold_header
from jixiao.normalize.roles import fields_of

# every Indicator field a column fills, but the name (the merge key)
_FILLABLE = tuple(f for f in fields_of("indicator").values() if f != "name")


def _blank(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, Quantity):
        return v.kind == Kind.EMPTY
    return False


def _same(a: Indicator, b: Indicator) -> bool:
    if fold_header(a.name) != fold_header(b.name):
        return False
    if a.level2 and b.level2:
        return fold_header(a.level2) == fold_header(b.level2)
    return True


def merge_copy(first: Indicator, later: Indicator) -> Indicator:
    """``first`` with its gaps filled from ``later`` and both places in ``sources``."""
    update: dict[str, Any] = {}
    filled = list(first.filled)
    for f in _FILLABLE:
        if _blank(getattr(first, f)) and not _blank(getattr(later, f)):
            update[f] = getattr(later, f)
            if f in later.filled and f not in filled:
                filled.append(f)
    sources = list(first.sources) or ([first.prov] if first.prov else [])
    sources += list(later.sources) or ([later.prov] if later.prov else [])
    update["filled"] = filled
    update["sources"] = sources
    return first.model_copy(update=update)


def merge_indicators(copies: list[Indicator]) -> list[Indicator]:
    """One indicator per name (+ level-2) of one report, in first-seen order.  Copies
    are found through an index on the folded name, so merging is linear in the
    number of rows.  Called per report: two reports never merge."""
    out: list[Indicator] = []
    by_name: dict[str, list[int]] = {}
    for ind in copies:
        slots = by_name.setdefault(fold_header(ind.name), [])
        for i in slots:
            if _same(out[i], ind):
                out[i] = merge_copy(out[i], ind)
                break
        else:
            slots.append(len(out))
            out.append(ind)
    return [ind.model_copy(update={"seq": i}) for i, ind in enumerate(out)]


def budget_execution_to_line(lines: list[BudgetLine], item: Indicator | None) -> list[BudgetLine]:
    """The 预算执行率 row of an indicator table carries its weight and score (each with
    its provenance) to the total budget line, where analysts and the BUD rules look
    for them, when that line states none of its own.  The row stays
    ``Report.budget_execution`` as well."""
    if item is None or not lines:
        return lines
    k = next((i for i, ln in enumerate(lines) if ln.depth == 0), 0)
    line = lines[k]
    update = {f: getattr(item, f) for f in ("weight", "score")
              if _blank(getattr(line, f)) and not _blank(getattr(item, f))}
    if not update:
        return lines
    out = list(lines)
    out[k] = line.model_copy(update=update)
    return out


def merge_budget_execution(copies: list[Indicator]) -> Indicator | None:
    if not copies:
        return None
    first = copies[0]
    for later in copies[1:]:
        first = merge_copy(first, later)
    return first.model_copy(update={"seq": 0})


_KEEP = frozenset({"report_id", "seq", "shape", "prov"})


def merge_prose(table_report: Report, prose: Report) -> Report:
    """Fields the tables left empty are taken from the prose; table fields win.
    Stated scores of the prose are added when the tables do not state the same label."""
    update: dict[str, Any] = {}
    for name in Report.model_fields:
        if name in _KEEP or name == "stated_scores":
            continue
        mine, theirs = getattr(table_report, name), getattr(prose, name)
        if (mine is None or mine == []) and theirs not in (None, []):
            update[name] = theirs
    labels = {fold_header(s.label) for s in table_report.stated_scores}
    extra = [s for s in prose.stated_scores if fold_header(s.label) not in labels]
    if extra:
        update["stated_scores"] = [*table_report.stated_scores, *extra]
    return table_report.model_copy(update=update)
