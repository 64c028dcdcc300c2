"""One value string → :class:`~jixiao.model.Quantity` (issue 2 §3).

``text_to_quantity``   the parser; raises only on a bug
``parse_quantity``     the public entry point: same, but never raises (a bug gives kind "text")
``format_quantity``    Quantity → text that parses back to the same comparator/value/unit

Order of reading a cell (all spellings are data, see ``data/*.toml``):

1. fold (NFKC, no whitespace); placeholders "" "/" "—" "-" "无" → kind empty.
   Choice: "无" in a value cell is a placeholder (nothing stated), not a qualitative
   "no"; the raw text is kept, so a rule can still tell "无" from "".
2. a whole-cell qualitative word ("优秀", "一般", "有效控制") → kind qualitative;
3. a date or deadline ("12月31日前", "2024年6月底前", "年内", "按时") → kind date
   (dates.py; ``year_hint`` fills a missing year);
4. an approximation word (约, 左右) → ``approx``; a period word before the value (每人每年);
   a comparator prefix ("≥", "不少于"), then "百分之…", then the number (Arabic with
   thousands separators, a Chinese numeral, 半 / 一个半 / 三分之一: numbers.py);
5. a range "90%-95%" / "90-95%" / "5万-10万元"; a comparator suffix ("以上", "以内");
   a period word after the unit ("万一年", "元每月") → a compound unit 万/年, 元/月;
6. the unit (text first, else ``unit_hint``): canonical unit, multiplier → base value,
   kind; "2021年" (or 19xx/20xx with hint 年) is a calendar year, "1年" a duration; a bare
   multiplier ("3359.62万") where the hint is money → 万元;
7. a bare 0 < v ≤ 1 whose percent unit came from the hint sets ``likely_ratio``;
8. the phrase layer (phrase.py): when the whole text is no value, the first place inside a
   short phrase where one starts ("覆盖率达到100%", "2023年支付成本不超过300万元"); the
   text before it is kept as ``subject``; a phrase value needs a known unit, a comparator or a
   date ("评价等级0优秀" is no value of 0 优秀);
9. a short text containing a qualitative word → qualitative; anything else → text.

A comparator is only ever read from the text: 为 / 达 / 约 / 左右 state none.
"""

from __future__ import annotations

from decimal import Decimal, localcontext

from jixiao.model import Comparator, Kind, Provenance, Quantity
from jixiao.normalize import patterns as P
from jixiao.normalize.comparators import split_prefix, split_suffix, strip_filler
from jixiao.normalize.dates import format_date, read_date
from jixiao.normalize.grades import Qualitative, qualitative_of
from jixiao.normalize.numbers import leading_number
from jixiao.normalize.phrase import (
    MAX_LENGTH,
    candidates,
    clean_subject,
    cut_action,
    split_period_prefix,
    split_period_suffix,
    strip_after,
    strip_approx,
    strip_plus,
)
from jixiao.normalize.units import Unit, hint_to_unit, is_unit, resolve_unit
from jixiao.normalize.vocab import PHRASES, fold

_KIND = {
    "percent": Kind.PERCENT,
    "money": Kind.MONEY,
    "count": Kind.COUNT,
    "duration": Kind.DURATION,
    "year": Kind.YEAR,
    "number": Kind.NUMBER,
}
_YEAR_UNITS = {"年"}
_EDGE = " \t\u3000。，,；;：:"
_ONE = Decimal(1)
_MAX_DIGITS = 24  # significant digits a value may have (a 16-digit amount with 4 decimals fits)
_PREC = 60  # decimal precision for base-value arithmetic: exact for any accepted value
_HALF = [fold(h) for h in PHRASES.numerals.half]
_HALF_VALUE = Decimal("0.5")


def _fold(text: str) -> str:
    t = P.MINUS_LIKE.sub("-", fold(text)).strip(_EDGE)
    t = P.TRAILING_NOTE.sub("", t)
    m = P.BRACKETED.match(t)
    if m and not P.NUMBER_FULL.match(m.group("inner")):  # "(50分)" yes; "(1)" is a row label (行次)
        t = m.group("inner")
    return strip_filler(t)


