"""Named patterns of the plain-text loader (one place for every regex it uses).

Patterns run on *normalised* line text (see :mod:`jixiao.extract.text_decode`):
full-width ASCII already folded, so "（一）" reads "(一)" and "，" reads ",".
"""

from __future__ import annotations

import regex

# --- converter artefacts -------------------------------------------------------
# DOCX→text converters leave bookmarks in place: "[bookmark: _Toc61505636]"
BOOKMARK = regex.compile(r"\[bookmark:\s*[^\]]*\]")
# zero-width characters and the BOM used as ZWNBSP inside a file
ZERO_WIDTH = regex.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# spaces other than U+0020 that a loader should see as one plain space
ODD_SPACE = regex.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")

# page numbers that pdftotext leaves in headers/footers: "- 3 -", "第 3 页", "第3页 共9页", "3/9"
PAGE_NUMBER = regex.compile(
    r"^\s*(?:[-—–]\s*\d{1,4}\s*[-—–]|第\s*\d{1,4}\s*页(?:\s*[,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})\s*$"
)
# a bare number alone on a line: a page number only at a page's edge and equal to the page
BARE_PAGE_NUMBER = regex.compile(r"^\s*(\d{1,4})\s*$")

# --- cell-line dialect ----------------------------------------------------------
# a cell line: optional spaces, then a TAB
CELL_LINE = regex.compile(r"^[ ]*\t")

# --- tab-separated rows (spreadsheet exports) -------------------------------------
# a TAB between two pieces of content: "一级指标\t二级指标", "\t\t质量指标\t98%"
TSV_LINE = regex.compile(r"\S\t+[^\t\s]")

# --- pipe dialect ---------------------------------------------------------------
PIPE_ROW_START = regex.compile(r"^\s*\|")
PIPE_ROW_END = regex.compile(r"(?<!\\)\|\s*$")
# "|---|:---:|" (also without outer pipes when it has at least one inner pipe)
PIPE_SEPARATOR = regex.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
PIPE_SPLIT = regex.compile(r"(?<!\\)\|")

# --- prose and headings -----------------------------------------------------------
# a line that starts a numbered heading or list item:
# "一、" "(一)" "1." "1、" "(1)" "第一章" "附表1" "附件 1"
HEADING_START = regex.compile(
    r"""^\s*(?:
        第?[一二三四五六七八九十百]+[、.．章节部分]
      | \([一二三四五六七八九十]+\)
      | \(\d{1,2}\)
      | \d{1,2}(?:[、．]|\.(?!\d))
      | 附[表件](?:\s*\d+[.、]?)?
    )(?=\s*[\p{Han}(“"])""",
    regex.VERBOSE,
)
# punctuation that ends a sentence (after folding "！" → "!"); "；" does not: it
# separates the clauses of one sentence
SENTENCE_END = regex.compile(r"[。!?…」』”\"]\s*$")
# a line that stops right after a word or number (no closing punctuation)
WORD_END = regex.compile(r"[\p{Han}\p{L}\d]\s*$")
# punctuation that only prose has inside a token: sentence ends and list commas
# (a digit group comma "3,200,000" is not prose)
PROSE_PUNCT = regex.compile(r"[。;!?、]|,(?!\d{3}(?:\D|$))")
# the same inside a table cell, where an enumeration comma is common
# ("培训、考察等出差次数")
CELL_PROSE_PUNCT = regex.compile(r"[。;!?]|,(?!\d{3}(?:\D|$))")

# --- spaced dialect -----------------------------------------------------------------
HAN = regex.compile(r"\p{Han}")
# a column gap of a laid-out dump: two or more spaces, or a TAB
WIDE_GAP = regex.compile(r"[ ]{2,}|\t+")
# a token that is a number, maybe with a comparator, a percent sign or a row code
NUMBERISH = regex.compile(r"^[<>=≥≤≧≦+\-±]*\d[\d,]*(?:\.\d+)?%?$")
# a row code of the long-form budget table: "(1)", "(5)=(3)-(4)", "(8)=(4)/(3)"
ROW_CODE = regex.compile(r"^\(\d{1,2}\)(?:=\(\d{1,2}\)[-+*/×÷]\(\d{1,2}\))?$")
