"""Web pages (.html/.htm/.shtml, MHTML .mht, and HTML bytes named .doc/.xls) → :class:`RawDocument`.

Parser: **lxml.html** (libxml2's HTML parser).  Chosen over selectolax because it
is already installed (python-docx depends on lxml), it recovers from broken
markup the way browsers do (unclosed ``<td>``/``<tr>``/``<p>``), it exposes the
tree with parents and tails (needed for the CSS-like paths and the block walk),
and it can be told to never touch the network and to never expand entities.
Nothing a page references (images, stylesheets, frames, scripts) is fetched.

The page is walked in document order:

- ``<table>`` → a ``grid`` :class:`RawTable`; ``rowspan``/``colspan`` become
  ``row_span``/``col_span`` (:mod:`.html_table`); ``<br>`` and block elements
  inside a cell are line breaks of the cell text.  A *layout* table (one cell, or
  one whose nested tables hold at least half its text, as many government pages
  wrap their content) is walked as a container; a table nested in a data table's
  cell becomes that cell's text (rows as lines, cells separated by a space).
  ``<caption>`` becomes a paragraph before its table.
- every other block (``<p>``, ``<div>``, ``<h1>`` …, ``<li>``) → paragraphs, one
  per line (``<br>`` splits a paragraph); a paragraph equal to the one right before
  it (a page's title repeated as the content's first line) is kept once.  Whitespace is collapsed as a browser
  does, except a source line break between two Chinese characters, which a
  browser (and a reader) does not see.
- page chrome — ``<nav>``/``<footer>``/``<aside>``, elements whose class/id say
  menu/nav/footer/breadcrumb …, lines such as 发布时间：… 点击量：… 【打印】
  (vocabulary: ``data/web_chrome.toml``) — goes to ``RawDocument.chrome``, never
  to the blocks the assembly reads.  ``<script>``, ``<style>``, hidden elements
  and form controls are dropped.

Provenance: ``table`` (0-based table index), ``row``/``col`` (0-based grid
position), ``paragraph`` (block index), ``text`` (verbatim, whitespace collapsed)
and ``path``, a CSS-like element path (``html>body>div#content>table:nth-of-type(2)
>tbody>tr:nth-of-type(3)>td:nth-child(2)``).  Cell and paragraph ``text`` is the
working text (:func:`jixiao.extract.layout_text.working_text`), as for DOCX.
"""

from __future__ import annotations

import hashlib

import regex
from lxml import etree
from lxml import html as lhtml

from jixiao.errors import UnreadableFile
from jixiao.extract.html_source import decode_page, mht_html
from jixiao.extract.html_table import TableTooLarge, place_cells
from jixiao.extract.layout_text import working_text
from jixiao.extract.raw import RawCell, RawDocument, RawParagraph, RawTable
from jixiao.extract.web_chrome import CHROME
from jixiao.model import Provenance

__all__ = ["bytes_to_raw", "html_to_raw"]

MAX_DEPTH = 180  # deeper elements are read as plain text (no Python recursion past this)
_BLOCK = frozenset({
    "address", "article", "blockquote", "body", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
    "fieldset", "figcaption", "figure", "form", "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "hr", "html", "li",
    "main", "ol", "p", "pre", "section", "summary", "ul", "caption", "tr", "td", "th", "tbody", "thead", "tfoot",
    "title", "legend", "option", "frameset", "noframes",
})
_DROPPED = frozenset(CHROME.dropped)
_CJK = r"[\p{Han}\p{InCJK_Symbols_and_Punctuation}\p{InHalfwidth_and_Fullwidth_Forms}]"
_CJK_BREAK = regex.compile(rf"(?<={_CJK})[ \t\r\f]*\n[ \t\r\n\f]*(?={_CJK})")
_WS = regex.compile(r"[ \t\r\n\f]+")
_HIDDEN = regex.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", regex.I)


def _tag(el: object) -> str:
    t = getattr(el, "tag", None)
    return t.lower() if isinstance(t, str) else ""


def _collapse(s: str, pre: bool) -> str:
    if pre:
        return s.replace("\r\n", "\n").replace("\r", "\n")
    return _WS.sub(" ", _CJK_BREAK.sub("", s))


def _lines(pieces: list[str]) -> list[str]:
    return [ln for ln in (_WS.sub(" ", x).strip() for x in "".join(pieces).split("\n")) if ln]


def _hidden(el: lhtml.HtmlElement) -> bool:
    return el.get("hidden") is not None or bool(_HIDDEN.search(el.get("style") or ""))


