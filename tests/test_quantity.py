"""Table-driven tests of jixiao.normalize.parse_quantity (examples in tests/data/quantities.toml).

Every case names where the text was seen (a seed cell, domain.md, or "synthetic" for edge
cases the seeds lack).  A case asserts ``kind``, ``comparator`` (absent = None) and
``likely_ratio`` and ``approx`` (absent = False) always, and any other field it lists; ``none`` lists
fields that must be None.
"""

from __future__ import annotations

import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from quantity_cases import check_case

from jixiao.model import Comparator, Kind, Provenance
from jixiao.normalize import (
    grade_of,
    is_unit,
    parse_comparator,
    parse_decimal,
    parse_quantity,
)

DATA = Path(__file__).parent / "data" / "quantities.toml"
CASES = tomllib.loads(DATA.read_text("utf-8"))["case"]


def test_table_has_enough_cases_with_unique_ids() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) >= 150
    assert len(set(ids)) == len(ids), [i for i in ids if ids.count(i) > 1]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_quantity_table(case: dict) -> None:
    q = parse_quantity(case["text"], case.get("hint"))
    check_case(q, case, always=("likely_ratio",), round_trip=("comparator", "value", "upper", "unit"))


def test_prov_is_kept() -> None:
    prov = Provenance(source="corpus/seed-001/report.txt", line_start=140, text="≥2 次")
    assert parse_quantity("≥2 次", prov=prov).prov == prov
    assert parse_quantity("完全不是数值的文字", prov=prov).prov == prov


def test_brief_examples() -> None:
    """The three values of the brief's "done when" line."""
    a, b, c = parse_quantity("≥2 次"), parse_quantity("18.74万人"), parse_quantity("≤95000 元")
    assert (a.comparator, a.value, a.unit, a.base_value) == (Comparator.GE, 2, "次", 2)
    assert (b.comparator, b.value, b.unit, b.base_value, b.base_unit) == (None, Decimal("18.74"), "万人", 187400, "人")
    assert (c.comparator, c.value, c.unit, c.base_value, c.kind) == (Comparator.LE, 95000, "元", 95000, Kind.MONEY)


def test_non_string_input_never_raises() -> None:
    assert parse_quantity(None).kind == Kind.EMPTY
    assert parse_quantity(12345).kind == Kind.EMPTY  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("1,234.5", "1234.5"),
        ("９５", "95"),
        ("0.00 ", "0.00"),
        ("3200000", "3200000"),  # seed-001 预算安排 (元)
        ("2299203.92", "2299203.92"),  # seed-001 实际支出
        ("1521.57", "1521.57"),  # seed-000 全年执行资金
        ("-3", "-3"),
        ("71.85", "71.85"),
    ],
)
def test_parse_decimal(text: str, want: str) -> None:
    assert parse_decimal(text) == Decimal(want)


@pytest.mark.parametrize("text", ["", None, "95%", "万元", "1,2", "1.2.3", "abc", "/", "两"])
def test_parse_decimal_rejects(text: str | None) -> None:
    assert parse_decimal(text) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("≥", Comparator.GE), ("≧", Comparator.GE), (">=", Comparator.GE), ("不少于", Comparator.GE),
        ("不低于", Comparator.GE), ("大于等于", Comparator.GE), ("≤", Comparator.LE), ("≦", Comparator.LE),
        ("<=", Comparator.LE), ("不超过", Comparator.LE), ("不高于", Comparator.LE), ("以内", Comparator.LE),
        ("＝", Comparator.EQ), ("=", Comparator.EQ), ("═", Comparator.EQ), ("等于", Comparator.EQ),
        ("达到", Comparator.GE), (">", Comparator.GT), ("<", Comparator.LT), ("＞", Comparator.GT),
        (" ≥ ", Comparator.GE), ("定性", "定性"),
    ],
)
def test_parse_comparator(text: str, want: object) -> None:
    assert parse_comparator(text) == want


@pytest.mark.parametrize("text", ["", None, "指标性质", "完成", "2次", "≥2"])
def test_parse_comparator_rejects(text: str | None) -> None:
    assert parse_comparator(text) is None


@pytest.mark.parametrize(
    "text", ["次", "个月", "万人", "%", "％", "元/年", "人次", "户", "篇（部）", "处", "年", "万元", "百分比", "‰", "天", "日"]
)
def test_is_unit(text: str) -> None:
    assert is_unit(text)


