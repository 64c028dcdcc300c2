"""Bad input: every kind is refused with a clear Chinese reason, and a batch goes on.

The cases live in ``corpus/bad-*/`` (made by ``tools/make_corpus.py --bad``); each
``meta.toml`` names the reason expected.
"""

from __future__ import annotations

import io
import shutil
import tomllib
import zipfile
from pathlib import Path

import pytest
from layout_cases import CORPUS, ROOT

from jixiao.errors import UnreadableFile, UnsupportedFormat
from jixiao.extract import convert, docx_safety
from jixiao.extract.convert import convert_legacy
from jixiao.extract.docx import bytes_to_raw as docx_to_raw
from jixiao.extract.pdf import bytes_to_raw as pdf_to_raw
from jixiao.extract.sniff import legacy_reason, sniff_format
from jixiao.pipeline import path_to_document


def _case(name: str) -> Path:
    (f,) = [p for p in (CORPUS / name).iterdir() if p.name.startswith("report.")]
    return f


def _expect(name: str) -> str:
    return tomllib.loads((CORPUS / name / "meta.toml").read_text(encoding="utf-8"))["expect_reason"]


def _rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


# ---------------------------------------------------------------- loaders
@pytest.mark.parametrize(
    ("case", "loader"),
    [
        ("bad-truncated-docx", docx_to_raw),
        ("bad-xxe-docx", docx_to_raw),
        ("bad-zipbomb-docx", docx_to_raw),
        ("bad-truncated-pdf", pdf_to_raw),
        ("bad-encrypted-pdf", pdf_to_raw),
        ("bad-scanned-pdf", pdf_to_raw),
    ],
)
def test_loader_refuses_with_reason(case: str, loader) -> None:
    f = _case(case)
    with pytest.raises(UnreadableFile) as ei:
        loader(f.read_bytes(), _rel(f))
    assert _expect(case) in ei.value.reason
    assert str(ei.value).startswith(_rel(f) + ": ")  # the message names the file


def test_messages_in_full() -> None:
    f = _case("bad-scanned-pdf")
    with pytest.raises(UnreadableFile) as ei:
        pdf_to_raw(f.read_bytes(), "scan.pdf")
    assert ei.value.reason == "扫描件，无文字层，需要先做OCR"
    f = _case("bad-encrypted-pdf")
    with pytest.raises(UnreadableFile) as ei:
        pdf_to_raw(f.read_bytes(), "enc.pdf")
    assert ei.value.reason == "PDF已加密（需要密码才能打开），无法读取；请提供未加密的文件"
    f = _case("bad-xxe-docx")
    with pytest.raises(UnreadableFile) as ei:
        docx_to_raw(f.read_bytes(), "xxe.docx")
    assert ei.value.reason == "DOCX中的XML部件 word/document.xml 含有DTD/外部实体声明（可能是XXE或实体膨胀攻击），已拒绝读取"


def test_entity_expansion_without_external_reference_is_refused() -> None:
    data = _case("bad-truncated-docx").parent.parent.joinpath("docx-national-000", "report.docx").read_bytes()
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n in zin.namelist():
            body = zin.read(n)
            if n == "word/styles.xml":
                head, rest = body.split(b"?>", 1)
                body = head + b'?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>' + rest
            z.writestr(n, body)
    with pytest.raises(UnreadableFile) as ei:
        docx_to_raw(out.getvalue(), "lol.docx")
    assert "word/styles.xml 含有DTD/实体声明" in ei.value.reason


def test_total_uncompressed_size_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (CORPUS / "docx-national-000" / "report.docx").read_bytes()
    monkeypatch.setattr(docx_safety, "MAX_TOTAL_UNCOMPRESSED", 10_000)
    with pytest.raises(UnreadableFile) as ei:
        docx_to_raw(data, "big.docx")
    assert "疑似压缩炸弹" in ei.value.reason and "超过上限" in ei.value.reason


def test_not_a_word_package() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert sniff_format(out.getvalue(), "a.docx") == "xlsx"
    with pytest.raises(UnreadableFile):
        docx_to_raw(out.getvalue(), "a.docx")


# ---------------------------------------------------------------- sniffing and legacy formats
def test_sniff_by_content_not_extension() -> None:
    assert sniff_format(_case("bad-lying-extension").read_bytes(), "report.docx") == "pdf"
    assert sniff_format(_case("bad-legacy-doc").read_bytes(), "report.doc") == "doc"
    assert sniff_format(_case("bad-legacy-wps").read_bytes(), "report.wps") == "wps"
    assert sniff_format(_case("bad-truncated-docx").read_bytes(), "report.docx") == "docx"
    assert sniff_format(b"", "x.docx") == "empty"
    ole_xls = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "Workbook".encode("utf-16-le")
    assert sniff_format(ole_xls, "a.xls") == "xls"
    assert sniff_format((CORPUS / "seed-004" / "report.txt").read_bytes(), "r.txt") == "txt"


def test_legacy_reason_names_the_conversion() -> None:
    assert "须先转换为DOCX" in legacy_reason("doc")
    assert "须先转换为DOCX" in legacy_reason("wps")
    assert legacy_reason("xls") is None  # read directly (python-calamine), see tests/test_extract_sheets.py
    assert legacy_reason("docx") is None


