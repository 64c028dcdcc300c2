"""The rules on the real seed documents: the errors a reader finds by hand are reported, on
the right report and cell, and nothing else fires where the figures hold together."""

from __future__ import annotations

from functools import cache

import pytest

from jixiao.model import Document, Finding
from jixiao.pipeline import path_to_document


@cache
def seed(n: int) -> Document:
    return path_to_document(f"corpus/seed-00{n}/report.txt", f"corpus/seed-00{n}/report.txt")


def report_seq(doc: Document, name: str) -> int:
    [r] = [r for r in doc.reports if r.project_name and name in r.project_name.text]
    return r.seq


def findings(n: int, name: str | None = None, rule_id: str | None = None) -> list[Finding]:
    doc = seed(n)
    seq = report_seq(doc, name) if name else None
    return [f for f in doc.findings if (seq is None or f.report_seq == seq) and (rule_id is None or f.rule_id == rule_id)]


def indicator_name(n: int, f: Finding) -> str:
    doc = seed(n)
    [r] = [r for r in doc.reports if r.seq == f.report_seq]
    idx = int(f.subject.split("[")[1].split("]")[0])
    return r.indicators[idx].name


def test_seed004_has_six_forms() -> None:
    assert len(seed(4).reports) == 6


@pytest.mark.parametrize("form", ["基金监管工作经费", "防贫保服务费", "医保工作经费"])
def test_seed004_indicator_weights_100_beside_budget_weight_10(form: str) -> None:
    # "预算执行情况（10分）… 权重 10" and indicator weights adding up to "合计 100"
    [f] = findings(4, form, "SCR003")
    assert (f.expected, f.actual) == ("90", "100")
    assert "共110" in f.message
    # "绩效指标（90分）" over children summing to 100 is the same fault: folded into SCR003
    assert not findings(4, form, "SCR004")
    assert f.related == ["SCR004"]
    assert any(p.text.startswith("绩效指标") for p in f.evidence)  # the stated 90 is cited too


@pytest.mark.parametrize("form", ["医疗服务与保障能力提升补助资金", "城乡医疗救助区级配套", "临聘人员经费"])
def test_seed004_forms_with_90_point_indicators_are_quiet_on_weights(form: str) -> None:
    assert not findings(4, form, "SCR003") and not findings(4, form, "SCR004")


def test_seed004_met_cost_targets_scored_below_full() -> None:
    # "监管工作经费（成本控制额） ≤ 50000 元 50000元 20 15" and "医保工作总成本 ≤ 88 万元 83.39万元 20 10"
    got = {(indicator_name(4, f), f.expected, f.actual) for f in findings(4, rule_id="SCR013")}
    assert any(n.startswith("监管工作经费") and (e, a) == ("20", "15") for n, e, a in got)
    assert ("医保工作总成本", "20", "10") in got
    assert not findings(4, rule_id="SCR012") or all(  # the other met-but-deducted row has no reason: 完成时限 8/10
        indicator_name(4, f) == "完成时限" for f in findings(4, rule_id="SCR012"))


def test_seed004_ratios_in_percent_rows() -> None:
    # 防贫保: "防贫保救助准确率 ＝ 100 % 1", "帮扶对象满意度 ≥ 90 % 0.95"; 医保工作经费: "医保待遇保障率 ＝ 100 % 1",
    # "年度任务完成及时率 ＝ 100 % 1"
    got = {(indicator_name(4, f), f.actual) for f in findings(4, rule_id="IND003")}
    assert got == {("防贫保救助准确率", "1"), ("帮扶对象满意度", "0.95"), ("医保待遇保障率", "1"),
                   ("年度任务完成及时率", "1")}


def test_seed004_unfilled_form() -> None:
    # 临聘人员经费: "对照年度目标，说明相关任务目标的完成情况（100字以内）", "结合自评情况，…（200字以内）", no 完成值/得分
    subjects = {f.subject for f in findings(4, "临聘人员经费", "TXT001")}
    assert subjects == {"completion", "conclusion", "problems", "measures"}
    [blank] = findings(4, "临聘人员经费", "TXT002")
    assert blank.message.startswith("6个指标（共6个）")
    assert not findings(4, "临聘人员经费", "BUD008")  # nothing scored at all: not a missing budget score


