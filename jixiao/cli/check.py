"""``jixiao check`` (QA findings for report files) and ``jixiao rules`` (the rule catalogue)."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:  # imported inside the commands, so that ``jixiao --help`` starts at once
    from jixiao.model import Document, Finding, Provenance
    from jixiao.rules import RulesConfig

# keyed by Severity's string values (Severity is a StrEnum: Severity.ERROR == "error")
RANK: dict[str, int] = {"error": 2, "warning": 1, "info": 0}
LABEL: dict[str, str] = {"error": "错误 error", "warning": "警告 warning", "info": "提示 info"}


def prov_text(p: Provenance) -> str:
    """"file 第2页 表3 第5行第4列：“94.77%”" — where a value was read, numbered from 1
    (the shared renderer, jixiao/locations.py)."""
    from jixiao.locations import prov_text as render

    return render(p)


def finding_lines(f: Finding) -> list[str]:
    lines = [f"  {f.rule_id} [{LABEL[f.severity]}] {f.message} ({f.title})"]
    detail = []
    if f.subject:
        detail.append(f"对象 {f.subject}")
    if f.expected is not None:
        detail.append(f"应为 {f.expected}")
    if f.actual is not None:
        detail.append(f"实际 {f.actual}")
    if detail:
        lines.append("      " + "；".join(detail))
    lines.extend(f"      位置 {prov_text(p)}" for p in f.evidence[:4])
    if len(f.evidence) > 4:
        lines.append(f"      …另有{len(f.evidence) - 4}处")
    return lines


def document_text(doc: Document) -> list[str]:
    from jixiao.model import Severity

    counts = {s: sum(1 for f in doc.findings if f.severity == s) for s in Severity}
    head = f"{doc.source}：{len(doc.reports)}份报告，{len(doc.findings)}条发现" + (
        f"（错误{counts[Severity.ERROR]}，警告{counts[Severity.WARNING]}，提示{counts[Severity.INFO]}）"
        if doc.findings else "")
    out = [head]
    if doc.status == "error":
        out.append(f"  无法读取：{doc.error}")
    elif doc.status == "empty":
        out.append(f"  空文件：{doc.error or ''}")
    elif doc.status == "not_report":
        out.append(f"  非自评报告：{doc.error or ''}")
    elif doc.status == "unreadable":
        out.append(f"  无法识别：{doc.error or ''}")
    by_report: dict[int | None, list[Finding]] = {}
    for f in doc.findings:
        by_report.setdefault(f.report_seq, []).append(f)
    for f in by_report.pop(None, []):
        out.extend(finding_lines(f))
    for r in doc.reports:
        fs = by_report.get(r.seq, [])
        name = r.project_name.text.strip() if r.project_name else "（未识别项目名称）"
        out.append(f" 报告{r.seq + 1}：{name}" + ("" if fs else " — 无发现"))  # numbered from 1
        for f in fs:
            out.extend(finding_lines(f))
    return out


def document_json(doc: Document) -> dict[str, object]:
    from jixiao.serialize import to_plain

    return {"source": doc.source, "doc_id": doc.doc_id, "status": doc.status, "error": doc.error,
            "reports": [{"seq": r.seq, "report_id": r.report_id,
                         "project_name": r.project_name.text if r.project_name else None} for r in doc.reports],
            "findings": to_plain(doc.findings)}


def _config(path: str | None) -> RulesConfig:
    from jixiao.errors import JixiaoError
    from jixiao.rules import load_config

    try:
        return load_config(path)
    except JixiaoError as e:
        raise click.UsageError(str(e)) from e


@click.command("check")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=str))
@click.option("--fail-on", type=click.Choice(["error", "warning", "never"]), default="error", show_default=True,
              help="Exit with status 1 when a finding of this severity (or worse) is found.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--select", multiple=True, help="Only these rule ids or prefixes (BUD, SCR01, TXT001; repeat or comma-separate).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or prefixes.")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=str), default=None,
              help="TOML file overriding rule tolerances and regional variants (see jixiao/rules/data/default.toml).")
@click.option("--convert", is_flag=True, help="Convert legacy .doc/.wps with LibreOffice (must be on PATH).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, help="Worker processes [default: 1–2].")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Seconds one file may take (default 120); an overrunning file is listed with the reason.")
@click.option("--memory-limit", "memory_mb", type=click.IntRange(min=0), default=None,
              help="Address space per worker process in MiB (default 2048; 0: no limit).")
@click.option("--follow-links", is_flag=True, help="Read symbolic links that point outside PATHS.")
def check_cmd(paths: tuple[str, ...], fail_on: str, fmt: str, select: tuple[str, ...], ignore: tuple[str, ...],
              config_path: str | None, convert: bool, jobs: int | None, timeout: float | None,
              memory_mb: int | None, follow_links: bool) -> None:
    """Check report files for inconsistencies: findings per document and report.

    Directories are walked for report files (*.txt, *.docx, *.pdf, *.xlsx) and the office files
    ingest also reads (.doc, .wps, … read by their real format or refused with the reason); a file
    named on the command line is always checked (an image is refused).  Every file is read in an
    isolated worker process with a time limit and a memory cap, like ingest.  Each finding shows
    the rule id, a Chinese message with the English title, the numbers compared and where they
    were read.

    Exit status: 0 when nothing at the --fail-on level was found, 1 when something was (or a
    file could not be read or recognised), 2 for a usage or configuration error.  A readable file
    that holds no self-evaluation (部门决算, a blank template …) is listed with the reason and does
    not fail the check.

    \b
    Examples:
      jixiao check corpus/seed-004/report.txt
      jixiao check reports/ --fail-on warning --ignore TXT004,IND006
      jixiao check reports/ --select BUD --format json > findings.json
    """
    from jixiao.model import Severity
    from jixiao.rules import REGISTRY, selected_rules

    cfg = _config(config_path)
    bad = [k for k in cfg.severity if k not in REGISTRY]
    if bad:
        raise click.UsageError(f"规则配置文件 {config_path} 的 [severity] 中有未知的规则编号：{', '.join(bad)}")
    unknown = [s for s in (*select, *ignore) for part in s.split(",") if part.strip()
               and not selected_rules([part])]
    if unknown:
        raise click.UsageError(f"未知的规则编号或前缀：{', '.join(dict.fromkeys(unknown))}（见 jixiao rules）")
    from jixiao.batch.defaults import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, default_jobs
    from jixiao.batch.documents import paths_to_documents

    progress = fmt == "json" and sys.stderr.isatty()

    def on_done(i: int, n: int, source: str) -> None:
        if progress and n > 1:
            click.echo(f"\r[{i}/{n}] {source}"[:100].ljust(100), err=True, nl=False)

    docs = paths_to_documents(paths, jobs=jobs or default_jobs(), follow_links=follow_links,
                              timeout=timeout or DEFAULT_TIMEOUT,
                              memory_mb=DEFAULT_MEMORY_MB if memory_mb is None else memory_mb,
                              config=config_path, select=select or None, ignore=ignore or None, convert=convert,
                              on_done=on_done)
    if not docs:
        raise click.UsageError("没有找到可检查的文件（支持的格式见 README“Accepted formats”）")
    if fmt == "text":
        for d in docs:
            click.echo("\n".join(document_text(d)) + "\n")
    findings = [f for d in docs for f in d.findings]
    counts = {s.value: sum(1 for f in findings if f.severity == s) for s in Severity}
    # files that could not be read, and files whose content is no readable document, fail the check;
    # a file that is readable but no self-evaluation (部门决算 …) is listed, not failed
    unreadable = sum(1 for d in docs if d.status in ("error", "unreadable"))
    not_report = sum(1 for d in docs if d.status == "not_report")
    if progress:
        click.echo("", err=True)
    if fmt == "json":
        sys.stdout.write(json.dumps({"documents": [document_json(d) for d in docs],
                                     "summary": {"documents": len(docs), "unreadable": unreadable,
                                                 "not_report": not_report,
                                                 "reports": sum(len(d.reports) for d in docs), **counts}},
                                    ensure_ascii=False, indent=1) + "\n")
    else:
        click.echo(f"共检查{len(docs)}个文件、{sum(len(d.reports) for d in docs)}份报告："
                   f"错误{counts['error']}，警告{counts['warning']}，提示{counts['info']}"
                   + (f"，无法读取{unreadable}个文件" if unreadable else "")
                   + (f"，非自评报告{not_report}个文件" if not_report else ""))
    threshold = None if fail_on == "never" else RANK[Severity(fail_on)]
    failed = unreadable > 0 or (threshold is not None and any(RANK[f.severity] >= threshold for f in findings))
    sys.exit(1 if failed else 0)


@click.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_cmd(fmt: str) -> None:
    """List the QA rules: id, severity and title.

    \b
    Example:
      jixiao rules --format json
    """
    from jixiao.rules import selected_rules

    rules = selected_rules()
    if fmt == "json":
        sys.stdout.write(json.dumps([{"id": r.id, "severity": r.severity.value, "title": r.title,
                                      "message": r.message, "doc": r.doc} for r in rules],
                                    ensure_ascii=False, indent=1) + "\n")
        return
    for r in rules:
        click.echo(f"{r.id}  {r.severity.value:<7}  {r.title}")


COMMANDS = [check_cmd, rules_cmd]
