"""PDF pages → blocks: the layout stage of the PDF loader (see :mod:`.pdf`).

Per page: table chunks (:mod:`.pdf_tables`) and the text lines outside them;
running headers/footers and page numbers dropped; lines grouped into
paragraphs; then, over the whole document, chunks stitched into tables across
page breaks, "续表" labels dropped, paragraphs cut by a page break rejoined;
blocks emitted in reading order with provenance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jixiao.extract.layout_text import working_text
from jixiao.extract.pdf_patterns import CONTINUED_TABLE, DIGITS, PAGE_NUMBER
from jixiao.extract.pdf_round import round2
from jixiao.extract.pdf_tables import (
    Chunk,
    Stitched,
    assign_columns,
    boxes_to_chunk,
    continues,
    start_table,
    stitch,
)
from jixiao.extract.pdf_text import Glyph, Line, glyphs_to_lines, join_lines
from jixiao.extract.raw import RawParagraph, RawTable, cell_working_text, trusted_cell, trusted_provenance
from jixiao.model import Provenance

FURNITURE_BAND = 0.08  # top/bottom share of the page where running headers/footers live

Box = tuple[float, float, float, float]


@dataclass
class PageData:
    """What stage 1 read from one page."""

    number: int  # 1-based
    width: float
    height: float
    glyphs: list[Glyph]
    tables: list[tuple[Box, list[Box]]]  # (table bbox, cell boxes)
    n_images: int


@dataclass
class _Item:
    """A table chunk or a paragraph on a page, in reading order."""

    page: int
    top: float
    chunk: Chunk | None = None
    lines: list[Line] = field(default_factory=list)
    ends_full: bool = False  # the last line runs to the right margin (the text goes on)
    starts_indented: bool = False  # the first line is indented (a paragraph starts)
    n_first: int = 0  # lines on the first page (a paragraph continued over a page break)


def _norm_furniture(text: str) -> str:
    return DIGITS.sub("#", text.replace(" ", ""))


def _furniture(pages: list[PageData], lines_by_page: dict[int, list[Line]]) -> set[tuple[int, int]]:
    """(page, line index) of running headers/footers and page numbers.

    Only lines in the top/bottom :data:`FURNITURE_BAND` of a page qualify: a page
    number ("第 3 页", "- 3 -", "3/10"), or a line repeated (digits aside) in the
    bands of at least two pages that is no larger than the body text (a form
    title repeated on every page is larger and stays).
    """
    drop: set[tuple[int, int]] = set()
    sizes = sorted(ln.size for ls in lines_by_page.values() for ln in ls)
    body_size = sizes[len(sizes) // 2] if sizes else 0.0
    candidates: list[tuple[int, int, str, float]] = []
    for p in pages:
        for i, ln in enumerate(lines_by_page[p.number]):
            if p.height * FURNITURE_BAND <= ln.top and ln.bottom <= p.height * (1 - FURNITURE_BAND):
                continue
            if PAGE_NUMBER.match(ln.text):
                drop.add((p.number, i))
            else:
                candidates.append((p.number, i, _norm_furniture(ln.text), ln.size))
    pages_with: dict[str, set[int]] = {}
    for pn, _i, key, _size in candidates:
        pages_with.setdefault(key, set()).add(pn)
    for pn, i, key, size in candidates:
        if len(pages_with[key]) >= 2 and len(key) <= 60 and size <= body_size + 0.5:
            drop.add((pn, i))
    return drop


def _paragraphs(lines: list[Line], left: float, right: float) -> list[list[Line]]:
    """Group consecutive lines into paragraphs.

    A new paragraph starts after a short line (ending 1.5 em before the right
    margin), at an indented line (a Chinese first-line indent), at a change of
    font size, or after a gap clearly wider than the usual line gap of the run
    (Chinese documents rarely add space between paragraphs, so the gap alone
    says little).
    """
    gaps = sorted(b.top - a.bottom for a, b in zip(lines, lines[1:]))
    usual = gaps[len(gaps) // 2] if gaps else 0.0
    out: list[list[Line]] = []
    for ln in lines:
        if out:
            prev = out[-1][-1]
            em = max(prev.size, ln.size)
            new = (
                ln.top - prev.bottom > max(0.7 * em, usual + 0.5 * em)
                or prev.x1 < right - 1.5 * em
                or ln.x0 > left + 1.0 * em
                or abs(ln.size - prev.size) > 0.5
            )
            if not new:
                out[-1].append(ln)
                continue
        out.append([ln])
    return out


def pages_to_items(pages: list[PageData]) -> tuple[list[_Item], list[str]]:
    warnings: list[str] = []
    lines_by_page: dict[int, list[Line]] = {}
    chunks_by_page: dict[int, list[Chunk]] = {}
    for p in pages:
        rest = p.glyphs
        chunks = []
        for bbox, boxes in p.tables:
            chunk, rest = boxes_to_chunk(p.number, bbox, boxes, rest)
            if chunk.cells:
                chunks.append(chunk)
        chunks_by_page[p.number] = chunks
        lines_by_page[p.number] = glyphs_to_lines(rest)
        if not p.glyphs and p.n_images:
            warnings.append(f"第{p.number}页是扫描图像，无文字层，未读取（需要先做OCR）")
    drop = _furniture(pages, lines_by_page)
    items: list[_Item] = []
    for p in pages:
        kept = [ln for i, ln in enumerate(lines_by_page[p.number]) if (p.number, i) not in drop]
        page_items = [_Item(p.number, ch.bbox[1], chunk=ch) for ch in chunks_by_page[p.number]]
        if kept:
            left = min(ln.x0 for ln in kept)
            right = max(ln.x1 for ln in kept)
            # split the lines into runs between tables, then into paragraphs
            tops = sorted(ch.bbox[1] for ch in chunks_by_page[p.number])
            runs: dict[int, list[Line]] = {}
            for ln in kept:
                runs.setdefault(sum(1 for t in tops if t < ln.top), []).append(ln)
            for run in runs.values():
                for para in _paragraphs(run, left, right):
                    em = para[-1].size
                    page_items.append(_Item(p.number, para[0].top, lines=para, n_first=len(para),
                                            ends_full=para[-1].x1 >= right - 1.5 * em,
                                            starts_indented=para[0].x0 > left + 1.0 * para[0].size))
        page_items.sort(key=lambda it: it.top)
        items.extend(page_items)
    return items, warnings


def items_to_blocks(items: list[_Item], source: str) -> tuple[list[RawParagraph | RawTable], list[str]]:
    """Stitch table chunks across pages and emit blocks in order."""
    warnings: list[str] = []
    merged: list[_Item | Stitched] = []
    nav = _Nav(items)
    for it in items:
        if it.chunk is not None:
            prev = merged[-1] if merged else None
            if (
                isinstance(prev, Stitched)
                and prev.last.page == it.page - 1
                and nav.first_on_page(it)
                and continues(prev, it.chunk)
            ):
                stitch(prev, it.chunk)
                continue
            merged.append(start_table(it.chunk))
        elif merged and isinstance(merged[-1], Stitched) and _is_continued_label(it) and nav.next_is_chunk(it):
            continue  # "续表" above a continued table
        elif merged and _continues_paragraph(nav, merged[-1], it):
            prev = merged[-1]
            assert isinstance(prev, _Item)
            prev.lines = prev.lines + it.lines
            prev.ends_full = it.ends_full
            warnings.append(f"第{prev.page}页末段落在第{it.page}页续接，已合并")
        else:
            merged.append(it)
    blocks: list[RawParagraph | RawTable] = []
    n_tables = n_pars = 0
    for m in merged:
        if isinstance(m, Stitched):
            blocks.append(_table_block(m, len(blocks), n_tables, source))
            warnings.extend(f"表{n_tables + 1}：{note}" for note in m.notes)  # numbered from 1
            n_tables += 1
        else:
            verbatim = join_lines(m.lines)
            text = working_text(verbatim)
            if not text:
                continue
            first = m.lines[: m.n_first or len(m.lines)]  # bbox on the first page only
            x0 = min(ln.x0 for ln in first)
            x1 = max(ln.x1 for ln in first)
            bbox = (round2(x0), round2(first[0].top), round2(x1), round2(first[-1].bottom))
            blocks.append(
                RawParagraph(
                    index=len(blocks),
                    text=text,
                    prov=Provenance(source=source, page=m.page, paragraph=n_pars, bbox=bbox, text=verbatim),
                )
            )
            n_pars += 1
    return blocks, warnings


class _Nav:
    """Positions of items: first/last on a page, the next item (O(1) look-ups)."""

    def __init__(self, items: list[_Item]) -> None:
        self.items = items
        self.pos = {id(it): i for i, it in enumerate(items)}
        self.first: dict[int, int] = {}
        self.last: dict[int, int] = {}
        for i, it in enumerate(items):
            self.first.setdefault(it.page, i)
            self.last[it.page] = i

    def first_on_page(self, it: _Item) -> bool:
        """``it`` opens its page (a "续表" label before it aside)."""
        i, f = self.pos[id(it)], self.first[it.page]
        return i == f or (i == f + 1 and _is_continued_label(self.items[f]))

    def last_on_page(self, it: _Item) -> bool:
        return self.pos[id(it)] == self.last[it.page]

    def next_is_chunk(self, it: _Item) -> bool:
        i = self.pos[id(it)]
        return i + 1 < len(self.items) and self.items[i + 1].chunk is not None and self.items[i + 1].page == it.page


def _continues_paragraph(nav: _Nav, prev: _Item | Stitched, it: _Item) -> bool:
    """``it`` (first on its page) goes on with ``prev`` (last on the page before): the
    previous paragraph ran to the right margin and this one is not indented.  A single line
    right above a table on its page is that table's title (the next form's
    "项目支出绩效自评表（2023年度）" under this form's signature line), not a sentence's end."""
    if not isinstance(prev, _Item) or prev.chunk is not None or it.chunk is not None:
        return False
    if prev.page != it.page - 1 or not prev.ends_full or it.starts_indented:
        return False
    if len(it.lines) == 1 and nav.next_is_chunk(it):
        return False
    return nav.last_on_page(prev) and nav.first_on_page(it)


def _is_continued_label(it: _Item) -> bool:
    return len(it.lines) == 1 and bool(CONTINUED_TABLE.match(it.lines[0].text))


def _round_box(b: Box) -> Box:
    return (round2(b[0]), round2(b[1]), round2(b[2]), round2(b[3]))


def _table_block(t: Stitched, index: int, number: int, source: str) -> RawTable:
    n_cols = assign_columns(t)
    cells = []
    for c in sorted(t.cells, key=lambda c: (c.row, c.col)):
        page, bbox = c.parts[0]
        # loader-typed values (ints, strs, rounded floats): built without re-validation
        cells.append(trusted_cell(c.row, c.col, c.row_span, c.col_span, cell_working_text(c.verbatim),
                                  trusted_provenance(source, page=page, table=number, row=c.row, col=c.col,
                                                     bbox=_round_box(bbox), text=c.verbatim)))
    b = t.first.bbox
    return RawTable(
        index=index,
        table=number,
        dialect="grid",
        n_rows=t.n_rows,
        n_cols=n_cols,
        cells=cells,
        prov=Provenance(source=source, page=t.first.page, table=number, bbox=_round_box(b)),
    )
