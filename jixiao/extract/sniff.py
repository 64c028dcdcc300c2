"""Tell a file's real format from its bytes (extensions lie).

``sniff_format`` looks only at content:

- ``pdf``: ``%PDF-`` within the first KiB (some writers put junk before it);
- ``docx`` / ``xlsx`` / ``xlsb`` / ``ods`` / ``pptx`` / ``odt`` / ``zip``: a ZIP archive, told apart by
  its members (``word/document.xml``, ``xl/workbook.xml`` …) or ODF mimetype;
- ``doc`` / ``xls`` / ``ppt`` / ``wps`` / ``ole``: an OLE2 compound file (legacy
  Office or WPS), told apart by the names of its streams;
- ``rtf``, ``html`` (a web page, also Word's "save as web page" named .doc/.xls),
  ``mht`` (MHTML "web archive", often named .doc), ``wordml`` (Word 2003 XML), ``image``;
- ``empty`` for zero bytes / whitespace only;
- ``txt`` otherwise.

``legacy_reason(fmt)`` gives the Chinese message for formats that must be
converted before reading (OLE Word/PowerPoint/WPS files, RTF, Word 2003 XML).
Web pages, MHTML and OLE ``.xls`` workbooks are read directly.
"""

from __future__ import annotations

import io
import zipfile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

# OLE stream names (UTF-16LE in the directory) → format
_OLE_STREAMS = (
    ("WordDocument".encode("utf-16-le"), "doc"),
    ("Workbook".encode("utf-16-le"), "xls"),
    ("Book".encode("utf-16-le"), "xls"),
    ("PowerPoint Document".encode("utf-16-le"), "ppt"),
    ("EncryptedPackage".encode("utf-16-le"), "office-encrypted"),
)

LEGACY_FORMATS = {"doc", "ppt", "wps", "ole", "rtf", "wordml"}

_LEGACY_TARGET = {"doc": "DOCX", "wps": "DOCX", "xls": "XLSX", "ppt": "PPTX", "ole": "DOCX/XLSX",
                  "rtf": "DOCX", "html": "DOCX", "mht": "DOCX", "wordml": "DOCX"}
_LEGACY_KIND = {"rtf": "RTF文档", "html": "网页格式（HTML）文档", "mht": "网页存档（MHT）文档",
                "wordml": "Word 2003 XML文档"}


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                mt = z.read("mimetype")[:100]
                if b"opendocument.text" in mt:
                    return "odt"
                if b"opendocument.spreadsheet" in mt:
                    return "ods"
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        # truncated/corrupt archive: a DOCX is still the likeliest intent when the
        # local header names a word/ member
        head = data[:4096]
        if b"word/" in head or b"[Content_Types].xml" in head:
            return "docx"
        return "zip"
    if any(n.startswith("word/") for n in names):
        return "docx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    if any(n.startswith("ppt/") for n in names):
        return "pptx"
    if "[Content_Types].xml" in names:
        return "docx"  # an OOXML package without the usual folders: let the DOCX loader judge
    return "zip"


def _ole_kind(data: bytes, name: str) -> str:
    if name.lower().endswith(".wps"):
        return "wps"  # Kingsoft WPS Writer: Word-compatible OLE, converted like .doc
    head = data[: 1 << 20]
    for marker, fmt in _OLE_STREAMS:
        if marker in head:
            return fmt
    return "ole"


_HTML_TAGS = (b"<html", b"<head", b"<body", b"<table", b"<meta", b"<title")


def _looks_html(low: bytes) -> bool:
    """A web page: opens with a doctype/<html>, is Word's "save as web page", or starts
    with markup and has a document-level tag early on (a page saved without <html>)."""
    if low.startswith(b"\xef\xbb\xbf"):
        low = low[3:].lstrip()
    if low[:15].startswith((b"<!doctype html", b"<html")) or b"urn:schemas-microsoft-com:office:word" in low:
        return True
    if low.startswith(b"<?xml") and (b"<!doctype html" in low or b"<html" in low):
        return True
    return low.startswith(b"<") and any(t in low for t in _HTML_TAGS)


def sniff_format(data: bytes, name: str = "") -> str:
    """Return a short format name from the bytes (see module docstring).

    ``name`` is only used to tell WPS (a Word-compatible OLE file) from DOC, and to read
    a Markdown file that opens with an HTML table as Markdown.
    """
    if not data.strip():
        return "empty"
    if data.startswith(OLE_MAGIC):
        return _ole_kind(data, name)
    if data.startswith(ZIP_MAGICS):
        return _zip_kind(data)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    head = data[:2048].lstrip()
    low = head.lower()
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if low.startswith(b"mime-version:") or b"content-type: multipart/related" in low:
        return "mht"
    if b"<?mso-application progid=\"word.document\"?>" in low:
        return "wordml"
    if _looks_html(low) and not name.lower().endswith((".md", ".markdown")):
        return "html"  # (Markdown may open with an embedded HTML table: read as Markdown)
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*", b"BM")):
        return "image"
    return "txt"


def legacy_reason(fmt: str) -> str | None:
    """The Chinese reason for a legacy format that must be converted first, else None."""
    if fmt not in LEGACY_FORMATS:
        return None
    target = _LEGACY_TARGET[fmt]
    kind = _LEGACY_KIND.get(fmt, f"旧版Office/WPS文件（{fmt}，OLE复合文档）")
    how = ("用Word或WPS打开后另存为DOCX" if fmt == "mht"
           else f"可用 LibreOffice：soffice --headless --convert-to {target.split('/')[0].lower()}")
    return f"{kind}，无法直接读取，须先转换为{target}（{how}）"
