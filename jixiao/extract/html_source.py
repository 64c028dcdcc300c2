"""Bytes of a web page → HTML text: the charset, MHTML web archives, safety checks.

The charset is taken, in this order, from a byte-order mark, the page's own
``<meta charset>`` / ``<meta http-equiv="Content-Type" content="…; charset=…">``
(first 4 KiB), and otherwise guessed from the bytes like a text report
(:func:`jixiao.extract.text_decode.decode_bytes`).  GB2312/GBK labels are read as
GB18030, their superset, so a page labelled GB2312 that uses a GBK character reads.

An MHTML archive ("save as web page, single file", often named ``.doc``/``.mht``)
is a MIME message: its first ``text/html`` part is the page; pictures and other
parts are ignored.

Refused with a Chinese reason: a page over :data:`MAX_BYTES`, and any page that
declares entities (``<!ENTITY``: the "billion laughs" bomb needs a declaration;
ordinary pages never have one).
"""

from __future__ import annotations

import codecs
import email
import email.policy
from dataclasses import dataclass

import regex

from jixiao.errors import UnreadableFile
from jixiao.extract.text_decode import decode_bytes

MAX_BYTES = 64 << 20

_META = regex.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", regex.I)
_ENTITY = regex.compile(rb"<!ENTITY", regex.I)
_SUPERSET = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
             "big5": "big5hkscs", "iso-8859-1": "cp1252", "ascii": "utf-8", "us-ascii": "utf-8"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class PageText:
    html: str
    encoding: str
    replaced: int  # characters that could not be decoded


def _codec(label: str) -> str | None:
    name = _SUPERSET.get(label.lower(), label.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def mht_html(data: bytes, source: str) -> tuple[bytes, str | None]:
    """The HTML part of an MHTML archive and its declared charset."""
    msg = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get_content_charset()
    raise UnreadableFile(source, "网页存档（MHT）中没有网页正文（text/html 部分）")


def decode_page(data: bytes, source: str, declared: str | None = None) -> PageText:
    """The page's text (see module docstring); :class:`UnreadableFile` when refused."""
    if len(data) > MAX_BYTES:
        raise UnreadableFile(source, f"网页文件过大（{len(data) >> 20} MB，上限 {MAX_BYTES >> 20} MB）")
    if _ENTITY.search(data):
        raise UnreadableFile(source, "网页中含有实体声明（<!ENTITY），可能是实体炸弹，出于安全原因拒绝读取")
    for bom, bom_enc in _BOMS:
        if data.startswith(bom):
            return _decode(data, bom_enc)
    label = declared
    if label is None:
        m = _META.search(data[:4096])
        label = m.group(1).decode("ascii") if m else None
    codec = _codec(label) if label else None
    if codec is not None:
        try:
            return PageText(data.decode(codec), codec, 0)
        except UnicodeDecodeError:
            pass  # a page that lies about its charset: let the bytes decide
    dec = decode_bytes(data)
    return PageText(dec.text, dec.encoding, dec.replaced)


def _decode(data: bytes, enc: str) -> PageText:
    text = data.decode(enc, errors="replace")
    return PageText(text, enc, text.count("\ufffd"))
