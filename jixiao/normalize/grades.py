"""Grades (优/良/中/差) and qualitative words, read from ``data/qualitative.toml``.

``grade_of(text)``        "优秀" → "优", "二等" → "良", "不合格" → "差", else None
``qualitative_of(text)``  a qualitative value → :class:`Qualitative` (label, polarity, grade)
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.normalize.vocab import QUALITATIVE, fold

# Punctuation around a word that does not change its meaning: "优。" "（好）" "“及时”".
_STRIP = " \t\r\n\u3000。.，,；;：:！!、\"'“”‘’「」『』()（）[]【】《》"


@dataclass(frozen=True)
class Qualitative:
    label: str
    polarity: int
    grade: str | None


def _build() -> tuple[dict[str, str], dict[str, Qualitative]]:
    grades: dict[str, str] = {}
    words: dict[str, Qualitative] = {}
    for g in QUALITATIVE.grade:
        for s in (g.grade, *g.aliases):
            grades[fold(s)] = g.grade
            words[fold(s)] = Qualitative(g.grade, g.polarity, g.grade)
    for w in QUALITATIVE.word:  # [[word]] entries override the grade defaults
        for s in (w.label, *w.aliases):
            words[fold(s)] = Qualitative(w.label, w.polarity, w.grade)
    return grades, words


_GRADES, _WORDS = _build()
_LONGEST_FIRST = sorted(_WORDS, key=len, reverse=True)
_NOUN_MARKERS = tuple(fold(m) for m in QUALITATIVE.noun_markers)


def _key(text: str) -> str:
    return fold(text).strip(_STRIP)


def grade_of(text: str | None) -> str | None:
    """The grade band a word names: "优"/"优秀"/"一等" → "优", "良好" → "良",
    "合格" → "中", "不合格" → "差"; None for anything else.  Never raises."""
    if not text:
        return None
    return _GRADES.get(_key(text))


def qualitative_of(text: str | None, *, contains: bool = True) -> Qualitative | None:
    """A qualitative value.  Exact match of the whole cell first ("优秀", "已完成。");
    then, when ``contains``, the longest known word inside a short text that is not a
    name: at most ``max_extra`` characters besides the word and no noun marker
    (see ``data/qualitative.toml``).  Longest match means negations win ("尚未完成" →
    未完成, not 完成)."""
    if not text:
        return None
    key = _key(text)
    if not key:
        return None
    hit = _WORDS.get(key)
    if hit is not None or not contains:
        return hit
    if any(m in key for m in _NOUN_MARKERS):
        return None
    for w in _LONGEST_FIRST:
        if len(key) - len(w) > QUALITATIVE.max_extra:
            break
        if len(w) >= 2 and w in key:
            return _WORDS[w]
    return None
