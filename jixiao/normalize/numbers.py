"""Numbers as written in reports → :class:`~decimal.Decimal`.

``parse_decimal``        a plain number cell: "1,234.5", full-width "９５", "0.00 ", "-3"
``cn_to_decimal``        a Chinese numeral: "两" "十二" "三千" "一百零五" "二〇二一" "三点五"
``leading_number``       the number at the start of a text (Arabic, Chinese, 半, 三分之一) and the rest
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation, localcontext

import regex

from jixiao.normalize import patterns as P
from jixiao.normalize.vocab import PHRASES, fold

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
    got = _cn_scan(whole)
    if got is None or got[1] != len(whole):
        return None
    n = got[0]
    if frac:
        return Decimal(f"{n}." + "".join(str(_CN_DIGIT[c]) for c in frac))
    return n


# A Chinese numeral longer than this is no amount of a report: the scan stops there, so a
# 100 KB run of numerals costs one linear pass (issue 14 §7).
_CN_MAX = 40


def _cn_scan(text: str) -> tuple[Decimal, int] | None:
    """The longest prefix of ``text`` that is a well-formed Chinese numeral: (value, length).

    One pass.  Two readings are followed side by side: digit by digit ("二〇二一", any run
    of digits) and positional ("一百零五", "三千", "十二万"), whose state can only fail on the
    character that breaks it, so every prefix before that point is well formed."""
    head = text[:_CN_MAX]
    digit_run = 0
    while digit_run < len(head) and head[digit_run] in _CN_DIGIT:
        digit_run += 1
    pos_end = 0
    pos_value = 0
    total = 0  # completed 亿/万 sections
    section = 0  # value below the current 万
    digit: int | None = None
    last_small = 10_000  # the last small unit seen in this section, to reject "十百"
    for i, c in enumerate(head):
        if c in _CN_DIGIT:
            if digit is not None and _CN_DIGIT[c] != 0 and digit != 0:
                break  # two digits in a row without a unit: "二三" (the digit reading may go on)
            digit = _CN_DIGIT[c]
        elif c in _CN_SMALL:
            unit = _CN_SMALL[c]
            if unit >= last_small:
                break
            section += (1 if digit is None else digit) * unit
            digit = None
            last_small = unit
        elif c in _CN_BIG:
            big = _CN_BIG[c]
            section += digit or 0
            digit = None
            if section == 0 and total == 0:
                break
            total = (total + section) * big if big == 100_000_000 else total + section * big
            section = 0
            last_small = 10_000
        else:
            break
        pos_end, pos_value = i + 1, total + section + (digit or 0)
    if digit_run and digit_run >= pos_end:
        # the digit reading wins where it is at least as long ("二〇" is 20, "二三十" is 23 + "十")
        return Decimal("".join(str(_CN_DIGIT[c]) for c in head[:digit_run])), digit_run
    if pos_end == 0:
        return None
    return Decimal(pos_value), pos_end


def _cn_leading(text: str) -> tuple[Decimal, int] | None:
    """The Chinese numeral at the start of ``text`` with an optional "点" decimal part."""
    got = _cn_scan(text)
    if got is None:
        return None
    value, end = got
    if text[end:end + 1] == "点":
        frac = []
        for c in text[end + 1:end + 1 + _CN_MAX]:
            if c not in _CN_DIGIT:
                break
            frac.append(str(_CN_DIGIT[c]))
        if frac and value == value.to_integral_value():
            return Decimal(f"{int(value)}." + "".join(frac)), end + 1 + len(frac)
    return value, end


_HALF = sorted((fold(s) for s in PHRASES.numerals.half), key=len, reverse=True)
_MEASURE_HALF = sorted((fold(s) for s in PHRASES.numerals.measure_half), key=len, reverse=True)
_FRACTION = sorted((fold(s) for s in PHRASES.numerals.fraction), key=len, reverse=True)
_POINT_FIVE = Decimal("0.5")


def _starts(text: str, words: list[str]) -> str | None:
    return next((w for w in words if text.startswith(w)), None)


def _plain_number(text: str) -> tuple[Decimal, str] | None:
    m = P.NUMBER.match(text)
    if m:
        return match_to_decimal(m), text[m.end():]
    got = _cn_leading(text)
    if got is not None:
        return got[0], text[got[1]:]
    return None


def leading_number(text: str) -> tuple[Decimal, str] | None:
    """The number at the start of folded ``text`` and the rest of the text.

    Arabic digits first ("18.74万人" → 18.74, "万人"); then a Chinese numeral ("两次" → 2,
    "次"; "三千人" → 3000, "人"); halves ("半年" → 0.5, "年"; "一个半月" → 1.5, "月") and
    fractions ("三分之一" → 0.3333333333).  None when the text does not start with a number.
    Linear in the length of the number (a 100 KB numeral is read in one pass).
    """
    half = _starts(text, _HALF)
    if half is not None:
        return _POINT_FIVE, text[len(half):]
    got = _plain_number(text)
    if got is None:
        return None
    value, rest = got
    mh = _starts(rest, _MEASURE_HALF)
    if mh is not None and value >= 1 and value == value.to_integral_value():
        return value + _POINT_FIVE, rest[len(mh):]
    frac = _starts(rest, _FRACTION)
    if frac is not None and value > 0:
        numerator = _plain_number(rest[len(frac):])
        if numerator is not None and numerator[0] <= value:
            with localcontext() as ctx:
                ctx.prec = PHRASES.numerals.fraction_digits
                return (numerator[0] / value).normalize(), numerator[1]
    return value, rest
