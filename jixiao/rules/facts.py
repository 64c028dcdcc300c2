"""Facts derived from a Report that several rules share: the budget-execution item, the
direction of an indicator, whether its target was met, the score the formulas give."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from jixiao import targets as T
from jixiao.model import BudgetLine, Indicator, Provenance, Quantity, Report, TextItem
from jixiao.normalize import parse_comparator
from jixiao.rules import patterns as P
from jixiao.rules.arith import is_blank
from jixiao.rules.config import RulesConfig
from jixiao.rules.doubt import field_in_doubt  # noqa: F401  (a fact rules may ask for)
from jixiao.targets import (  # noqa: F401  (re-exported: the rules' vocabulary)
    Direction,
    DirectionPolicy,
    comparable,
    is_quantitative,
    met,
    same_unit,
    unit_slip,
)


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
# The notion of "target met" lives in jixiao/targets.py, shared with the dataset export.

_POLICIES: dict[int, tuple[RulesConfig, DirectionPolicy]] = {}


def policy(cfg: RulesConfig) -> DirectionPolicy:
    """The direction policy of a rules configuration (made once per configuration object)."""
    hit = _POLICIES.get(id(cfg))
    if hit is not None and hit[0] is cfg:
        return hit[1]
    c = cfg.indicators
    pol = DirectionPolicy(tuple(c.cost_words), c.eq_cost_as_le, c.infer_missing_direction)
    if len(_POLICIES) > 64:
        _POLICIES.clear()
    _POLICIES[id(cfg)] = (cfg, pol)
    return pol


def is_cost(ind: Indicator, cfg: RulesConfig) -> bool:
    return T.is_cost(ind, policy(cfg))


def stated_direction(ind: Indicator) -> Direction | Literal["eq"] | None:
    return T.stated_direction(ind, parse_comparator)


def direction(ind: Indicator, cfg: RulesConfig) -> Direction | None:
    """Which way is better: "ge" (higher; also ＝, scored as higher-is-better), "le", "qual"."""
    return T.direction(ind, policy(cfg), parse_comparator)


def target_met(ind: Indicator, cfg: RulesConfig) -> bool | None:
    return T.target_met(ind, policy(cfg), parse_comparator)


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
