"""Layout quirks: what no general mechanism covers, as named, tested entries.

A quirk is registered like a rule — ``@quirk("LAY001", "title")`` — with a stage:

- ``block`` quirks run when a block's data rows are known, before the columns'
  content vote; they may change the header's roles and return whether they applied;
- ``row`` quirks align one data row to its header; the first that returns a row wins.

An applied quirk is recorded on the block (``LabeledBlock.quirks``, shown by
``jixiao explain``).  Every quirk has a fixture test in ``tests/test_quirks.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from jixiao.assemble.tableview import Slot, align, shifted
from jixiao.assemble.values import is_number, looks_like_value
from jixiao.normalize.headers import budget_row_kind
from jixiao.normalize.roles import roles_in

if TYPE_CHECKING:
    from jixiao.assemble.classify import Header

Stage = Literal["block", "row"]


@dataclass(frozen=True)
class Quirk:
    id: str
    title: str
    stage: Stage
    fn: Callable[..., Any]


QUIRKS: dict[str, Quirk] = {}


def quirk(qid: str, title: str, stage: Stage = "block") -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        if qid in QUIRKS:
            raise ValueError(f"quirk {qid} registered twice")
        QUIRKS[qid] = Quirk(qid, title, stage, fn)
        return fn

    return deco


def _note(header: Header, qid: str) -> None:
    if qid not in header.quirks:
        header.quirks.append(qid)


def apply_block_quirks(header: Header, data: list[list[Slot]]) -> None:
    for q in QUIRKS.values():
        if q.stage == "block" and q.fn(header, data):
            _note(header, q.id)


def apply_row_quirks(row: list[Slot], header: Header) -> list[Slot] | None:
    """The row as the first row quirk that applies aligns it; None when none does."""
    for q in QUIRKS.values():
        if q.stage == "row":
            out = q.fn(row, header)
            if out is not None:
                _note(header, q.id)
                return out
    return None


@quirk("LAY001", "预算表的资金来源列没有表头：取内容为资金来源名称的未命名列")
def line_column_without_heading(header: Header, data: list[list[Slot]]) -> bool:
    """A budget header whose line-label column has no heading (the national form's
    "项目资金（万元） | (blank) | 年初预算数 …"): of the unnamed columns before the first
    figure column, the one whose data cells name funding lines holds the line labels
    (the first one when no data row tells)."""
    if header.block != "budget" or "line" in header.roles:
        return False
    label = header.block_label.cell if header.block_label is not None else None
    first_fig = next((k for k, r in enumerate(header.roles) if r is not None), header.width)
    cands = [k for k in range(first_fig) if header.roles[k] is None and not header.row[k].from_left
             and (label is None or header.row[k].cell is not label or _holds_lines(data, k))]
    if not cands:
        return False
    best = max(cands, key=lambda k: (_holds_lines(data, k), -k))
    header.roles[best] = "line"
    header.evidence[best].append("LAY001: 未命名列，内容为资金来源名称" if _holds_lines(data, best)
                                 else "LAY001: 数值列前的第一个未命名列")
    return True


def _holds_lines(data: list[list[Slot]], k: int) -> int:
    return sum(1 for row in data if k < len(row) and not row[k].from_above and not row[k].empty
               and budget_row_kind(row[k].text) is not None)


@quirk("LAY002", "文本表格的数据行比表头多一格且首格为空：纵向合并的标签的延续，去掉", stage="row")
def one_cell_more(row: list[Slot], header: Header) -> list[Slot] | None:
    """A text-dump row with one cell more than the header whose first cell is empty
    carries a vertically merged block label's continuation: it is dropped."""
    if len(row) == header.width + 1 and row[0].empty:
        return row[1:]
    return None


_NUMERIC = frozenset(roles_in(None, ("money", "score")))
_LABELS = frozenset(roles_in(None, ("label",)))


def _fit(row: list[Slot], roles: list[str | None]) -> int:
    """How well a row's cells suit the header's columns: numbers under weight/score
    and money columns, words under label columns."""
    score = 0
    for s, role in zip(row, roles):
        if s.empty or role is None:
            continue
        if role in _NUMERIC:
            score += 1 if is_number(s.text) else -1
        elif role in _LABELS:
            score += -1 if looks_like_value(s.text) else 1
    return score


@quirk("LAY003", "表头首格为块标签，数据行少一格：丢失了块标签的空延续格，按内容对齐时右移一格", stage="row")
def lost_label_continuation(row: list[Slot], header: Header) -> list[Slot] | None:
    """Under a header whose first cell is a block label ("绩效指标（90分）"), a text-dump
    row one cell short may have lost that label's empty continuation: it is shifted
    right when its cells then suit the columns better (numbers under numbers, words
    under labels); a row that only lost a trailing cell stays as it is."""
    if not (header.label_first and len(row) == header.width - 1 and row and not row[0].from_above):
        return None
    plain, moved = align(row, header.width), align(shifted(row), header.width)
    return moved if _fit(moved, header.roles) > _fit(plain, header.roles) else None


@quirk("LAY004", "文本表格中跨多列的标签（如跨一至三级指标列的“预算执行率”）丢失了延续格：按内容对齐时在标签后补空格",
       stage="row")
def lost_span_continuations(row: list[Slot], header: Header) -> list[Slot] | None:
    """A text-dump row short of ``n`` cells whose leading label spanned several columns
    in the form (a 预算执行率 label across the level-1 … name columns): the ``n`` lost
    continuations are put back right after the label when the cells then suit the
    columns better; a row that only lost trailing cells stays as it is."""
    n = header.width - len(row)
    lead = next((k for k, s in enumerate(row) if not s.empty), None)
    if n < 1 or lead is None or looks_like_value(row[lead].text):
        return None
    r = row[lead].row
    moved = [*row[: lead + 1], *(Slot("", None, r, -1) for _ in range(n)), *row[lead + 1:]]
    plain = align(row, header.width)
    return moved if _fit(moved, header.roles) > _fit(plain, header.roles) else None
