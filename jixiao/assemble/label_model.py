"""The labelled table: what the one header detector decided about a table.

:func:`jixiao.assemble.label.rows_to_labeled` produces it; the budget, indicator,
form-field and total readers only map it to the model, and ``jixiao explain``
prints it.  Frozen and JSON-serialisable (``labels.gt.json`` goldens).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

BlockKind = Literal["budget", "budget_long", "indicator"]
RowKind = Literal[
    "header",  # opens a block: its cells name the columns
    "sub_header",  # a second heading row under a header (child cells of spanning parents)
    "repeat_header",  # a header repeated after a page break: the block goes on
    "data",  # a budget line, an indicator, a long-form role row
    "budget_pairs",  # a label–value budget row: 预算数 | 86.40 | 到位数 | 86.40 | 执行数 | 82.08
    "budget_amounts",  # funding lines and amounts, no amount header: 项目资金（万元） | 年度资金总额 | 120
    "group",  # an indicator-table row with a level label (and weight) but no indicator
    "total",  # 合计 / 总分 / 总计 row
    "form",  # label cells of the form (项目名称 …), outside blocks
    "title",  # the form's title inside the table
    "blank",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ContentProfile(_Frozen):
    """What the data cells of one column hold (counts)."""

    cells: int = 0
    empty: int = 0
    number: int = 0  # a bare number: 20, 9.50
    percent: int = 0  # 95%, 100.00%
    money: int = 0  # 3359.62万, 1000万元
    quantity: int = 0  # a number with another unit: 1286人, 8个
    comparator: int = 0  # a sign alone: ≥, 定性
    signed: int = 0  # a value with a sign: ≥95%
    grade: int = 0  # 优, 良, 达标, 明显提升 (qualitative words)
    unit: int = 0  # 人, %, 万元 alone
    text: int = 0  # anything else

    @property
    def filled(self) -> int:
        return self.cells - self.empty

    def share(self, *kinds: str) -> float:
        """Share of the filled cells of these kinds (0 when the column is empty)."""
        n = self.filled
        return sum(getattr(self, k) for k in kinds) / n if n else 0.0

    def summary(self) -> str:
        parts = [f"{k} {getattr(self, k)}" for k in ("number", "percent", "money", "quantity", "comparator",
                                                      "signed", "grade", "unit", "text") if getattr(self, k)]
        return f"{self.filled}/{self.cells} filled" + (": " + ", ".join(parts) if parts else "")


class ColumnLabel(_Frozen):
    """One column of a block: its header path, its role and why."""

    col: int
    path: tuple[str, ...]  # header texts from the top: ("自评得分", "单项指标得分")
    role: str | None
    evidence: tuple[str, ...] = ()
    profile: ContentProfile = ContentProfile()
    doubt: str | None = None  # why the assignment is uncertain (an EXT finding reports it)


class LabeledBlock(_Frozen):
    seq: int
    kind: BlockKind
    header_rows: tuple[int, ...]
    columns: tuple[ColumnLabel, ...]
    unit: str | None = None  # money unit of the block ("万元")
    block_label: str | None = None  # "预算执行情况（20分）"
    quirks: tuple[str, ...] = ()  # layout quirks (LAY…) applied to this block


class LabeledRow(_Frozen):
    row: int
    kind: RowKind
    block: int | None = None  # seq of the block the row belongs to
    filled: tuple[int, ...] = ()  # columns whose text comes from a merged cell above


class LabeledTable(_Frozen):
    table: int
    blocks: tuple[LabeledBlock, ...] = ()
    rows: tuple[LabeledRow, ...] = ()
