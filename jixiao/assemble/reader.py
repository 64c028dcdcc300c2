"""One segment's tables → a draft of its report.

Rows are walked in order.  A header row (by header roles) opens a block — budget,
long-form budget or indicators — whose following rows are data until the next
header row or a row led by a form label (合计/总分/总计, 评价结论, 项目负责人 …).
Rows outside blocks are read for form labels (项目名称, 主管部门, 项目年度目标 …).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.assemble.budget import MONEY_ROLES, long_form_to_lines, row_to_line
from jixiao.assemble.classify import Header, align_to_header, refine_header, row_to_header, unmapped_cells
from jixiao.assemble.header_fields import HeaderFields, form_role, row_to_fields, title_fields
from jixiao.assemble.indicators import IndicatorReader, split_score_label
from jixiao.assemble.tableview import Slot, distinct, lead, table_to_rows
from jixiao.assemble.values import looks_like_value
from jixiao.assemble.vocab import heading_level1, is_title_line
from jixiao.extract.raw import RawParagraph, RawTable
from jixiao.model import BudgetLine, Indicator, StatedScore, TextItem
from jixiao.normalize.headers import budget_row_kind, fold_header, header_role, is_subtotal
from jixiao.normalize.roles import roles_in

# the role rows of a long-form budget table (年初预算资金 … 预算执行率)
_FIGURE_ROLES = roles_in("budget", ("money", "rate"))


@dataclass
class Draft:
    source: str
    budget_lines: list[BudgetLine] = field(default_factory=list)
    budget_execution: list[Indicator] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    stated_scores: list[StatedScore] = field(default_factory=list)
    unmapped: list[TextItem] = field(default_factory=list)
    fields: HeaderFields = field(default_factory=HeaderFields)
    _budget_done: bool = False

    def state(self, st: StatedScore) -> None:
        if all(fold_header(s.label) != fold_header(st.label) for s in self.stated_scores):
            self.stated_scores.append(st)

    @property
    def empty(self) -> bool:
        return not (self.budget_lines or self.budget_execution or self.indicators or self.stated_scores
                    or self.fields.values)


def _is_sub_header(row: list[Slot]) -> bool:
    """Second row of a two-level long-form header: funding-line labels, no role row label."""
    ld = lead(row)
    if ld is None:
        return False
    labels = [s for s in row if not s.empty and not s.from_above]
    return bool(labels) and header_role(ld[1].text, "budget") not in _FIGURE_ROLES and all(budget_row_kind(s.text) is not None or is_subtotal(s.text) for s in labels)


def _ends_block(row: list[Slot], header: Header) -> bool:
    """Whether ``row`` is past the block ``header`` opened:

    - below the merged block label ("项目资金（万元）" spanning the budget rows);
    - led by a form label (合计, 评价结论 …) — except a budget line label (合计) in a
      budget block;
    - in a row-per-line budget block: a row that names no funding line and holds
      no number in a money column (the form's next section).
    """
    bl = header.block_label
    if bl is not None and bl.cell is not None and bl.cell.row_span > 1 and row:
        # below the merged label, a new label in its column opens the next section
        # (a blank cell there is the label going on after a page break)
        k = bl.col
        if row[0].row >= bl.cell.row + bl.cell.row_span and k < len(row) and not row[k].empty:
            return True
    ld = lead(row)
    if ld is None:
        return False
    role = form_role(ld[1].text)
    if header.block == "budget":
        if budget_row_kind(ld[1].text) is not None:
            return False
        if role is None:
            money = [k for k, r in enumerate(header.roles) if r in MONEY_ROLES]
            return not any(k < len(row) and looks_like_value(row[k].text) for k in money)
    if role is None or role in ("budget_block", "indicator_block"):
        return False
    return True


def _same_columns(a: Header, b: Header) -> bool:
    return [r for r in a.roles if r] == [r for r in b.roles if r]


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

    def paragraph(self, p: RawParagraph) -> None:
        if is_title_line(p.text):
            title_fields(self.draft.fields, p.text, p.prov)

    def table(self, table: RawTable, heading: str | None) -> None:
        rows = table_to_rows(table)
        d = self.draft
        header: Header | None = None
        reader: IndicatorReader | None = None
        long_rows: list[list[Slot]] = []
        budget_lines: list[BudgetLine] = []
        scored = False  # the table holds an indicator block

        def close() -> None:
            nonlocal header, reader, long_rows, budget_lines
            if header is not None:
                d.unmapped.extend(TextItem(text=s.text, prov=s.prov) for s in unmapped_cells(header))
            if header is not None and header.block == "budget_long":
                budget_lines = long_form_to_lines(header, long_rows, d.source)
            if budget_lines and not d._budget_done:
                d.budget_lines = [b.model_copy(update={"seq": i}) for i, b in enumerate(budget_lines)]
                d._budget_done = True
            header, reader, long_rows, budget_lines = None, None, [], []

        data_rows = 0  # rows read since the header
        for r, row in enumerate(rows):
            if header is not None and data_rows == 0 and refine_header(header, row):
                continue
            data_rows += 1
            h = row_to_header(row)
            if h is not None:
                data_rows = 0
                if reader is not None and h.block == "indicator" and _same_columns(h, reader.header):
                    continue  # a heading row repeated on a new page: the block goes on
                close()
                header = h
                if h.block_label is not None:
                    _, st = split_score_label(h.block_label.text, h.block_label.prov)
                    if st is not None:
                        d.state(st)
                if h.block == "indicator":
                    reader = IndicatorReader(h, d.source, table, heading)
                    last = self.last_indicator
                    if last is not None and not scored and _same_columns(h, last.header):
                        # the table goes on from the previous one (split at a page break):
                        # merged level-1/level-2 cells carry over
                        reader.carry = dict(last.carry)
                        reader.heading_level1 = reader.heading_level1 or last.heading_level1
                    self.last_indicator = reader
                    scored = True
                continue
            if header is not None and not _ends_block(row, header):
                if header.block == "budget_long":
                    if not long_rows and _is_sub_header(row):
                        header.sub_rows.append(row)
                    else:
                        long_rows.append(row)
                    continue
                aligned = align_to_header(row, header)
                if header.block == "budget":
                    line = row_to_line(header, aligned, len(budget_lines), d.source, table)
                    if line is not None:
                        budget_lines.append(line)
                    continue
                if reader is not None:
                    res = reader.row_to_result(aligned, len(d.indicators))
                    for st in res.stated:
                        d.state(st)
                    if res.indicator is not None:
                        d.indicators.append(res.indicator)
                    if res.budget_execution is not None:
                        d.budget_execution.append(res.budget_execution)
                    continue
            # a form row
            last_header = header
            if header is not None:
                close()
            texts = [sl for _, sl in distinct(row) if not sl.empty and not sl.from_above]
            if len(texts) == 1 and texts[0].prov is not None and is_title_line(texts[0].text):
                title_fields(d.fields, texts[0].text, texts[0].prov)  # a title row inside the table
                continue
            below = rows[r + 1] if r + 1 < len(rows) else None
            row_to_fields(d.fields, row, below, last_header, scored)
        close()

    def segment(self, blocks: list[RawParagraph | RawTable]) -> Draft:
        for i, b in enumerate(blocks):
            if isinstance(b, RawParagraph):
                self.paragraph(b)
            else:
                self.table(b, _heading_before(blocks, i))
        return self.draft
