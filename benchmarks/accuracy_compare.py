"""Field-level comparison of jixiao's reports with a hand-written ``expected.json`` (docs/accuracy.md).

Importable without running anything: ``benchmarks/accuracy.py`` drives it over the corpus and
``tests/test_accuracy.py`` checks it on small hand-made pairs.

- :func:`validate_expected` — the documented field list, enforced (unknown keys, wrong types);
- :func:`flatten_report` — a ``jixiao.model.Report`` in the expected file's shape;
- :func:`score_case` — right / expected fields, missing and spurious indicator rows and reports.

Comparison rules: text is compared after NFKC folding (full/half width), removing all whitespace
and unifying dashes; a number is right when its Decimal value equals the expected one (and both or
neither are percentages); comparators are compared by meaning (≧ ≥ >= 不低于 …).  An expected
``null`` is a field the template does not have: right only when jixiao leaves it empty.  A key
absent from the expected file is not checked.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

REPORT_FIELDS = ("project_name", "department", "year", "total_score", "grade")
BUDGET_FIELDS = ("line", "kind", "initial", "adjusted", "to_hand", "executed", "rate", "weight", "score")
INDICATOR_FIELDS = ("level1", "level2", "name", "comparator", "target", "mid_target", "unit", "actual",
                    "weight", "score", "reason")
BUDGET_KINDS = ("total", "fiscal", "special", "unit", "carryover", "other")
TOP_KEYS = ("family", "written_from", "reports")
COMPARATOR_FIELDS = ("comparator",)
# the 预算执行率 row of an indicator table is measured on the total budget line (its weight and
# score belong there, issue 9 §2); kept among jixiao's indicators as well, it is not a spurious row
BUDGET_EXECUTION_NAMES = ("预算执行率",)

_NUM = re.compile(r"^[+-]?\d+(?:\.\d+)?%?$")
_DASHES = str.maketrans({"–": "—", "―": "—", "－": "—", "‒": "—"})
_COMPARATORS = {
    "≥": "≥", "≧": "≥", ">=": "≥", "不少于": "≥", "不低于": "≥", "大于等于": "≥",
    "≤": "≤", "≦": "≤", "<=": "≤", "不超过": "≤", "不高于": "≤", "小于等于": "≤",
    "=": "=", "＝": "=", "═": "=", "==": "=", "等于": "=",
    ">": ">", "大于": ">", "<": "<", "小于": "<", "定性": "定性",
}


# ---------------------------------------------------------------- validation
def validate_expected(data: Any) -> list[str]:
    """Problems of an expected.json against the documented field list (empty when valid)."""
    errs: list[str] = []
    if not isinstance(data, dict):
        return ["expected.json: the top level must be an object"]
    errs += [f"unknown top-level key {k!r}" for k in data if k not in TOP_KEYS]
    if not isinstance(data.get("family"), str) or not data.get("family"):
        errs.append("family: a non-empty string is required")
    reports = data.get("reports")
    if not isinstance(reports, list) or not reports:
        return errs + ["reports: a non-empty list is required"]
    for n, rep in enumerate(reports, 1):
        where = f"报告{n}"
        if not isinstance(rep, dict):
            errs.append(f"{where}: must be an object")
            continue
        for k, v in rep.items():
            if k in ("budget_lines", "indicators"):
                continue
            if k not in REPORT_FIELDS:
                errs.append(f"{where}: unknown key {k!r}")
            elif k == "year":
                if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
                    errs.append(f"{where}.year: an integer or null")
            elif v is not None and not isinstance(v, str):
                errs.append(f"{where}.{k}: a string or null")
        if not isinstance(rep.get("project_name"), str):
            errs.append(f"{where}.project_name: required (a string)")
        for key, fields, label in (("budget_lines", BUDGET_FIELDS, "预算行"), ("indicators", INDICATOR_FIELDS, "指标")):
            rows = rep.get(key, [])
            if not isinstance(rows, list):
                errs.append(f"{where}.{key}: a list")
                continue
            for m, row in enumerate(rows, 1):
                w = f"{where} {label}{m}"
                if not isinstance(row, dict):
                    errs.append(f"{w}: must be an object")
                    continue
                for k, v in row.items():
                    if k not in fields:
                        errs.append(f"{w}: unknown key {k!r}")
                    elif v is not None and not isinstance(v, str):
                        errs.append(f"{w}.{k}: a string or null")
                if key == "indicators" and not isinstance(row.get("name"), str):
                    errs.append(f"{w}.name: required (a string)")
                if key == "budget_lines":
                    if row.get("kind") not in BUDGET_KINDS:
                        errs.append(f"{w}.kind: one of {', '.join(BUDGET_KINDS)}")
                    if "line" not in row and "kind" not in row:
                        errs.append(f"{w}: needs line or kind")
    return errs


# ---------------------------------------------------------------- flattening jixiao's model
def _q(q: Any) -> dict[str, Any] | None:
    if q is None:
        return None
    return {"raw": q.raw, "value": q.value}


def _t(t: Any) -> str | None:
    return None if t is None else t.text


def flatten_report(rep: Any) -> dict[str, Any]:
    """A ``jixiao.model.Report`` as a dict of the expected file's fields (quantities as raw + value)."""
    return {
        "project_name": _t(rep.project_name),
        "department": _t(rep.department),
        "year": rep.year,
        "total_score": _q(rep.total_score),
        "grade": _t(rep.grade),
        "budget_lines": [
            {"line": b.line, "kind": str(b.kind), **{k: _q(getattr(b, k)) for k in BUDGET_FIELDS[2:]}}
            for b in rep.budget_lines
        ],
        "indicators": [
            {"level1": i.level1, "level2": i.level2, "name": i.name, "comparator": i.comparator, "unit": i.unit,
             "target": _q(i.target), "mid_target": _q(i.mid_target), "actual": _q(i.actual),
             "weight": _q(i.weight), "score": _q(i.score), "reason": _t(i.reason)}
            for i in rep.indicators
        ],
    }


