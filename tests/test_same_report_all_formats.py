"""The same report as TXT, DOCX and PDF yields identical reports, provenance aside.

seed-004/report.txt is a real flattened DOCX dump of six 四川 forms;
docx-sichuan-004 re-creates the DOCX from its cell texts and pdf-sichuan-004 is
LibreOffice's PDF of that DOCX (each form runs over a page break, four rows are
split by it).  Everything read from them must agree.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from golden import assert_golden
from layout_cases import CORPUS, ROOT

from jixiao.pipeline import path_to_document
from jixiao.serialize import canonical_json

PROVENANCE_KEYS = {"prov", "sources", "evidence", "report_id"}


def _strip(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _strip(v) for k, v in obj.items() if k not in PROVENANCE_KEYS}
    if isinstance(obj, list):
        return [_strip(v) for v in obj]
    return obj


def _reports(rel: str) -> list[dict]:
    doc = path_to_document(ROOT / rel, rel, rules=False)
    assert doc.status == "ok", doc.error
    return [_strip(r.model_dump(mode="json")) for r in doc.reports]


@pytest.fixture(scope="module")
def three() -> dict[str, list[dict]]:
    return {
        "txt": _reports("corpus/seed-004/report.txt"),
        "docx": _reports("corpus/docx-sichuan-004/report.docx"),
        "pdf": _reports("corpus/pdf-sichuan-004/report.pdf"),
    }


def test_six_reports_in_each_format(three: dict[str, list[dict]]) -> None:
    assert [len(v) for v in three.values()] == [6, 6, 6]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_reports_equal_to_the_txt_reading(three: dict[str, list[dict]], fmt: str) -> None:
    for i, (a, b) in enumerate(zip(three["txt"], three[fmt])):
        assert a == b, f"report {i} differs between txt and {fmt}"


def test_values_from_the_seed(three: dict[str, list[dict]]) -> None:
    """A few values quoted from seed 004, read the same from every format."""
    for reports in three.values():
        first = reports[0]
        assert first["project_name"]["text"] == "医疗服务与保障能力提升补助资金"
        assert Decimal(first["total_score"]["value"]) == Decimal("95")
        cost = next(i for i in reports[1]["indicators"] if i["name"].startswith("监管工作经费"))
        assert cost["target"]["raw"] in ("50000", "≤50000")  # 指标值 cell; "≤" in 指标性质
        assert Decimal(cost["target"]["value"]) == Decimal("50000")


@pytest.mark.parametrize("case", ["docx-national-000", "pdf-national-000", "docx-long-split", "pdf-long-split",
                                  "docx-long-repeat", "pdf-long-repeat"])
def test_report_golden(case: str) -> None:
    """report.gt.json, as for the seeds (tests/test_golden.py): the canonical JSON of
    ``path_to_document(path, source=<relative path>, rules=False)``.  The sichuan-004
    cases need none of their own: they equal seed-004, whose golden is checked."""
    f = next(p for p in (CORPUS / case).iterdir() if p.suffix in (".docx", ".pdf"))
    rel = f.relative_to(ROOT).as_posix()
    got = canonical_json(path_to_document(ROOT / rel, source=rel, rules=False))
    assert_golden(CORPUS / case / "report.gt.json", got, case)


@pytest.mark.parametrize("stem", ["national-000", "long-split", "long-repeat"])
def test_docx_and_pdf_reports_agree(stem: str) -> None:
    assert _reports(f"corpus/docx-{stem}/report.docx") == _reports(f"corpus/pdf-{stem}/report.pdf")


# pdftotext -layout dumps of the family PDFs (tools/make_layout_corpus.py): the same indicator rows,
# budget lines and form fields as the DOCX the PDF was converted from.  corpus/fmt-layout-* cases
# equal their DOCX in every field (tests/test_fmt_corpus.py); these two differ only outside the rows
# (layout-family-continued: the report's shape, its 续表 paragraphs being table rows in the dump;
# layout-family-county: the goal the DOCX takes from the title's "(2022年度)", "(2022 年度)" in the dump)
LAYOUT_SAME_ROWS = ["fmt-layout-family-lettered", "fmt-layout-family-synonyms", "fmt-layout-family-transfer",
                    "layout-family-continued", "layout-family-county"]
FORM_FIELDS = ("project_name", "project_code", "department", "implementer", "year", "total_weight",
               "total_score", "grade")


@pytest.mark.parametrize("case", LAYOUT_SAME_ROWS)
def test_layout_dump_gives_the_rows_of_the_docx(case: str) -> None:
    import tomllib

    original = tomllib.loads((CORPUS / case / "meta.toml").read_text(encoding="utf-8"))["same_rows_as"]
    docx = next(p for p in (CORPUS / original).iterdir() if p.suffix == ".docx")
    got = _reports(f"corpus/{case}/report.txt")
    want = _reports(docx.relative_to(ROOT).as_posix())
    assert len(got) == len(want) >= 1
    for i, (a, b) in enumerate(zip(got, want)):
        assert a["indicators"] == b["indicators"], f"{case} 报告{i + 1} 指标行"
        assert a["budget_lines"] == b["budget_lines"], f"{case} 报告{i + 1} 预算行"
        assert a["budget_execution"] == b["budget_execution"], f"{case} 报告{i + 1} 预算执行率"
        for key in FORM_FIELDS:
            assert a[key] == b[key], f"{case} 报告{i + 1} 字段 {key}"
