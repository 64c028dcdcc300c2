"""Human-readable places and subjects: the one renderer of a :class:`~jixiao.model.Provenance`.

Everything a person reads numbers from 1: 报告1, 表1, 第1行, 第1列, 第1段, 第1页; a cell of an XLSX
workbook is written as Excel shows it (``工作表名!H8``).  The model keeps 0-based grid positions
(``Provenance.row``/``col``/``table``/``paragraph``) and 1-based pages and text lines; this module is
the only place that converts them, so the rules' messages, the CLI, the dataset and the QA report
all say the same thing.

Subjects (``budget_lines[0].rate``) are machine paths; :func:`subject_text` renders them in Chinese
(``预算执行率（总额行）``) with the report at hand to name the line or indicator.

This module imports only :mod:`jixiao.model`, so every layer may use it.
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

from jixiao.model import LineKind, Provenance, Report

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlsb", ".et", ".ods")


def report_label(seq: int | None) -> str:
    """``报告1`` for the first report of a document (``Report.seq`` is 0-based); ``文件`` for none."""
    return "文件" if seq is None else f"报告{seq + 1}"


def column_letters(col: int) -> str:
    """0 → A, 25 → Z, 26 → AA (Excel column names)."""
    out = ""
    n = col + 1
    while n > 0:
        n, rem = divmod(n - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


def cell_ref(row: int, col: int) -> str:
    """0-based sheet position → ``H8``."""
    return f"{column_letters(col)}{row + 1}"


def is_sheet_source(source: str) -> bool:
    return source.lower().endswith(SHEET_SUFFIXES)


def sheet_name(prov: Provenance, sheet_names: Mapping[int, str] | None = None) -> str:
    """The worksheet a workbook cell lies on: its title when known, else ``工作表1`` (1-based)."""
    if prov.table is None:
        return "工作表"
    if sheet_names and prov.table in sheet_names:
        return sheet_names[prov.table]
    return f"工作表{prov.table + 1}"


def _lines(p: Provenance) -> str:
    if p.line_start is None:
        return ""
    if p.line_end in (None, p.line_start):
        return f"文本第{p.line_start}行"
    return f"文本第{p.line_start}–{p.line_end}行"


def location_parts(p: Provenance, sheet_names: Mapping[int, str] | None = None) -> list[str]:
    """The pieces of a location, each numbered from 1: ``["第3页", "表2", "第7行", "第5列"]``,
    ``["Sheet1!H8"]`` for a workbook cell, ``["文本第40–41行", "表1", "第7行", "第6列"]`` for text."""
    if is_sheet_source(p.source) and p.path and "!" in p.path:
        return [p.path]  # the loader's own Sheet!A1 reference, with the real sheet name
    if is_sheet_source(p.source) and p.row is not None and p.col is not None:
        return [f"{sheet_name(p, sheet_names)}!{cell_ref(p.row, p.col)}"]
    out: list[str] = []
    if p.page is not None:
        out.append(f"第{p.page}页")
    lines = _lines(p)
    if lines:
        out.append(lines)
    if p.table is not None:
        out.append(sheet_name(p, sheet_names) if is_sheet_source(p.source) else f"表{p.table + 1}")
    if p.row is not None:
        out.append(f"第{p.row + 1}行")
    if p.col is not None:
        out.append(f"第{p.col + 1}列")
    if p.paragraph is not None and p.table is None and not lines:
        out.append(f"第{p.paragraph + 1}段")
    return out


def location_text(p: Provenance | None, sheet_names: Mapping[int, str] | None = None) -> str:
    """``第3页 表2 第7行第5列`` / ``Sheet1!H8`` / ``文本第40行 表1 第7行第6列`` ("" when unknown)."""
    if p is None:
        return ""
    parts = location_parts(p, sheet_names)
    out: list[str] = []
    for part in parts:  # 第7行第5列 reads as one cell
        if out and part.startswith("第") and part.endswith("列") and out[-1].endswith("行") \
                and not out[-1].startswith("文本"):
            out[-1] += part
        else:
            out.append(part)
    return " ".join(out)


def quoted(text: str, limit: int = 60) -> str:
    """The source text on one line, cut at ``limit`` characters."""
    t = " ".join(text.split())
    return t if len(t) <= limit else t[:limit] + "…"


def prov_text(p: Provenance, sheet_names: Mapping[int, str] | None = None, with_source: bool = True) -> str:
    """``file 第2页 表3 第5行第4列：“94.77%”`` — where a value was read, and what it said."""
    loc = location_text(p, sheet_names)
    head = " ".join(x for x in ((p.source if with_source else ""), loc) if x)
    text = quoted(p.text)
    return head + (f"：“{text}”" if text else "")


# ---------------------------------------------------------------- subjects

FIELD_ZH: dict[str, str] = {
    "initial": "年初预算", "adjusted": "调整后预算", "to_hand": "实际到位", "executed": "执行数",
    "balance": "资金结余", "rate": "预算执行率", "to_hand_rate": "资金到位率", "weight": "分值",
    "score": "得分", "reason": "原因", "target": "目标值", "mid_target": "中期目标值", "actual": "完成值",
    "completion_rate": "完成率", "level1": "一级指标", "level2": "二级指标", "name": "指标名称",
    "comparator": "指标性质", "unit": "度量单位", "total_score": "总分", "total_weight": "合计分值",
    "grade": "评价等级", "goal": "年度目标", "completion": "年度目标完成情况", "conclusion": "评价结论",
    "problems": "存在问题", "measures": "改进措施", "project_name": "项目名称", "department": "主管部门",
    "year": "年度", "indicators": "绩效指标", "reports": "报告", "budget_lines": "预算资金",
    "budget_execution": "预算执行率指标", "stated_scores": "分项分值", "unmapped_columns": "未识别的列",
    "notes": "读取说明", "label": "标注",
}
_LINE_KIND_ZH = {LineKind.TOTAL: "总额", LineKind.FISCAL: "财政资金", LineKind.SPECIAL: "财政专户资金",
                 LineKind.UNIT: "单位资金", LineKind.CARRYOVER: "上年结转", LineKind.OTHER: "其他资金"}
_STEP = regex.compile(r"(?P<name>[a-z_]+)(?:\[(?P<index>\d+|\*)\])?")


def _steps(subject: str) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for part in subject.split("."):
        m = _STEP.fullmatch(part.strip())
        if m is None:
            return []
        out.append((m.group("name"), m.group("index")))
    return out


def _item_label(report: Report | None, name: str, index: str | None) -> str:
    if index is None:
        return FIELD_ZH.get(name, name)
    if index == "*":
        return {"indicators": "全部指标", "budget_lines": "全部资金行"}.get(name, FIELD_ZH.get(name, name))
    k = int(index)
    if name == "budget_lines":
        if report is not None and k < len(report.budget_lines):
            line = report.budget_lines[k]
            label = " ".join(line.line.split()) or _LINE_KIND_ZH[line.kind]
            return f"{'总额' if line.depth == 0 and line.kind == LineKind.TOTAL else label}行"
        return f"资金第{k + 1}行"
    if name == "indicators":
        if report is not None and k < len(report.indicators):
            return f"指标“{report.indicators[k].name}”"
        return f"第{k + 1}个指标"
    if name == "stated_scores":
        if report is not None and k < len(report.stated_scores):
            return f"“{report.stated_scores[k].label}”"
        return f"第{k + 1}个分项分值"
    return f"{FIELD_ZH.get(name, name)}{k + 1}"


def subject_text(subject: str, report: Report | None = None) -> str:
    """A machine subject in Chinese: ``budget_lines[0].rate`` → ``预算执行率（总额行）``,
    ``indicators[3].score`` → ``得分（指标“…”）``, ``indicators[*].weight`` → ``分值（全部指标）``,
    ``total_score`` → ``总分``.  Unknown shapes are returned unchanged."""
    steps = _steps(subject)
    if not steps:
        return subject
    if len(steps) == 1:
        name, index = steps[0]
        return _item_label(report, name, index) if index is not None else FIELD_ZH.get(name, name)
    (owner, index), (field, _) = steps[0], steps[-1]
    if owner == "budget_execution":
        name = "预算执行率" if field == "actual" else FIELD_ZH.get(field, field)
        return f"{name}（指标表的预算执行率行）"
    return f"{FIELD_ZH.get(field, field)}（{_item_label(report, owner, index)}）"
