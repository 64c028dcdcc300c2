"""Dialect "layout": ``pdftotext -layout`` dumps of ruled forms → finished grids.

``pdftotext -layout`` keeps a table's columns by character position and wraps a
cell's text over several lines, so one table row is a *band* of lines.  Here:

1. :func:`find_regions` — a run of non-blank lines is a laid-out table when enough of
   its lines (:data:`LAID_SHARE`) hold two or more pieces set apart by wide gaps and
   their word starts line up in three or more columns (:mod:`.text_layout_columns`);
   title lines above it (one piece) stay prose.  A table padded in display width (an
   editor's, not pdftotext's) whose rows are one line each is left to the spaced
   dialect (:mod:`.text_spaced`), which re-aligns it against its header.  Two tables
   with only a page break between them (blank lines, a running header) are one, its
   columns found page by page and mapped onto the first page's (:func:`lines_to_grid`).
2. Every line is cut into column pieces.  A line *continues* the row band above when
   each of its pieces (the first column aside) could be the wrapped end of the piece
   right above it: the same column, and the piece above full — its width plus the
   first unbreakable unit of the new piece would not fit the column (the widest piece
   the column holds in the lines above, less one wide character) — or the new piece
   one letter under a word (a label's last character).  Any other line starts a new row,
   and so does a line with numbers in two columns or more under words (the first data
   row under a heading of one line).
3. Within a band, a column's pieces are joined (no space between CJK characters, one
   between Latin words, :func:`jixiao.extract.text_lines.join_text`); the single space
   pdftotext writes between Chinese and Latin text is dropped (:func:`drop_autospace`).
   On a line that starts a new row, a one-letter piece under a label-like word ("产出指" / "标"), left
   of the new row's cells, still finishes the cell above (a merged label wrapped into
   the next row's first line).
4. The first column holds the vertical block labels written one character (or two) per
   line (项/目/基/本/情/况, 预/算/执/行/情/况/(/10/分/)): its short pieces (two wide
   characters at most) on consecutive lines are one label cell in the row where it
   starts, as the DOCX merged cell, until a line leaves the column empty, a longer
   piece comes ("项目名称", "合计") or the label closed with a bracket ("…(20分)"); a
   label running into rows of another shape (the next block: no column in common, or a
   heading twice as wide) is
   split there (:func:`.text_layout_grid.split_labels`).
5. A cell whose text runs past the left edge of the next column spans it (proved by the
   text); in a row of a few label and text cells (no number, :func:`.text_layout_grid.rows_to_table`) each
   cell spans to the next one (the last as far as the text under it), as the form's
   merged cells; every row gets an (empty)
   cell at each column nothing covers.

Provenance: ``line_start``/``line_end`` of the cell's own lines (a label running over
several bands keeps all of them), ``prov.text`` the verbatim pieces, one per line.
Content only: no form vocabulary.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from jixiao.extract.layout_text import working_text
from jixiao.extract.raw import RawTable
from jixiao.extract.text_layout_columns import (
    JITTER,
    Metric,
    Piece,
    Word,
    char_count,
    find_columns,
    last_column,
    map_columns,
    pieces_of,
    position_metric,
    word_widths,
    words_of,
)
from jixiao.extract.text_layout_grid import STACKED, BandCell, rows_to_table
from jixiao.extract.text_lines import Line, display_width, join_text
from jixiao.extract.text_patterns import NUMBERISH, ODD_SPACE, ZERO_WIDTH

MIN_LINES = 4  # lines of a laid-out table
MAX_GROUP = 40  # lines of one row band of a spaced table (rows a blank line or two apart)
MAX_GAP = 2  # blank lines between two rows of a spaced table
MIN_GROUPS = 3  # row bands of a spaced table
MIN_LAID = 3  # lines with two or more pieces set apart by a wide gap
MIN_COLUMNS = 3
LAID_SHARE = 0.3  # of the lines: a wrapped column (原因 over 30 lines) holds one piece a line
WINDOW = 3  # half the lines above whose pieces give a column's width
SLACK = 2  # one wide character: a wrapped line may end short of the column's edge
CLOSING = ")）]】》」』"
NO_BREAK_BEFORE = CLOSING + ",，.。、;；:：!！?？%％"
OPENING = "(（[【《「『“‘"


def _positioned(line: Line, metric: Metric) -> str:
    """The verbatim line as laid out: zero-width characters out, odd spaces plain (an
    ideographic space is two columns in display width)."""
    t = ZERO_WIDTH.sub("", line.raw.replace("\t", "    ").replace("\f", "")).rstrip()
    if metric is not char_count:
        t = t.replace("\u3000", "  ")
    return ODD_SPACE.sub(" ", t)


def _laid(words: list[Word]) -> bool:
    return len(words) >= 2 and any(w.strong for w in words[1:])


def find_regions(lines: list[Line]) -> list[tuple[int, int]]:
    """Index ranges ``[a, b)`` of ``lines`` that are laid-out tables: a run of non-blank lines,
    or a chain of short runs a blank line or two apart whose lines together are one
    (:func:`_spaced_chain`: a form whose rows the renderer set apart by its cell padding)."""
    out: list[tuple[int, int]] = []
    heads = _running_heads(lines)
    runs = _runs(lines)
    k = 0
    while k < len(runs):
        i, j = runs[k]
        chain = _spaced_chain(lines, runs, k)
        if chain is not None:
            last, first = chain
            j = runs[last][1]
            span: tuple[int, int] | None = (first, j - i)
            k = last
        else:
            span = _table_span(lines[i:j])
        if span is not None:
            a, b = i + span[0], i + span[1]
            if out and _page_gap(lines, out[-1][1], a, heads):
                a = out.pop()[0]  # the table goes on over a page break
            out.append((a, b))
        k += 1
    return out


def _runs(lines: list[Line]) -> list[tuple[int, int]]:
    """``[i, j)`` of every run of non-blank lines, a run cut where a new page starts."""
    out: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i].is_blank:
            i += 1
            continue
        j = i + 1
        while j < n and not lines[j].is_blank and lines[j].page == lines[i].page:
            j += 1
        out.append((i, j))
        i = j
    return out


def _spaced_chain(lines: list[Line], runs: list[tuple[int, int]], k: int) -> tuple[int, int] | None:
    """The last run of a *spaced* table starting in run ``k``, and the table's first line
    (from the run's start: title lines above it stay prose): runs of at most :data:`MAX_GROUP`
    lines, at most :data:`MAX_GAP` blank lines apart on one page, :data:`MIN_GROUPS` or more,
    the first and the last laid out, that together (blank lines left out) are a laid-out table
    starting in the first run.  A run that is a table on its own is not chained (the ordinary
    dialect reads it)."""
    def fits(r: tuple[int, int]) -> bool:
        return r[1] - r[0] <= MAX_GROUP and _laid_run(lines[r[0]:r[1]])

    if not fits(runs[k]):
        return None
    last = k
    left = min(_indent(ln) for ln in lines[runs[k][0]:runs[k][1]])
    while last + 1 < len(runs):
        a, b = runs[last], runs[last + 1]
        if b[0] - a[1] > MAX_GAP or lines[b[0]].page != lines[a[0]].page or b[1] - b[0] > MAX_GROUP:
            break
        if any(_title_like(ln, left) for ln in lines[b[0]:b[1]]):
            break  # the next form's title (under the signatures of this one)
        last += 1
    while last > k and not fits(runs[last]):
        last -= 1  # prose after the table
    if last - k + 1 < MIN_GROUPS:
        return None
    body = [ln for r in runs[k:last + 1] for ln in lines[r[0]:r[1]]]
    span = _table_span(body)
    first_run = runs[k][1] - runs[k][0]
    return (last, span[0]) if span is not None and span[0] < first_run else None


def _indent(ln: Line) -> int:
    return len(ln.raw) - len(ln.raw.lstrip(" "))


def _title_like(ln: Line, left: int) -> bool:
    """A line of one piece at the table's left edge, longer than a stacked label's piece (a
    title, "项目支出绩效自评表"), in a run of a spaced table: no row of the table starts so."""
    metric = position_metric([ln.raw])
    words = words_of(_positioned(ln, metric), metric)
    return bool(words) and not _laid(words) and _indent(ln) <= left + JITTER \
        and display_width(ln.text.strip()) > 2 * STACKED


def _laid_run(run: list[Line]) -> bool:
    """Some line of the run holds two pieces or more set apart by a wide gap."""
    metric = position_metric([ln.raw for ln in run])
    return any(_laid(words_of(_positioned(ln, metric), metric)) for ln in run)


def _running_heads(lines: list[Line]) -> set[str]:
    """Texts written first on three pages or more: a running header."""
    first: dict[int, str] = {}
    for ln in lines:
        if ln.page is not None and not ln.is_blank and ln.page not in first:
            first[ln.page] = ln.text.strip()
    counts = Counter(first.values())
    return {t for t, c in counts.items() if c >= 3}


def _page_gap(lines: list[Line], b: int, a: int, heads: set[str]) -> bool:
    """Only a page break between two tables (blank lines, the page number, a running
    header): one table cut by it."""
    if lines[a].page is None or lines[a].page == lines[b - 1].page:
        return False
    return all(ln.is_blank or ln.text.strip() in heads for ln in lines[b:a])


def _table_span(run: list[Line]) -> tuple[int, int] | None:
    if len(run) < MIN_LINES:
        return None
    metric = position_metric([ln.raw for ln in run])
    words = [words_of(_positioned(ln, metric), metric) for ln in run]
    laid = [k for k, w in enumerate(words) if _laid(w)]
    if len(laid) < MIN_LAID or len(laid) < LAID_SHARE * len(run):
        return None
    cols = find_columns(words)
    if len(cols) < MIN_COLUMNS:
        return None
    # columns right of the first, each the start of pieces on three lines or more
    used = [0] * len(cols)
    for w in words:
        for p in pieces_of(w, cols):
            used[p.col] += 1
    if sum(1 for u in used[1:] if u >= 3) < MIN_COLUMNS - 1:
        return None
    a = laid[0]  # title lines above the first laid-out line are prose
    if metric is not char_count and not _wraps(run[a:]):
        return None  # one line a row, padded in display width: the spaced dialect's (realigned)
    return a, len(run)


def _wraps(run: list[Line]) -> bool:
    """Some row of the region runs over two lines or more (a wrapped cell)."""
    t = lines_to_grid(run)
    return any(c.prov.line_end != c.prov.line_start for c in t.cells if c.text)


def _unit_width(text: str) -> int:
    """Width of the first piece of ``text`` a line break cannot split."""
    if not text:
        return 0
    if text[0].isascii() and not text[0].isspace():
        k = 0
        while k < len(text) and text[k].isascii() and not text[k].isspace():
            k += 1
        return display_width(text[:k])
    k = 2 if text[0] in OPENING and len(text) > 1 else 1
    while k < len(text) and text[k] in NO_BREAK_BEFORE:
        k += 1
    return display_width(text[:k])


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def drop_autospace(text: str) -> str:
    """The space pdftotext writes between Chinese and Latin text out ("186 公里" →
    "186公里", "截止 24 年底" → "截止24年底"): the gap the PDF writer left there (its
    "autospace"), no space of the source; the PDF loader drops it the same way."""
    out = []
    for i, ch in enumerate(text):
        if ch == " " and 0 < i < len(text) - 1 and text[i - 1] != " " and text[i + 1] != " " \
                and (_wide(text[i - 1]) or _wide(text[i + 1])):
            continue
        out.append(ch)
    return "".join(out)


def _one_letter(text: str) -> bool:
    """One wide letter ("标", "率", "分)"): the end of a label wrapped into the next row."""
    t = text.strip().rstrip(CLOSING)
    return len(t) == 1 and display_width(t) == 2 and unicodedata.category(t)[0] == "L"


def _all_letters(text: str) -> bool:
    """A label's text: letters, digits and brackets ("产出指", "效益指标(30"), no space
    or punctuation of a sentence."""
    t = text.strip()
    return bool(t) and unicodedata.category(t[0])[0] == "L" and all(
        unicodedata.category(ch)[0] in "LN" or ch in OPENING + CLOSING for ch in t)


def _ends_letter(text: str) -> bool:
    return unicodedata.category(text.rstrip()[-1:] or " ")[0] == "L"


class _Grid:
    """Row bands of one region."""

    def __init__(self, cols: list[int], pieces: list[list[Piece]]) -> None:
        self.cols = cols
        self.pieces = pieces  # every line's pieces, in order (blank lines: none)
        self.at = 0  # index of the line being read
        self.caps: dict[tuple[int, int], int] = {}
        self.rows: list[dict[int, BandCell]] = []
        self.above: dict[int, tuple[Piece, BandCell]] = {}  # the previous line's pieces by column
        self.guessed: dict[int, list[str]] = {}  # row → texts of its pieces placed by a guess (Piece.guessed)

    def cap(self, key: tuple[int, int]) -> int:
        """The widest piece of column ``key`` (first, last column) in the line read and the
        few above it: the column's width in this part of the form (another block, or the
        signatures under the form, may use it wider)."""
        if key not in self.caps:
            lo, hi = max(0, self.at - 2 * WINDOW), min(len(self.pieces), self.at + 1)
            self.caps[key] = max((display_width(p.text) for ps in self.pieces[lo:hi] for p in ps
                                  if (p.col, last_column(p, self.cols)) == key), default=0)
        return self.caps[key]

    def full(self, prev: Piece, piece: Piece) -> bool:
        """``piece`` can be the wrapped end of ``prev`` (the line above, same column)."""
        cap = self.cap((prev.col, last_column(prev, self.cols)))
        if display_width(piece.text) > cap + SLACK:  # wider than the column: not its wrapped end
            return False
        if NUMBERISH.match(prev.text.strip()) and NUMBERISH.match(piece.text.split()[0]):
            return False  # a number under a number: two values
        sep = 1 if prev.text[-1:].isascii() and piece.text[:1].isascii() else 0
        return display_width(prev.text) + sep + _unit_width(piece.text) > cap - SLACK

    def spans(self, piece: Piece) -> bool:
        return last_column(piece, self.cols) > piece.col

    def wraps(self, pp: Piece, p: Piece) -> bool:
        return self.full(pp, p) or _one_letter(p.text) and _ends_letter(pp.text)

    def stacked(self, pp: Piece, p: Piece) -> bool:
        """Both pieces short, in the first column: lines of a stacked block label."""
        return p.col == 0 and max(display_width(p.text), display_width(pp.text)) <= STACKED

    def continues(self, pieces: list[Piece]) -> bool:
        if not self.rows:
            return False
        numbers_under_words = 0
        for p in pieces:
            prev = self.above.get(p.col)
            if prev is None:
                return False
            if self.stacked(prev[0], p):  # a line of the stacked label goes on it
                continue
            if not self.wraps(prev[0], p):
                return False
            if p.text[:1].isdigit() and not any(ch.isdigit() for ch in prev[0].text):
                numbers_under_words += 1
        return numbers_under_words < 2  # values under a one-line heading start its first row

    def chains(self, p: Piece, cont: bool, leading: bool = True) -> BandCell | None:
        """The cell above that ``p`` goes on, if any (``leading``: no cell of a new row
        begun left of ``p`` on this line)."""
        prev = self.above.get(p.col)
        if prev is None:
            return None
        pp, cell = prev
        if self.stacked(pp, p):
            return None if not cont and pp.text.rstrip()[-1:] in CLOSING else cell
        if cont:
            return cell if self.wraps(pp, p) else None
        return cell if leading and p.col > 0 and _one_letter(p.text) and _all_letters(join_text(cell.texts)) \
            else None

    def add_line(self, line: Line, pieces: list[Piece], texts: list[str]) -> None:
        self.caps = {}
        cont = self.continues(pieces)
        if not cont:
            self.rows.append({})
        row = self.rows[-1]
        above: dict[int, tuple[Piece, BandCell]] = {}
        leading = True  # no cell of the new row begun yet on this line (the label column aside)
        for p, raw in zip(pieces, texts):
            cell = self.chains(p, cont, leading)
            if cell is None and p.col > 0:
                leading = False
            if cell is None:
                cell = row.get(p.col)
                if cell is None:
                    cell = row[p.col] = BandCell(p.col, p.col)
            cell.add(p, drop_autospace(working_text(raw)), raw, line.no, len(self.rows) - 1, self.cols)
            if p.guessed:
                self.guessed.setdefault(len(self.rows) - 1, []).append(p.text)
            above[p.col] = (p, cell)
        self.above = above

    def blank(self) -> None:
        self.above = {}


def _raw_piece(text: str, p: Piece, metric: Metric) -> str:
    if metric is char_count:
        return text[p.start:p.end]
    return p.text


def lines_to_grid(lines: list[Line], source: str = "", table_no: int = 0,
                  notes: list[str] | None = None) -> RawTable:
    """One laid-out region → a finished grid (dialect ``cells``, horizontal spans where
    the text proves them).  A region running over a page break has its columns found
    page by page (pdftotext places them anew on each page), a later page's mapped onto
    the first's (:func:`.text_layout_columns.map_columns`); the running header between
    them is left out.  ``notes`` receives one line per row holding a cell placed by a guess
    (:attr:`.text_layout_columns.Piece.guessed`), table and row numbered from 1: the rules treat
    that row's values as extraction doubt (:func:`guessed_row_note`)."""
    skip = _page_headers(lines)
    body = [ln for ln in lines if not ln.is_blank and ln.no not in skip]
    metric = position_metric([ln.raw for ln in body])
    texts = {ln.no: _positioned(ln, metric) for ln in body}
    words = {ln.no: words_of(texts[ln.no], metric) for ln in body}
    pages = sorted({ln.page or 0 for ln in body})
    chunks = [[ln.no for ln in body if (ln.page or 0) == pg] for pg in pages]
    cols = find_columns([words[no] for no in chunks[0]]) if chunks else []
    pieces: dict[int, list[Piece]] = {}
    raws: dict[int, list[str]] = {}
    for k, chunk in enumerate(chunks):
        own = cols if k == 0 else find_columns([words[no] for no in chunk])
        widths = word_widths([pieces_of(words[no], own) for no in chunk], own)
        cut = {no: pieces_of(words[no], own, widths) for no in chunk}
        raws.update({no: [_raw_piece(texts[no], p, metric) for p in ps] for no, ps in cut.items()})
        if k > 0:
            onto = map_columns(own, cols)
            cut = {no: [Piece(onto[p.col], cols[onto[p.col]] + p.start - own[p.col],
                              cols[onto[p.col]] + p.end - own[p.col], p.text, p.guessed) for p in ps]
                   for no, ps in cut.items()}
        pieces.update(cut)
    g = _Grid(cols, [pieces.get(ln.no, []) for ln in lines])
    page = body[0].page if body else None
    for k, ln in enumerate(lines):
        g.at = k
        if ln.is_blank or ln.no in skip:
            continue
        if ln.page == page and k > 0 and (lines[k - 1].is_blank or lines[k - 1].no in skip):
            g.blank()  # a blank line inside one page ends the rows above
        page = ln.page
        g.add_line(ln, pieces[ln.no], raws[ln.no])
    if notes is not None:
        notes.extend(guessed_row_note(table_no, r, texts) for r, texts in sorted(g.guessed.items()))
    return rows_to_table(g.rows, len(cols), source, table_no, [ln for ln in lines if ln.no not in skip])


def guessed_row_note(table_no: int, row: int, texts: list[str]) -> str:
    """The loader's note on a row with cells placed by a guess (0-based ``table_no``/``row``;
    the note numbers them from 1, the form ``rules.patterns.REPAIRED_ROW_NOTE`` reads)."""
    shown = "、".join(f"“{t}”" for t in texts)
    return f"表{table_no + 1}：第{row + 1}行按位置推断列：{shown}与前文只隔一个空格，可能错列"


def _page_headers(lines: list[Line]) -> set[int]:
    """Line numbers of the running headers in a region cut by a page break: a line alone
    between blank lines (one word), right where a new page starts."""
    out: set[int] = set()
    for k, ln in enumerate(lines):
        if ln.is_blank or k == 0 or k + 1 >= len(lines):
            continue
        prev = next((x for x in reversed(lines[:k]) if not x.is_blank), None)
        if prev is not None and prev.page != ln.page and lines[k - 1].is_blank and lines[k + 1].is_blank \
                and len(ln.text.split()) == 1:
            out.add(ln.no)
    return out
