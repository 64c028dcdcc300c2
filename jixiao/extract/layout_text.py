"""Working text of DOCX/PDF cells and paragraphs, the same as the text loader's.

Loaders keep the verbatim text in ``prov.text`` and put the *working* text in
``text``: zero-width characters dropped, odd spaces made plain, full-width ASCII
folded (the rules of :func:`jixiao.extract.text_decode.normalize_line`, applied
per line), so a report reads the same whether it came as TXT, DOCX or PDF.
"""

from __future__ import annotations

from jixiao.extract.text_decode import fold_width
from jixiao.extract.text_patterns import ODD_SPACE, ZERO_WIDTH


def working_text(verbatim: str) -> str:
    lines = []
    for ln in verbatim.split("\n"):
        t = fold_width(ODD_SPACE.sub(" ", ZERO_WIDTH.sub("", ln))).strip(" \t")
        if t:
            lines.append(t)
    return "\n".join(lines)
