"""Mutation test: single changes to a score, weight, stated total, stated rate, executed or
adjusted amount of the real seed reports (and the hand-built base) that break a documented
relation must be caught by the rules (a finding that was not there before).  Fixed seed."""

from __future__ import annotations

import random
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from functools import cache

import pytest
from rule_cases_loader import load

from jixiao.model import Document, Kind, Quantity, Report
from jixiao.pipeline import path_to_document
from jixiao.rules import run_rules

NUMERIC = {Kind.NUMBER, Kind.PERCENT, Kind.MONEY, Kind.COUNT}
TARGET = 1000
Path_ = tuple[object, ...]


def num(q: Quantity | None) -> Decimal | None:
    return q.value if q is not None and q.value is not None and q.kind in NUMERIC else None


def places(d: Decimal) -> int:
    e = d.as_tuple().exponent
    return -e if isinstance(e, int) and e < 0 else 0


# ------------------------------------------------------------ the documented relations (oracle)

def _pct(q: Quantity | None) -> Decimal | None:
    v = num(q)
    if v is None or q is None:
        return None
    return v * 100 if q.likely_ratio else v


def _stated_matches(stated: Decimal, computed: Decimal) -> bool:
    unit = Decimal(1).scaleb(-places(stated))
    return stated in (computed.quantize(unit, ROUND_HALF_UP), computed.quantize(unit, ROUND_DOWN))


def _budget(r: Report) -> tuple[Decimal | None, Decimal | None]:
    be = r.budget_execution
    w = num(be.weight) if be else None
    s = num(be.score) if be else None
    for ln in r.budget_lines:
        w = w if w is not None else num(ln.weight)
        s = s if s is not None else num(ln.score)
    return w, s


def relations(r: Report) -> dict[str, bool]:
    """Name → holds, for every documented relation that applies to the report."""
    out: dict[str, bool] = {}
    bw, bs = _budget(r)
    scores = [num(i.score) for i in r.indicators]
    weights = [num(i.weight) for i in r.indicators]
    t = num(r.total_score)
    if t is not None and r.indicators and None not in scores:
        out["total = Σ scores + budget score"] = abs(t - sum(scores) - (bs or 0)) <= Decimal("0.01")  # type: ignore[arg-type]
    if r.indicators and None not in weights and bw is not None:
        out["Σ weights + budget weight = 100"] = sum(weights) + bw == 100  # type: ignore[arg-type]
    for k, (w, s) in enumerate(zip(weights, scores)):
        if w is not None and s is not None:
            out[f"0 ≤ score[{k}] ≤ weight"] = 0 <= s <= w + Decimal("0.01")
    if bw is not None and bs is not None:
        out["0 ≤ budget score ≤ weight"] = 0 <= bs <= bw + Decimal("0.01")
    for k, ln in enumerate(r.budget_lines):
        rate, exe, adj = _pct(ln.rate), num(ln.executed), num(ln.adjusted) or num(ln.initial)
        if rate is not None and exe is not None and adj:
            hand = num(ln.to_hand)
            out[f"rate[{k}] = executed / adjusted"] = _stated_matches(rate, exe * 100 / adj) or (
                hand is not None and _stated_matches(rate, hand * 100 / adj))
        kids = []
        for j in range(k + 1, len(r.budget_lines)):
            if r.budget_lines[j].depth <= ln.depth:
                break
            if r.budget_lines[j].depth == ln.depth + 1:
                kids.append(r.budget_lines[j])
        for col in ("initial", "adjusted", "executed"):
            tot = num(getattr(ln, col))
            vals = [num(getattr(c, col)) for c in kids]
            present = [v for v in vals if v is not None]
            if tot is not None and present:
                unit = Decimal(1).scaleb(-max(places(v) for v in [tot, *present]))
                out[f"line[{k}].{col} = Σ parts"] = abs(sum(present) - tot) <= unit / 2 * (len(present) + 1)
    item_rate = _pct(r.budget_execution.actual) if r.budget_execution else None
    if item_rate is None:
        item_rate = next((_pct(ln.rate) for ln in r.budget_lines if _pct(ln.rate) is not None), None)
    if bw is not None and bs is not None and item_rate is not None:
        exp = bw * min(item_rate / 100, Decimal(1))
        out["budget score = weight × min(rate, 1)"] = abs(bs - exp) <= Decimal("0.01") or _stated_matches(bs, exp)
    return out


def broken(base: Report, mutant: Report) -> list[str]:
    before, after = relations(base), relations(mutant)
    return [k for k, ok in after.items() if before.get(k, False) and not ok]


# ------------------------------------------------------------ mutations

