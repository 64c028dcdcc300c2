"""The form vocabulary as the re-gridding of text dialects asks for it: :data:`LEXICON`.

:class:`FormLexicon` answers the questions of ``jixiao.extract.lexicon.CellLexicon``
(structurally: this module does not import ``extract``, and ``extract`` does not
import it) from the existing catalogues: header roles and budget lines
(:mod:`.headers`), units (:mod:`.units`), comparators (:mod:`.comparators`) and
values (:mod:`.quantity`).  It holds no vocabulary of its own.  The pipeline passes
:data:`LEXICON` to the loaders (:func:`jixiao.pipeline.path_to_raw`).
"""

from __future__ import annotations

from typing import Literal

from jixiao.model import Kind, LineKind
from jixiao.normalize.comparators import parse_comparator
from jixiao.normalize.headers import budget_row_kind, header_role, is_subtotal
from jixiao.normalize.quantity import parse_quantity
from jixiao.normalize.units import is_unit

__all__ = ["LEXICON", "FormLexicon"]


class FormLexicon:
    """Header roles, units, comparators, budget lines and value sorts of one cell's text."""

    def header_role(self, text: str, block: Literal["indicator", "budget", "form"]) -> str | None:
        return header_role(text, block)

    def is_unit(self, text: str) -> bool:
        return is_unit(text)

    def is_comparator(self, text: str) -> bool:
        return parse_comparator(text) is not None

    def budget_row_kind(self, text: str) -> LineKind | None:
        kind = budget_row_kind(text)
        return kind[0] if kind is not None else None

    def is_subtotal(self, text: str) -> bool:
        return is_subtotal(text)

    def value_sort(self, text: str) -> Literal["empty", "cmpval", "pct", "qty", "qual", "text"]:
        q = parse_quantity(text, phrases=False)  # one cell, not a phrase: a name with a number stays text
        if q.kind == Kind.EMPTY:
            return "empty"
        if q.value is not None:
            if q.comparator is not None:
                return "cmpval"
            return "pct" if q.kind == Kind.PERCENT else "qty"
        if q.kind == Kind.QUALITATIVE:
            return "qual"
        return "text"


#: the one lexicon the pipeline passes to the loaders
LEXICON = FormLexicon()
