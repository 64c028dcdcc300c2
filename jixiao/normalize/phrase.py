"""The phrase layer in front of the value grammar: where in a short phrase the value is.

Real target and actual cells are often short phrases: "覆盖率达到100%", "成本不超过13.7584万元",
"2023年支付成本不超过300万元", "实施乡镇社区基层医疗机构37个", "补助标准为每人每年580元".
This module knows the words around a value (all data, ``data/phrases.toml``):

``strip_approx("约5万人")``             → (True, "5万人")       约 / 大约 / 左右 flag, never a comparator
``strip_plus("万余人")``                 → (True, "万人")        5000余人, 1万多元: approximate too
``split_period_prefix("每人每年580元")`` → ("人·年", "580元")   a per-period / per-person denominator
``split_period_suffix("万一年")``        → ("年", "万")
``cut_action("24小时内响应")``           → "24小时内"            a duration "within" and what is done in it
``candidates("覆盖率达到100%")``         → ("覆盖率", "达到100%"), …  every place a value may start,
                                          left to right, with the subject before it

The value grammar (quantity.py) decides whether a candidate is a value; this module never
states a comparator itself, so a phrase gets one only where its text has one.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from jixiao.normalize import patterns as P
from jixiao.normalize.vocab import COMPARATORS, MULTIPLIERS, PHRASES, fold, longest_first

_APPROX_PREFIX = longest_first(PHRASES.approx.prefix)
_APPROX_SUFFIX = longest_first(PHRASES.approx.suffix)
_APPROX_AT = P.words_pattern(_APPROX_PREFIX)
_PLUS = longest_first(PHRASES.approx.plus)
_MULTIPLIERS = longest_first([m.prefix for m in MULTIPLIERS.multiplier])
_PERIOD_PREFIX = sorted(((fold(s), p.per) for p in PHRASES.period for s in p.prefix), key=lambda x: len(x[0]),
                        reverse=True)
_PERIOD_OF = dict(_PERIOD_PREFIX)
_PERIOD_AT = P.words_pattern(w for w, _ in _PERIOD_PREFIX)
_PERIOD_SUFFIX = sorted(((fold(s), p.per) for p in PHRASES.period for s in p.suffix), key=lambda x: len(x[0]),
                        reverse=True)
_BEFORE = longest_first(PHRASES.phrase.before)
_AFTER = longest_first(PHRASES.phrase.after)
_LABEL_MARKS = longest_first(PHRASES.phrase.label_marks)
_SENTENCE = tuple(fold(s) for s in PHRASES.phrase.sentence)
_HALF = tuple(fold(s) for s in PHRASES.numerals.half)
_DATE_BEFORE = longest_first(PHRASES.dates.before)
_WITHIN_AT = P.words_pattern(longest_first(PHRASES.dates.within))
_ACTION_LENGTH = PHRASES.phrase.action_length
_HAN_ONLY = regex.compile(r"^\p{Han}+$")
_STARTERS = longest_first([*(s for c in COMPARATORS.comparator for s in c.prefix), *PHRASES.approx.prefix,
                      *(s for p in PHRASES.period for s in p.prefix), *PHRASES.dates.year_end])
_LONGEST_STARTER = max(len(w) for w in _STARTERS)
_STARTER_AT = P.words_pattern(_STARTERS)  # longest first
_STARTER_END = P.words_pattern(_STARTERS, "$")
MAX_LENGTH = PHRASES.phrase.max_length
_BRACKETS = regex.compile(r"\([^()]*\)|[()]")
_CN_NUMERAL = set(P.CN_DIGITS + P.CN_UNITS)


def _starts_number(c: str) -> bool:
    return "0" <= c <= "9" or c in _CN_NUMERAL or c in _HALF


def _is_number_char(c: str) -> bool:
    return "0" <= c <= "9" or c in ".,"


def strip_approx(text: str) -> tuple[bool, str]:
    """(approximate?, text without the approximation words) — only where a number remains."""
    approx = False
    m = _APPROX_AT.match(text)
    if m is not None:
        rest = text[m.end():]
        if rest and (_starts_number(rest[0]) or rest[0] in "¥$"):
            text, approx = rest, True
    for w in _APPROX_SUFFIX:
        if text.endswith(w) and len(text) > len(w):
            text, approx = text[: len(text) - len(w)], True
            break
    return approx, text


def strip_plus(tail: str) -> tuple[bool, str]:
    """"余人" → (True, "人"), "万余元" → (True, "万元"): 余 / 多 right after the number or its
    multiplier ("5000余人", "1万多元") make the value approximate (a little more than stated)."""
    for w in _PLUS:
        if tail.startswith(w):
            return True, tail[len(w):]
        for m in _MULTIPLIERS:
            if tail.startswith(m + w):
                return True, m + tail[len(m) + len(w):]
    return False, tail


def split_period_prefix(text: str, *, before_number: bool = True) -> tuple[str | None, str]:
    """A denominator written before the number: "每人每年580元" → ("人·年", "580元").  With
    ``before_number=False`` any rest will do (the start of a subject: "人均补助标准")."""
    m = _PERIOD_AT.match(text)
    if m is None:
        return None, text
    rest = text[m.end():]
    if rest and (not before_number or _starts_number(rest[0]) or rest[0] in "¥$"):
        return _PERIOD_OF[m.group(0)], rest
    return None, text


def split_period_suffix(tail: str) -> tuple[str | None, str]:
    """A denominator written after the unit: "万一年" → ("年", "万"), "元每月" → ("月", "元")."""
    for w, per in _PERIOD_SUFFIX:
        if tail.endswith(w) and len(tail) > len(w):
            return per, tail[: len(tail) - len(w)]
    return None, tail


def strip_after(text: str) -> str:
    """The value without a trailing word that does not change it ("37个完成" → "37个")."""
    for w in _AFTER:
        if text.endswith(w) and len(text) > len(w):
            return text[: len(text) - len(w)]
    return text


def cut_action(text: str) -> str | None:
    """A duration "within" followed by what is done in it: "24小时内响应" → "24小时内",
    "30分钟内到达现场" → "30分钟内".  None when the text has no such shape: the first within word
    must follow a number and be followed by at most ``action_length`` Han characters."""
    m = _WITHIN_AT.search(text)
    if m is None or m.start() == 0:
        return None
    rest = text[m.end():]
    if rest and len(rest) <= _ACTION_LENGTH and _HAN_ONLY.match(rest) and _starts_digitlike(text[:m.start()]):
        return text[: m.end()]
    return None


def _starts_digitlike(head: str) -> bool:
    return any(_starts_number(c) for c in head)


def clean_subject(text: str) -> str | None:
    """The subject of a phrase without the linking words before the value ("覆盖率为" → "覆盖率")
    and without a list number in front ("(2)召开会议" → "召开会议")."""
    s = text
    changed = True
    while s and changed:
        changed = False
        for w in (*_BEFORE, *_DATE_BEFORE):
            if s.endswith(w):
                s, changed = s[: len(s) - len(w)], True
                break
    s = P.LIST_NUMBER.sub("", s).strip(" :：")
    return s or None


def _labelled(subject: str) -> bool:
    """A number right after 第 / 附件 / 表 is a label ("第1季度", "附件2"), not a value."""
    return any(subject.endswith(m) for m in _LABEL_MARKS)


def covering(text: str, i: int) -> Iterator[tuple[int, str]]:
    """Starter words that begin before position ``i`` (the longest at each place)."""
    for j in range(max(0, i - _LONGEST_STARTER + 1), i):
        m = _STARTER_AT.match(text, j)
        if m:
            yield j, m.group(0)


def candidates(text: str) -> Iterator[tuple[str | None, str]]:
    """(subject, value text) for every place after the start of folded ``text`` where a value may
    begin, left to right.  Nothing for texts longer than ``max_length`` or once the subject holds
    a sentence mark (a sentence with a number in it is prose, not a value)."""
    if len(text) > MAX_LENGTH:
        return
    for i in range(1, len(text)):
        head = text[:i]
        if any(m in head for m in _SENTENCE):
            return
        c, prev = text[i], text[i - 1]
        number = _starts_number(c) and not _is_number_char(prev) and not (c in _CN_NUMERAL and prev in _CN_NUMERAL)
        if number and "0" <= c <= "9" and prev in "-+":
            number = False  # the sign belongs to the number: start one earlier
        word = not number and (c in "¥$≥≤=<>" or _STARTER_AT.match(text, i) is not None
                               or text.startswith("百分之", i))
        if not (number or word) or _labelled(head):
            continue
        if number and (prev in "¥$≥≤=<>" or _STARTER_END.search(head) is not None):
            continue  # the number of a value that starts earlier ("≥2次", "不少于2次", "约3万人")
        if word and any(j + len(w) > i for j, w in covering(text, i)):
            continue  # inside a longer word ("少于" in "不少于")
        subject = clean_subject(head)
        if subject is not None and not _BRACKETS.sub("", subject):
            continue  # "(含)≥2次": a note in front is not a subject
        yield subject, text[i:]
