"""Indicator value rules (IND): units, ratios written in % rows, text actuals, completion
rates, over-achievement."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import Indicator, Kind, Report, Severity
from jixiao.rules.arith import (
    HUNDRED,
    base,
    consistent,
    fmt,
    fmt_pct,
    is_blank,
    is_percent,
    num,
    percent,
    within_display_precision,
)
from jixiao.rules.config import RulesConfig
from jixiao.rules.facts import (
    comparable,
    direction,
    has_text,
    is_quantitative,
    met,
    polarity,
    provs,
    same_unit,
    unit_slip,
)
from jixiao.rules.registry import WITH_TARGETS, Evidence, rule


def _raw(q: object) -> str:
    return getattr(q, "raw", "").strip() or "—"


@rule("IND001", Severity.ERROR, title="Unit mismatch between target and actual",
      message="{name}目标{target}与完成值{actual}单位不一致（{tunit} / {aunit}），换算后相差{factor}倍")
def unit_mismatch(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """Target and actual in the same base unit but written in different units whose
    magnitudes do not fit: target 18 人 vs actual 18.74万人 (187,400 人) — the written
    numbers agree, the converted ones differ by 10,000×."""
    for i, ind in enumerate(report.indicators):
        t, a = ind.target, ind.actual
        if not (is_quantitative(t) and is_quantitative(a)):
            continue
        assert t is not None and a is not None
        if unit_slip(t, a):
            tb, ab = base(t), base(a)
            assert tb is not None and ab is not None
            factor = max(ab / tb, tb / ab)
            yield Evidence(f"indicators[{i}].actual",
                           {"name": ind.name, "target": _raw(t), "actual": _raw(a), "tunit": t.unit,
                            "aunit": a.unit, "factor": fmt(factor.quantize(Decimal(1)))},
                           expected=f"{fmt(t.value)}{t.unit}", actual=f"{fmt(a.value)}{a.unit}",
                           provs=provs(t, a, ind))


@rule("IND002", Severity.WARNING, title="Target and actual in incomparable units",
      message="{name}目标{target}（{tunit}）与完成值{actual}（{aunit}）的单位无法比较")
def incomparable_units(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """Target and actual must be measured in the same kind of unit (人 vs 次, 元 vs 人): the
    comparison and the score are meaningless otherwise.  Bracketed alternatives ("篇（部）"),
    a 次 suffix ("人次" vs "人"), rate units ("元/年" vs "元") and durations whose units do not
    convert exactly (天 vs 个月) are not flagged; 1年 and 12个月 compare as 12 个月."""
    for i, ind in enumerate(report.indicators):
        t, a = ind.target, ind.actual
        if not (is_quantitative(t) and is_quantitative(a)):
            continue
        assert t is not None and a is not None
        if t.likely_ratio or a.likely_ratio or not (t.base_unit and a.base_unit) or same_unit(t.base_unit, a.base_unit):
            continue
        if t.kind == a.kind and t.kind in (Kind.DURATION, Kind.YEAR):  # 1年 vs 12个月: convertible
            continue
        yield Evidence(f"indicators[{i}].actual",
                       {"name": ind.name, "target": _raw(t), "actual": _raw(a), "tunit": t.base_unit,
                        "aunit": a.base_unit}, expected=t.base_unit, actual=a.base_unit, provs=provs(t, a, ind))


def _percent_row(ind: Indicator) -> bool:
    t = ind.target
    return (ind.unit or "").strip() in ("%", "百分比", "％") or (t is not None and is_percent(t))


@rule("IND003", Severity.WARNING, kinds=WITH_TARGETS, title="Ratio written in a percent row",
      message="{name}以百分比计（目标{target}），完成值却写成比值“{actual}”")
def ratio_in_percent_row(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """In a % row a completion value of "1" or "0.95" is a ratio where a percentage is meant
    (100%, 95%); flagged, never silently multiplied.  Quiet when the target itself is a ratio."""
    for i, ind in enumerate(report.indicators):
        a, t = ind.actual, ind.target
        if a is None or not _percent_row(ind):
            continue
        av, tv = num(a), num(t)
        if av is None or a.unit not in (None, "", "%", "百分比") and not a.likely_ratio:
            continue
        ratio_like = a.likely_ratio or (not is_percent(a) and Decimal(0) < av <= 1)
        if not ratio_like or (tv is not None and tv <= 1):
            continue
        yield Evidence(f"indicators[{i}].actual", {"name": ind.name, "target": _raw(t), "actual": _raw(a)},
                       expected=f"{fmt(av * HUNDRED)}%", actual=_raw(a), provs=provs(a, ind))


@rule("IND004", Severity.WARNING, title="Quantitative indicator with a text actual",
      message="{name}目标为数值（{target}），完成值却是文字“{actual}”")
def text_actual(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A quantitative target (a number with a unit) needs a number as its actual; "完成" or
    "达到预期" cannot be compared or scored by the formula."""
    for i, ind in enumerate(report.indicators):
        a = ind.actual
        if direction(ind, cfg) in (None, "qual") or not is_quantitative(ind.target) or a is None:
            continue
        if a.kind in (Kind.QUALITATIVE, Kind.TEXT) and not is_blank(a):
            yield Evidence(f"indicators[{i}].actual",
                           {"name": ind.name, "target": _raw(ind.target), "actual": _raw(a)},
                           expected="数值", actual=_raw(a), provs=provs(a, ind))


