"""A worksheet given as cell texts and merged ranges → one ``grid`` :class:`RawTable`.

Shared by the spreadsheet loaders that do not go through openpyxl (:mod:`.calamine`
for .xls/.xlsb/.et, :mod:`.ods` for .ods).  As in the XLSX loader, the table is the
used range, a merged range is ONE cell at its top-left with spans, a cell's
provenance row/column are its 0-based position on the sheet, and the table's
``prov.text`` names the sheet.  Every cell's ``prov.path`` is its ``Sheet!A1``
reference (``'表1'!H8``), so a value can be found in the workbook.
"""

from __future__ import annotations

from jixiao.extract.layout_text import working_text
from jixiao.extract.raw import RawCell, RawTable
from jixiao.model import Provenance


def col_letters(col: int) -> str:
    """0-based column → Excel letters (0 → A, 26 → AA)."""
    out = ""
    n = col + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def a1_ref(sheet: str, row: int, col: int) -> str:
    name = sheet.replace("'", "''")
    return f"'{name}'!{col_letters(col)}{row + 1}"


def sheet_table(texts: dict[tuple[int, int], str], merges: list[tuple[int, int, int, int]], sheet: str,
                index: int, source: str) -> RawTable | None:
    """``texts`` by 0-based (row, col); ``merges`` as inclusive (r0, c0, r1, c1); None when empty."""
    texts = {k: v for k, v in texts.items() if v}
    if not texts:
        return None
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    covered: set[tuple[int, int]] = set()
    for r0, c0, r1, c1 in merges:
        if r1 < r0 or c1 < c0 or (r1 - r0 + 1) * (c1 - c0 + 1) > 1_000_000:
            continue
        spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
        covered.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0))
    texts = {k: v for k, v in texts.items() if k not in covered}
    if not texts:
        return None
    top = min(r for r, _ in texts)
    left = min(c for _, c in texts)
    bottom = max(r + spans.get((r, c), (1, 1))[0] for r, c in texts)
    right = max(c + spans.get((r, c), (1, 1))[1] for r, c in texts)
    cells = []
    for r in range(top, bottom):
        for c in range(left, right):
            if (r, c) in covered:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            verbatim = texts.get((r, c), "")
            cells.append(RawCell(row=r - top, col=c - left, row_span=min(rs, bottom - r), col_span=min(cs, right - c),
                                 text=working_text(verbatim),
                                 prov=Provenance(source=source, table=index, row=r, col=c, text=verbatim,
                                                 path=a1_ref(sheet, r, c))))
    return RawTable(index=0, table=index, dialect="grid", n_rows=bottom - top, n_cols=right - left, cells=cells,
                    prov=Provenance(source=source, table=index, text=f"工作表：{sheet}", path=f"'{sheet}'"))
