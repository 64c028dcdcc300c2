"""jixiao.normalize.numbers: Chinese numerals read in one pass, halves and fractions, and the
robustness cases of issue 14 §7 (a 100 KB numeral cell; digit strings past Python's int limit)."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model import Quantity
from jixiao.normalize import text_to_quantity
from jixiao.normalize.numbers import cn_to_decimal, leading_number


@pytest.mark.parametrize(
    ("text", "value", "rest"),
    [
        ("两次", "2", "次"), ("三千人", "3000", "人"), ("一百零五个", "105", "个"), ("二〇二一年", "2021", "年"),
        ("十二万人", "120000", "人"), ("三点五倍", "3.5", "倍"), ("二三十", "23", "十"),  # digit reading, then "十"
        ("半年", "0.5", "年"), ("半小时", "0.5", "小时"), ("一个半月", "1.5", "月"), ("两个半小时", "2.5", "小时"),
        ("三分之一", "0.3333333333", ""), ("四分之三以上", "0.75", "以上"), ("3分之1", "0.3333333333", ""),
        ("18.74万人", "18.74", "万人"),
    ],
)
def test_leading_number(text: str, value: str, rest: str) -> None:
    assert leading_number(text) == (Decimal(value), rest)


@pytest.mark.parametrize("text", ["", "人", "万", "分之一", "个半"])
def test_leading_number_none(text: str) -> None:
    assert leading_number(text) is None


def test_a_fraction_larger_than_one_is_not_read_as_one() -> None:
    """"三分之五" is not a fraction of a report (numerator > denominator): the 3 and the rest stay."""
    assert leading_number("三分之五") == (Decimal(3), "分之五")


@pytest.mark.parametrize(("text", "want"), [("十二", 12), ("一百零五", 105), ("二〇二一", 2021), ("三点五", "3.5"),
                                            ("十百", None), ("万", None), ("二三十", None)])
def test_cn_to_decimal(text: str, want: object) -> None:
    assert cn_to_decimal(text) == (Decimal(want) if want is not None else None)


@pytest.mark.parametrize("cell", ["九" * 100_000, "一十" * 50_000, "十二万" * 33_000, "1" * 100_000,
                                  "二〇二一" * 25_000 + "年", "≥" + "三" * 100_000 + "次"])
def test_a_100kb_numeral_cell_parses_fast(cell: str) -> None:
    """Issue 14 §7: leading_number retried every prefix (over 60 s for 100 KB); one pass now."""
    t0 = time.perf_counter()
    q = text_to_quantity(cell)
    assert time.perf_counter() - t0 < 0.5
    assert q.raw == cell and q.value is None  # far too many digits to be an amount


_DIGITS = st.text(alphabet="0123456789", min_size=4000, max_size=6000)
_CN = st.text(alphabet="零〇一二两三四五六七八九十百千万亿点", min_size=1000, max_size=6000)


@settings(max_examples=30)
@given(_DIGITS, st.sampled_from(["", "年", "%", "万元", ".5", "-1", "个月以内", "年6月底前"]), st.sampled_from(["", "≥", "约"]))
def test_long_digit_strings_never_raise(digits: str, tail: str, head: str) -> None:
    """Issue 14 §7: 4300-digit int limit and decimal ConversionSyntax raised inside text_to_quantity."""
    q = text_to_quantity(head + digits + tail, "年")
    assert isinstance(q, Quantity)
    if q.value is not None:  # only zeros (000…0 is 0): never a number of thousands of digits
        assert q.value.is_finite() and len(q.value.as_tuple().digits) <= 24


@settings(max_examples=30)
@given(_CN, st.sampled_from(["", "次", "年", "人"]))
def test_long_chinese_numerals_never_raise(numeral: str, unit: str) -> None:
    assert isinstance(text_to_quantity(numeral + unit), Quantity)


@given(st.text(alphabet=st.characters(categories=["Nd"]), max_size=30))
def test_digits_of_any_script_never_raise(text: str) -> None:
    """Only ASCII digits are numbers (after NFKC folding); other scripts' digits are text, never an error."""
    assert isinstance(text_to_quantity(text), Quantity)
