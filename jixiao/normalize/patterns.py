"""Named regular expressions of value normalisation (one place for all of them).

All patterns run on *folded* text (NFKC, see :func:`jixiao.normalize.vocab.fold`), so
full-width digits, ``％`` and ``＝`` arrive as ASCII.  Comparator words, units and
qualitative words are data (``data/*.toml``), not regexes.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex


def words_pattern(words: Iterable[str], suffix: str = "") -> regex.Pattern[str]:
    """One alternation of literal ``words`` in the order given (put the longest first: the first
    that matches wins); ``suffix`` is appended ("$" to match at the end).  No words: never matches."""
    alts = [regex.escape(w) for w in words if w]
    return regex.compile(("(?:" + "|".join(alts) + ")" if alts else "(?!)") + suffix)


# A plain decimal number: optional sign, digits with optional thousands groups, decimals.
# "1,234.5"  "3200000"  "-5"  ".5" is not accepted (never seen; too easily a stray dot).
# ASCII digits only: folding makes full-width digits ASCII, and other scripts' digits (which
# Decimal may not read) are not numbers of a Chinese report.
NUMBER = regex.compile(
    r"""
    (?P<sign>[-+])?
    (?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)
    (?:\.(?P<frac>[0-9]+))?
    """,
    regex.VERBOSE,
)
NUMBER_FULL = regex.compile(rf"^\s*{NUMBER.pattern}\s*$", regex.VERBOSE)

# Chinese numerals: "两", "十二", "三千", "一百零五", "二〇二一", "三点五".
CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千万亿"
CN_NUMBER = regex.compile(rf"[{CN_DIGITS}{CN_UNITS}]+(?:点[{CN_DIGITS}]+)?")

# "百分之九十", "百分之95" — a percentage spelled in words.
PERCENT_WORDS = regex.compile(r"^百分之")

# A token that may be an unknown unit: 1-3 Han characters or a short Latin unit, optionally
# "per" something ("辆次", "kWh", "人/次").  Longer words are prose, not units.
UNIT_TOKEN = regex.compile(r"^(?:\p{Han}{1,3}|[A-Za-z]{1,5})(?:/(?:\p{Han}{1,3}|[A-Za-z]{1,5}))?$")

# Text in brackets around a unit hint: "（人）" "(元/年)" "单位：万元".
HINT_WRAPPER = regex.compile(r"^(?:(?:计量|度量)?单位[:：])?(?:[(（](?P<unit>[^()（）]*)[)）]|(?P<unit>[^()（）]*))$")

# A calendar year written as a 4-digit number.
YEAR_VALUE = regex.compile(r"^(?:19|20)\d\d$")
# A text ending in a calendar year ("2024年", "2024年度"): what follows is a date, not a duration.
YEAR_AT_END = regex.compile(r"(?:19|20)[0-9]{2}年度?$")

# Placeholders meaning "no value": "", "/", "—", "-", "——", "…", "无", "N/A".
EMPTY = regex.compile(r"^(?:[/\\\-—–―_…·.、*×xX]+|无|暂无|n/?a|N/?A|null|None)?$")

# Unicode minus and dash look-alikes that mean "-" before a digit.
MINUS_LIKE = regex.compile(r"[−‐‑﹣－]")

# Whitespace of any kind (incl. ideographic space U+3000).
SPACES = regex.compile(r"\s+")

# A value wholly in brackets: "(50分)" "（≥90%）".
BRACKETED = regex.compile(r"^\((?P<inner>[^()]+)\)$")

# A bracketed note after a unit: "95%(抽样)" → unit "%", note dropped.
UNIT_NOTE = regex.compile(r"^(?P<unit>[^()]+?)\((?P<note>[^()]*)\)$")

# A note after a value that does not change it: "(含)" "(含本数)" "(含95%)".
TRAILING_NOTE = regex.compile(r"\((?:含|含本数|含本级)[^()]{0,12}\)$")

# A currency sign in front of a number: "¥1,234.00" (folded "￥" is "¥").
CURRENCY = regex.compile(r"^[¥$]")

# A range "90%-95%", "90～95%", "90至95": unit of the low end (may be empty), a separator, then the high end.
RANGE_TAIL = regex.compile(r"^(?P<unit1>[^\d]*?)(?:-|~|—|–|至|到)(?=[-+]?\d|[零〇一二两三四五六七八九十])")

# A list number in front of a phrase's subject: "(2)召开…", "2.质量指标:…", "一、", "(三)".
LIST_NUMBER = regex.compile(r"^(?:\([0-9一二三四五六七八九十]{1,3}\)|[0-9]{1,2}[.、](?![0-9])|[一二三四五六七八九十]{1,3}、)")
