"""Numbered lines of a text report: the unit every text dialect works on."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from jixiao.extract.raw import RawCell, RawTable
from jixiao.extract.text_decode import normalize_line, split_lines
from jixiao.extract.text_patterns import BARE_PAGE_NUMBER, CELL_LINE, HAN, PAGE_NUMBER, TSV_LINE, ZERO_WIDTH
from jixiao.model import Provenance


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the file
    text: str  # working text: artefacts stripped, width folded, trailing spaces removed
    raw: str  # the line as decoded, verbatim (line ending removed)
    page: int | None = None  # 1-based page when the dump marks page breaks (form feeds)

    @property
    def is_cell(self) -> bool:
        """A cell line of a flattened DOCX dump (starts with a TAB, one cell only)."""
        return bool(CELL_LINE.match(self.text)) and not self.is_tsv

    @property
    def is_tsv(self) -> bool:
        """A tab-separated row: a TAB between two pieces of content."""
        return bool(TSV_LINE.search(self.text))

    @property
    def is_blank(self) -> bool:
        """Nothing on the line (a lone TAB is an empty cell, not a blank line)."""
        return not self.text.strip() and not CELL_LINE.match(self.text)

    def tokens(self) -> list[str]:
        """Whitespace-separated tokens of the working text."""
        return self.text.split()

    def raw_tokens(self) -> list[str]:
        """Whitespace-separated tokens of the verbatim text (zero-width-only tokens dropped)."""
        return [t for t in self.raw.split() if ZERO_WIDTH.sub("", t)]


def text_to_lines(text: str) -> list[Line]:
    """Numbered lines.  When the dump marks page breaks with form feeds (pdftotext),
    each line knows its page and page-number lines (headers/footers such as
    "- 3 -", "第 3 页 共 9 页", or a bare "3" next to the break) become blank."""
    raws = split_lines(text)
    if "\f" not in text:
        return [Line(i, normalize_line(raw), raw) for i, raw in enumerate(raws, start=1)]
    lines: list[Line] = []
    page = 1
    for i, raw in enumerate(raws, start=1):
        body = raw.lstrip("\f \t")
        lead = raw[: len(raw) - len(body)].count("\f")  # a break before the text opens its page
        page += lead
        lines.append(Line(i, normalize_line(raw), raw, page))
        page += raw.count("\f") - lead  # a break after the text opens the next one
    return _blank_page_numbers(lines)


def _blank_page_numbers(lines: list[Line]) -> list[Line]:
    out = list(lines)
    body = [k for k, ln in enumerate(lines) if ln.text.strip()]
    for pos, k in enumerate(body):
        ln = lines[k]
        t = ln.text.strip()
        if PAGE_NUMBER.match(t):
            out[k] = Line(ln.no, "", ln.raw, ln.page)
            continue
        m = BARE_PAGE_NUMBER.match(t)
        if not m or int(m.group(1)) != ln.page:
            continue
        prev_page = lines[body[pos - 1]].page if pos > 0 else None
        next_page = lines[body[pos + 1]].page if pos + 1 < len(body) else None
        if prev_page != ln.page or next_page != ln.page:  # first or last line of its page
            out[k] = Line(ln.no, "", ln.raw, ln.page)
    return out


def display_width(text: str) -> int:
    """Columns the text takes in a monospaced dump: wide (CJK) characters count 2."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def join_text(parts: list[str]) -> str:
    """Join pieces of one sentence broken over lines: no separator between CJK
    characters, one space between two ASCII words ("DRGs" / "付费" stays "DRGs付费")."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and p[0].isascii() and p[0].isalnum():
            out += " "
        out += p
    return out


def _single_han(tok: str) -> bool:
    return len(tok) == 1 and bool(HAN.match(tok))


def letter_spaced_runs(tokens: list[str]) -> list[tuple[int, int]]:
    """Index ranges ``[a, b)`` of three or more single-character Han tokens in a row
    (a letter-spaced heading: "对 项 目 管 理的建议")."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and _single_han(tokens[j]):
            j += 1
        if j - i >= 3:
            runs.append((i, j))
        i = max(j, i + 1)
    return runs



def cells_to_table(
    rows: list[tuple[list[str], list[str], int, int]], source: str, table_no: int, dialect: str
) -> RawTable:
    """Rows read from text lines → a RawTable.

    Each row is ``(cell texts, verbatim cell texts, first line, last line)``; when the
    verbatim split does not match the working split, the working texts stand in.
    """
    cells = []
    for r, (texts, raws, first, last) in enumerate(rows):
        if len(raws) != len(texts):
            raws = texts
        for c, (t, raw) in enumerate(zip(texts, raws)):
            cells.append(RawCell(row=r, col=c, text=t, prov=Provenance(
                source=source, table=table_no, row=r, col=c, line_start=first, line_end=last, text=raw)))
    return RawTable(
        index=-1,
        table=table_no,
        dialect=dialect,  # type: ignore[arg-type]
        n_rows=len(rows),
        n_cols=max((len(r[0]) for r in rows), default=0),
        cells=cells,
        prov=Provenance(source=source, table=table_no, line_start=rows[0][2], line_end=rows[-1][3]),
    )
