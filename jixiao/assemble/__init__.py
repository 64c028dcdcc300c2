"""Table reconstruction and report assembly: RawDocument → list[Report].

``raw_to_reports`` splits the document into report segments (``segment``), reads
each segment's tables (``reader``: header roles → budget lines, indicators, header
fields), merges indicators stated twice (``merge``) and fills what the tables do
not state from the prose (``prose.paragraphs_to_report``, when available).

The tables are read as the loader finished them: a text dump's table arrives already
rebuilt into a grid (:mod:`jixiao.extract.regrid`, given a lexicon by
:func:`jixiao.pipeline.path_to_raw`); a table loaded without a lexicon is read as written.
"""

from __future__ import annotations

from jixiao.assemble.label import label_rows
from jixiao.assemble.label_model import LabeledTable
from jixiao.assemble.merge import (
    budget_execution_to_line,
    merge_budget_execution,
    merge_indicators,
    merge_prose,
)
from jixiao.assemble.reader import Draft, SegmentReader
from jixiao.assemble.segment import Segment, raw_to_segments
from jixiao.assemble.tableview import table_to_rows
from jixiao.extract.raw import RawDocument, RawParagraph, RawTable
from jixiao.model import Provenance, Report
from jixiao.normalize.roles import roles_in

__all__ = ["raw_to_labels", "raw_to_reports", "segment_to_report"]


def _prose_report(paragraphs: list[RawParagraph], seq: int) -> Report | None:
    try:
        from jixiao.assemble.prose import paragraphs_to_report
    except ImportError:  # pragma: no cover - until the prose reader lands
        return None
    if not paragraphs:
        return None
    return paragraphs_to_report(paragraphs, seq)


def _segment_prov(source: str, seg: Segment) -> Provenance | None:
    provs = [b.prov for b in seg.blocks]
    starts = [p.line_start for p in provs if p.line_start is not None]
    ends = [p.line_end for p in provs if p.line_end is not None]
    pages = [p.page for p in provs if p.page is not None]
    if not provs:
        return None
    return Provenance(source=source, page=min(pages) if pages else None,
                      line_start=min(starts) if starts else None, line_end=max(ends) if ends else None)


def _draft_to_report(draft: Draft, seq: int, shape: str, prov: Provenance | None) -> Report:
    f = draft.fields.values
    execution = merge_budget_execution(draft.budget_execution)
    return Report(
        seq=seq,
        shape=shape,  # type: ignore[arg-type]
        budget_lines=budget_execution_to_line(draft.budget_lines, execution),
        budget_execution=execution,
        indicators=merge_indicators(draft.indicators),
        stated_scores=draft.stated_scores,
        unmapped_columns=[*draft.unmapped, *draft.doubts],
        columns_present=[r for r in roles_in() if r in draft.columns],
        column_doubts=draft.doubts,
        prov=prov,
        **f,
    )


def segment_to_report(seg: Segment, source: str, seq: int) -> Report:
    draft = SegmentReader(source).segment(list(seg.blocks))
    paragraphs = seg.paragraphs()
    shape = "form" if seg.anchored and len(paragraphs) <= 3 else "narrative"
    prov = _segment_prov(source, seg)
    prose = _prose_report(paragraphs, seq)
    if draft.empty:
        if prose is not None:
            return prose.model_copy(update={"seq": seq, "shape": "narrative", "prov": prose.prov or prov})
        return Report(seq=seq, shape="narrative", prov=prov)
    report = _draft_to_report(draft, seq, shape, prov)
    if prose is not None:
        report = merge_prose(report, prose)
    return report


def raw_to_reports(raw: RawDocument) -> list[Report]:
    """Split a raw document into reports and read each one's fields."""
    return [segment_to_report(seg, raw.source, i) for i, seg in enumerate(raw_to_segments(raw))]


def raw_to_labels(raw: RawDocument) -> list[tuple[int, LabeledTable]]:
    """Every table of the document as labelled, with the report (segment) it belongs to:
    what ``jixiao explain`` prints."""
    out: list[tuple[int, LabeledTable]] = []
    for i, seg in enumerate(raw_to_segments(raw)):
        for b in seg.blocks:
            if isinstance(b, RawTable):
                out.append((i, label_rows(table_to_rows(b), b.table).table))
    return out
