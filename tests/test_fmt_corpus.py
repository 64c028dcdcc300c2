"""Every format case of corpus/fmt-* gives the same reports as the report it was rendered from.

tools/make_format_corpus.py renders corpus reports into HTML (plain, with page
chrome, in traditional characters), Markdown (pipe and HTML tables), .xls, .ods and
a three-sheet workbook; ``meta.toml`` names the original (``same_rows_as``) and,
when the case holds only some of its reports, which (``reports``, 0-based).
Provenance differs by design (CSS paths, ``Sheet!A1`` references, line numbers)
and is left out of the comparison; everything else must be equal.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from jixiao.extract.formats import READABLE_SUFFIXES
from jixiao.pipeline import path_to_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
PROVENANCE_KEYS = {"prov", "sources", "evidence", "report_id", "kind_evidence"}  # kind_evidence quotes the document


def _strip(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _strip(v) for k, v in obj.items() if k not in PROVENANCE_KEYS}
    if isinstance(obj, list):
        return [_strip(v) for v in obj]
    return obj


def _file(case: str) -> Path:
    files = sorted(p for p in (CORPUS / case).glob("report.*") if p.suffix in READABLE_SUFFIXES)
    assert len(files) == 1, f"{case}: expected one report file, found {files}"
    return files[0]


def _reports(case: str) -> list[dict]:
    f = _file(case)
    rel = f.relative_to(ROOT).as_posix()
    doc = path_to_document(f, rel, rules=False)
    assert doc.status == "ok", doc.error
    return [_strip(r.model_dump(mode="json")) for r in doc.reports]


def _cases() -> list[tuple[str, str, str]]:
    out = []
    for meta in sorted(CORPUS.glob("fmt-*/meta.toml")):
        m = tomllib.loads(meta.read_text("utf-8"))
        out.append((meta.parent.name, m["same_rows_as"], m.get("reports", "")))
    return out


def test_there_are_format_cases() -> None:
    assert len(_cases()) >= 9


@pytest.mark.parametrize(("case", "original", "which"), _cases())
def test_same_reports_as_the_original(case: str, original: str, which: str) -> None:
    got, want = _reports(case), _reports(original)
    if which:
        want = [want[int(i)] for i in which.split(",")]
    assert len(want) >= 1 and all(r["indicators"] for r in want)
    assert len(got) == len(want)
    for i, (a, b) in enumerate(zip(got, want)):
        for key in sorted(set(a) | set(b)):
            assert a.get(key) == b.get(key), f"{case} 报告{i + 1} 字段 {key} differs from {original}"


# ---------------------------------------------------------------- every DOCX case, rendered on the fly
def _render_cases() -> list[tuple[str, str]]:
    docx = sorted(d.name for d in CORPUS.iterdir() if d.is_dir() and d.name.startswith("docx-"))
    return [(case, shape) for case in docx for shape in ("html", "md-html", "md-pipe", "rowpipe", "tabwrap",
                                                            "cellbar")]


@pytest.mark.parametrize(("case", "shape"), _render_cases())
def test_every_docx_case_reads_the_same_in_every_shape(case: str, shape: str, tmp_path: Path) -> None:
    """Reports the shapes were not built on: each DOCX case of the corpus, rendered by
    tools/make_format_corpus.py into each text shape, gives the DOCX's reports."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import make_format_corpus as m

    from jixiao.extract import load

    src = _file(case)
    raw = load(src, src.relative_to(ROOT).as_posix())
    name, text = {
        "html": ("r.html", lambda: m.plain_page(raw, "自评表")),
        "md-html": ("r.md", lambda: m.markdown(raw, "html")),
        "md-pipe": ("r.md", lambda: m.markdown(raw, "pipe")),
        "rowpipe": ("r.txt", lambda: m.row_pipe_dump(raw)),
        "tabwrap": ("r.txt", lambda: m.tab_dump(raw)),
        "cellbar": ("r.txt", lambda: m.cell_bar_dump(raw)),
    }[shape]
    f = tmp_path / name
    f.write_text(text(), encoding="utf-8")
    got = [_strip(r.model_dump(mode="json")) for r in path_to_document(f, name, rules=False).reports]
    want = _reports(case)
    assert len(got) == len(want) >= 1
    for i, (a, b) in enumerate(zip(got, want)):
        for key in sorted(set(a) | set(b)):
            assert a.get(key) == b.get(key), f"{case} as {shape}: 报告{i + 1} 字段 {key} differs"


@pytest.mark.parametrize("case", ["docx-national-000", "docx-vertical-labels", "docx-sichuan-004"])
def test_forms_on_one_sheet_read_by_calamine(case: str) -> None:
    """Every form of a DOCX case written one under another on ONE worksheet (openpyxl), read by the
    calamine loader: one report per form, equal to the DOCX's (sichuan: six forms on one sheet)."""
    import io
    import sys

    import openpyxl

    sys.path.insert(0, str(ROOT / "tools"))
    import make_format_corpus as m

    from jixiao.assemble import raw_to_reports
    from jixiao.extract import load
    from jixiao.extract.calamine import bytes_to_raw

    src = _file(case)
    raw = load(src, src.relative_to(ROOT).as_posix())
    wb = openpyxl.Workbook()
    row = 1
    for heads, t in m._forms(raw):
        row = m._put_form(wb.active, row, heads, t) + 1
    buf = io.BytesIO()
    wb.save(buf)
    sheet = bytes_to_raw(buf.getvalue(), "one-sheet.xlsx", "xlsx")
    assert len(sheet.tables()) == 1
    got = [_strip(r.model_dump(mode="json")) for r in raw_to_reports(sheet)]
    want = _reports(case)
    assert len(got) == len(want) >= 1
    for i, (a, b) in enumerate(zip(got, want)):
        for key in sorted(set(a) | set(b)):
            assert a.get(key) == b.get(key), f"{case} on one sheet: 报告{i + 1} 字段 {key} differs"
