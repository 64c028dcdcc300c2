"""Typed output model of jixiao.

Every model is a frozen pydantic v2 model; derive new values with
``model_copy(update=...)``.  Numbers are :class:`~decimal.Decimal` (never float),
every parsed value keeps its raw text, and every extracted item carries a
:class:`Provenance` pointing back into the source file.

This module imports nothing else from ``jixiao``: it is the bottom layer.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Frozen(BaseModel):
    """Base for all jixiao models: immutable, no unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Provenance(Frozen):
    """Where a value came from.

    ``source`` is the path as given to the pipeline (relative when the input was
    relative).  Row/column indexes are 0-based grid positions; pages and line
    numbers are 1-based, as a person reads them.  ``text`` is the verbatim source
    text the value was read from (a cell, a line, a sentence).
    """

    source: str
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    paragraph: int | None = None
    line_start: int | None = None
    line_end: int | None = None
    bbox: tuple[float, float, float, float] | None = None
    text: str = ""
    # CSS-like element path in a web page ("body>table:nth-of-type(2)>tr:nth-of-type(3)>td:nth-child(2)")
    # or a Sheet!A1 reference in a workbook; only some loaders know one, so it is left out of the
    # serialized form when unset and every other format serializes exactly as before the field existed
    path: str | None = Field(default=None, exclude_if=lambda v: v is None)


class Comparator(StrEnum):
    """Direction of an indicator target (指标性质 / the sign in front of a value)."""

    GE = "≥"
    LE = "≤"
    EQ = "="
    GT = ">"
    LT = "<"


class Kind(StrEnum):
    """What sort of value a :class:`Quantity` holds."""

    NUMBER = "number"  # a bare number, no unit
    PERCENT = "percent"  # 95%, 100百分比, ‰
    MONEY = "money"  # 元, 万元, 亿元
    COUNT = "count"  # 人, 次, 户, 个, 家 ...
    DURATION = "duration"  # 1年, 3个月, 10天
    YEAR = "year"  # 2021年 (a calendar year, not a duration)
    DATE = "date"  # 12月31日前, 2024年6月底前, 按时 (a deadline or a day; ``Quantity.date``)
    QUALITATIVE = "qualitative"  # 优, 良, 有效, 及时, 完成 ...
    TEXT = "text"  # could not be parsed; raw text kept
    EMPTY = "empty"  # blank cell, "/" or "—"


class Quantity(Frozen):
    """A parsed value with its raw text.

    ``value`` is the number as written (18.74 for "18.74万人"); ``base_value`` is
    the value in the base unit (187400, base unit "人").  For a range such as
    "90%-95%", ``value`` is the low end and ``upper`` the high end.
    ``likely_ratio`` flags a bare 0.95 or 1 written where a percentage is meant;
    the value itself is never silently changed.
    For qualitative values, ``label`` is the canonical word and ``polarity`` is
    +1 (achieved / positive), 0 (partly) or -1 (not achieved / negative);
    ``grade`` is 优/良/中/差 where the word maps to one.
    ``subject`` is what a short phrase says the value is of ("覆盖率" in "覆盖率达到100%",
    "2023年支付成本" in "2023年支付成本不超过300万元"); ``approx`` flags 约 / 大约 / 左右.
    For ``kind == "date"``, ``date`` is ISO 8601: "2024-06-30", "2024-06" (a month), or
    "--12-31" / "--06" when the year is not known; ``None`` for "按时" (on time, no day given),
    which carries ``label`` "按时" and ``polarity`` +1.
    """

    raw: str
    comparator: Comparator | None = None
    value: Decimal | None = None
    upper: Decimal | None = None
    unit: str | None = None
    base_value: Decimal | None = None
    base_upper: Decimal | None = None
    base_unit: str | None = None
    kind: Kind = Kind.TEXT
    likely_ratio: bool = False
    label: str | None = None
    polarity: int | None = None
    grade: str | None = None
    subject: str | None = None
    approx: bool = False
    date: str | None = None
    prov: Provenance | None = None


class TextItem(Frozen):
    """A piece of text as written, with where it was found."""

    text: str
    prov: Provenance | None = None


class LineKind(StrEnum):
    """Role of a budget line (资金来源)."""

    TOTAL = "total"  # 年度资金总额 / 总额 / 合计
    FISCAL = "fiscal"  # 其中：财政拨款 / 财政资金
    SPECIAL = "special"  # 财政专户管理资金
    UNIT = "unit"  # 单位资金 / 单位自筹
    CARRYOVER = "carryover"  # 上年结转资金
    OTHER = "other"  # 其他资金 and anything unrecognised


class BudgetLine(Frozen):
    """One funding line of the budget block, money in ``money_unit``."""

    seq: int
    line: str  # label as written
    kind: LineKind = LineKind.OTHER
    depth: int = 0  # 0: the total line; 1: a part of the total (其中…); 2: a part of a depth-1 line
    money_unit: str | None = None  # "万元" | "元" | None when the report does not say
    initial: Quantity | None = None  # 年初预算
    adjusted: Quantity | None = None  # 调整后 / 全年预算数
    to_hand: Quantity | None = None  # 实际到位
    executed: Quantity | None = None  # 执行数 / 实际支出
    balance: Quantity | None = None  # 资金结余
    rate: Quantity | None = None  # stated 预算执行率
    to_hand_rate: Quantity | None = None  # stated 预算到位率 / 资金到位率
    weight: Quantity | None = None  # 分值 / 权重
    score: Quantity | None = None  # 得分
    reason: TextItem | None = None
    prov: Provenance | None = None


