"""Budget tables → :class:`BudgetLine` s.

Two shapes:

- row per line (四川 form): columns by role (line | initial | adjusted | executed |
  rate | weight | score | reason), one row per funding line (总额, 其中：财政资金 …);
- transposed long form (行次): rows are roles (年初预算资金 (1) … 预算执行率 (7)),
  columns are funding lines under a one- or two-level header (年度总金额 | 财政资金:
  小计 中央级 省级 … | 上年结转资金 | 其他资金).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from jixiao.assemble import patterns as P
from jixiao.assemble.classify import Header
from jixiao.assemble.tableview import Slot, row_prov
from jixiao.assemble.values import clean_text, quantity, text_item
from jixiao.extract.raw import RawTable
from jixiao.model import BudgetLine, Kind, LineKind, Quantity
from jixiao.normalize.headers import budget_row_kind, header_role, header_unit, is_subtotal, normalize_header
from jixiao.normalize.roles import display, roles_in

MONEY_ROLES = roles_in("budget", ("money",))
RATE_ROLES = roles_in("budget", ("rate",))
SCORE_ROLES = roles_in("budget", ("score",))
# roles with a BudgetLine quantity field
LINE_FIELDS = frozenset(roles_in("budget", ("money", "rate", "score"), with_field=True))


def _value(role: str, slot: Slot, money_unit: str | None, rate_unit: str | None = None) -> Quantity:
    if role in MONEY_ROLES:
        return quantity(slot.text, slot.prov, money_unit)
    if role in RATE_ROLES:
        return quantity(slot.text, slot.prov, rate_unit)
    return quantity(slot.text, slot.prov)


def row_to_line(header: Header, row: list[Slot], seq: int, source: str, table: RawTable) -> BudgetLine | None:
    """One row of the row-per-line form; None when the row has no line label."""
    c_line = header.col("line")
    label_slot = row[c_line] if c_line is not None and c_line < len(row) else None
    if label_slot is None or label_slot.empty:
        return None
    label = clean_text(label_slot.text)
    kind, depth = budget_row_kind(label) or (LineKind.OTHER, 1)
    values: dict[str, object] = {}
    for k, role in enumerate(header.roles):
        if role is None or k >= len(row) or role in values:
            continue
        s = row[k]
        if role in LINE_FIELDS:
            values[role] = _value(role, s, header.unit)
        elif role == "reason":
            values["reason"] = text_item(s.text, s.prov)
    return BudgetLine(seq=seq, line=label, kind=kind, depth=depth, money_unit=header.unit,
                      prov=row_prov(source, table, row), **values)  # type: ignore[arg-type]


def pairs_to_line(pairs: list[tuple[Slot, Slot]], label: Slot | None, source: str, table: RawTable,
                  row: list[Slot]) -> BudgetLine:
    """A label–value budget row (预算数 | 86.40 | 到位数 | 86.40 | 执行数 | 82.08 | 得分 | 9.50)
    → the one (total) budget line it states; the money unit from the block label."""
    unit = header_unit(label.text) if label is not None else None
    values: dict[str, object] = {}
    for lab, val in pairs:
        role = header_role(lab.text, "budget")
        if role in LINE_FIELDS and role not in values:
            values[role] = _value(role, val, unit or header_unit(lab.text), header_unit(lab.text))
    name = normalize_header(label.text) if label is not None else ""
    return BudgetLine(seq=0, line=name or display("budget_block"), kind=LineKind.TOTAL, depth=0, money_unit=unit,
                      prov=row_prov(source, table, row), **values)  # type: ignore[arg-type]


def amounts_to_lines(rows: list[tuple[Slot | None, list[tuple[Slot, Slot]]]], source: str, table: RawTable,
                     cells: list[list[Slot]]) -> list[BudgetLine]:
    """Funding lines written with their amounts and no header naming the amount (a target
    declaration's 项目资金（万元） | 年度资金总额 | 120 | 其中：财政拨款 | 100): each amount is the
    line's budget as planned for the year, read as ``initial`` (年初预算数); the money unit from
    the block label."""
    unit = next((header_unit(lab.text) for lab, _ in rows if lab is not None and header_unit(lab.text)), None)
    out: list[BudgetLine] = []
    for (_, pairs), row in zip(rows, cells, strict=True):
        for name, amount in pairs:
            label = clean_text(name.text)
            kind, depth = budget_row_kind(label) or (LineKind.OTHER, 1)
            out.append(BudgetLine(seq=len(out), line=label, kind=kind, depth=depth, money_unit=unit,
                                  initial=quantity(amount.text, amount.prov, unit),
                                  prov=row_prov(source, table, row)))
    return out


def with_block_points(lines: list[BudgetLine], label: Slot | None) -> list[BudgetLine]:
    """Points stated in the budget block's title ("预算执行情况（万元）（20分）") are the
    weight of the total line, when no line states a weight of its own."""
    if not lines or label is None or any(ln.weight is not None and ln.weight.kind != Kind.EMPTY for ln in lines):
        return lines
    m = P.SCORE_LABEL.match(clean_text(label.text))
    if not m or not m.group("label"):
        return lines
    k = next((i for i, ln in enumerate(lines) if ln.depth == 0), 0)
    out = list(lines)
    out[k] = lines[k].model_copy(update={"weight": quantity(m.group("num"), label.prov)})
    return out


def _without_unit(text: str) -> str:
    """"年度总金额(万元)" → "年度总金额"."""
    t = clean_text(text)
    return P.TRAILING_PAREN.sub("", t) if header_unit(t) else t


@dataclass
class _Column:
    col: int
    label: str
    kind: LineKind
    depth: int
    unit: str | None
    slot: Slot


def _groups(sub: list[Slot]) -> list[list[int]]:
    """Column groups of a second header row: an empty position is a group of its
    own (a top cell spanning both rows); a run of labels is one group, a 小计
    starting a new one."""
    groups: list[list[int]] = []
    prev_empty = True
    for k, s in enumerate(sub):
        if s.empty:
            groups.append([k])
            prev_empty = True
        elif prev_empty or is_subtotal(s.text):
            groups.append([k])
            prev_empty = False
        else:
            groups[-1].append(k)
    return groups


def _top_per_column(top: list[Slot], sub: list[Slot] | None) -> list[Slot]:
    """The top header cell over each column."""
    if sub is None or len(top) >= len(sub):
        return top
    groups = _groups(sub)
    if len(groups) != len(top):
        return top + [Slot("", None)] * (len(sub) - len(top))
    out: list[Slot] = []
    for g, t in zip(groups, top):
        out.extend([t] * len(g))
    return out


def long_form_columns(header: Header) -> list[_Column]:
    """Funding-line columns of a long-form header (one or two rows)."""
    sub = header.sub_rows[0] if header.sub_rows else None
    tops = _top_per_column(header.row, sub)
    width = max(len(tops), len(sub) if sub else 0)
    units = [u for u in (header_unit(s.text) for s in [*header.row, *(sub or [])]) if u and u != "%"]
    table_unit = header.unit or (Counter(units).most_common(1)[0][0] if units else None)
    cols: list[_Column] = []
    for k in range(width):
        top = tops[k] if k < len(tops) else Slot("")
        if header_role(top.text, "budget") in ("line", "row_no"):
            continue
        child = sub[k] if sub is not None and k < len(sub) else None
        if child is not None and (child.empty or child.cell is top.cell):
            child = None
        parent_kind = budget_row_kind(top.text)
        top_label = _without_unit(top.text)
        unit = header_unit(top.text) or table_unit
        if child is None:
            if top.empty:
                continue
            kind, depth = parent_kind or (LineKind.OTHER, 1)
            cols.append(_Column(k, top_label, kind, depth, unit, top))
            continue
        child_label = clean_text(child.text)
        if is_subtotal(child.text):
            kind, depth = parent_kind or (LineKind.OTHER, 1)
            cols.append(_Column(k, top_label + child_label, kind, depth, unit, child))
            continue
        kd = budget_row_kind(child.text, parent_kind) if parent_kind else budget_row_kind(child.text)
        kind, depth = kd or ((parent_kind[0], parent_kind[1] + 1) if parent_kind else (LineKind.OTHER, 2))
        cols.append(_Column(k, child_label, kind, depth, header_unit(child.text) or unit, child))
    return cols


def long_form_to_lines(header: Header, rows: list[list[Slot]], source: str, seq0: int = 0) -> list[BudgetLine]:
    """Read the role rows of a long-form budget table into one BudgetLine per column."""
    cols = long_form_columns(header)
    c_line = header.col("line")
    c_line = 0 if c_line is None else c_line
    values: dict[int, dict[str, object]] = {c.col: {} for c in cols}
    for row in rows:
        if c_line >= len(row):
            continue
        label = row[c_line].text
        role = header_role(label, "budget")
        if role not in LINE_FIELDS or role in SCORE_ROLES:
            continue
        rate_unit = header_unit(label) or "%"
        for c in cols:
            if c.col >= len(row) or role in values[c.col]:
                continue
            values[c.col][role] = _value(role, row[c.col], c.unit, rate_unit)
    out: list[BudgetLine] = []
    for i, c in enumerate(cols):
        out.append(BudgetLine(seq=seq0 + i, line=c.label, kind=c.kind, depth=c.depth, money_unit=c.unit,
                              prov=c.slot.prov, **values[c.col]))  # type: ignore[arg-type]
    return out
