"""Deadline rules: a date target ("12月31日前", "2024年6月底前", "按时") against the actual.

A deadline is missed when the actual states a day (or a month) entirely after it — for a
"≥ date" target, entirely before it — or when the actual says it was not on time ("未按时完成",
"滞后").  A date without a year takes the report's year; when no year is known on either side
the two are compared within one year.  Dates are never guessed: an actual that is only a
qualitative "完成" or a number is not compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Comparator, Indicator, Kind, Quantity, Report, Severity
from jixiao.normalize.dates import date_bounds
from jixiao.rules.arith import fmt, num
from jixiao.rules.config import RulesConfig
from jixiao.rules.facts import has_text, provs
from jixiao.rules.registry import Evidence, rule

_SAME_YEAR = 2000  # a leap year: both sides without a year compare as days of one year


def _bounds(q: Quantity, year: int | None) -> tuple[dt.date, dt.date] | None:
    if q.kind is not Kind.DATE or q.date is None:
        return None
    return date_bounds(q.date, year)


def _compare(target: Quantity, actual: Quantity, year: int | None) -> bool | None:
    """True when the deadline is missed, False when kept, None when it cannot be told."""
    if actual.kind is Kind.QUALITATIVE or (actual.kind is Kind.DATE and actual.date is None):
        return {-1: True, 1: False}.get(actual.polarity) if actual.polarity is not None else None
    if target.date is None or actual.kind is not Kind.DATE or actual.date is None:
        return None
    no_year = target.date.startswith("--") and actual.date.startswith("--") and year is None
    t = _bounds(target, _SAME_YEAR if no_year else year)
    a = _bounds(actual, _SAME_YEAR if no_year else year)
    if t is None or a is None:
        return None
    if target.comparator in (Comparator.LE, Comparator.LT):
        return a[0] > t[1] if target.comparator is Comparator.LE else a[0] >= t[1]
    return a[1] < t[0] if target.comparator is Comparator.GE else a[1] <= t[0]


def deadline_missed(ind: Indicator, year: int | None) -> bool:
    """The indicator has a deadline target (a date with ≤ / ≥ / "按时") that its actual misses."""
    t, a = ind.target, ind.actual
    if t is None or a is None or t.kind is not Kind.DATE or t.comparator is None or t.comparator is Comparator.EQ:
        return False
    return _compare(t, a, year) is True


def _raw(q: Quantity | None) -> str:
    return (q.raw.strip() if q is not None else "") or "—"


@rule("IND030", Severity.WARNING, title="Deadline missed without a reason",
      message="{name}未按期完成（期限{target}，完成{actual}），未说明原因")
def deadline_missed_without_reason(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A deadline target ("12月31日前", "2024年6月底前", "按时") whose actual states a later day
    (an earlier one for a "…后" target) or says it was late ("未按时完成", "滞后") needs a reason
    (未完成原因分析), as any missed target does.  A date without a year takes the report's year."""
    for i, ind in enumerate(report.indicators):
        if has_text(ind.reason) or not deadline_missed(ind, report.year):
            continue
        yield Evidence(f"indicators[{i}].reason",
                       {"name": ind.name, "target": _raw(ind.target), "actual": _raw(ind.actual)},
                       expected="说明原因", actual="（空）", provs=provs(ind.actual, ind.target, ind))


@rule("SCR030", Severity.ERROR, title="Full score although the deadline was missed",
      message="{name}未按期完成（期限{target}，完成{actual}）却得满分{score}分")
def full_score_deadline_missed(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """An indicator that misses its deadline cannot score its full weight (a missed target is
    scored below full, domain.md §4); the amount to deduct is the form's own rule, so only the full
    score is flagged."""
    for i, ind in enumerate(report.indicators):
        score, weight = num(ind.score), num(ind.weight)
        if score is None or weight is None or weight <= Decimal(0) or score < weight:
            continue
        if deadline_missed(ind, report.year):
            yield Evidence(f"indicators[{i}].score",
                           {"name": ind.name, "target": _raw(ind.target), "actual": _raw(ind.actual),
                            "score": fmt(score)},
                           expected=f"< {fmt(weight)}", actual=fmt(score), provs=provs(ind.score, ind.actual, ind.target))
