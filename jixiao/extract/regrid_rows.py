"""Rows of a ``spaced`` or ``pipe`` table put back on a grid under their header.

A pdftotext row lost its blank cells and may have split a cell at a space; a
pipe row may be ragged.  :func:`regrid_rows` returns a ``cells`` table (every data
row as wide as its header, empty cells where nothing was written); the dialects
call it from their own modules (:mod:`.regrid_spaced`, :mod:`.regrid_pipe`):

- header rows are found by header roles (:mod:`.regrid_header`);
- a value split from its unit is glued back ("=2" "次" → "=2 次", "1" "个月" →
  "1 个月") unless the header has a unit column;
- each data row's tokens are placed under the header by an order-keeping
  alignment that scores how well a token fits a column role (a bare number
  fits weight/score, "≥80%" fits target/actual …) and what leaving a column
  empty costs (nothing for level-1/level-2 — filled down later — much for
  weight), :func:`jixiao.extract.regrid_fit.assign_columns`: missing leading cells
  end up empty, numeric tails stay right;
- a floating level-1 label and a floating weight ("40" / "产出目标",
  "效益指标" / "30") become one row: label in the first column, weight in the
  weight column; so does a row of just a label and a number ("产出指标 50");
- rows led by a form label (总计, 评价等级 …) keep it in the first column;
- a long-form budget table (行次 column, two-level header 财政资金 / 小计 中央级 …)
  gets its header columns spread over the sub-header; a data row is placed
  whole only when it has a value for every column, else only its leading
  (合计) value is placed and the rest left empty — never guessed.

Rows that come before any header are kept as written.  Every word's meaning comes
from the :class:`~jixiao.extract.lexicon.CellLexicon`.
"""

from __future__ import annotations

from jixiao.extract.lexicon import CellLexicon
from jixiao.extract.raw import RawCell, RawTable
from jixiao.extract.regrid_fit import Tok, assign_columns, glue_units, is_label, token_class
from jixiao.extract.regrid_header import (
    Header,
    header_of,
    is_sub_header,
    long_header_rows,
    spread_long_header,
)

__all__ = ["regrid_rows"]


# ------------------------------------------------------------------ alignment


def _place_row(toks: list[Tok], h: Header, lex: CellLexicon) -> dict[int, Tok]:
    """Tokens of one data row under a row-per-line header."""
    if "unit" not in h.roles:
        toks = glue_units(toks, lex)
    # a row led by a form label (总计, 评价等级) keeps it in the first column
    if toks and lex.header_role(toks[0].text, "form") in ("total", "grade"):
        cols = assign_columns([token_class(t.text, lex) for t in toks[1:]], h.roles[1:])
        if cols is not None:
            return {0: toks[0], **{c + 1: t for c, t in zip(cols, toks[1:])}}
    cols = assign_columns([token_class(t.text, lex) for t in toks], h.roles)
    if cols is None:  # more tokens than columns: keep them as written
        return dict(enumerate(toks))
    return dict(zip(cols, toks))


def _group_row(label: Tok | None, weight: Tok | None, h: Header) -> dict[int, Tok]:
    out: dict[int, Tok] = {}
    if label is not None:
        out[0] = label
    if weight is not None:
        k = h.roles.index("weight") if "weight" in h.roles else (1 if label is not None else 0)
        if k in out:  # a header whose weight column is the first one: the label keeps it
            k = next(j for j in range(len(h.roles) + 1) if j not in out)
        out[k] = weight
    return out


def _place_long_row(toks: list[Tok], h: Header, lex: CellLexicon) -> dict[int, Tok]:
    """A long-form budget row: label, 行次, values — whole when complete, else 合计 only."""
    code_col = h.roles.index("row_no")
    value_cols = list(range(code_col + 1, len(h.roles)))
    out: dict[int, Tok] = {}
    k = 0
    labels = []
    while k < len(toks) and token_class(toks[k].text, lex) != "code" and is_label(toks[k].text, lex):
        labels.append(toks[k])
        k += 1
    for j, t in enumerate(labels[:code_col]):
        out[j] = t
    if k < len(toks) and token_class(toks[k].text, lex) == "code":
        out[code_col] = toks[k]
        k += 1
    values = toks[k:]
    if len(values) == len(value_cols):
        out.update(zip(value_cols, values))
    elif values and value_cols:
        out[value_cols[0]] = values[0]
    return out


