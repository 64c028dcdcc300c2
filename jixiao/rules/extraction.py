"""Extraction rules (EXT): what the reader could not get out of a document."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.locations import report_label
from jixiao.model import Document, Report, Severity
from jixiao.rules.config import RulesConfig
from jixiao.rules.facts import provs
from jixiao.rules.registry import ALL_KINDS, CRASH_RULE, Evidence, rule


@rule(CRASH_RULE, Severity.ERROR, title="Rule crashed", kinds=ALL_KINDS, doubt=False,
      message="规则{rule}运行出错：{error}")
def rule_crashed(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """Recorded by the runner when a rule raises (a bug in jixiao, not in the report): the
    finding names the rule and the error, and the other rules still run.  Never fires by itself."""
    return iter(())


@rule("EXT001", Severity.WARNING, title="Report without indicators", kinds=ALL_KINDS, doubt=False,
      message="报告“{name}”中未读取到任何绩效指标")
def no_indicators(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A self-evaluation report states its performance indicators; none could be read
    (a prose report without an indicator table, or a table that was not recognised)."""
    if not report.indicators:
        name = report.project_name.text if report.project_name else report_label(report.seq)
        yield Evidence("indicators", {"name": name}, expected="≥1", actual="0", provs=provs(report))


@rule("EXT007", Severity.WARNING, title="No report found in the document", scope="document", kinds=ALL_KINDS,
      doubt=False, message="文件中未识别出任何自评表或自评报告")
def no_reports(doc: Document, cfg: RulesConfig) -> Iterator[Evidence]:
    """A readable document (status ok) that yields no report at all: its tables and headings
    were not recognised."""
    if doc.status == "ok" and not doc.reports:
        yield Evidence("reports", {}, expected="≥1", actual="0")


@rule("EXT008", Severity.INFO, title="Layout repaired during extraction", scope="document", kinds=ALL_KINDS,
      doubt=False, message="读取时修复或跳过了版面内容：{note}")
def extraction_notes(doc: Document, cfg: RulesConfig) -> Iterator[Evidence]:
    """What the loader repaired or could not read, so that no repair is silent: a table row cut
    by a page break and joined, a table continued on the next page, a paragraph rejoined across
    pages, an image-only page skipped, a number of a pdftotext -layout dump placed in a column by a
    guess.  Check such values against the original."""
    for k, note in enumerate(doc.notes):
        yield Evidence(f"notes[{k}]", {"note": note.text}, provs=(note.prov,) if note.prov else ())


@rule("EXT009", Severity.WARNING, title="Table column not understood", kinds=ALL_KINDS, doubt=False,
      message="表格列“{column}”未能识别其含义，该列的数据未读取")
def unmapped_column(report: Report, cfg: RulesConfig) -> Iterator[Evidence]:
    """A column of a budget or indicator table whose heading maps to no known role (header
    synonyms live in ``normalize/data/roles.toml``): its values were not read, so the
    report may hold data the dataset lacks.  Add the wording to the synonyms if it names a
    known role."""
    for k, col in enumerate(report.unmapped_columns):
        yield Evidence(f"unmapped_columns[{k}]", {"column": col.text.replace("\n", "")},
                       provs=(col.prov,) if col.prov else ())
