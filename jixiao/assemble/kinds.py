"""What each file and each report is: :class:`~jixiao.model.DocumentKind` from evidence.

Evidence, in the order it is weighed (vocabulary in ``data/kinds.toml``, validated at load):

1. **Titles** — short paragraphs and the first rows of tables ("项目支出绩效目标申报表",
   "2023年度部门决算", "…绩效评价报告"): the first title line that matches a title rule gives the
   title kind of the document, and of each report segment.
2. **Headers** — cells such as "中期指标值" (a target declaration) or "决算数" (final accounts).
3. **Which blocks are FILLED** — a report counts only when it states a value: a budget figure
   (initial / adjusted / executed / rate / score), an indicator target, actual or score, or a
   total score.  Labels without values are a blank template; pre-printed weights (分值 10, 总分
   100) do not count as filled.
4. **Content shape** — indicators with targets and no actual or score (a target declaration);
   an evaluator's level-1 system 决策 / 过程 / 产出 / 效益 (an evaluation report).

:func:`classify_document` returns the document kind, the reports to keep (each with its kind and
the Chinese evidence for it) and, when no report is kept, the status and the Chinese reason.
Nothing here is keyed to a file: only the title/header words of the catalogue.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from jixiao.assemble.evaluation import evaluation_system, level1_names
from jixiao.assemble.kinds_evidence import (
    REPORT_KINDS,
    Fill,
    K,
    KindsVocab,
    Title,
    first_title,
    header_words,
    is_evaluation_levels,
    is_evaluation_system,
    is_label,
    report_fill,
    title_kind,
    vocab,
)
from jixiao.assemble.segment import Segment, raw_to_segments
from jixiao.extract.raw import RawDocument
from jixiao.model import DocumentKind, Report

__all__ = ["REPORT_KINDS", "DocumentDecision", "KindDecision", "KindsVocab", "classify_document", "is_label",
           "report_kind", "title_kind", "vocab"]


# ---------------------------------------------------------------- decisions
@dataclass
class KindDecision:
    kind: DocumentKind
    evidence: list[str] = field(default_factory=list)


def report_kind(r: Report, seg_title: Title | None, doc_title: Title | None, fill: Fill,
                seg_headers: list[str], self_mentions: int = 0) -> KindDecision:
    """The kind of one filled report, with the evidence for it."""
    title = seg_title if seg_title is not None and seg_title.kind in REPORT_KINDS else None
    if title is None and doc_title is not None and doc_title.kind in REPORT_KINDS:
        title = doc_title
    ev: list[str] = [title.evidence()] if title else []
    if is_evaluation_system(r) and (title is None or title.kind in (K.EVALUATION_REPORT, K.SELF_EVALUATION_REPORT)):
        levels = "、".join(dict.fromkeys(i.level1 for i in r.indicators if i.level1))
        return KindDecision(K.EVALUATION_REPORT, [*ev, f"指标体系的一级指标为{levels}（评价指标体系），有分值和得分"])
    targets_only = fill.targets > 0 and fill.actuals == 0 and fill.scores == 0 and not fill.total
    if title is not None and title.kind == K.TARGET_DECLARATION:
        if targets_only:
            ev.append(f"{fill.targets}个指标有目标值，无完成值和得分")
        return KindDecision(K.TARGET_DECLARATION, ev)
    if targets_only and seg_headers:
        heads = "、".join(f"“{w}”" for w in seg_headers)
        return KindDecision(K.TARGET_DECLARATION,
                            [*ev, f"表头含{heads}", f"{fill.targets}个指标有目标值，无完成值和得分"])
    if title is not None and title.kind == K.EVALUATION_REPORT and self_mentions >= vocab().min_self_mentions:
        return KindDecision(K.SELF_EVALUATION_REPORT,
                            [*ev, f"正文{self_mentions}处称“自评”，且没有评价指标体系：按自评报告读取"])
    if title is not None and title.kind == K.SELF_EVALUATION_FORM and title.annex and r.shape == "narrative":
        return KindDecision(K.SELF_EVALUATION_REPORT, [*ev, "叙述式正文，自评表为附件"])
    if title is not None:
        return KindDecision(title.kind, ev)
    if r.shape == "form":
        return KindDecision(K.SELF_EVALUATION_FORM, ["未见标题；按表格式自评表读取"])
    return KindDecision(K.SELF_EVALUATION_REPORT, ["未见标题；按叙述式自评报告读取"])


@dataclass
class DocumentDecision:
    kind: DocumentKind
    evidence: list[str]
    reports: list[Report]  # kept reports, renumbered from 0, each with kind and evidence
    status: Literal["ok", "not_report"] = "ok"
    reason: str | None = None
    notes: list[str] = field(default_factory=list)


def _fill_evidence(fill: Fill) -> str:
    """Which blocks are filled (no counts: the evidence stays put when a reader reads more)."""
    parts = [name for name, on in (("项目名称", fill.header), ("预算数值", fill.budget_values),
                                   ("指标目标值", fill.targets), ("完成值", fill.actuals), ("得分", fill.scores),
                                   ("总分", fill.total), ("未识别列中的数值", fill.unmapped_values)) if on]
    return "已填写：" + "、".join(parts)


def _self_mentions(seg: Segment) -> int:
    words = vocab().self_words
    return sum(p.text.count(w) for p in seg.paragraphs() for w in words)


def _mentions(raw: RawDocument, words: tuple[str, ...]) -> int | None:
    """1-based number of the first long paragraph mentioning one of the words."""
    for k, p in enumerate(raw.paragraphs()):
        if len(p.text) > vocab().max_title_chars and any(w in p.text for w in words):
            return k + 1
    return None


def classify_document(raw: RawDocument, reports: list[Report]) -> DocumentDecision:
    """Decide the document's kind and which of the assembled reports are real reports."""
    v = vocab()
    segments: list[Segment] = raw_to_segments(raw)
    if len(segments) != len(reports):  # pragma: no cover - raw_to_reports reads one report per segment
        segments = [Segment(list(raw.blocks), anchored=False)] * len(reports)
    doc_title = first_title(list(raw.blocks))
    kept: list[Report] = []
    notes: list[str] = []
    blank = 0
    for r, seg in zip(reports, segments, strict=True):
        seg_title = first_title(seg.blocks)
        governing = seg_title or doc_title
        if governing is not None and governing.kind == K.EVALUATION_REPORT:
            r = evaluation_system(r, seg.blocks)  # before judging the fill: the form reader may see nothing
        fill = report_fill(r, seg.blocks)
        if not fill.filled:
            if fill.labels:
                blank += 1
                notes.append(f"报告{r.seq + 1}为空白模板（有{fill.labels}个栏目、未填写数值），未作为报告读取")
            elif governing is not None and governing.kind in REPORT_KINDS:
                # titled as a report but nothing read at all: an extraction failure, kept so it shows
                ev = [governing.evidence(), "未读取到任何栏目或数值（版式可能未能识别）"]
                kept.append(r.model_copy(update={"kind": governing.kind, "kind_evidence": ev, "seq": len(kept)}))
            continue
        accounts = governing.kind == K.FINAL_ACCOUNTS if governing is not None \
            else bool(header_words(seg.blocks, v.headers.final_accounts))
        if accounts and fill.indicator_values == 0:
            continue  # budget figures of the accounts themselves, not a self-evaluation
        if governing is None and not (fill.indicator_values or r.budget_lines or fill.total or fill.unmapped_values):
            continue
        seg_heads = header_words(seg.blocks, v.headers.target_declaration)
        d = report_kind(r, seg_title, doc_title, fill, seg_heads, _self_mentions(seg))
        if d.kind != K.EVALUATION_REPORT and not is_evaluation_system(r) \
                and is_evaluation_levels(level1_names(seg.blocks)):
            # an evaluator's table the form reader could not see (no 一级指标 column it knows)
            cand = evaluation_system(r, seg.blocks)
            if cand is not r and is_evaluation_system(cand):
                d2 = report_kind(cand, seg_title, doc_title, fill, seg_heads, _self_mentions(seg))
                if d2.kind == K.EVALUATION_REPORT:
                    r, d = cand, d2
        elif d.kind == K.EVALUATION_REPORT and not (governing is not None and governing.kind == d.kind):
            r = evaluation_system(r, seg.blocks)
        d.evidence.append(_fill_evidence(fill))
        kept.append(r.model_copy(update={"kind": d.kind, "kind_evidence": d.evidence, "seq": len(kept)}))
    if kept:
        counts = Counter(r.kind for r in kept)
        kind = counts.most_common(1)[0][0]
        ev = [doc_title.evidence()] if doc_title else []
        ev.append("、".join(f"{k.value}：{n}份报告" for k, n in counts.items()))
        return DocumentDecision(kind, ev, kept, notes=notes if len(kept) < len(reports) else [])
    return _no_report(raw, doc_title, blank)


