"""The pipeline wiring: one file → Document, ids, legacy conversion."""

from __future__ import annotations

import shutil

import pytest
from conftest import CORPUS, ROOT

from jixiao.pipeline import doc_id_for, path_to_document


def _rel(p) -> str:
    return str(p.relative_to(ROOT))


def test_same_file_same_ids() -> None:
    f = CORPUS / "seed-004" / "report.txt"
    a = path_to_document(f, _rel(f), rules=False)
    b = path_to_document(f, _rel(f), rules=False)
    assert a == b
    assert a.doc_id == doc_id_for("corpus/seed-004/report.txt", a.sha256)
    assert [r.report_id for r in a.reports] == [f"{a.doc_id}-{k}" for k in range(6)]


def test_legacy_doc_refused_without_convert() -> None:
    f = CORPUS / "bad-legacy-doc" / "report.doc"
    d = path_to_document(f, _rel(f), rules=False)
    assert d.status == "error"
    assert "须先转换为DOCX" in (d.error or "")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not on PATH")
def test_legacy_doc_converted_when_asked() -> None:
    f = CORPUS / "bad-legacy-doc" / "report.doc"
    d = path_to_document(f, _rel(f), rules=False, convert=True)
    assert d.status == "ok", d.error
    assert d.format == "docx"
    assert d.source == "corpus/bad-legacy-doc/report.doc"
