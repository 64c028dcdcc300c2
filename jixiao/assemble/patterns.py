"""Named regular expressions of table assembly (one place for all of them)."""

from __future__ import annotations

import regex

# "预算执行情况（10分）", "产出指标(50分)", "绩效指标（90 分）"
SCORE_LABEL = regex.compile(r"^(?P<label>.*?)\s*[（(]\s*(?P<num>\d+(?:\.\d+)?)\s*分\s*[)）]\s*$")

# a year in a form title or a 年度 cell: "（2024年度）", "2024年", "2024"
YEAR = regex.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?!\d)\s*(?:年度|年)?")
YEAR_IN_TITLE = regex.compile(r"[（(]\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*[)）]|(?P<year>(?:19|20)\d{2})\s*年度")

# a project code in front of the project name: "12345678T000000000001-某某补助资金"
PROJECT_CODE = regex.compile(r"^\s*(?P<code>\d{6,}[0-9A-Za-z]{4,})\s*[-－—–_:：]\s*(?P<name>\S.*)$", regex.S)

# a trailing parenthesis in an indicator name: "参训人数（人）", "人均标准（元/年）"
NAME_UNIT = regex.compile(r"[（(](?P<unit>[^（）()]{1,6})[)）]\s*$")

# a bare number (weights, totals): "100", "97.19", "９５"
NUMBER = regex.compile(r"^\s*-?\d+(?:\.\d+)?\s*分?\s*$")

# "label：value" inside one cell
LABEL_VALUE = regex.compile(r"^(?P<label>[^:：]{1,12})[:：]\s*(?P<value>.*)$", regex.S)

# a line break inside a cell (text dumps, DOCX paragraphs)
LINE_BREAK = regex.compile(r"\s*\n\s*")

# a trailing parenthesis (a unit in a header: "年度总金额(万元)")
TRAILING_PAREN = regex.compile(r"\s*[（(][^（）()]*[)）]\s*$")

# a cell starting like a value: optional comparator, then a number ("100%", "≥2 次", "45")
VALUE_START = regex.compile(r"^\s*(?:[≥≤=<>≧≦]=?)?\s*-?\d")

# a line holding only a title's year: "（2021年度）", "2021年度" (folded text)
YEAR_LINE = regex.compile(r"^\(?(?:19|20)\d{2}年度?\)?$")
