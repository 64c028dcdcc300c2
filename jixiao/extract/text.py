"""Plain-text reports → :class:`RawDocument`.

Stages (each one inspectable):

``bytes_to_text``      decode (UTF-8 ± BOM, GB18030/GBK, UTF-16 LE/BE ± BOM)
``text_to_lines``      numbered lines: verbatim text + working text (artefacts
                       stripped, NBSP/zero-width cleaned, full-width ASCII folded)
``lines_to_blocks``    group lines into paragraphs and tables, the dialect
                       detected per region of the file:

- ``cells``  TAB-indented cell lines (flattened DOCX), :mod:`.text_cells`;
             tab-separated rows (spreadsheet exports), :mod:`.text_tsv`
- ``cells``  one row per line, cells joined by `` | `` (scraped web tables), :mod:`.text_rowpipe`
- ``stream`` one cell per line ending in `` |``, rows not marked, :mod:`.text_cellbar`
- ``pipe``   ``| a | b |`` rows, :mod:`.text_pipe`
- ``cells``  pdftotext -layout tables: columns by position, wrapped rows joined, :mod:`.text_layout`
- ``spaced`` pdftotext rows split on spaces, :mod:`.text_spaced`
- prose      paragraphs; wrapped lines of a pdftotext dump are joined back,
             :mod:`.text_prose`

Given a lexicon (:class:`~jixiao.extract.lexicon.CellLexicon`), ``text_to_raw`` and
``bytes_to_raw`` rebuild the ``spaced``/``pipe``/``stream`` tables into grids
(:mod:`jixiao.extract.regrid`); without one they are returned as read.

Cell and paragraph ``text`` is the working text; ``prov.text`` is verbatim and
``prov.line_start``/``line_end`` are 1-based line numbers of the file.  When the
dump marks page breaks with form feeds, ``prov.page`` is set and page-number
headers/footers are dropped.
"""

from __future__ import annotations

import hashlib

from jixiao.extract import text_cellbar, text_cells, text_pipe, text_rowpipe, text_spaced, text_tsv
from jixiao.extract.lexicon import CellLexicon
from jixiao.extract.raw import RawDocument, RawParagraph, RawTable
from jixiao.extract.regrid import finish_document
from jixiao.extract.text_decode import decode_bytes
from jixiao.extract.text_layout import find_regions as layout_regions
from jixiao.extract.text_layout import lines_to_grid as layout_grid
from jixiao.extract.text_lines import Line, text_to_lines
from jixiao.extract.text_prose import lines_to_paragraphs, wrap_width
from jixiao.model import Provenance

__all__ = ["Line", "bytes_to_raw", "bytes_to_text", "lines_to_blocks", "text_to_lines", "text_to_raw"]


def bytes_to_text(data: bytes) -> str:
    """Decode a text file (see :func:`jixiao.extract.text_decode.decode_bytes`)."""
    return decode_bytes(data).text


class _Builder:
    def __init__(self, source: str, width: int | None, warnings: list[str] | None = None) -> None:
        self.source = source
        self.width = width
        self.blocks: list[RawParagraph | RawTable] = []
        self.n_tables = 0
        self.warnings = warnings if warnings is not None else []  # the loaders' notes (表N：第M行…)

    def table(self, t: RawTable | None) -> None:
        if t is None:
            return
        self.blocks.append(t.model_copy(update={"index": len(self.blocks)}))
        self.n_tables += 1

    def prose(self, lines: list[Line]) -> None:
        for p in lines_to_paragraphs(lines, self.width):
            self.blocks.append(
                RawParagraph(
                    index=len(self.blocks),
                    text=p.text,
                    prov=Provenance(source=self.source, line_start=p.first, line_end=p.last, text=p.raw),
                )
            )

    def plain(self, lines: list[Line]) -> None:
        """Non-cell lines: pipe tables, spaced tables and prose, in file order."""
        i, n = 0, len(lines)
        pending: list[Line] = []
        while i < n:
            if text_cellbar.is_bar_cell(lines[i]) and not _wide_rows(lines, i):
                # lines right above the first cell (no blank between) are that cell's first lines
                k = 0
                while k < len(pending) and pending[-1 - k].no == lines[i].no - 1 - k \
                        and not pending[-1 - k].is_blank:
                    k += 1
                bar_cells, j = text_cellbar.read_cells(lines, i - k)
                if len(bar_cells) >= text_cellbar.MIN_CELLS:
                    self.spaced_or_prose(pending[: len(pending) - k])
                    pending = []
                    self.table(text_cellbar.rows_to_table(bar_cells, self.source, self.n_tables))
                    i = j
                    continue
            if text_rowpipe.is_row_start(lines[i]):
                row_lines, j = text_rowpipe.read_rows(lines, i)
                if len(row_lines) >= 2:
                    self.spaced_or_prose(pending)
                    pending = []
                    self.table(text_rowpipe.rows_to_table(row_lines, self.source, self.n_tables))
                    i = j
                    continue
            if text_pipe.is_pipe_start(lines[i]):
                self.spaced_or_prose(pending)
                pending = []
                rows, i = text_pipe.read_pipe_rows(lines, i)
                if rows:
                    self.table(text_pipe.rows_to_table(rows, self.source, self.n_tables))
                continue
            pending.append(lines[i])
            i += 1
        self.spaced_or_prose(pending)

    def spaced_or_prose(self, lines: list[Line]) -> None:
        at = 0  # pdftotext -layout tables first (text_layout), then spaced rows and prose
        for a, b in layout_regions(lines):
            self.spaced_rows_or_prose(lines[at:a])
            self.table(layout_grid(lines[a:b], self.source, self.n_tables, self.warnings))
            at = b
        self.spaced_rows_or_prose(lines[at:])

    def spaced_rows_or_prose(self, lines: list[Line]) -> None:
        at = 0
        for a, b in text_spaced.find_regions(lines):
            self.prose(lines[at:a])
            rows = text_spaced.lines_to_rows(lines[a:b])
            self.table(text_spaced.rows_to_table(rows, self.source, self.n_tables))
            at = b
        self.prose(lines[at:])