# ---------------------------------------------------------------- field comparison
def norm(text: str) -> str:
    """NFKC (full → half width), no whitespace at all, one dash."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).translate(_DASHES)


def _raw(got: Any) -> str | None:
    if isinstance(got, dict):
        got = got.get("raw")
    if got is None:
        return None
    s = str(got)
    return s if norm(s) else None


def _number(text: str) -> tuple[Decimal, bool] | None:
    t = norm(text).replace(",", "")
    if not _NUM.match(t):
        return None
    try:
        return Decimal(t.rstrip("%")), t.endswith("%")
    except InvalidOperation:
        return None


def field_right(key: str, expected: Any, got: Any) -> bool:
    """One field: ``got`` is a string, a number, ``{"raw", "value"}`` or None."""
    raw = _raw(got)
    if expected is None:
        return raw is None
    if raw is None:
        return False
    if key == "year":
        try:
            return int(norm(raw)) == int(expected)
        except ValueError:
            return False
    if key in COMPARATOR_FIELDS:
        return _COMPARATORS.get(norm(str(expected)), norm(str(expected))) == _COMPARATORS.get(norm(raw), norm(raw))
    exp = str(expected)
    if norm(exp) == norm(raw):
        return True
    want = _number(exp)
    if want is None:
        return False
    have = _number(raw)
    if have is None and isinstance(got, dict) and got.get("value") is not None:
        have = (Decimal(str(got["value"])), "%" in raw)
    return have is not None and have[0] == want[0] and have[1] == want[1]


# ---------------------------------------------------------------- scoring
@dataclass
class Score:
    """Counts for one case (or a sum of cases)."""

    fields: int = 0
    right: int = 0
    values: int = 0  # expected fields with a value (not null)
    values_right: int = 0
    indicators: int = 0  # expected indicator rows
    missing_indicators: int = 0
    spurious_indicators: int = 0
    spurious_budget_lines: int = 0
    missing_reports: int = 0
    spurious_reports: int = 0
    errors: int = 0  # error-level findings
    cases: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("fields", "right", "values", "values_right", "indicators", "missing_indicators",
                  "spurious_indicators", "spurious_budget_lines", "missing_reports", "spurious_reports", "errors",
                  "cases"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        self.wrong += other.wrong

    @property
    def accuracy(self) -> float:
        return self.right / self.fields if self.fields else 1.0

    @property
    def value_accuracy(self) -> float:
        return self.values_right / self.values if self.values else 1.0


def _shown(got: Any) -> str:
    raw = _raw(got)
    return "∅" if raw is None else raw


def _compare_fields(s: Score, where: str, exp: dict[str, Any], got: dict[str, Any] | None,
                    keys: tuple[str, ...]) -> None:
    for k in keys:
        if k not in exp:
            continue
        ok = got is not None and field_right(k, exp[k], got.get(k))
        s.fields += 1
        s.right += ok
        if exp[k] is not None:
            s.values += 1
            s.values_right += ok
        if not ok:
            s.wrong.append(f"{where}.{k}: 应为 {exp[k] if exp[k] is not None else '∅'}，"
                           f"读出 {_shown(got.get(k)) if got is not None else '（缺行）'}")


def _n_right(exp: dict[str, Any], got: dict[str, Any], keys: tuple[str, ...]) -> int:
    return sum(field_right(k, exp[k], got.get(k)) for k in keys if k in exp)


def _pair(expected: list[dict[str, Any]], got: list[dict[str, Any]], key: str,
          keys: tuple[str, ...]) -> tuple[list[tuple[dict[str, Any], dict[str, Any] | None]], int]:
    """Pairs (expected, got or None) and the number of unpaired got rows: by equal ``key`` first,
    then each left-over expected row takes the left-over got row with most right fields (at least
    half of its fields)."""
    free = list(range(len(got)))
    match: dict[int, int] = {}
    for e, row in enumerate(expected):
        if row.get(key) is None:
            continue
        for g in free:
            if got[g].get(key) is not None and norm(str(got[g][key])) == norm(str(row[key])):
                match[e] = g
                free.remove(g)
                break
    for e, row in enumerate(expected):
        if e in match or not free:
            continue
        best = max(free, key=lambda g, row=row: (_n_right(row, got[g], keys), -g))
        n = sum(1 for k in keys if k in row)
        if 2 * _n_right(row, got[best], keys) >= n:
            match[e] = best
            free.remove(best)
    return [(row, got[match[e]] if e in match else None) for e, row in enumerate(expected)], len(free)


def score_reports(expected: dict[str, Any], got_reports: list[dict[str, Any]], errors: int = 0) -> Score:
    """Score flattened reports (:func:`flatten_report`) against an expected file."""
    s = Score(errors=errors, cases=1)
    pairs, s.spurious_reports = _pair(expected["reports"], got_reports, "project_name", REPORT_FIELDS)
    for n, (exp, got) in enumerate(pairs, 1):
        where = f"报告{n}"
        if got is None:
            s.missing_reports += 1
        _compare_fields(s, where, exp, got, REPORT_FIELDS)
        exp_b = exp.get("budget_lines", [])
        b_pairs, extra_b = _pair(exp_b, got["budget_lines"] if got else [], "line", BUDGET_FIELDS)
        if any("line" not in b for b in exp_b):  # lines without a label: pair by kind
            b_pairs, extra_b = _pair(exp_b, got["budget_lines"] if got else [], "kind", BUDGET_FIELDS)
        s.spurious_budget_lines += extra_b
        for m, (eb, gb) in enumerate(b_pairs, 1):
            _compare_fields(s, f"{where} 预算行{m}", eb, gb, BUDGET_FIELDS)
        exp_i = exp.get("indicators", [])
        named = {norm(i["name"]) for i in exp_i}
        got_i = [i for i in (got["indicators"] if got else [])
                 if norm(str(i.get("name") or "")) not in set(BUDGET_EXECUTION_NAMES) - named]
        i_pairs, extra_i = _pair(exp_i, got_i, "name", INDICATOR_FIELDS)
        s.indicators += len(exp_i)
        s.spurious_indicators += extra_i
        for m, (ei, gi) in enumerate(i_pairs, 1):
            if gi is None:
                s.missing_indicators += 1
            _compare_fields(s, f"{where} 指标{m}（{ei['name']}）", ei, gi, INDICATOR_FIELDS)
    return s