class _Paths:
    """CSS-like paths, with each parent's nth-of-type positions counted once."""

    def __init__(self) -> None:
        self._pos: dict[object, dict[object, tuple[int, int]]] = {}
        self._keep: list[object] = []

    def _nth(self, el: lhtml.HtmlElement) -> tuple[int, int]:
        parent = el.getparent()
        if parent is None:
            return 1, 1
        pos = self._pos.get(parent)
        if pos is None:
            counts: dict[str, int] = {}
            pos = {}
            for ch in parent:
                t = _tag(ch)
                if t:
                    counts[t] = counts.get(t, 0) + 1
                    pos[ch] = (counts[t], 0)
            pos = {ch: (k, counts[_tag(ch)]) for ch, (k, _) in pos.items()}
            self._pos[parent] = pos
            self._keep.append(parent)
        return pos.get(el, (1, 1))

    def path(self, el: lhtml.HtmlElement) -> str:
        parts: list[str] = []
        cur: lhtml.HtmlElement | None = el
        while cur is not None and _tag(cur):
            t = _tag(cur)
            ident = cur.get("id")
            if ident and regex.fullmatch(r"[\w-]{1,60}", ident):
                parts.append(f"{t}#{ident}")
            else:
                k, n = self._nth(cur)
                parts.append(f"{t}:nth-of-type({k})" if n > 1 else t)
            cur = cur.getparent()
        return ">".join(reversed(parts))


class _Page:
    def __init__(self, source: str) -> None:
        self.source = source
        self.blocks: list[RawParagraph | RawTable] = []
        self.chrome: list[RawParagraph] = []
        self.n_tables = 0
        self.buf: list[str] = []
        self.owner: list[lhtml.HtmlElement] = []
        self.paths = _Paths()

    # ---------------------------------------------------------------- chrome
    def is_chrome(self, el: lhtml.HtmlElement) -> bool:
        t = _tag(el)
        if t in CHROME.tags:
            return t != "header" or not any(_tag(a) in ("main", "article") for a in el.iterancestors())
        return any(CHROME.is_chrome_attr(el.get(a) or "") for a in ("class", "id", "role"))

    def add_chrome(self, el: lhtml.HtmlElement) -> None:
        path = self.paths.path(el)
        pieces: list[str] = []
        _flat_text(el, 0, pieces, False)
        for ln in _lines(pieces):
            self.chrome.append(RawParagraph(index=len(self.chrome), text=working_text(ln),
                                            prov=Provenance(source=self.source, text=ln, path=path)))

    # ---------------------------------------------------------------- paragraphs
    def flush(self) -> None:
        if not self.buf:
            return
        pieces, self.buf = self.buf, []
        owner = self.owner[-1] if self.owner else None
        path = self.paths.path(owner) if owner is not None else None
        for ln in _lines(pieces):
            text = working_text(ln)
            if not text:
                continue
            if CHROME.is_chrome_line(text):
                self.chrome.append(RawParagraph(index=len(self.chrome), text=text,
                                                prov=Provenance(source=self.source, text=ln, path=path)))
                continue
            last = self.blocks[-1] if self.blocks else None
            if isinstance(last, RawParagraph) and last.text == text:
                continue  # a page title repeated as the first line of the content: said once
            i = len(self.blocks)
            self.blocks.append(RawParagraph(index=i, text=text,
                                            prov=Provenance(source=self.source, paragraph=i, text=ln, path=path)))

    def walk(self, el: lhtml.HtmlElement, depth: int, pre: bool = False) -> None:
        t = _tag(el)
        if not t or t in _DROPPED or _hidden(el):
            return
        if depth > MAX_DEPTH:
            self.buf.append("\n" + _collapse(el.text_content(), pre) + "\n")
            return
        if self.is_chrome(el):
            self.flush()
            self.add_chrome(el)
            return
        if t == "table":
            self.flush()
            self.table(el, depth)
            return
        if t == "br":
            self.buf.append("\n")
            return
        block = t in _BLOCK
        pre = pre or t in ("pre", "textarea", "listing", "plaintext")
        if block:
            self.flush()
            self.owner.append(el)
        self.children(el, depth, pre)
        if block:
            self.flush()
            self.owner.pop()

    def children(self, el: lhtml.HtmlElement, depth: int, pre: bool) -> None:
        if el.text:
            self.buf.append(_collapse(el.text, pre))
        for ch in el:
            self.walk(ch, depth + 1, pre)
            if ch.tail:
                self.buf.append(_collapse(ch.tail, pre))

    # ---------------------------------------------------------------- tables
    def table(self, el: lhtml.HtmlElement, depth: int) -> None:
        try:
            placed, n_rows, n_cols = place_cells(el)
        except TableTooLarge as e:
            raise UnreadableFile(self.source, f"网页{e}") from e
        if not placed:
            return
        if _is_layout(el, n_rows, n_cols):
            for p in placed:
                if _hidden(p.el):
                    continue
                if self.is_chrome(p.el):
                    self.add_chrome(p.el)
                    continue
                self.owner.append(p.el)
                self.children(p.el, depth + 1, False)
                self.flush()
                self.owner.pop()
            return
        index = self.n_tables
        tpath = self.paths.path(el)
        cap = next((c for c in el if _tag(c) == "caption"), None)
        if cap is not None:
            self.owner.append(cap)
            self.children(cap, depth + 1, False)
            self.flush()
            self.owner.pop()
        cells = []
        for p in placed:
            pieces: list[str] = []
            _flat_text(p.el, depth + 1, pieces, False, top=True)
            verbatim = "\n".join(_lines(pieces))
            sec = f"{p.section}>" if p.section else ""
            path = f"{tpath}>{sec}tr:nth-of-type({p.tr_index})>{_tag(p.el)}:nth-child({p.cell_index})"
            cells.append(RawCell(row=p.row, col=p.col, row_span=p.row_span, col_span=p.col_span,
                                 text=working_text(verbatim),
                                 prov=Provenance(source=self.source, table=index, row=p.row, col=p.col,
                                                 text=verbatim, path=path)))
        self.blocks.append(RawTable(index=len(self.blocks), table=index, dialect="grid", n_rows=n_rows,
                                    n_cols=n_cols, cells=cells,
                                    prov=Provenance(source=self.source, table=index, path=tpath)))
        self.n_tables += 1


