"""Column content profiles, and the vote of the content against the header.

Each data cell is classed (number, percent, money, quantity, comparator, signed
value, grade word, unit, text, empty); a column's :class:`ContentProfile` counts
them.  A role whose value kind the content contradicts loses (a column of ``≥95%``
is never a weight); a column whose header names no role takes the role its content
makes certain (a column of bare signs is the comparator), when the block lacks it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from jixiao.assemble.label_model import ContentProfile
from jixiao.assemble.tableview import Slot
from jixiao.assemble.values import clean_text, comparator_of, grade_word, is_unit
from jixiao.model import Kind
from jixiao.normalize import parse_quantity
from jixiao.normalize.roles import spec

_KIND_CLASS = {Kind.NUMBER: "number", Kind.PERCENT: "percent", Kind.MONEY: "money", Kind.COUNT: "quantity",
               Kind.DURATION: "quantity", Kind.YEAR: "quantity", Kind.QUALITATIVE: "grade", Kind.TEXT: "text",
               Kind.EMPTY: "empty"}

# value kind of a role → cell classes that contradict it (a majority of them makes the role lose)
_AGAINST: dict[str, tuple[str, ...]] = {
    "score": ("percent", "money", "quantity", "comparator", "signed", "grade", "unit", "text"),
    "money": ("percent", "quantity", "comparator", "signed", "grade", "unit", "text"),
    "rate": ("money", "quantity", "comparator", "grade", "unit", "text"),
    "comparator": ("number", "percent", "money", "quantity", "signed"),
    "unit": ("number", "percent", "money", "signed"),
}
# a column with no role whose filled cells are all of one class takes this role
_CERTAIN = {"comparator": "nature", "unit": "unit"}
_MIN_CELLS = 2


@lru_cache(maxsize=16384)
def cell_class(text: str) -> str:
    t = clean_text(text)
    if not t:
        return "empty"
    if len(t) <= 4 and comparator_of(t) is not None and not any(ch.isdigit() for ch in t):
        return "comparator"
    q = parse_quantity(t)
    if q.kind == Kind.EMPTY:
        return "empty"
    if q.comparator is not None and q.value is not None:
        return "signed"
    if q.kind == Kind.TEXT and is_unit(t):
        return "unit"
    if q.kind in (Kind.TEXT, Kind.QUALITATIVE) and grade_word(t):
        return "grade"
    return _KIND_CLASS.get(q.kind, "text")


def profile(cells: list[Slot]) -> ContentProfile:
    c = Counter(cell_class(s.text) for s in cells)
    return ContentProfile(cells=len(cells), **{k: v for k, v in c.items()})


@dataclass(frozen=True)
class Vote:
    role: str | None
    evidence: str
    doubt: str | None = None


def vote(role: str | None, prof: ContentProfile, present: set[str], block: str) -> Vote | None:
    """The content's say on a column headed ``role``; None when it agrees (or cannot tell)."""
    if prof.filled < _MIN_CELLS:
        return None
    if role is not None:
        against = _AGAINST.get(spec(role).kind)
        if against and prof.share(*against) > 0.5:
            return Vote(None, f"内容否决 {role}: {prof.summary()}",
                        f"列内容（{prof.summary()}）与“{spec(role).zh}”不符，未读取")
        return None
    cand = certain_role(prof, present, block)
    return Vote(cand, f"内容确定 {cand}: {prof.summary()}") if cand else None


def certain_role(prof: ContentProfile, present: set[str], block: str) -> str | None:
    """The role a column's content alone makes certain (all bare signs: the comparator; all
    units: the unit), when the block lacks it."""
    if prof.filled < _MIN_CELLS:
        return None
    for cls, cand in _CERTAIN.items():
        if cand not in present and block in spec(cand).blocks and prof.share(cls) == 1.0:
            return cand
    return None