def _completion_candidates(ind: Indicator) -> list[Decimal]:
    out: list[Decimal] = []
    for getter in (num, base):
        t, a = getter(ind.target), getter(ind.actual)
        if t is None or a is None or t == 0:
            continue
        for c in (a * HUNDRED / t, min(a * HUNDRED / t, HUNDRED)) + ((t * HUNDRED / a,) if a else ()):
            out.append(c)
    pair = comparable(ind.target, ind.actual)
    if pair is not None:
        t, a = pair
        if t and a >= t:
            out.append(HUNDRED)
    return out


@rule("IND005", Severity.ERROR, title="Stated completion rate inconsistent",
      message="{name}完成率填报{stated}，完成值/目标值 = {actual}/{target} = {computed}")
def completion_rate(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A stated 完成率 equals actual/target (as written or in base units; capped at 100% or
    inverted for ≤ targets where templates do so), rounded or truncated to the stated decimals.
    Info when the target and actual, rounded for display, allow the stated rate."""
    for i, ind in enumerate(report.indicators):
        if ind.completion_rate is None or direction(ind, cfg) == "qual":
            continue
        sp = percent(ind.completion_rate)
        cands = _completion_candidates(ind)
        if sp is None or not cands:
            continue
        stated, n = sp
        if any(consistent(stated, c, n, cfg.scores.tolerance, modes=cfg.scores.rounding) for c in cands):
            continue
        t, a = num(ind.target), num(ind.actual)
        shown = t is not None and a is not None and within_display_precision(stated, n, a, t) is not None
        yield Evidence(f"indicators[{i}].completion_rate",
                       {"name": ind.name, "stated": fmt_pct(stated, n), "actual": _raw(ind.actual),
                        "target": _raw(ind.target), "computed": fmt_pct(cands[0], n)},
                       expected=fmt_pct(cands[0], n), actual=fmt_pct(stated, n),
                       provs=provs(ind.completion_rate, ind.target, ind.actual), unconfirmed=shown)


@rule("IND006", Severity.WARNING, title="Far above target without explanation",
      message="{name}完成值{actual}为目标{target}的{share}，超过{threshold}%却未说明原因")
def over_achievement(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A higher-is-better actual at or above the configured share of its target (130%) suggests
    a target set too low and needs an explanation (convention: a warning)."""
    for i, ind in enumerate(report.indicators):
        if direction(ind, cfg) != "ge" or has_text(ind.reason):
            continue
        pair = comparable(ind.target, ind.actual)
        if pair is None or pair[0] <= 0:
            continue
        t, a = pair
        share = a * HUNDRED / t
        if share >= cfg.indicators.over_achievement:
            yield Evidence(f"indicators[{i}].actual",
                           {"name": ind.name, "actual": _raw(ind.actual), "target": _raw(ind.target),
                            "share": fmt_pct(share, 0), "threshold": fmt(cfg.indicators.over_achievement)},
                           expected=f"< {fmt(cfg.indicators.over_achievement)}% 或说明原因",
                           actual=fmt_pct(share, 0), provs=provs(ind.actual, ind.target))


@rule("IND007", Severity.WARNING, title="Target missed without a reason",
      message="{name}未达目标（目标{target}，完成{actual}），未说明原因")
def missed_without_reason(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """An indicator that misses its target — a quantitative actual on the wrong side of the
    target, or a qualitative result judged not achieved — needs a reason (未完成原因分析 /
    偏差原因分析)."""
    for i, ind in enumerate(report.indicators):
        if has_text(ind.reason):
            continue
        d = direction(ind, cfg)
        missed = False
        if d in ("ge", "le"):
            pair = comparable(ind.target, ind.actual)
            missed = pair is not None and not met(d, *pair)  # type: ignore[arg-type]
        elif d == "qual":
            missed = polarity(ind) == -1
        if missed:
            yield Evidence(f"indicators[{i}].reason",
                           {"name": ind.name, "target": _raw(ind.target), "actual": _raw(ind.actual)},
                           expected="说明原因", actual="（空）", provs=provs(ind.actual, ind.target, ind))