def test_seed004_95_points_with_61_percent_and_no_budget_score() -> None:
    form = "医疗服务与保障能力提升补助资金"
    [b] = findings(4, form, "BUD008")  # "总额 0.00 67.00 40.90 61.04% 10" with 得分 blank
    assert "61.04%" in b.message and b.subject == "budget_lines[0].score"
    # "合计 100 95" while the nine scores add up to 85: the unscored budget item is why (one fault)
    assert not findings(4, form, "SCR006")
    assert b.related == ["SCR006"] and b.severity == "error"
    assert any(p.text == "95" for p in b.evidence)  # the stated total is cited
    assert not findings(4, form, "BUD002")  # 40.90 / 67.00 = 61.04%
    assert not findings(4, form, "BUD007")  # the reason cell explains the low rate


def test_seed004_narrative_count_contradicts_table() -> None:
    # "当年“防贫保”救助24户" in the completion text; "计划防贫保救助群众数量 ≥ 30 户 49户" in the table
    [f] = findings(4, "防贫保服务费", "TXT004")
    assert (f.expected, f.actual, f.subject) == ("49户", "24户", "completion")
    assert not any(f.subject == "conclusion" for f in findings(4, rule_id="TXT004"))  # "已经救助49户" agrees


def test_seed004_execution_rates() -> None:
    # 医保工作经费: 83.39/88.00 = 94.76%, stated 94.77%; 防贫保: 8.52/18.02 = 47.28%, stated 47.27%
    # both within what the amounts, rounded for display, allow: info, one finding per report
    # (the 其中：财政资金 row repeats the total's figures and is named in the same finding)
    got = [(report_seq(seed(4), "防贫保服务费"), "47.28%", "47.27%"), (report_seq(seed(4), "医保工作经费"), "94.76%", "94.77%")]
    bud = findings(4, rule_id="BUD002")
    assert sorted((f.report_seq, f.expected, f.actual) for f in bud) == got
    assert all(f.severity == "info" and "无法从显示的数字确认" in f.message for f in bud)
    assert all("同样见于：" in f.message and len(f.evidence) == 6 for f in bud)
    assert not findings(4, "基金监管工作经费", "BUD003")  # 5.00/10.00 = 50.00%, on the adjusted budget


def test_seed004_consistent_form_only_flags_what_is_wrong() -> None:
    # 城乡医疗救助区级配套: 85/85/85 100%, 10 + 90 = 100, "项目自评得100分"; its 就医负担减轻程度 row has no 完成值
    ids = sorted(f.rule_id for f in findings(4, "城乡医疗救助区级配套"))
    assert ids == ["IND006", "SCR015"]  # 医疗救助数量 50938 vs ≥ 25800 (197%); the blank 完成值


def test_seed000_unit_mismatch_and_nothing_else() -> None:
    # 补助人数（人） 20 18 18.74万人 104.11% 20
    [f] = seed(0).findings
    assert f.rule_id == "IND001" and (f.expected, f.actual) == ("18人", "18.74万人")
    assert "10411倍" in f.message


def test_seed001_low_rate_without_reason() -> None:
    # "预算执行率(%) (6)=(3)/(1) 71.85", "（三）未完成绩效目标指标原因解释" left empty; total 97.19 = 7.19 + 90, 优秀
    ids = [f.rule_id for f in seed(1).findings]
    assert ids == ["BUD007"]


def test_seed002_budget_item_zeroed_below_threshold() -> None:
    # "年初预算执行率10分" … "年初预算执行率未得分" with "预算执行率为56.23%" → a warning, not an error
    by_id = {f.rule_id: f for f in seed(2).findings}
    assert by_id["BUD004"].severity == "warning" and by_id["BUD004"].expected == "5.62"
    assert "BUD002" not in by_id  # 224.94/400 = 56.235, stated 56.23 (truncated)
    assert "BUD007" not in by_id  # "造成该项目执行率低的原因为…"
    assert "SCR008" not in by_id  # 89 → 良


def test_seed003_quiet_on_budget_and_score() -> None:
    # "财政预算拨款经费 70 万元，财政实际拨款经费 20 万元"; "实际支出 20 万元，资金支出率为 100%"; "100 分，自评优秀"
    ids = {f.rule_id for f in seed(3).findings}
    assert not ids & {"BUD002", "BUD003", "SCR006", "SCR008", "SCR009"}


def test_no_rule_crashes_on_any_seed() -> None:
    for n in range(5):
        assert not [f for f in seed(n).findings if f.rule_id == "EXT000"]


def test_seed004_claim_of_overachievement_with_missed_target() -> None:
    # 医保工作经费: "超额完成当年度参保任务" while "居民医保参保人数 ≥ 18 万人 17.67万人"
    [f] = findings(4, rule_id="TXT006")
    assert f.report_seq == report_seq(seed(4), "医保工作经费")
    assert "居民医保参保人数" in f.message and f.actual == "超额完成当年度参保任务"
