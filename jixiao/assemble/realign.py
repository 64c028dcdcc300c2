"""Re-align ``spaced`` and ``pipe`` tables into a grid under their header.

A pdftotext row lost its blank cells and may have split a cell at a space; a
pipe row may be ragged.  :func:`realign_table` returns a table shaped like a
``cells`` dump (every data row as wide as its header, empty cells where
nothing was written), keeping the dialect it came from:

- header rows are found by header roles (:func:`jixiao.normalize.headers.header_role`);
  a header cell split at a space is glued back when the glued text has a role;
- a value split from its unit is glued back ("=2" "次" → "=2 次", "1" "个月" →
  "1 个月") unless the header has a unit column (:func:`jixiao.normalize.is_unit`);
- each data row's tokens are placed under the header by an order-keeping
  alignment that scores how well a token fits a column role (a bare number
  fits weight/score, "≥80%" fits target/actual …) and what leaving a column
  empty costs (nothing for level-1/level-2 — filled down later — much for
  weight): missing leading cells end up empty, numeric tails stay right;
- a floating level-1 label and a floating weight ("40" / "产出目标",
  "效益指标" / "30") become one row: label in the first column, weight in the
  weight column; so does a row of just a label and a number ("产出指标 50");
- rows led by a form label (总计, 评价等级 …) keep it in the first column;
- a long-form budget table (行次 column, two-level header 财政资金 / 小计 中央级 …)
  gets its header columns spread over the sub-header; a data row is placed
  whole only when it has a value for every column, else only its leading
  (合计) value is placed and the rest left empty — never guessed.

Rows that come before any header are kept as written.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.assemble.realign_fit import Tok, assign_columns, glue_units, is_label, merge_tokens, token_class
from jixiao.extract.raw import RawCell, RawTable
from jixiao.model import LineKind
from jixiao.normalize.headers import budget_row_kind, header_role, is_subtotal

_BLOCKS = ("indicator", "budget")


@dataclass
class _Header:
    kind: str  # "rows" (one line per row) or "long" (long-form budget, 行次 column)
    block: str
    roles: list[str | None]
    cells: list[Tok]
    sub: list[Tok | None] | None = None  # long form: the second header row, per column


# ------------------------------------------------------------------ headers


def _role(text: str, block: str) -> str | None:
    return header_role(text, block)


def _glue_header(toks: list[Tok], block: str) -> list[Tok]:
    """A header cell split at a space ("度量" "单位") is glued when the whole has a role."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i + 1 < len(toks) and _role(t.text, block) is None:
            glued = merge_tokens(t, toks[i + 1], "")
            if _role(glued.text, block) is not None:
                out.append(glued)
                i += 2
                continue
        out.append(t)
        i += 1
    return out


def _header_of(toks: list[Tok], keep_positions: bool) -> _Header | None:
    """The header a row is, if it is one.  ``keep_positions`` (pipe rows): empty
    cells stay columns and nothing is glued."""
    texts = [t.text for t in toks if t.text]
    if len(texts) < 2 or any(token_class(x) in ("num", "pct", "cmpval", "qty") for x in texts):
        return None
    best: _Header | None = None
    best_hits = 0
    for block in _BLOCKS:
        cells = toks if keep_positions else _glue_header([t for t in toks if t.text], block)
        roles = [_role(t.text, block) if t.text else None for t in cells]
        hits = sum(r is not None for r in roles)
        if "row_no" in roles:
            return _Header("long", "budget", roles, cells)
        if hits > best_hits:
            best, best_hits = _Header("rows", block, roles, cells), hits
    if best is not None and (best_hits >= 3 or best_hits * 2 >= len(texts) + 1):
        return best
    return None


def _is_sub_header(toks: list[Tok]) -> bool:
    texts = [t.text for t in toks if t.text]
    return len(texts) >= 2 and all(
        token_class(x) not in ("num", "pct", "code") for x in texts
    ) and all(is_subtotal(x) or budget_row_kind(x) is not None for x in texts)