def test_convert_without_libreoffice_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "soffice_path", lambda: None)
    with pytest.raises(UnsupportedFormat) as ei:
        convert_legacy(_case("bad-legacy-doc"))
    assert "须先转换为DOCX" in ei.value.reason and "LibreOffice" in ei.value.reason


def test_convert_refuses_non_legacy() -> None:
    with pytest.raises(UnsupportedFormat):
        convert_legacy(CORPUS / "docx-national-000" / "report.docx")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not on PATH")
def test_convert_legacy_with_libreoffice(tmp_path: Path) -> None:
    out = convert_legacy(_case("bad-legacy-wps"), tmp_path)
    assert out.suffix == ".docx" and out.parent == tmp_path
    raw = docx_to_raw(out.read_bytes(), "report.wps")
    assert raw.paragraphs()[0].text == "部门预算项目支出绩效自评表(2024年度)"
    assert raw.tables()[0].cells[0].text == "项目名称"


# ---------------------------------------------------------------- the pipeline, in a batch
BAD = [
    "bad-empty",
    "bad-truncated-docx",
    "bad-truncated-pdf",
    "bad-xxe-docx",
    "bad-zipbomb-docx",
    "bad-encrypted-pdf",
    "bad-scanned-pdf",
]


def test_batch_records_each_error_and_goes_on() -> None:
    files = [CORPUS / "docx-national-000" / "report.docx"]
    for name in BAD:
        files.append(_case(name))
    files += [_case("bad-lying-extension"), CORPUS / "pdf-national-000" / "report.pdf"]
    docs = [path_to_document(f, _rel(f), rules=False) for f in files]
    by_source = {d.source: d for d in docs}
    for name in BAD:
        d = by_source[_rel(_case(name))]
        assert d.status in ("error", "empty"), name
        assert _expect(name) in (d.error or ""), (name, d.error)
    assert by_source[_rel(_case("bad-empty"))].status == "empty"
    lying = by_source[_rel(_case("bad-lying-extension"))]
    assert (lying.status, lying.format, lying.error) == ("ok", "pdf", None)
    for good in ("corpus/docx-national-000/report.docx", "corpus/pdf-national-000/report.pdf"):
        assert by_source[good].status == "ok" and by_source[good].error is None


def test_batch_legacy_files_say_convert_first() -> None:
    for name in ("bad-legacy-doc", "bad-legacy-wps"):
        f = _case(name)
        d = path_to_document(f, _rel(f), rules=False)
        assert d.status == "error"
        assert "须先转换为DOCX" in (d.error or "")


def test_undecodable_text_layer_is_refused() -> None:
    """Glyphs pdfminer cannot map to Unicode come out as "(cid:N)": such a text layer
    is as good as none."""
    from jixiao.extract.pdf import check_text_layer
    from jixiao.extract.pdf_layout import PageData
    from jixiao.extract.pdf_text import Glyph

    def page(texts: list[str], images: int = 0) -> PageData:
        return PageData(1, 595, 842, [Glyph(t, 10 * i, 10 * i + 9, 100, 109, 9) for i, t in enumerate(texts)], [],
                        images)

    with pytest.raises(UnreadableFile) as ei:
        check_text_layer([page(["(cid:1234)"] * 8 + ["1", "0"])], "cid.pdf")
    assert ei.value.reason == "PDF文字无法解码（8/10个字符的字体缺少Unicode映射），需要先做OCR"
    with pytest.raises(UnreadableFile) as ei:
        check_text_layer([page([], images=1)], "scan.pdf")
    assert ei.value.reason == "扫描件，无文字层，需要先做OCR"
    check_text_layer([page(list("项目名称") + ["(cid:7)"])], "ok.pdf")  # a stray unmapped glyph is tolerated


def test_other_word_outputs_are_recognised() -> None:
    """Files named .doc that are RTF, HTML ("save as web page"), MHT or Word 2003 XML.
    RTF and Word XML must be converted; web pages and MHT are read (tests/test_extract_html.py)."""
    cases = {
        b"{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 SimSun;}}\\f0 \\u39033?\\u30446?\\par}": "rtf",
        b"<html xmlns:w=\"urn:schemas-microsoft-com:office:word\"><body>x</body></html>": "html",
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"x\"\r\n": "mht",
        b'<?xml version="1.0"?>\n<?mso-application progid="Word.Document"?>\n<w:wordDocument/>': "wordml",
    }
    for data, fmt in cases.items():
        assert sniff_format(data, "report.doc") == fmt
        if fmt in ("html", "mht"):
            assert legacy_reason(fmt) is None
        else:
            assert "须先转换为DOCX" in legacy_reason(fmt)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not on PATH")
def test_convert_rtf_named_doc(tmp_path: Path) -> None:
    src = tmp_path / "report.doc"
    # 项目名称 / 绩效自评 as RTF unicode escapes
    src.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl{\\f0 SimSun;}}\\f0 \\u39033?\\u30446?\\u21517?\\u31216?\\par}")
    out = convert_legacy(src, tmp_path / "out")
    assert docx_to_raw(out.read_bytes(), "report.doc").paragraphs()[0].text == "项目名称"
