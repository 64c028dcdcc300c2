"""Budget figures stated in sentences → :class:`BudgetLine`.

Each money figure ("400万元") or rate ("56.23%") gets a role from the words of its clause
(the text since the previous figure or clause delimiter): ``data/prose_budget.toml``.
The same figure stated again is kept once (first statement, its provenance).  A
different figure for a role already filled is not dropped: it goes on a further line
(``seq`` 1, 2 …) so both statements stay visible to the rules.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from jixiao.assemble.prose_patterns import P
from jixiao.assemble.prose_text import Sentence
from jixiao.assemble.prose_vocab import VOCAB, RoleWords
from jixiao.model import BudgetLine, LineKind, Quantity
from jixiao.normalize import parse_quantity

_B = VOCAB.budget


@dataclass(frozen=True)
class Figure:
    role: str
    quantity: Quantity
    unit: str | None  # money unit ("万元", "元") or None for rates


def _role(clause: str, roles: list[RoleWords]) -> str | None:
    for r in roles:
        if any(w in clause for w in r.words):
            return r.role
    return None


def _clause_before(text: str, start: int, floor: int) -> str:
    """Text of the clause that ends at ``start`` (not before ``floor``)."""
    cut = floor
    for m in P.clause_delim.finditer(text, floor, start):
        cut = m.end()
    return text[cut:start]


def sentence_to_figures(sentence: Sentence) -> list[Figure]:
    """Money figures and rates of one sentence with the role its words give them."""
    text = sentence.text
    hits: list[tuple[int, int, regex.Match[str], bool]] = []
    for m in P.money.finditer(text):
        hits.append((m.start(), m.end(), m, True))
    for m in P.percent.finditer(text):
        hits.append((m.start(), m.end(), m, False))
    hits.sort(key=lambda h: h[0])
    out: list[Figure] = []
    floor = 0
    for start, end, m, is_money in hits:
        clause = _clause_before(text, start, floor)
        floor = end
        role = _role(clause, _B.money_role if is_money else _B.rate_role)
        if role is None:
            continue
        raw = sentence.para.verbatim[sentence.start + start : sentence.start + end]
        q = parse_quantity(raw.replace(",", "") if "," in raw else raw, prov=sentence.prov())
        out.append(Figure(role, q, m.group("unit") if is_money else None))
    return out


def _same(a: Quantity, b: Quantity) -> bool:
    if a.base_value is not None and b.base_value is not None:
        return a.base_value == b.base_value and a.base_unit == b.base_unit
    return a.raw.strip() == b.raw.strip()


def figures_to_lines(figures: list[Figure]) -> list[BudgetLine]:
    """Fill BudgetLine roles in statement order; repeats dropped, conflicts kept apart."""
    slots: list[dict[str, Quantity]] = []
    units: list[str | None] = []
    for f in figures:
        if f.role not in BudgetLine.model_fields:
            continue  # a role the model has no field for
        if any(f.role in s and _same(s[f.role], f.quantity) for s in slots):
            continue
        for k, s in enumerate(slots):
            if f.role not in s:
                s[f.role] = f.quantity
                if units[k] is None:
                    units[k] = f.unit
                break
        else:
            slots.append({f.role: f.quantity})
            units.append(f.unit)
    lines = []
    for k, s in enumerate(slots):
        first = min(
            (q.prov for q in s.values() if q.prov is not None),
            key=lambda p: (p.line_start or 0),
            default=None,
        )
        lines.append(
            BudgetLine(
                seq=k,
                line=_B.line_label,
                kind=LineKind.TOTAL,
                depth=0,
                money_unit=units[k],
                prov=first,
            ).model_copy(update=s)
        )
    return lines


def sentences_to_budget(sentences: list[Sentence]) -> list[BudgetLine]:
    figures = [f for s in sentences for f in sentence_to_figures(s)]
    return figures_to_lines(figures)
