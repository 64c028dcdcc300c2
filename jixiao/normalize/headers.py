"""Header cells and budget line labels → roles.

Knowledge lives in ``data/roles.toml`` (the role catalogue, :mod:`jixiao.normalize.roles`) and ``data/budget_rows.toml``,
loaded and validated at import.

- :func:`fold_header` — the canonical form a header is matched in.
- :func:`header_role` — "全年预算数(A)" → ``"adjusted"``, "度量\\n单位" → ``"unit"``.
- :func:`header_blocks` — every block a header has a role in.
- :func:`header_unit` — "年度预算数（万元）" → ``"万元"``.
- :func:`budget_row_kind` — "其中：财政资金" → ``(LineKind.FISCAL, 1)``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict

from jixiao.catalogue_cache import load_catalogue
from jixiao.model import LineKind
from jixiao.normalize.header_text import UNIT_PHRASE, fold_header, normalize_header, stated_unit
from jixiao.normalize.roles import BLOCKS, wordings

__all__ = ["BLOCKS", "budget_row_kind", "fold_header", "header_blocks", "header_role", "header_unit",
           "is_subtotal", "normalize_header"]

# a trailing parenthesis: "(万元)", "(B/A)", "(目标指标)", "(盖章)"; nested once: "(篇(部))"
_TRAILING_PAREN = regex.compile(r"\((?:[^()]|\([^()]*\))*\)$")
# a column header states money or percent units ("（万元）", "(%)"); a count unit in a
# header ("补助人数（人）") is part of an indicator name, not a column unit
_HEADER_UNIT_KINDS = ("money", "percent")


class _LineEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)  # built only to validate
    kind: LineKind
    depth: int
    labels: list[str]


class _BudgetRows(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)
    line: list[_LineEntry]
    part: list[_LineEntry]
    subtotal: dict[str, list[str]]
    part_marker: dict[str, list[str]]


def _budget_rows() -> _BudgetRows:
    raw = resources.files("jixiao.normalize").joinpath("data", "budget_rows.toml").read_bytes()

    def validate() -> _BudgetRows:
        import tomllib

        return _BudgetRows.model_validate(tomllib.loads(raw.decode("utf-8")))

    return load_catalogue("budget_rows", _BudgetRows, [raw], validate, modules=[__name__, "jixiao.model"])


@lru_cache(maxsize=1)
def _rows() -> tuple[dict[str, tuple[LineKind, int]], dict[str, tuple[LineKind, int]], frozenset[str],
                     tuple[str, ...]]:
    data = _budget_rows()
    lines: dict[str, tuple[LineKind, int]] = {}
    for e in data.line:
        for w in e.labels:
            lines[fold_header(w)] = (e.kind, e.depth)
    parts: dict[str, tuple[LineKind, int]] = {}
    for e in data.part:
        for w in e.labels:
            parts[fold_header(w)] = (e.kind, e.depth)
    subtotal = frozenset(fold_header(w) for w in data.subtotal.get("labels", []))
    markers = tuple(fold_header(w) for w in data.part_marker.get("prefixes", []))
    return lines, parts, subtotal, markers


@lru_cache(maxsize=8192)
def _candidates(text: str | None) -> tuple[str, ...]:
    """The folded text, the normalized text (annotations off), then with trailing
    parentheses taken off one at a time; a "label:value" cell's label last."""
    t = fold_header(text)
    out = [t]
    n = normalize_header(t)
    if n != t:
        out.append(n)
        t = n
    while True:
        m = _TRAILING_PAREN.search(t)
        if not m or m.start() == 0:
            break
        t = t[: m.start()].rstrip(":")
        out.append(t)
    if ":" in out[0]:
        head = out[0].split(":", 1)[0]
        if head:
            out.append(head)
    return tuple(out)


@lru_cache(maxsize=16384)
def header_role(text: str | None, block: str | None = None) -> str | None:
    """Role of a header cell in ``block`` ("budget", "indicator", "form"), or in
    the first block (in that order) where it has one when ``block`` is None.

    >>> header_role("执行率(B/A)")
    'rate'
    >>> header_role("三级指标", "indicator")
    'name'
    """
    blocks = (block,) if block else BLOCKS
    for cand in _candidates(text):
        if not cand:
            continue
        for b in blocks:
            role = wordings(b).get(cand)
            if role:
                return role
    return None


def header_blocks(text: str | None) -> dict[str, str]:
    """Every block in which the header has a role: {"budget": "weight", "indicator": "weight"}."""
    out: dict[str, str] = {}
    for b in BLOCKS:
        r = header_role(text, b)
        if r:
            out[b] = r
    return out


@lru_cache(maxsize=8192)  # a pure function of its texts, called for every cell
def header_unit(text: str | None) -> str | None:
    """The unit a header states in a trailing parenthesis: "年度预算数（万元）" → "万元",
    "预算执行率(%)" → "%", "资金情况（单位：元）" → "元"; None when it states none."""
    t = fold_header(text)
    m = UNIT_PHRASE.search(t)
    if m and (u := stated_unit(m.group("unit"), _HEADER_UNIT_KINDS)):
        return u
    while True:
        m = _TRAILING_PAREN.search(t)
        if not m:
            return None
        u = stated_unit(m.group(0)[1:-1], _HEADER_UNIT_KINDS)
        if u:
            return u
        t = t[: m.start()]


@lru_cache(maxsize=8192)  # a pure function of its texts, called for every cell
def _fold_label(label: str | None) -> tuple[str, bool]:
    """Folded line label without a trailing unit; whether it carried a part marker."""
    _, _, _, markers = _rows()
    t = fold_header(label)
    is_part = False
    for p in markers:
        if t.startswith(p) and len(t) > len(p):
            t = t[len(p):].lstrip(":")
            is_part = True
            break
    while True:
        m = _TRAILING_PAREN.search(t)
        if not m or m.start() == 0:
            break
        t = t[: m.start()]
    return t, is_part


def is_subtotal(label: str | None) -> bool:
    """"小计": a column standing for its parent line."""
    _, _, subtotal, _ = _rows()
    return _fold_label(label)[0] in subtotal


@lru_cache(maxsize=8192)  # a pure function of its texts, called for every cell
def budget_row_kind(label: str | None, parent: tuple[LineKind, int] | None = None) -> tuple[LineKind, int] | None:
    """Kind and depth of a budget line label; None when the label is no budget line.

    ``parent`` is the (kind, depth) of the line this one is a part of, when the
    caller knows it (the upper row of a two-level header): the line then sits at
    parent depth + 1 and a bare part (中央级) takes the parent's kind.

    >>> budget_row_kind("其中：财政资金")
    (<LineKind.FISCAL: 'fiscal'>, 1)
    """
    lines, parts, subtotal, _ = _rows()
    t, is_part = _fold_label(label)
    if not t:
        return None
    if t in subtotal:
        return parent
    if t not in lines and t not in parts:
        # a level in front of a line: "县级财政资金", "中央财政资金" read as 财政资金
        t = next((t[len(p):] for p in sorted(parts, key=len, reverse=True)
                  if t.startswith(p) and t[len(p):] in lines), t)
    if t in lines:
        kind, depth = lines[t]
        if parent is not None:
            return kind, parent[1] + 1
        if is_part and depth == 0:
            depth = 1
        return kind, depth
    if t in parts:
        kind, depth = parts[t]
        if parent is not None:
            return parent[0], parent[1] + 1
        return kind, depth
    return None
