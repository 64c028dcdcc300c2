"""Token sorts and the order-keeping alignment behind the re-gridding of text dialects.

A token of a text-dump row is sorted (:func:`token_class`: a bare number, a
percentage, a comparator with a value, a unit …) — the number and row-code shapes
here, what the words mean from the :class:`~jixiao.extract.lexicon.CellLexicon`;
:func:`assign_columns` puts a row's tokens under the header columns, order kept,
maximising how well each token fits its column's role minus what each column left
empty costs.  Used by :mod:`.regrid_rows` (spaced and pipe tables) and
:mod:`.regrid_stream`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from jixiao.extract.lexicon import CellLexicon
from jixiao.model import Provenance

# named patterns of text-dump tokens
HAN = regex.compile(r"\p{Han}")
BARE_NUMBER = regex.compile(r"^[+\-]?\d[\d,]*(?:\.\d+)?$")
ENDS_NUMBER = regex.compile(r"\d(?:\.\d+)?$")
# a row code of the long-form budget table: "(1)", "(5)=(3)-(4)"
ROW_CODE = regex.compile(r"^\(\d{1,2}\)(?:=\(\d{1,2}\)[-+*/×÷]\(\d{1,2}\))?$")

# column role → group of roles that take the same sort of token
_GROUP = {
    "level1": "label", "level2": "label", "name": "label", "line": "label",
    "row_no": "code", "nature": "nature", "target": "value", "actual": "value", "unit": "unit",
    "weight": "num", "score": "num",
    "initial": "money", "adjusted": "money", "executed": "money", "to_hand": "money", "balance": "money",
    "rate": "rate", "to_hand_rate": "rate", "completion_rate": "rate", "reason": "reason",
}
# how well a token class fits a column group; a pair not listed does not fit
_FIT: dict[str, dict[str, float]] = {
    "text": {"label": 3, "value": 1, "reason": 2, "other": 0},
    "qual": {"label": 2, "value": 3, "reason": 1, "nature": 1, "other": 0},
    "num": {"value": 2, "num": 3, "money": 3, "rate": 2, "reason": 0, "other": 0},
    "pct": {"value": 3, "rate": 3, "num": 1, "money": 0, "other": 0},
    "cmpval": {"value": 3, "other": 0},
    "qty": {"value": 3, "money": 1, "other": 0},
    "cmp": {"nature": 3, "value": 1, "other": 0},
    "unit": {"unit": 3, "value": 0, "other": 0},
    "dash": {"num": 2, "money": 2, "rate": 2, "value": 2, "reason": 1, "unit": 1, "nature": 1, "other": 1,
             "label": 0},
    "code": {"code": 3, "label": 0, "other": 0},
}
# what leaving a column of a role empty costs
# (a weight is nearly always written, a score or an actual value is left blank more often)
_SKIP = {"level1": 0.0, "level2": 0.2, "name": 1.5, "line": 1.5, "row_no": 2.0, "nature": 0.5, "target": 1.0,
         "actual": 0.8, "unit": 0.5, "weight": 2.5, "score": 2.0, "reason": 0.2, "completion_rate": 0.5,
         "initial": 1.0, "adjusted": 1.0, "executed": 1.0, "to_hand": 1.0, "balance": 1.0, "rate": 1.0,
         "to_hand_rate": 1.0}
_NO_FIT = -1000.0


@dataclass(frozen=True)
class Tok:
    """A token of a row: its text and where it came from."""

    text: str
    prov: Provenance


MAX_QUAL = 6  # characters: a longer qualitative value is a sentence, read as text


def is_label(text: str, lex: CellLexicon) -> bool:
    return bool(HAN.search(text)) and not lex.is_comparator(text) and not lex.is_unit(text)


def token_class(text: str, lex: CellLexicon) -> str:
    """Sort of a token: text, qual, num, pct, cmpval, qty, cmp, unit, dash, code."""
    t = text.strip()
    if ROW_CODE.match(t):
        return "code"
    if BARE_NUMBER.match(t):
        return "num"
    if lex.is_comparator(t):
        return "cmp"
    if lex.is_unit(t):
        return "unit"
    sort = lex.value_sort(t)  # a token, not a phrase: a name with a number stays text
    if sort == "empty":
        return "dash"
    if sort in ("cmpval", "pct", "qty"):
        return sort
    if sort == "qual" and len(t) <= MAX_QUAL:
        return "qual"
    return "text"


def merge_tokens(a: Tok, b: Tok, sep: str) -> Tok:
    prov = a.prov.model_copy(
        update={
            "text": a.prov.text + sep + b.prov.text,
            "line_start": min(x for x in (a.prov.line_start, b.prov.line_start) if x is not None)
            if a.prov.line_start is not None or b.prov.line_start is not None else None,
            "line_end": max(x for x in (a.prov.line_end, b.prov.line_end) if x is not None)
            if a.prov.line_end is not None or b.prov.line_end is not None else None,
        }
    )
    return Tok(a.text + sep + b.text, prov)


def glue_units(toks: list[Tok], lex: CellLexicon) -> list[Tok]:
    """"=2" "次" → "=2 次": a unit token joins the number before it."""
    out: list[Tok] = []
    for t in toks:
        if out and lex.is_unit(t.text) and ENDS_NUMBER.search(out[-1].text) \
                and token_class(out[-1].text, lex) != "code":
            out[-1] = merge_tokens(out[-1], t, " ")
        else:
            out.append(t)
    return out


def fit(cls: str, role: str | None) -> float:
    """How well a token of class ``cls`` fits a column of ``role``."""
    return _FIT[cls].get(_GROUP.get(role or "", "other"), _NO_FIT)


def assign_columns(classes: list[str], roles: list[str | None]) -> list[int] | None:
    """Columns for tokens of the given classes, order kept, best total fit.

    Ties go to the later column: cells missing from a row are taken to be its
    leading ones.  None when the tokens cannot be placed (more tokens than columns).
    """
    n, m = len(classes), len(roles)
    if n > m:
        return None
    skip = [_SKIP.get(r or "", 0.0) for r in roles]
    # best[i][j]: best score placing tokens i.. into columns j..
    best = [[_NO_FIT * 10] * (m + 1) for _ in range(n + 1)]
    take = [[False] * (m + 1) for _ in range(n + 1)]
    best[n][m] = 0.0
    for j in range(m - 1, -1, -1):
        best[n][j] = best[n][j + 1] - skip[j]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            placed = fit(classes[i], roles[j]) + best[i + 1][j + 1]
            skipped = best[i][j + 1] - skip[j]
            if placed > skipped:
                best[i][j], take[i][j] = placed, True
            else:
                best[i][j] = skipped
    out: list[int] = []
    i = j = 0
    while i < n and j < m:
        if take[i][j]:
            out.append(j)
            i += 1
        j += 1
    return out if len(out) == n else None