def _nested_tables(el: lhtml.HtmlElement) -> list[lhtml.HtmlElement]:
    """Tables inside ``el`` whose nearest table ancestor is ``el``."""
    out = []
    for t in el.iterdescendants("table"):
        anc = next(t.iterancestors("table"), None)
        if anc is el:
            out.append(t)
    return out


def _text_len(el: lhtml.HtmlElement) -> int:
    return len(_WS.sub("", el.text_content()))


def _is_layout(el: lhtml.HtmlElement, n_rows: int, n_cols: int) -> bool:
    if n_rows * n_cols == 1:
        return True
    nested = _nested_tables(el)
    if not nested:
        return False
    return 2 * sum(_text_len(t) for t in nested) >= _text_len(el)


def _flat_text(el: lhtml.HtmlElement, depth: int, out: list[str], pre: bool, top: bool = False) -> None:
    """The text of ``el`` with line breaks for ``<br>``, blocks and nested table rows."""
    t = _tag(el)
    if not t or t in _DROPPED or _hidden(el):
        return
    if depth > MAX_DEPTH:
        out.append("\n" + _collapse(el.text_content(), pre) + "\n")
        return
    if t == "br":
        out.append("\n")
        return
    if t == "table" and not top:
        try:
            placed, _, _ = place_cells(el)
        except TableTooLarge:
            out.append("\n" + _collapse(el.text_content(), pre) + "\n")
            return
        row = -1
        for p in placed:
            out.append("\n" if p.row != row else " ")
            row = p.row
            _flat_text(p.el, depth + 1, out, pre, top=True)
        out.append("\n")
        return
    pre = pre or t in ("pre", "textarea", "listing", "plaintext")
    block = t in _BLOCK and not top
    if block:
        out.append("\n")
    if el.text:
        out.append(_collapse(el.text, pre))
    for ch in el:
        _flat_text(ch, depth + 1, out, pre)
        if ch.tail:
            out.append(_collapse(ch.tail, pre))
    if block:
        out.append("\n")


def _parse(text: str, source: str) -> lhtml.HtmlElement:
    parser = lhtml.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=False,
                              default_doctype=False)
    try:
        root = lhtml.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise UnreadableFile(source, f"网页无法解析：{e}") from e
    return root


def html_to_raw(text: str, source: str, sha256: str = "", fmt: str = "html") -> RawDocument:
    """Read an HTML page given as text (see module docstring)."""
    root = _parse(text, source) if text.strip() else None
    page = _Page(source)
    if root is not None:
        page.walk(root, 0)
        page.flush()
    return RawDocument(source=source, format=fmt, sha256=sha256, blocks=page.blocks, chrome=page.chrome)


def bytes_to_raw(data: bytes, source: str, fmt: str = "html") -> RawDocument:
    """Read a web page (``fmt`` "html") or an MHTML archive (``fmt`` "mht")."""
    sha = hashlib.sha256(data).hexdigest()
    declared = None
    body = data
    if fmt == "mht":
        body, declared = mht_html(data, source)
    page = decode_page(body, source, declared)
    raw = html_to_raw(page.html, source, sha, fmt)
    if page.replaced:
        return raw.model_copy(update={"warnings": [f"网页编码（{page.encoding}）有 {page.replaced} 个无法解码的字符"]})
    return raw
