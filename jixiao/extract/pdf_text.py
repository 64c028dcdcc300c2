"""PDF characters → lines → text, inside a table cell or on the page.

Line building: characters are grouped into lines by their vertical centre
(tolerance: half the font size) and sorted left to right.  Inside a line a space
is written where the PDF has a space glyph or where the gap between two glyphs
is wide: > 0.25 em between Latin letters/digits, > 0.6 em when a CJK character
is on either side (there gaps come from justification and from the CJK/Latin
"autospace" writers add, ~0.3 em, not from spaces).

Joining the lines of one cell (or of one paragraph):

- an *explicit* break (a line break in the source, e.g. "度量" / "单位") is kept as
  ``"\\n"``: the line ended although the next unbreakable cluster (see
  ``_first_cluster_width``: up to the next space or the next pair of adjacent
  ideographs) would have fitted in the remaining width;
- a *wrap* is joined without a space ("成本指" + "标" → "成本指标",
  "≤5000" + "0元" → "≤50000元"), except between two Latin letters, where a
  wrapping line breaker broke at a space ("annual" + "report").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from jixiao.extract.pdf_patterns import CJK_CHAR, HAN, LATIN_LETTER, NO_LINE_START
from jixiao.extract.pdf_round import round1


@dataclass(unsafe_hash=True)
class Glyph:
    """One painted character.  Treated as immutable (hashed by value, as a frozen dataclass
    would be) but not declared ``frozen``: a frozen dataclass sets each field through
    ``object.__setattr__``, which made building the ~3,000 glyphs of a PDF file 4x dearer; a
    named tuple is built as fast but its fields read ~3x slower, and the layout code reads
    each glyph's fields many times."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    turn: int = 0  # 0: horizontal text; 1: rotated, reads top to bottom; -1: reads bottom to top

    @property
    def mid_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def mid_x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class Line:
    """A line of glyphs; its extent and size are computed on first use and kept (the line is
    frozen, so they cannot change)."""

    glyphs: tuple[Glyph, ...]
    text: str

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @cached_property
    def x1(self) -> float:
        return max(g.x1 for g in self.glyphs)

    @cached_property
    def top(self) -> float:
        return min(g.top for g in self.glyphs)

    @cached_property
    def bottom(self) -> float:
        return max(g.bottom for g in self.glyphs)

    @cached_property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)


def _char_test(pattern: Any) -> Callable[[str], bool]:
    """``bool(pattern.match(ch))`` for one character, memoised (a document has a few hundred
    distinct characters; the tests run for every glyph).  Bounded: a hostile file cannot grow
    the memo without end."""
    memo: dict[str, bool] = {}

    def test(ch: str) -> bool:
        v = memo.get(ch)
        if v is None:
            if len(memo) > 65536:
                memo.clear()
            v = memo[ch] = bool(pattern.match(ch))
        return v

    return test


_is_cjk = _char_test(CJK_CHAR)
_is_han = _char_test(HAN)
_no_line_start = _char_test(NO_LINE_START)
_is_latin = _char_test(LATIN_LETTER)


def _line_key(g: Glyph) -> tuple[float, float]:
    # (g.top + g.bottom) / 2 is Glyph.mid_y, written out: this runs for every glyph of every cell
    return round1((g.top + g.bottom) / 2), g.x0


def _x0(g: Glyph) -> float:
    return g.x0


def glyphs_to_lines(glyphs: Sequence[Glyph]) -> list[Line]:
    """Group glyphs into lines, top to bottom, each left to right."""
    rows: list[list[Glyph]] = []
    last: list[Glyph] = []  # the last row, its length and its first glyph's size
    n_last, size_last = 0, 0.0
    total = 0.0  # sum of the mid_y of the last row's glyphs, added in order (the mean's numerator)
    for g in sorted(glyphs, key=_line_key):
        my = (g.top + g.bottom) / 2
        if n_last:
            size = g.size
            # max(g.size, last[0].size), written out (this runs for every glyph of every cell)
            if abs(my - total / n_last) <= (size_last if size_last > size else size) * 0.5:
                last.append(g)
                n_last += 1
                total += my
                continue
        last = [g]
        rows.append(last)
        n_last, size_last = 1, g.size
        total = my
    out = []
    for row in rows:
        if len(row) > 1:
            row.sort(key=_x0)
        text = _line_text(row).strip()
        if text:
            out.append(Line(tuple(g for g in row if g.text.strip()), text))
    return out


