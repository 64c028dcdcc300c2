"""Budget rules (BUD): execution rate, budget score, sums of budget lines, balance."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from jixiao.model import BudgetLine, Report, Severity
from jixiao.normalize.roles import display, roles_in
from jixiao.rules import patterns as P
from jixiao.rules.arith import (
    HUNDRED,
    consistent,
    fmt,
    fmt_pct,
    is_blank,
    num,
    percent,
    places,
    ratio_pct,
    within_display_precision,
)
from jixiao.rules.config import RulesConfig
from jixiao.rules.facts import budget_item, has_text, provs, total_line
from jixiao.rules.registry import WITH_BOTH, WITH_EVALUATIONS, Evidence, rule

# money column → display name, from the role catalogue
COLUMNS = {r: display(r) for r in roles_in("budget", ("money",))}


def _children(lines: list[BudgetLine], i: int) -> list[int]:
    """Indexes of the direct parts of line ``i``: the following lines one level deeper,
    up to the next line at the same level or above."""
    d = lines[i].depth
    out: list[int] = []
    for j in range(i + 1, len(lines)):
        if lines[j].depth <= d:
            break
        if lines[j].depth == d + 1:
            out.append(j)
    return out


def _tol(values: list[Decimal]) -> Decimal:
    """Half a unit of the last stated decimal for every figure involved."""
    n = max((places(v) for v in values), default=0)
    return Decimal(1).scaleb(-n) / 2 * len(values)


@rule("BUD001", Severity.ERROR, kinds=WITH_BOTH, title="Budget total does not equal the sum of its parts",
      message="{line}的{column}为{total}，其下各项（{parts}）合计{sum}")
def total_equals_parts(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A budget line equals the sum of its parts, column by column: 年度资金总额 = Σ 其中 rows
    (depth 1), and a depth-1 line such as 财政资金小计 = Σ its depth-2 parts (中央级…县区级).
    Blank parts count as 0; a column is skipped when all parts are blank.  Tolerance: half a
    unit of the last stated decimal per figure."""
    lines = report.budget_lines
    for i, parent in enumerate(lines):
        kids = _children(lines, i)
        if not kids:
            continue
        for col, cname in COLUMNS.items():
            total = num(getattr(parent, col))
            vals = [(j, num(getattr(lines[j], col))) for j in kids]
            present = [(j, v) for j, v in vals if v is not None]
            if total is None or not present:
                continue
            s = sum((v for _, v in present), Decimal(0))
            if abs(s - total) > _tol([total] + [v for _, v in present]):
                parts = " + ".join(f"{lines[j].line}{fmt(v)}" for j, v in present)
                yield Evidence(f"budget_lines[{i}].{col}",
                               {"line": parent.line, "column": cname, "total": fmt(total), "parts": parts,
                                "sum": fmt(s)},
                               expected=fmt(s), actual=fmt(total),
                               provs=provs(getattr(parent, col), *(getattr(lines[j], col) for j, _ in present)))


def _denominator(line: BudgetLine) -> tuple[Decimal, str] | None:
    adj = num(line.adjusted)
    if adj is not None:
        return adj, "adjusted"
    ini = num(line.initial)
    return (ini, "initial") if ini is not None else None


def _rate_sites(report: Report) -> Iterator[tuple[str, BudgetLine, object]]:
    """(subject, line whose figures define the rate, stated rate quantity)."""
    for i, line in enumerate(report.budget_lines):
        if line.rate is not None:
            yield f"budget_lines[{i}].rate", line, line.rate
    tl = total_line(report)
    be = report.budget_execution
    if tl is not None and be is not None and be.actual is not None:
        yield "budget_execution.actual", tl[1], be.actual


def _precision_note(stated: Decimal, n: int, exe: Decimal, den: Decimal) -> str:
    """When the stated rate is reachable from amounts that were themselves rounded for display
    (83.39 may be 83.385…83.395), say so: the rate may come from unshown decimals."""
    iv = within_display_precision(stated, n, exe, den)
    if iv is not None:
        lo, hi = iv
        return f"（按金额的显示精度，执行率可在{fmt_pct(lo, n)}–{fmt_pct(hi, n)}之间，差异或来自未显示的小数位）"
    return ""


