"""Values as real forms write them (issue 15): table-driven cases in tests/data/quantities_phrases.toml.

Every case asserts ``kind``, ``comparator``, ``approx``, ``subject`` and ``date`` always (absent =
None / False, so a comparator the text does not state fails the case), the other fields it lists,
and that a non-text value formats back to text that parses to the same value.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from quantity_cases import check_case

from jixiao.model import Comparator, Kind
from jixiao.normalize import parse_quantity

DATA = Path(__file__).parent / "data" / "quantities_phrases.toml"
CASES = tomllib.loads(DATA.read_text("utf-8"))["case"]
OLD = tomllib.loads((Path(__file__).parent / "data" / "quantities.toml").read_text("utf-8"))["case"]


def test_at_least_150_new_strings_with_unique_ids() -> None:
    ids = [c["id"] for c in CASES]
    assert len(set(ids)) == len(ids), [i for i in ids if ids.count(i) > 1]
    new = {(c["text"], c.get("hint"), c.get("year")) for c in CASES} - {(c["text"], c.get("hint"), None) for c in OLD}
    assert len({t for t, _, _ in new}) >= 150


@pytest.mark.parametrize("case", CASES, ids=[f"{c['id']}-{c['text']}" for c in CASES])
def test_phrase_table(case: dict) -> None:
    q = parse_quantity(case["text"], case.get("hint"), year_hint=case.get("year"))
    check_case(q, case, always=("subject", "date"),
               round_trip=("comparator", "value", "upper", "unit", "kind", "date"))


@pytest.mark.parametrize(
    ("text", "year", "date"),
    [
        ("12月31日前", 2024, "2024-12-31"),  # the hint fills a missing year
        ("2023年12月31日前", 2024, "2023-12-31"),  # a written year wins over the hint
        ("6月底前", 2024, "2024-06-30"),
        ("2月底前", 2024, "2024-02-29"),  # leap year from the hint
        ("2月底前", 2023, "2023-02-28"),
        ("2月底前", None, "--02-28"),
    ],
)
def test_year_hint(text: str, year: int | None, date: str) -> None:
    q = parse_quantity(text, year_hint=year)
    assert (q.kind, q.comparator, q.date) == (Kind.DATE, Comparator.LE, date)


def test_issue_15_examples() -> None:
    """The cells of the issue, one assertion each."""
    def read(text: str, hint: str | None = None) -> tuple[object, ...]:
        q = parse_quantity(text, hint)
        return q.kind.value, q.comparator.value if q.comparator else None, q.base_value, q.base_unit, q.subject

    assert read("成本不超过13.7584万元") == ("money", "≤", Decimal("137584"), "元", "成本")
    assert read("一年成本为不超过13.7584万元") == ("money", "≤", Decimal("137584"), "元", "一年成本")
    assert read("2023年支付成本不超过300万元") == ("money", "≤", Decimal("3000000"), "元", "2023年支付成本")
    assert read("控制在90万元以内") == ("money", "≤", Decimal("900000"), "元", None)
    assert read("覆盖率达到100%") == ("percent", "≥", Decimal("100"), "%", "覆盖率")
    assert read("完成率不低于95%") == ("percent", "≥", Decimal("95"), "%", "完成率")
    assert read("半小时内") == ("duration", "≤", Decimal("30"), "分钟", None)
    assert read("一个半月") == ("duration", None, Decimal("1.5"), "个月", None)
    assert read("不少于两次") == ("count", "≥", Decimal("2"), "次", None)
    assert read("不超过24.67万一年", "万元") == ("money", "≤", Decimal("246700"), "元/年", None)
    assert read("每人每年580元") == ("money", None, Decimal("580"), "元/人·年", None)
    assert read("580元/人") == ("money", None, Decimal("580"), "元/人", None)
    five_ten = parse_quantity("5万-10万元")
    assert (five_ten.base_value, five_ten.base_upper, five_ten.unit) == (50000, 100000, "万元")
    assert read("3359.62万", "万元") == ("money", None, Decimal("33596200"), "元", None)
    assert read("实施乡镇社区基层医疗机构37个") == ("count", None, Decimal("37"), "个", "实施乡镇社区基层医疗机构")
    for text in ("在12月31日前完成", "12月31日前"):
        q = parse_quantity(text, year_hint=2024)
        assert (q.kind, q.comparator, q.date) == (Kind.DATE, Comparator.LE, "2024-12-31"), text


@pytest.mark.parametrize(
    "text",
    ["为95%", "达95%", "实现100%", "增长10%", "约95%", "95%左右", "2024年12月31日", "12月31日", "项目完成率100%",
     "新建村级卫生室5个", "一年成本为13.7584万元", "截至2023年底"],
)
def test_no_comparator_the_text_does_not_state(text: str) -> None:
    q = parse_quantity(text)
    assert q.kind not in (Kind.TEXT, Kind.EMPTY), text
    assert q.comparator is None, text


@pytest.mark.parametrize(
    "text",
    ["第1季度", "附件2", "表3", "(含)≥2次", "补助人数为187385人，做到应保尽保。", "预算执行情况(10分)", "2月30日前",
     "13月1日前", "每年", "人均", "约", "204年参保人数下降"],
)
def test_labels_sentences_and_impossible_dates_stay_text(text: str) -> None:
    assert parse_quantity(text).kind is Kind.TEXT, text


def test_phrases_off_reads_the_whole_cell_only() -> None:
    """For callers that tell names from values by whether a token parses (text-dump realignment)."""
    assert parse_quantity("新建村级卫生室5个", phrases=False).kind is Kind.TEXT
    assert parse_quantity("新建村级卫生室5个").kind is Kind.COUNT
    assert parse_quantity("不超过24.67万一年", phrases=False).comparator is Comparator.LE  # no phrase needed
