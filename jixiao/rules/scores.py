"""Score rules (SCR): weights and totals, grades, the scoring formulas."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import regex

from jixiao.model import Indicator, Report, Severity
from jixiao.rules import patterns as P
from jixiao.rules.arith import consistent, fmt, num, places
from jixiao.rules.config import RulesConfig
from jixiao.rules.facts import (
    budget_item,
    comparable,
    direction,
    formula_score,
    has_text,
    met,
    polarity,
    provs,
    stated_direction,
)
from jixiao.rules.registry import WITH_EVALUATIONS, Evidence, rule

_LABEL_NOISE = regex.compile(r"[\s（(][^）)]*[）)]|\s+|得分|分值|权重")


_WEIGHT_SUFFIX = regex.compile(r"\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")


def _display(label: str) -> str:
    """"绩效指标（90分）" → "绩效指标" (the number is shown beside it)."""
    return _WEIGHT_SUFFIX.sub("", label).strip() or label


def _fold_label(text: str | None) -> str:
    return _LABEL_NOISE.sub("", text or "")


def group_members(report: Report, label: str) -> list[int] | None:
    """Indexes of the indicators a stated group label covers ("产出指标(50分)" → level1 产出指标,
    "数量指标" → level2, "绩效指标（90分）" → all), or None for the budget item / unknown label."""
    if P.BUDGET_LABEL.search(label):
        return None
    if P.ALL_INDICATORS_LABEL.match(label):
        return list(range(len(report.indicators)))
    key = _fold_label(label)
    if not key:
        return None
    for attr in ("level1", "level2"):
        idx = [i for i, ind in enumerate(report.indicators) if _fold_label(getattr(ind, attr)) == key]
        if idx:
            return idx
    return None


def _n(stated: Decimal) -> int:
    """Scores are kept to 2 decimals: a stated figure written with fewer (a whole "100") is still
    compared at 2 decimals, so 99.5 is not "100"."""
    return max(places(stated), 2)


def _sum(values: list[Decimal | None]) -> Decimal | None:
    if not values or any(v is None for v in values):
        return None
    return sum((v for v in values if v is not None), Decimal(0))


@rule("SCR003", Severity.ERROR, title="Weights do not add up to the full score",
      message="指标权重合计{indicators}，加预算执行率权重{budget}共{whole}，应为{total}"
              "（指标应为{expected}）")
def weight_structure(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """Indicator weights + the 预算执行率 weight = 100 (so indicators = 90, or 80 where the
    budget item weighs 20).  Without a budget weight, the indicator weights must sum to 100
    or to 100 minus one of the configured budget weights."""
    if not report.indicators:
        return
    s = _sum([num(i.weight) for i in report.indicators])
    if s is None:
        return
    item = budget_item(report)
    bw = num(item.weight)
    total = cfg.scores.total
    if bw is not None:
        ok, expected = s + bw == total, total - bw
    else:
        allowed = [total] + [total - w for w in cfg.scores.budget_weights]
        ok, expected = s in allowed, allowed[1] if len(allowed) > 1 else total
    if not ok:
        yield Evidence("indicators[*].weight",
                       {"indicators": fmt(s), "budget": fmt(bw) if bw is not None else "（无）",
                        "whole": fmt(s + (bw or 0)), "total": fmt(total), "expected": fmt(expected)},
                       expected=fmt(expected), actual=fmt(s),
                       provs=provs(*(i.weight for i in report.indicators), item.weight))


@rule("SCR004", Severity.ERROR, kinds=WITH_EVALUATIONS, title="Stated group weight differs from its indicators",
      message="{label}标明{stated}分，其下指标权重合计{sum}")
def group_weight(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A weight stated for a group ("产出指标(50分)", "数量指标20分", "绩效指标（90分）") equals
    the sum of the weights of the indicators in that group (level 1, level 2, or all)."""
    yield from _group_sums(report, cfg, "weight")


@rule("SCR005", Severity.ERROR, kinds=WITH_EVALUATIONS, title="Stated group score differs from its indicators",
      message="{label}得分{stated}，其下指标得分合计{sum}")
