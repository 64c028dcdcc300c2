"""The one list of file formats jixiao reads (by file name), used by ``extract``,
``ingest`` and ``check`` alike.

The loaders never trust a name — :func:`jixiao.extract.sniff.sniff_format` decides
from the bytes — but a batch needs names to pick files out of a folder.  Each entry
says which loader the content normally goes to.
"""

from __future__ import annotations

#: file-name suffix → what the file normally is (the loader is still chosen from its bytes)
FORMATS: dict[str, str] = {
    ".docx": "Word 文档（DOCX）",
    ".pdf": "PDF（有文字层）",
    ".xlsx": "Excel 工作簿（XLSX）",
    ".xlsm": "Excel 启用宏的工作簿（XLSM，宏不运行）",
    ".xls": "Excel 97-2003 工作簿（XLS；也读被命名为 .xls 的网页）",
    ".xlsb": "Excel 二进制工作簿（XLSB）",
    ".et": "WPS 表格（ET）",
    ".ods": "OpenDocument 电子表格（ODS）",
    ".html": "网页（HTML）",
    ".htm": "网页（HTML）",
    ".shtml": "网页（HTML）",
    ".xhtml": "网页（XHTML）",
    ".mht": "网页存档（MHT）",
    ".mhtml": "网页存档（MHTML）",
    ".txt": "纯文本（网页/PDF 导出、抓取文本等）",
    ".md": "Markdown（管道表格、内嵌 HTML 表格）",
    ".markdown": "Markdown",
}

#: suffixes (lower case, with the dot) of the files ``ingest``/``check``/``extract`` read
READABLE_SUFFIXES: frozenset[str] = frozenset(FORMATS)

#: Markdown by name: headings and pipe/HTML tables are read as Markdown
MARKDOWN_SUFFIXES: frozenset[str] = frozenset({".md", ".markdown"})


def is_readable_name(name: str) -> bool:
    """A file whose name says it is one of :data:`FORMATS`."""
    dot = name.rfind(".")
    return dot >= 0 and name[dot:].lower() in READABLE_SUFFIXES
