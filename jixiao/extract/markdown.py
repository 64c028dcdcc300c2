"""Markdown (what MinerU, docling, pandoc … make of a report) → :class:`RawDocument`.

- pipe tables (``| a | b |`` with a ``|---|`` separator row) are read by the text
  loader (:mod:`.text_pipe`).  A *ragged* one — rows with different numbers of
  cells — is what a converter writes from a table with merged cells: one pipe cell
  per source cell, a vertically merged cell continuing as an empty cell.  Every row
  keeps its cells in order, which is the ``cells`` dialect's contract, so it is
  recorded as ``cells`` (not re-gridded under its header as a ragged web ``pipe``
  row would be);
- embedded HTML tables (``<table>…</table>``, as converters write merged cells)
  are read by the HTML loader (:mod:`.html`): ``rowspan``/``colspan`` become
  spans, ``<br>`` line breaks; each cell's provenance has the table's first
  line number beside its CSS-like path;
- ATX headings (``## 三、绩效指标``) are paragraphs without their ``#`` marks;
  ``**bold**`` around a whole line is dropped;
- everything else is read as plain text (:func:`jixiao.extract.text.lines_to_blocks`).

A text file is read as Markdown when it is named ``.md``/``.markdown`` or holds an
HTML ``<table>``; its format is recorded as ``md``.
"""

from __future__ import annotations

import dataclasses
import hashlib

import regex

from jixiao.extract.html import html_to_raw
from jixiao.extract.raw import RawDocument, RawParagraph, RawTable
from jixiao.extract.text import lines_to_blocks
from jixiao.extract.text_decode import decode_bytes
from jixiao.extract.text_lines import Line, text_to_lines
from jixiao.model import Provenance

__all__ = ["bytes_to_raw", "has_html_table", "markdown_to_raw"]

_TABLE_TAG = regex.compile(r"<table\b[^>]*>|</table\s*>", regex.IGNORECASE)
_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+(?P<t>.*?)(?:\s+#+)?\s*$")
_BOLD_LINE = regex.compile(r"^(?P<lead>\s*)(?:\*\*|__)(?P<t>.+?)(?:\*\*|__)\s*$")


def has_html_table(text: str) -> bool:
    return _TABLE_TAG.search(text) is not None


def _regions(text: str) -> list[tuple[bool, int, int]]:
    """``(is_html_table, start, end)`` character ranges in file order."""
    out: list[tuple[bool, int, int]] = []
    depth, start, at = 0, 0, 0
    for m in _TABLE_TAG.finditer(text):
        closing = m.group(0).startswith("</")
        if not closing:
            if depth == 0:
                start = m.start()
                if start > at:
                    out.append((False, at, start))
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                out.append((True, start, m.end()))
                at = m.end()
    if depth > 0:  # an unclosed table runs to the end of the file
        out.append((True, start, len(text)))
        at = len(text)
    if at < len(text):
        out.append((False, at, len(text)))
    return out


def _ragged(t: RawTable) -> bool:
    return len({len(r) for r in t.rows() if r}) > 1


def _markdown_line(ln: Line) -> Line:
    m = _HEADING.match(ln.text)
    if m:
        ln = dataclasses.replace(ln, text=m.group("t"))
    m = _BOLD_LINE.match(ln.text)
    if m:
        ln = dataclasses.replace(ln, text=m.group("lead") + m.group("t"))
    return ln


def _shifted(prov: Provenance, first_line: int, last_line: int) -> Provenance:
    return prov.model_copy(update={"line_start": first_line, "line_end": last_line})


def markdown_to_raw(text: str, source: str, sha256: str = "") -> RawDocument:
    blocks: list[RawParagraph | RawTable] = []
    n_tables = 0
    for is_html, a, b in _regions(text):
        first = text.count("\n", 0, a) + 1
        chunk = text[a:b]
        if is_html:
            last = first + chunk.count("\n")
            part = html_to_raw(chunk, source).blocks
        else:
            lines = [dataclasses.replace(ln, no=ln.no + first - 1) for ln in text_to_lines(chunk)]
            part = lines_to_blocks([_markdown_line(ln) for ln in lines], source)
        for blk in part:
            if isinstance(blk, RawTable):
                if blk.dialect == "pipe" and _ragged(blk):
                    blk = blk.model_copy(update={"dialect": "cells"})
                cells = blk.cells
                prov = blk.prov.model_copy(update={"table": n_tables})
                if is_html:
                    cells = [c.model_copy(update={"prov": _shifted(c.prov, first, last).model_copy(
                        update={"table": n_tables})}) for c in cells]
                    prov = _shifted(prov, first, last)
                else:
                    cells = [c.model_copy(update={"prov": c.prov.model_copy(update={"table": n_tables})})
                             for c in cells]
                blocks.append(blk.model_copy(update={"index": len(blocks), "table": n_tables, "cells": cells,
                                                     "prov": prov}))
                n_tables += 1
            else:
                prov = _shifted(blk.prov, first, last) if is_html else blk.prov
                blocks.append(blk.model_copy(update={"index": len(blocks), "prov": prov}))
    return RawDocument(source=source, format="md", sha256=sha256, blocks=blocks)


def bytes_to_raw(data: bytes, source: str) -> RawDocument:
    dec = decode_bytes(data)
    raw = markdown_to_raw(dec.text, source, hashlib.sha256(data).hexdigest())
    if dec.replaced:
        return raw.model_copy(update={"warnings": [f"文本编码（{dec.encoding}）有 {dec.replaced} 个无法解码的字符"]})
    return raw
