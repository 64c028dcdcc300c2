"""The rule catalogue: every rule documented, every rule with a firing and a quiet case taken
from the seeds (tests/data/rule_cases.py), the runner's contract (all findings, a crashing
rule recorded, select/ignore, rendered messages)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from rule_cases_loader import load

from jixiao.model import Report, Severity
from jixiao.rules import REGISTRY, run_rules, selected_rules
from jixiao.rules.registry import Evidence, Rule, register, render

C = load()


def _ids(case: object) -> str:
    return f"{case.rule_id}-{'fires' if case.should_fire else 'quiet'}-{case.label[:40]}"


@pytest.mark.parametrize("case", C.CASES, ids=_ids)
def test_case(case: object) -> None:
    findings = run_rules(case.document(), select=[case.rule_id])
    fired = [f for f in findings if f.rule_id == case.rule_id]
    crashed = [f for f in findings if f.rule_id == "EXT000"]
    assert not crashed, crashed
    assert bool(fired) == case.should_fire, [f.message for f in fired]
    for f in fired:
        assert f.severity == (case.severity or REGISTRY[case.rule_id].severity)
        assert f.title == REGISTRY[case.rule_id].title
        assert "?" not in f.message and "{" not in f.message, f.message
        assert f.subject


def test_every_rule_documented_and_covered_both_ways() -> None:
    fires = {c.rule_id for c in C.CASES if c.should_fire}
    quiet = {c.rule_id for c in C.CASES if not c.should_fire}
    for rid, r in REGISTRY.items():
        assert r.doc.strip(), f"{rid} has no docstring"
        assert r.title and r.message, rid
        assert rid[:3] in {"BUD", "IND", "SCR", "TXT", "EXT"} and rid[3:].isdigit() and len(rid) == 6, rid
        if rid == "EXT000":  # fired by the runner, covered by test_crashing_rule_is_recorded
            continue
        assert rid in fires, f"{rid} has no firing case"
        assert rid in quiet, f"{rid} has no quiet case"


def test_base_report_is_clean() -> None:
    """Seed 004 form 4 as built in the cases (the one consistent form of that file)."""
    assert run_rules(C.doc_of(C.BASE)) == []


def test_seed004_form5_execution_rate_message() -> None:
    f = run_rules(C.doc_of(C.BASE.model_copy(update={"budget_lines": [C.FORM5_LINE]})), select=["BUD002"])[0]
    assert f.message.startswith("预算执行率与执行数/调整后预算数不符：填报94.77%，83.39/88.00 = 94.76%")
    # 83.385…83.395 / 87.995…88.005 spans 94.75%…94.77%: the message says the gap may be display rounding
    assert f.message.endswith("（按金额的显示精度，执行率可在94.75%–94.77%之间，差异或来自未显示的小数位）"
                              "（无法从显示的数字确认）")
    assert f.severity == Severity.INFO  # the figures as shown cannot prove an error
    assert (f.expected, f.actual, f.subject, f.report_seq) == ("94.76%", "94.77%", "budget_lines[0].rate", 3)
    assert [p.text for p in f.evidence] == ["94.77%", "83.39", "88.00"]


def test_all_findings_collected_across_rules_and_reports() -> None:
    doc = C.doc_of(C.FORM6, C.BASE.model_copy(update={"seq": 7, "budget_lines": [C.FORM1_LINE]}))
    got = {(f.report_seq, f.rule_id) for f in run_rules(doc)}
    assert {(3, "TXT001"), (3, "TXT002"), (7, "BUD008")} <= got


def test_crashing_rule_is_recorded_and_others_run() -> None:
    def boom(report: Report, cfg: object) -> Iterator[Evidence]:
        """A rule with a bug."""
        raise ZeroDivisionError("division by zero")

    register(Rule("TXT999", Severity.ERROR, "Broken", "坏", boom, boom.__doc__ or "", "report", __name__))
    try:
        findings = run_rules(C.doc_of(C.FORM6))
    finally:
        del REGISTRY["TXT999"]
    crash = [f for f in findings if f.rule_id == "EXT000"]
    assert len(crash) == 1 and "TXT999" in crash[0].message and "ZeroDivisionError" in crash[0].message
    assert crash[0].report_seq == 3
    assert any(f.rule_id == "TXT001" for f in findings)


def test_select_and_ignore_by_id_or_prefix() -> None:
    ids = [r.id for r in selected_rules(["BUD"])]
    assert ids and all(i.startswith("BUD") for i in ids)
    assert [r.id for r in selected_rules(["SCR001"])] == ["SCR001"]
    assert [r.id for r in selected_rules(["bud001,bud002"])] == ["BUD001", "BUD002"]
    assert "TXT001" not in [r.id for r in selected_rules(None, ["TXT"])]
    doc = C.doc_of(C.FORM6)
    assert {f.rule_id for f in run_rules(doc, ignore=["TXT001"])} & {"TXT001"} == set()
    assert {f.rule_id for f in run_rules(doc, select=["TXT"], ignore=["TXT002"])} == {"TXT001"}


def test_render_never_raises_on_missing_params() -> None:
    assert render("填报{stated}，{missing}", {"stated": "1%"}) == "填报1%，?"


def test_rounding_modes_from_config(tmp_path: object) -> None:
    """Seed 002: 224.94/400 = 56.235%, stated 56.23% — truncation; without "truncate" it is flagged."""
    from pathlib import Path

    from jixiao.rules import load_config

    p = Path(str(tmp_path)) / "r.toml"
    p.write_text('[scores]\nrounding = ["half_up"]\n', encoding="utf-8")
    assert not run_rules(C.doc_of(C.SEED2), select=["BUD002"])
    [f] = run_rules(C.doc_of(C.SEED2), config=load_config(p), select=["BUD002"])
    assert (f.expected, f.actual) == ("56.24%", "56.23%")
    assert run_rules(C.doc_of(C.SEED2), config=p, select=["BUD002"])  # a path works too
