"""The only module that wires the stages together: file → Document."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from jixiao.assemble import raw_to_reports
from jixiao.assemble.kinds import classify_document
from jixiao.assemble.kinds import vocab as kinds_vocab
from jixiao.errors import UnreadableFile
from jixiao.extract import RawDocument, load
from jixiao.extract.text_decode import decode_bytes, junk_share, looks_like_text
from jixiao.identity import display_name, doc_id_for
from jixiao.model import Document, DocumentKind, Provenance, TextItem
from jixiao.normalize.lexicon import LEXICON


def path_to_raw(path: str | Path, source: str | None = None, *, convert: bool = False) -> RawDocument:
    """Load one file with the form vocabulary wired in (:data:`jixiao.normalize.lexicon.LEXICON`
    as extract's :class:`~jixiao.extract.lexicon.CellLexicon`): every table a finished grid."""
    return load(path, source, convert=convert, lexicon=LEXICON)


def path_to_document(
    path: str | Path,
    source: str | None = None,
    *,
    rules: bool = True,
    convert: bool = False,
    config: object | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> Document:
    """Read, assemble and check one file.  Never raises for a bad file: the error is
    recorded in the returned Document (status "error").

    ``convert``: convert legacy .doc/.wps/.xls with LibreOffice (when on PATH)
    instead of refusing them."""
    key = source if source is not None else str(path)
    src = display_name(key)
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        sha = ""
        return Document(doc_id=doc_id_for(key, sha), source=src, format=p.suffix.lstrip(".").lower() or "unknown",
                        sha256=sha, status="error", error=f"无法读取文件：{e.strerror or e}")
    sha = hashlib.sha256(data).hexdigest()
    doc_id = doc_id_for(key, sha)
    from jixiao.extract.sniff import sniff_format

    fmt = sniff_format(data, p.name)
    if not data.strip():
        return Document(doc_id=doc_id, source=src, format=fmt, sha256=sha, status="empty", error="文件为空")
    if fmt == "txt" and not looks_like_text(data):
        return Document(doc_id=doc_id, source=src, format="unknown", sha256=sha, status="unreadable",
                        kind=DocumentKind.UNREADABLE, error=kinds_vocab().reasons.unreadable,
                        kind_evidence=[f"按文本解码后控制字符或无法解码的字节过多（{fmt_share(data)}）"])
    try:
        raw = path_to_raw(p, src, convert=convert)
    except UnreadableFile as e:
        return Document(doc_id=doc_id, source=src, format=fmt, sha256=sha, status="error", error=e.reason)
    notes = [TextItem(text=w, prov=Provenance(source=src)) for w in raw.warnings]
    lying = extension_note(p.name, raw.format)
    if lying:
        notes.append(TextItem(text=lying, prov=Provenance(source=src)))
    if not raw.blocks:
        return Document(doc_id=doc_id, source=src, format=raw.format, sha256=sha, status="empty",
                        error="文件中没有可读文本", notes=notes)
    decision = classify_document(raw, raw_to_reports(raw))
    reports = [r.model_copy(update={"report_id": f"{doc_id}-{r.seq}"}) for r in decision.reports]
    notes += [TextItem(text=n, prov=Provenance(source=src)) for n in decision.notes]
    doc = Document(doc_id=doc_id, source=src, format=raw.format, sha256=sha, status=decision.status,
                   kind=decision.kind, kind_evidence=decision.evidence, error=decision.reason,
                   reports=reports, notes=notes)
    if rules:
        from jixiao.rules import run_rules  # imported on first use: a run without rules never loads them

        doc = doc.model_copy(update={"findings": run_rules(doc, config, select, ignore)})
    return doc


# Formats a file name's extension promises; a file whose bytes are another format is read by its
# content and the document says so.
_EXTENSION_FORMATS = {"docx": "DOCX", "pdf": "PDF", "xlsx": "XLSX", "txt": "文本"}
_FORMAT_NAMES = {"txt": "纯文本", "docx": "DOCX文档", "pdf": "PDF文档", "xlsx": "XLSX工作簿"}


def extension_note(name: str, fmt: str) -> str | None:
    """"文件扩展名为.docx，但内容是纯文本，已按内容读取" when the bytes are not what the name says."""
    ext = Path(name).suffix.lower().lstrip(".")
    if ext not in _EXTENSION_FORMATS or ext == fmt:
        return None
    return f"文件扩展名为.{ext}，但内容是{_FORMAT_NAMES.get(fmt, fmt)}，已按内容读取（格式：{fmt}）"


def fmt_share(data: bytes) -> str:
    return f"{junk_share(decode_bytes(data[:65_536]).text):.0%}"


def read(path: str | Path, source: str | None = None, **kw: object) -> Document:
    """Public API: read one report file into a :class:`~jixiao.model.Document`."""
    return path_to_document(path, source, **kw)  # type: ignore[arg-type]
