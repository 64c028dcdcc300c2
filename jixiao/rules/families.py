"""Rule families as data: ``families.toml`` entries become registered rules.

Each entry of a family has the same shape of check (a bound, a number-required cell), so the
catalogue holds the ids, severities, titles, messages and docstrings as data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from jixiao.catalogue_cache import load_catalogue
from jixiao.model import SELF_EVALUATION_KINDS, DocumentKind, Kind, Quantity, Report, Severity
from jixiao.rules.arith import fmt, num
from jixiao.rules.config import RulesConfig
from jixiao.rules.facts import budget_item, provs
from jixiao.rules.registry import Evidence, Rule, register

PATH = Path(__file__).parent / "families.toml"

FIELD_NAMES = {"weight": "权重", "score": "得分", "initial": "年初预算", "adjusted": "调整后预算",
               "to_hand": "实际到位", "executed": "执行数", "balance": "资金结余", "rate": "执行率",
               "total_score": "总分", "total_weight": "合计分值"}

Items = Literal["indicators", "budget_lines", "budget_item", "report"]


class _Entry(BaseModel):
    # defer_build: a catalogue read from the cache (jixiao.catalogue_cache) builds no validator
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    id: str
    severity: Severity
    title: str
    message: str
    doc: str
    items: Items
    also_kinds: list[DocumentKind] = []  # report kinds beyond the self-evaluations it applies to


class Bound(_Entry):
    value: str
    upper: str


class NumberRequired(_Entry):
    fields: list[str]


class Families(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)
    bound: list[Bound] = []
    number_required: list[NumberRequired] = []


def _items(report: Report, which: Items) -> Iterator[tuple[str, str, Any, dict[str, str]]]:
    """(subject prefix, display name, object, per-field subjects)."""
    if which == "indicators":
        for i, ind in enumerate(report.indicators):
            yield f"indicators[{i}]", ind.name, ind, {}
    elif which == "budget_lines":
        for i, line in enumerate(report.budget_lines):
            yield f"budget_lines[{i}]", line.line, line, {}
    elif which == "budget_item":
        item = budget_item(report)
        yield "budget", "预算执行率", item, {"score": item.score_subject, "weight": item.weight_subject}
    else:
        yield "", "报告", report, {}


def _subject(prefix: str, field: str, overrides: dict[str, str]) -> str:
    return overrides.get(field) or (f"{prefix}.{field}" if prefix else field)


def _bound_check(e: Bound) -> Callable[[Report, RulesConfig], Iterator[Evidence]]:
    def check(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
        for prefix, name, obj, subj in _items(report, e.items):
            vq: Quantity | None = getattr(obj, e.value)
            uq: Quantity | None = getattr(obj, e.upper)
            v, u = num(vq), num(uq)
            if v is None:
                continue
            if v < 0 or (u is not None and v > u + cfg.scores.tolerance):
                yield Evidence(_subject(prefix, e.value, subj), {"name": name, "value": fmt(v), "upper": fmt(u)},
                               expected=f"0–{fmt(u)}", actual=fmt(v), provs=provs(vq, uq))

    check.__doc__ = e.doc
    return check


def _number_check(e: NumberRequired) -> Callable[[Report, RulesConfig], Iterator[Evidence]]:
    def check(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
        for prefix, name, obj, subj in _items(report, e.items):
            for field in e.fields:
                q: Quantity | None = getattr(obj, field)
                if q is None or not q.raw.strip() or q.kind == Kind.EMPTY or num(q) is not None:
                    continue
                yield Evidence(_subject(prefix, field, subj),
                               {"name": name, "field": FIELD_NAMES.get(field, field), "raw": q.raw.strip()},
                               expected="数字", actual=q.raw.strip(), provs=provs(q))

    check.__doc__ = e.doc
    return check


def load_families(path: Path = PATH) -> Families:
    raw = path.read_bytes()

    def validate() -> Families:
        import tomllib

        return Families.model_validate(tomllib.loads(raw.decode("utf-8")))

    name = "families" if path == PATH else "families-other"
    return load_catalogue(name, Families, [raw], validate, modules=[__name__, "jixiao.model"])


def register_families(path: Path = PATH) -> list[Rule]:
    fam = load_families(path)
    out: list[Rule] = []
    for b in fam.bound:
        out.append(register(Rule(b.id, b.severity, b.title, b.message, _bound_check(b), b.doc, "report",
                                 "jixiao.rules.families", SELF_EVALUATION_KINDS | set(b.also_kinds))))
    for n in fam.number_required:
        out.append(register(Rule(n.id, n.severity, n.title, n.message, _number_check(n), n.doc, "report",
                                 "jixiao.rules.families", SELF_EVALUATION_KINDS | set(n.also_kinds))))
    return out


register_families()
