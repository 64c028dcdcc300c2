"""Split a document into report segments.

A form starts at a table whose first label is 项目名称 (with the form-title
paragraphs right before it: "部门预算项目支出绩效自评表（2024年度）").  A document
with fewer than two such forms is one report (a narrative with an appended form
is one report) — unless, holding no form, it names several projects in
"项目名称：…" paragraphs: then each of those starts a narrative report.

A table holding several forms one under another (a worksheet of many forms, a web
page's one big table) is first cut into one table per form
(:func:`split_stacked_forms`): each further row led by 项目名称 starts a form,
together with the title and blank rows right above it.  Each sheet of a workbook
is its own table already, so forms come out in sheet order, then top to bottom.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.assemble import patterns as P
from jixiao.assemble.header_fields import form_role
from jixiao.assemble.tableview import Slot, distinct, lead, table_to_rows
from jixiao.assemble.vocab import is_title_line
from jixiao.extract.raw import RawDocument, RawParagraph, RawTable

RawBlock = RawParagraph | RawTable
_ANCHOR_ROWS = 3  # 项目名称 must be among the first rows of the table


@dataclass
class Segment:
    blocks: list[RawBlock]
    anchored: bool  # starts at a form (a 项目名称 table)

    def paragraphs(self) -> list[RawParagraph]:
        return [b for b in self.blocks if isinstance(b, RawParagraph)]

    def tables(self) -> list[RawTable]:
        return [b for b in self.blocks if isinstance(b, RawTable)]


def is_form_table(table: RawTable) -> bool:
    """A table that opens a form: one of its first rows is led by 项目名称.  Title rows, blank
    rows and preamble lines written as "label：value" cells (填报单位：某局 | 金额单位：万元) do
    not count among those first rows."""
    seen = 0
    for row in table_to_rows(table):
        ld = lead(row)
        if ld is not None and form_role(ld[1].text) == "project_name":
            return True
        if _is_title_or_blank(row) or _is_preamble(row):
            continue
        seen += 1
        if seen >= _ANCHOR_ROWS:
            break
    return False


def _is_preamble(row: list[Slot]) -> bool:
    """A line above the form whose every cell is one "label：value" (填报单位：…, 金额单位：…)."""
    texts = [s.text for _, s in distinct(row) if not s.empty]
    return bool(texts) and all(P.LABEL_VALUE.match(t.strip()) for t in texts)


def is_name_paragraph(p: RawParagraph) -> bool:
    """"项目名称：…" — a paragraph naming the project of a narrative report."""
    m = P.LABEL_VALUE.match(p.text.strip())
    return bool(m and m.group("value").strip() and form_role(m.group("label")) == "project_name")


def _is_title_or_blank(row: list[Slot]) -> bool:
    texts = [s.text for _, s in distinct(row) if not s.empty]
    return not texts or (len(texts) == 1 and is_title_line(texts[0]))


def _piece(table: RawTable, a: int, b: int) -> RawTable:
    cells = [c.model_copy(update={"row": c.row - a, "row_span": min(c.row_span, b - c.row)})
             for c in table.cells if a <= c.row < b]
    return table.model_copy(update={"n_rows": b - a, "cells": cells})


def split_stacked_forms(table: RawTable) -> list[RawTable]:
    """One table per form when ``table`` holds several one under another (module docstring)."""
    rows = table_to_rows(table)
    starts = []
    for r, row in enumerate(rows):
        ld = lead(row)
        if ld is not None and form_role(ld[1].text) == "project_name":
            starts.append(r)
    if len(starts) < 2:
        return [table]
    cuts = [0]
    for prev, s in zip(starts, starts[1:]):
        k = s
        while k - 1 > prev and _is_title_or_blank(rows[k - 1]):
            k -= 1
        cuts.append(k)
    bounds = [*cuts, table.n_rows]
    return [_piece(table, bounds[i], bounds[i + 1]) for i in range(len(cuts))]


def raw_to_segments(raw: RawDocument) -> list[Segment]:
    blocks: list[RawBlock] = []
    for b in raw.blocks:
        blocks.extend(split_stacked_forms(b) if isinstance(b, RawTable) else [b])
    anchors = [i for i, b in enumerate(blocks) if isinstance(b, RawTable) and is_form_table(b)]
    if len(anchors) < 2:
        named = [i for i, b in enumerate(blocks) if isinstance(b, RawParagraph) and is_name_paragraph(b)]
        if not anchors and len(named) >= 2:
            return _split(blocks, named, anchored=False)
        return [Segment(blocks, anchored=bool(anchors))] if blocks else []
    return _split(blocks, anchors, anchored=True)


def _split(blocks: list[RawBlock], anchors: list[int], anchored: bool) -> list[Segment]:
    """Segments starting at each anchor, with the title paragraphs right before it."""
    starts: list[int] = []
    prev_end = 0
    for a in anchors:
        s = a
        while s - 1 >= prev_end:
            prev = blocks[s - 1]
            if not (isinstance(prev, RawParagraph) and is_title_line(prev.text)):
                break
            s -= 1
        starts.append(s)
        prev_end = a + 1
    starts[0] = 0  # anything before the first form belongs to it
    bounds = [*starts, len(blocks)]
    return [Segment(blocks[bounds[i]: bounds[i + 1]], anchored=anchored) for i in range(len(starts))]
