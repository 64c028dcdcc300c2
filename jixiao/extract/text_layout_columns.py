"""Columns of a ``pdftotext -layout`` region, found from character positions alone.

pdftotext places every word at a column computed from its x position on the page, one
column per character: measured on real dumps, a CJK character takes ONE column there,
not two (the table columns line up in characters, and drift apart when counted in
display width).  A dump typed in a monospaced editor lines up in display width instead
(wide characters count 2).  :func:`position_metric` picks, per region, the measure under
which the word starts line up best, so both read.

A *strong* word start is one at the start of the line's text or after two or more
spaces; a column is a cluster of strong starts shared by at least two lines (starts a
position or two apart are one column: pdftotext shifts a word when the text before it
is wider than its place), or a strong start of one line that no such column is near.
A word after a single space starts a new cell only when it sits on a column start
itself ("40.90 61.04%"), else it goes on the cell before it ("截止 24 年底拨"); a
space between two Chinese words is a cell boundary (Chinese text has none: "实际完成值
得分"); it never starts a cell inside a sentence (the text before it runs over a
column's edge, or it or its run holds a full-width comma or stop: "…不低于 95%。").  No form
vocabulary: content only.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from jixiao.extract.text_lines import display_width

MIN_SUPPORT = 2  # lines sharing a column start
JITTER = 2  # positions of one column's starts may differ by this much
MERGE = 5  # two clusters no line uses both, this close: one column
SENTENCE_PUNCT = "，。；"  # a piece holding one of these is a sentence (as pdftotext writes them: full width)
MAX_SPREAD = 8  # positions between the first and the last start of one column


@dataclass(frozen=True)
class Word:
    start: int  # position (in the region's metric) of the first character
    end: int  # position after the last character
    text: str
    strong: bool  # at the start of the text or after two or more spaces


@dataclass(frozen=True)
class Piece:
    """The text of one line in one column: words joined as written."""

    col: int
    start: int
    end: int
    text: str
    #: a number begun after a single space and placed in this column by a guess: a position or two
    #: off the column's edge, or cut off a piece too wide for its column (a cell boundary pdftotext
    #: squeezed to one space looks like a space in the text); exactly on an edge is no guess
    guessed: bool = False


Metric = Callable[[str], int]


def char_count(text: str) -> int:
    return len(text)


def words_of(text: str, width: Metric) -> list[Word]:
    """Words (runs of non-space characters) with their positions under ``width``."""
    out: list[Word] = []
    i, n = 0, len(text)
    pos = 0
    gap = 0
    first = True
    while i < n:
        if text[i] == " ":
            gap += 1
            pos += 1
            i += 1
            continue
        j = i
        while j < n and text[j] != " ":
            j += 1
        w = text[i:j]
        wd = width(w)
        out.append(Word(pos, pos + wd, w, first or gap >= 2))
        first = False
        gap = 0
        pos += wd
        i = j
    return out


def _spread(lines: list[str], width: Metric) -> float:
    """How scattered the strong word starts are: distinct start positions per start
    (lower is better aligned)."""
    starts = Counter(w.start for t in lines for w in words_of(t, width) if w.strong)
    total = sum(starts.values())
    if not total:
        return 1.0
    shared = sum(c for c in starts.values() if c >= MIN_SUPPORT)
    return 1.0 - shared / total


def position_metric(lines: list[str]) -> Metric:
    """Characters (pdftotext) or display columns (an editor), whichever lines up better."""
    if not any(unicodedata.east_asian_width(ch) in "WF" for t in lines for ch in t):
        return char_count
    return display_width if _spread(lines, display_width) < _spread(lines, char_count) else char_count


def find_columns(lines: list[list[Word]]) -> list[int]:
    """Left edges of the columns: clusters of strong starts shared by two or more lines
    (a cluster no wider than :data:`JITTER`), and the start of any other word set apart
    by a wide gap that no cluster is near (a value written on one line only).  Two
    neighbouring clusters that no line uses both are one column whose lines pdftotext
    set a few positions apart (:data:`MERGE`, closest pair first)."""
    per_pos: dict[int, set[int]] = {}
    for k, words in enumerate(lines):
        for w in words:
            if w.strong:
                per_pos.setdefault(w.start, set()).add(k)
    clusters: list[tuple[int, set[int]]] = []
    for p in sorted(per_pos):
        if clusters and p - clusters[-1][0] <= JITTER:
            clusters[-1][1].update(per_pos[p])
        else:
            clusters.append((p, set(per_pos[p])))
    keep = [c for c in clusters if len(c[1]) >= MIN_SUPPORT]
    lone = [c for c in clusters if len(c[1]) < MIN_SUPPORT and all(abs(c[0] - k[0]) > JITTER for k in keep)]
    # (first start, last start, lines) of each column; the closest two no line uses both merge first
    cols = [(c[0], c[0], c[1]) for c in sorted(keep + lone, key=lambda c: c[0])]
    while True:
        pairs = [(b[0] - a[1], i) for i, (a, b) in enumerate(zip(cols, cols[1:]))
                 if b[0] - a[1] <= MERGE and b[1] - a[0] <= MAX_SPREAD and not (a[2] & b[2])]
        if not pairs:
            return [c[0] for c in cols]
        _, i = min(pairs)
        a, b = cols[i], cols[i + 1]
        cols[i:i + 2] = [(a[0], b[1], a[2] | b[2])]


def column_of(pos: int, cols: list[int]) -> int:
    """The column a strong start belongs to: the nearest left edge (a start left of
    every column belongs to the first)."""
    best = 0
    for k, c in enumerate(cols):
        if c - JITTER <= pos:
            best = k
    return best


def _on_edge(w: Word, cols: list[int], last_in_run: bool) -> int | None:
    """The column a word after a single space starts, if it starts one: on a column's
    left edge (a number that ends its run of words may be a position off: "3.05 万人 9.53")."""
    loose = last_in_run and (w.text[0].isdigit() or w.text[0] in "+-<>=≥≤")
    for k, c in enumerate(cols):
        if abs(w.start - c) <= (JITTER if loose else 1):
            return k
    return None


def _closes(prev: str, word: str) -> bool:
    """``word`` closes a bracket ``prev`` left open ("得分(20 分*执行率)"): one cell."""
    opened = sum(prev.count(b) for b in "(（[【") - sum(prev.count(b) for b in ")）]】")
    if opened <= 0:
        return False
    for ch in word:
        if ch in "(（[【":
            return False
        if ch in ")）]】":
            return True
    return False


def word_widths(lines: list[list[Piece]], cols: list[int]) -> dict[int, int]:
    """Per column, the widest one-word piece starting in it: how wide the column is."""
    out: dict[int, int] = {}
    for ps in lines:
        for p in ps:
            if " " not in p.text:
                out[p.col] = max(out.get(p.col, 0), display_width(p.text))
    return out


def _run_end(words: list[Word], i: int) -> int:
    """End of the run of words (single spaces between them) ``words[i]`` is in."""
    j = i + 1
    while j < len(words) and not words[j].strong:
        j += 1
    return j


def _long(prev: Piece, cols: list[int], widths: dict[int, int] | None) -> bool:
    """A sentence running over columns: past the next column's edge and (when the
    columns' widths are known) wider than its column's widest word."""
    if last_column(prev, cols) == prev.col:
        return False
    return widths is None or display_width(prev.text) > widths.get(prev.col, 0) + 2


def _overfull(prev: Piece, w: Word, cols: list[int], widths: dict[int, int]) -> int | None:
    """The next column, when ``w`` cannot be on ``prev``: the two together wider than
    ``prev``'s column ("生态效益指 治理区林草覆盖率提高"), ``w`` near the next column's edge."""
    cap = widths.get(prev.col)
    if cap is None or display_width(prev.text) + 1 + display_width(w.text) <= cap + 2:
        return None
    return _nearest(w, prev.col, cols)


def _nearest(w: Word, after: int, cols: list[int]) -> int | None:
    """The column right of ``after`` whose edge is nearest ``w`` (a few positions at most)."""
    near = [k for k in range(after + 1, len(cols)) if abs(cols[k] - w.start) <= MERGE + 1]
    return min(near, key=lambda k: abs(cols[k] - w.start)) if near else None


def _numeric(text: str) -> bool:
    return text[:1].isdigit() or text[:1] in "+-<>=≥≤" and text[1:2].isdigit()


def _wide_letter(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF" and unicodedata.category(ch)[0] == "L"


def pieces_of(words: list[Word], cols: list[int], widths: dict[int, int] | None = None) -> list[Piece]:
    """The line's text cut into column pieces (``widths``: :func:`word_widths`, to cut a
    word off an over-full piece)."""
    out: list[Piece] = []
    split: list[bool] = []  # the piece was begun by a word after a single space
    for i, w in enumerate(words):
        guessed = False
        if out:
            prev = out[-1]
            if w.strong:
                k: int | None = column_of(w.start, cols)
            else:
                last = i + 1 == len(words) or words[i + 1].strong
                # a text running over columns, or a sentence ("次，受益农村人口 3.05 万人，…"), goes on
                rest = "".join(x.text for x in words[i:_run_end(words, i)])
                long_text = _long(prev, cols, widths) or any(ch in SENTENCE_PUNCT for ch in prev.text + rest)
                k = None if long_text or _closes(prev.text, w.text) else _on_edge(w, cols, last)
                # a number cut off a position or two from a column's edge, or because the piece would
                # be wider than its column, may be a value pdftotext squeezed next to another: a guess
                guessed = k is not None and abs(w.start - cols[k]) > 1
                if k is None and widths and not long_text:
                    k = _overfull(prev, w, cols, widths)
                    guessed = k is not None
                guessed = guessed and _numeric(w.text)
                if k is None and _wide_letter(prev.text[-1]) and _wide_letter(w.text[0]) \
                        and not _closes(prev.text, w.text):
                    k = _nearest(w, prev.col, cols)  # Chinese text has no spaces: a cell boundary
            if k is None or k <= prev.col:
                # a number run on to a piece begun after a single space ("40.9 万元 10": 万元 | 10 or
                # 万元 10?): where one cell ends is a guess
                joined = prev.guessed or (split[-1] and not w.strong and _numeric(w.text)
                                          and " " not in prev.text and len(prev.text) <= 4)
                out[-1] = Piece(prev.col, prev.start, w.end, f"{prev.text}{' ' * (w.start - prev.end)}{w.text}",
                                joined)
                continue
        else:
            k = column_of(w.start, cols)
        out.append(Piece(k, w.start, w.end, w.text, guessed))
        split.append(bool(out[:-1]) and not w.strong)
    return out


def last_column(piece: Piece, cols: list[int]) -> int:
    """The last column the piece reaches into: its text runs past that column's left edge."""
    k = piece.col
    while k + 1 < len(cols) and piece.end > cols[k + 1] + 1:
        k += 1
    return k


