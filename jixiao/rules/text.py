"""Text rules (TXT): template text left in place, blank required cells, years, narrative
numbers that contradict the indicator table or their own "其中" parts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao.model import Indicator, Kind, Quantity, Report, Severity, TextItem
from jixiao.normalize import parse_quantity
from jixiao.rules import patterns as P
from jixiao.rules.arith import base, consistent, fmt, fmt_pct, is_blank, num, percent
from jixiao.rules.budget import is_template
from jixiao.rules.config import RulesConfig
from jixiao.rules.facts import budget_item, comparable, direction, met, polarity, provs
from jixiao.rules.registry import WITH_TARGETS, Evidence, rule

NARRATIVE = {"goal": "项目年度目标", "completion": "年度目标完成情况", "conclusion": "评价结论",
             "problems": "存在问题", "measures": "改进措施"}


@rule("TXT001", Severity.ERROR, kinds=WITH_TARGETS, title="Unfilled template text",
      message="{field}仍是模板说明文字：“{text}”")
def template_text(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """Template instructions left in place ("对照年度目标，说明相关任务目标的完成情况（100字以内）",
    "结合自评情况，…（200字以内）") in the narrative fields or in an indicator's reason.  A budget
    reason cell that still holds the template footnote is only flagged when a reason is required
    (BUD007 treats it as no reason)."""
    for field, cname in NARRATIVE.items():
        item: TextItem | None = getattr(report, field)
        if item is not None and is_template(item.text, cfg):
            yield Evidence(field, {"field": cname, "text": item.text.strip()[:60]}, expected="填写内容",
                           actual=item.text.strip()[:60], provs=provs(item))
    for i, ind in enumerate(report.indicators):
        if ind.reason is not None and is_template(ind.reason.text, cfg):
            yield Evidence(f"indicators[{i}].reason", {"field": f"{ind.name}的原因", "text": ind.reason.text[:60]},
                           expected="填写内容", actual=ind.reason.text.strip()[:60], provs=provs(ind.reason))


@rule("TXT002", Severity.ERROR, title="Required cells left blank",
      message="{count}个指标（共{total}个）的完成值和得分均未填写：{names}")
def blank_cells(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """Every indicator of a form table needs its actual (完成值) and its score (得分); one
    finding per report lists the indicators left blank."""
    blank = [ind for ind in report.indicators
             if ind.origin == "table" and is_blank(ind.actual) and is_blank(ind.score)]
    if blank:
        yield Evidence("indicators", {"count": len(blank), "total": len(report.indicators),
                                      "names": "、".join(b.name for b in blank[:5]) + ("…" if len(blank) > 5 else "")},
                       expected="完成值、得分", actual="（空）", provs=provs(*blank))


@rule("TXT003", Severity.WARNING, kinds=WITH_TARGETS, title="Year differs from the report year",
      message="{name}的{field}为{year}年，与报告年度{report_year}年不符")
def year_mismatch(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A calendar year stated as an indicator's target or actual ("2021年") must be the
    report's year; another year suggests figures copied from another year's form.  Years in
    narrative prose are not checked (payments and settlements legitimately span years)."""
    if report.year is None:
        return
    for i, ind in enumerate(report.indicators):
        for field, cname in (("target", "目标值"), ("actual", "完成值")):
            q = getattr(ind, field)
            v = num(q)
            if q is None or q.kind != Kind.YEAR or v is None or v == report.year:
                continue
            yield Evidence(f"indicators[{i}].{field}",
                           {"name": ind.name, "field": cname, "year": fmt(v), "report_year": report.year},
                           expected=str(report.year), actual=fmt(v), provs=provs(q, ind))


# ---------------------------------------------------------------- narrative numbers vs the table

#: a run of CJK ideographs (the unified blocks and the compatibility ideographs)
_CJK_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
#: a Latin/digit word that is not a bare number ("5G", "PPP", "APP")
_LATIN_WORD = re.compile(r"[0-9]*[a-z][a-z0-9]*")


@dataclass(frozen=True)
class _Terms:
    """What a text shares with another, without a dictionary: the CJK character bigrams of
    each ideograph run, in order of position, and its Latin words (case-folded)."""

    bigrams: tuple[str, ...]
    bigram_set: frozenset[str]
    latin: frozenset[str]


