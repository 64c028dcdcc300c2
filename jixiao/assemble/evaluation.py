"""The indicator system of an evaluation report → indicators, subtotals and total.

An evaluator's report (第三方 / 重点绩效评价报告, 再评价报告) scores the project on its own
system: level-1 决策 / 过程 / 产出 / 效益 (often "决策（20分）"), level-2 and level-3 indicators,
分值 (weight) and 得分 (score) per indicator, a 小计 row closing each level-1 and a 合计 row.
The generic form reader takes such a table for a self-evaluation form (its 预算执行率 row
becomes the budget item, its subtotals are lost); :func:`evaluation_system` reads it again:

- every scored row is an :class:`~jixiao.model.Indicator` (the 预算执行率 row included: here it
  is one of the evaluator's indicators, not the budget block);
- a 小计 row is NOT an indicator: it becomes a :class:`~jixiao.model.StatedScore` labelled with
  the level-1 it closes, so the group rules check it against its children; a weight in the
  level-1 label ("决策（20分）") is a stated weight too (kept apart when it differs);
- the 合计 row gives the total weight and score (unless the text stated the total already).

Column words are data (``data/evaluation.toml``), validated at load.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict

from jixiao.catalogue_cache import load_catalogue
from jixiao.extract.raw import RawParagraph, RawTable
from jixiao.model import Indicator, Provenance, Quantity, Report, StatedScore
from jixiao.normalize import parse_quantity
from jixiao.normalize.headers import fold_header

_NOTE = regex.compile(r"[（(][^）)]*[）)]$")
_LABEL_WEIGHT = regex.compile(r"^(?P<label>.+?)\s*[（(]\s*(?P<w>\d+(?:\.\d+)?)\s*分\s*[）)]\s*$")


class _Strict(BaseModel):
    # defer_build: a vocabulary read from the cache (jixiao.catalogue_cache) builds no validator
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Columns(_Strict):
    level1: list[str]
    level2: list[str]
    name: list[str]
    weight: list[str]
    score: list[str]


class EvaluationVocab(_Strict):
    columns: Columns
    subtotal: list[str]
    total: list[str]


@lru_cache(maxsize=1)
def vocab() -> EvaluationVocab:
    raw = resources.files("jixiao.assemble").joinpath("data", "evaluation.toml").read_bytes()

    def validate() -> EvaluationVocab:
        import tomllib

        return EvaluationVocab.model_validate(tomllib.loads(raw.decode("utf-8")))

    return load_catalogue("evaluation", EvaluationVocab, [raw], validate, modules=[__name__])


def _fold(text: str | None) -> str:
    return _NOTE.sub("", fold_header(text))


@dataclass(frozen=True)
class Layout:
    header_row: int
    level1: int | None
    level2: int | None
    name: int
    weight: int
    score: int


def table_layout(table: RawTable) -> Layout | None:
    """The header row and the columns of an evaluation table, or None."""
    c = vocab().columns
    head: list[list[str]] = [[""] * table.n_cols for _ in range(min(4, table.n_rows))]
    for cell in table.cells:  # the first rows only (a long table's grid is never built here)
        if cell.row < len(head):
            for k in range(cell.col, min(cell.col + cell.col_span, table.n_cols)):
                head[cell.row][k] = cell.text
    for r, row in enumerate(head):
        found: dict[str, int] = {}
        for k, text in enumerate(row):
            t = _fold(text)
            for role in ("level1", "level2", "name", "weight", "score"):
                words: list[str] = getattr(c, role)
                if t in words and role not in found:
                    if role == "name" and "name" in found:
                        continue
                    found[role] = k
                    break
        if {"name", "weight", "score"} <= found.keys():
            return Layout(r, found.get("level1"), found.get("level2"), found["name"], found["weight"],
                          found["score"])
    return None


def _cell_text(row: list, k: int | None) -> str:
    if k is None or k >= len(row) or row[k] is None:
        return ""
    return row[k].text.strip()


def _cell_prov(row: list, k: int) -> Provenance | None:
    if k >= len(row) or row[k] is None:
        return None
    return row[k].cell.prov


def _q(row: list, k: int) -> Quantity | None:
    text = _cell_text(row, k)
    if not text:
        return None
    return parse_quantity(text, prov=_cell_prov(row, k))


@dataclass
class System:
    indicators: list[Indicator]
    stated: list[StatedScore]
    total_weight: Quantity | None
    total_score: Quantity | None
    open_levels: tuple[str | None, str | None] = (None, None)  # level-1 / level-2 open at the end


def _split_label(text: str) -> tuple[str, str | None]:
    m = _LABEL_WEIGHT.match(text)
    return (m.group("label"), m.group("w")) if m else (text, None)


def table_to_system(table: RawTable, lay: Layout, carry: tuple[str | None, str | None] = (None, None)) -> System:
    """Rows below the header; ``carry`` is the (level-1, level-2) open at the end of the table
    this one continues (a table cut by a page break)."""
    v = vocab()
    inds: list[Indicator] = []
    stated: list[StatedScore] = []
    total_w: Quantity | None = None
    total_s: Quantity | None = None
    level1, level2 = carry
    for row in table.grid()[lay.header_row + 1:]:
        l1_raw, l2_raw, name = (_cell_text(row, lay.level1), _cell_text(row, lay.level2),
                                _cell_text(row, lay.name))
        labels = {_fold(t) for t in (l1_raw, l2_raw, name) if t}
        if labels & set(v.total):
            total_w, total_s = _q(row, lay.weight), _q(row, lay.score)
            continue
        if labels & set(v.subtotal):
            if level1 is not None:
                stated.append(StatedScore(label=level1, weight=_q(row, lay.weight), score=_q(row, lay.score),
                                          prov=_cell_prov(row, lay.weight)))
            continue
        if l1_raw:
            label, w = _split_label(l1_raw)
            if label != level1:
                level1, level2 = label, None
                if w is not None:
                    prov = _cell_prov(row, lay.level1 or 0)
                    stated.append(StatedScore(label=l1_raw, weight=parse_quantity(f"{w}分", prov=prov), prov=prov))
        if l2_raw:
            level2 = _split_label(l2_raw)[0]
        if not name:
            continue
        weight, score = _q(row, lay.weight), _q(row, lay.score)
        if weight is None and score is None:
            continue
        inds.append(Indicator(seq=len(inds), level1=level1, level2=level2, name=name, weight=weight, score=score,
                              prov=_cell_prov(row, lay.name)))
    return System(inds, stated, total_w, total_s, (level1, level2))


def _dedupe(stated: list[StatedScore]) -> list[StatedScore]:
    """A "决策（20分）" label weight equal to its 小计 row's weight is stated once (the 小计 row)."""
    subtotal = {s.label: s for s in stated if s.score is not None}
    out = []
    for s in stated:
        if s.score is None:
            label = _split_label(s.label)[0]
            sub = subtotal.get(label)
            if sub is not None and sub.weight is not None and s.weight is not None \
                    and sub.weight.value == s.weight.value:
                continue
        out.append(s)
    return out


