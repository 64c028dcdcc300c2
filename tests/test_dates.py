"""jixiao.normalize.dates: deadlines and days → (comparator, ISO date), bounds, formatting."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.model import Comparator
from jixiao.normalize.dates import DateValue, date_bounds, format_date, read_date

LE, GE = Comparator.LE, Comparator.GE


@pytest.mark.parametrize(
    ("text", "year", "cmp", "iso"),
    [
        ("12月31日前", None, LE, "--12-31"), ("12月31日前", 2024, LE, "2024-12-31"),
        ("在12月31日前完成", 2024, LE, "2024-12-31"), ("2024年6月底前", None, LE, "2024-06-30"),
        ("2024年6月底前", 2019, LE, "2024-06-30"), ("年底前", 2023, LE, "2023-12-31"), ("年内", 2023, LE, "2023-12-31"),
        ("2024年内", None, LE, "2024-12-31"), ("本年度内", None, LE, "--12-31"), ("6月30日后", None, GE, "--06-30"),
        ("2024-12-31", None, None, "2024-12-31"), ("2024/6/30", None, None, "2024-06-30"),
        ("2024年6月", None, None, "2024-06"), ("6月前", 2024, LE, "2024-06"), ("6月前", None, LE, "--06"),
        ("十月中旬前", None, LE, "--10-20"), ("11月下旬前", 2023, LE, "2023-11-30"), ("3月初", None, None, "--03-01"),
        ("二〇二四年十二月三十一日", None, None, "2024-12-31"),
    ],
)
def test_read_date(text: str, year: int | None, cmp: Comparator | None, iso: str) -> None:
    d = read_date(text, year)
    assert d is not None and (d.comparator, d.iso) == (cmp, iso)


@pytest.mark.parametrize("text", ["", "6月", "12个月", "2月30日", "13月1日前", "2024", "2024-12", "2024.6", "前",
                                  "12月31日前后", "年"])
def test_not_dates(text: str) -> None:
    """A month alone is a duration; "2024-12" is a range; impossible days are no dates."""
    assert read_date(text) is None


def test_on_time_is_a_deadline_without_a_day() -> None:
    for word in ("按时", "按期", "如期", "准时"):
        d = read_date(word)
        assert d is not None and (d.comparator, d.iso, d.label) == (LE, None, "按时"), word


@pytest.mark.parametrize(
    ("iso", "year", "first", "last"),
    [
        ("2024-06-30", None, dt.date(2024, 6, 30), dt.date(2024, 6, 30)),
        ("2024-02", None, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("--12-31", 2023, dt.date(2023, 12, 31), dt.date(2023, 12, 31)),
        ("--06", 2023, dt.date(2023, 6, 1), dt.date(2023, 6, 30)),
    ],
)
def test_date_bounds(iso: str, year: int | None, first: dt.date, last: dt.date) -> None:
    assert date_bounds(iso, year) == (first, last)


def test_date_bounds_unknown() -> None:
    assert date_bounds("--12-31") is None  # no year anywhere
    assert date_bounds("--02-29", 2023) is None  # not a day of that year
    assert date_bounds("nonsense") is None


@pytest.mark.parametrize("iso", ["2024-06-30", "--12-31", "2024-06", "--02-29"])
def test_format_date_reads_back(iso: str) -> None:
    text = format_date(iso)
    d = read_date(text) if not iso.startswith("--") or iso.count("-") == 3 else read_date(text + "前")
    assert d is not None and d.iso == iso, text


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.sampled_from(["{y}年{m}月{d}日", "{y}-{m:02d}-{d:02d}", "{y}/{m}/{d}", "{y}.{m:02d}.{d:02d}", "{y}年{m}月{d}号"]),
       st.sampled_from(["", "前", "之前", "以后"]))
def test_any_day_in_any_written_form_reads_as_its_iso_date(day: dt.date, form: str, word: str) -> None:
    text = form.format(y=day.year, m=day.month, d=day.day) + (word if "年" in form else "")
    d = read_date(text)
    assert d is not None and d.iso == day.isoformat(), text
    assert d.comparator == {"": None, "前": LE, "之前": LE, "以后": GE}[word if "年" in form else ""]
    assert read_date(format_date(d.iso)) == DateValue(None, d.iso)
