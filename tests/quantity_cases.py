"""One checker for the table-driven value cases (tests/data/quantities*.toml), shared by
tests/test_quantity.py and tests/test_quantity_phrases.py.

A case asserts ``raw``, ``kind``, ``comparator`` (absent = None) and ``approx`` always, each
field of ``always`` (absent = None / False), every other field it lists, ``none`` (fields that
must be None), and that a non-text value formats back to text that parses to the same
``round_trip`` fields.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Comparator, Kind, Quantity
from jixiao.normalize import format_quantity, parse_quantity

DECIMAL_FIELDS = ("value", "upper", "base_value", "base_upper")
TEXT_FIELDS = ("unit", "base_unit", "label", "grade", "subject", "date")
FLAGS = ("likely_ratio", "approx")


def check_case(q: Quantity, case: dict, always: tuple[str, ...], round_trip: tuple[str, ...]) -> None:
    assert q.raw == case["text"]
    assert q.kind == Kind(case["kind"])
    want_cmp = case.get("comparator")
    assert q.comparator == (Comparator(want_cmp) if want_cmp else None)
    assert q.approx is case.get("approx", False)
    for f in always:
        assert getattr(q, f) == case.get(f, False if f in FLAGS else None), f
    for f in DECIMAL_FIELDS:
        if f in case:
            got = getattr(q, f)
            assert got is not None and got == Decimal(case[f]), f"{f}: {got!r} != {case[f]!r}"
    for f in TEXT_FIELDS:
        if f in case:
            assert getattr(q, f) == case[f], f
    if "polarity" in case:
        assert q.polarity == case["polarity"]
    for f in case.get("none", []):
        assert getattr(q, f) is None, f
    if q.kind is not Kind.TEXT:
        again = parse_quantity(format_quantity(q), case.get("hint"))
        assert tuple(getattr(again, f) for f in round_trip) == tuple(getattr(q, f) for f in round_trip), \
            format_quantity(q)