def group_score(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A score stated for a group ("数量指标得20分") equals the sum of the scores of the
    indicators in that group."""
    yield from _group_sums(report, cfg, "score")


def _group_sums(report: Report, cfg: RulesConfig, field: str) -> Iterator[Evidence]:
    """A group's stated weight or score (``field``) vs the sum over its indicators."""
    for k, st in enumerate(report.stated_scores):
        stated = num(getattr(st, field))
        members = group_members(report, st.label)
        if stated is None or not members:
            continue
        s = _sum([num(getattr(report.indicators[i], field)) for i in members])
        if s is not None and not consistent(stated, s, _n(stated), cfg.scores.tolerance, modes=cfg.scores.rounding):
            yield Evidence(f"stated_scores[{k}].{field}",
                           {"label": _display(st.label), "stated": fmt(stated), "sum": fmt(s)},
                           expected=fmt(s), actual=fmt(stated), provs=provs(st))


@rule("SCR006", Severity.ERROR, kinds=WITH_EVALUATIONS, title="Total score is not the sum of the scores",
      message="总分{total}，预算执行率得分{budget} + 指标得分合计{indicators} = {expected}")
def total_score(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """总分 = 预算执行率得分 + Σ indicator scores (to 2 decimals, ± tolerance).  Skipped when
    an indicator score is blank or unreadable (EXT/TXT rules report those).  Where the form
    states a 折算得分 per indicator (a 单项指标得分 × 权重占比 template), its total may be of those
    instead: the total is consistent when either sum explains it."""
    t = num(report.total_score)
    if t is None or not report.indicators:
        return
    s = _sum([num(i.score) for i in report.indicators])
    if s is None:
        return
    item = budget_item(report)
    b = num(item.score)
    expected = s + (b or 0)
    if item.weight is None and item.score is None and Decimal(0) < t - s <= max(cfg.scores.budget_weights):
        return  # the total includes a budget score this report's reading did not find (EXT territory)
    converted = _sum([num(i.converted_score) for i in report.indicators]) \
        if any(i.converted_score is not None for i in report.indicators) else None
    if converted is not None and consistent(t, converted + (b or 0), _n(t), cfg.scores.tolerance,
                                            modes=cfg.scores.rounding):
        return
    if not consistent(t, expected, _n(t), cfg.scores.tolerance, modes=cfg.scores.rounding):
        yield Evidence("total_score", {"total": fmt(t), "budget": fmt(b) if b is not None else "（无）",
                                       "indicators": fmt(s), "expected": fmt(expected)},
                       expected=fmt(expected), actual=fmt(t), provs=provs(report.total_score, item.score))


@rule("SCR007", Severity.ERROR, kinds=WITH_EVALUATIONS, title="Total weight is not the sum of the weights",
      message="合计分值{total}，指标权重合计{indicators}（加预算执行率权重为{whole}）")
def total_weight(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """The stated total weight (合计/总计 row) equals Σ indicator weights, with or without the
    预算执行率 weight (templates differ in whether the total row covers it); when the form shows
    no budget weight (no 分值 column), with any configured budget weight."""
    t = num(report.total_weight)
    if t is None or not report.indicators:
        return
    s = _sum([num(i.weight) for i in report.indicators])
    if s is None:
        return
    item = budget_item(report)
    b = num(item.weight)
    allowed = [s] + ([s + b] if b is not None else [])
    if b is None:  # no budget weight shown (item not read, or its score without a 分值 column): any configured one
        allowed += [s + w for w in cfg.scores.budget_weights]
    if not any(consistent(t, a, _n(t), cfg.scores.tolerance, modes=cfg.scores.rounding) for a in allowed):
        yield Evidence("total_weight", {"total": fmt(t), "indicators": fmt(s), "whole": fmt(allowed[-1])},
                       expected=" / ".join(fmt(a) for a in allowed), actual=fmt(t), provs=provs(report.total_weight))


@rule("SCR008", Severity.ERROR, kinds=WITH_EVALUATIONS, title="Grade does not match the band of the total score",
      message="总分{total}应评为{band}，填报等级为“{grade}”")
def grade_band(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """The grade matches the band of the total: 优 ≥ 90, 80 ≤ 良 < 90, 60 ≤ 中 < 80, 差 < 60
    (bands and spellings — 优秀/优/一等 … — from the configuration)."""
    t = num(report.total_score)
    if t is None or report.grade is None:
        return
    g = cfg.grade_of(report.grade.text)
    if g is None:
        return
    band = cfg.band_of(t)
    if g != band:
        yield Evidence("grade", {"total": fmt(t), "band": band, "grade": report.grade.text.strip()},
                       expected=band, actual=g, provs=provs(report.grade, report.total_score))


@rule("SCR009", Severity.ERROR, kinds=WITH_EVALUATIONS, title="Score stated in the text differs from the table total",
      message="文字中写明得分{stated}分，表中总分为{total}分")
def stated_total_in_text(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A total stated in the conclusion or completion text ("自评得分95分", "项目自评得100分")
    equals the table total."""
    t = num(report.total_score)
    if t is None:
        return
    for field in ("conclusion", "completion"):
        item = getattr(report, field)
        if item is None:
            continue
        for m in P.STATED_TOTAL.finditer(item.text):
            v = Decimal(m.group("score"))
            tol, modes = cfg.scores.tolerance, cfg.scores.rounding
            if not consistent(v, t, tol=tol, modes=modes) and not consistent(t, v, tol=tol, modes=modes):
                yield Evidence(field, {"stated": fmt(v), "total": fmt(t)}, expected=fmt(t), actual=fmt(v),
                               provs=provs(item, report.total_score))


def _scored(ind: Indicator, cfg: RulesConfig) -> tuple[str, Decimal, Decimal, Decimal, Decimal, bool] | None:
    """(direction, target, actual, weight, score, met) for a scored quantitative indicator."""
    d = direction(ind, cfg)
    w, s = num(ind.weight), num(ind.score)
    pair = comparable(ind.target, ind.actual)
    if d not in ("ge", "le") or w is None or s is None or pair is None:
        return None
    t, a = pair
    return d, t, a, w, s, met(d, t, a)  # type: ignore[arg-type]


_SIGN = {"ge": "≥", "le": "≤", "eq": "＝"}


def _params(ind: Indicator, d: str, t: Decimal, a: Decimal, w: Decimal, s: Decimal) -> dict[str, str]:
    """Message parameters; the sign is the one the report states, with the reading used
    when it differs ("＝67万元（按≤计）")."""
    stated = stated_direction(ind)
    sign = _SIGN.get(stated or "", "")
    target = ind.target.raw.strip() if ind.target else fmt(t)
    target = target.lstrip("≥≤=＝><≧≦ ")
    if ind.unit and ind.target is not None and ind.unit.strip() not in target:
        target += ind.unit.strip()
    note = "" if stated == d or (stated == "eq" and d == "ge") else f"（按{_SIGN[d]}计）"
    return {"name": ind.name, "sign": sign, "target": target + note,
            "actual": ind.actual.raw.strip() if ind.actual else fmt(a), "weight": fmt(w), "score": fmt(s)}


@rule("SCR010", Severity.WARNING, title="Score differs from the proportional formula",
      message="{name}未达目标（{sign}{target}，完成{actual}），按公式应得{expected}分，填报{score}分")
def formula(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A missed quantitative target scores weight × actual/target (higher is better, also ＝) or
    weight × (1 − (actual − target)/target), 0 from twice the target (lower is better).  A warning
    beyond the configured tolerance: localities round or step."""
    for i, ind in enumerate(report.indicators):
        sc = _scored(ind, cfg)
        if sc is None or sc[5]:
            continue
        d, t, a, w, s, _ = sc
        exp = formula_score(d, t, a, w)  # type: ignore[arg-type]
        if exp is None or s >= w or consistent(s, exp, tol=cfg.scores.formula_tolerance, modes=cfg.scores.rounding):
            continue
        p = _params(ind, d, t, a, w, s) | {"expected": fmt(exp, 2)}
        yield Evidence(f"indicators[{i}].score", p, expected=fmt(exp, 2), actual=fmt(s),
                       provs=provs(ind.score, ind.target, ind.actual))


@rule("SCR011", Severity.ERROR, title="Full score although the target was missed",
      message="{name}未达目标（{sign}{target}，完成{actual}）却得满分{score}分，按公式应得{expected}分")
def full_score_missed(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A quantitative indicator whose actual misses its target cannot score its full weight."""
    for i, ind in enumerate(report.indicators):
        sc = _scored(ind, cfg)
        if sc is None or sc[5]:
            continue
        d, t, a, w, s, _ = sc
        exp = formula_score(d, t, a, w)  # type: ignore[arg-type]
        if s >= w and exp is not None and exp < w:
            p = _params(ind, d, t, a, w, s) | {"expected": fmt(exp, 2)}
            yield Evidence(f"indicators[{i}].score", p, expected=fmt(exp, 2), actual=fmt(s),
                           provs=provs(ind.score, ind.target, ind.actual))


def _met_below_full(report: Report, cfg: RulesConfig, with_reason: bool) -> Iterator[Evidence]:
    for i, ind in enumerate(report.indicators):
        sc = _scored(ind, cfg)
        if sc is None or not sc[5]:
            continue
        d, t, a, w, s, _ = sc
        if s >= w or has_text(ind.reason) != with_reason:
            continue
        p = _params(ind, d, t, a, w, s) | {"reason": ind.reason.text.strip()[:60] if ind.reason else ""}
        yield Evidence(f"indicators[{i}].score", p, expected=fmt(w), actual=fmt(s),
                       provs=provs(ind.score, ind.target, ind.actual, ind.reason))


@rule("SCR012", Severity.ERROR, title="Target met but score below full, no reason",
      message="{name}已达目标（{sign}{target}，完成{actual}），得分{score}低于满分{weight}，且未说明原因")
def met_below_full(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A quantitative indicator that meets its target (including a ≤ cost target spent under
    the cap) scores its full weight; a lower score needs a reason."""
    yield from _met_below_full(report, cfg, with_reason=False)


@rule("SCR013", Severity.WARNING, title="Target met but score below full",
      message="{name}已达目标（{sign}{target}，完成{actual}），得分{score}低于满分{weight}；"
              "填报原因：{reason}")
def met_below_full_reason(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """As SCR012, when the form gives a reason: the formula still gives full marks for a met
    target, so the deduction should be checked against the reason (e.g. a ≤ cost target met
    while the reason speaks of slow payment)."""
    yield from _met_below_full(report, cfg, with_reason=True)


@rule("SCR014", Severity.WARNING, title="Qualitative score outside its band",
      message="{name}为定性指标（目标{target}，完成{actual}，{state}），得分{score}/{weight}"
              "不在{low}%–{high}%的区间内")
def qualitative_band(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A qualitative indicator scores 80–100% of its weight when achieved, 60–80% when partly
    achieved, 0–60% when not (bands configurable)."""
    bands = {1: ("达成", cfg.qualitative.achieved), 0: ("部分达成", cfg.qualitative.partly),
             -1: ("未达成", cfg.qualitative.not_achieved)}
    for i, ind in enumerate(report.indicators):
        if direction(ind, cfg) != "qual":
            continue
        w, s, pol = num(ind.weight), num(ind.score), polarity(ind)
        if w is None or s is None or pol is None or w == 0:
            continue
        state, (low, high) = bands[pol]
        share = s * 100 / w
        if not (low <= share <= high):
            yield Evidence(f"indicators[{i}].score",
                           {"name": ind.name, "target": ind.target.raw.strip() if ind.target else "—",
                            "actual": ind.actual.raw.strip() if ind.actual else "—", "state": state,
                            "score": fmt(s), "weight": fmt(w), "low": fmt(low), "high": fmt(high)},
                           expected=f"{fmt(w * low / 100, 2)}–{fmt(w * high / 100, 2)}", actual=fmt(s),
                           provs=provs(ind.score, ind.actual))


@rule("SCR015", Severity.ERROR, title="Scored without an actual value",
      message="{name}未填写完成值，却得{score}分")
def scored_without_actual(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """An indicator read from a table that has a positive score must state its actual
    (完成值); a blank completion value cannot justify a score."""
    for i, ind in enumerate(report.indicators):
        s = num(ind.score)
        if ind.origin != "table" or s is None or s <= 0:
            continue
        if ind.actual is None or ind.actual.kind == "empty" or not ind.actual.raw.strip():
            yield Evidence(f"indicators[{i}].actual", {"name": ind.name, "score": fmt(s)},
                           expected="完成值", actual="（空）", provs=provs(ind.score, ind))
