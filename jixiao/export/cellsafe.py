"""Text that is safe in a spreadsheet: no live formula, no character XML cannot hold.

*Formula injection* (CSV injection, OWASP): a cell whose text starts with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return may be run as a formula by Excel,
LibreOffice or WPS when a CSV is opened (``=HYPERLINK("http://…","点击")``).
Report text is untrusted, so by default:

- CSV: such a text field is written with a leading apostrophe (``'=1+1``), the
  OWASP advice; the field is quoted as RFC 4180 requires.  Only text columns are
  escaped: numbers (``-3.5`` in a decimal column) are data, not text.
  ``jixiao ingest --raw-csv`` writes the texts unchanged, for analysts who read
  the CSV with a program rather than a spreadsheet.
- XLSX: every string is stored as a string cell, so ``=…`` is shown as text and
  never evaluated (no apostrophe needed: the cell type says "text").

*XML characters*: XML 1.0 cannot hold C0 controls other than tab/LF/CR, lone
surrogates, U+FFFE or U+FFFF.  In XLSX they are replaced by U+FFFD (visible, so a
reader sees that something was there) instead of failing the whole workbook.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

#: first characters that make a spreadsheet treat a cell as a formula (OWASP)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: characters XML 1.0 cannot hold (Char production), as a character class
XML_ILLEGAL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


#: texts that start like a formula but cannot run as one: a lone sign (a comparator "=" or a
#: dash "-" for "none", common in forms)
_INERT = frozenset("=+-@")
_START = frozenset(FORMULA_START)


def is_formula_like(text: str) -> bool:
    return text[:1] in _START and text not in _INERT


def csv_text(text: str) -> str:
    """A CSV text field that no spreadsheet runs as a formula."""
    return "'" + text if text[:1] in _START and text not in _INERT else text


def csv_texts(values: Sequence[object]) -> Sequence[object]:
    """:func:`csv_text` of every ``str`` in a column (other values unchanged), for the writer: only
    the column's distinct texts are tested, and a column with nothing to escape is returned as is."""
    escaped = {v: "'" + v for v in set(values) if isinstance(v, str) and v[:1] in _START and v not in _INERT}
    if not escaped:
        return values
    return [escaped.get(v, v) if isinstance(v, str) else v for v in values]


def xml_text(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD."""
    return XML_ILLEGAL.sub(REPLACEMENT, text)
