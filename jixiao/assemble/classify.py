"""Header rows: which block a row heads (budget, long-form budget, indicators) and
the role of each of its columns — from header wording (``normalize.headers``),
never from fixed positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from jixiao.assemble.label_model import ContentProfile
from jixiao.assemble.quirks import apply_row_quirks
from jixiao.assemble.tableview import Slot, align, distinct
from jixiao.assemble.values import clean_text, looks_like_value
from jixiao.normalize.headers import budget_row_kind, header_role, header_unit, is_subtotal, normalize_header
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
    paths: list[tuple[str, ...]] = field(default_factory=list)  # header texts over each column, top first
    evidence: list[list[str]] = field(default_factory=list)  # why each column has its role
    doubts: dict[int, str] = field(default_factory=dict)  # column → why its role was withdrawn
    rows: list[int] = field(default_factory=list)  # the table rows of the header
    profiles: list[ContentProfile] = field(default_factory=list)  # content of each column's data cells
    quirks: list[str] = field(default_factory=list)  # layout quirks applied (LAY…)
    first_roles: list[str] = field(default_factory=list)  # roles of the first heading row

    def __post_init__(self) -> None:
        if not self.paths:
            self.paths = [(clean_text(s.text),) if not s.empty else () for s in self.row]
        if not self.evidence:
            self.evidence = [[_why(s.text, r, self.block)] if r else [] for s, r in zip(self.row, self.roles)]
        if not self.rows and self.row:
            self.rows = [self.row[0].row]
        if not self.first_roles:
            self.first_roles = [r for r in self.roles if r]

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


def _why(text: str, role: str, block: str) -> str:
    """Evidence of a role chosen by wording: 表头“执行率（B/A）”→“执行率”"""
    n = normalize_header(text)
    shown = clean_text(text)
    return f"表头“{shown}”" + (f"→“{n}”" if n != shown.replace(" ", "") else "") + f" = {role}"


def _roles(row: list[Slot], block: str) -> list[str | None]:
    return [None if s.empty else header_role(s.text, block) for s in row]


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
        return Header("budget", row, _roles(row, "budget"), unit, block_label)
    if ni >= 2 and len(i_roles) >= 3:
        return Header("indicator", row, _roles(row, "indicator"), unit, block_label)
    return None


def align_to_header(row: list[Slot], header: Header) -> list[Slot]:
    """A data row aligned to the header's columns, after the row quirks (LAY002 a cell
    too many, LAY003 a lost block-label continuation).  Header cells merged down into
    the row (a grid) read as empty there."""
    quirked = apply_row_quirks(row, header)
    out = align(quirked if quirked is not None else row, header.width)
    top = max(header.rows) if header.rows else -1
    return [Slot("", None, s.row, s.col) if s.cell is not None and s.cell.row <= top and s.from_above else s
            for s in out]


def _parents(header: Header, row: list[Slot]) -> list[Slot] | None:
    """The header cell over each position of a second heading row; None when a text
    dump's wider sub row cannot be grouped under the header's cells."""
    parents: list[Slot] = list(header.row)
    if len(row) > len(parents):
        groups = _groups(row)
        if len(groups) != len(parents):
            return None
        parents = [parents[g] for g, grp in enumerate(groups) for _ in grp]
    return parents


def _child_role(child: Slot, parent: Slot | None, block: str) -> tuple[str | None, str]:
    """Role of a child heading cell on its path: its own wording, else the wording the
    path spells ("中期" under "指标值" → 中期指标值 → mid_target).  With the text matched."""
    role = header_role(child.text, block)
    if role is not None or parent is None or parent.empty:
        return role, child.text
    c, p = clean_text(child.text), clean_text(parent.text)
    for text in (c + p, p + c):
        role = header_role(text, block)
        if role is not None:
            return role, text
    return None, child.text


def _is_child(k: int, row: list[Slot]) -> bool:
    return k < len(row) and not row[k].empty and not row[k].from_above


def is_sub_header(header: Header, row: list[Slot]) -> bool:
    """Whether ``row`` is a second heading row under ``header``: no cell reads as a
    value, and at least half of its cells (and one at least) name a role of the block
    on their path."""
    if header.block not in ("budget", "indicator"):
        return False
    cells = [(k, s) for k, s in enumerate(row) if not s.empty and not s.from_above and not s.from_left]
    if not cells or any(looks_like_value(s.text) for _, s in cells):
        return False
    parents = _parents(header, row)
    if parents is None:
        return False
    known = sum(1 for k, s in cells
                if _child_role(s, parents[k] if k < len(parents) else None, header.block)[0] is not None)
    return known >= 1 and 2 * known >= len(cells)


def _groups(sub: list[Slot]) -> list[list[int]]:
    """Positions of a wider second heading row grouped under the header's cells: an
    empty position is a group of its own (a top cell spanning both rows), a run of
    labels one group (the children of one parent)."""
    groups: list[list[int]] = []
    prev_empty = True
    for k, s in enumerate(sub):
        if s.empty or prev_empty:
            groups.append([k])
        else:
            groups[-1].append(k)
        prev_empty = s.empty
    return groups


def refine_header(header: Header, row: list[Slot]) -> bool:
    """A second heading row right under ``header`` (预期指标值 over 指标描述 | 符号 | 指标值 |
    单位; 指标值 over 目标值 | 完成值; 指标值 over 中期 | 年度): every column gets the path
    parent / child and the role of its child on that path; a column with no child keeps
    its parent's role, and a child whose path names no role leaves its column without
    one (reported, never the parent's role).  A text dump's sub row is wider than its
    header: the runs of child cells are grouped under the header cells.  Returns
    whether the row was one."""
    if not is_sub_header(header, row):
        return False
    block = header.block
    parents = _parents(header, row) or list(header.row)
    width = max(len(parents), len(row))
    roles: list[str | None] = []
    paths: list[tuple[str, ...]] = []
    evidence: list[list[str]] = []
    slots: list[Slot] = []
    for k in range(width):
        parent = parents[k] if k < len(parents) else Slot("", None, row[0].row if row else 0, k)
        old = header.roles[header.row.index(parent)] if parent in header.row else None
        ptext = clean_text(parent.text)
        if not _is_child(k, row):
            roles.append(old)
            paths.append((ptext,) if ptext else ())
            evidence.append([_why(parent.text, old, block)] if old else [])
            slots.append(parent)
            continue
        child = row[k]
        role, matched = _child_role(child, parent, block)
        roles.append(role)
        paths.append(tuple(t for t in (ptext, clean_text(child.text)) if t))
        evidence.append([_why(matched, role, block) + (f"（路径 {ptext}/…）" if ptext else "")] if role else [])
        slots.append(child)
    header.row, header.roles, header.paths, header.evidence = slots, roles, paths, evidence
    header.rows.append(row[0].row if row else 0)
    return True
