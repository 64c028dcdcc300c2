"""Finish the tables of the text dialects: every table a loader returns is a grid.

Loaders of text dumps see less than a grid: pdftotext rows without their blank cells
(``spaced``), ragged ``| a | b |`` rows (``pipe``), scraped cells in order without
row boundaries (``stream``).  Each dialect has its module exposing
``text_to_grid(table, lexicon)``: :mod:`.regrid_spaced`, :mod:`.regrid_pipe`,
:mod:`.regrid_stream`.  :func:`finish_document` sends every table through the module
of its dialect; afterwards each table is ``grid`` or ``cells`` and
:attr:`~jixiao.extract.raw.RawTable.regridded_from` says which text dialect it was
rebuilt from, so the stages after ``extract`` never see a dialect.

The rebuilding needs the form's vocabulary; ``extract`` asks it through
:class:`~jixiao.extract.lexicon.CellLexicon`, which the pipeline passes in
(:func:`jixiao.pipeline.path_to_raw`).  With ``lexicon=None`` the tables of the
text dialects are returned as read, their ``dialect`` saying they are unfinished.
"""

from __future__ import annotations

from collections.abc import Callable

from jixiao.extract import regrid_pipe, regrid_spaced, regrid_stream
from jixiao.extract.lexicon import CellLexicon
from jixiao.extract.raw import RawDocument, RawParagraph, RawTable

__all__ = ["DIALECTS", "finish_blocks", "finish_document", "finish_table"]

#: the module that finishes each text dialect
DIALECTS: dict[str, Callable[[RawTable, CellLexicon | None], RawTable]] = {
    "spaced": regrid_spaced.text_to_grid,
    "pipe": regrid_pipe.text_to_grid,
    "stream": regrid_stream.text_to_grid,
}


def finish_table(table: RawTable, lexicon: CellLexicon | None) -> RawTable:
    """``table`` as a grid when its dialect is a text dialect and a lexicon is given; else as it is."""
    to_grid = DIALECTS.get(table.dialect)
    return table if to_grid is None else to_grid(table, lexicon)


def finish_blocks(blocks: list[RawParagraph | RawTable], lexicon: CellLexicon | None
                  ) -> list[RawParagraph | RawTable]:
    return [finish_table(b, lexicon) if isinstance(b, RawTable) else b for b in blocks]


def finish_document(raw: RawDocument, lexicon: CellLexicon | None) -> RawDocument:
    """``raw`` with every table finished (:func:`finish_table`); ``raw`` itself when none changes."""
    if lexicon is None or not any(t.dialect in DIALECTS for t in raw.tables()):
        return raw
    return raw.model_copy(update={"blocks": finish_blocks(raw.blocks, lexicon)})
