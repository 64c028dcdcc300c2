"""The header rows of a text-dump table, found by header roles (:mod:`.regrid_rows` places rows under them).

- a row is a header when enough of its cells have a header role in one block
  (indicator or budget) and none is a value; a header cell split at a space
  ("度量" "单位") is glued back when the glued text has a role (not in pipe rows,
  whose cells are as written);
- a header with a 行次 column is the long-form budget header; its second row
  (小计 中央级 … 小计 单位自筹 …) is spread over the parent columns after the total
  column, a parent spanning its sub-columns, a column without any spanning both rows.

Every word's meaning comes from the :class:`~jixiao.extract.lexicon.CellLexicon`.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.extract.lexicon import Block, CellLexicon
from jixiao.extract.regrid_fit import Tok, merge_tokens, token_class
from jixiao.model import LineKind

__all__ = ["Header", "header_of", "is_sub_header", "long_header_rows", "spread_long_header"]

_BLOCKS: tuple[Block, ...] = ("indicator", "budget")
MIN_ROLES = 3  # a header with this many cells of a role is one whatever its width


@dataclass
class Header:
    kind: str  # "rows" (one line per row) or "long" (long-form budget, 行次 column)
    block: Block
    roles: list[str | None]
    cells: list[Tok]
    sub: list[Tok | None] | None = None  # long form: the second header row, per column


def _glue_header(toks: list[Tok], block: Block, lex: CellLexicon) -> list[Tok]:
    """A header cell split at a space ("度量" "单位") is glued when the whole has a role."""
    out: list[Tok] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if i + 1 < len(toks) and lex.header_role(t.text, block) is None:
            glued = merge_tokens(t, toks[i + 1], "")
            if lex.header_role(glued.text, block) is not None:
                out.append(glued)
                i += 2
                continue
        out.append(t)
        i += 1
    return out


def header_of(toks: list[Tok], keep_positions: bool, lex: CellLexicon) -> Header | None:
    """The header a row is, if it is one.  ``keep_positions`` (pipe rows): empty
    cells stay columns and nothing is glued."""
    texts = [t.text for t in toks if t.text]
    if len(texts) < 2 or any(token_class(x, lex) in ("num", "pct", "cmpval", "qty") for x in texts):
        return None
    best: Header | None = None
    best_hits = 0
    for block in _BLOCKS:
        cells = toks if keep_positions else _glue_header([t for t in toks if t.text], block, lex)
        roles = [lex.header_role(t.text, block) if t.text else None for t in cells]
        hits = sum(r is not None for r in roles)
        if "row_no" in roles:
            return Header("long", "budget", roles, cells)
        if hits > best_hits:
            best, best_hits = Header("rows", block, roles, cells), hits
    if best is not None and (best_hits >= MIN_ROLES or best_hits * 2 >= len(texts) + 1):
        return best
    return None


def is_sub_header(toks: list[Tok], lex: CellLexicon) -> bool:
    texts = [t.text for t in toks if t.text]
    return len(texts) >= 2 and all(
        token_class(x, lex) not in ("num", "pct", "code") for x in texts
    ) and all(lex.is_subtotal(x) or lex.budget_row_kind(x) is not None for x in texts)


def spread_long_header(h: Header, sub: list[Tok], lex: CellLexicon) -> Header:
    """Columns of a two-level long-form header.

    The sub-header splits into groups at each 小计; the groups belong, in order,
    to the parent columns after the total column (合计 / 年度总金额 — else after
    the first value column).  The header is returned unspread (``sub`` None)
    when the groups do not fit.
    """
    groups: list[list[Tok]] = []
    for t in sub:
        if lex.is_subtotal(t.text) or not groups:
            groups.append([t])
        else:
            groups[-1].append(t)
    code = h.roles.index("row_no")
    # the parents after 行次 and after the total column (合计 / 年度总金额) take the groups
    after = list(range(code + 1, len(h.cells)))
    totals = [k for k in after if lex.budget_row_kind(h.cells[k].text) == LineKind.TOTAL]
    parents = [k for k in after if k > (totals[0] if totals else code + 1)] if after else []
    if not groups or len(groups) > len(parents) or not lex.is_subtotal(groups[0][0].text):
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
    return Header("long", h.block, roles, cells, subs)


def long_header_rows(h: Header, at: int, spans: dict[tuple[int, int], tuple[int, int]]
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
