"""Narrative (prose) report → :class:`~jixiao.model.Report` holding only what the prose states.

``paragraphs_to_report(paragraphs, seq)`` is the entry point used by the assembler, which
merges the result with table-derived fields (tables win; prose fills gaps).  For a report
without tables the result *is* the report.

Stages: ``prose_text`` (logical paragraphs, sentences, headings) → ``prose_header``
(项目名称 / 主管部门 / 实施单位 / 年度 / title) → ``prose_sections`` (goal, completion,
conclusion, problems, measures; level-1 context) → ``prose_budget`` (budget figures) →
``prose_scores`` (weights, scores, totals, grade) → ``prose_indicators`` (indicators in
sentences).  Reading stops at the appendix ("附件1…", "附表1…"): appended forms belong
to the table assembler.
"""

from __future__ import annotations

from jixiao.assemble.prose_budget import sentences_to_budget
from jixiao.assemble.prose_header import paras_to_header
from jixiao.assemble.prose_indicators import outline_to_indicators
from jixiao.assemble.prose_patterns import P
from jixiao.assemble.prose_scores import sentences_to_scores
from jixiao.assemble.prose_sections import outline_to_sections, paras_to_outline
from jixiao.assemble.prose_text import Para, para_to_sentences, paragraphs_to_paras
from jixiao.assemble.prose_vocab import VOCAB
from jixiao.extract.raw import RawParagraph
from jixiao.model import BudgetLine, Report

__all__ = ["paragraphs_to_report", "paras_before_appendix"]


def paras_before_appendix(paras: list[Para]) -> list[Para]:
    for i, p in enumerate(paras):
        if P.appendix.match(p.text):
            return paras[:i]
    return paras


def _budget_with_scores(lines: list[BudgetLine], stated) -> list[BudgetLine]:  # type: ignore[no-untyped-def]
    """Put the stated weight/score of the budget item ("年初预算执行率10分…未得分") on line 0."""
    item = next((s for s in stated if any(w in s.label for w in VOCAB.scores.budget_labels)), None)
    if item is None or not lines:
        return lines
    first = lines[0].model_copy(update={"weight": item.weight, "score": item.score})
    return [first, *lines[1:]]


def paragraphs_to_report(paragraphs: list[RawParagraph], seq: int = 0) -> Report:
    """Read a narrative report's paragraphs (in document order) into a ``Report``
    with ``shape="narrative"``; fields the prose does not state stay None/empty."""
    paras = paras_before_appendix(paragraphs_to_paras(paragraphs))
    if not paras:
        return Report(seq=seq, shape="narrative")
    outline = paras_to_outline(paras)
    header = paras_to_header(paras)
    sections = outline_to_sections(outline)
    sentences = [s for p in paras for s in para_to_sentences(p)]
    scores = sentences_to_scores(sentences)
    budget = _budget_with_scores(sentences_to_budget(sentences), scores.stated)
    indicators = outline_to_indicators(outline)
    first = paras[0].prov()
    last = paras[-1].prov()
    return Report(
        seq=seq,
        shape="narrative",
        project_name=header.project_name,
        department=header.department,
        implementer=header.implementer,
        year=header.year,
        budget_lines=budget,
        indicators=indicators,
        stated_scores=[*scores.stated, *scores.extra_totals],
        total_weight=scores.total_weight,
        total_score=scores.total_score,
        grade=scores.grade,
        goal=sections.get("goal"),
        completion=sections.get("completion"),
        conclusion=sections.get("conclusion"),
        problems=sections.get("problems"),
        measures=sections.get("measures"),
        prov=first.model_copy(update={"line_end": last.line_end, "text": ""}),
    )
