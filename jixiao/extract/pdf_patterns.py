"""Named patterns of the PDF loader (every regex it uses, in one place)."""

from __future__ import annotations

import regex

# --- characters -----------------------------------------------------------------
# ideographs, kana, CJK and full-width punctuation: no spaces between them
CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019]")
# an ideograph (a line may break between two of them)
HAN = regex.compile(r"\p{Han}")
# a character of a Latin word (a line wrapped between two of them was wrapped at a space)
LATIN_LETTER = regex.compile(r"[A-Za-z]")
# punctuation that may not start a line (kinsoku): stays with the character before it
NO_LINE_START = regex.compile(r"[)\]}）】」』〉》〕，。、；：！？%％,.;:!?·”’…—\-]")

# --- page furniture -----------------------------------------------------------------
# page numbers: "3", "- 3 -", "— 3 —", "第3页", "第 3 页 共 10 页", "3/10", "Page 3 of 10"
PAGE_NUMBER = regex.compile(
    r"""^\s*(?:
        [-—–‒]*\s*\d{1,4}\s*[-—–‒]*
      | 第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?
      | 共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页
      | \d{1,4}\s*/\s*\d{1,4}
      | (?i:page)\s*\d{1,4}(?:\s*(?i:of)\s*\d{1,4})?
    )\s*$""",
    regex.VERBOSE,
)
# digits, to compare running headers/footers that differ only by a number
DIGITS = regex.compile(r"\d+")
# "续表", "续表1", "(续表)", "续上表", "表1(续)" written above a continued table
CONTINUED_TABLE = regex.compile(r"^\s*[(（]?\s*(?:续\s*上?\s*表\s*\d*|表\s*\d+\s*[(（]\s*续\s*[)）])\s*[)）]?\s*[:：]?\s*$")