@lru_cache(maxsize=4096)
def _terms(text: str) -> _Terms:
    text = unicodedata.normalize("NFKC", text).casefold()
    grams: list[str] = []
    for run in _CJK_RUN.findall(text):
        grams.extend(run[i:i + 2] for i in range(len(run) - 1))
        grams.append("")  # a run boundary: the next run's first bigram is not adjacent
    return _Terms(tuple(grams), frozenset(g for g in grams if g), frozenset(_LATIN_WORD.findall(text)))


def _overlap(clause: _Terms, name: _Terms) -> int:
    """Characters of the name that the clause shares: every ideograph of the name covered by a
    bigram also in the clause (a shared run of n ≥ 2 ideographs counts n; single ideographs,
    which say little about the subject, count nothing), plus the length of each shared Latin word."""
    covered = 0
    prev = False  # the previous bigram of the name was shared (its second character is counted)
    for g in name.bigrams:
        shared = bool(g) and g in clause.bigram_set
        if shared:
            covered += 1 if prev else 2
        prev = shared
    return covered + sum(len(w) for w in name.latin & clause.latin)


def _is_plan(clause: str, cfg: RulesConfig) -> bool:
    return any(w in clause for w in cfg.text.plan_words)


def _links(report: Report, clause: str, unit: str, cfg: RulesConfig) -> Indicator | None:
    """The one indicator a clause's number is about: same base unit, the most characters of its
    name shared with the clause (:func:`_overlap`, at least ``link_min_overlap``), no tie."""
    words = _terms(clause)
    scored: list[tuple[int, Indicator]] = []
    for ind in report.indicators:
        a = ind.actual
        if a is None or num(a) is None or (a.base_unit or ind.unit or "") != unit:
            continue
        ov = _overlap(words, _terms(ind.name))
        if ov >= cfg.text.link_min_overlap:
            scored.append((ov, ind))
    scored.sort(key=lambda p: -p[0])
    if not scored or (len(scored) > 1 and scored[0][0] == scored[1][0]):
        return None
    return scored[0][1]


def _agrees(text_q: Quantity, table_q: Quantity | None) -> bool:
    """The narrative number equals the table's, at the precision either is written with:
    "187385人" agrees with "18.74万人" (18.7385万 → 18.74), "18.7万人" with 187385."""
    tv, kv = base(text_q), base(table_q)
    if table_q is None or tv is None or kv is None or table_q.value is None or text_q.value is None:
        return False
    if tv == kv:
        return True
    k_scale = table_q.value / kv if kv else Decimal(1)  # base → the table's written unit
    t_scale = text_q.value / tv if tv else Decimal(1)
    return consistent(table_q.value, tv * k_scale, modes=("half_up",)) or consistent(
        text_q.value, kv * t_scale, modes=("half_up",))


@rule("TXT004", Severity.WARNING, title="Narrative count contradicts the indicator table",
      message="{field}中“{clause}”与指标“{name}”的完成值{actual}不符")
