"""Render the QA page: header and filters, summary, one section per document."""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jixiao import __version__
from jixiao.locations import report_label
from jixiao.qa.assets import CSS, JS
from jixiao.qa.cells import CellKey, cell_key, matches
from jixiao.qa.dataset import Dataset, Rec

SEVERITIES = ("error", "warning", "info")
SEV_ZH = {"error": "错误", "warning": "警告", "info": "提示"}
_RANK = {s: i for i, s in enumerate(SEVERITIES)}

BUDGET_COLUMNS = (("line", "资金来源"), ("initial", "年初预算数"), ("adjusted", "调整后预算数"), ("to_hand", "实际到位"),
                  ("executed", "执行数"), ("balance", "资金结余"), ("rate", "执行率"), ("weight", "分值"),
                  ("score", "得分"), ("reason", "原因"))
INDICATOR_COLUMNS = (("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"), ("comparator", "指标性质"),
                     ("target", "指标值"), ("unit", "度量单位"), ("actual", "完成值"), ("weight", "权重"),
                     ("score", "得分"), ("completion_rate", "完成率"), ("reason", "偏差原因"))
HEADER_FIELDS = (("department", "主管部门"), ("year", "年度"), ("total_weight", "总分值"), ("total_score", "总得分"),
                 ("grade", "评价等级"))
NARRATIVE = (("goal", "年度目标"), ("completion", "目标完成情况"), ("conclusion", "评价结论"), ("problems", "存在问题"),
             ("measures", "改进措施"))


def esc(v: Any) -> str:
    """Any value as escaped HTML text ("" for None); numbers as written."""
    if v is None:
        return ""
    return html.escape(v if isinstance(v, str) else format(v, "f") if hasattr(v, "as_tuple") else str(v), quote=True)


def _budget_value(r: Rec, col: str) -> Any:
    if col == "rate":
        return r.get("rate_raw") if r.get("rate_raw") not in (None, "") else r.get("rate_pct")
    return r.get(col)


def _indicator_value(r: Rec, col: str) -> Any:
    raw = {"target": "target_raw", "actual": "actual_raw", "weight": "weight_raw", "score": "score_raw"}.get(col)
    if raw is not None:
        v = r.get(raw)
        return v if v not in (None, "") else r.get(col if col in ("weight", "score") else f"{col}_value")
    if col == "completion_rate":
        v = r.get("completion_rate_pct")
        return None if v is None else f"{v:f}%" if hasattr(v, "as_tuple") else f"{v}%"
    return r.get(col)


class _Flags:
    """Findings of one report by the cell they point at."""

    def __init__(self, findings: list[Rec]) -> None:
        self.items: list[tuple[CellKey, Rec]] = []
        for f in findings:
            k = cell_key(f.get("subject"))
            if k is not None:
                self.items.append((k, f))

    def at(self, block: str, row: int, column: str) -> list[Rec]:
        fs = [f for k, f in self.items if matches(k, block, row, column)]
        return sorted(fs, key=lambda f: _RANK.get(f["severity"], 9))


def _fid(f: Rec) -> str:
    return f"f-{esc(f['doc_id'])}-{f['seq']}"


def _cell(value: Any, flags: list[Rec], numeric: bool = False) -> str:
    text = esc(value)
    cls = ["num"] if numeric else []
    if not flags:
        return f"<td{' class=num' if numeric else ''}>{text}</td>"
    top = flags[0]
    cls += ["flag", f"sev-{esc(top['severity'])}"]
    rules = " ".join(dict.fromkeys(esc(f["rule_id"]) for f in flags))
    sevs = " ".join(dict.fromkeys(esc(f["severity"]) for f in flags))
    tags = "".join(f'<a class="tag" href="#{_fid(f)}">{esc(f["rule_id"])} {SEV_ZH.get(f["severity"], "")}</a>'
                   for f in flags)
    title = esc("；".join(str(f.get("message") or "") for f in flags))
    return (f'<td class="{" ".join(cls)}" data-rule="{esc(top["rule_id"])}" data-subject="{esc(top["subject"])}" '
            f'data-rules="{rules}" data-severities="{sevs}" title="{title}">{text}{tags}</td>')


_NUMERIC = {"initial", "adjusted", "to_hand", "executed", "balance", "rate", "weight", "score", "completion_rate"}


def _budget_table(rows: list[Rec], flags: _Flags) -> str:
    if not rows:
        return ""
    unit = next((r.get("money_unit") for r in rows if r.get("money_unit")), None)
    head = "".join(f"<th>{esc(t)}</th>" for _, t in BUDGET_COLUMNS)
    body = []
    for i, r in enumerate(rows):
        cells = "".join(_cell(_budget_value(r, c), flags.at("budget", i, c), c in _NUMERIC) for c, _ in BUDGET_COLUMNS)
        body.append(f"<tr>{cells}</tr>")
    cap = f"预算执行情况（金额单位：{esc(unit)}）" if unit else "预算执行情况（金额单位未注明）"
    return f'<table class="budget"><caption>{cap}</caption><tr>{head}</tr>{"".join(body)}</table>'


