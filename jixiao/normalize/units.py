"""Units of measure: spelling → canonical unit, base unit, multiplier and kind.

``resolve_unit("万人")``   → Unit(unit="万人", base="人", factor=10000, kind="count")
``resolve_unit("百分比")`` → Unit(unit="%", base="%", factor=1, kind="percent")
``resolve_unit("元/年")``  → Unit(unit="元/年", base="元/年", factor=1, kind="money")
``resolve_unit("年")``     → Unit(unit="年", base="个月", factor=12, kind="duration")
``is_unit("个月")``        → True

Knowledge lives in ``data/units.toml`` and ``data/multipliers.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.normalize import patterns as P
from jixiao.normalize.vocab import MULTIPLIERS, UNITS, UnitEntry, fold

_BY_SPELLING: dict[str, UnitEntry] = UNITS.lookup()
_NOT_UNITS = {fold(s) for s in UNITS.not_units}
_NOT_UNIT_CHARS = tuple(fold(s) for s in UNITS.not_unit_chars)
_MULT = sorted(((fold(m.prefix), m.factor) for m in MULTIPLIERS.multiplier), key=lambda p: len(p[0]), reverse=True)
_ONE = Decimal(1)


@dataclass(frozen=True)
class Unit:
    unit: str  # canonical spelling, multiplier kept: "万人"
    base: str | None  # base unit: "人"; None for a bare multiplier ("3万")
    factor: Decimal  # value × factor = base value
    kind: str  # percent | money | count | duration | number (see units.toml)
    known: bool  # False for an unknown unit kept verbatim


def _known(token: str) -> Unit | None:
    entry = _BY_SPELLING.get(token)
    if entry is None:
        return None
    return Unit(entry.name, entry.base or entry.name, entry.factor, entry.kind, True)


def _with_multiplier(token: str) -> Unit | None:
    for prefix, factor in _MULT:
        if token.startswith(prefix):
            rest = token[len(prefix):]
            if not rest:
                return Unit(prefix, None, factor, "number", True)
            base = _known(rest)
            if base is not None and base.kind in ("money", "count", "number"):
                return Unit(prefix + base.unit, base.unit, factor, base.kind, True)
    return None


def resolve_unit(text: str | None, *, allow_unknown: bool = True) -> Unit | None:
    """A unit spelling → :class:`Unit`, or None when ``text`` is not a unit.

    Known units (with aliases) first, then a multiplier prefix on a known unit, then a
    composite "X/Y" whose X is known; with ``allow_unknown`` a short token of letters
    or Han characters is kept verbatim as an unknown unit of kind "number".
    """
    if not text:
        return None
    token = fold(text)
    if not token or token in _NOT_UNITS:
        return None
    hit = _known(token) or _with_multiplier(token)
    if hit is not None:
        return hit
    if "/" in token:
        head, _, tail = token.partition("/")
        if head and tail and "/" not in tail:
            h = _known(head) or _with_multiplier(head)
            if h is not None and h.base is not None:
                return Unit(f"{h.unit}/{tail}", f"{h.base}/{tail}", h.factor, h.kind, True)
    if allow_unknown and P.UNIT_TOKEN.match(token) and not any(c in token for c in _NOT_UNIT_CHARS):
        return Unit(token, token, _ONE, "number", False)
    return None


def is_unit(text: str | None) -> bool:
    """True when ``text`` is a known unit ("次", "个月", "万人", "%", "元/年"); unknown
    words are not units here, so "完成" or "其他" are False."""
    u = resolve_unit(text, allow_unknown=False)
    return u is not None


def hint_to_unit(hint: str | None) -> Unit | None:
    """A unit hint from a 度量单位 column or an indicator name ("（人）", "单位：万元")."""
    if not hint:
        return None
    token = fold(hint)
    whole = resolve_unit(token)
    if whole is not None and whole.known:
        return whole
    m = P.HINT_WRAPPER.match(token)
    if m:
        inner = resolve_unit(m.group("unit"))
        if inner is not None:
            return inner
    return whole
