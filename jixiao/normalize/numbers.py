"""Numbers as written in reports → :class:`~decimal.Decimal`.

``parse_decimal``        a plain number cell: "1,234.5", full-width "９５", "0.00 ", "-3"
``cn_to_decimal``        a Chinese numeral: "两" "十二" "三千" "一百零五" "二〇二一" "三点五"
``leading_number``       the number at the start of a text (Arabic or Chinese) and the rest
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from jixiao.normalize import patterns as P
from jixiao.normalize.vocab import fold

_CN_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}


def _clean(text: str) -> str:
    return P.MINUS_LIKE.sub("-", fold(text))


def match_to_decimal(m: regex.Match[str]) -> Decimal:
    """A match of :data:`patterns.NUMBER` → Decimal (thousands separators removed)."""
    sign = m.group("sign") or ""
    digits = m.group("int").replace(",", "")
    frac = m.group("frac")
    return Decimal(f"{sign}{digits}.{frac}" if frac else f"{sign}{digits}")


def parse_decimal(text: str | None) -> Decimal | None:
    """A cell holding just a number → Decimal, else None.  Never raises.

    >>> parse_decimal("1,234.5"), parse_decimal("９５"), parse_decimal("0.00 "), parse_decimal("95%")
    (Decimal('1234.5'), Decimal('95'), Decimal('0.00'), None)
    """
    if text is None:
        return None
    try:
        m = P.NUMBER_FULL.match(_clean(text))
    except Exception:  # pragma: no cover - defensive: folding odd code points
        return None
    if not m:
        return None
    try:
        return match_to_decimal(m)
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return None


def cn_to_decimal(text: str) -> Decimal | None:
    """A Chinese numeral → Decimal, None when it is not a well-formed numeral."""
    if not text:
        return None
    whole, _, frac = text.partition("点")
    if frac and not all(c in _CN_DIGIT for c in frac):
        return None
    n = _cn_integer(whole)
    if n is None:
        return None
    if frac:
        return Decimal(f"{n}." + "".join(str(_CN_DIGIT[c]) for c in frac))
    return Decimal(n)


def _cn_integer(text: str) -> int | None:
    if not text:
        return None
    if all(c in _CN_DIGIT for c in text):
        # "二〇二一": digit by digit; a single digit is itself
        return int("".join(str(_CN_DIGIT[c]) for c in text))
    total = 0  # completed 亿/万 sections
    section = 0  # value below the current 万
    digit: int | None = None
    last_small = 10_000  # the last small unit seen in this section, to reject "十百"
    for c in text:
        if c in _CN_DIGIT:
            if digit is not None and _CN_DIGIT[c] != 0 and digit != 0:
                return None  # two digits in a row without a unit: "二三"
            digit = _CN_DIGIT[c]
        elif c in _CN_SMALL:
            unit = _CN_SMALL[c]
            if unit >= last_small:
                return None
            section += (1 if digit is None else digit) * unit
            digit = None
            last_small = unit
        elif c in _CN_BIG:
            big = _CN_BIG[c]
            section += digit or 0
            digit = None
            if section == 0 and total == 0:
                return None
            if big == 100_000_000:
                total = (total + section) * big
            else:
                total += section * big
            section = 0
            last_small = 10_000
        else:
            return None
    section += digit or 0
    return total + section


def leading_number(text: str) -> tuple[Decimal, str] | None:
    """The number at the start of folded ``text`` and the rest of the text.

    Arabic digits first ("18.74万人" → 18.74, "万人"); then a Chinese numeral ("两次" → 2,
    "次"; "三千人" → 3000, "人").  None when the text does not start with a number.
    """
    m = P.NUMBER.match(text)
    if m:
        return match_to_decimal(m), text[m.end():]
    m = P.CN_NUMBER.match(text)
    if m:
        token = m.group(0)
        # prefer the longest prefix that is a well-formed numeral
        for end in range(len(token), 0, -1):
            value = cn_to_decimal(token[:end])
            if value is not None:
                return value, text[end:]
    return None