def _rate_check(line: BudgetLine, stated_q: object, cfg: RulesConfig) -> tuple[str, dict[str, str]] | None:
    """None when consistent; else ("wrong" | "initial", params)."""
    sp = percent(stated_q)  # type: ignore[arg-type]
    exe = num(line.executed)
    den = _denominator(line)
    if sp is None or exe is None or den is None or den[0] == 0:
        return None
    stated, n = sp
    computed = ratio_pct(exe, den[0])
    assert computed is not None
    tol = cfg.budget.rate_extra_tolerance
    if consistent(stated, computed, n, tol, modes=cfg.scores.rounding):
        return None
    hand = num(line.to_hand)
    c2 = ratio_pct(hand, den[0]) if hand is not None else None
    if c2 is not None and consistent(stated, c2, n, tol, modes=cfg.scores.rounding):
        return None  # template variant: 执行率 (6)=(3)/(1), 到位/预算
    params = {"stated": fmt_pct(stated, n), "executed": fmt(exe), "denominator": fmt(den[0]),
              "computed": fmt_pct(computed, n), "initial": fmt(num(line.initial)),
              "note": _precision_note(stated, n, exe, den[0])}
    ini = num(line.initial)
    if den[1] == "adjusted" and ini is not None and ini != 0 and ini != den[0]:
        c3 = ratio_pct(exe, ini)
        if c3 is not None and consistent(stated, c3, n, tol, modes=cfg.scores.rounding):
            params["on_initial"] = fmt_pct(c3, n)
            return "initial", params
    return "wrong", params


@rule("BUD002", Severity.ERROR, kinds=WITH_EVALUATIONS, title="Execution rate inconsistent",
      message="预算执行率与执行数/调整后预算数不符：填报{stated}，{executed}/{denominator} = {computed}{note}")