def _wide_rows(lines: list[Line], i: int) -> bool:
    """A row-per-line table starts at ``lines[i]`` with some line of more than one
    written cell (``a | b``) — not a run of one-cell ``text |`` lines."""
    if not text_rowpipe.is_row_start(lines[i]):
        return False
    rows, j = text_rowpipe.read_rows(lines, i)
    if len(rows) < 2:
        return False
    for ln in lines[i:j]:
        cells = text_rowpipe.split_row(ln.text) if text_rowpipe.is_row_line(ln) else []
        if len(cells) > 2 or (len(cells) == 2 and cells[1]):
            return True
    return False


def lines_to_blocks(lines: list[Line], source: str, warnings: list[str] | None = None) -> list[RawParagraph | RawTable]:
    """Group numbered lines into paragraphs and tables (dialect per region); ``warnings``
    receives the notes of the table readers (a -layout row whose cells were placed by a guess)."""
    b = _Builder(source, wrap_width([ln for ln in lines if not ln.is_cell and not ln.is_tsv]), warnings)
    i, n = 0, len(lines)
    pending: list[Line] = []
    while i < n:
        if lines[i].is_tsv:
            b.plain(pending)
            pending = []
            tsv, i = text_tsv.read_tsv_rows(lines, i)
            b.table(text_tsv.rows_to_table(tsv, source, b.n_tables))
            continue
        if lines[i].is_cell:
            b.plain(pending)
            pending = []
            rows, i = text_cells.read_cell_table(lines, i)
            b.table(text_cells.cell_rows_to_table(rows, source, b.n_tables))
            continue
        pending.append(lines[i])
        i += 1
    b.plain(pending)
    return b.blocks


def _with_pages(blocks: list[RawParagraph | RawTable], pages: dict[int, int]) -> list[RawParagraph | RawTable]:
    """Set ``prov.page`` (the page of the first line) on every block and cell."""

    def paged(prov: Provenance) -> Provenance:
        page = pages.get(prov.line_start or 0)
        return prov if page is None else prov.model_copy(update={"page": page})

    out: list[RawParagraph | RawTable] = []
    for b in blocks:
        if isinstance(b, RawTable):
            cells = [c.model_copy(update={"prov": paged(c.prov)}) for c in b.cells]
            out.append(b.model_copy(update={"prov": paged(b.prov), "cells": cells}))
        else:
            out.append(b.model_copy(update={"prov": paged(b.prov)}))
    return out


def text_to_raw(text: str, source: str, sha256: str = "", lexicon: CellLexicon | None = None) -> RawDocument:
    lines = text_to_lines(text)
    warnings: list[str] = []
    blocks = lines_to_blocks(lines, source, warnings)
    pages = {ln.no: ln.page for ln in lines if ln.page is not None}
    if not pages:
        raw = RawDocument(source=source, format="txt", sha256=sha256, blocks=blocks, warnings=warnings)
    else:
        raw = RawDocument(source=source, format="txt", sha256=sha256, blocks=_with_pages(blocks, pages),
                          n_pages=max(pages.values()), warnings=warnings)
    return finish_document(raw, lexicon)


def bytes_to_raw(data: bytes, source: str, lexicon: CellLexicon | None = None) -> RawDocument:
    dec = decode_bytes(data)
    raw = text_to_raw(dec.text, source, hashlib.sha256(data).hexdigest(), lexicon)
    warnings = list(raw.warnings)
    if dec.replaced:
        warnings.append(f"文本编码（{dec.encoding}）有 {dec.replaced} 个无法解码的字符")
    elif dec.plausibility < 0.8:
        warnings.append(f"文本编码可能识别有误（按 {dec.encoding} 解码，可读字符占 {dec.plausibility:.0%}）")
    return raw.model_copy(update={"warnings": warnings}) if warnings else raw
