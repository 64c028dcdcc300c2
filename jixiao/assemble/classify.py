"""Header rows: which block a row heads (budget, long-form budget, indicators) and
the role of each of its columns — from header wording (``normalize.headers``),
never from fixed positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from jixiao.assemble.tableview import Slot, align, distinct, shifted
from jixiao.assemble.values import is_number, looks_like_value
from jixiao.normalize.headers import budget_row_kind, header_role, header_unit, is_subtotal
from jixiao.normalize.roles import NUMERIC_KINDS, only_in, roles_in

Block = Literal["budget", "budget_long", "indicator"]

# roles that only a budget header has (its figures: money, rates, 行次), and only an indicator header
_BUDGET_ONLY = only_in("budget", NUMERIC_KINDS)
_INDICATOR_ONLY = only_in("indicator")
BLOCK_LABEL_ROLES = frozenset(roles_in("form", ("block",)))


@dataclass
class Header:
    block: Block
    row: list[Slot]
    roles: list[str | None]  # one per column of ``row``
    unit: str | None = None  # money unit stated in the header ("万元")
    block_label: Slot | None = None  # "预算执行情况（10分）" in the header's first cell
    sub_rows: list[list[Slot]] = field(default_factory=list)  # long form: second header row

    @property
    def label_first(self) -> bool:
        """The header's first cell is a block label ("预算执行情况（10分）")."""
        return self.block_label is not None and bool(self.row) and self.row[0] is self.block_label

    @property
    def width(self) -> int:
        return len(self.roles)

    def cols(self, role: str) -> list[int]:
        """Every column with ``role`` (a merged header cell covers several)."""
        out = []
        for k, r in enumerate(self.roles):
            if r == role and not (k > 0 and self.row[k].from_left and self.roles[k - 1] == role):
                out.append(k)
        return out

    def col(self, role: str) -> int | None:
        """The column of ``role``.  When a role heads several columns (一级指标 | 分值 |
        二级指标 | 分值 | 三级指标 | 分值), the one after the indicator name column is the
        indicator's; the others belong to the level columns before them."""
        ks = self.cols(role)
        if not ks:
            return None
        if len(ks) > 1 and "name" in self.roles:
            after = [k for k in ks if k > self.roles.index("name")]
            if after:
                return after[0]
        return ks[0]

    def level_weight_col(self, level: str) -> int | None:
        """A weight column right after a level column ("一级指标 | 分值"), when the
        indicator has its own weight column further right."""
        k = self.col(level)
        w = self.col("weight")
        if k is None or w is None or k + 1 >= len(self.roles):
            return None
        nxt = k + 1
        while nxt < len(self.roles) and self.row[nxt].from_left:
            nxt += 1
        return nxt if nxt < len(self.roles) and self.roles[nxt] == "weight" and nxt != w else None


def _roles(row: list[Slot], block: str) -> list[str | None]:
    return [None if s.empty else header_role(s.text, block) for s in row]


def _with_line_column(row: list[Slot], roles: list[str | None], block_label: Slot | None) -> list[str | None]:
    """A budget header whose line-label column has no heading (the national form's
    "项目资金（万元） | (blank) | 年初预算数 …"): the first unnamed column before the
    value columns holds the line labels."""
    if "line" in roles:
        return roles
    out = list(roles)
    for k, (s, role) in enumerate(zip(row, roles)):
        if role is not None:
            break
        if (block_label is not None and s.cell is block_label.cell) or s.from_left:
            continue
        out[k] = "line"
        break
    return out


def unmapped_cells(header: Header) -> list[Slot]:
    """Cells of a budget or indicator header whose wording maps to no column role: the
    values under them are not read (the block label and merged continuations aside).
    Long-form budget headers name funding lines, not roles, and are not checked."""
    if header.block == "budget_long":
        return []
    label = header.block_label.cell if header.block_label is not None else None
    return [s for s, role in zip(header.row, header.roles)
            if role is None and not s.empty and not s.from_left and not s.from_above
            and (label is None or s.cell is not label)]


def row_to_header(row: list[Slot]) -> Header | None:
    """A :class:`Header` when the row heads a budget or indicator block, else None."""
    cells = [s for _, s in distinct(row) if not s.empty and not s.from_above]
    if len(cells) < 2:
        return None
    b_roles = [r for r in (header_role(s.text, "budget") for s in cells) if r]
    i_roles = [r for r in (header_role(s.text, "indicator") for s in cells) if r]
    block_label = next((s for s in row if not s.empty and header_role(s.text, "form") in BLOCK_LABEL_ROLES), None)
    unit = next((u for u in (header_unit(s.text) for s in row) if u and u != "%"), None)
    if block_label is not None and unit is None:
        unit = header_unit(block_label.text)
    # long form: 项目 | 行次 | 年度总金额 | 财政资金 … (columns are funding lines)
    n_lines = sum(1 for s in cells if budget_row_kind(s.text) is not None or is_subtotal(s.text))
    if "row_no" in b_roles or ("line" in b_roles and n_lines >= 2 and len(set(b_roles) & _BUDGET_ONLY) == 0):
        roles = _roles(row, "budget")
        return Header("budget_long", row, roles, unit, block_label)
    nb = len(set(b_roles) & _BUDGET_ONLY)
    ni = len(set(i_roles) & _INDICATOR_ONLY)
    if nb >= 2 and len(b_roles) >= 3 and nb >= ni:
        return Header("budget", row, _with_line_column(row, _roles(row, "budget"), block_label), unit, block_label)
    if ni >= 2 and len(i_roles) >= 3:
        return Header("indicator", row, _roles(row, "indicator"), unit, block_label)
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


def align_to_header(row: list[Slot], header: Header) -> list[Slot]:
    """A data row aligned to the header's columns.  Under a header whose first cell
    is a block label ("绩效指标（90分）"), a row one cell short may have lost that
    label's empty continuation: it is shifted when its cells then suit the columns
    better.  Header cells merged down into the row (a grid) read as empty there."""
    if header.label_first and len(row) == header.width - 1 and row and not row[0].from_above:
        plain, moved = align(row, header.width), align(shifted(row), header.width)
        out = moved if _fit(moved, header.roles) > _fit(plain, header.roles) else plain
    else:
        out = align(row, header.width)
    top = header.row[0].row if header.row else -1
    return [Slot("", None, s.row, s.col) if s.cell is not None and s.cell.row <= top and s.from_above else s
            for s in out]


def refine_header(header: Header, row: list[Slot]) -> bool:
    """A second heading row right under ``header`` ("指标值" over "目标值 | 完成值"):
    when every cell of the row that is not a merged continuation names a role of
    the block, those columns take these roles.  Returns whether the row was one."""
    if header.block not in ("budget", "indicator"):
        return False
    block = header.block
    found: dict[int, str] = {}
    for k, s in enumerate(row):
        if s.empty or s.from_above or s.from_left:
            continue
        role = header_role(s.text, block)
        if role is None:
            return False
        found[k] = role
    if not found:
        return False
    for k, role in found.items():
        cell = row[k].cell
        span = cell.col_span if cell is not None else 1
        for j in range(k, min(k + span, len(header.roles))):
            header.roles[j] = role
    return True
