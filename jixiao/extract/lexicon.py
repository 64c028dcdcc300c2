"""What the re-gridding of text dialects asks of the form's vocabulary: :class:`CellLexicon`.

A pdftotext row lost its blank cells, a scraped cell-per-line table lost its row
boundaries: putting them back on a grid (:mod:`jixiao.extract.regrid`) needs to know
what a cell *says* — is it a column header, and of which role; a unit; a comparator;
a budget line; a value of which sort.  That knowledge is the form vocabulary of
:mod:`jixiao.normalize`, which ``extract`` may not import (import-linter contract
"extract knows nothing of later stages").  So ``extract`` owns this interface and
asks only these questions; :mod:`jixiao.normalize.lexicon` answers them from the
existing catalogues (one catalogue per concept, no list repeated); the pipeline
(:func:`jixiao.pipeline.path_to_raw`) passes that object down to the loaders.  The
match is structural (:class:`typing.Protocol`): neither layer imports the other.

Roles are the ids of the role catalogue (``normalize/data/roles.toml``):
``level1``, ``level2``, ``name``, ``nature``, ``target``, ``actual``, ``unit``,
``weight``, ``score``, ``reason`` … for ``indicator`` headers; ``line``, ``row_no``,
``initial``, ``adjusted``, ``executed``, ``rate`` … for ``budget`` headers; and the
``form`` labels (``project_name``, ``department``, ``implementer``, ``total``,
``grade``, ``signature``, ``budget_block``, ``indicator_block`` …).
"""

from __future__ import annotations

from typing import Literal, Protocol, runtime_checkable

from jixiao.model import LineKind

__all__ = ["Block", "CellLexicon", "ValueSort"]

#: the blocks a header cell can belong to
Block = Literal["indicator", "budget", "form"]

#: what a value token is, read as ONE cell (not a phrase: a name holding a number is "text"):
#: ``empty`` a dash or 无 standing for no value; ``cmpval`` a comparator with a value (≥80%);
#: ``pct`` a percentage; ``qty`` a number with a unit or a date; ``qual`` a qualitative
#: value (好, 达标); ``text`` anything else
ValueSort = Literal["empty", "cmpval", "pct", "qty", "qual", "text"]


@runtime_checkable
class CellLexicon(Protocol):
    """The questions the re-gridding of text dialects asks about one cell's text."""

    def header_role(self, text: str, block: Block) -> str | None:
        """Role of ``text`` as a column header (or form label) of ``block``; None when it has none."""
        ...

    def is_unit(self, text: str) -> bool:
        """``text`` is a known unit on its own ("次", "个月", "%")."""
        ...

    def is_comparator(self, text: str) -> bool:
        """``text`` is a comparator or 指标性质 word on its own ("≥", "不少于", "定性")."""
        ...

    def budget_row_kind(self, text: str) -> LineKind | None:
        """Kind of budget line ``text`` names (合计 → total, 财政资金 → fiscal); None when none."""
        ...

    def is_subtotal(self, text: str) -> bool:
        """``text`` is 小计: a sub-column standing for its parent line."""
        ...

    def value_sort(self, text: str) -> ValueSort:
        """What sort of value ``text`` is, as one cell (see :data:`ValueSort`)."""
        ...
