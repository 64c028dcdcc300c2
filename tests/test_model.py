from __future__ import annotations

import json
from decimal import Decimal

import pytest
from pydantic import ValidationError

from jixiao.model import (
    BudgetLine,
    Comparator,
    Document,
    Finding,
    Indicator,
    Kind,
    LineKind,
    Provenance,
    Quantity,
    Report,
    Severity,
    TextItem,
)
from jixiao.serialize import canonical_json


def _doc() -> Document:
    prov = Provenance(source="corpus/seed-004/report.txt", table=0, row=13, col=5, line_start=120, line_end=120,
                      text="≤")
    q = Quantity(raw="≤95000 元", comparator=Comparator.LE, value=Decimal("95000"), unit="元",
                 base_value=Decimal("95000"), base_unit="元", kind=Kind.MONEY, prov=prov)
    ind = Indicator(seq=0, level1="成本指标", level2="经济成本指标", name="防贫保服务费", comparator="≤",
                    unit="元", target=q, actual=Quantity(raw="0.00", value=Decimal("0.00"), kind=Kind.NUMBER),
                    weight=Quantity(raw="20", value=Decimal("20"), kind=Kind.NUMBER), filled=["level1"], prov=prov)
    line = BudgetLine(seq=0, line="总额", kind=LineKind.TOTAL, money_unit="万元",
                      adjusted=Quantity(raw="18.02", value=Decimal("18.02"), kind=Kind.NUMBER))
    rep = Report(report_id="x-0", seq=0, project_name=TextItem(text="防贫保服务费"), year=2024,
                 budget_lines=[line], indicators=[ind])
    f = Finding(rule_id="BUD002", severity=Severity.ERROR, title="t", message="m", report_seq=0,
                subject="budget_lines[0].rate", evidence=[prov])
    return Document(doc_id="x", source="a.txt", format="txt", sha256="0" * 64, reports=[rep], findings=[f])


def test_json_round_trip_is_exact() -> None:
    doc = _doc()
    again = Document.model_validate_json(doc.model_dump_json())
    assert again == doc
    assert again.reports[0].indicators[0].target.base_value == Decimal("95000")


def test_canonical_json_keeps_decimals_as_strings_and_sorts_keys() -> None:
    text = canonical_json(_doc())
    data = json.loads(text)
    assert data["reports"][0]["budget_lines"][0]["adjusted"]["value"] == "18.02"
    assert list(data) == sorted(data)
    assert canonical_json(Document.model_validate(data)) == text


def test_models_are_frozen_and_strict() -> None:
    doc = _doc()
    with pytest.raises(ValidationError):
        doc.status = "error"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Quantity(raw="1", unknown_field=1)  # type: ignore[call-arg]