def text_to_quantity(text: str | None, unit_hint: str | None = None, prov: Provenance | None = None,
                     year_hint: int | None = None, *, phrases: bool = True) -> Quantity:
    """Parse one value; see the module docstring.  Raises only on a bug.  ``phrases=False``
    reads the whole cell only (no value is searched inside a phrase: "新建卫生室5个" is text)."""
    raw = text if isinstance(text, str) else ""
    t = _fold(raw)
    if P.EMPTY.match(t):
        return Quantity(raw=raw, kind=Kind.EMPTY, prov=prov)

    qual = qualitative_of(t, contains=False)
    if qual is not None:
        return _qualitative(raw, None, qual, prov)

    cmp, rest = split_prefix(t)
    if cmp is not None and not rest:
        return Quantity(raw=raw, comparator=cmp, kind=Kind.EMPTY, prov=prov)
    for whole in dict.fromkeys((strip_after(t), t)):  # "37个完成", "100%完成"
        q = _value(raw, whole, unit_hint, year_hint, prov)
        if q is not None:
            return q
    q = _within_action(raw, t, unit_hint, prov)  # "24小时内响应"
    if q is not None:
        return q
    for subject, part in candidates(t) if phrases else ():  # "覆盖率达到100%", "2023年支付成本不超过300万元"
        q = _value(raw, strip_after(part), unit_hint, year_hint, prov) or _within_action(raw, part, unit_hint, prov)
        if q is None or not (q.comparator is not None or q.kind is Kind.DATE or is_unit(q.unit)):
            continue  # a bare number or an unknown word after it is no value
        if q.kind is Kind.DURATION and subject and P.YEAR_AT_END.search(subject):
            continue  # "2024年1月-6月": months of a calendar year are dates, not a duration
        return _with_subject(q, subject)
    if phrases:
        labelled = _labelled_word(raw, t, prov)  # "服务质量:优"
        if labelled is not None:
            return labelled
    return _fallback(raw, t, cmp, prov)


def _labelled_word(raw: str, t: str, prov: Provenance | None) -> Quantity | None:
    """"服务质量:优" / "群众评价：满意": a qualitative word after a label and a colon."""
    head, sep, word = t.rpartition(":")
    if not sep or not head or len(t) > MAX_LENGTH:
        return None
    qual = qualitative_of(word, contains=False)
    if qual is None:
        return None
    return _qualitative(raw, None, qual, prov).model_copy(update={"subject": clean_subject(head)})


def _within_action(raw: str, t: str, unit_hint: str | None, prov: Provenance | None) -> Quantity | None:
    """"30分钟内到达现场" → ≤ 30 分钟: a duration within which something is done."""
    cut = cut_action(t)
    if cut is None:
        return None
    q = _value(raw, cut, unit_hint, None, prov)
    return q if q is not None and q.kind is Kind.DURATION and q.comparator is Comparator.LE else None


def _with_subject(q: Quantity, subject: str | None) -> Quantity:
    """Keep the subject; a period word starting it ("人均补助标准", "每户补助") is the unit's
    denominator when the value has none of its own: 580 元/人."""
    per, rest = split_period_prefix(subject or "", before_number=False)
    if per is not None and q.unit and q.kind in (Kind.MONEY, Kind.COUNT, Kind.NUMBER) and "/" not in q.unit:
        base = f"{q.base_unit}/{per}" if q.base_unit else None
        return q.model_copy(update={"subject": rest or None, "unit": f"{q.unit}/{per}", "base_unit": base})
    return q.model_copy(update={"subject": subject})


def _value(raw: str, t: str, unit_hint: str | None, year_hint: int | None, prov: Provenance | None) -> Quantity | None:
    """The value grammar on folded ``t``: a date, a qualitative word after a comparator, or a
    number with its comparator, range and unit.  None when ``t`` as a whole is none of these."""
    d = read_date(t, year_hint)
    if d is not None:
        return Quantity(raw=raw, comparator=d.comparator, kind=Kind.DATE, date=d.iso, label=d.label,
                        polarity=1 if d.label else None, prov=prov)
    approx, t = strip_approx(t)
    per, t = split_period_prefix(t, before_number=False)  # "每年不少于4次"
    cmp, rest = split_prefix(t)
    scmp, core = split_suffix(rest)
    for word, c in ((rest, cmp), (core, cmp or scmp)):  # "≥良", "良好以上"
        qual = qualitative_of(word, contains=False) if word != t else None
        if qual is not None:
            return _qualitative(raw, c, qual, prov)
    if not approx:
        approx, rest = strip_approx(rest)  # "不少于约…" is not written, "≥5万人左右" is
    if per is None:
        per, rest = split_period_prefix(rest)

    number = _number_part(rest)
    if number is None:
        return None
    value, tail, chinese = number
    if _too_long(value):
        return None
    value, tail = _half_after_unit(value, tail)
    plus, tail = strip_plus(tail)  # "5000余人", "1万多元": a little more than the number
    approx = approx or plus

    upper: Decimal | None = None
    m = P.RANGE_TAIL.match(tail)
    if m:
        second = leading_number(tail[m.end():])
        if second is not None and not _too_long(second[0]):
            upper, tail2 = second
            unit1 = m.group("unit1")
            if unit1 and tail2 and _differ(unit1, tail2):  # "5000元-1万元": ends in different units
                return None
            tail = tail2 or unit1

    if cmp is None:
        cmp, tail = split_suffix(tail)
    else:
        _, tail = split_suffix(tail)  # "≥90%以上": the prefix already says it
    if per is None:
        per, tail = split_period_suffix(tail)

    unit, from_hint = _unit_of(tail, unit_hint, chinese)
    if unit is _NOT_A_UNIT:
        return None
    if per is not None and unit is not None:
        unit = _per(unit, per)
    q = _numeric(raw, cmp, value, upper, unit, from_hint, prov)
    return q.model_copy(update={"approx": True}) if approx else q