@pytest.mark.parametrize("text", ["", None, "其他", "完成", "2次", "优", "指标值", "次数abc"])
def test_is_not_unit(text: str | None) -> None:
    assert not is_unit(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("优", "优"), ("优秀", "优"), ("一等", "优"), ("良", "良"), ("良好", "良"), ("二等", "良"),
        ("中", "中"), ("合格", "中"), ("差", "差"), ("不合格", "差"), ("四等", "差"),
        ('"优秀"', "优"),  # seed-001: 属于"优秀"
        ("完成", None), ("", None), (None, None), ("99.51", None),
    ],
)
def test_grade_of(text: str | None, want: str | None) -> None:
    assert grade_of(text) == want


def _seed_cells(seed: str) -> list[str]:
    """Short cells of a seed dump holding a digit: one cell per line in the DOCX dumps
    (000, 004), space-separated cells in the pdftotext dump (001)."""
    text = (Path(__file__).parent.parent / "corpus" / seed / "report.txt").read_text("utf-8")
    cells = []
    for line in text.splitlines():
        parts = line.split() if seed == "seed-001" else [line.strip()]
        cells += [c for c in parts if c and len(c) <= 12 and any(ch.isdigit() for ch in c)]
    return cells


# Every short digit-bearing cell of the table seeds is a value, except these (quoted from the
# seeds): 行次 formulas, numbered headings, labels with a weight, and one reason sentence.
SEED_NON_VALUES = {
    "(1)", "(2)", "(3)", "(4)", "(5)=(3)-(4)", "(6)=(3)/(2)", "(7)=(4)/(2)", "(6)=(3)/(1)", "(7)=(3)/(2)",
    "(8)=(4)/(3)", "（2）. 项目年度目标", "2. 产出情况及分析", "3. 效益情况及分析", "4. 满意度情况及分析",
    "1.", "2.", "1.自评价评分附件表", "1.项目年度目标完成情况", "2.项目实施内容及过程概述", "预算执行情况（10分）",
    "绩效指标（90分）", "204年参保人数下降",
}


@pytest.mark.parametrize("seed", ["seed-000", "seed-001", "seed-004"])
def test_seed_cells_with_digits_parse_as_values(seed: str) -> None:
    text_cells = {c for c in _seed_cells(seed) if parse_quantity(c).kind is Kind.TEXT}
    assert text_cells <= SEED_NON_VALUES, sorted(text_cells - SEED_NON_VALUES)
    for c in SEED_NON_VALUES & set(_seed_cells(seed)):
        assert parse_quantity(c).kind is Kind.TEXT, c


# ---------------------------------------------------------------- the memo of parse_quantity
def test_memo_gives_the_parser_result_with_each_callers_provenance() -> None:
    from jixiao.normalize import quantity as q_mod

    q_mod._MEMO.clear()
    a, b = Provenance(source="a.docx", row=1), Provenance(source="b.pdf", page=2)
    first = parse_quantity("≥95%", None, a)
    second = parse_quantity("≥95%", None, b)  # a memo hit
    assert ("≥95%", None, None, True) in q_mod._MEMO
    assert first.prov == a and second.prov == b
    assert second == q_mod.text_to_quantity("≥95%", None, b)
    assert second.model_dump(exclude={"prov"}) == first.model_dump(exclude={"prov"})
    assert parse_quantity("≥95%").prov is None
    # the hints are part of the key: the same text under another unit hint is parsed again
    assert parse_quantity("0.95", "%").likely_ratio and not parse_quantity("0.95").likely_ratio
    assert parse_quantity("12月31日前", year_hint=2024).date == "2024-12-31"
    assert parse_quantity("12月31日前").date == "--12-31"
    assert parse_quantity("新建卫生室5个", phrases=False).kind is Kind.TEXT


def test_memo_is_bounded_and_never_raises_for_an_unhashable_argument() -> None:
    from jixiao.normalize import quantity as q_mod

    q_mod._MEMO.clear()
    for i in range(q_mod.MEMO_SIZE + 5):
        parse_quantity(f"{i}个")
    assert 0 < len(q_mod._MEMO) <= q_mod.MEMO_SIZE
    assert parse_quantity(["5个"]).kind is Kind.EMPTY  # type: ignore[arg-type]  # not a text: read as "", no crash
