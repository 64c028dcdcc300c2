"""The labelled-table stage: the one header detector for every table.

:func:`label_rows` walks a table's rows once and decides everything the readers
need: which rows are headers (one or several rows, paths composed from spans), the
role of every column with its evidence, where each block ends, the kind of every
row (header, sub-header, data, group label, total, form field, title), and which
cells were filled down from a merged cell.  Column contents vote with the header
(:mod:`jixiao.assemble.label_profile`); layout special cases are named quirks
(:mod:`jixiao.assemble.quirks`).  The readers (``reader``, ``budget``,
``indicators``, ``header_fields``) only map the result to the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.assemble import patterns as P
from jixiao.assemble.classify import Header, align_to_header, is_sub_header, refine_header, row_to_header
from jixiao.assemble.header_fields import form_role
from jixiao.assemble.label_model import ColumnLabel, LabeledBlock, LabeledRow, LabeledTable, RowKind
from jixiao.assemble.label_profile import certain_role, profile, vote
from jixiao.assemble.prose_vocab import VOCAB as PROSE
from jixiao.assemble.quirks import apply_block_quirks
from jixiao.assemble.tableview import Slot, distinct, lead
from jixiao.assemble.values import clean_text, looks_like_value
from jixiao.assemble.vocab import is_title_line
from jixiao.normalize.headers import budget_row_kind, fold_header, header_role, is_subtotal
from jixiao.normalize.roles import roles_in, spec

# the role rows of a long-form budget table (年初预算资金 … 预算执行率) and the money columns
_FIGURE_ROLES = roles_in("budget", ("money", "rate"))
_MONEY_ROLES = roles_in("budget", ("money",))
_PAIR_ROLES = frozenset(roles_in("budget", ("money", "rate", "score")))
# roles that fill a model field, per block: one column each
_FIELD_ROLES = {b: tuple(roles_in(b, with_field=True)) for b in ("budget", "indicator")}


@dataclass
class Labeling:
    """A labelled table and what its mappers need beside it: the :class:`Header` of
    each block (roles as decided) and, per row, the block it belongs to or closed."""

    table: LabeledTable
    headers: list[Header]
    kinds: list[RowKind]
    block_of: list[int | None]  # block a row belongs to
    closed: list[int | None]  # block a form row closed (its total row lines up with it)
    pairs: dict[int, list[tuple[Slot, Slot]]] = field(default_factory=dict)  # label–value budget rows
    # budget rows of line labels and amounts without an amount header: row → (block label, pairs)
    amounts: dict[int, tuple[Slot | None, list[tuple[Slot, Slot]]]] = field(default_factory=dict)


def _is_long_sub_header(row: list[Slot]) -> bool:
    """Second row of a two-level long-form header: funding-line labels, no role row label."""
    ld = lead(row)
    if ld is None:
        return False
    labels = [s for s in row if not s.empty and not s.from_above]
    return bool(labels) and header_role(ld[1].text, "budget") not in _FIGURE_ROLES and all(
        budget_row_kind(s.text) is not None or is_subtotal(s.text) for s in labels)


def ends_block(row: list[Slot], header: Header) -> bool:
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
        # (a blank cell there, or the same label written again, is the label going on
        # after a page break)
        k = bl.col
        if row[0].row >= bl.cell.row + bl.cell.row_span and k < len(row) and not row[k].empty \
                and fold_header(row[k].text) != fold_header(bl.text):
            return True
    ld = lead(row)
    if ld is None:
        return False
    role = form_role(ld[1].text)
    if header.block == "budget":
        if budget_row_kind(ld[1].text) is not None:
            return False
        if role is None:
            money = [k for k, r in enumerate(header.roles) if r in _MONEY_ROLES]
            return not any(k < len(row) and looks_like_value(row[k].text) for k in money)
    if role is None or role in ("budget_block", "indicator_block"):
        return False
    return True


def same_columns(a: Header, b: Header) -> bool:
    return [r for r in a.roles if r] == [r for r in b.roles if r]


def repeats(h: Header, open_header: Header) -> bool:
    """``h`` repeats the heading of the open indicator block (after a page break): the
    same roles as the block's composed header, or as its first heading row."""
    return open_header.block == "indicator" and h.block == "indicator" and (
        same_columns(h, open_header) or [r for r in h.roles if r] == open_header.first_roles)