_GAP_CHARS = 20  # paragraphs between a table and its continuation: page numbers, 续表, at most this long


def _continues(blocks: list[RawParagraph | RawTable], prev: RawTable, t: RawTable) -> bool:
    between = [b for b in blocks if prev.index < b.index < t.index]
    return t.n_cols == prev.n_cols and all(
        isinstance(b, RawParagraph) and len(b.text.strip()) <= _GAP_CHARS for b in between)


def level1_names(blocks: list[RawParagraph | RawTable]) -> set[str]:
    """The level-1 names (weights in the label dropped) in the level-1 column of every
    evaluation-shaped table: a cheap look before the rows are read."""
    out: set[str] = set()
    for t in blocks:
        if not isinstance(t, RawTable):
            continue
        lay = table_layout(t)
        if lay is None or lay.level1 is None:
            continue
        out |= {_split_label(_fold(c.text))[0] for c in t.cells
                if c.row > lay.header_row and c.col == lay.level1 and c.text.strip()}
    return out


def blocks_to_systems(blocks: list[RawParagraph | RawTable]) -> list[System]:
    """Each evaluation table's system.  A table without a header right after an evaluation table
    with as many columns continues it (the header is not repeated after a page break): it is
    read with the same columns and the level-1 / level-2 still open."""
    out: list[System] = []
    prev: tuple[RawTable, Layout, System] | None = None
    for t in (b for b in blocks if isinstance(b, RawTable)):
        lay = table_layout(t)
        carry: tuple[str | None, str | None] = (None, None)
        if lay is None and prev is not None and _continues(blocks, prev[0], t):
            pl = prev[1]
            lay = Layout(-1, pl.level1, pl.level2, pl.name, pl.weight, pl.score)
            carry = prev[2].open_levels
        if lay is None:
            prev = None
            continue
        system = table_to_system(t, lay, carry)
        prev = (t, lay, system)
        if system.indicators or system.stated or system.total_score is not None:
            out.append(system)
    return out


def evaluation_system(report: Report, blocks: list[RawParagraph | RawTable]) -> Report:
    """The report with its indicator system read from the evaluation tables among ``blocks``
    (unchanged when it has none)."""
    systems = blocks_to_systems(blocks)
    if not any(s.indicators for s in systems):
        return report
    inds = [i.model_copy(update={"seq": k}) for k, i in enumerate(i for s in systems for i in s.indicators)]
    stated = _dedupe([st for s in systems for st in s.stated])
    table_labels = {_fold(st.label) for st in stated} | {_fold(i.level1) for i in inds if i.level1}
    prose_stated = [st for st in report.stated_scores
                    if st.prov is not None and st.prov.table is None and st.prov.row is None
                    and _fold(_split_label(st.label)[0]) not in table_labels]
    totals = [s for s in systems if s.total_score is not None or s.total_weight is not None]
    update: dict[str, object] = {"indicators": inds, "stated_scores": stated + prose_stated,
                                 "budget_execution": None}
    if totals and report.total_score is None and totals[-1].total_score is not None:
        update["total_score"] = totals[-1].total_score
    if totals and report.total_weight is None and totals[-1].total_weight is not None:
        update["total_weight"] = totals[-1].total_weight
    return report.model_copy(update=update)


vocab()  # validate at import
