"""Decimal arithmetic for the checks: stated precision, rounding vs truncation, display.

Reports write figures to a fixed number of decimals; a stated figure is consistent with
a computed one when it equals the computed value rounded (half-up) or truncated to the
*stated* number of decimals.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from jixiao.model import Kind, Quantity
from jixiao.targets import NUMERIC_KINDS, base, num  # noqa: F401  (one definition, shared with the export)

HUNDRED = Decimal(100)


def places(d: Decimal) -> int:
    """Decimals as written: 61.04 → 2, 95.10 → 2, 10 → 0."""
    exp = d.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def quantize(d: Decimal, n: int, rounding: str) -> Decimal:
    return d.quantize(Decimal(1).scaleb(-n), rounding=rounding)


ROUNDINGS = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN, "truncate": ROUND_DOWN}
DEFAULT_MODES = ("half_up", "truncate")


def consistent(stated: Decimal, computed: Decimal, n: int | None = None, tol: Decimal = Decimal(0),
               modes: Iterable[str] = DEFAULT_MODES) -> bool:
    """``stated`` equals ``computed`` rounded (half-up, half-even) or truncated — the configured
    ``modes`` — to ``n`` decimals (the stated ones by default), or lies within ``tol`` of it."""
    n = places(stated) if n is None else n
    if abs(stated - computed) <= tol:
        return True
    return any(quantize(computed, n, ROUNDINGS[m]) == stated for m in modes)


def is_blank(q: Quantity | None) -> bool:
    return q is None or q.kind == Kind.EMPTY or not q.raw.strip()


def is_percent(q: Quantity) -> bool:
    return q.kind == Kind.PERCENT or (q.unit or "") in ("%", "百分比", "％")


def percent(q: Quantity | None) -> tuple[Decimal, int] | None:
    """A stated rate as (percent value, decimals of that percent value).

    "61.04%" → (61.04, 2); a ratio written under a % header ("0.95", ``likely_ratio``) or a
    bare 0 < x ≤ 1 → (95, 0); a bare "95.1" under "预算执行率(%)" → (95.1, 1)."""
    v = num(q)
    if q is None or v is None:
        return None
    if is_percent(q) and not q.likely_ratio:
        return v, places(v)
    if q.likely_ratio or (q.kind == Kind.NUMBER and not q.unit and 0 < v <= 1):
        return v * HUNDRED, max(places(v) - 2, 0)  # a bare 0.95 / 1 in a rate cell is a ratio
    if q.kind == Kind.NUMBER:
        return v, places(v)
    return None


def fmt(d: Decimal | None, n: int | None = None) -> str:
    """A Decimal for display: fixed ``n`` decimals, or as written without exponent."""
    if d is None:
        return "—"
    if n is not None:
        return f"{quantize(d, n, ROUND_HALF_UP):f}"
    s = f"{d:f}"
    return s


def fmt_pct(d: Decimal | None, n: int = 2) -> str:
    return "—" if d is None else fmt(d, n) + "%"


def ratio_pct(a: Decimal, b: Decimal) -> Decimal | None:
    """100·a/b, None when b is 0."""
    if b == 0:
        return None
    return a * HUNDRED / b


def ratio_pct_interval(a: Decimal, b: Decimal) -> tuple[Decimal, Decimal] | None:
    """The range 100·a/b can take when ``a`` and ``b`` were themselves rounded for display
    (83.39 may be 83.385…83.395): None when ``b`` may be 0."""
    ha, hb = Decimal(1).scaleb(-places(a)) / 2, Decimal(1).scaleb(-places(b)) / 2
    if b - hb <= 0 or a < 0:
        return None
    return (a - ha) * HUNDRED / (b + hb), (a + ha) * HUNDRED / (b - hb)


def within_display_precision(stated: Decimal, n: int, a: Decimal, b: Decimal) -> tuple[Decimal, Decimal] | None:
    """The interval of 100·a/b (see :func:`ratio_pct_interval`) when ``stated`` (to ``n``
    decimals) can be reached from it — the figures as shown cannot prove an error; else None."""
    iv = ratio_pct_interval(a, b)
    if iv is None:
        return None
    lo, hi = iv
    half = Decimal(1).scaleb(-n) / 2
    return iv if lo - half <= stated <= hi + half else None
