"""One fault, one finding: merge findings that report the same arithmetic twice.

Two cases, applied per report after every rule has run:

- **the same message twice** (a 其中 row whose figures are the total's, so BUD002 says the same
  thing about both): the first finding keeps the fault, the repeats' cells are added to its
  evidence and its message names the other rows;
- **rule pairs** configured in ``[merge] pairs`` of the rules configuration, each with the test
  that shows the two findings are one fault: ``["SCR003", "SCR004", "same_gap"]`` (indicator
  weights 10 over the full score and a stated 绩效指标 weight 10 under their sum: the same
  arithmetic), ``["BUD008", "SCR006", "gap_within"]`` (a total 10 above the scores, within the
  0–10 the unscored budget item could add).  When both fire on the same report and the test
  holds, the second is folded into the first, listed in its ``related`` and its cells added;
  otherwise both stay (two faults).

A repeat's kept finding has the highest severity of the repeats; a folded pair keeps the first
rule's severity (its calibration and any configured override), except when only the first was in
extraction doubt (capped at a warning): the second, certain, finding proves the fault, and the
higher of the two severities is kept.  Doubt is kept only when every merged finding was in doubt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal, InvalidOperation

import regex

from jixiao.model import Finding, Severity

_NUMBER = regex.compile(r"-?\d+(?:\.\d+)?")

_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _fold(keep: Finding, other: Finding, relate: bool) -> Finding:
    seen = set(keep.evidence)
    evidence = list(keep.evidence) + [p for p in other.evidence if p not in seen]
    related = list(keep.related)
    for rid in ([other.rule_id] if relate else []) + list(other.related):
        if rid != keep.rule_id and rid not in related:
            related.append(rid)
    # a repeat on another row counts at its most certain; a folded rule pair keeps the first rule's,
    # unless only the first was in doubt: then the certain second proves the fault at its own severity
    most = min((keep.severity, other.severity), key=lambda s: _RANK[s])
    severity = most if not relate or (keep.extraction_doubt and not other.extraction_doubt) else keep.severity
    message = keep.message + (f"（{other.rule_id}同一问题：{other.message}）" if relate else "")
    return keep.model_copy(update={"evidence": evidence, "related": related, "severity": severity, "message": message,
                                   "extraction_doubt": keep.extraction_doubt and other.extraction_doubt})


Label = Callable[[int | None, str], str]


def _same_message(findings: list[Finding], label: Label) -> list[Finding]:
    out: list[Finding] = []
    first: dict[tuple[str, int | None, str], int] = {}
    also: dict[int, list[str]] = {}
    for f in findings:
        key = (f.rule_id, f.report_seq, f.message)
        if f.report_seq is None or key not in first:
            first[key] = len(out)
            out.append(f)
            continue
        k = first[key]
        out[k] = _fold(out[k], f, relate=False)
        also.setdefault(k, []).append(label(f.report_seq, f.subject))
    for k, names in also.items():
        out[k] = out[k].model_copy(update={"message": out[k].message + f"（同样见于：{'、'.join(names)}）"})
    return out


def _numbers(text: str | None) -> list[Decimal]:
    out: list[Decimal] = []
    for m in _NUMBER.finditer(text or ""):
        try:
            out.append(Decimal(m.group(0)))
        except InvalidOperation:  # pragma: no cover - the pattern only matches numbers
            pass
    return out


def _gap(f: Finding) -> Decimal | None:
    e, a = _numbers(f.expected), _numbers(f.actual)
    return abs(a[0] - e[0]) if len(e) == 1 and len(a) == 1 else None


def _one_fault(test: str, keep: Finding, other: Finding) -> bool:
    """Whether ``other`` reports ``keep``'s fault again (see the module docstring)."""
    if test == "always":
        return True
    g = _gap(other)
    if g is None:
        return False
    if test == "same_gap":
        return _gap(keep) == g
    if test == "gap_within":
        bounds = _numbers(keep.expected)
        return len(bounds) == 2 and bounds[0] < g <= bounds[1]
    raise ValueError(f"unknown merge test {test!r}")


MERGE_TESTS = ("always", "same_gap", "gap_within")


def _pairs(findings: list[Finding], pairs: Iterable[Sequence[str]]) -> list[Finding]:
    out = list(findings)
    for pair in pairs:
        primary, secondary = pair[0], pair[1]
        test = pair[2] if len(pair) > 2 else "always"
        keep_at: dict[int, int] = {}
        for i, f in enumerate(out):
            if f.rule_id == primary and f.report_seq is not None and f.report_seq not in keep_at:
                keep_at[f.report_seq] = i
        drop: set[int] = set()
        for i, f in enumerate(out):
            k = keep_at.get(f.report_seq) if f.report_seq is not None else None
            if f.rule_id == secondary and k is not None and k not in drop and _one_fault(test, out[k], f):
                out[k] = _fold(out[k], f, relate=True)
                drop.add(i)
        out = [f for i, f in enumerate(out) if i not in drop]
    return out


def merge_findings(findings: list[Finding], pairs: Iterable[Sequence[str]] = (),
                   label: Label | None = None) -> list[Finding]:
    """Merge repeats and configured rule pairs (see the module docstring); order is kept.
    ``label`` renders a subject for the message ("财政资金行")."""
    return _pairs(_same_message(findings, label or (lambda _seq, subject: subject)), pairs)
