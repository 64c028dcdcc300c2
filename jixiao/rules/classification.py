"""Indicator classification conventions (IND008): where an indicator sits in the
level-1 / level-2 tree (domain catalogue 14)."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.model import Report, Severity
from jixiao.rules.config import RulesConfig
from jixiao.rules.facts import provs
from jixiao.rules.registry import Evidence, rule


def _plain(text: str | None) -> str:
    return "".join((text or "").split())


@rule("IND008", Severity.WARNING, title="Indicator misclassified",
      message="{name}归类不当：{why}")
def misclassified(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A convention (a warning): a satisfaction indicator (满意度/满意率 in its level-2 or
    name) sits under a level-1 other than 满意度指标 (满意度 used as 效益; a level-1 that is itself
    about satisfaction — 服务对象满意度, a department form's level 1 — is one), or — in a report
    of 2021 or later, when 成本指标 became a level-1 of its own — 成本指标 is a level-2 under
    产出指标.  Words, level names and the year come from the configuration."""
    c = cfg.indicators
    for i, ind in enumerate(report.indicators):
        level1, level2 = _plain(ind.level1), _plain(ind.level2)
        if not level1:
            continue
        about = level2 + _plain(ind.name)
        satisfaction_level1 = level1 in c.satisfaction_level1 or any(w in level1 for w in c.satisfaction_words)
        if any(w in about for w in c.satisfaction_words) and not satisfaction_level1:
            yield Evidence(f"indicators[{i}].level1",
                           {"name": ind.name, "why": f"满意度类指标列在“{ind.level1}”下，应属满意度指标"},
                           expected="满意度指标", actual=ind.level1, provs=provs(ind))
        elif (report.year is not None and report.year >= c.cost_level1_since and level1 in c.output_level1
              and any(w in level2 for w in c.cost_words)):
            yield Evidence(f"indicators[{i}].level2",
                           {"name": ind.name,
                            "why": f"{c.cost_level1_since}年起成本指标为一级指标，不应列在“{ind.level1}”下"},
                           expected="成本指标（一级）", actual=f"{ind.level1} / {ind.level2}", provs=provs(ind))