def _no_report(raw: RawDocument, doc_title: Title | None, blank: int) -> DocumentDecision:
    reasons = vocab().reasons
    ev = [doc_title.evidence()] if doc_title else ["未见可识别的标题"]
    heads = header_words(list(raw.blocks), vocab().headers.final_accounts)
    if (doc_title is not None and doc_title.kind == K.FINAL_ACCOUNTS) or (doc_title is None and heads):
        if heads:
            ev.append("表头含" + "、".join(f"“{w}”" for w in heads))
        k = _mentions(raw, ("自评", "绩效评价"))
        if k is not None:
            ev.append(f"第{k}段正文提到绩效自评，但没有自评表")
        return DocumentDecision(K.FINAL_ACCOUNTS, ev, [], "not_report", reasons.final_accounts)
    if blank:
        ev.append(f"{blank}个表格只有栏目名称、没有填写数值")
        reason = reasons.target_blank if doc_title is not None and doc_title.kind == K.TARGET_DECLARATION \
            else reasons.blank_template
        return DocumentDecision(K.BLANK_TEMPLATE, ev, [], "not_report", reason)
    first = next((p.text.strip() for p in raw.paragraphs() if p.text.strip()), None)
    if first is not None:
        ev.append(f"首段“{first if len(first) <= 40 else first[:40] + '…'}”")
    return DocumentDecision(K.NOT_A_REPORT, ev, [], "not_report", reasons.not_a_report)

