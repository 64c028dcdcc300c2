"""Hand-built Documents with values copied from corpus/seed-004/report.txt (the first
of its six forms, lines 1-220), for export/batch tests that must not depend on the
assembly stage.  Every value below is quoted from the seed:

    line 3    51081122T000006557674-医疗服务与保障能力提升补助资金
    line 35   总额 | 0.00 | 67.00 | 40.90 | 61.04% | 10 | (blank) | 受财政资金拨付进度影响，…
    line 101  拍摄医保征收宣传片数量 | ≥ | 1 | 篇（部） | 1 | 10 | 10
    line 113  建成标准化医保经办服务区级点位 | ＝ | 1 | 处 | 3 | 10 | 10
    line 125  城乡居民医保参保率 | ≥ | 98 | % | 98% | 10 | 10
    line 197  医疗保障与服务能力提升资金成本控制数 | ＝ | 67 | 万元 | 40.9万元 | 10 | 5 | 受财政资金…
    line 206  合计 | 100 | 95
"""

from __future__ import annotations

import hashlib
from decimal import Decimal as D

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
    StatedScore,
    TextItem,
)

SOURCE = "seed-004/report.txt"
REASON = "受财政资金拨付进度影响，截止24年底拨付金额为40.9元。截止25年3月底已经拨付完成，拨付进度为100%。"


def num(raw: str, unit: str | None = None, base: str | None = None, mult: int = 1,
        kind: Kind = Kind.NUMBER, cmp: Comparator | None = None) -> Quantity:
    digits = raw.rstrip("%万元年").lstrip("≥＝")
    v = D(digits)
    return Quantity(raw=raw, comparator=cmp, value=v, unit=unit, base_value=v * mult,
                    base_unit=base or unit, kind=kind)


def prov(line: int, text: str, source: str = SOURCE) -> Provenance:
    return Provenance(source=source, line_start=line, line_end=line, text=text)


def seed004_report(doc_id: str, source: str = SOURCE) -> Report:
    budget = [
        BudgetLine(seq=1, line="总额", kind=LineKind.TOTAL, depth=0, money_unit="万元",
                   initial=num("0.00"), adjusted=num("67.00"), executed=num("40.90"),
                   rate=num("61.04%", "%", kind=Kind.PERCENT), weight=num("10"),
                   reason=TextItem(text=REASON), prov=prov(35, "总额", source)),
        BudgetLine(seq=2, line="其中：财政资金", kind=LineKind.FISCAL, depth=1, money_unit="万元",
                   initial=num("0.00"), adjusted=num("67.00"), executed=num("40.90"),
                   rate=num("61.04%", "%", kind=Kind.PERCENT), prov=prov(44, "其中：财政资金", source)),
        BudgetLine(seq=3, line="财政专户管理资金", kind=LineKind.SPECIAL, depth=1, money_unit="万元",
                   initial=num("0.00"), adjusted=num("0.00"), executed=num("0.00"),
                   rate=num("0.00%", "%", kind=Kind.PERCENT)),
        BudgetLine(seq=4, line="单位资金", kind=LineKind.UNIT, depth=1, money_unit="万元",
                   initial=num("0.00"), adjusted=num("0.00"), executed=num("0.00"),
                   rate=num("0.00%", "%", kind=Kind.PERCENT)),
        BudgetLine(seq=5, line="其他资金", kind=LineKind.OTHER, depth=1, money_unit="万元"),
    ]
    inds = [
        Indicator(seq=1, level1="产出指标", level2="数量指标", name="拍摄医保征收宣传片数量", comparator="≥",
                  unit="篇（部）", target=num("1", "篇（部）", kind=Kind.COUNT), actual=num("1", "篇（部）", kind=Kind.COUNT),
                  weight=num("10"), score=num("10"), prov=prov(101, "拍摄医保征收宣传片数量", source)),
        Indicator(seq=2, level1="产出指标", level2="数量指标", name="建成标准化医保经办服务区级点位", comparator="=",
                  unit="处", target=num("1", "处", kind=Kind.COUNT), actual=num("3", "处", kind=Kind.COUNT),
                  weight=num("10"), score=num("10"), filled=["level1", "level2"],
                  prov=prov(113, "建成标准化医保经办服务区级点位", source)),
        Indicator(seq=3, level1="产出指标", level2="质量指标", name="城乡居民医保参保率", comparator="≥", unit="%",
                  target=num("98", "%", kind=Kind.PERCENT), actual=num("98%", "%", kind=Kind.PERCENT),
                  weight=num("10"), score=num("10"), filled=["level1"], prov=prov(125, "城乡居民医保参保率", source)),
        Indicator(seq=10, level1="成本指标", level2="经济成本指标", name="医疗保障与服务能力提升资金成本控制数",
                  comparator="=", unit="万元", target=num("67", "万元", "元", 10000, Kind.MONEY),
                  actual=num("40.9万元", "万元", "元", 10000, Kind.MONEY), weight=num("10"), score=num("5"),
                  reason=TextItem(text=REASON), prov=prov(197, "医疗保障与服务能力提升资金成本控制数", source)),
    ]
    return Report(
        report_id=f"{doc_id}-1", seq=1, project_name=TextItem(text="医疗服务与保障能力提升补助资金"),
        project_code="51081122T000006557674", department=TextItem(text="广元市昭化区医疗保障局部门"),
        implementer=TextItem(text="广元市昭化区医疗保障局"), year=2024, budget_lines=budget, indicators=inds,
        stated_scores=[StatedScore(label="预算执行情况（10分）", weight=num("10")),
                       StatedScore(label="绩效指标（90分）", weight=num("90"))],
        total_weight=num("100"), total_score=num("95"), grade=None,
        conclusion=TextItem(text="…自评得分95分。"), problems=TextItem(text="资金拨付不及时。"),
        prov=prov(1, "部门预算项目支出绩效自评表（2024年度）", source),
    )


def seed004_document(source: str = SOURCE) -> Document:
    sha = hashlib.sha256(b"seed-004 form 1 " + source.encode()).hexdigest()
    doc_id = hashlib.sha256(f"{source}\0{sha}".encode()).hexdigest()[:16]
    findings = [
        Finding(rule_id="IND002", severity=Severity.WARNING, title="Met target scored below full",
                message="成本指标已达成（40.9万元 ≤ 67万元）但得分 5 低于权重 10", report_seq=1,
                subject="indicators[3].score", expected="10", actual="5", evidence=[prov(197, "5", source)]),
        Finding(rule_id="BUD003", severity=Severity.ERROR, title="Low execution rate without full reason",
                message="预算执行率 61.04% 低于 90%", report_seq=1, subject="budget_lines[0].rate",
                expected="≥90%", actual="61.04%", evidence=[prov(35, "61.04%", source)]),
        Finding(rule_id="DOC001", severity=Severity.INFO, title="Document note", message="文档级提示",
                report_seq=None),
    ]
    return Document(doc_id=doc_id, source=source, format="txt", sha256=sha, status="ok",
                    reports=[seed004_report(doc_id, source)], findings=findings)


def error_document(source: str = "old/report.doc") -> Document:
    sha = hashlib.sha256(source.encode()).hexdigest()
    return Document(doc_id=sha[:16], source=source, format="doc", sha256=sha, status="error",
                    error="不支持的文件格式（doc）")