def execution_rate(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A stated 预算执行率 equals 执行数 / 调整后预算数 (年初预算 when no adjusted figure is
    given), rounded or truncated to the stated decimals.  Also checks the 预算执行率 row of an
    indicator table against the total budget line.  A rate equal to 到位数/预算数 (templates that
    define (6)=(3)/(1)) is accepted; a rate computed on 年初预算 is BUD003 instead.  When the
    amounts, rounded for display, allow the stated rate (83.39/88.00 may be 94.75 %–94.77 %), the
    finding is info: the figures as shown cannot prove an error."""
    for subject, line, q in _rate_sites(report):
        res = _rate_check(line, q, cfg)
        if res and res[0] == "wrong":
            p = res[1]
            yield Evidence(subject, p, expected=p["computed"], actual=p["stated"],
                           provs=provs(q, line.executed, line.adjusted or line.initial), unconfirmed=bool(p["note"]))


@rule("BUD003", Severity.ERROR, kinds=WITH_EVALUATIONS, title="Execution rate computed on the initial budget",
      message="预算执行率按年初预算计算：填报{stated} = {executed}/{initial}（年初预算），"
              "应为{executed}/{denominator}（调整后预算）= {computed}")
def rate_on_initial(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """预算执行率 = 执行数 / 调整后预算数, not 年初预算: fires when the stated rate matches
    执行数/年初预算 but not 执行数/调整后预算数 (the two budgets differ)."""
    for subject, line, q in _rate_sites(report):
        res = _rate_check(line, q, cfg)
        if res and res[0] == "initial":
            p = res[1]
            yield Evidence(subject, p, expected=p["computed"], actual=p["stated"],
                           provs=provs(q, line.executed, line.initial, line.adjusted), unconfirmed=bool(p["note"]))


@rule("BUD004", Severity.WARNING, title="Budget score does not follow weight × rate",
      message="预算执行率得分{score}与分值×执行率不符：{weight} × min({rate}, 100%) = {expected}")
def budget_score(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """Budget score = 分值 × min(执行率, 1), to 2 decimals (rounded or truncated, ±tolerance).
    A warning: some localities step the score or zero it below a threshold."""
    item = budget_item(report)
    w, s = num(item.weight), num(item.score)
    rate = percent(item.rate) if item.rate is not None else None
    if rate is None:
        tl = total_line(report)
        if tl is not None:
            exe, den = num(tl[1].executed), _denominator(tl[1])
            if exe is not None and den is not None and den[0] != 0:
                c = ratio_pct(exe, den[0])
                rate = (c, 2) if c is not None else None
    if w is None or s is None or rate is None:
        return
    expected = w * min(rate[0] / HUNDRED, Decimal(1))
    if not consistent(s, expected, max(places(s), 2), cfg.scores.tolerance, modes=cfg.scores.rounding):
        yield Evidence(item.score_subject,
                       {"score": fmt(s), "weight": fmt(w), "rate": fmt_pct(rate[0], rate[1]),
                        "expected": fmt(expected, 2)},
                       expected=fmt(expected, 2), actual=fmt(s), provs=provs(item.score, item.weight, item.rate))


@rule("BUD005", Severity.ERROR, title="Zero budget shown as 100% executed",
      message="{line}预算为0、执行数为0，执行率却填为{stated}（零预算没有执行率）")
def zero_budget_rate(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A line with no budget (0 or blank 年初 and 调整后) and nothing executed has no
    execution rate; stating 100% for 0/0 is wrong (0% or blank is tolerated)."""
    for i, line in enumerate(report.budget_lines):
        sp = percent(line.rate) if line.rate is not None else None
        if sp is None or sp[0] != HUNDRED:
            continue
        budgets = [num(line.adjusted), num(line.initial)]
        exe = num(line.executed)
        if all(b in (None, 0) for b in budgets) and any(b == 0 for b in budgets) and exe in (None, 0):
            yield Evidence(f"budget_lines[{i}].rate", {"line": line.line, "stated": fmt_pct(sp[0], sp[1])},
                           expected="（无执行率）", actual=fmt_pct(sp[0], sp[1]),
                           provs=provs(line.rate, line.adjusted, line.executed))


@rule("BUD006", Severity.ERROR, title="Balance is not funds received minus executed",
      message="{line}资金结余{balance}，应为到位{to_hand} − 执行{executed} = {expected}")
def balance(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """资金结余 = 实际到位资金 − 执行数, within half a unit of the last stated decimal per figure."""
    for i, line in enumerate(report.budget_lines):
        b, h, e = num(line.balance), num(line.to_hand), num(line.executed)
        if b is None or h is None or e is None:
            continue
        if abs(b - (h - e)) > _tol([b, h, e]):
            yield Evidence(f"budget_lines[{i}].balance",
                           {"line": line.line, "balance": fmt(b), "to_hand": fmt(h), "executed": fmt(e),
                            "expected": fmt(h - e)},
                           expected=fmt(h - e), actual=fmt(b), provs=provs(line.balance, line.to_hand, line.executed))


def is_template(text: str, cfg: RulesConfig) -> bool:
    """Template instructions left in a cell ("…（100字以内）", configured phrases)."""
    return bool(P.WORD_LIMIT.search(text)) or any(p in text for p in cfg.text.template_phrases)


def execution_reason_given(report: Report, cfg: RulesConfig) -> bool:
    """A reason for low execution in a reason cell (not template text) or in the narrative."""
    cells = [report.budget_execution.reason if report.budget_execution else None]
    cells += [ln.reason for ln in report.budget_lines]
    if any(has_text(c) and not is_template(c.text, cfg) for c in cells if c is not None):
        return True
    texts = [t.text for t in (report.completion, report.conclusion, report.problems) if t is not None]
    return any(P.EXECUTION_REASON.search(t) for t in texts)


@rule("BUD007", Severity.WARNING, title="Low execution rate without a reason",
      message="预算执行率{rate}低于{threshold}%，未说明原因")
def low_rate_reason(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """An execution rate below the configured threshold (90%, 四川 template) needs a reason:
    a filled reason cell (template instructions do not count) or a sentence in the narrative
    explaining the low execution."""
    item = budget_item(report)
    sp = percent(item.rate) if item.rate is not None else None
    if sp is None or sp[0] >= cfg.budget.reason_required_below:
        return
    if execution_reason_given(report, cfg):
        return
    yield Evidence(item.rate_subject, {"rate": fmt_pct(sp[0], sp[1]),
                                       "threshold": fmt(cfg.budget.reason_required_below)},
                   expected="说明原因", actual=fmt_pct(sp[0], sp[1]), provs=provs(item.rate))


@rule("BUD008", Severity.ERROR, title="Budget execution weighted but not scored",
      message="预算执行率分值{weight}分未评分（执行率{rate}），而指标已评分")
def budget_not_scored(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """When a report scores its indicators (or states a total), the 预算执行率 item that carries
    a weight must carry a score too; a blank budget score silently drops it from the total."""
    item = budget_item(report)
    w = num(item.weight)
    if w is None or w == 0 or not is_blank(item.score):
        return
    scored = report.total_score is not None and num(report.total_score) is not None or any(
        num(i.score) is not None for i in report.indicators)
    if not scored:
        return
    sp = percent(item.rate) if item.rate is not None else None
    yield Evidence(item.weight_subject.rsplit(".", 1)[0] + ".score",
                   {"weight": fmt(w), "rate": fmt_pct(sp[0], sp[1]) if sp else "—"},
                   expected=f"0–{fmt(w)}", actual="（空）", provs=provs(item.weight, item.rate))
