"""Property tests of jixiao.normalize: never raises, round trips, multiplier consistency."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, example, given
from hypothesis import strategies as st

from jixiao.model import Comparator, Kind, Quantity
from jixiao.normalize import format_quantity, parse_decimal, parse_quantity, text_to_quantity
from jixiao.normalize import vocab as V

# Characters that steer the parser into its interesting corners, mixed with arbitrary Unicode.
_PARSER_CHARS = list("0123456789０１２３４５６７８９.,，-−~～—%％‰≥≤≧≦=＝═<>＜＞ \t\u3000/()（）")
_PARSER_CHARS += list("万亿千百十零〇一二两三四五六七八九点人次元年月个日天户份篇部处以上内下不少于超过达到")
_PARSER_CHARS += ["百分比", "百分之", "个月", "万元", "人次", "优秀", "未完成", "基本完成", "(含)"]
# issue 15: phrases, halves, fractions, periods, deadlines, approximations
_PARSER_CHARS += ["半", "个半", "分之", "每人每年", "每年", "一年", "/人", "左右", "约", "月", "日", "底", "前", "之前", "年内",
                  "按时", "在", "完成", "覆盖率", "达到", "控制在", "第", "旬", "号", "2024年", "12月31日", "，"]
_TEXT = st.one_of(
    st.text(),
    st.lists(st.sampled_from(_PARSER_CHARS), max_size=12).map("".join),
    st.lists(st.one_of(st.sampled_from(_PARSER_CHARS), st.characters()), max_size=12).map("".join),
)
_HINT = st.one_of(st.none(), st.sampled_from(["%", "百分比", "人", "万元", "元", "年", "（人）", "其他", "篇（部）"]), st.text(max_size=4))


@given(_TEXT, _HINT, st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)))
@example("\ud800", None, None)  # lone surrogate
@example("1" * 5000, "%", None)
@example("９" * 40 + "万亿元", None, None)
@example("十百千万亿", None, None)
@example("2月29日前", None, 2023)
@example("覆盖率达到" + "1" * 5000 + "%", None, None)
def test_text_to_quantity_never_raises(text: str, hint: str | None, year: int | None) -> None:
    """The strict parser (no safety net) returns a Quantity for any string."""
    q = text_to_quantity(text, hint, year_hint=year)
    assert isinstance(q, Quantity)
    assert q.raw == text
    if q.value is not None:
        assert q.value.is_finite()
        assert q.kind not in (Kind.TEXT, Kind.EMPTY, Kind.QUALITATIVE)
    if q.likely_ratio:
        assert q.kind is Kind.PERCENT and q.value is not None and 0 < q.value <= 1
    if q.kind is Kind.DATE:
        assert q.value is None and (q.date is not None or q.label is not None)
    else:
        assert q.date is None


@given(_TEXT, _HINT)
def test_parse_quantity_is_idempotent_through_format(text: str, hint: str | None) -> None:
    q = parse_quantity(text, hint)
    if q.kind is Kind.TEXT:
        return
    again = parse_quantity(format_quantity(q), hint)
    assert (again.comparator, again.value, again.upper, again.unit, again.kind, again.label) == (
        q.comparator, q.value, q.upper, q.unit, q.kind, q.label)


_UNITS = sorted({u.name for u in V.UNITS.unit} | {m.prefix + b for m in V.MULTIPLIERS.multiplier for b in ("元", "人", "人次", "户")})
_DEC = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2, allow_nan=False, allow_infinity=False)


@given(
    cmp=st.one_of(st.none(), st.sampled_from(list(Comparator))),
    value=_DEC,
    unit=st.one_of(st.none(), st.sampled_from(_UNITS)),
    width=st.one_of(st.none(), st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e6"), places=2)),
    space=st.sampled_from(["", " ", "\u3000"]),
)
def test_generated_quantities_round_trip(cmp: Comparator | None, value: Decimal, unit: str | None,
                                         width: Decimal | None, space: str) -> None:
    assume(not (width is not None and value < 0))  # "-5--3" style ranges are not written in reports
    upper = None if width is None else value + width
    text = (cmp.value if cmp else "") + space + format(value, "f")
    if upper is not None:
        text += "-" + format(upper, "f")
    text += space + (unit or "")
    q = parse_quantity(text)
    assert (q.comparator, q.value, q.upper) == (cmp, value, upper), text
    assert q.unit == unit, text
    back = parse_quantity(format_quantity(q))
    assert (back.comparator, back.value, back.upper, back.unit, back.kind) == (q.comparator, q.value, q.upper,
                                                                                q.unit, q.kind)


@given(st.decimals(min_value=0, max_value=Decimal("1e7"), places=4))
def test_multiplier_consistency(x: Decimal) -> None:
    wan_yuan, yuan = parse_quantity(f"{x}万元"), parse_quantity(f"{x * 10000}元")
    assert wan_yuan.kind is Kind.MONEY and yuan.kind is Kind.MONEY
    assert wan_yuan.base_unit == yuan.base_unit == "元"
    assert wan_yuan.base_value == yuan.base_value == x * 10000
    yi = parse_quantity(f"{x}亿元")
    assert (yi.base_value, yi.base_unit, yi.unit) == (x * 100_000_000, "元", "亿元")
    wan_ren = parse_quantity(f"{x}万人")
    assert (wan_ren.base_value, wan_ren.base_unit, wan_ren.kind) == (x * 10000, "人", Kind.COUNT)
    hinted = parse_quantity(format(x, "f"), "万元")
    assert hinted.base_value == wan_yuan.base_value


@given(_DEC, st.booleans())
def test_parse_decimal_reads_formatted_decimals(d: Decimal, grouped: bool) -> None:
    text = f"{d:,f}" if grouped else format(d, "f")
    assert parse_decimal(text) == d
    assert parse_decimal("  " + text.translate(str.maketrans("0123456789", "０１２３４５６７８９")) + " ") == d


@given(st.decimals(min_value=0, max_value=1, places=3).filter(lambda d: d > 0), st.sampled_from(["%", "百分比"]))
def test_bare_ratio_in_percent_column_is_flagged_not_scaled(v: Decimal, hint: str) -> None:
    q = parse_quantity(format(v, "f"), hint)
    assert q.likely_ratio and q.value == v and q.unit == "%"
    assert not parse_quantity(format(v, "f") + "%", hint).likely_ratio


_CN = "零一二三四五六七八九"


def _to_chinese(n: int) -> str:
    """Reference writer of Chinese numerals (positional, 万/亿 sections)."""
    if n == 0:
        return "零"

    def below_10000(k: int) -> str:
        out, zero = "", False
        for unit, base in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            d, k = divmod(k, base)
            if d:
                if zero:
                    out += "零"
                out += _CN[d] + unit
                zero = False
            elif out:
                zero = True
        return out

    parts = []
    for unit, base in (("亿", 10**8), ("万", 10**4), ("", 1)):
        d, n = divmod(n, base)
        if d:
            parts.append(below_10000(d) + unit)
    return "".join(parts)


@given(st.integers(min_value=1, max_value=10**12 - 1), st.sampled_from(["人", "次", "户", "个", "份"]))
def test_chinese_numerals(n: int, unit: str) -> None:
    text = _to_chinese(n) + unit
    q = parse_quantity(text)
    assert (q.value, q.unit) == (n, unit), text


_SUBJECTS = ["覆盖率", "满意度", "培训人数", "补助资金", "受益户数", "建设任务", "完成投资", "政策知晓率", "2023年支付成本",
             "新建村级卫生室", "运维费用", "救助人次"]
_LINKS = ["", *V.PHRASES.phrase.before]
_PREFIXES = [(s, Comparator(c.symbol)) for c in V.COMPARATORS.comparator if c.symbol != "定性" for s in c.prefix]
_PHRASE_UNITS = ["%", "人", "人次", "次", "个", "户", "万元", "元", "万人", "台", "天", "个月", "元/人", "分"]


@given(
    subject=st.sampled_from(_SUBJECTS),
    link=st.sampled_from(_LINKS),
    cmp=st.one_of(st.none(), st.sampled_from(_PREFIXES)),
    value=st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e7"), places=2),
    unit=st.sampled_from(_PHRASE_UNITS),
    after=st.sampled_from(["", *V.PHRASES.phrase.after]),
)
def test_a_phrase_with_a_number_keeps_that_number(subject: str, link: str, cmp: tuple[str, Comparator] | None,
                                                 value: Decimal, unit: str, after: str) -> None:
    """Issue 15: subject + link word + (comparator) + number + unit + (after word) → that number,
    that unit, the subject, and the comparator written — none when none is written."""
    text = subject + link + (cmp[0] if cmp else "") + format(value, "f") + unit + after
    q = parse_quantity(text)
    assert (q.value, q.unit, q.subject) == (value, unit, subject), text
    assert q.comparator == (cmp[1] if cmp else None), text


_STATED = sorted({V.fold(s) for c in V.COMPARATORS.comparator for s in (*c.prefix, *c.suffix)}
                 | {V.fold(s) for s in (*V.PHRASES.dates.le, *V.PHRASES.dates.ge, *V.PHRASES.dates.within,
                                        *V.PHRASES.dates.on_time)})


@given(_TEXT, _HINT)
@example("覆盖率为95%", None)
@example("约5万人左右", None)
@example("2024年12月31日", None)
def test_a_comparator_is_only_read_where_the_text_states_one(text: str, hint: str | None) -> None:
    """Issue 15: never a comparator the text does not state — every comparator comes from a
    comparator spelling, a deadline word (前 / 后 / 内) or an on-time word written in the text."""
    q = parse_quantity(text, hint)
    if q.comparator is not None:
        folded = V.fold(text)
        assert any(s in folded for s in _STATED), (text, q.comparator)
