"""One segment's tables → a draft of its report.

Every table is labelled first (:func:`jixiao.assemble.label.label_rows`: the one
header detector — blocks, column roles, row kinds); this module only maps the
labelled rows: budget rows to budget lines, indicator rows to indicators, form rows
to header fields (项目名称, 主管部门, 项目年度目标 …, 合计/总分).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.assemble.budget import (
    amounts_to_lines,
    long_form_to_lines,
    pairs_to_line,
    row_to_line,
    with_block_points,
)
from jixiao.assemble.classify import Header, align_to_header, unmapped_cells
from jixiao.assemble.header_fields import HeaderFields, form_role, row_to_fields, title_fields
from jixiao.assemble.indicators import IndicatorReader, split_score_label
from jixiao.assemble.label import label_rows, same_columns
from jixiao.assemble.label_model import LabeledTable
from jixiao.assemble.tableview import Slot, distinct, table_to_rows
from jixiao.assemble.values import clean_text
from jixiao.assemble.vocab import heading_level1, is_title_line
from jixiao.extract.raw import RawParagraph, RawTable
from jixiao.model import BudgetLine, Indicator, StatedScore, TextItem
from jixiao.normalize.headers import fold_header, header_role


@dataclass
class Draft:
    source: str
    budget_lines: list[BudgetLine] = field(default_factory=list)
    budget_execution: list[Indicator] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    stated_scores: list[StatedScore] = field(default_factory=list)
    unmapped: list[TextItem] = field(default_factory=list)
    doubts: list[TextItem] = field(default_factory=list)  # columns whose role the content withdrew
    columns: set[str] = field(default_factory=set)  # roles of the budget/indicator columns read
    fields: HeaderFields = field(default_factory=HeaderFields)
    _budget_done: bool = False

    def state(self, st: StatedScore) -> None:
        if all(fold_header(s.label) != fold_header(st.label) for s in self.stated_scores):
            self.stated_scores.append(st)

    @property
    def empty(self) -> bool:
        return not (self.budget_lines or self.budget_execution or self.indicators or self.stated_scores
                    or self.fields.values)


def _pairs_label(row: list[Slot]) -> Slot | None:
    """The block label leading a label–value budget row ("资金情况（万元）（10分）")."""
    for _, s in distinct(row):
        if not s.empty and form_role(s.text) == "budget_block":
            return s
    return None


def _heading_before(blocks: list[RawParagraph | RawTable], i: int) -> str | None:
    """Level-1 named by the paragraph right before block ``i``."""
    for j in range(i - 1, -1, -1):
        b = blocks[j]
        if isinstance(b, RawParagraph):
            return heading_level1(b.text)
        if b.n_rows > 1 or any(c.text.strip() for c in b.cells):
            return None
    return None


class SegmentReader:
    def __init__(self, source: str) -> None:
        self.draft = Draft(source)
        self.last_indicator: IndicatorReader | None = None
        self.labeled: list[LabeledTable] = []
        self.open_budget: Header | None = None  # the budget block the previous table ended in

    def paragraph(self, p: RawParagraph) -> None:
        if is_title_line(p.text):
            title_fields(self.draft.fields, p.text, p.prov)

    def table(self, table: RawTable, heading: str | None) -> None:
        """Map a table's labelled rows (:func:`jixiao.assemble.label.label_rows`) to the draft."""
        rows = table_to_rows(table)
        lab = label_rows(rows, table.table)
        d = self.draft
        self.labeled.append(lab.table)
        readers: dict[int, IndicatorReader] = {}
        long_rows: dict[int, list[list[Slot]]] = {}
        budget_lines: dict[int, list[BudgetLine]] = {}
        scored = False  # the table holds an indicator block (so far)

        for h in lab.headers:
            d.columns.update(r for r in h.roles if r)
            d.unmapped.extend(TextItem(text=s.text, prov=s.prov) for s in unmapped_cells(h))
            for k, why in sorted(h.doubts.items()):
                d.doubts.append(TextItem(text=f"{clean_text(h.row[k].text)}：{why}", prov=h.row[k].prov))

        prev_budget, self.open_budget = self.open_budget, None

        def finish(seq: int) -> None:
            h = lab.headers[seq]
            lines = budget_lines.pop(seq, [])
            if h.block == "budget_long":
                lines = long_form_to_lines(h, long_rows.pop(seq, []), d.source)
            if h.block == "budget" and seq == 0 and lab.kinds[:1] == ["header"] and prev_budget is not None \
                    and same_columns(h, prev_budget):
                self._budget_goes_on(lines)  # the previous table's budget block, cut at a page break
                return
            self._budget(with_block_points(lines, h.block_label))

        open_seq: int | None = None
        for pairs in lab.pairs.values():
            d.columns.update(r for r in (header_role(a.text, "budget") for a, _ in pairs) if r)
        for r, row in enumerate(rows):
            kind, seq = lab.kinds[r], lab.block_of[r]
            if open_seq is not None and seq != open_seq:
                finish(open_seq)
                open_seq = None
            if kind == "header" and seq is not None:
                open_seq = seq
                h = lab.headers[seq]
                if h.block_label is not None:
                    _, st = split_score_label(h.block_label.text, h.block_label.prov)
                    if st is not None:
                        d.state(st)
                if h.block == "indicator":
                    reader = IndicatorReader(h, d.source, table, heading)
                    last = self.last_indicator
                    if last is not None and not scored and same_columns(h, last.header):
                        # the table goes on from the previous one (split at a page break):
                        # merged level-1/level-2 cells carry over
                        reader.carry = dict(last.carry)
                        reader.heading_level1 = reader.heading_level1 or last.heading_level1
                    readers[seq] = reader
                    self.last_indicator = reader
                    scored = True
                continue
            if kind in ("sub_header", "repeat_header", "blank"):
                continue
            if seq is not None:
                h = lab.headers[seq]
                if h.block == "budget_long":
                    long_rows.setdefault(seq, []).append(row)
                    continue
                aligned = align_to_header(row, h)
                if h.block == "budget":
                    line = row_to_line(h, aligned, len(budget_lines.get(seq, [])), d.source, table)
                    if line is not None:
                        budget_lines.setdefault(seq, []).append(line)
                    continue
                res = readers[seq].row_to_result(aligned, len(d.indicators))
                for st in res.stated:
                    d.state(st)
                if res.indicator is not None:
                    d.indicators.append(res.indicator)
                if res.budget_execution is not None:
                    d.budget_execution.append(res.budget_execution)
                continue
            # a form row
            if r in lab.amounts:
                if r + 1 not in lab.amounts:  # the last row of the block: its lines, from its first row
                    first = r
                    while first - 1 in lab.amounts:
                        first -= 1
                    span = range(first, r + 1)
                    label = next((lab.amounts[k][0] for k in span if lab.amounts[k][0] is not None), None)
                    self._budget(with_block_points(amounts_to_lines([lab.amounts[k] for k in span], d.source, table,
                                                                    [rows[k] for k in span]), label))
                continue
            if r in lab.pairs:
                label = _pairs_label(row)
                if label is not None:
                    _, st = split_score_label(label.text, label.prov)
                    if st is not None:
                        d.state(st)
                self._budget(with_block_points([pairs_to_line(lab.pairs[r], label, d.source, table, row)], label))
                continue
            if kind == "title":
                texts = [sl for _, sl in distinct(row) if not sl.empty and not sl.from_above]
                if texts and texts[0].prov is not None:
                    title_fields(d.fields, texts[0].text, texts[0].prov)  # a title row inside the table
                continue
            closed = lab.closed[r]
            below = rows[r + 1] if r + 1 < len(rows) else None
            row_to_fields(d.fields, row, below, lab.headers[closed] if closed is not None else None, scored)
        if open_seq is not None:
            finish(open_seq)
        end = next((r for r in range(len(rows) - 1, -1, -1) if lab.kinds[r] != "blank"), None)
        seq_last = lab.block_of[end] if end is not None else None
        if seq_last is not None and lab.headers[seq_last].block == "budget":
            self.open_budget = lab.headers[seq_last]  # the table ends inside a budget block

    def _budget_goes_on(self, lines: list[BudgetLine]) -> None:
        d = self.draft
        n = len(d.budget_lines)
        d.budget_lines = [*d.budget_lines, *(b.model_copy(update={"seq": n + i}) for i, b in enumerate(lines))]

    def _budget(self, lines: list[BudgetLine]) -> None:
        """The first budget block of a segment gives its budget lines."""
        d = self.draft
        if lines and not d._budget_done:
            d.budget_lines = [b.model_copy(update={"seq": i}) for i, b in enumerate(lines)]
            d._budget_done = True

    def segment(self, blocks: list[RawParagraph | RawTable]) -> Draft:
        for i, b in enumerate(blocks):
            if isinstance(b, RawParagraph):
                self.paragraph(b)
            else:
                self.table(b, _heading_before(blocks, i))
        return self.draft