def _line_text(row: list[Glyph]) -> str:
    parts: list[str] = []
    prev: Glyph | None = None
    for g in row:
        if not g.text.strip():
            if parts and parts[-1] != " ":
                parts.append(" ")
            prev = None if g.text == " " else prev
            continue
        if prev is not None and parts and parts[-1] != " ":
            gap = g.x0 - prev.x1
            em = max(g.size, prev.size)
            # a space when gap > em * (0.6 if CJK on either side else 0.25): the CJK test is
            # needed only for a gap between the two limits (most gaps are below both)
            if gap > em * 0.25 and (gap > em * 0.6 or not (_is_cjk(prev.text[-1]) or _is_cjk(g.text[0]))):
                parts.append(" ")
        parts.append(g.text)
        prev = g
    return "".join(parts)


def _first_cluster_width(line: Line) -> float:
    """Width of what a line breaker could not have split off the start of ``line``.

    Generous on purpose (a break is called explicit only when even this fitted):
    the cluster runs until a space or until two ideographs meet, so "（元/年）",
    "〔2021〕27号" and "*15%=8.52万" stay whole, while "单位" gives "单".
    """
    gl = line.glyphs
    text = "".join(g.text for g in gl)
    n = 1
    while n < len(text):
        a, b = text[n - 1], text[n]
        if b == " " or (_is_han(a) and _is_han(b) and not _no_line_start(b)):
            break
        n += 1
    n = min(n, len(gl))
    return gl[n - 1].x1 - gl[0].x0


def join_lines(lines: Sequence[Line], left: float | None = None, right: float | None = None) -> str:
    """Join the lines of one cell/paragraph (see module docstring).

    ``left``/``right`` are the x-limits of the box the text was set in (a cell's
    inner edges); without them no break is taken as explicit.
    """
    if not lines:
        return ""
    out = lines[0].text
    for prev, nxt in zip(lines, lines[1:]):
        explicit = False
        if left is not None and right is not None:
            room = right - prev.x1
            # writers add a little space between CJK and Latin text (autospace)
            mixed = _is_cjk(prev.text[-1]) != _is_cjk(nxt.text[0])
            explicit = _first_cluster_width(nxt) + (0.3 * nxt.size if mixed else 0.0) <= room - 0.5
        if explicit:
            out += "\n" + nxt.text
        elif _is_latin(prev.text[-1]) and _is_latin(nxt.text[0]):
            out += " " + nxt.text
        else:
            out += nxt.text
    return out


def join_fragments(a: str, b: str) -> str:
    """Join the two parts of a cell split by a page break (a wrap, never explicit)."""
    if not a:
        return b
    if not b:
        return a
    if LATIN_LETTER.match(a[-1]) and LATIN_LETTER.match(b[0]):
        return a + " " + b
    return a + b


def turned_glyphs_to_lines(glyphs: Sequence[Glyph]) -> list[Line]:
    """Rotated text (a cell with vertical text direction, e.g. Word's btLr/tbRl):
    columns of glyphs; text reading downwards runs in columns right to left,
    text reading upwards in columns left to right (bottom to top within one)."""
    down = sum(g.turn for g in glyphs) >= 0
    cols: list[list[Glyph]] = []
    for g in sorted(glyphs, key=lambda g: (g.mid_x, g.top)):
        if cols and abs(g.mid_x - sum(x.mid_x for x in cols[-1]) / len(cols[-1])) <= g.size * 0.5:
            cols[-1].append(g)
        else:
            cols.append([g])
    if down:
        cols.reverse()
    out = []
    for col in cols:
        col.sort(key=lambda g: g.top, reverse=not down)
        text = "".join(g.text for g in col).strip()
        if text:
            out.append(Line(tuple(g for g in col if g.text.strip()), text))
    return out


def cell_text(glyphs: Sequence[Glyph], x0: float, x1: float) -> tuple[str, list[Line]]:
    """Text of a table cell with outer x-limits ``x0``/``x1``.

    The inner padding is taken as the distance from the cell's left edge to its
    leftmost line (clamped to 1–8 pt) and assumed equal on the right.  Rotated
    text (most glyphs turned) is read along its own direction, lines joined as
    wraps.
    """
    if glyphs and (len(glyphs) - [g.turn for g in glyphs].count(0)) * 2 > len(glyphs):
        lines = turned_glyphs_to_lines(glyphs)
        return join_lines(lines), lines
    lines = glyphs_to_lines(glyphs)
    if not lines:
        return "", lines
    pad = min(max(min(ln.x0 for ln in lines) - x0, 1.0), 8.0)
    return join_lines(lines, x0 + pad, x1 - pad), lines
