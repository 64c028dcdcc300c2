"""Comparators (指标性质 and the sign around a value), read from ``data/comparators.toml``.

``parse_comparator("不少于")`` → Comparator.GE; ``parse_comparator("定性")`` → "定性"
``split_prefix("≥2次")``      → (Comparator.GE, "2次")
``split_suffix("个月以内")``   → (Comparator.LE, "个月")
"""

from __future__ import annotations

from typing import Literal

from jixiao.model import Comparator
from jixiao.normalize import patterns as P
from jixiao.normalize.vocab import COMPARATORS, fold

Nature = Comparator | Literal["定性"]


def _symbol(s: str) -> Nature:
    return "定性" if s == "定性" else Comparator(s)


def _table(field: str) -> list[tuple[str, Nature]]:
    pairs = [(fold(sp), _symbol(c.symbol)) for c in COMPARATORS.comparator for sp in getattr(c, field)]
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


_PREFIX = [(s, c) for s, c in _table("prefix") if c != "定性"]
_SUFFIX = [(s, c) for s, c in _table("suffix") if c != "定性"]
_PREFIX_OF = dict(_PREFIX)
_PREFIX_AT = P.words_pattern(s for s, _ in _PREFIX)  # longest spelling first
_WORDS = dict(_table("word"))
_FILLER = sorted((fold(s) for s in COMPARATORS.filler), key=len, reverse=True)
_WHOLE = {**{s: c for s, c in _SUFFIX}, **{s: c for s, c in _PREFIX}, **_WORDS}

_STRIP = " \t\u3000。.，,；;：:"


def parse_comparator(text: str | None) -> Nature | None:
    """A 指标性质 cell or comparator word → Comparator or "定性"; None when unknown.

    Accepts every spelling in the data file, whole cell only ("≥", "≧", ">=", "不少于",
    "以内", "＝", "═", "定性" …).  Never raises."""
    if not text:
        return None
    key = fold(text).strip(_STRIP)
    return _WHOLE.get(key)


def strip_filler(text: str) -> str:
    """Folded text without a leading filler word ("约", "共计") when a digit or
    comparator follows it; "为" alone or "共识" are left alone."""
    for s in _FILLER:
        if text.startswith(s) and len(text) > len(s):
            rest = text[len(s):]
            if rest[0].isdigit() or split_prefix(rest)[0] is not None:
                return rest
    return text


def split_prefix(text: str) -> tuple[Comparator | None, str]:
    """Folded text → (comparator written in front, rest).  Longest spelling wins."""
    m = _PREFIX_AT.match(text)
    if m is None:
        return None, text
    c = _PREFIX_OF[m.group(0)]
    assert c != "定性"
    return c, text[m.end():]


def split_suffix(text: str) -> tuple[Comparator | None, str]:
    """Folded text → (comparator written after the value, rest): "90%以上" → ≥."""
    for s, c in _SUFFIX:
        if text.endswith(s) and len(text) >= len(s):
            assert c != "定性"
            return c, text[: len(text) - len(s)]
    return None, text