def _indicator_table(rows: list[Rec], flags: _Flags) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{esc(t)}</th>" for _, t in INDICATOR_COLUMNS)
    body = []
    k = 0
    for r in rows:
        if r.get("role") == "budget_execution":
            cells = "".join(_cell(_indicator_value(r, c), flags.at("budget_execution", 0, c), c in _NUMERIC)
                            for c, _ in INDICATOR_COLUMNS)
            body.append(f'<tr class="budget-execution">{cells}</tr>')
            continue
        cells = "".join(_cell(_indicator_value(r, c), flags.at("indicators", k, c), c in _NUMERIC)
                        for c, _ in INDICATOR_COLUMNS)
        body.append(f"<tr>{cells}</tr>")
        k += 1
    return f'<table class="indicators"><caption>绩效指标</caption><tr>{head}</tr>{"".join(body)}</table>'


def _stated_table(rows: list[Rec], flags: _Flags) -> str:
    if not rows:
        return ""
    body = "".join(f"<tr>{_cell(r.get('label'), flags.at('stated', i, 'label'))}"
                   f"{_cell(r.get('weight'), flags.at('stated', i, 'weight'), True)}"
                   f"{_cell(r.get('score'), flags.at('stated', i, 'score'), True)}</tr>" for i, r in enumerate(rows))
    return (f'<table class="stated"><caption>分项分值</caption><tr><th>标注</th><th>分值</th><th>得分</th></tr>'
            f"{body}</table>")


def _evidence(f: Rec) -> str:
    try:
        items = json.loads(f.get("evidence_json") or "[]")
    except ValueError:
        items = []
    out = []
    for it in items[:8]:
        loc = esc(it.get("location") or it.get("source"))
        text = it.get("text")
        out.append(f"<li>{loc}" + (f"：<q>{esc(text)}</q>" if text else "") + "</li>")
    more = f"<li>…另有{len(items) - 8}处</li>" if len(items) > 8 else ""
    return f'<ul class="evidence">{"".join(out)}{more}</ul>' if out else ""


def _finding(f: Rec) -> str:
    sev = str(f.get("severity"))
    doubt = '<span class="doubt">可能为提取问题</span> ' if f.get("extraction_doubt") in (1, "1", True) else ""
    related = f"；合并：{esc(f['related'])}" if f.get("related") else ""
    subject = esc(f.get("subject_zh") or f.get("subject"))
    return (f'<li class="finding sev-{esc(sev)}" id="{_fid(f)}" data-rule="{esc(f["rule_id"])}" '
            f'data-severity="{esc(sev)}" data-subject="{esc(f.get("subject"))}">'
            f"<b>{esc(f['rule_id'])}</b> [{SEV_ZH.get(sev, esc(sev))}] {doubt}{esc(f.get('message'))}"
            f'<div class="meta">{esc(f.get("title"))}；对象：{subject}'
            f"（<code>{esc(f.get('subject'))}</code>）；应为 {esc(f.get('expected'))}，实为 {esc(f.get('actual'))}"
            f"{related}</div>{_evidence(f)}</li>")


def _narrative(r: Rec, flags: _Flags) -> str:
    out = []
    for key, label in NARRATIVE:
        text = r.get(key)
        if not text:
            continue
        fs = flags.at("report", 0, key)
        cls = f' class="flag sev-{esc(fs[0]["severity"])}" data-rule="{esc(fs[0]["rule_id"])}" ' \
              f'data-subject="{esc(fs[0]["subject"])}" data-rules="{esc(fs[0]["rule_id"])}" ' \
              f'data-severities="{esc(fs[0]["severity"])}"' if fs else ""
        out.append(f"<tr><th>{label}</th><td{cls}>{esc(text)}</td></tr>")
    return f'<table class="narrative">{"".join(out)}</table>' if out else ""


def _report(ds: Dataset, r: Rec) -> str:
    rid = r["report_id"]
    findings = ds.part(rid, "findings")
    flags = _Flags(findings)
    meta = "".join(f"<tr><th>{label}</th>{_cell(r.get(k), flags.at('report', 0, k), k != 'department')}</tr>"
                   for k, label in HEADER_FIELDS)
    dup = (f'<p class="dup">同一项目已见于报告 <code>{esc(r["duplicate_of"])}</code>（汇总时只计一次）</p>'
           if r.get("duplicate_of") else "")
    fl = "".join(_finding(f) for f in sorted(findings, key=lambda f: (_RANK.get(f["severity"], 9), f["seq"])))
    return (f'<article class="report" id="r-{esc(rid)}" data-department="{esc(r.get("department"))}" '
            f'data-year="{esc(r.get("year"))}">'
            f"<h3>{report_label(r.get('seq'))}：{esc(r.get('project_name') or '（未读取到项目名称）')}</h3>{dup}"
            f'<table class="meta">{meta}</table>'
            f"{_budget_table(ds.part(rid, 'budget_lines'), flags)}"
            f"{_indicator_table(ds.part(rid, 'indicators'), flags)}"
            f"{_stated_table(ds.part(rid, 'stated_scores'), flags)}{_narrative(r, flags)}"
            f"<h4>发现（{len(findings)}）</h4><ul class=\"findings\">{fl or '<li>无发现</li>'}</ul></article>")


