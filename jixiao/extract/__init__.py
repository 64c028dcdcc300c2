"""Loaders: a file on disk → :class:`~jixiao.extract.raw.RawDocument`.

``load(path)`` sniffs the real format from the bytes (never trusts the extension)
and dispatches to a loader: text (Markdown when named .md or holding HTML tables), DOCX,
XLSX, .xls/.xlsb/.et (python-calamine), ODS, web pages/MHT, PDF.  The accepted
file names are :data:`jixiao.extract.formats.FORMATS`.  Unreadable files raise
:class:`~jixiao.errors.UnreadableFile` with a Chinese reason naming the file.

Given a ``lexicon`` (:class:`~jixiao.extract.lexicon.CellLexicon`; the pipeline passes
normalize's, :func:`jixiao.pipeline.path_to_raw`), ``load`` returns finished grids only:
the tables of the text dialects are rebuilt (:mod:`jixiao.extract.regrid`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import regex

from jixiao.errors import UnreadableFile, UnsupportedFormat
from jixiao.extract.lexicon import CellLexicon
from jixiao.extract.raw import RawCell, RawDocument, RawParagraph, RawTable
from jixiao.extract.sniff import legacy_reason, sniff_format

__all__ = ["CellLexicon", "RawCell", "RawDocument", "RawParagraph", "RawTable", "load", "load_as_written",
           "sniff_format"]


def load(path: str | Path, source: str | None = None, *, convert: bool = False,
         lexicon: CellLexicon | None = None) -> RawDocument:
    """Read one file into the raw intermediate form, in simplified characters
    (:func:`jixiao.extract.hanzi.simplify_document`; see :func:`load_as_written`).

    With a ``lexicon`` every table comes out a finished grid (``grid``/``cells``): the
    text dialects are rebuilt after the simplification, so the vocabulary matches a
    report written in traditional characters too.  Without one they are as read."""
    from jixiao.extract.hanzi import simplify_document
    from jixiao.extract.regrid import finish_document

    return finish_document(simplify_document(load_as_written(path, source, convert=convert)), lexicon)


def load_as_written(path: str | Path, source: str | None = None, *, convert: bool = False) -> RawDocument:
    """Read one file into the raw intermediate form, its text as written, the tables of
    the text dialects as read (not rebuilt: that needs the simplified text, see :func:`load`).

    ``source`` is the name recorded in provenance (defaults to ``str(path)``).
    Legacy OLE files (.doc/.wps), RTF and Word 2003 XML are refused with a "须先转换" reason, unless
    ``convert`` is true and LibreOffice is on PATH: then the file is converted in a
    temporary directory and the converted copy is read under the original name.
    """
    p = Path(path)
    src = source if source is not None else str(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise UnreadableFile(src, f"无法读取文件：{e.strerror or e}") from e
    fmt = sniff_format(data, p.name)
    reason = legacy_reason(fmt)
    if reason is not None:
        if not convert:
            raise UnsupportedFormat(src, reason)
        return _load_converted(p, src)
    if fmt == "txt":
        from jixiao.extract.formats import MARKDOWN_SUFFIXES

        if p.suffix.lower() in MARKDOWN_SUFFIXES or regex.search(rb"(?i)<table\b", data[: 1 << 24]):
            from jixiao.extract.markdown import bytes_to_raw as md_to_raw

            return md_to_raw(data, src)
        from jixiao.extract.text import bytes_to_raw

        return bytes_to_raw(data, src)
    if fmt == "docx":
        from jixiao.extract.docx import bytes_to_raw as docx_to_raw

        return docx_to_raw(data, src)
    if fmt == "xlsx":
        from jixiao.extract.xlsx import bytes_to_raw as xlsx_to_raw

        return xlsx_to_raw(data, src)
    if fmt == "pdf":
        from jixiao.extract.pdf import bytes_to_raw as pdf_to_raw

        return pdf_to_raw(data, src)
    if fmt in ("xls", "xlsb"):
        from jixiao.extract.calamine import bytes_to_raw as calamine_to_raw

        return calamine_to_raw(data, src, fmt)
    if fmt == "ods":
        from jixiao.extract.ods import bytes_to_raw as ods_to_raw

        return ods_to_raw(data, src)
    if fmt in ("html", "mht"):
        from jixiao.extract.html import bytes_to_raw as html_to_raw

        return html_to_raw(data, src, fmt)
    raise UnreadableFile(src, f"不支持的文件格式（{fmt}）")


def _load_converted(p: Path, src: str) -> RawDocument:
    from jixiao.extract.convert import convert_legacy

    with tempfile.TemporaryDirectory(prefix="jixiao-convert-") as tmp:
        return load_as_written(convert_legacy(p, tmp), src)