def _spread_long_header(h: _Header, sub: list[Tok]) -> _Header:
    """Columns of a two-level long-form header.

    The sub-header splits into groups at each 小计; the groups belong, in order,
    to the parent columns after the total column (合计 / 年度总金额 — else after
    the first value column).  The header is returned unspread (``sub`` None)
    when the groups do not fit.
    """
    groups: list[list[Tok]] = []
    for t in sub:
        if is_subtotal(t.text) or not groups:
            groups.append([t])
        else:
            groups[-1].append(t)
    code = h.roles.index("row_no")
    # the parents after 行次 and after the total column (合计 / 年度总金额) take the groups
    after = list(range(code + 1, len(h.cells)))
    totals = [k for k in after if (budget_row_kind(h.cells[k].text) or (None, 0))[0] == LineKind.TOTAL]
    parents = [k for k in after if k > (totals[0] if totals else code + 1)] if after else []
    if not groups or len(groups) > len(parents) or not is_subtotal(groups[0][0].text):
        return h
    spanning = set(parents[: len(groups)])
    cells: list[Tok] = []
    roles: list[str | None] = []
    subs: list[Tok | None] = []
    g = iter(groups)
    for k, (t, r) in enumerate(zip(h.cells, h.roles)):
        if k in spanning:
            for j, s in enumerate(next(g)):
                cells.append(t if j == 0 else Tok("", t.prov))
                roles.append(r)
                subs.append(s)
        else:
            cells.append(t)
            roles.append(r)
            subs.append(None)
    return _Header("long", h.block, roles, cells, subs)


def _long_header_rows(h: _Header, at: int, spans: dict[tuple[int, int], tuple[int, int]]
                      ) -> list[dict[int, Tok]]:
    """The two header rows of a spread long-form header; spans recorded in ``spans``:
    a parent spans its sub-columns, a column without sub-columns spans both rows."""
    subs = h.sub or [None] * len(h.cells)
    top = {k: t for k, t in enumerate(h.cells) if t.text}
    for k in top:
        n = 1
        while k + n < len(h.cells) and not h.cells[k + n].text and subs[k + n] is not None:
            n += 1
        spans[(at, k)] = (1, n) if subs[k] is not None else (2, 1)
    return [top, {k: s for k, s in enumerate(subs) if s is not None}]


# ------------------------------------------------------------------ alignment


def _place_row(toks: list[Tok], h: _Header) -> dict[int, Tok]:
    """Tokens of one data row under a row-per-line header."""
    if "unit" not in h.roles:
        toks = glue_units(toks)
    # a row led by a form label (总计, 评价等级) keeps it in the first column
    if toks and header_role(toks[0].text, "form") in ("total", "grade"):
        cols = assign_columns([token_class(t.text) for t in toks[1:]], h.roles[1:])
        if cols is not None:
            return {0: toks[0], **{c + 1: t for c, t in zip(cols, toks[1:])}}
    cols = assign_columns([token_class(t.text) for t in toks], h.roles)
    if cols is None:  # more tokens than columns: keep them as written
        return dict(enumerate(toks))
    return dict(zip(cols, toks))


def _group_row(label: Tok | None, weight: Tok | None, h: _Header) -> dict[int, Tok]:
    out: dict[int, Tok] = {}
    if label is not None:
        out[0] = label
    if weight is not None:
        k = h.roles.index("weight") if "weight" in h.roles else (1 if label is not None else 0)
        if k in out:  # a header whose weight column is the first one: the label keeps it
            k = next(j for j in range(len(h.roles) + 1) if j not in out)
        out[k] = weight
    return out


def _place_long_row(toks: list[Tok], h: _Header) -> dict[int, Tok]:
    """A long-form budget row: label, 行次, values — whole when complete, else 合计 only."""
    code_col = h.roles.index("row_no")
    value_cols = list(range(code_col + 1, len(h.roles)))
    out: dict[int, Tok] = {}
    k = 0
    labels = []
    while k < len(toks) and token_class(toks[k].text) != "code" and is_label(toks[k].text):
        labels.append(toks[k])
        k += 1
    for j, t in enumerate(labels[:code_col]):
        out[j] = t
    if k < len(toks) and token_class(toks[k].text) == "code":
        out[code_col] = toks[k]
        k += 1
    values = toks[k:]
    if len(values) == len(value_cols):
        out.update(zip(value_cols, values))
    elif values and value_cols:
        out[value_cols[0]] = values[0]
    return out


