"""Facts derived from a Report that several rules share: the budget-execution item, the
direction of an indicator, whether its target was met, the score the formulas give."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

import regex

from jixiao.model import BudgetLine, Comparator, Indicator, Kind, Provenance, Quantity, Report, TextItem
from jixiao.normalize import parse_comparator
from jixiao.rules import patterns as P
from jixiao.rules.arith import NUMERIC_KINDS, base, is_blank, num
from jixiao.rules.config import RulesConfig
from jixiao.rules.doubt import field_in_doubt  # noqa: F401  (a fact rules may ask for)

Direction = Literal["ge", "le", "qual"]

_DIRECTIONS: dict[object, Direction | Literal["eq"]] = {
    Comparator.GE: "ge", Comparator.GT: "ge", Comparator.LE: "le", Comparator.LT: "le", Comparator.EQ: "eq",
    "定性": "qual",
}


def provs(*items: object) -> tuple[Provenance, ...]:
    """Provenance of every given model that has one (duplicates dropped, order kept; a set, not
    list membership, so a report of 10,000 indicators stays linear)."""
    out: dict[Provenance, None] = {}
    for it in items:
        p = getattr(it, "prov", None)
        if isinstance(p, Provenance):
            out.setdefault(p, None)
    return tuple(out)


def has_text(t: TextItem | None) -> bool:
    return t is not None and bool(t.text.strip()) and t.text.strip() not in ("/", "—", "-", "无")


# ---------------------------------------------------------------- budget item

@dataclass(frozen=True)
class BudgetItem:
    """The 预算执行率 item: its weight, score, stated rate and reason, wherever stated."""

    weight: Quantity | None = None
    weight_subject: str = ""
    score: Quantity | None = None
    score_subject: str = ""
    rate: Quantity | None = None
    rate_subject: str = ""
    reason: TextItem | None = None


def total_line(report: Report) -> tuple[int, BudgetLine] | None:
    """The line every other budget line is part of (depth 0), or the only line."""
    for i, line in enumerate(report.budget_lines):
        if line.depth == 0:
            return i, line
    return (0, report.budget_lines[0]) if len(report.budget_lines) == 1 else None


def budget_item(report: Report) -> BudgetItem:
    found: dict[str, tuple[object, str]] = {}

    def offer(key: str, value: object, subject: str) -> None:
        if key not in found:
            ok = isinstance(value, TextItem) and has_text(value) or (
                isinstance(value, Quantity) and not is_blank(value))
            if ok:
                found[key] = (value, subject)

    be = report.budget_execution
    if be is not None:
        offer("weight", be.weight, "budget_execution.weight")
        offer("score", be.score, "budget_execution.score")
        offer("rate", be.actual, "budget_execution.actual")
        offer("reason", be.reason, "budget_execution.reason")
    tl = total_line(report)
    lines = ([tl] if tl else []) + [(i, ln) for i, ln in enumerate(report.budget_lines) if not tl or i != tl[0]]
    for i, ln in lines:
        offer("weight", ln.weight, f"budget_lines[{i}].weight")
        offer("score", ln.score, f"budget_lines[{i}].score")
        offer("rate", ln.rate, f"budget_lines[{i}].rate")
        offer("reason", ln.reason, f"budget_lines[{i}].reason")
    for i, s in enumerate(report.stated_scores):
        if P.BUDGET_LABEL.search(s.label):
            offer("weight", s.weight, f"stated_scores[{i}].weight")
            offer("score", s.score, f"stated_scores[{i}].score")

    def get(key: str) -> tuple[object, str]:
        return found.get(key, (None, ""))

    w, ws = get("weight")
    sc, ss = get("score")
    r, rs = get("rate")
    reason, _ = get("reason")
    return BudgetItem(w, ws, sc, ss, r, rs, reason)  # type: ignore[arg-type]


# ---------------------------------------------------------------- indicators

def is_cost(ind: Indicator, cfg: RulesConfig) -> bool:
    text = "".join(x or "" for x in (ind.level1, ind.level2, ind.name))
    return any(w in text for w in cfg.indicators.cost_words)


def stated_direction(ind: Indicator) -> Direction | Literal["eq"] | None:
    for c in (ind.comparator, ind.target.comparator if ind.target else None):
        d = _DIRECTIONS.get(c if isinstance(c, Comparator) else parse_comparator(c))
        if d is not None:
            return d
    if ind.target is not None and ind.target.kind == Kind.QUALITATIVE:
        return "qual"
    return None


def direction(ind: Indicator, cfg: RulesConfig) -> Direction | None:
    """Which way is better: "ge" (higher; also ＝, scored as higher-is-better), "le", "qual"."""
    d = stated_direction(ind)
    if d == "eq":
        return "le" if cfg.indicators.eq_cost_as_le and is_cost(ind, cfg) else "ge"
    if d is None and cfg.indicators.infer_missing_direction and is_quantitative(ind.target):
        return "le" if is_cost(ind, cfg) else "ge"
    return d


def is_quantitative(q: Quantity | None) -> bool:
    return q is not None and q.kind in NUMERIC_KINDS and q.value is not None


def comparable(target: Quantity | None, actual: Quantity | None) -> tuple[Decimal, Decimal] | None:
    """(target, actual) in a common unit, or None when they cannot be compared
    (text, blank, a ratio written in a % row, different base units, a unit slip)."""
    if not (is_quantitative(target) and is_quantitative(actual)):
        return None
    assert target is not None and actual is not None
    if target.likely_ratio or actual.likely_ratio or _ratio_vs_percent(target, actual):
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


def _ratio_vs_percent(target: Quantity, actual: Quantity) -> bool:
    """One side a percentage, the other a bare number ≤ 1: a ratio where % is meant (IND003)."""
    for p, r in ((target, actual), (actual, target)):
        if p.kind == Kind.PERCENT and r.kind == Kind.NUMBER and r.value is not None and 0 <= r.value <= 1 \
                and p.value is not None and p.value > 1:
            return True
    return False


def met(d: Direction, t: Decimal, a: Decimal) -> bool:
    return a >= t if d == "ge" else a <= t


def formula_score(d: Direction, t: Decimal, a: Decimal, weight: Decimal) -> Decimal | None:
    """The score domain.md §4 gives: full when met; higher-is-better weight·a/t;
    lower-is-better weight·(1 − (a − t)/t) up to 2t, 0 beyond."""
    if met(d, t, a):
        return weight
    if t <= 0:
        return None
    if d == "ge":
        return max(weight * a / t, Decimal(0))
    over = (a - t) / t
    return weight * (1 - over) if over < 1 else Decimal(0)


def polarity(ind: Indicator) -> int | None:
    """+1 achieved, 0 partly, -1 not achieved, from the actual (or its agreement with the target)."""
    a, t = ind.actual, ind.target
    if a is None or is_blank(a):
        return None
    if t is not None and a.label and a.label == t.label:
        return 1
    if t is not None and a.raw.strip() and a.raw.strip() == t.raw.strip():
        return 1
    return a.polarity
