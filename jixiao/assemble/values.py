"""Cell text → typed values, through :mod:`jixiao.normalize`.

Thin helpers so every reader builds Quantities, TextItems and provenance the same
way.  The normalize functions ``parse_comparator``, ``grade_of`` and ``is_unit``
are used when present (guarded while that module is being written).
"""

from __future__ import annotations

import unicodedata

from jixiao.assemble import patterns as P
from jixiao.model import Provenance, Quantity, TextItem
from jixiao.normalize import parse_quantity

try:  # pragma: no cover - depends on the normalize module's progress
    from jixiao.normalize import parse_comparator as _parse_comparator
except ImportError:  # pragma: no cover
    _parse_comparator = None
try:  # pragma: no cover
    from jixiao.normalize import grade_of as _grade_of
except ImportError:  # pragma: no cover
    _grade_of = None
try:  # pragma: no cover
    from jixiao.normalize import is_unit as _is_unit
except ImportError:  # pragma: no cover
    _is_unit = None

_FALLBACK_CMP = {"≥": "≥", "≧": "≥", ">=": "≥", "≤": "≤", "≦": "≤", "<=": "≤", "=": "=", "＝": "=",
                 ">": ">", "<": "<", "定性": "定性"}
_FALLBACK_GRADES = {"优": "优", "优秀": "优", "良": "良", "良好": "良", "中": "中", "合格": "中", "差": "差",
                    "不合格": "差"}


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
    if _parse_comparator is not None:
        c = _parse_comparator(t)
        return None if c is None else str(c.value if hasattr(c, "value") else c)
    return _FALLBACK_CMP.get(unicodedata.normalize("NFKC", t)) or _FALLBACK_CMP.get(t)


def grade_word(text: str | None) -> str | None:
    """"优秀" → "优" when the text is a grade word."""
    t = clean_text(text)
    if not t:
        return None
    if _grade_of is not None:
        return _grade_of(t)
    return _FALLBACK_GRADES.get(t)


def is_unit(text: str | None) -> bool:
    t = clean_text(text)
    if not t:
        return False
    if _is_unit is not None:
        return bool(_is_unit(t))
    return len(t) <= 4 and not any(ch.isdigit() for ch in t)


def name_unit(name: str | None) -> str | None:
    """The unit an indicator name states in a trailing parenthesis: "补助人数（人）" → "人"."""
    m = P.NAME_UNIT.search(clean_text(name))
    if m and is_unit(m.group("unit")):
        return m.group("unit")
    return None


def is_number(text: str | None) -> bool:
    return bool(P.NUMBER.match(unicodedata.normalize("NFKC", clean_text(text))))


def looks_like_value(text: str | None) -> bool:
    """A cell that reads as a value ("100%", "≥2 次", "45") rather than a label."""
    return bool(P.VALUE_START.match(unicodedata.normalize("NFKC", clean_text(text))))