def map_columns(src: list[int], dst: list[int]) -> list[int]:
    """An order-keeping map of the columns ``src`` (a later page's) onto ``dst`` (the
    table's first page): each to the column whose position, relative to its page's first
    and last column, is nearest, in order and each to its own (dynamic programming)."""
    if not src or not dst:
        return [0] * len(src)

    def rel(cs: list[int]) -> list[float]:
        span = (cs[-1] - cs[0]) or 1
        return [(c - cs[0]) / span for c in cs]

    rs, rd = rel(src), rel(dst)
    strict = len(rs) <= len(rd)  # two columns of the page onto one only when it has more
    cost = [[abs(rs[0] - d) for d in rd]]
    back: list[list[int]] = [[0] * len(rd)]
    for j in range(1, len(rs)):
        row, arg = [], []
        best, at = float("inf"), 0
        for k in range(len(rd)):
            if not strict and cost[-1][k] < best:
                best, at = cost[-1][k], k
            row.append(best + abs(rs[j] - rd[k]))
            arg.append(at)
            if strict and cost[-1][k] < best:
                best, at = cost[-1][k], k
        cost.append(row)
        back.append(arg)
    k = min(range(len(rd)), key=lambda x: cost[-1][x])
    out = [0] * len(rs)
    for j in range(len(rs) - 1, -1, -1):
        out[j] = k
        k = back[j][k]
    return out
