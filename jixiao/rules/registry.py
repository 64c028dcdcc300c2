"""The rule registry: ``Rule``, the ``@rule`` decorator and the runner.

A rule is a small function that reads one :class:`~jixiao.model.Report` (or, with
``scope="document"``, the whole :class:`~jixiao.model.Document`) and *yields*
:class:`Evidence`.  It never builds a Finding itself: the runner attaches the rule
id, severity, English title and the Chinese message rendered from the rule's
template and the evidence's ``params``.  A rule that raises is a bug; the runner
records an ``EXT000`` finding naming the rule and goes on with the others.

Rules declare the report kinds they apply to (``kinds``; self-evaluations by default): a
target declaration (绩效目标表) is never blamed for blank 完成值.  The runner calibrates every
finding to what the figures prove:

- evidence marked ``unconfirmed`` (the displayed precision can explain the difference) becomes
  ``info`` and says "无法从显示的数字确认";
- a finding whose subject or cited cells are in extraction doubt (:mod:`jixiao.rules.doubt`)
  is marked ``extraction_doubt``, is at most a warning and says "可能为提取问题";
- repeats and configured rule pairs are merged (:mod:`jixiao.rules.merge`).
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from jixiao.locations import subject_text
from jixiao.model import SELF_EVALUATION_KINDS, Document, DocumentKind, Finding, Provenance, Report, Severity
from jixiao.rules.doubt import finding_doubt
from jixiao.rules.merge import merge_findings

Scope = Literal["report", "document"]
ALL_KINDS: frozenset[DocumentKind] = frozenset(DocumentKind)
# Rules whose arithmetic holds in an evaluator's report (分值/得分, 小计 per level-1, total, grade)
# or in a target declaration (budget sums, how a target is written) as in a self-evaluation.
WITH_EVALUATIONS: frozenset[DocumentKind] = SELF_EVALUATION_KINDS | {DocumentKind.EVALUATION_REPORT}
WITH_TARGETS: frozenset[DocumentKind] = SELF_EVALUATION_KINDS | {DocumentKind.TARGET_DECLARATION}
WITH_BOTH: frozenset[DocumentKind] = WITH_EVALUATIONS | WITH_TARGETS
UNCONFIRMED_NOTE = "（无法从显示的数字确认）"
DOUBT_NOTE = "（可能为提取问题：{reason}）"
_CAP = {Severity.ERROR: Severity.WARNING}


@dataclass(frozen=True)
class Evidence:
    """What a rule found: the checked item, the numbers compared and where they came from.

    ``params`` fills the rule's Chinese message template; ``expected``/``actual`` are
    short strings shown beside it; ``provs`` point at the cells or sentences involved.
    """

    subject: str
    params: Mapping[str, Any] = field(default_factory=dict)
    expected: str | None = None
    actual: str | None = None
    provs: tuple[Provenance, ...] = ()
    report_seq: int | None = None  # only for document-scope rules that name a report
    unconfirmed: bool = False  # the displayed precision can explain the difference: info, not proof


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    title: str  # English
    message: str  # Chinese template, ``{name}`` placeholders filled from Evidence.params
    check: Callable[..., Iterable[Evidence]]
    doc: str
    scope: Scope = "report"
    module: str = ""
    kinds: frozenset[DocumentKind] = SELF_EVALUATION_KINDS  # report kinds the rule applies to
    #: a finding on a value read from a column or row the reading is unsure of is capped and said to
    #: be a possible extraction problem; False for the rules that report on the reading itself
    #: (a column not understood, a repair, no report found), whose findings are that doubt
    doubt: bool = True

    def applies_to(self, kind: DocumentKind | None) -> bool:
        return kind is None or kind in self.kinds

    @property
    def family(self) -> str:
        return self.id.rstrip("0123456789")


REGISTRY: dict[str, Rule] = {}


def _template_fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def register(r: Rule) -> Rule:
    """Add a rule to the registry; ids are unique and never reused."""
    if r.id in REGISTRY:
        raise ValueError(f"duplicate rule id {r.id}")
    if not r.doc.strip():
        raise ValueError(f"rule {r.id} has no docstring")
    REGISTRY[r.id] = r
    return r


def rule(
    rule_id: str,
    severity: Severity | str,
    *,
    title: str,
    message: str,
    scope: Scope = "report",
    kinds: Iterable[DocumentKind] | None = None,
    doubt: bool = True,
) -> Callable[[Callable[..., Iterable[Evidence]]], Callable[..., Iterable[Evidence]]]:
    """Decorate a check function ``(report, cfg) -> Iterator[Evidence]`` as a rule.

    ``kinds``: the report kinds it applies to (default: the self-evaluation kinds;
    ``ALL_KINDS`` for extraction rules that hold for any document).  ``doubt=False``: a rule
    that reports on the reading itself (:attr:`Rule.doubt`)."""

    def deco(fn: Callable[..., Iterable[Evidence]]) -> Callable[..., Iterable[Evidence]]:
        register(Rule(rule_id, Severity(severity), title, message, fn, (fn.__doc__ or "").strip(),
                      scope, fn.__module__, frozenset(kinds) if kinds is not None else SELF_EVALUATION_KINDS,
                      doubt))
        return fn

    return deco


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "?"


def render(template: str, params: Mapping[str, Any]) -> str:
    """Fill a message template; a missing parameter shows as ``?`` instead of raising."""
    return template.format_map(_Blank({k: "—" if v is None else v for k, v in params.items()}))


def _matches(rule_id: str, patterns: Iterable[str]) -> bool:
    rid = rule_id.upper()
    return any(rid.startswith(p.strip().upper()) for p in patterns if p.strip())


def _split(items: Iterable[str] | None) -> list[str]:
    out: list[str] = []
    for item in items or ():
        out.extend(s for s in item.split(",") if s.strip())
    return out


def selected_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[Rule]:
    """Rules whose id starts with one of ``select`` (all when empty) and none of ``ignore``."""
    sel, ign = _split(select), _split(ignore)
    return [r for rid, r in sorted(REGISTRY.items())
            if (not sel or _matches(rid, sel)) and not _matches(rid, ign)]


CRASH_RULE = "EXT000"


def _severity(r: Rule, cfg: object) -> Severity:
    overrides = getattr(cfg, "severity", None) or {}
    return Severity(overrides.get(r.id, r.severity))


def _finding(r: Rule, ev: Evidence, report_seq: int | None, cfg: object = None,
             report: Report | None = None, doc: Document | None = None) -> Finding:
    severity = _severity(r, cfg)
    message = render(r.message, ev.params)
    if ev.unconfirmed:
        severity, message = Severity.INFO, message + UNCONFIRMED_NOTE
    doubt = None
    if report is not None and r.doubt:
        doubt = finding_doubt(report, ev.subject, ev.provs, doc)
    if doubt:
        severity = _CAP.get(severity, severity)
        message += DOUBT_NOTE.format(reason=doubt)
    return Finding(rule_id=r.id, severity=severity, title=r.title, message=message,
                   report_seq=ev.report_seq if ev.report_seq is not None else report_seq,
                   subject=ev.subject, expected=ev.expected, actual=ev.actual, evidence=list(ev.provs),
                   extraction_doubt=bool(doubt))


def _crash(r: Rule, exc: Exception, report_seq: int | None) -> Finding:
    crash = REGISTRY.get(CRASH_RULE)
    title = crash.title if crash else "Rule crashed"
    tmpl = crash.message if crash else "规则{rule}运行出错：{error}"
    return Finding(rule_id=CRASH_RULE, severity=crash.severity if crash else Severity.ERROR, title=title,
                   message=render(tmpl, {"rule": r.id, "error": f"{type(exc).__name__}: {exc}"}),
                   report_seq=report_seq, subject=f"rule {r.id}")


def _collect(r: Rule, target: Report | Document, cfg: object, report_seq: int | None,
             doc: Document | None = None) -> Iterator[Finding]:
    try:
        evidences = list(r.check(target, cfg))
    except Exception as exc:  # a raising rule is a bug: record it and go on
        yield _crash(r, exc, report_seq)
        return
    report = target if isinstance(target, Report) else None
    for ev in evidences:
        yield _finding(r, ev, report_seq, cfg, report, doc)


def _merge_pairs(cfg: object) -> list[tuple[str, ...]]:
    merge = getattr(cfg, "merge", None)
    return [tuple(p) for p in getattr(merge, "pairs", ())]


def run(doc: Document, cfg: object, select: Iterable[str] | None = None,
        ignore: Iterable[str] | None = None) -> list[Finding]:
    """Run the selected rules over a document and collect every finding, in a stable order:
    document-level first, then report by report, rules by id; then merge repeats and rule pairs.
    A report rule runs only on the report kinds it declares."""
    rules = selected_rules(select, ignore)
    out: list[Finding] = []
    for r in rules:
        if r.scope == "document" and r.applies_to(doc.kind):
            out.extend(_collect(r, doc, cfg, None, doc))
    for report in doc.reports:
        for r in rules:
            if r.scope == "report" and r.applies_to(report.kind):
                out.extend(_collect(r, report, cfg, report.seq, doc))
    reports = {r.seq: r for r in doc.reports}

    def label(seq: int | None, subject: str) -> str:
        return subject_text(subject, reports.get(seq) if seq is not None else None)

    return merge_findings(out, _merge_pairs(cfg), label)


__all__ = ["ALL_KINDS", "WITH_BOTH", "WITH_EVALUATIONS", "WITH_TARGETS", "CRASH_RULE", "REGISTRY", "Evidence", "Rule", "register", "render", "rule",
           "run", "selected_rules"]