def _half_after_unit(value: Decimal, tail: str) -> tuple[Decimal, str]:
    """"一年半" → 1.5 年, "两天半" → 2.5 天: a half written after a duration unit."""
    for h in _HALF:
        if tail.endswith(h) and len(tail) > len(h) and value == value.to_integral_value():
            u = resolve_unit(tail[: len(tail) - len(h)], allow_unknown=False)
            if u is not None and u.kind == "duration":
                return value + _HALF_VALUE, tail[: len(tail) - len(h)]
    return value, tail


def _per(unit: Unit, per: str) -> Unit:
    """"万元" per "年" → 万元/年 (base 元/年); "元/人" per "年" → 元/人·年."""
    sep = "·" if "/" in unit.unit else "/"
    return Unit(f"{unit.unit}{sep}{per}", f"{unit.base}{sep}{per}" if unit.base else None, unit.factor, unit.kind,
                unit.known)


_NOT_A_UNIT = Unit("", None, _ONE, "number", False)


def _number_part(rest: str) -> tuple[Decimal, str, bool] | None:
    """(value, text after it, written in Chinese numerals?) or None."""
    if P.PERCENT_WORDS.match(rest):
        inner = rest[3:]
        got = leading_number(inner)
        if got is None:
            return None
        return got[0], "%" + got[1], not inner[:1].isdigit()  # "百分之九十五以上": the suffix stays
    currency = P.CURRENCY.match(rest) is not None
    if currency:
        rest = rest[1:]
    got = leading_number(rest)
    if got is None:
        return None
    value, tail = got
    chinese = not rest[:1].isdigit() and rest[:1] not in "-+"
    return value, (tail or "元") if currency else tail, chinese


def _differ(unit1: str, unit2: str) -> bool:
    """Ends in different units; "5万-10万元" has one unit (万 is the multiplier of 万元)."""
    a, b = resolve_unit(unit1), resolve_unit(_strip_suffix(unit2))
    if a is not None and b is not None and a.base is None and b.unit.startswith(a.unit) and a.factor == b.factor:
        return False
    return a is None or b is None or (a.unit, a.factor) != (b.unit, b.factor)


def _strip_suffix(text: str) -> str:
    return split_suffix(text)[1]


def _unit_of(tail: str, hint: str | None, chinese: bool) -> tuple[Unit | None, bool]:
    """The unit after the number, else the hint.  ``_NOT_A_UNIT`` when the tail is not a unit."""
    if tail:
        u = resolve_unit(tail, allow_unknown=not chinese)
        if u is None:  # "95%(抽样)": a known unit followed by a bracketed note
            m = P.UNIT_NOTE.match(tail)
            u = resolve_unit(m.group("unit"), allow_unknown=False) if m else None
        if u is not None and u.base is None:  # "3359.62万" where the column says 万元: money
            h = hint_to_unit(hint)
            if h is not None and h.kind == "money" and h.base:
                money = resolve_unit(u.unit + h.base.split("/", 1)[0], allow_unknown=False)
                if money is not None and money.factor == u.factor:
                    return money, True
        return (u if u is not None else _NOT_A_UNIT), False
    h = hint_to_unit(hint)
    return h, h is not None


def _numeric(raw: str, cmp: Comparator | None, value: Decimal, upper: Decimal | None, unit: Unit | None,
             from_hint: bool, prov: Provenance | None) -> Quantity:
    if unit is None:
        return Quantity(raw=raw, comparator=cmp, value=value, upper=upper, base_value=value,
                        base_upper=upper, kind=Kind.NUMBER, prov=prov)
    kind = _KIND.get(unit.kind, Kind.NUMBER)
    if unit.unit in _YEAR_UNITS and _is_year(value) and (upper is None or _is_year(upper)):
        kind = Kind.YEAR  # a calendar year is not converted to months
        unit = Unit(unit.unit, unit.unit, _ONE, unit.kind, unit.known)
    likely_ratio = (kind is Kind.PERCENT and from_hint and Decimal(0) < value <= _ONE
                    and (upper is None or upper <= _ONE))
    with localcontext() as ctx:
        ctx.prec = _PREC
        base_value = value * unit.factor
        base_upper = upper * unit.factor if upper is not None else None
    return Quantity(raw=raw, comparator=cmp, value=value, upper=upper, unit=unit.unit,
                    base_value=_tidy(base_value), base_upper=_tidy(base_upper), base_unit=unit.base,
                    kind=kind, likely_ratio=likely_ratio, prov=prov)