def value_pairs(row: list[Slot]) -> list[tuple[Slot, Slot]]:
    """A label–value budget row (预算数 | 86.40 | 到位数 | 86.40 | 执行数 | 82.08 | 得分 | 9.50):
    the (label, value) pairs whose label names a budget figure; empty unless two at least."""
    cells = [s for _, s in distinct(row) if not s.empty and not s.from_above]
    out: list[tuple[Slot, Slot]] = []
    for a, b in zip(cells, cells[1:]):
        if header_role(a.text, "budget") in _PAIR_ROLES and looks_like_value(b.text):
            out.append((a, b))
    return out if len(out) >= 2 else []


def line_amounts(row: list[Slot], width: int | None) -> tuple[Slot | None, list[tuple[Slot, Slot]]] | None:
    """A budget block written as funding lines and their amounts, with no header naming the
    amount (a target declaration: 项目资金（万元） | 年度资金总额 | 120, then 其中：财政拨款 | 100
    on the rows below, the block label merged down): the block label and the (line label,
    amount) pairs of the row.  The row opens with the block label (written, or merged down
    from the row above), or continues such a row (``width``: the number of pairs its first row
    gave, None when no such block is open).  Every other cell is a label followed by a value;
    the pairs read are the leading ones whose label is a funding line (年度资金总额 … ; a
    second group such as 中期资金总额 | 3600 is left), at most ``width`` on a continuing row.
    None for any other row."""
    cells = [s for _, s in distinct(row) if not s.empty]
    label: Slot | None = None
    if cells and form_role(cells[0].text) == "budget_block":
        label, cells = cells[0], cells[1:]
        width = None
    elif width is None:
        return None
    cells = [s for s in cells if not s.from_above]
    if not cells or len(cells) % 2:
        return None
    pairs = list(zip(cells[::2], cells[1::2]))
    if not all(not looks_like_value(a.text) and looks_like_value(b.text) for a, b in pairs):
        return None
    n = 0
    while n < len(pairs) and budget_row_kind(pairs[n][0].text) is not None:
        n += 1
    if n == 0:
        return None
    return label, pairs[: n if width is None else min(n, width)]


def _vote_columns(header: Header, data: list[list[Slot]]) -> None:
    """Content profiles of the block's columns vote with the header (roles updated in place)."""
    block = "budget" if header.block.startswith("budget") else header.block
    if header.block not in ("budget", "indicator"):
        return
    aligned = [align_to_header(row, header) for row in data]
    present = {r for r in header.roles if r}
    header.profiles = []
    for k in range(header.width):
        cells = [row[k] for row in aligned if k < len(row) and not row[k].from_above]
        prof = profile(cells)
        header.profiles.append(prof)
        if k > 0 and header.row[k].from_left:
            continue
        v = vote(header.roles[k], prof, present, block)
        if v is None:
            if header.roles[k] is not None and prof.filled:
                header.evidence[k].append("内容相符")
            continue
        header.roles[k] = v.role
        header.evidence[k].append(v.evidence)
        if v.doubt:
            header.doubts[k] = v.doubt
        if v.role:
            present.add(v.role)
    if header.block == "indicator":
        _level_columns(header, aligned, present)
    if header.block == "budget":
        _line_column(header, aligned, present)
    split = _split_spans(header, present, block)
    # a merged header cell's continuations follow their first column
    for k in range(1, header.width):
        if k not in split and header.row[k].from_left and header.row[k].cell is header.row[k - 1].cell:
            header.roles[k] = header.roles[k - 1]
    _repeated_roles(header, block)


def _repeated_roles(header: Header, block: str) -> None:
    """A field role heading two columns right of the indicator name (or funding line) column
    (level weights left of it are the 一级指标 | 分值 layout) is a doubt: the header was
    misread or split, and only the first column is read.  Said on the other columns, so the rules
    treat what depends on the block as possibly mis-extracted."""
    name = header.col("name") if block == "indicator" else header.col("line")
    if name is None:  # no indicator (or funding line) is read from the block
        return
    for role in _FIELD_ROLES.get(block, ()):
        ks = [k for k in header.cols(role) if k > name]
        for k in ks[1:]:
            header.doubts.setdefault(k, f"与第{ks[0] + 1}列同读作“{spec(role).zh}”，表头或分列可能有误，只读取第{ks[0] + 1}列")


