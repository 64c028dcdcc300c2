"""WordprocessingML helpers: names, wrappers, and the text of a paragraph.

Text rules (one place, used for body paragraphs and table cells alike):

- ``w:t`` text as written; ``w:tab`` → a space; ``w:br`` / ``w:cr`` → ``"\\n"``;
  ``w:noBreakHyphen`` → ``-``; ``w:softHyphen`` → nothing;
- deleted and moved-away revisions (``w:del``, ``w:moveFrom``), field
  instructions (``w:instrText``) and the
  ``mc:Fallback`` copy of alternate content are skipped (the ``mc:Choice`` copy is
  read, so a text box is not read twice);
- paragraphs inside text boxes (``w:txbxContent``) are read, each ended by ``"\\n"``;
- NBSP and full-width spaces at the ends of lines are trimmed, inner ones become
  plain spaces (NBSP) or stay (U+3000).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


T_P, T_TBL, T_TR, T_TC, T_T = w("p"), w("tbl"), w("tr"), w("tc"), w("t")
T_SDT, T_SDTCONTENT, T_CUSTOMXML = w("sdt"), w("sdtContent"), w("customXml")
T_TAB, T_BR, T_CR = w("tab"), w("br"), w("cr")
T_DEL, T_INSTR, T_DELTEXT = w("del"), w("instrText"), w("delText")
T_NBHYPHEN, T_SOFTHYPHEN = w("noBreakHyphen"), w("softHyphen")
T_TXBX = w("txbxContent")
T_FALLBACK = f"{{{MC}}}Fallback"
T_PPR, T_RPR, T_TRPR, T_TCPR = w("pPr"), w("rPr"), w("trPr"), w("tcPr")
T_MOVEFROM = w("moveFrom")
_SKIP = {T_DEL, T_MOVEFROM, T_INSTR, T_DELTEXT, T_FALLBACK, T_PPR, T_RPR}
# elements whose children belong to the enclosing container (content controls, custom XML)
WRAPPERS = {T_SDT, T_SDTCONTENT, T_CUSTOMXML}
VAL = w("val")


def children(el: etree._Element, tags: set[str] | str) -> Iterator[etree._Element]:
    """Direct children with one of ``tags``, looking through content controls
    (``w:sdt``/``w:sdtContent``) and ``w:customXml`` wrappers."""
    want = {tags} if isinstance(tags, str) else tags
    for ch in el:
        if ch.tag in want:
            yield ch
        elif ch.tag in WRAPPERS:
            yield from children(ch, want)


def int_val(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(VAL, default))
    except (TypeError, ValueError):
        return default


def _collect(el: etree._Element, out: list[str]) -> None:
    for ch in el:
        tag = ch.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == T_T:
            out.append(ch.text or "")
        elif tag == T_TAB:
            out.append(" ")
        elif tag in (T_BR, T_CR):
            out.append("\n")
        elif tag == T_NBHYPHEN:
            out.append("-")
        elif tag == T_SOFTHYPHEN:
            continue
        elif tag == T_P:  # a paragraph inside a text box
            _collect(ch, out)
            out.append("\n")
        else:
            _collect(ch, out)


def clean_lines(text: str) -> str:
    """Trim each line, drop blank lines, NBSP → space."""
    lines = [ln.replace("\u00a0", " ").strip(" \t\u3000") for ln in text.split("\n")]
    return "\n".join(ln for ln in lines if ln)


def paragraph_text(p: etree._Element) -> str:
    out: list[str] = []
    _collect(p, out)
    return clean_lines("".join(out))
