"""Whether an indicator met its target: the one notion the rules and the dataset share.

The rules (SCR010–SCR013, IND006/IND007, TXT006) and the dataset's ``indicators.target_met``
column (and the DuckDB ``indicator_completion`` view built on it) all ask :func:`target_met`,
so a query for "full score although the target was missed" returns what the rules flag.

A target and an actual are compared only when the comparison means something
(:func:`comparable`): both numbers, no ratio written in a percent row ("1" or "0.95" where 100 %
/ 95 % is meant, IND003), no calendar year, the same base unit, no unit slip.  Otherwise the
answer is ``None`` (unknown), never a guess.

This module imports only :mod:`jixiao.model` so that every layer may use it; the direction
policy (how ＝ and missing signs are read) comes from the rules configuration, and
:data:`DEFAULT_POLICY` equals its defaults (a test keeps them equal).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import regex

from jixiao.model import Comparator, Indicator, Kind, Quantity

Direction = Literal["ge", "le", "qual"]
NUMERIC_KINDS = frozenset({Kind.NUMBER, Kind.PERCENT, Kind.MONEY, Kind.COUNT, Kind.DURATION, Kind.YEAR})

_DIRECTIONS: dict[object, Direction | Literal["eq"]] = {
    Comparator.GE: "ge", Comparator.GT: "ge", Comparator.LE: "le", Comparator.LT: "le", Comparator.EQ: "eq",
    "定性": "qual",
}


@dataclass(frozen=True)
class DirectionPolicy:
    """How a direction is read where the report is silent or says ＝ (rules config ``[indicators]``)."""

    cost_words: tuple[str, ...] = ("成本",)
    eq_cost_as_le: bool = True
    infer_missing_direction: bool = True


DEFAULT_POLICY = DirectionPolicy()


def num(q: Quantity | None) -> Decimal | None:
    """The number a cell states (as written), or None for blank/text/qualitative cells."""
    if q is None or q.value is None or q.kind not in NUMERIC_KINDS:
        return None
    return q.value


def base(q: Quantity | None) -> Decimal | None:
    """The number in its base unit (18.74万人 → 187400), falling back to the written value."""
    if q is None or q.kind not in NUMERIC_KINDS:
        return None
    return q.base_value if q.base_value is not None else q.value


def is_quantitative(q: Quantity | None) -> bool:
    return q is not None and q.kind in NUMERIC_KINDS and q.value is not None


def is_cost(ind: Indicator, policy: DirectionPolicy = DEFAULT_POLICY) -> bool:
    text = "".join(x or "" for x in (ind.level1, ind.level2, ind.name))
    return any(w in text for w in policy.cost_words)


_BY_TEXT: dict[str, object] = {c.value: c for c in Comparator} | {"定性": "定性"}


def _comparator(value: object) -> object:
    if isinstance(value, Comparator):
        return value
    return _BY_TEXT.get(value.strip()) if isinstance(value, str) else None


def stated_direction(ind: Indicator, parse: Callable[[str | None], object] | None = None
                     ) -> Direction | Literal["eq"] | None:
    """The direction the report states (指标性质 column or the sign before the target).
    ``parse`` reads a non-normalised comparator word (the rules pass the normaliser's)."""
    for c in (ind.comparator, ind.target.comparator if ind.target else None):
        if c is None:
            continue
        key = _comparator(c)
        if key is None and parse is not None and isinstance(c, str):
            key = parse(c)
        d = _DIRECTIONS.get(key)
        if d is not None:
            return d
    if ind.target is not None and ind.target.kind == Kind.QUALITATIVE:
        return "qual"
    return None


def direction(ind: Indicator, policy: DirectionPolicy = DEFAULT_POLICY,
              parse: Callable[[str | None], object] | None = None) -> Direction | None:
    """Which way is better: "ge" (higher; also ＝, scored as higher-is-better), "le", "qual"."""
    d = stated_direction(ind, parse)
    if d == "eq":
        return "le" if policy.eq_cost_as_le and is_cost(ind, policy) else "ge"
    if d is None and policy.infer_missing_direction and is_quantitative(ind.target):
        return "le" if is_cost(ind, policy) else "ge"
    return d


_UNIT_NOISE = regex.compile(r"[（(][^）)]*[）)]|\s+")


def _primary(unit: str) -> str:
    """"元/年" → "元", "篇（部）" → "篇", "人次" → "人": the thing counted."""
    u = _UNIT_NOISE.sub("", unit.split("/", 1)[0])
    return u[:-1] if len(u) > 1 and u.endswith("次") else u


def same_unit(a: str | None, b: str | None) -> bool:
    """Base units that measure the same thing; a missing unit agrees with any, a rate unit
    agrees with its numerator ("元/年" vs "元": a yearly standard stated in 元), an
    alternative in brackets is ignored ("篇（部）" vs "篇") and so is a 次 suffix ("人次")."""
    return not (a and b) or a == b or _primary(a) == _primary(b)


def unit_slip(target: Quantity, actual: Quantity) -> bool:
    """Same base unit but different written units whose as-written values agree better than
    their base values (target 18 人 vs actual 18.74万人).  Durations are never a slip: "≤1年"
    done in "1个月" is a plausible result, not a unit error."""
    if not (target.unit and actual.unit and target.unit != actual.unit):
        return False
    if Kind.DURATION in (target.kind, actual.kind):
        return False
    if target.base_unit is None or actual.base_unit is None or not same_unit(target.base_unit, actual.base_unit):
        return False
    tv, av, tb, ab = target.value, actual.value, target.base_value, actual.base_value
    if None in (tv, av, tb, ab) or 0 in (tv, av, tb, ab):
        return False
    assert tv is not None and av is not None and tb is not None and ab is not None
    written = max(av / tv, tv / av)
    based = max(ab / tb, tb / ab)
    return based >= 10 and written < based


def ratio_vs_percent(target: Quantity, actual: Quantity) -> bool:
    """One side a percentage, the other a bare number ≤ 1: a ratio where % is meant (IND003)."""
    for p, r in ((target, actual), (actual, target)):
        if p.kind == Kind.PERCENT and r.kind == Kind.NUMBER and r.value is not None and 0 <= r.value <= 1 \
                and p.value is not None and p.value > 1:
            return True
    return False


def comparable(target: Quantity | None, actual: Quantity | None) -> tuple[Decimal, Decimal] | None:
    """(target, actual) in a common unit, or None when they cannot be compared
    (text, blank, a ratio written in a % row, different base units, a unit slip)."""
    if not (is_quantitative(target) and is_quantitative(actual)):
        return None
    assert target is not None and actual is not None
    if target.likely_ratio or actual.likely_ratio or ratio_vs_percent(target, actual):
        return None
    if Kind.YEAR in (target.kind, actual.kind):  # a calendar year is a date, not an amount
        return None
    if not same_unit(target.base_unit, actual.base_unit):
        return None
    if unit_slip(target, actual):
        return None
    t, a = base(target), base(actual)
    if (target.unit and actual.unit) or (not target.unit and not actual.unit):
        return (t, a) if t is not None and a is not None else None
    # one side carries the unit, the other is a bare number in the same column: compare as written
    tv, av = num(target), num(actual)
    return (tv, av) if tv is not None and av is not None else None


def met(d: Direction, t: Decimal, a: Decimal) -> bool:
    return a >= t if d == "ge" else a <= t


def target_met(ind: Indicator, policy: DirectionPolicy = DEFAULT_POLICY,
               parse: Callable[[str | None], object] | None = None) -> bool | None:
    """True / False for a quantitative indicator whose target and actual compare; None when
    they do not (qualitative, blank, a ratio in a % row, other units …)."""
    d = direction(ind, policy, parse)
    if d not in ("ge", "le"):
        return None
    pair = comparable(ind.target, ind.actual)
    if pair is None:
        return None
    return met(d, *pair)  # type: ignore[arg-type]