def narrative_vs_table(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A count stated as a result in the completion or conclusion text ("救助24户") is linked to
    the indicator with the same unit whose name shares the most characters with the clause (CJK
    character bigrams and Latin words, no dictionary);
    the number must equal that indicator's actual (or its target).  Clauses stating plans
    (计划, 预计, 目标…) are skipped; amounts of money are not linked."""
    if not report.indicators:
        return
    for field in ("completion", "conclusion"):
        item: TextItem | None = getattr(report, field)
        if item is None or not item.text.strip():
            continue
        for clause in P.CLAUSE_SPLIT.split(item.text):
            if _is_plan(clause, cfg):
                continue
            for m in P.NUM_UNIT.finditer(clause):
                q = parse_quantity(m.group(0))
                v = base(q)
                if v is None or q.base_unit is None:
                    continue
                ind = _links(report, clause, q.base_unit, cfg)
                if ind is None:
                    continue
                if not any(_agrees(q, k) for k in (ind.actual, ind.target)):
                    yield Evidence(f"{field}", {"field": NARRATIVE[field], "clause": clause.strip(), "name": ind.name,
                                                "actual": ind.actual.raw.strip() if ind.actual else "—"},
                                   expected=ind.actual.raw.strip() if ind.actual else None, actual=m.group(0),
                                   provs=provs(item, ind.actual))


@rule("TXT005", Severity.WARNING, title="Parts listed under 其中 do not add up",
      message="“{text}”：其中各项{parts}合计{sum}，与总数{total}不符")
def qizhong_sum(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """In a sentence "共…X万元（其中：A万元、B万元）" the parts listed after 其中, in the same
    unit as the figure just before it, add up to that figure (two parts at least)."""
    for field in NARRATIVE:
        item: TextItem | None = getattr(report, field)
        if item is None:
            continue
        for sent in P.SENTENCE_SPLIT.split(item.text):
            qz = P.QIZHONG.search(sent)
            if not qz:
                continue
            before = list(P.MONEY_OR_COUNT.finditer(sent, 0, qz.start()))
            if not before:
                continue
            total_m = before[-1]
            if qz.start() - total_m.end() > 2:
                continue
            tq = parse_quantity(total_m.group(0))
            parts = [parse_quantity(m.group(0)) for m in P.MONEY_OR_COUNT.finditer(sent, qz.end())]
            parts = [p for p in parts if p.base_unit == tq.base_unit and base(p) is not None]
            t = base(tq)
            if t is None or len(parts) < 2:
                continue
            s = sum((base(p) or Decimal(0) for p in parts), Decimal(0))
            if s != t:
                scale = (tq.value / t) if tq.value is not None and t else Decimal(1)
                shown = f"{fmt((s * scale).normalize())}{tq.unit or ''}"
                yield Evidence(field, {"text": sent.strip()[:80], "parts": "+".join(p.raw for p in parts),
                                       "sum": shown, "total": total_m.group(0)},
                               expected=shown, actual=total_m.group(0), provs=provs(item))



def _missed(report: Report, cfg: RulesConfig) -> list[str]:
    """Names of indicators that miss their target, and the execution rate when below the
    reason threshold."""
    out: list[str] = []
    for ind in report.indicators:
        d = direction(ind, cfg)
        if d in ("ge", "le"):
            pair = comparable(ind.target, ind.actual)
            if pair is not None and not met(d, *pair):  # type: ignore[arg-type]
                target = _raw(ind.target)
                if ind.unit and ind.unit.strip() not in target:
                    target += ind.unit.strip()
                out.append(f"{ind.name}（目标{target}，完成{_raw(ind.actual)}）")
        elif d == "qual" and polarity(ind) == -1:
            out.append(f"{ind.name}（{_raw(ind.actual)}）")
    sp = percent(budget_item(report).rate)
    if sp is not None and sp[0] < cfg.budget.reason_required_below:
        out.append(f"预算执行率{fmt_pct(sp[0], sp[1])}")
    return out


def _raw(q: Quantity | None) -> str:
    return q.raw.strip() if q is not None and q.raw.strip() else "—"


@rule("TXT006", Severity.WARNING, title="Full completion claimed despite missed targets",
      message="{field}称“{clause}”，但{missed}")
def full_completion_claim(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """The completion or conclusion text claims every target was reached ("全面完成",
    "超额完成", "全部达标" …, configurable) while an indicator misses its target or the
    execution rate is below the reason threshold.  Clauses of intention ("确保圆满完成…") are
    not claims."""
    missed = _missed(report, cfg)
    if not missed:
        return
    for field in ("completion", "conclusion"):
        item: TextItem | None = getattr(report, field)
        if item is None:
            continue
        for clause in P.CLAUSE_SPLIT.split(item.text):
            if any(p in clause for p in cfg.text.full_completion_phrases) and not any(
                    w in clause for w in cfg.text.intention_words):
                yield Evidence(field, {"field": NARRATIVE[field], "clause": clause.strip(),
                                       "missed": "、".join(missed[:3]) + ("等" if len(missed) > 3 else "") + "未达标"},
                               expected="如实说明未完成情况", actual=clause.strip(), provs=provs(item))
                break
