"""assemble/prose_budget.py: every figure a budget sentence states, each with the sentence as
provenance ("全年预算为X万元，支出决算为Y万元，完成年初预算的Z%")."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.assemble.prose import paragraphs_to_report
from jixiao.extract.text import text_to_raw


def _line(text: str):
    r = paragraphs_to_report(text_to_raw(text, "synthetic.txt").paragraphs())
    (b,) = r.budget_lines
    return b


@pytest.mark.parametrize(("text", "want"), [
    ("项目全年预算为500.00万元，支出决算为450.00万元，完成年初预算的90.00%。",
     {"adjusted": "500.00", "executed": "450.00", "rate": "90.00"}),
    ("该项目年初预算为120万元，调整后预算为150万元，决算数为148.50万元，完成全年预算的99.00%。",
     {"initial": "120", "adjusted": "150", "executed": "148.50", "rate": "99.00"}),
    ("年初预算安排80万元，决算支出76万元，预算完成率95%。",
     {"initial": "80", "executed": "76", "rate": "95"}),
])
def test_budget_sentence_gives_every_figure(text: str, want: dict[str, str]) -> None:
    b = _line(text)
    for role, value in want.items():
        q = getattr(b, role)
        assert q is not None and q.value == Decimal(value), role
        assert q.prov is not None and q.prov.text.startswith(text[:6]) and q.prov.line_start == 1
    for role in {"initial", "adjusted", "executed", "rate"} - want.keys():
        assert getattr(b, role) is None, role


def test_a_completion_rate_of_an_indicator_is_not_the_budget_rate() -> None:
    r = paragraphs_to_report(text_to_raw("全年预算为500万元。道路养护任务完成率为98%。", "s.txt").paragraphs())
    (b,) = r.budget_lines
    assert b.adjusted.value == Decimal("500") and b.rate is None
