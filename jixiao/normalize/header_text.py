"""Header text normalization: the form a header cell is matched in.

Templates annotate their headers in many ways; matching must not depend on them:

- full-width and half-width forms, spaces and line breaks inside words
  ("全年\\n预算数", "度 量 单 位", "执行率（Ｂ/Ａ）");
- letters and formulas in brackets: "(A)", "(B/A)", "(B/A×100%)", "(6)=(3)/(1)", "(%)";
- points: "(20分)", "（20分*执行率）";
- units: "(万元)", "（元）", "金额单位：万元", "（单位：万元）";
- numbering: "指标1：", "1.", "一、", "(1)";
- a trailing colon.

:func:`fold_header` does only the first and last step (the *folded* text, kept for
exact matches such as "三级指标(目标指标)"); :func:`normalize_header` does all.
"""

from __future__ import annotations

import functools
import unicodedata

import regex

from jixiao.normalize.units import resolve_unit

_SPACE = regex.compile(r"\s+")

# what a bracket may hold and still be an annotation, not a word of the header
_FORMULA = regex.compile(r"^[A-Za-z0-9/×*+\-=%.÷]+$")
_POINTS = regex.compile(r"^\d+(?:\.\d+)?分(?:[*×].*)?$")
_UNIT_PREFIX = regex.compile(r"^(?:金额)?单位:")
# one bracket group, with the operator joining it to the previous one: "=(3)" in "(6)=(3)/(1)"
_GROUP = regex.compile(r"[=/×*+÷-]?\(([^()]*)\)")
# a unit statement outside brackets: "金额单位:万元", "单位:元"
UNIT_PHRASE = regex.compile(r"(?:金额)?单位:(?P<unit>[^():,，;；]{1,4})$")
# points written after the words: "得分20分*执行率", "分值10分"
_TRAILING_POINTS = regex.compile(r"(?<=\D)\d+(?:\.\d+)?分(?:[*×]\S*)?$")
# numbering in front: "指标1:", "1.", "1、", "一、", "(1)", "(一)"
_NUMBERING = regex.compile(
    r"^(?:指标\d+[:.、]|\d{1,2}[.、](?=\D)|[一二三四五六七八九十]+[、.]|\((?:\d{1,2}|[一二三四五六七八九十]+)\)(?=[^\d=/(]))"
)


def stated_unit(inner: str, kinds: tuple[str, ...] | None = None) -> str | None:
    """The unit a bracket (or a "单位：…" phrase) states, canonical: "万元", "%"; None
    when it states no known unit (of ``kinds`` when given).  "单位:元" → "元", "百分比" → "%"."""
    t = _UNIT_PREFIX.sub("", inner)
    u = resolve_unit(t, allow_unknown=False) if t else None
    if u is None or u.base is None or (kinds is not None and u.kind not in kinds):
        return None
    return u.unit


def _annotation(inner: str) -> bool:
    return bool(_FORMULA.match(inner) or _POINTS.match(inner)) or stated_unit(inner) is not None


def _strip_group(m: regex.Match[str]) -> str:
    return "" if _annotation(m.group(1)) else m.group(0)


@functools.lru_cache(maxsize=8192)  # a table repeats few distinct header/label texts many times
def fold_header(text: str | None) -> str:
    """Canonical form of a header cell: NFKC (full-width folded), no whitespace or
    line breaks, no trailing colon."""
    t = unicodedata.normalize("NFKC", text or "")
    t = _SPACE.sub("", t)
    return t.rstrip(":")


@functools.lru_cache(maxsize=8192)
def normalize_header(text: str | None) -> str:
    """The folded header without annotations, units, points and numbering.

    >>> normalize_header("执行率（B/A×100%）")
    '执行率'
    >>> normalize_header("得分（20分*执行率）")
    '得分'
    >>> normalize_header("指标1：年度指标值")
    '年度指标值'
    """
    t = fold_header(text)
    if not t:
        return t
    prev = None
    while prev != t:
        prev = t
        t = _NUMBERING.sub("", t)
        t = _GROUP.sub(_strip_group, t)
        m = UNIT_PHRASE.search(t)
        if m and stated_unit(m.group("unit")):
            t = t[: m.start()]
        t = _TRAILING_POINTS.sub("", t)
        t = t.strip(":=/×*+÷-")
        t = t.replace("()", "")
    return t