def _line_column(header: Header, aligned: list[list[Slot]], present: set[str]) -> None:
    """The first column of a budget block whose cells are all funding-line labels (合计,
    年度资金总额, 其中：财政资金 …) is the line column the block lacks, whatever its header
    says (资金执行情况（万元） heading the labels reads like the 执行数 wording)."""
    if "line" in present:
        return
    for k in range(header.width):
        if k > 0 and header.row[k].from_left:
            continue
        cells = [row[k] for row in aligned if k < len(row) and not row[k].from_above and not row[k].empty]
        if not cells:
            continue
        was = header.roles[k]
        if all(budget_row_kind(s.text) is not None and not looks_like_value(s.text) for s in cells) and (
                was is None or was in _MONEY_ROLES and len(header.cols(was)) > 1):
            header.roles[k] = "line"
            header.evidence[k].append("内容确定 line: 各格均为资金来源名称" + (f"（不是 {was}）" if was else ""))
            present.add("line")
        return


def _spans(header: Header) -> list[list[int]]:
    """Groups of two or more columns under one merged header cell."""
    groups: list[list[int]] = []
    for k in range(header.width):
        if k > 0 and header.row[k].from_left and header.row[k].cell is header.row[k - 1].cell:
            groups[-1].append(k)
        else:
            groups.append([k])
    return [g for g in groups if len(g) > 1]


def _split_spans(header: Header, present: set[str], block: str) -> set[int]:
    """A header cell spanning a column of bare signs (or units) and a column of values
    (年度指标值 over ``≥`` | ``30公里``): the sign column is the comparator (the unit column the
    unit) the block lacks, the other keeps the header's role.  The columns so split."""
    out: set[int] = set()
    for group in _spans(header):
        role = header.roles[group[0]]
        if role is None:
            continue
        certain: dict[int, str] = {}
        for k in group:
            cand = certain_role(header.profiles[k], present, block)
            if cand is not None and cand not in certain.values():
                certain[k] = cand
        rest = [k for k in group if k not in certain]
        if not certain or not rest:
            continue
        for k, cand in certain.items():
            header.roles[k] = cand
            header.evidence[k].append(f"内容确定 {cand}: {header.profiles[k].summary()}（合并表头下的一列）")
            present.add(cand)
        for k in rest:
            header.roles[k] = role
        out.update(group)
    return out


def _is_level_name(text: str) -> bool:
    """"产出指标", "社会效益指标", "效益指标（30分）": a name of an indicator level."""
    t = clean_text(text)
    m = P.SCORE_LABEL.match(t)
    if m and m.group("label"):
        t = m.group("label")
    return 2 < len(t) <= 12 and t.endswith(PROSE.indicators.level2_suffix) and not any(ch.isdigit() for ch in t)


def _level_columns(header: Header, aligned: list[list[Slot]], present: set[str]) -> None:
    """Columns left of the indicator name that no header names (指标类别 | 指标子类) and whose
    cells are all level names (产出指标 …, 数量指标 …) are the level-1 and level-2 columns the
    block lacks, in that order."""
    name = header.col("name")
    missing = [r for r in ("level1", "level2") if r not in present]
    if name is None or not missing:
        return
    for k in range(min(name, header.width)):
        if not missing:
            break
        if header.roles[k] is not None or (k > 0 and header.row[k].from_left):
            continue
        cells = [row[k] for row in aligned if k < len(row) and not row[k].from_above and not row[k].empty]
        if len(cells) >= 2 and all(_is_level_name(s.text) for s in cells):
            role = missing.pop(0)
            header.roles[k] = role
            header.evidence[k].append(f"内容确定 {role}: 各格均为指标层级名称（…{PROSE.indicators.level2_suffix}）")
            present.add(role)


