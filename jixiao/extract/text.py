"""Plain-text reports → :class:`RawDocument`.

Stages (each one inspectable):

``bytes_to_text``      decode (UTF-8 ± BOM, GB18030, UTF-16), normalise NBSP etc.
``text_to_lines``      split into numbered lines, strip dump artefacts
``lines_to_blocks``    group lines into paragraphs and tables (dialects below)

Dialect "cell lines" (flattened DOCX dumps): every table cell is one line that
starts with a TAB; the cells of one row are consecutive lines; a blank line ends
a row; a line without TAB ends the table.  A cell holding a line break shows up
as a TAB line, a blank line and a line without TAB that is immediately followed
by another TAB line (``"\t度量" "" "单位" "\t完成值"``): such a line continues
the previous cell.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import regex

from jixiao.extract.raw import RawCell, RawDocument, RawParagraph, RawTable
from jixiao.model import Provenance

# Artefacts of DOCX→text converters: "[bookmark: _Toc61505636]"
_BOOKMARK = regex.compile(r"\[bookmark:\s*[^\]]*\]")
_CELL_LINE = regex.compile(r"^[ \u3000]*\t")


def bytes_to_text(data: bytes) -> str:
    """Decode a text file.  Tries BOMs, strict UTF-8, then GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8", errors="replace")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")


@dataclass(frozen=True)
class Line:
    no: int  # 1-based line number in the file
    text: str  # artefacts stripped, trailing spaces removed


def text_to_lines(text: str) -> list[Line]:
    out = []
    for i, raw in enumerate(text.split("\n"), start=1):
        t = _BOOKMARK.sub("", raw).rstrip(" \u3000")
        out.append(Line(i, t))
    return out


def _is_cell(line: Line) -> bool:
    return bool(_CELL_LINE.match(line.text))


def _is_blank(line: Line) -> bool:
    return not _is_cell(line) and not line.text.strip()


def _cell_text(line: Line) -> str:
    return line.text.split("\t", 1)[1].strip()


def lines_to_blocks(lines: list[Line], source: str) -> list[RawParagraph | RawTable]:
    """Group numbered lines into paragraphs and cell-line tables."""
    blocks: list[RawParagraph | RawTable] = []
    n_tables = 0
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        if _is_blank(ln):
            i += 1
            continue
        if not _is_cell(ln):
            blocks.append(
                RawParagraph(
                    index=len(blocks),
                    text=ln.text.strip(),
                    prov=Provenance(source=source, line_start=ln.no, line_end=ln.no, text=ln.text),
                )
            )
            i += 1
            continue
        # a table: rows of cell lines
        rows: list[list[tuple[str, int, int]]] = []  # (text, first line, last line)
        row: list[tuple[str, int, int]] = []
        start = ln.no
        while i < n:
            ln = lines[i]
            if _is_cell(ln):
                row.append((_cell_text(ln), ln.no, ln.no))
                i += 1
            elif _is_blank(ln):
                # blank: a row break, unless it is inside a cell whose text goes on
                j = i
                while j < n and _is_blank(lines[j]):
                    j += 1
                if (
                    row
                    and j + 1 < n
                    and not _is_cell(lines[j])
                    and _is_cell(lines[j + 1])
                    and j - i == 1
                ):
                    t, a, _ = row[-1]
                    row[-1] = (t + "\n" + lines[j].text.strip(), a, lines[j].no)
                    i = j + 1
                    continue
                if row:
                    rows.append(row)
                    row = []
                i = j
                if j < n and not _is_cell(lines[j]):
                    break
            else:
                break
        if row:
            rows.append(row)
        cells = []
        for r, cells_of_row in enumerate(rows):
            for c, (t, a, b) in enumerate(cells_of_row):
                cells.append(
                    RawCell(
                        row=r,
                        col=c,
                        text=t,
                        prov=Provenance(
                            source=source, table=n_tables, row=r, col=c, line_start=a, line_end=b, text=t
                        ),
                    )
                )
        end = rows[-1][-1][2] if rows else start
        blocks.append(
            RawTable(
                index=len(blocks),
                table=n_tables,
                dialect="cells",
                n_rows=len(rows),
                n_cols=max((len(r) for r in rows), default=0),
                cells=cells,
                prov=Provenance(source=source, table=n_tables, line_start=start, line_end=end),
            )
        )
        n_tables += 1
    return blocks


def text_to_raw(text: str, source: str, sha256: str = "") -> RawDocument:
    lines = text_to_lines(text)
    return RawDocument(source=source, format="txt", sha256=sha256, blocks=lines_to_blocks(lines, source))


def bytes_to_raw(data: bytes, source: str) -> RawDocument:
    return text_to_raw(bytes_to_text(data), source, hashlib.sha256(data).hexdigest())
