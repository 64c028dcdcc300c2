"""Fire / quiet cases for every rule, as data: (rule_id, label, report, should_fire).

Reports are built by hand from values copied out of the seed documents (each builder
quotes its seed lines).  ``BASE`` is seed 004 form 4 (城乡医疗救助区级配套), the one form
of that file whose figures hold together; the cases derive variants from it or from the
other forms.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.model import (
    BudgetLine,
    Document,
    Indicator,
    LineKind,
    Provenance,
    Quantity,
    Report,
    StatedScore,
    TextItem,
)
from jixiao.normalize import parse_quantity

SRC = "tests/data/rule_cases.py"


def q(text: str, hint: str | None = None) -> Quantity:
    return parse_quantity(text, hint, prov=Provenance(source=SRC, text=text))


def t(text: str) -> TextItem:
    return TextItem(text=text, prov=Provenance(source=SRC, text=text))


def ind(seq: int, level1: str, level2: str, name: str, cmp: str | None, target: str, unit: str | None,
        actual: str | None, weight: str | None, score: str | None, reason: str | None = None,
        completion: str | None = None) -> Indicator:
    return Indicator(seq=seq, level1=level1, level2=level2, name=name, comparator=cmp, unit=unit,
                     target=q(target, unit), actual=q(actual, unit) if actual is not None else None,
                     weight=q(weight) if weight is not None else None, score=q(score) if score is not None else None,
                     reason=t(reason) if reason else None, completion_rate=q(completion) if completion else None,
                     prov=Provenance(source=SRC, text=name))


def line(seq: int, label: str, kind: LineKind, depth: int, initial: str, adjusted: str, executed: str, rate: str,
         weight: str | None = None, score: str | None = None, reason: str | None = None,
         to_hand: str | None = None, balance: str | None = None, money_unit: str = "万元") -> BudgetLine:
    def opt(v: str | None) -> Quantity | None:
        return q(v) if v is not None else None

    return BudgetLine(seq=seq, line=label, kind=kind, depth=depth, money_unit=money_unit, initial=q(initial),
                      adjusted=q(adjusted), executed=q(executed), rate=q(rate), weight=opt(weight), score=opt(score),
                      reason=t(reason) if reason else None, to_hand=opt(to_hand), balance=opt(balance))


# seed 004 form 4 (城乡医疗救助区级配套):
#   总额 85.00 85.00 85.00 100.00% 10 10 / 其中：财政资金 85.00 85.00 85.00 100.00% / 财政专户管理资金 0.00 0.00 0.00 0.00%
#   / 单位资金 0.00 0.00 0.00 0.00% / 其他资金 (blank)
BASE_LINES = [
    line(0, "总额", LineKind.TOTAL, 0, "85.00", "85.00", "85.00", "100.00%", "10", "10"),
    line(1, "其中：财政资金", LineKind.FISCAL, 1, "85.00", "85.00", "85.00", "100.00%", "/", "/"),
    line(2, "财政专户管理资金", LineKind.SPECIAL, 1, "0.00", "0.00", "0.00", "0.00%", "/", "/"),
    line(3, "单位资金", LineKind.UNIT, 1, "0.00", "0.00", "0.00", "0.00%", "/", "/"),
    line(4, "其他资金", LineKind.OTHER, 1, "", "", "", "", "/", "/"),
]
# 产出指标 数量指标 医疗救助数量 ≥ 25800 人次 50938 20 20 — the actual is set to the target here so the
# base stays clean (50938 is 197% of target: the IND006 firing case below).
# 就医负担减轻程度 定性 优 20 20 has no 完成值 in the seed (SCR015 firing case); the base gives it "优".
BASE_INDICATORS = [
    ind(0, "产出指标", "数量指标", "医疗救助数量", "≥", "25800", "人次", "25800", "20", "20"),
    ind(1, "产出指标", "质量指标", "医疗救助补助资金区级配套覆盖率", "＝", "100", "%", "100", "10", "10"),
    ind(2, "产出指标", "时效指标", "完成时限", "＝", "1", "年", "1", "10", "10"),
    ind(3, "效益指标", "社会效益指标", "就医负担减轻程度", "定性", "优", None, "优", "20", "20"),
    ind(4, "满意度指标", "服务对象满意度指标", "救助对象满意度", "≥", "90", "%", "92", "10", "10"),
    ind(5, "成本指标", "经济成本指标", "城乡医疗救助配套资金（成本控制数）", "＝", "85", "万元", "85", "20", "20"),
]
BASE = Report(
    seq=3, year=2024, project_name=t("城乡医疗救助区级配套"), budget_lines=BASE_LINES, indicators=BASE_INDICATORS,
    stated_scores=[StatedScore(label="预算执行情况（10分）", weight=q("10")),
                   StatedScore(label="绩效指标（90分）", weight=q("90"))],
    total_weight=q("100"), total_score=q("100"),
    goal=t("医疗救助是指国家和社会针对因贫无能力进行治病的公民实施的专门的医保救助帮扶。"),
    completion=t("市级根据救助对象人数、户籍人数等因素并结合上年度医疗救助支出等情况确定昭化区2024年度医疗救助"
                 "财政补助资金85万元。我区按照计划纳入年初预算。在规定的时间及时上解区级财政补助资金。"),
    conclusion=t("成效达到了减轻困难群众医疗费用负担，确保困难群众不因罹患重特大疾病影响基本生活的目的。项目自评得100分。"),
)


def with_ind(r: Report, i: int, **kw: object) -> Report:
    inds = list(r.indicators)
    inds[i] = inds[i].model_copy(update=kw)
    return r.model_copy(update={"indicators": inds})


def with_line(r: Report, i: int, **kw: object) -> Report:
    lines = list(r.budget_lines)
    lines[i] = lines[i].model_copy(update=kw)
    return r.model_copy(update={"budget_lines": lines})


def doc_of(*reports: Report, status: str = "ok") -> Document:
    return Document(doc_id="case", source=SRC, format="txt", sha256="0", status=status,  # type: ignore[arg-type]
                    reports=list(reports))


# seed 004 form 5 (医保工作经费): 总额 88.00 88.00 83.39 94.77% 10 (score blank)
FORM5_LINE = line(0, "总额", LineKind.TOTAL, 0, "88.00", "88.00", "83.39", "94.77%", "10", None)
# seed 004 form 1 (医疗服务与保障能力提升补助资金): 总额 0.00 67.00 40.90 61.04% 10 (score blank), reason
# "受财政资金拨付进度影响，截止24年底拨付金额为40.9元。…"
FORM1_REASON = "受财政资金拨付进度影响，截止24年底拨付金额为40.9元。截止25年3月底已经拨付完成，拨付进度为100%。"
FORM1_LINE = line(0, "总额", LineKind.TOTAL, 0, "0.00", "67.00", "40.90", "61.04%", "10", None, FORM1_REASON)
# seed 004 form 2 (基金监管工作经费): 总额 5.00 10.00 5.00 50.00% 10
FORM2_LINE = line(0, "总额", LineKind.TOTAL, 0, "5.00", "10.00", "5.00", "50.00%", "10", "5")
# seed 004 forms 4 and 6, 原因 cell: the template footnote left in place
TEMPLATE_REASON = ("1.预算执行率=预算执行数/调整后预算数，预算执行率未达到90%的需说明原因（100字以内）;"
                   "2.年中发生预算调整的（追加或调减）,应单独说明理由；3.其他资金包括：社会投入资金、银行贷款.")
# seed 000: 全年预算资金 1600, 实际到位资金 1600, 全年执行资金 1521.57, 资金结余 78.43, 预算执行率(%) 95.1
SEED0_LINE = line(0, "年度总金额", LineKind.TOTAL, 0, "1600", "1600", "1521.57", "95.1", to_hand="1600",
                  balance="78.43")
# seed 000 body table: 预算执行指标 预算执行率 10 100% 95.1% 9.51
SEED0_BE = Indicator(seq=0, name="预算执行率", level2="预算执行指标", target=q("100%"), actual=q("95.1%"),
                     weight=q("10"), score=q("9.51"))
# seed 001: 预算安排 (1) 3200000, 资金到位 (3) 2299203.92, 实际支出 (4) 2299203.92, 预算执行率(%) 71.85;
#           附表: 预算执行率 10 100% 71.85% 7.19
SEED1_LINE = line(0, "合计", LineKind.TOTAL, 0, "3200000", "3200000", "2299203.92", "71.85",
                  to_hand="2299203.92", balance="0", money_unit="元")
SEED1_BE = Indicator(seq=0, name="预算执行率", level1="预算执行率", target=q("100%"), actual=q("71.85%"),
                     weight=q("10"), score=q("7.19"))
# seed 002 (prose): "预算金额为400万元，实际支出金额为224.94万元，预算执行率为56.23%"; "年初预算执行率10分";
# "此次绩效自评年初预算执行率未得分"; "共计得89分，评定等级标准为良"
SEED2 = Report(seq=0, shape="narrative", year=2022, project_name=t("区医保局城乡医疗救助"),
               budget_lines=[BudgetLine(seq=0, line="预算", kind=LineKind.TOTAL, initial=q("400万元"),
                                        executed=q("224.94万元"), rate=q("56.23%"))],
               stated_scores=[StatedScore(label="年初预算执行率", weight=q("10"), score=q("0")),
                              StatedScore(label="数量指标", score=q("20"))],
               total_score=q("89"), grade=t("良"),
               problems=t("预算执行率为56.23%，造成该项目执行率低的原因为省平台系统上无法区分刷卡人员归属县区，"
                          "故定点机构费用暂无法结算"))

# seed 004 form 6 (临聘人员经费): left unfilled
FORM6 = BASE.model_copy(update={
    "indicators": [ind(0, "产出指标", "数量指标", "临聘人员数量", "≤", "3", "人", None, "10", None),
                   ind(1, "产出指标", "质量指标", "工作效率提升率", "＝", "100", "%", None, "10", None)],
    "total_score": None,
    "budget_lines": [line(0, "总额", LineKind.TOTAL, 0, "5.00", "5.00", "5.00", "100.00%", "10", None,
                          TEMPLATE_REASON)],
    "completion": t("对照年度目标，说明相关任务目标的完成情况（100字以内）"),
    "conclusion": t("结合自评情况，说明项目自评总分，说明项目实施取得的成效或成果。（200字以内）"),
})

# seed 004 form 3 (防贫保服务费)
FORM3_COMPLETION = ("项目严格按照规定完成了目标任务，当年“防贫保”救助24户，实施效果达到预期目标，拨付第三方机构太平洋"
                    "保险公司，专款专用，成本未超预算范围，资金使用安全有效。")
FORM3_IND = ind(0, "产出指标", "数量指标", "计划防贫保救助群众数量", "≥", "30", "户", "49户", "20", "20")
FORM3 = BASE.model_copy(update={"indicators": [FORM3_IND], "completion": t(FORM3_COMPLETION),
                                "conclusion": t("截止自评当日，已经救助49户，救助率达到100%，有效防止了辖区内因病"
                                                "致贫返贫风险。自评得分98分")})

# seed 004 form 5 indicators
F5_POP = ind(0, "产出指标", "数量指标", "居民医保参保人数", "≥", "18", "万人", "17.67万人", "5", "3",
             reason="204年参保人数下降")
F5_COST = ind(9, "成本指标", "经济成本指标", "医保工作总成本", "≤", "88", "万元", "83.39万元", "20", "10",
              reason="受财政资金拨付进度影响，截止24年底拨付金额为83.39万元，截止三月底已经完成拨付83.39万元。拨付进度100%。")
F5_COMPLETION = ("已完成。2024年我区参加居民医疗保险总人数17.67万人，完成市级下达任务指标的100%，超额完成当年度参保任务，"
                 "印刷医保政策类宣传资料12000份，全覆盖对全区医保经办人员开展业务培训。")
# seed 000 indicators (附件1 table): 补助人数（人） 20 18 18.74万人 104.11% 20; 人均补助标准（元/年） 10 830 580元 69.88% 10;
# 补助时间（年） 10 2021 2021年 100.00% 10
S0_PEOPLE = ind(0, "产出指标", "数量指标", "补助人数（人）", None, "18", "人", "18.74万人", "20", "20",
                completion="104.11%")
S0_COST = ind(3, "产出指标", "成本指标", "人均补助标准（元/年）", None, "830", "元/年", "580元", "10", "10",
              completion="69.88%")
S0_YEAR = ind(2, "产出指标", "时效指标", "补助时间（年）", None, "2021", "年", "2021年", "10", "10",
              completion="100.00%")
# seed 001 附表: 政策宣传的准确性 5 准确 准确 5; 产出目标 40
S1_QUAL = ind(5, "产出目标", "", "政策宣传的准确性", None, "准确", None, "准确", "5", "5")


@dataclass(frozen=True)
class Case:
    rule_id: str
    label: str
    report: Report | None
    should_fire: bool
    doc: Document | None = None
    severity: str | None = None  # when calibration changes it: "info" (precision explains it) …

    def document(self) -> Document:
        return self.doc if self.doc is not None else doc_of(self.report)  # type: ignore[arg-type]


def _quiet(rule_id: str, label: str, r: Report) -> Case:
    return Case(rule_id, label, r, False)


def _fire(rule_id: str, label: str, r: Report, severity: str | None = None) -> Case:
    return Case(rule_id, label, r, True, severity=severity)


BL = BASE_LINES
CASES: list[Case] = [
    # ---------------- budget
    _fire("BUD001", "财政资金 adjusted 67.00 under a total of 85.00", with_line(BASE, 1, adjusted=q("67.00"))),
    _quiet("BUD001", "seed 004 form 4 lines add up (blank 其他资金 counts 0)", BASE),
    _fire("BUD002", "seed 004 form 5: 83.39/88.00 = 94.76%, stated 94.77% (display precision allows it)",
          BASE.model_copy(update={"budget_lines": [FORM5_LINE]}), severity="info"),
    _fire("BUD002", "seed 004 form 5 figures, stated 95.77%: outside what 83.385…83.395/87.995…88.005 allow",
          BASE.model_copy(update={"budget_lines": [FORM5_LINE.model_copy(update={"rate": q("95.77%")})]})),
    _quiet("BUD002", "seed 004 form 1: 40.90/67.00 = 61.04%", BASE.model_copy(update={"budget_lines": [FORM1_LINE]})),
    _quiet("BUD002", "seed 002: 224.94/400 = 56.235, stated 56.23 (truncated)", SEED2),
    _quiet("BUD002", "seed 000: 1521.57/1600 = 95.098, stated 95.1 (one decimal)",
           BASE.model_copy(update={"budget_lines": [SEED0_LINE], "budget_execution": SEED0_BE})),
    _quiet("BUD002", "a bare ratio “1” in the rate cell of seed 004 form 4 (85/85)", with_line(BASE, 0, rate=q("1"))),
    _fire("BUD003", "seed 004 form 2 figures with 100% = 5.00/5.00 (年初) instead of 5.00/10.00",
          BASE.model_copy(update={"budget_lines": [FORM2_LINE.model_copy(update={"rate": q("100.00%")})]})),
    _quiet("BUD003", "seed 004 form 2: 5.00/10.00 = 50.00%", BASE.model_copy(update={"budget_lines": [FORM2_LINE]})),
    _fire("BUD004", "seed 002: weight 10, rate 56.23%, score 0 (zeroed below a threshold)", SEED2),
    _quiet("BUD004", "seed 000: 10 × 95.1% = 9.51",
           BASE.model_copy(update={"budget_lines": [SEED0_LINE], "budget_execution": SEED0_BE})),
    _quiet("BUD004", "seed 001: 10 × 71.85% = 7.185 → 7.19",
           BASE.model_copy(update={"budget_lines": [SEED1_LINE], "budget_execution": SEED1_BE})),
    _fire("BUD005", "财政专户管理资金 0.00/0.00 shown as 100.00%", with_line(BASE, 2, rate=q("100.00%"))),
    _quiet("BUD005", "seed 004: 财政专户管理资金 0.00/0.00 shown as 0.00%", BASE),
    _fire("BUD006", "seed 000 with 结余 78.34 instead of 1600 − 1521.57 = 78.43",
          BASE.model_copy(update={"budget_lines": [SEED0_LINE.model_copy(update={"balance": q("78.34")})]})),
    _quiet("BUD006", "seed 000: 结余 78.43 = 1600 − 1521.57", BASE.model_copy(update={"budget_lines": [SEED0_LINE]})),
    _fire("BUD007", "seed 001: 71.85% and no reason anywhere",
          BASE.model_copy(update={"budget_lines": [SEED1_LINE], "budget_execution": SEED1_BE})),
    _fire("BUD007", "61.04% with only the template footnote as reason",
          BASE.model_copy(update={"budget_lines": [FORM1_LINE.model_copy(update={"reason": t(TEMPLATE_REASON)})]})),
    _quiet("BUD007", "seed 004 form 1: 61.04% with a reason", BASE.model_copy(update={"budget_lines": [FORM1_LINE]})),
    _quiet("BUD007", "seed 002: 56.23%, reason in the prose", SEED2),
    _quiet("BUD007", "a bare ratio “1” in the rate cell is 100%, not 1%", with_line(BASE, 0, rate=q("1"))),
    _fire("BUD008", "seed 004 form 1: weight 10, score blank, indicators scored",
          BASE.model_copy(update={"budget_lines": [FORM1_LINE]})),
    _quiet("BUD008", "seed 004 form 4: budget weight 10 score 10", BASE),
    _quiet("BUD008", "seed 004 form 6: nothing scored at all", FORM6),
    # ---------------- extraction
    _fire("EXT001", "seed 002: a prose report without indicators", SEED2),
    _quiet("EXT001", "seed 004 form 4", BASE),
    _fire("EXT002", "weight cell “见附表”", with_ind(BASE, 0, weight=q("见附表"))),
    _quiet("EXT002", "seed 004 form 4 weights", BASE),
    _fire("EXT003", "score cell “见附表”", with_ind(BASE, 0, score=q("见附表"))),
    _quiet("EXT003", "seed 004 form 6 blank scores are not unreadable", FORM6),
    _fire("EXT004", "执行数 “见附表”", with_line(BASE, 0, executed=q("见附表"))),
    _quiet("EXT004", "seed 004 form 4: 其他资金 blank", BASE),
    _fire("EXT005", "执行率 “见附表”", with_line(BASE, 0, rate=q("见附表"))),
    _quiet("EXT005", "seed 004 form 4: “/” in part lines' 权重/得分", BASE),
    _fire("EXT006", "total score “见附表”", BASE.model_copy(update={"total_score": q("见附表")})),
    _quiet("EXT006", "seed 004 form 4: 合计 100 / 100", BASE),
    Case("EXT007", "a readable document with no report", None, True, doc_of()),
    Case("EXT007", "an unreadable document (its error says why)", None, False, doc_of(status="error")),
    Case("EXT008", "pdf-long-split: the 成本指标 row cut by the page break was joined", None, True,
         doc_of(BASE).model_copy(update={"notes": [TextItem(text="表1：第18行被分页截断，已与第2页的续行合并")]})),
    Case("EXT008", "a text dump: nothing repaired", None, False, doc_of(BASE)),
    _quiet("IND001", "a duration is not a unit slip: 完成时限 ≤ 1 年 done in “1个月”",
           BASE.model_copy(update={"indicators": [ind(2, "产出指标", "时效指标", "完成时限", "≤", "1", "年", "1个月",
                                                      "10", "10")]})),
    _fire("SCR011", "完成时限 ≤ 3 个月 took “1年” (12 个月) yet full marks",
          BASE.model_copy(update={"indicators": [ind(2, "产出指标", "时效指标", "完成时限", "≤", "3", "个月", "1年",
                                                     "10", "10", "拍摄延期")]})),
    # ---------------- classification conventions
    _fire("IND008", "seed 003: 服务对象满意度指标 / 参保对象满意度 under the 效益分析 section's 效益指标",
          BASE.model_copy(update={"indicators": [ind(0, "效益指标", "服务对象满意度指标", "参保对象满意度", None,
                                                     "", None, None, None, None)]})),
    _fire("IND008", "seed 000 laid out as a 2021 national form: 成本指标 under 产出指标",
          BASE.model_copy(update={"year": 2021, "indicators": [S0_COST]})),
    _quiet("IND008", "seed 004 form 4: 满意度 and 成本 indicators under their own level-1", BASE),
    _quiet("IND008", "a department form's level 1 服务对象满意度 over 群众满意度",
           BASE.model_copy(update={"indicators": [ind(0, "服务对象满意度", "满意度", "群众满意度", "≥", "90", "%", "92",
                                                      "10", "10")]})),
    _quiet("IND008", "seed 000 without a stated year: 成本指标 under 产出指标 is not judged",
           BASE.model_copy(update={"year": None, "indicators": [S0_COST]})),
    _fire("EXT009", "an indicator table with a “考核方式” column no synonym names",
          BASE.model_copy(update={"unmapped_columns": [TextItem(text="考核方式")]})),
    _quiet("EXT009", "seed 004 form 4: every header cell maps to a role", BASE),
    # ---------------- indicators
    _fire("IND001", "seed 000: 补助人数（人） target 18 vs actual 18.74万人", BASE.model_copy(update={"indicators": [S0_PEOPLE]})),
    _quiet("IND001", "seed 004 form 5: ≥ 18 万人 vs 17.67万人", BASE.model_copy(update={"indicators": [F5_POP]})),
    _fire("IND002", "单位劳务派遣人数 ≤ 3 人 with actual “3次”",
          BASE.model_copy(update={"indicators": [ind(3, "产出指标", "数量指标", "单位劳务派遣人数", "≤", "3", "人", "3次",
                                                     "5", "5")]})),
    _quiet("IND002", "seed 000: 830 元/年 vs 580元 (a yearly standard in 元)",
           BASE.model_copy(update={"indicators": [S0_COST]})),
    _quiet("IND002", "seed 004 form 1: 拍摄医保征收宣传片数量 ≥ 1 篇（部） with “1篇”",
           BASE.model_copy(update={"indicators": [ind(0, "产出指标", "数量指标", "拍摄医保征收宣传片数量", "≥", "1", "篇（部）",
                                                      "1篇", "10", "10")]})),
    _fire("IND003", "seed 004 form 3: 帮扶对象满意度 ≥ 90 % with 0.95",
          BASE.model_copy(update={"indicators": [ind(4, "满意度指标", "帮扶对象满意度指标", "帮扶对象满意度", "≥", "90", "%",
                                                     "0.95", "10", "10")]})),
    _fire("IND003", "seed 004 form 5: 医保待遇保障率 ＝ 100 % with 1",
          BASE.model_copy(update={"indicators": [ind(4, "产出指标", "质量指标", "医保待遇保障率", "＝", "100", "%", "1",
                                                     "10", "10")]})),
    _quiet("IND003", "seed 004 form 5: 参保群众满意度 ≥ 90 % with 90%",
           BASE.model_copy(update={"indicators": [ind(8, "满意度指标", "服务对象满意度指标", "参保群众满意度", "≥", "90", "%",
                                                      "90%", "10", "10")]})),
    _fire("IND004", "拍摄医保征收宣传片数量 ≥ 1 篇（部） with actual “完成”",
          BASE.model_copy(update={"indicators": [ind(0, "产出指标", "数量指标", "拍摄医保征收宣传片数量", "≥", "1", "篇（部）",
                                                     "完成", "10", "10")]})),
    _quiet("IND004", "seed 001: 政策宣传的准确性 准确 / 准确 (qualitative)", BASE.model_copy(update={"indicators": [S1_QUAL]})),
    _fire("IND005", "seed 000: 人均补助标准 580/830 stated 100.00% instead of 69.88%",
          BASE.model_copy(update={"indicators": [S0_COST.model_copy(update={"completion_rate": q("100.00%")})]})),
    _quiet("IND005", "seed 000: 580/830 = 69.88%; 18.74/18 = 104.11%; 2021/2021 = 100%",
           BASE.model_copy(update={"indicators": [S0_COST, S0_PEOPLE, S0_YEAR]})),
    _fire("IND006", "seed 004 form 4: 医疗救助数量 ≥ 25800 人次, actual 50938 (197%)",
          with_ind(BASE, 0, actual=q("50938", "人次"))),
    _quiet("IND006", "seed 004 form 5: 下乡及出差次数 ≥ 500 次, actual 580次 (116%)",
           BASE.model_copy(update={"indicators": [ind(2, "产出指标", "数量指标", "医保征收、业务培训、考察学习等下乡及出差次数",
                                                      "≥", "500", "次", "580次", "5", "5")]})),
    _fire("IND007", "seed 004 form 5: 居民医保参保人数 ≥ 18 万人, 17.67万人, reason removed",
          BASE.model_copy(update={"indicators": [F5_POP.model_copy(update={"reason": None})]})),
    _fire("IND007", "qualitative 优 target with actual “未完成”", with_ind(BASE, 3, actual=q("未完成"))),
    _quiet("IND007", "seed 004 form 5: reason “204年参保人数下降”", BASE.model_copy(update={"indicators": [F5_POP]})),
    _quiet("IND007", "seed 004 form 4: every target met", BASE),
    # ---------------- scores
    _fire("SCR001", "score 25 above weight 20", with_ind(BASE, 0, score=q("25"))),
    _quiet("SCR001", "seed 004 form 4 scores", BASE),
    _fire("SCR002", "budget score 12 above weight 10", with_line(BASE, 0, score=q("12"))),
    _quiet("SCR002", "seed 004 form 4: 10 of 10", BASE),
    _fire("SCR003", "seed 004 form 2: indicator weights 20+20+10+10+10+10+20 = 100 beside budget weight 10",
          BASE.model_copy(update={"indicators": [*BASE_INDICATORS[:5], BASE_INDICATORS[5].model_copy(
              update={"weight": q("30"), "score": q("30")})]})),
    _quiet("SCR003", "seed 004 form 4: 90 + 10", BASE),
    _fire("SCR004", "“绩效指标（90分）” over indicator weights summing to 100",
          BASE.model_copy(update={"indicators": [*BASE_INDICATORS[:5], BASE_INDICATORS[5].model_copy(
              update={"weight": q("30"), "score": q("30")})]})),
    _quiet("SCR004", "seed 004 form 4: 绩效指标（90分） = 90", BASE),
    _quiet("SCR004", "seed 001: 产出目标 40 = 5+5+4+4+5+5+4+4+4 (stated label only)",
           BASE.model_copy(update={"stated_scores": [StatedScore(label="产出目标", weight=q("40"))],
                                   "indicators": [S1_QUAL.model_copy(update={"weight": q(w), "seq": k})
                                                  for k, w in enumerate("5 5 4 4 5 5 4 4 4".split())]})),
    _fire("SCR005", "“数量指标得20分” while its indicator scored 15",
          with_ind(BASE, 0, score=q("15")).model_copy(update={"stated_scores": [StatedScore(label="数量指标",
                                                                                           score=q("20"))]})),
    _quiet("SCR005", "“数量指标得20分” = 20", BASE.model_copy(update={"stated_scores": [StatedScore(label="数量指标",
                                                                                              score=q("20"))]})),
    _fire("SCR006", "seed 004 form 1: total 95, scores sum to 85, budget score blank",
          BASE.model_copy(update={"total_score": q("95"), "budget_lines": [FORM1_LINE],
                                  "indicators": [*BASE_INDICATORS[:5], BASE_INDICATORS[5].model_copy(
                                      update={"score": q("15")})]})),
    _quiet("SCR006", "seed 004 form 4: 10 + 90 = 100", BASE),
    _fire("SCR007", "合计 100 while weights are 85 + 10",
          with_ind(BASE, 0, weight=q("15"), score=q("15")).model_copy(update={"total_score": q("95")})),
    _quiet("SCR007", "seed 004 form 4: 合计 100 = 10 + 90", BASE),
    _quiet("SCR007", "a budget score without a 分值 column: 合计 100 = 90 + a budget weight not shown",
           with_line(BASE, 0, weight=None)),
    _fire("SCR007", "no budget weight shown and 合计 130: no configured budget weight makes 90 + w = 130",
          with_line(BASE, 0, weight=None).model_copy(update={"total_weight": q("130")})),
    _fire("SCR008", "total 88 graded 优", BASE.model_copy(update={"total_score": q("88"), "grade": t("优")})),
    _quiet("SCR008", "seed 001: 97.19 优秀", BASE.model_copy(update={"grade": t("优秀")})),
    _quiet("SCR008", "seed 002: 89 良", SEED2),
    _fire("SCR009", "seed 004 form 1: conclusion “自评得分95分” beside a table total of 85",
          BASE.model_copy(update={"total_score": q("85"), "conclusion": t("资金使用安全有效。自评得分95分。")})),
    _quiet("SCR009", "seed 004 form 4: “项目自评得100分” = 100", BASE),
    _fire("SCR010", "seed 004 form 5: 17.67/18 × 5 = 4.91, stated 3", BASE.model_copy(update={"indicators": [F5_POP]})),
    _quiet("SCR010", "17.67/18 × 5 = 4.91 stated 4.91",
           BASE.model_copy(update={"indicators": [F5_POP.model_copy(update={"score": q("4.91")})]})),
    _fire("SCR011", "17.67万人 of ≥ 18 万人 scored the full 5",
          BASE.model_copy(update={"indicators": [F5_POP.model_copy(update={"score": q("5")})]})),
    _quiet("SCR011", "seed 004 form 4: 25800 of ≥ 25800 scored 20 of 20", BASE),
    _quiet("SCR011", "seed 000: 补助时间（年） 2021 with actual 2020年 is a date, not an amount",
           BASE.model_copy(update={"indicators": [S0_YEAR.model_copy(update={"actual": q("2020年")})]})),
    _fire("SCR012", "seed 004 form 3: 完成时限 ＝ 1 年, actual 1年, 8 of 10, no reason",
          with_ind(BASE, 2, actual=q("1年", "年"), score=q("8"))),
    _quiet("SCR012", "seed 004 form 4: 完成时限 10 of 10", BASE),
    _fire("SCR013", "seed 004 form 5: 医保工作总成本 ≤ 88 万元, 83.39万元, 10 of 20, reason about payments",
          BASE.model_copy(update={"indicators": [F5_COST]})),
    _fire("SCR013", "seed 004 form 1: ＝ 67 万元 cost cap, 40.9万元, 5 of 10",
          BASE.model_copy(update={"indicators": [ind(8, "成本指标", "经济成本指标", "医疗保障与服务能力提升资金成本控制数", "＝",
                                                     "67", "万元", "40.9万元", "10", "5", reason=FORM1_REASON)]})),
    _quiet("SCR013", "seed 004 form 4: ＝ 85 万元, 85, 20 of 20", BASE),
    _fire("SCR014", "qualitative 优/优 scored 10 of 20 (50%)", with_ind(BASE, 3, score=q("10"))),
    _quiet("SCR014", "seed 004 form 4: 优/优 20 of 20", BASE),
    _fire("SCR015", "seed 004 form 4: 就医负担减轻程度 no 完成值, 20 points", with_ind(BASE, 3, actual=None)),
    _quiet("SCR015", "seed 004 form 6: no 完成值 and no score", FORM6),
    # ---------------- text
    _fire("TXT001", "seed 004 form 6: template text in 完成情况 and 评价结论", FORM6),
    _quiet("TXT001", "seed 004 form 4: filled (template footnote in a budget reason cell is not checked here)",
           with_line(BASE, 0, reason=t(TEMPLATE_REASON))),
    _fire("TXT002", "seed 004 form 6: 完成值 and 得分 blank", FORM6),
    _quiet("TXT002", "seed 004 form 4", BASE),
    _fire("TXT003", "seed 000: 补助时间 2021 in a 2022 report",
          BASE.model_copy(update={"year": 2022, "indicators": [S0_YEAR]})),
    _quiet("TXT003", "seed 000: 补助时间 2021 in a 2021 report", BASE.model_copy(update={"year": 2021,
                                                                                   "indicators": [S0_YEAR]})),
    _fire("TXT004", "seed 004 form 3: “当年“防贫保”救助24户” vs 49户 in the table", FORM3),
    _quiet("TXT004", "seed 004 form 3 conclusion only: “已经救助49户”",
           FORM3.model_copy(update={"completion": None})),
    _quiet("TXT004", "seed 004 form 2: “全区53家医药机构” vs 检查次数 180次 (家 ≠ 次)",
           BASE.model_copy(update={"indicators": [ind(0, "产出指标", "数量指标", "开展全区定点医药机构检查次数", "≥", "50", "次",
                                                      "180次", "20", "20")],
                                   "completion": t("组建基金监管专家队伍对全区53家医药机构开展全覆盖检查，对违规查处率达100%")})),
    _quiet("TXT004", "seed 000 (docx): “补助人数为187385人” vs 18.74万人 in the table (rounded to 0.01万)",
           BASE.model_copy(update={"indicators": [S0_PEOPLE], "completion": t("补助人数为187385人，做到应保尽保。")})),
    _fire("TXT004", "seed 000 with “补助人数为187485人” (18.75万, not 18.74万)",
          BASE.model_copy(update={"indicators": [S0_PEOPLE], "completion": t("补助人数为187485人，做到应保尽保。")})),
    _fire("TXT006", "seed 004 form 5: “超额完成当年度参保任务” while 居民医保参保人数 17.67万人 < 18万人",
          BASE.model_copy(update={"indicators": [F5_POP], "completion": t(F5_COMPLETION)})),
    _fire("TXT006", "seed 004 form 1 figures (61.04%) with “全面完成” claimed",
          BASE.model_copy(update={"budget_lines": [FORM1_LINE], "conclusion": t("项目全面完成，资金使用安全有效。")})),
    _quiet("TXT006", "seed 004 form 5 goal: “确保圆满完成全年各项目标任务” is an intention",
           BASE.model_copy(update={"indicators": [F5_POP], "completion": t("保障医保工作正常运转，确保圆满完成全年各项目标任务")})),
    _quiet("TXT006", "“超额完成当年度参保任务” with every target met",
           BASE.model_copy(update={"completion": t(F5_COMPLETION)})),
    _fire("TXT005", "seed 004 form 4 sentence with 698 changed to 689",
          BASE.model_copy(update={"completion": t("昭化区共计使用医疗救助医疗费用1683万元（其中;医疗救助医疗费用985万元（财务数据）"
                                                  "资助参保689万元），涉及50938人次。")})),
    _quiet("TXT005", "seed 004 form 4: 1683万元（其中 985万元 … 698万元）",
           BASE.model_copy(update={"completion": t("昭化区共计使用医疗救助医疗费用1683万元（其中;医疗救助医疗费用985万元（财务数据）"
                                                   "资助参保698万元），涉及50938人次。")})),
]


# Deadlines (jixiao/rules/dates.py, issue 15): BASE indicator 3 (时效指标 完成时限) as a deadline.
def _deadline(target: str, actual: str, **kw: object) -> Report:
    return with_ind(BASE, 2, comparator="≤", unit=None, target=q(target), actual=q(actual), **kw)


CASES += [
    _fire("IND030", "时效 target 12月31日前 (report year 2024), done 2025年3月31日, no reason",
          _deadline("12月31日前", "2025年3月31日")),
    _fire("IND030", "时效 target 2024年6月底前, actual 未按时完成", _deadline("2024年6月底前", "未按时完成")),
    _quiet("IND030", "时效 target 12月31日前, done 2024年11月30日", _deadline("12月31日前", "2024年11月30日")),
    _quiet("IND030", "时效 target 按时, actual 按时", _deadline("按时", "按时")),
    _quiet("IND030", "missed, with a reason", _deadline("6月底前", "2024年8月", reason=t("受汛期影响工期顺延"))),
    _fire("SCR030", "时效 target 2024年6月底前, done 2024年8月, full score 10/10", _deadline("2024年6月底前", "2024年8月")),
    _quiet("SCR030", "时效 target 2024年6月底前, done 2024年8月, scored 8/10",
           _deadline("2024年6月底前", "2024年8月", score=q("8"))),
    _quiet("SCR030", "时效 target 2024年6月底前, done 2024年6月 (the same month: kept)",
           _deadline("2024年6月底前", "2024年6月")),
]