def sites(r: Report) -> list[Path_]:
    out: list[Path_] = []
    for i, ind in enumerate(r.indicators):
        out += [("indicators", i, f) for f in ("score", "weight") if num(getattr(ind, f)) is not None]
    if num(r.total_score) is not None:
        out.append(("total_score",))
    for i, ln in enumerate(r.budget_lines):
        out += [("budget_lines", i, f) for f in ("rate", "executed", "adjusted", "score", "weight")
                if num(getattr(ln, f)) is not None]
    if r.budget_execution is not None:
        out += [("budget_execution", f) for f in ("score", "weight", "actual")
                if num(getattr(r.budget_execution, f)) is not None]
    return out


def get(r: Report, path: Path_) -> Quantity:
    obj: object = r
    for p in path:
        obj = obj[p] if isinstance(p, int) else getattr(obj, p)  # type: ignore[index]
    return obj  # type: ignore[return-value]


def put(obj: object, path: Path_, value: object) -> object:
    head, rest = path[0], path[1:]
    if isinstance(head, int):
        items = list(obj)  # type: ignore[call-overload]
        items[head] = put(items[head], rest, value) if rest else value
        return items
    inner = getattr(obj, head)  # type: ignore[arg-type]
    return obj.model_copy(update={head: put(inner, rest, value) if rest else value})  # type: ignore[attr-defined]


def mutated(q: Quantity, rng: random.Random) -> Quantity:
    v = q.value
    assert v is not None
    if rng.random() < 0.5:
        delta = Decimal(rng.choice([1, 5, 10, 50, 100, 200, 500, 1000])) / 100
    else:
        delta = (abs(v) * Decimal(rng.choice([1, 2, 5, 10, 20, 50])) / 100).quantize(Decimal(1).scaleb(-places(v)))
    delta = delta or Decimal(1).scaleb(-places(v))
    new = v + delta if rng.random() < 0.5 or v - delta < 0 else v - delta
    new = new.quantize(Decimal(1).scaleb(-max(places(v), places(delta))))
    factor = (q.base_value / v) if q.base_value is not None and v else Decimal(1)
    raw = f"{new:f}" + ("%" if q.kind == Kind.PERCENT and not q.likely_ratio else "")
    return q.model_copy(update={"value": new, "base_value": new * factor, "raw": raw})


@cache
def bases() -> list[Report]:
    reports = [load().BASE]
    for n in range(5):
        doc = path_to_document(f"corpus/seed-00{n}/report.txt", rules=False)
        reports += doc.reports
    return reports


def keys(r: Report) -> set[tuple[object, ...]]:
    doc = Document(doc_id="m", source="m", format="txt", sha256="0", reports=[r])
    # a rule folded into another's finding (rules/merge.py) is still reported: its id is in ``related``
    return {(f.rule_id, f.subject, f.expected, f.actual, tuple(f.related)) for f in run_rules(doc)}


def test_oracle_sees_the_seed_errors() -> None:
    """The oracle agrees with a reader: seed 004 form 2 weights are off, form 4 holds together."""
    reps = {r.project_name.text.split("-")[-1]: r for r in bases()[1:] if r.project_name}
    assert relations(reps["基金监管工作经费"])["Σ weights + budget weight = 100"] is False
    assert all(relations(reps["城乡医疗救助区级配套"]).values())
    assert all(relations(load().BASE).values())


def test_mutations_are_caught(capsys: pytest.CaptureFixture[str]) -> None:
    rng = random.Random(20240605)
    reports = [r for r in bases() if sites(r)]
    baseline = {id(r): keys(r) for r in reports}
    counted = caught = attempts = 0
    missed: list[str] = []
    while counted < TARGET and attempts < 20 * TARGET:
        attempts += 1
        r = rng.choice(reports)
        path = rng.choice(sites(r))
        m = put(r, path, mutated(get(r, path), rng))
        assert isinstance(m, Report)
        why = broken(r, m)
        if not why:
            continue
        counted += 1
        if keys(m) - baseline[id(r)]:
            caught += 1
        else:
            missed.append(f"{r.project_name.text if r.project_name else r.seq} {path} "
                          f"{get(r, path).raw}→{get(m, path).raw}: {why}")
    rate = caught / counted
    with capsys.disabled():
        print(f"\nmutation test: {caught}/{counted} relation-breaking mutations caught ({rate:.2%}), "
              f"{attempts} drawn over {len(reports)} reports")
    assert counted >= TARGET
    assert rate >= 0.99, "\n".join(missed[:20])
    if missed:
        with capsys.disabled():
            print("missed:", *missed[:10], sep="\n  ")
