"""Cell text → typed values, through :mod:`jixiao.normalize`.

Thin helpers so every reader builds Quantities, TextItems and provenance the same way.
"""

from __future__ import annotations

import unicodedata

from jixiao.assemble import patterns as P
from jixiao.model import Comparator, Provenance, Quantity, TextItem
from jixiao.normalize import grade_of, parse_comparator, parse_quantity
from jixiao.normalize import is_unit as _is_unit


def clean_text(text: str | None) -> str:
    """Cell text with line breaks inside the cell removed (Chinese text broken across lines)."""
    return P.LINE_BREAK.sub("", (text or "").strip())


def quantity(text: str | None, prov: Provenance | None, unit_hint: str | None = None) -> Quantity:
    return parse_quantity(clean_text(text), unit_hint=unit_hint, prov=prov)


def text_item(text: str | None, prov: Provenance | None) -> TextItem | None:
    t = (text or "").strip()
    return TextItem(text=t, prov=prov) if t else None


def comparator_of(text: str | None) -> str | None:
    """A 指标性质 cell → "≥" "≤" "=" ">" "<" or "定性"; None when it states none."""
    t = clean_text(text)
    if not t:
        return None
    c = parse_comparator(t)
    if isinstance(c, Comparator):
        return c.value
    return c


def grade_word(text: str | None) -> str | None:
    """"优秀" → "优" when the text is a grade word."""
    t = clean_text(text)
    return grade_of(t) if t else None


def is_unit(text: str | None) -> bool:
    t = clean_text(text)
    return bool(t) and _is_unit(t)


def name_unit(name: str | None) -> str | None:
    """The unit an indicator name states in a trailing parenthesis: "参训人数（人）" → "人"."""
    m = P.NAME_UNIT.search(clean_text(name))
    if m and is_unit(m.group("unit")):
        return m.group("unit")
    return None


def is_number(text: str | None) -> bool:
    return bool(P.NUMBER.match(unicodedata.normalize("NFKC", clean_text(text))))


def looks_like_value(text: str | None) -> bool:
    """A cell that reads as a value ("100%", "≥2 次", "45") rather than a label."""
    return bool(P.VALUE_START.match(unicodedata.normalize("NFKC", clean_text(text))))
