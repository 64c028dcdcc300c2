"""The DOCX body is read from the main document part with zipfile + lxml: the same blocks as
through python-docx, which is no longer on the load path, and clean errors for packages
that are no Word document."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from layout_cases import CORPUS

from jixiao.errors import UnreadableFile
from jixiao.extract.docx import body_to_blocks, bytes_to_body, bytes_to_raw


def _dump(blocks_and_warnings: tuple[list, list[str]] | list) -> object:
    if isinstance(blocks_and_warnings, tuple):
        blocks, warnings = blocks_and_warnings
        return [b.model_dump(mode="json") for b in blocks], warnings
    return [b.model_dump(mode="json") for b in blocks_and_warnings]

# every DOCX of the corpus (by content: kind-text-as-docx is plain text named .docx)
DOCX = sorted(p for p in CORPUS.glob("*/report.docx") if not p.parent.name.startswith("bad-") and zipfile.is_zipfile(p))


@pytest.mark.parametrize("path", DOCX, ids=lambda p: p.parent.name)
def test_same_blocks_as_through_python_docx(path: Path) -> None:
    import docx

    data = path.read_bytes()
    via_docx = docx.Document(io.BytesIO(data)).element.body
    assert _dump(body_to_blocks(bytes_to_body(data, "x.docx"), "x.docx")) == _dump(body_to_blocks(via_docx, "x.docx"))


def _rezip(data: bytes, change: dict[str, bytes | None]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            if info.filename in change:
                body = change[info.filename]
                if body is not None:
                    w.writestr(info, body)
            else:
                w.writestr(info, z.read(info))
        for name, body in change.items():
            if body is not None and name not in z.namelist():
                w.writestr(name, body)
    return out.getvalue()


@pytest.fixture(scope="module")
def sample() -> bytes:
    return (CORPUS / "docx-national-000" / "report.docx").read_bytes()


def _reason(data: bytes) -> str:
    with pytest.raises(UnreadableFile) as ei:
        bytes_to_raw(data, "x.docx")
    return ei.value.reason


def test_main_part_found_through_the_package_relationship(sample: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(sample)) as z:
        rels = z.read("_rels/.rels").replace(b"word/document.xml", b"/word/main.xml")
        ctypes = z.read("[Content_Types].xml").replace(b"/word/document.xml", b"/word/main.xml")
        main = z.read("word/document.xml")
    moved = _rezip(sample, {"word/document.xml": None, "word/main.xml": main, "_rels/.rels": rels,
                            "[Content_Types].xml": ctypes})
    assert _dump(bytes_to_raw(moved, "x.docx").blocks) == _dump(bytes_to_raw(sample, "x.docx").blocks)


def test_a_package_of_another_kind_is_no_word_document(sample: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(sample)) as z:
        ctypes = z.read("[Content_Types].xml").replace(
            b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml")
    assert _reason(_rezip(sample, {"[Content_Types].xml": ctypes})) == (
        "不是Word文档（DOCX），无法读取：主文档部件 word/document.xml 的类型为 "
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    assert _reason(_rezip(sample, {"_rels/.rels": None})).startswith("不是Word文档（DOCX），无法读取：压缩包中缺少OPC包结构")


def test_missing_or_broken_main_part_is_a_damaged_file(sample: bytes) -> None:
    assert _reason(_rezip(sample, {"word/document.xml": None})) == (
        "DOCX文件已损坏或不完整：主文档部件 word/document.xml 不存在")
    broken = _reason(_rezip(sample, {"word/document.xml": b"<w:document xmlns:w='x'><w:body>"}))
    assert broken.startswith("DOCX文件已损坏或不完整：XMLSyntaxError")
    other_root = b"<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'/>"
    assert _reason(_rezip(sample, {"word/document.xml": other_root})) == "DOCX文件中没有正文（w:body）"


def test_python_docx_is_not_imported_to_read_a_docx(sample: bytes) -> None:
    import subprocess
    import sys

    from conftest import ROOT

    probe = ("import sys; from jixiao.extract.docx import bytes_to_raw; "
             f"bytes_to_raw(open({str(CORPUS / 'docx-national-000' / 'report.docx')!r}, 'rb').read(), 'x'); "
             "print('docx' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120,
                       env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    assert r.stdout.strip() == "False", r.stderr