class Indicator(Frozen):
    """One performance indicator (三级指标) with its target and result.

    ``comparator`` is the direction as stated in the 指标性质 column or in front
    of the target: one of ≥ ≤ = > < or "定性" for qualitative, ``None`` when the
    report gives none.  ``unit`` is the 度量单位 column as written.
    ``filled`` names the fields that were filled down from a merged cell above
    (e.g. ``["level1", "level2"]``).  ``sources`` lists every place this
    indicator was read from when a report states it more than once.
    """

    seq: int
    level1: str | None = None
    level2: str | None = None
    name: str
    comparator: str | None = None
    unit: str | None = None
    target: Quantity | None = None
    mid_target: Quantity | None = None  # 中期目标 where a form states 中期 and 年度 side by side
    actual: Quantity | None = None
    weight: Quantity | None = None
    score: Quantity | None = None
    completion_rate: Quantity | None = None
    # two-row score headers (自评得分 / 单项指标得分 | 权重占比 | 折算得分): the share of the total
    # the indicator weighs and the points it contributes; never read as weight or score
    weight_share: Quantity | None = None
    converted_score: Quantity | None = None
    reason: TextItem | None = None
    filled: list[str] = Field(default_factory=list)
    origin: Literal["table", "prose"] = "table"
    prov: Provenance | None = None
    sources: list[Provenance] = Field(default_factory=list)


class StatedScore(Frozen):
    """A weight and/or score stated for a group: "产出指标(50分)", "数量指标得20分",
    "预算执行情况（10分）", "绩效指标（90分）"."""

    label: str
    weight: Quantity | None = None
    score: Quantity | None = None
    prov: Provenance | None = None


class DocumentKind(StrEnum):
    """What a file is, decided from evidence (titles, headers, which blocks are filled).

    The vocabulary that decides it is data (see the document-kind reader); this enum is
    the closed set of answers shared by the model, the readers, the rules and the export.
    """

    SELF_EVALUATION_FORM = "self_evaluation_form"  # 项目支出绩效自评表
    SELF_EVALUATION_REPORT = "self_evaluation_report"  # 自评报告 (narrative)
    DEPARTMENT_SELF_EVALUATION = "department_self_evaluation"  # 部门整体支出绩效自评
    TARGET_DECLARATION = "target_declaration"  # 绩效目标表 / 申报表 (targets only)
    EVALUATION_REPORT = "evaluation_report"  # 第三方 / 重点绩效评价报告, 再评价报告
    FINAL_ACCOUNTS = "final_accounts"  # 部门决算
    BLANK_TEMPLATE = "blank_template"  # labels present, values absent
    NOT_A_REPORT = "not_a_report"
    UNREADABLE = "unreadable"


# The kinds a Report can have (a report is never final accounts, blank, or unreadable).
ReportKind = DocumentKind
SELF_EVALUATION_KINDS = frozenset(
    {
        DocumentKind.SELF_EVALUATION_FORM,
        DocumentKind.SELF_EVALUATION_REPORT,
        DocumentKind.DEPARTMENT_SELF_EVALUATION,
    }
)


class Report(Frozen):
    """One project's self-evaluation (one 自评表 or one narrative report)."""

    report_id: str = ""
    seq: int
    shape: Literal["form", "narrative"] = "form"
    kind: DocumentKind = DocumentKind.SELF_EVALUATION_FORM
    kind_evidence: list[str] = Field(default_factory=list)  # why this kind was chosen
    project_name: TextItem | None = None
    project_code: str | None = None
    department: TextItem | None = None
    implementer: TextItem | None = None
    year: int | None = None
    budget_lines: list[BudgetLine] = Field(default_factory=list)
    budget_execution: Indicator | None = None  # the 预算执行率 row of an indicator table
    indicators: list[Indicator] = Field(default_factory=list)
    stated_scores: list[StatedScore] = Field(default_factory=list)
    unmapped_columns: list[TextItem] = Field(default_factory=list)  # header cells with no known role
    # role ids (normalize/data/roles.toml) of the budget and indicator columns the form's tables
    # have, e.g. no "weight"/"score" in a 绩效目标表; empty when unknown (a narrative report)
    columns_present: list[str] = Field(default_factory=list)
    # columns whose header role the content contradicted ("得分" over ≥95%): not read, in doubt
    column_doubts: list[TextItem] = Field(default_factory=list)
    total_weight: Quantity | None = None
    total_score: Quantity | None = None
    grade: TextItem | None = None
    goal: TextItem | None = None
    completion: TextItem | None = None
    conclusion: TextItem | None = None
    problems: TextItem | None = None
    measures: TextItem | None = None
    prov: Provenance | None = None


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(Frozen):
    """One rule violation (or extraction trouble) with its evidence.

    ``subject`` names the checked item, e.g. ``indicators[3].score``;
    ``report_seq`` is ``None`` for document-level findings.
    """

    rule_id: str
    severity: Severity
    title: str
    message: str
    report_seq: int | None = None
    subject: str = ""
    expected: str | None = None
    actual: str | None = None
    evidence: list[Provenance] = Field(default_factory=list)
    extraction_doubt: bool = False  # depends on a field whose extraction is uncertain
    related: list[str] = Field(default_factory=list)  # rule ids of merged findings of the same fault


class Document(Frozen):
    """One input file and everything read from it."""

    doc_id: str
    source: str
    format: str  # txt | docx | pdf | doc | unknown ...
    sha256: str
    status: Literal["ok", "empty", "error", "not_report", "unreadable"] = "ok"
    kind: DocumentKind | None = None  # None until decided (error files keep None or UNREADABLE)
    kind_evidence: list[str] = Field(default_factory=list)
    error: str | None = None
    reports: list[Report] = Field(default_factory=list)
    notes: list[TextItem] = Field(default_factory=list)  # what the loader repaired or skipped
    findings: list[Finding] = Field(default_factory=list)
