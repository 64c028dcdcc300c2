"""jixiao.rules.dates: when a deadline target is missed (IND030 / SCR030 share ``deadline_missed``)."""

from __future__ import annotations

import pytest

from jixiao.model import Indicator
from jixiao.normalize import parse_quantity
from jixiao.rules.dates import deadline_missed


def _ind(target: str, actual: str | None) -> Indicator:
    return Indicator(seq=0, name="完成时限", target=parse_quantity(target),
                     actual=parse_quantity(actual) if actual is not None else None)


@pytest.mark.parametrize(
    ("target", "actual", "year", "missed"),
    [
        ("12月31日前", "2025年3月31日", 2024, True),
        ("12月31日前", "2024年12月31日", 2024, False),  # on the day is in time
        ("12月31日前", "2024年12月", 2024, False),  # a month within the deadline's month: kept
        ("2024年6月底前", "2024年7月1日", None, True),
        ("2024年6月底前", "2024年6月", None, False),
        ("6月30日前", "7月15日", None, True),  # no year on either side: compared within one year
        ("6月30日前", "2024年7月15日", None, False),  # one side without a year and no report year: not told
        ("6月30日前", "2024年7月15日", 2024, True),
        ("6月30日后", "2024年6月1日", 2024, True),  # a "…后" target met only on or after its day
        ("6月30日后", "2024年7月1日", 2024, False),
        ("年内", "2025年1月10日", 2024, True),
        ("三季度末前", "2024年10月8日", 2024, True),
        ("按时", "未按时完成", 2024, True),
        ("按时", "滞后", 2024, True),
        ("按时", "按时", 2024, False),
        ("12月31日前", "完成", 2024, False),  # a qualitative "done" states no day: not a miss
        ("12月31日前", "已完成", 2024, False),
        ("12月31日前", None, 2024, False),
        ("2024年12月31日", "2025年1月1日", 2024, False),  # a date without 前/后 is no deadline
        ("≤3个月", "4个月", 2024, False),  # not a date target: the IND rules compare it
    ],
)
def test_deadline_missed(target: str, actual: str | None, year: int | None, missed: bool) -> None:
    assert deadline_missed(_ind(target, actual), year) is missed