def _block_model(seq: int, h: Header) -> LabeledBlock:
    cols = []
    profs = getattr(h, "profiles", [])
    for k, role in enumerate(h.roles):
        if k > 0 and h.row[k].from_left and h.row[k].cell is h.row[k - 1].cell and role == h.roles[k - 1]:
            continue
        path = h.paths[k] if k < len(h.paths) else ()
        if not path and role is None:
            continue
        cols.append(ColumnLabel(col=k, path=path, role=role, evidence=tuple(h.evidence[k]) if k < len(h.evidence)
                                else (), profile=profs[k] if k < len(profs) else profile([]),
                                doubt=h.doubts.get(k)))
    return LabeledBlock(seq=seq, kind=h.block, header_rows=tuple(h.rows), columns=tuple(cols), unit=h.unit,
                        block_label=h.block_label.text if h.block_label is not None else None,
                        quirks=tuple(h.quirks))


def label_rows(rows: list[list[Slot]], table_no: int = 0) -> Labeling:
    """Label every row of a table (see the module docstring)."""
    headers: list[Header] = []
    kinds: list[RowKind] = []
    block_of: list[int | None] = []
    closed: list[int | None] = []
    pairs: dict[int, list[tuple[Slot, Slot]]] = {}
    amounts: dict[int, tuple[Slot | None, list[tuple[Slot, Slot]]]] = {}
    data: dict[int, list[list[Slot]]] = {}
    header: Header | None = None
    cur: int | None = None
    data_rows = 0
    repeating = False  # inside a repeated heading (its second row follows)

    def close() -> None:
        nonlocal header, cur
        if header is not None and cur is not None:
            apply_block_quirks(header, data.get(cur, []))
            _vote_columns(header, data.get(cur, []))
        header, cur = None, None

    def put(kind: RowKind, block: int | None, closing: int | None = None) -> None:
        kinds.append(kind)
        block_of.append(block)
        closed.append(closing)

    for r, row in enumerate(rows):
        if header is not None and repeating and is_sub_header(header, row):
            put("repeat_header", cur)
            continue
        repeating = False
        if header is not None and data_rows == 0 and refine_header(header, row):
            put("sub_header", cur)
            continue
        data_rows += 1
        vp = value_pairs(row)
        la = None if vp or header is not None else line_amounts(row, len(amounts[r - 1][1]) if r - 1 in amounts
                                                                 else None)
        if la is not None:
            amounts[r] = la
            put("budget_amounts", None)
            continue
        h = None if vp else row_to_header(row)
        if h is not None:
            data_rows = 0
            if header is not None and repeats(h, header):
                put("repeat_header", cur)  # a heading repeated on a new page: the block goes on
                repeating = len(header.rows) > 1
                data_rows = 1
                continue
            close()
            header, cur = h, len(headers)
            headers.append(h)
            data[cur] = []
            put("header", cur)
            continue
        if header is not None and cur is not None and not vp and not ends_block(row, header):
            if header.block == "budget_long" and not data[cur] and _is_long_sub_header(row):
                header.sub_rows.append(row)
                put("sub_header", cur)
                continue
            data[cur].append(row)
            kind: RowKind = "data"
            if header.block == "indicator":
                k = header.col("name")
                aligned = align_to_header(row, header)
                if k is not None and (k >= len(aligned) or aligned[k].empty):
                    kind = "group"
            put(kind, cur)
            continue
        closing = cur
        close()
        texts = [s for _, s in distinct(row) if not s.empty and not s.from_above]
        if vp:
            pairs[r] = vp
            put("budget_pairs", None, closing)
        elif not texts:
            put("blank", None, closing)
        elif len(texts) == 1 and texts[0].prov is not None and is_title_line(texts[0].text):
            put("title", None, closing)
        elif form_role(texts[0].text) == "total":
            put("total", None, closing)
        else:
            put("form", None, closing)
    close()
    filled = [tuple(k for k, s in enumerate(row) if s.from_above and not s.empty) for row in rows]
    table = LabeledTable(
        table=table_no,
        blocks=tuple(_block_model(i, h) for i, h in enumerate(headers)),
        rows=tuple(LabeledRow(row=r, kind=kinds[r], block=block_of[r], filled=filled[r]) for r in range(len(rows))),
    )
    return Labeling(table, headers, kinds, block_of, closed, pairs, amounts)


def rows_to_labeled(rows: list[list[Slot]], table_no: int = 0) -> LabeledTable:
    """The :class:`LabeledTable` of a table's rows."""
    return label_rows(rows, table_no).table
