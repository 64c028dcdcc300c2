"""Refuse dangerous or broken DOCX packages *before* any XML is parsed.

Checks, in order, each failing with :class:`~jixiao.errors.UnreadableFile` and a
Chinese reason:

1. the bytes are a readable ZIP archive (truncated/corrupt → "已损坏或不完整");
2. zip bomb: too many members, a total uncompressed size above
   :data:`MAX_TOTAL_UNCOMPRESSED`, or a large member whose compression ratio
   exceeds :data:`MAX_RATIO` (sizes from the central directory; ``zipfile``
   never inflates a member beyond its declared size, so the declared sizes bound
   what parsing can read);
3. XXE / entity expansion: any XML part whose prolog holds ``<!DOCTYPE`` or
   ``<!ENTITY`` (OOXML never needs one).  A DTD can only stand in the prolog,
   so scanning the bytes before the root element is exact.  A part in UTF-16 or
   UTF-32, with or without a byte-order mark, is decoded first (the encoding is
   told from the first bytes, as in XML 1.0 Appendix F); a part in an encoding
   the guard cannot decode (EBCDIC …) is refused: OOXML is always UTF-8/UTF-16.  Nothing is resolved: python-docx's parser is also built with
   ``resolve_entities=False`` and without network or DTD loading.
4. every member's CRC is checked while scanning (a damaged member is refused
   here rather than half-read later).
"""

from __future__ import annotations

import io
import zipfile
import zlib

from jixiao.errors import CORRUPT, UnreadableFile

# what zipfile raises on damaged/encrypted archives
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, ValueError, RuntimeError)

MAX_MEMBERS = 5000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024  # 300 MiB
MAX_RATIO = 200  # uncompressed / compressed, for members above RATIO_MIN_SIZE
RATIO_MIN_SIZE = 5 * 1024 * 1024
_PROLOG_BYTES = 8192


def _prolog(head: bytes) -> bytes:
    """The part of an XML document before its root element's start tag."""
    i = 0
    while True:
        j = head.find(b"<", i)
        if j < 0 or j + 1 >= len(head):
            return head
        nxt = head[j + 1 : j + 2]
        if nxt in (b"?", b"!"):
            if head.startswith(b"<!--", j):
                k = head.find(b"-->", j)
                i = (k + 3) if k >= 0 else len(head)
                continue
            if head.startswith(b"<!DOCTYPE", j) or head.startswith(b"<!ENTITY", j):
                return head  # keep everything: the declaration is the point
            k = head.find(b">", j)
            i = (k + 1) if k >= 0 else len(head)
            continue
        return head[:j]


#: first bytes → codec (XML 1.0 Appendix F), BOMs first; UTF-32 before UTF-16 (FF FE 00 00)
_XML_ENCODINGS = (
    (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
    (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"),
)


def xml_head_text(head: bytes) -> bytes | None:
    """The first bytes of an XML part as UTF-8, whatever Unicode encoding it is in;
    ``None`` when they are in no encoding the guard knows (the part is refused)."""
    for magic, codec in _XML_ENCODINGS:
        if head.startswith(magic):
            unit = 4 if "32" in codec else 2
            body = head[len(magic):] if magic.startswith((b"\xfe", b"\xff", b"\x00\x00\xfe")) else head
            return body[: len(body) // unit * unit].decode(codec, errors="replace").encode("utf-8")
    if head.startswith(b"\x4c\x6f\xa7\x94"):  # "<?xm" in EBCDIC
        return None
    return head


def _check_xml_prolog(name: str, head: bytes, source: str, fmt: str = "DOCX") -> None:
    text = xml_head_text(head)
    if text is None:
        raise UnreadableFile(source, f"{fmt}中的XML部件 {name} 使用了无法检查的编码，已拒绝读取")
    pro = _prolog(text)
    if b"<!DOCTYPE" in pro or b"<!ENTITY" in pro:
        what = "外部实体" if (b"SYSTEM" in pro or b"PUBLIC" in pro) else "实体"
        raise UnreadableFile(
            source, f"{fmt}中的XML部件 {name} 含有DTD/{what}声明（可能是XXE或实体膨胀攻击），已拒绝读取"
        )


def check_docx_package(data: bytes, source: str, kind: str = "DOCX") -> None:
    """Raise :class:`UnreadableFile` if ``data`` is not a safe, intact ZIP package
    (``kind`` names the format in the message: DOCX, XLSX)."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS as e:
        raise UnreadableFile(source, f"{kind}文件已损坏或不完整（{CORRUPT}：不是有效的ZIP压缩包）") from e
    with z:
        infos = z.infolist()
        if len(infos) > MAX_MEMBERS:
            raise UnreadableFile(source, f"{kind}压缩包内文件过多（{len(infos)}个），疑似压缩炸弹，已拒绝读取")
        total = sum(i.file_size for i in infos)
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise UnreadableFile(
                source,
                f"{kind}解压后总大小 {total // (1024 * 1024)} MB 超过上限"
                f" {MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)} MB，疑似压缩炸弹，已拒绝读取",
            )
        for i in infos:
            if i.file_size >= RATIO_MIN_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                raise UnreadableFile(
                    source,
                    f"{kind}部件 {i.filename} 压缩比异常（{i.file_size // max(i.compress_size, 1)}:1），"
                    "疑似压缩炸弹，已拒绝读取",
                )
        for i in infos:
            if not i.filename.lower().endswith((".xml", ".rels")):
                continue
            try:
                with z.open(i) as f:
                    head = f.read(_PROLOG_BYTES)
            except ZIP_ERRORS as e:
                raise UnreadableFile(source, f"{kind}文件已损坏或不完整（{CORRUPT}：部件 {i.filename} 无法解压）") from e
            _check_xml_prolog(i.filename, head, source, kind)
        bad = None
        try:
            bad = z.testzip()
        except ZIP_ERRORS as e:
            raise UnreadableFile(source, f"{kind}文件已损坏或不完整（{CORRUPT}：压缩数据无法解开）") from e
        if bad is not None:
            raise UnreadableFile(source, f"{kind}文件已损坏或不完整（{CORRUPT}：部件 {bad} 校验失败）")
