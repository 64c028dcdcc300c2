"""``parse_quantity``: one value string → :class:`~jixiao.model.Quantity`.

PROVISIONAL minimal version so other stages can be built; replaced by the full
data-driven parser (issue 2 §3).
"""

from __future__ import annotations

from decimal import Decimal

import regex

from jixiao.model import Comparator, Kind, Provenance, Quantity

_CMP = {"≥": Comparator.GE, "≧": Comparator.GE, ">=": Comparator.GE, "≤": Comparator.LE, "≦": Comparator.LE,
        "<=": Comparator.LE, "=": Comparator.EQ, "＝": Comparator.EQ, ">": Comparator.GT, "<": Comparator.LT}
_NUM = regex.compile(r"^\s*(≥|≧|>=|≤|≦|<=|＝|=|>|<)?\s*(-?\d+(?:\.\d+)?)\s*(.*?)\s*$")
_MULT = {"万": Decimal(10000), "亿": Decimal(100000000), "千": Decimal(1000)}


def parse_quantity(text: str | None, unit_hint: str | None = None, prov: Provenance | None = None) -> Quantity:
    raw = text or ""
    t = raw.strip()
    if t in ("", "/", "—", "-", "无"):
        return Quantity(raw=raw, kind=Kind.EMPTY, prov=prov)
    m = _NUM.match(t)
    if not m:
        return Quantity(raw=raw, kind=Kind.TEXT, prov=prov)
    cmp = _CMP.get(m.group(1) or "")
    value = Decimal(m.group(2))
    unit = m.group(3) or unit_hint or None
    base_value, base_unit = value, unit
    if unit and unit[0] in _MULT and len(unit) > 1:
        base_value, base_unit = value * _MULT[unit[0]], unit[1:]
    kind = Kind.NUMBER
    if unit in ("%", "百分比"):
        kind = Kind.PERCENT
    elif base_unit == "元":
        kind = Kind.MONEY
    elif unit:
        kind = Kind.COUNT
    return Quantity(raw=raw, comparator=cmp, value=value, unit=unit, base_value=base_value,
                    base_unit=base_unit, kind=kind, prov=prov)