# ------------------------------------------------------------------ table


def _lone(toks: list[Tok], lex: CellLexicon) -> str | None:
    if len(toks) != 1:
        return None
    cls = token_class(toks[0].text, lex)
    if cls == "num":
        return "num"
    return "label" if is_label(toks[0].text, lex) else None


def _rows_of(table: RawTable) -> list[list[Tok]]:
    return [[Tok(c.text, c.prov) for c in r] for r in table.rows()]


def regrid_rows(table: RawTable, lex: CellLexicon, *, pipe: bool) -> RawTable:
    """The rows of a spaced (``pipe`` False) or pipe table as a grid under its header
    (see the module docstring), a ``cells`` table recording the dialect it came from."""
    rows = _rows_of(table)
    out: list[dict[int, Tok]] = []
    spans: dict[tuple[int, int], tuple[int, int]] = {}  # (row, col) → (row_span, col_span)
    h: Header | None = None
    i = 0
    while i < len(rows):
        toks = rows[i] if pipe else [t for t in rows[i] if t.text]
        words = [t for t in toks if t.text]
        new_h = header_of(toks, pipe, lex) if words else None
        if new_h is not None:
            sub = [t for t in rows[i + 1] if t.text] if i + 1 < len(rows) else []
            if new_h.kind == "long" and is_sub_header(sub, lex):
                spread = spread_long_header(new_h, sub, lex)
                if spread.sub is not None:
                    h = spread
                    out.extend(long_header_rows(h, len(out), spans))
                    i += 2
                    continue
            h = new_h
            out.append({k: t for k, t in enumerate(h.cells) if t.text or pipe})
            i += 1
            continue
        if h is None or (pipe and len(toks) >= len(h.roles)):
            out.append({k: t for k, t in enumerate(toks)})
            i += 1
            continue
        if h.kind == "long":
            out.append(_place_long_row(words, h, lex))
            i += 1
            continue
        # a floating level-1 label and a floating weight make one group row
        kind = _lone(words, lex)
        nxt = [t for t in rows[i + 1] if t.text] if i + 1 < len(rows) else []
        nkind = _lone(nxt, lex) if nxt else None
        if kind and nkind and {kind, nkind} == {"num", "label"}:
            label, weight = (words[0], nxt[0]) if kind == "label" else (nxt[0], words[0])
            out.append(_group_row(label, weight, h))
            i += 2
            continue
        if kind == "label":
            out.append(_group_row(words[0], None, h))
        elif kind == "num":
            out.append(_group_row(None, words[0], h))
        elif h.block == "indicator" and len(words) == 2 and _lone(words[:1], lex) == "label" \
                and _lone(words[1:], lex) == "num":
            # "产出指标 50" on one line: a group row too
            out.append(_group_row(words[0], words[1], h))
        else:
            out.append(_place_row(words, h, lex))
        i += 1
    return _to_table(table, out, spans, pipe)


def _to_table(table: RawTable, rows: list[dict[int, Tok]],
              spans: dict[tuple[int, int], tuple[int, int]], pipe: bool) -> RawTable:
    width = max((max(r) + 1 for r in rows if r), default=0)
    covered: set[tuple[int, int]] = set()
    for (r, k), (rs, cs) in spans.items():
        covered |= {(r + a, k + b) for a in range(rs) for b in range(cs)} - {(r, k)}
    cells: list[RawCell] = []
    for r, row in enumerate(rows):
        if not row:
            continue
        row_prov = next(iter(row.values())).prov
        for k in range(max(row) + 1 if pipe else width):
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
    return table.model_copy(update={"dialect": "cells", "regridded_from": "pipe" if pipe else "spaced",
                                    "n_rows": len(rows), "n_cols": width, "cells": cells})
