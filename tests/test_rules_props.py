"""Property test: no rule raises on any report the model allows (a raising rule is a bug; the
runner would record EXT000).  Values are drawn from seed-like cell texts and odd numbers."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.model import BudgetLine, Document, Indicator, LineKind, Quantity, Report, StatedScore, TextItem
from jixiao.normalize import parse_quantity
from jixiao.rules import run_rules

# cell texts seen in the seeds, plus edge cases
CELLS = ["", "/", "0", "0.00", "0.00%", "1", "0.95", "10", "20", "9.51", "95.1", "61.04%", "100%", "100.00%",
         "18.74万人", "≤95000 元", "50000元", "40.9万元", "2021年", "1年", "≤3 个月", "15次", "好", "优", "完成",
         "有效控制", "见附表", "-5", "1e3", "∞", "100百分比", "90%-95%", "两次", "—", "未得分"]
HINTS = [None, "%", "万元", "元", "人", "万人", "次", "年", "户", "元/年", "篇（部）"]
TEXTS = ["", "对照年度目标，说明相关任务目标的完成情况（100字以内）", "自评得分95分", "共计使用费用1683万元（其中;A费用985万元"
         "B费用698万元）", "当年救助24户，已经救助49户", "预算执行率为56.23%，造成执行率低的原因为…", "2021年完成", "优秀", "良",
         "一等", "差"]

quantity = st.builds(parse_quantity, st.sampled_from(CELLS) | st.text(max_size=8), st.sampled_from(HINTS))
odd = st.builds(lambda d, k: Quantity(raw=str(d), value=d, kind=k, base_value=d, unit=None),
                st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**6, max_value=10**6, places=3),
                st.sampled_from(["number", "percent", "money", "count", "year"]))
value = st.none() | quantity | odd
text = st.none() | st.builds(TextItem, text=st.sampled_from(TEXTS) | st.text(max_size=30))
comparator = st.sampled_from([None, "≥", "≤", "＝", "=", "定性", ">", "<", "其他", ""])

indicator = st.builds(Indicator, seq=st.integers(0, 30), level1=st.sampled_from([None, "产出指标", "成本指标", "效益指标"]),
                      level2=st.sampled_from([None, "数量指标", "成本指标", "经济成本指标"]),
                      name=st.sampled_from(["补助人数（人）", "计划防贫保救助群众数量", "完成时限", "x"]) | st.text(max_size=10),
                      comparator=comparator, unit=st.sampled_from(HINTS), target=value, actual=value, weight=value,
                      score=value, completion_rate=value, reason=text,
                      origin=st.sampled_from(["table", "prose"]))
line = st.builds(BudgetLine, seq=st.integers(0, 9), line=st.sampled_from(["总额", "其中：财政资金", "单位资金"]),
                 kind=st.sampled_from(list(LineKind)), depth=st.integers(0, 2), initial=value, adjusted=value,
                 to_hand=value, executed=value, balance=value, rate=value, weight=value, score=value, reason=text)
stated = st.builds(StatedScore, label=st.sampled_from(["产出指标(50分)", "绩效指标（90分）", "预算执行情况（10分）", "数量指标",
                                                       "成本指标", ""]), weight=value, score=value)
report = st.builds(Report, seq=st.integers(0, 5), year=st.none() | st.integers(1990, 2030),
                   budget_lines=st.lists(line, max_size=5), indicators=st.lists(indicator, max_size=6),
                   stated_scores=st.lists(stated, max_size=3), total_weight=value, total_score=value, grade=text,
                   goal=text, completion=text, conclusion=text, problems=text, measures=text,
                   budget_execution=st.none() | indicator)


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(report, max_size=2))
def test_no_rule_raises(reports: list[Report]) -> None:
    doc = Document(doc_id="p", source="p", format="txt", sha256="0", reports=reports)
    findings = run_rules(doc)
    crashed = [f.message for f in findings if f.rule_id == "EXT000"]
    assert not crashed, crashed
    assert all(f.message and f.rule_id for f in findings)


def test_decimal_edge_values_do_not_crash() -> None:
    q = Quantity(raw="0", value=Decimal(0), kind="number", base_value=Decimal(0))
    ind = Indicator(seq=0, name="x", comparator="≤", target=q, actual=q, weight=q, score=q, completion_rate=q)
    r = Report(seq=0, indicators=[ind], budget_lines=[BudgetLine(seq=0, line="总额", rate=q, executed=q, adjusted=q,
                                                                 initial=q, weight=q, score=q)])
    assert not [f for f in run_rules(Document(doc_id="p", source="p", format="txt", sha256="0", reports=[r]))
                if f.rule_id == "EXT000"]
