"""The DTD guard sees XML parts in every Unicode encoding (issue 14 item 11)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from jixiao.errors import UnreadableFile
from jixiao.extract.docx_safety import check_docx_package, xml_head_text

DOCX = Path(__file__).resolve().parent.parent / "corpus" / "docx-sichuan-004" / "report.docx"
EVIL = '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><w:document/>'


def _with_document(body: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(DOCX) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, body if info.filename == "word/document.xml" else zin.read(info))
    return out.getvalue()


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-8-sig"])
def test_dtd_guard_sees_utf16_without_bom(codec: str) -> None:
    body = EVIL.encode(codec)
    assert b"<!DOCTYPE" in (xml_head_text(body) or b"")
    with pytest.raises(UnreadableFile, match="DTD"):
        check_docx_package(_with_document(body), "evil.docx")


def test_dtd_guard_refuses_an_encoding_it_cannot_check() -> None:
    with pytest.raises(UnreadableFile, match="无法检查的编码"):
        check_docx_package(_with_document(EVIL.encode("cp500")), "ebcdic.docx")


def test_dtd_guard_passes_the_real_docx() -> None:
    check_docx_package(DOCX.read_bytes(), "report.docx")
