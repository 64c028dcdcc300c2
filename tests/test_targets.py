"""One notion of "target met" for the rules and the dataset (jixiao/targets.py)."""

from __future__ import annotations

from rule_cases_loader import load

from jixiao.rules.config import DEFAULT
from jixiao.rules.facts import policy
from jixiao.rules.facts import target_met as rules_target_met
from jixiao.targets import DEFAULT_POLICY, target_met

C = load()


def test_default_policy_is_the_rules_default_configuration() -> None:
    assert policy(DEFAULT) == DEFAULT_POLICY


def test_met_missed_and_unknown() -> None:
    assert target_met(C.F5_POP) is False  # 17.67万人 of ≥ 18万人
    ratio = C.ind(4, "产出指标", "质量指标", "医保待遇保障率", "＝", "100", "%", "1", "10", "10")
    assert target_met(ratio) is None  # "1" in a percent row: a likely ratio, never 1 %
    cost = C.ind(8, "产出指标", "成本指标", "资金成本控制数", "＝", "67", "万元", "40.9万元", "10", "5")
    assert target_met(cost) is True  # ＝ on a cost indicator reads as ≤
    for ind in (C.F5_POP, ratio, cost, *C.BASE.indicators):
        assert target_met(ind) == rules_target_met(ind, DEFAULT)