# ------------------------------------------------------------------ table


def _lone(toks: list[Tok]) -> str | None:
    if len(toks) != 1:
        return None
    cls = token_class(toks[0].text)
    if cls == "num":
        return "num"
    return "label" if is_label(toks[0].text) else None


def _rows_of(table: RawTable) -> list[list[Tok]]:
    return [[Tok(c.text, c.prov) for c in r] for r in table.rows()]


def realign_table(table: RawTable) -> RawTable:
    """A ``spaced``/``pipe`` table as a grid under its header (see the module docstring).

    A ``stream`` table gets its rows back from :mod:`.realign_stream`; other
    dialects are returned unchanged.
    """
    if table.dialect == "stream":
        from jixiao.assemble.realign_stream import stream_to_cells

        return stream_to_cells(table)
    if table.dialect not in ("spaced", "pipe"):
        return table
    rows = _rows_of(table)
    out: list[dict[int, Tok]] = []
    spans: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) → (row_span, col_span)
    h: _Header | None = None
    i = 0
    while i < len(rows):
        toks = [t for t in rows[i] if t.text] if table.dialect == "spaced" else rows[i]
        words = [t for t in toks if t.text]
        new_h = _header_of(toks, table.dialect == "pipe") if words else None
        if new_h is not None:
            sub = [t for t in rows[i + 1] if t.text] if i + 1 < len(rows) else []
            if new_h.kind == "long" and _is_sub_header(sub):
                spread = _spread_long_header(new_h, sub)
                if spread.sub is not None:
                    h = spread
                    out.extend(_long_header_rows(h, len(out), spans))
                    i += 2
                    continue
            h = new_h
            out.append({k: t for k, t in enumerate(h.cells) if t.text or table.dialect == "pipe"})
            i += 1
            continue
        if h is None or (table.dialect == "pipe" and len(toks) >= len(h.roles)):
            out.append({k: t for k, t in enumerate(toks)})
            i += 1
            continue
        if h.kind == "long":
            out.append(_place_long_row(words, h))
            i += 1
            continue
        # a floating level-1 label and a floating weight make one group row
        kind = _lone(words)
        nxt = [t for t in rows[i + 1] if t.text] if i + 1 < len(rows) else []
        nkind = _lone(nxt) if nxt else None
        if kind and nkind and {kind, nkind} == {"num", "label"}:
            label, weight = (words[0], nxt[0]) if kind == "label" else (nxt[0], words[0])
            out.append(_group_row(label, weight, h))
            i += 2
            continue
        if kind == "label":
            out.append(_group_row(words[0], None, h))
        elif kind == "num":
            out.append(_group_row(None, words[0], h))
        elif h.block == "indicator" and len(words) == 2 and _lone(words[:1]) == "label" \
                and _lone(words[1:]) == "num":
            # "产出指标 50" on one line: a group row too
            out.append(_group_row(words[0], words[1], h))
        else:
            out.append(_place_row(words, h))
        i += 1
    return _to_table(table, out, spans)


def _to_table(table: RawTable, rows: list[dict[int, Tok]],
              spans: dict[tuple[int, int], tuple[int, int]]) -> RawTable:
    width = max((max(r) + 1 for r in rows if r), default=0)
    covered: set[tuple[int, int]] = set()
    for (r, k), (rs, cs) in spans.items():
        covered |= {(r + a, k + b) for a in range(rs) for b in range(cs)} - {(r, k)}
    cells: list[RawCell] = []
    for r, row in enumerate(rows):
        if not row:
            continue
        row_prov = next(iter(row.values())).prov
        for k in range(max(row) + 1 if table.dialect == "pipe" else width):
            if (r, k) in covered:
                continue
            t = row.get(k)
            if t is None:
                prov = row_prov.model_copy(update={"row": r, "col": k, "text": ""})
                cells.append(RawCell(row=r, col=k, text="", prov=prov))
                continue
            rs, cs = spans.get((r, k), (1, 1))
            cells.append(RawCell(row=r, col=k, row_span=rs, col_span=cs, text=t.text,
                                 prov=t.prov.model_copy(update={"row": r, "col": k})))
    return table.model_copy(update={"n_rows": len(rows), "n_cols": width, "cells": cells})
