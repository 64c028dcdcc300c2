"""Extraction doubt: which fields of a report may not hold what the source says.

A rule reads values; when a value may have been read from the wrong column or from a row a
page break cut and the loader joined, a finding built on it proves nothing about the report.
The runner asks :func:`finding_doubt` for every finding and, when a reason comes back, marks the
finding ``extraction_doubt``, caps it at a warning and says "可能为提取问题".

Signals (read from whatever the model carries, so a reader that adds one is used at once):

- columns of a table whose heading mapped to no role, or whose role is uncertain
  (``Report.unmapped_columns`` and any other list of header cells named in ``DOUBT_COLUMNS``):
  every value of that table is in doubt (the unread column's values may sit in a neighbour);
- repairs and guesses the loader reports with a location (``Document.notes`` whose provenance
  names a table and a row, e.g. a row joined across a page break, or a -layout row with a number
  placed in a column by its position alone): the cells of that row are in doubt.  A note
  without a location is read for one (``patterns.REPAIRED_ROW_NOTE``: the PDF reader's wording
  "表2：第19行被分页截断…", the -layout reader's "表1：第5行按位置推断列…", table and row numbered
  from 1) until the reader attaches it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from jixiao.model import Document, Provenance, Report, TextItem
from jixiao.rules.patterns import REPAIRED_ROW_NOTE

#: Report fields listing header cells whose column was not (or not surely) understood.
DOUBT_COLUMNS: tuple[str, ...] = ("unmapped_columns", "column_doubts")

_STEP = regex.compile(r"(?P<name>[a-z_]+)(?:\[(?P<index>\d+|\*)\])?")


def doubtful_columns(report: Report) -> list[TextItem]:
    """Header cells of columns in doubt, from every field in :data:`DOUBT_COLUMNS` the report has;
    an item that is not a TextItem but has a ``prov`` (and a ``text`` or ``label``) counts too."""
    out: list[TextItem] = []
    for name in DOUBT_COLUMNS:
        for item in getattr(report, name, None) or ():
            if isinstance(item, TextItem):
                out.append(item)
            elif isinstance(getattr(item, "prov", None), Provenance):
                text = getattr(item, "text", None) or getattr(item, "label", None) or ""
                out.append(TextItem(text=str(text), prov=item.prov))
    return out


def _subject_models(report: Report, subject: str) -> Iterator[object]:
    """The model objects a subject path names (the item and the field), ``*`` expanding."""
    current: list[object] = [report]
    for part in subject.split("."):
        m = _STEP.fullmatch(part.strip())
        if m is None:
            return
        nxt: list[object] = []
        for obj in current:
            value = getattr(obj, m.group("name"), None)
            index = m.group("index")
            if index is None:
                nxt.append(value)
            elif isinstance(value, list):
                nxt.extend(value if index == "*" else value[int(index):int(index) + 1])
        current = [v for v in nxt if v is not None]
        yield from current


def subject_provs(report: Report, subject: str) -> list[Provenance]:
    """Provenance of every model object on the subject's path (the row and the cell)."""
    out: list[Provenance] = []
    for obj in _subject_models(report, subject):
        p = getattr(obj, "prov", None)
        if isinstance(p, Provenance):
            out.append(p)
    return out


def _same_table(col: Provenance, cell: Provenance) -> bool:
    if col.source != cell.source:
        return False
    if col.table is not None and cell.table is not None:
        return col.table == cell.table
    if col.page is not None and cell.page is not None and col.page != cell.page:
        return False
    if col.line_start is not None and cell.line_start is not None:
        return cell.line_start > col.line_start  # a header's column covers the rows below it
    return cell.table is not None or cell.row is not None  # a table cell of the same source


def _column_reason(report: Report, provs: Iterable[Provenance]) -> str | None:
    cols = [c for c in doubtful_columns(report) if c.prov is not None]
    if not cols:
        return None
    cells = [p for p in provs if p.row is not None or p.table is not None]
    for c in cols:
        assert c.prov is not None
        if any(_same_table(c.prov, p) for p in cells):
            return f"同一表格的“{' '.join(c.text.split())}”列未能识别，数值可能错列"
    return None


def repaired_rows(doc: Document) -> list[tuple[TextItem, Provenance]]:
    """(note, location) of every row a loader note says it repaired."""
    out: list[tuple[TextItem, Provenance]] = []
    for n in doc.notes:
        if n.prov is not None and n.prov.row is not None:
            out.append((n, n.prov))
            continue
        m = REPAIRED_ROW_NOTE.search(n.text)
        if m is not None:
            src = n.prov.source if n.prov is not None else doc.source
            out.append((n, Provenance(source=src, table=int(m.group("table")) - 1, row=int(m.group("row")) - 1)))
    return out


def _note_reason(doc: Document | None, provs: Iterable[Provenance]) -> str | None:
    if doc is None:
        return None
    repaired = repaired_rows(doc)
    if not repaired:
        return None
    cells = list(provs)
    for n, np in repaired:
        for p in cells:
            if p.source == np.source and p.row == np.row and (np.table is None or p.table == np.table):
                what = "列位置为推断" if "推断" in n.text else "读取时经过修复"
                return f"该行{what}（{' '.join(n.text.split())}）"
    return None


def field_in_doubt(report: Report, field: str, doc: Document | None = None) -> str | None:
    """Why the value at ``field`` (a subject path such as ``indicators[3].score``) may be an
    extraction artefact, or None when nothing casts doubt on it."""
    provs = subject_provs(report, field)
    return _column_reason(report, provs) or _note_reason(doc, provs)


def finding_doubt(report: Report, subject: str, evidence: Iterable[Provenance],
                  doc: Document | None = None) -> str | None:
    """Doubt on a finding: on its subject or on any cell it cites.  A repaired row casts doubt on
    findings about that row, not on a sum over every row (``indicators[*].weight``): one joined
    row does not make a whole column's total unreliable, a misread column does."""
    provs = subject_provs(report, subject) + list(evidence)
    row_provs = [] if "[*]" in subject or subject in ("indicators", "budget_lines") else provs
    return _column_reason(report, provs) or _note_reason(doc, row_provs)