def _document(ds: Dataset, d: Rec) -> str:
    err = (f'<p class="error-doc">未能读取：{esc(d.get("error"))}（状态 {esc(d.get("status"))}）</p>'
           if d.get("status") != "ok" else "")
    docf = ds.doc_findings.get(d["doc_id"], [])
    dl = f'<ul class="doc-findings">{"".join(_finding(f) for f in docf)}</ul>' if docf else ""
    reports = "".join(_report(ds, r) for r in ds.reports_of(d["doc_id"]))
    return (f'<section class="doc" id="d-{esc(d["doc_id"])}"><h2>{esc(d.get("source"))}</h2>{err}{dl}'
            f"{reports}</section>")


def _count_table(title: str, rows: Iterable[tuple[str, Counter[str]]]) -> str:
    head = "".join(f"<th>{SEV_ZH[s]}</th>" for s in SEVERITIES)
    body = "".join(f"<tr><td>{esc(k)}</td>{''.join(f'<td class=num>{c[s]}</td>' for s in SEVERITIES)}"
                   f"<td class=num>{sum(c.values())}</td></tr>" for k, c in rows)
    return f"<table><caption>{esc(title)}</caption><tr><th></th>{head}<th>合计</th></tr>{body}</table>"


def _severity_table(total: Counter[str]) -> str:
    body = "".join(f'<tr><td class="sev-{s}">{SEV_ZH[s]} {s}</td><td class=num>{total[s]}</td></tr>' for s in SEVERITIES)
    return f"<table><caption>按严重程度</caption><tr><th></th><th>条数</th></tr>{body}</table>"


def _summary(ds: Dataset) -> str:
    reports = {r["report_id"]: r for r in ds.tables.get("reports", [])}
    by: dict[str, dict[str, Counter[str]]] = {"rule": {}, "department": {}, "year": {}}
    titles: dict[str, str] = {}
    for f in ds.tables.get("findings", []):
        rep = reports.get(f.get("report_id") or "")
        titles[f["rule_id"]] = str(f.get("title") or "")
        keys = {"rule": f["rule_id"], "department": (rep or {}).get("department") or "（未注明）",
                "year": str((rep or {}).get("year") or "（未注明）")}
        for dim, key in keys.items():
            by[dim].setdefault(key, Counter())[f["severity"]] += 1
    total: Counter[str] = Counter(f["severity"] for f in ds.tables.get("findings", []))
    docs = ds.tables.get("documents", [])
    ok = sum(d.get("status") == "ok" for d in docs)
    head = (f"<p>文件{len(docs)}个（可读{ok}个），报告{len(reports)}份，发现{sum(total.values())}条："
            + "，".join(f"{SEV_ZH[s]}{total[s]}" for s in SEVERITIES) + "</p>")
    rules = _count_table("按规则", [(f"{k} {titles.get(k, '')}", c) for k, c in sorted(by["rule"].items())])
    return (f'<section id="summary"><h2>汇总</h2>{head}<div class="summary">'
            f"{_severity_table(total)}{rules}"
            f"{_count_table('按主管部门', sorted(by['department'].items()))}"
            f"{_count_table('按年度', sorted(by['year'].items()))}</div></section>")


def _options(name: str, label: str, values: Iterable[tuple[str, str]]) -> str:
    opts = "".join(f'<option value="{esc(v)}">{esc(t)}</option>' for v, t in values)
    return f'<label>{label} <select id="f-{name}"><option value="">全部</option>{opts}</select></label>'


def _filters(ds: Dataset) -> str:
    findings = ds.tables.get("findings", [])
    reports = ds.tables.get("reports", [])
    rules = sorted({f["rule_id"] for f in findings})
    depts = sorted({r["department"] for r in reports if r.get("department")})
    years = sorted({str(r["year"]) for r in reports if r.get("year") is not None})
    return ('<div id="filters">'
            + _options("severity", "严重程度", [(s, SEV_ZH[s]) for s in SEVERITIES])
            + _options("rule", "规则", [(r, r) for r in rules])
            + _options("department", "主管部门", [(d, d) for d in depts])
            + _options("year", "年度", [(y, y) for y in years]) + "</div>")


def build_report(ds: Dataset, title: str = "绩效自评审核报告") -> str:
    """The whole page as one HTML string (inline CSS and script, no external resource)."""
    docs = "".join(_document(ds, d) for d in ds.tables.get("documents", []))
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            f"<h1>{esc(title)}</h1><p class=\"meta\">jixiao {esc(__version__)} 生成；"
            "标红的单元格是发现所指的数值，点击其规则编号可跳到发现。</p>"
            f"{_filters(ds)}{_summary(ds)}{docs}<script>{JS}</script></body></html>\n")


def write_report(ds: Dataset, out: str | Path, title: str = "绩效自评审核报告") -> Path:
    p = Path(out)
    p.write_text(build_report(ds, title), encoding="utf-8")
    return p
