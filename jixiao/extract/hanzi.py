"""Traditional characters → simplified, for reports published in 繁體 (mirrors, 港澳台 copies).

:func:`traditional_share` measures how much of a text is traditional: the share
of its Han characters that OpenCC's traditional→simplified character table
(``TSCharacters.txt``, shipped by the maintained ``opencc-python-reimplemented``
package) changes — a set lookup per character, so every document can be checked.
Simplified text scores ~0; a traditional text scores well above
:data:`THRESHOLD`.  :func:`simplify_document` then converts every cell and
paragraph ``text`` of a :class:`RawDocument` to simplified so later stages match
their vocabulary; ``prov.text`` keeps the text as written, and a warning says
that the document was converted.  Run by :func:`jixiao.extract.load` for every
format, so no loader needs to know.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from jixiao.catalogue_cache import load_catalogue
from jixiao.extract.raw import RawDocument, RawParagraph, RawTable

__all__ = ["THRESHOLD", "simplify_document", "to_simplified", "traditional_chars", "traditional_share"]

THRESHOLD = 0.03  # share of Han characters t2s changes
MIN_CHANGED = 5  # and at least this many of them
SAMPLE = 20000  # characters looked at
_HAN = regex.compile(r"\p{Han}")


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """``text`` in simplified characters (phrases first, then characters, as OpenCC does)."""
    if not text or not _HAN.search(text):
        return text
    out: str = _t2s().convert(text)
    return out


def _table() -> bytes:
    """OpenCC's ``TSCharacters.txt``, found without importing opencc (its import costs more
    than the look-up)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("opencc")
    for where in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(where) / "dictionary" / "TSCharacters.txt"
        if path.is_file():
            return path.read_bytes()
    from importlib import resources

    return resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_bytes()


@lru_cache(maxsize=1)
def traditional_chars() -> frozenset[str]:
    """Characters OpenCC's t2s character table changes (derived once per table and kept in the
    user cache: :mod:`jixiao.catalogue_cache`)."""
    raw = _table()

    def derive() -> str:
        out = set()
        for line in raw.decode("utf-8").splitlines():
            key, _, values = line.partition("\t")
            first = values.split(" ")[0] if values else key
            if len(key) == 1 and first and first != key:
                out.add(key)
        return "".join(sorted(out))

    return frozenset(load_catalogue("traditional_chars", str, [raw], derive, modules=[__name__]))


def traditional_share(text: str) -> tuple[float, int]:
    """(share of Han characters that are traditional-only, how many) in ``text``."""
    sample = text[:SAMPLE]
    n_han = len(_HAN.findall(sample))
    if not n_han:
        return 0.0, 0
    trad = traditional_chars()
    changed = sum(1 for ch in sample if ch in trad)
    return changed / n_han, changed


def _doc_text(raw: RawDocument) -> str:
    parts: list[str] = []
    size = 0
    for b in raw.blocks:
        texts = [b.text] if isinstance(b, RawParagraph) else [c.text for c in b.cells]
        for t in texts:
            parts.append(t)
            size += len(t)
        if size > SAMPLE:
            break
    return "\n".join(parts)


def is_traditional(raw: RawDocument) -> bool:
    share, changed = traditional_share(_doc_text(raw))
    return share >= THRESHOLD and changed >= MIN_CHANGED


def simplify_document(raw: RawDocument) -> RawDocument:
    """``raw`` with cell and paragraph text in simplified characters when it is written
    in traditional ones (else ``raw`` itself)."""
    if not is_traditional(raw):
        return raw
    blocks: list[RawParagraph | RawTable] = []
    for b in raw.blocks:
        if isinstance(b, RawParagraph):
            blocks.append(b.model_copy(update={"text": to_simplified(b.text)}))
        else:
            cells = [c.model_copy(update={"text": to_simplified(c.text)}) for c in b.cells]
            blocks.append(b.model_copy(update={"cells": cells}))
    chrome = [p.model_copy(update={"text": to_simplified(p.text)}) for p in raw.chrome]
    note = "文件使用繁体字，已转换为简体字读取（原文保留在出处中）"
    return raw.model_copy(update={"blocks": blocks, "chrome": chrome, "warnings": [*raw.warnings, note]})