def _tidy(d: Decimal | None) -> Decimal | None:
    """18.74 × 10000 = 187400.00 → 187400 (keeps decimals that matter)."""
    if d is None:
        return None
    with localcontext() as ctx:
        ctx.prec = _PREC
        if d == d.to_integral_value():
            return d.quantize(_ONE)
        return d.normalize()


def _too_long(d: Decimal) -> bool:
    """More digits than any amount in a report: an id or a glued row, not a value."""
    return len(d.as_tuple().digits) > _MAX_DIGITS


def _is_year(v: Decimal) -> bool:
    return v == v.to_integral_value() and bool(P.YEAR_VALUE.match(str(int(v))))


def _qualitative(raw: str, cmp: Comparator | None, q: Qualitative, prov: Provenance | None) -> Quantity:
    return Quantity(raw=raw, comparator=cmp, kind=Kind.QUALITATIVE, label=q.label, polarity=q.polarity,
                    grade=q.grade, prov=prov)


def _fallback(raw: str, folded: str, cmp: Comparator | None, prov: Provenance | None) -> Quantity:
    qual = qualitative_of(folded, contains=True)
    if qual is not None and not any(c.isdigit() for c in folded):
        return _qualitative(raw, cmp, qual, prov)
    return Quantity(raw=raw, comparator=cmp, kind=Kind.TEXT, prov=prov)


def parse_quantity(text: str | None, unit_hint: str | None = None, prov: Provenance | None = None,
                   year_hint: int | None = None, *, phrases: bool = True) -> Quantity:
    """One cell or phrase → :class:`Quantity`.  Never raises: any input that cannot be
    read (or an internal error) gives ``kind="text"`` with ``raw`` kept verbatim.

    ``unit_hint``: the unit the context gives (a 度量单位 column, "（人）" in a name, the
    budget block's "万元"); ``year_hint``: the report year, for deadlines without one;
    ``phrases=False``: the whole cell only, no value searched inside a phrase (for callers that
    tell names from values by whether they parse)."""
    key = (text, unit_hint, year_hint, phrases)
    try:
        q = _MEMO.get(key)
    except TypeError:  # an unhashable argument (not a text): parsed without the memo
        return _parse(text, unit_hint, prov, year_hint, phrases)
    if q is None:
        q = _parse(text, unit_hint, None, year_hint, phrases)
        if len(_MEMO) >= MEMO_SIZE:
            _MEMO.clear()
        _MEMO[key] = q
    return q if prov is None else q.model_copy(update={"prov": prov})


def _parse(text: str | None, unit_hint: str | None, prov: Provenance | None, year_hint: int | None,
           phrases: bool) -> Quantity:
    try:
        return text_to_quantity(text, unit_hint, prov, year_hint, phrases=phrases)
    except Exception:  # noqa: BLE001 - contract: never raises; text_to_quantity is tested strictly
        raw = text if isinstance(text, str) else ""
        return Quantity(raw=raw, kind=Kind.TEXT, prov=prov)


#: Parsed values by (text, unit hint, year hint, phrases), without provenance.  The parser is a
#: pure function of those four (the vocabularies are fixed at import); the same cell texts recur
#: across the forms of a batch ("10", "/", "0.00" with 万元, "优": 13k calls, 1.9k distinct for
#: 100 files), and a Quantity is frozen, so a hit costs one copy that sets ``prov``.  Cleared when
#: full (a bounded memory, no LRU bookkeeping per call).
MEMO_SIZE = 8192
_MEMO: dict[tuple[str | None, str | None, int | None, bool], Quantity] = {}


def _fmt(d: Decimal) -> str:
    return format(d, "f")


def format_quantity(q: Quantity) -> str:
    """Quantity → text that :func:`parse_quantity` reads back to the same comparator,
    value, upper and unit ("≥2次", "18.74万人", "90-95%", "≤3个月", "优", "2021年")."""
    cmp = q.comparator.value if q.comparator is not None else ""
    if q.kind is Kind.EMPTY:
        return cmp
    if q.kind is Kind.QUALITATIVE and q.label:
        return cmp + q.label
    if q.kind is Kind.DATE:
        if q.date is None:
            return q.label or q.raw
        word = {Comparator.LE: "前", Comparator.GE: "后"}.get(q.comparator) if q.comparator else None
        text = format_date(q.date)
        return text + word if word else cmp + text
    if q.value is None:
        return q.raw
    text = cmp + _fmt(q.value)
    if q.upper is not None:
        text += "~" + _fmt(q.upper)
    return text + (q.unit or "")
