"""Indicator-table rows → :class:`Indicator` s.

Columns come from the header's roles.  Merged level-1/level-2 cells are filled
down (a DOCX grid continuation, or an empty cell under a label in a text dump) and
recorded in ``Indicator.filled``.  Weights stated with a label ("产出指标(50分)")
or on a level-1 group row (level-1 label + weight, no indicator name) become
:class:`StatedScore` s.  The 预算执行率 row is returned apart: it is
``Report.budget_execution``, not an indicator.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.assemble import patterns as P
from jixiao.assemble.classify import Header
from jixiao.assemble.tableview import Slot, row_prov
from jixiao.assemble.values import clean_text, comparator_of, is_unit, name_unit, quantity, text_item
from jixiao.assemble.vocab import is_budget_execution
from jixiao.extract.raw import RawTable
from jixiao.model import Indicator, Quantity, StatedScore
from jixiao.normalize.headers import is_subtotal
from jixiao.normalize.roles import QUANTITY_KINDS, fields_of, roles_in

# role → Indicator field of every column that holds a quantity (target, actual, weight …)
_VALUE_ROLES = fields_of("indicator", QUANTITY_KINDS)


def split_score_label(text: str, prov: object = None) -> tuple[str, StatedScore | None]:
    """"产出指标(50分)" → ("产出指标", StatedScore(label="产出指标", weight=50分))."""
    t = clean_text(text)
    m = P.SCORE_LABEL.match(t)
    if not m or not m.group("label"):
        return t, None
    label = m.group("label")
    w = quantity(m.group("num") + "分", prov)  # type: ignore[arg-type]
    return label, StatedScore(label=label, weight=w, prov=prov)  # type: ignore[arg-type]


@dataclass
class RowResult:
    indicator: Indicator | None = None
    budget_execution: Indicator | None = None
    stated: list[StatedScore] = field(default_factory=list)


@dataclass
class IndicatorReader:
    """Reads the data rows under one indicator header, carrying merged cells down."""

    header: Header
    source: str
    table: RawTable
    heading_level1: str | None = None  # from the section heading when there is no level-1 column
    carry: dict[str, str] = field(default_factory=dict)
    # Header.col of each role asked (a dozen per row), kept while the header's roles are the
    # ones it was computed for (labelling may still change them in place)
    _cols: dict[str, int | None] = field(default_factory=dict, repr=False)
    _cols_for: list[str | None] = field(default_factory=list, repr=False)

    def _get(self, row: list[Slot], role: str) -> Slot | None:
        roles = self.header.roles
        if roles != self._cols_for:
            self._cols.clear()
            self._cols_for = list(roles)
        try:
            k = self._cols[role]
        except KeyError:
            k = self._cols[role] = self.header.col(role)
        if k is None or k >= len(row):
            return None
        return row[k]

    def _level(self, row: list[Slot], role: str, filled: list[str], stated: list[StatedScore]) -> str | None:
        s = self._get(row, role)
        if s is None:
            return None
        if s.empty:
            if role in self.carry:
                filled.append(role)
                return self.carry[role]
            return None
        label, st = split_score_label(s.text, s.prov)
        if s.from_above:
            filled.append(role)
        else:
            if st is None:
                kw = self.header.level_weight_col(role)
                w = row[kw] if kw is not None and kw < len(row) else None
                if w is not None and not w.empty and not w.from_above:
                    st = StatedScore(label=label, weight=quantity(w.text, w.prov), prov=w.prov)
            if st is not None:
                stated.append(st)
            if role == "level1":
                self.carry.pop("level2", None)
        self.carry[role] = label
        return label

    def row_to_result(self, row: list[Slot], seq: int) -> RowResult:
        res = RowResult()
        filled: list[str] = []
        level1 = self._level(row, "level1", filled, res.stated)
        level2 = self._level(row, "level2", filled, res.stated)
        if level1 is None and self.header.col("level1") is None:
            level1 = self.heading_level1
        name_slot = self._get(row, "name")
        name = clean_text(name_slot.text) if name_slot is not None else ""
        if not name:
            # a 预算执行率 label across the level columns names the budget-execution row
            name = next((v for v, r in ((level1, "level1"), (level2, "level2"))
                         if v and r not in filled and is_budget_execution(v)), "")
        cells = {r: self._get(row, r) for r in roles_in("indicator", with_field=True)}
        weight_slot = cells["weight"]
        if not name:
            # a level-1 / level-2 group row: label + weight, no indicator
            label = level2 if level2 and "level2" not in filled else level1
            if label is not None and label == level2 and is_subtotal(label):
                label = level1  # "产出指标 | 小计 | … | 50 | 50": the subtotal of its level 1
            score_slot = cells["score"]
            has_w = weight_slot is not None and not weight_slot.empty
            has_s = score_slot is not None and not score_slot.empty
            if label and (has_w or has_s) and not any(st.label == label for st in res.stated):
                w = quantity(weight_slot.text, weight_slot.prov) if has_w and weight_slot is not None else None
                sc = quantity(score_slot.text, score_slot.prov) if has_s and score_slot is not None else None
                src = weight_slot if has_w else score_slot
                res.stated.append(StatedScore(label=label, weight=w, score=sc,
                                              prov=src.prov if src is not None else None))
            return res
        unit_slot = cells["unit"]
        unit = clean_text(unit_slot.text) if unit_slot is not None and not unit_slot.empty else None
        hint = unit if unit and is_unit(unit) else name_unit(name)
        values: dict[str, Quantity | None] = {}
        for r in _VALUE_ROLES:
            s = cells[r]
            if s is None:
                continue
            h = None
            if r in ("target", "mid_target"):
                h = hint
            elif r == "actual":
                # the completion value is measured in the target's unit ("≥2 次" / "2")
                t = values.get("target")
                h = hint or (t.unit if t is not None else None)
            values[_VALUE_ROLES[r]] = quantity(s.text, s.prov, h)
        nature = cells["nature"]
        comparator = comparator_of(nature.text) if nature is not None else None
        target = values.get("target")
        if comparator is None and target is not None and target.comparator is not None:
            comparator = target.comparator.value
        reason = cells["reason"]
        ind = Indicator(
            seq=seq,
            level1=level1,
            level2=level2,
            name=name,
            comparator=comparator,
            unit=unit,
            reason=text_item(reason.text, reason.prov) if reason is not None else None,
            filled=filled,
            origin="table",
            prov=row_prov(self.source, self.table, row),
            **values,  # type: ignore[arg-type]
        )
        explicit = [v for v, r in ((level1, "level1"), (level2, "level2")) if r not in filled]
        if is_budget_execution(name) or any(is_budget_execution(v) for v in explicit):
            res.budget_execution = ind
        else:
            res.indicator = ind
        return res
