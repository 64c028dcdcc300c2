"""Prose lines → paragraphs.

Two layouts occur:

- *one paragraph per line* (DOCX dumps): every non-blank line is a paragraph,
  except a sentence cut at a page break (the line has sentence punctuation and
  stops right after a word: "…列入预算，每年" / "经会议审定…");
- *wrapped* (pdftotext dumps): a paragraph is broken into lines of nearly the
  page width, often with blank lines between them.  A line that does not end a
  sentence continues into the next non-blank line, unless that line starts a
  heading or the line itself is a short heading.

:func:`wrap_width` tells the layouts apart from the widths of sentence lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from jixiao.extract.text_lines import Line, display_width, join_text
from jixiao.extract.text_patterns import CELL_PROSE_PUNCT, HEADING_START, PROSE_PUNCT, SENTENCE_END, WORD_END


@dataclass(frozen=True)
class Paragraph:
    text: str
    raw: str
    first: int
    last: int


def wrap_width(lines: list[Line]) -> int | None:
    """The page width (display columns) of a wrapped dump, None for one paragraph per line.

    Sentence lines (lines with prose punctuation) of a wrapped dump pile up just
    below the page width; in a one-paragraph-per-line dump their widths spread.
    """
    widths = sorted(display_width(ln.text.strip()) for ln in lines if PROSE_PUNCT.search(ln.text))
    if len(widths) < 4:
        return None
    top = widths[int(0.9 * (len(widths) - 1))]
    if top > 240:
        return None
    near = sum(1 for w in widths if w >= top - 8)
    if near >= 3 and near >= 0.3 * len(widths):
        return top
    return None


def _is_heading(text: str, width: int) -> bool:
    """A short numbered heading ("二、绩效情况分析"): it ends its own paragraph."""
    t = text.strip()
    m = HEADING_START.match(t)
    return bool(m) and not PROSE_PUNCT.search(t[m.end():]) and display_width(t) < 0.7 * width


def _continues(line: Line, nxt: Line, width: int) -> bool:
    """Does ``line`` run on into ``nxt`` (the next non-blank line)?"""
    t = line.text.strip()
    if SENTENCE_END.search(t) or HEADING_START.match(nxt.text.strip()):
        return False
    if _is_heading(t, width):
        return False
    return display_width(t) >= 0.8 * width or bool(PROSE_PUNCT.search(t))


def _broken(line: Line, nxt: Line) -> bool:
    """One paragraph per line, yet a sentence cut in the middle (a page break):
    the line holds sentence punctuation and stops right after a word."""
    t = line.text.strip()
    return (
        bool(CELL_PROSE_PUNCT.search(t))
        and bool(WORD_END.search(t))
        and not HEADING_START.match(nxt.text.strip())
    )


def lines_to_paragraphs(lines: list[Line], width: int | None) -> list[Paragraph]:
    """Group prose lines (blank lines allowed) into paragraphs."""
    body = [ln for ln in lines if not ln.is_blank]
    out: list[Paragraph] = []
    group: list[Line] = []
    for k, ln in enumerate(body):
        group.append(ln)
        nxt = body[k + 1] if k + 1 < len(body) else None
        if nxt is not None and (_continues(ln, nxt, width) if width is not None else _broken(ln, nxt)):
            continue
        out.append(
            Paragraph(
                text=join_text([g.text for g in group]),
                raw="\n".join(g.raw.strip() for g in group),
                first=group[0].no,
                last=group[-1].no,
            )
        )
        group = []
    return out
