"""Deadlines and days as forms write them → (comparator, ISO date).

``read_date("12月31日前")``              → ≤ "--12-31"   (no year known)
``read_date("12月31日前", 2024)``        → ≤ "2024-12-31" (the report year as a hint)
``read_date("2024年6月底前")``           → ≤ "2024-06-30"
``read_date("在12月31日前完成", 2024)``  → ≤ "2024-12-31"
``read_date("年内", 2023)``              → ≤ "2023-12-31"
``read_date("三季度末前")``              → ≤ "--09-30"
``read_date("2024年6月")``               → None comparator, "2024-06" (a month)
``read_date("按时")``                    → ≤, no day ("on time")
``read_date("≤2024年12月31日")``          → ≤ "2024-12-31" (a comparator in front)

A year written in the text wins over the hint.  A month without a year or a day ("6月") is a
duration for the value grammar, not a date: only a day, a month part (底/末/初/旬), a deadline
word (前/后) or a year makes it one.  The words are data (``data/phrases.toml`` [dates]).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import regex

from jixiao.model import Comparator
from jixiao.normalize import patterns as P
from jixiao.normalize.comparators import split_prefix
from jixiao.normalize.numbers import cn_to_decimal
from jixiao.normalize.vocab import PHRASES, fold, longest_first

_D = PHRASES.dates


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(regex.escape(w) for w in longest_first(words))


_BEFORE = longest_first(_D.before)
_AFTER = longest_first(PHRASES.phrase.after)
_LE = longest_first(_D.le)
_GE = longest_first(_D.ge)
_WITHIN = longest_first(_D.within)
_ON_TIME = {fold(w) for w in _D.on_time}
_DEKAD = {fold(k): v for k, v in _D.dekad.items()}
_MONTH_END = {fold(w) for w in _D.month_end}
_MONTH_START = {fold(w) for w in _D.month_start}
_YEAR_END = longest_first(_D.year_end)
_YEAR_SCOPE = longest_first(_D.year_scope)

_CN = "零〇一二两三四五六七八九十"
_YEAR = rf"(?P<year>(?:19|20)[0-9]{{2}}|[{_CN}]{{4}})年"
_PART = _alt([*_D.month_end, *_D.month_start, *_D.dekad])
_DAY_MARK = _alt(_D.day)
# "2024年6月30日" "6月底" "十二月三十一日" "2024年6月"
_CHINESE = regex.compile(
    rf"^(?:{_YEAR})?(?P<month>[0-9]{{1,2}}|[{_CN}]{{1,3}})月(?:(?P<day>[0-9]{{1,2}}|[{_CN}]{{1,3}})(?:{_DAY_MARK})|(?P<part>{_PART}))?$"
)
# "2024-06-30" "2024/6/30" "2024.06.30": a year and a day (a year and a month alone is a range, 2024-12)
_NUMERIC = regex.compile(r"^(?P<year>(?:19|20)[0-9]{2})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})$")
_YEAR_ONLY = regex.compile(rf"^(?:{_YEAR})?$")
_DATE_LIKE = regex.compile(r"[年月]|[0-9]{4}[-/.][0-9]|" + P.words_pattern([*_D.quarter, *_D.year_end]).pattern)
# "三季度末" "2024年第四季度末" "第1季度底": the last day of the quarter
_QUARTER = regex.compile(
    rf"^(?:{_YEAR})?第?(?P<quarter>[1-4一二三四])(?:{_alt(_D.quarter)})(?:{_alt(_D.month_end)})$"
) if _D.quarter and _D.month_end else None


@dataclass(frozen=True)
class DateValue:
    comparator: Comparator | None
    iso: str | None  # "2024-06-30", "2024-06", "--12-31", "--06"; None for "按时"
    label: str | None = None  # the on-time word's canonical label


def _strip_start(text: str, words: list[str]) -> str:
    for w in words:
        if text.startswith(w) and len(text) > len(w):
            return text[len(w):]
    return text


def _strip_end(text: str, words: list[str]) -> tuple[str | None, str]:
    for w in words:
        if text.endswith(w) and len(text) > len(w):
            return w, text[: len(text) - len(w)]
    return None, text


def _int(text: str | None) -> int | None:
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    d = cn_to_decimal(text)
    return int(d) if d is not None and d == d.to_integral_value() else None


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    """ISO text of a (possibly partial) date; None when the day does not exist."""
    if not 1 <= month <= 12:
        return None
    if day is not None:
        try:
            dt.date(year or 2000, month, day)  # 2000 is a leap year: --02-29 is a day
        except ValueError:
            return None
        return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    return f"{year:04d}-{month:02d}" if year else f"--{month:02d}"


def _month_end(year: int | None, month: int) -> int:
    return calendar.monthrange(year or 2001, month)[1]  # 2001: 2月底 is the 28th without a year


def _core(text: str, year_hint: int | None, has_cmp: bool) -> str | None:
    """The date of ``text`` (no deadline word left) as ISO, or None."""
    m = _NUMERIC.match(text)
    if m:
        return _iso(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    for w in _YEAR_END:  # "年底" "2024年年底" "2024年底"
        head = text[: len(text) - len(w)] if text.endswith(w) else None
        if head is not None:
            ym = _YEAR_ONLY.match(head) or _YEAR_ONLY.match(head + "年")
            if ym:
                year = _int(ym.group("year") or "") or year_hint
                return _iso(year, 12, 31)
    qm = _QUARTER.match(text) if _QUARTER is not None else None
    if qm:
        q_year = _int(qm.group("year")) or year_hint
        q_month = 3 * (_int(qm.group("quarter")) or 0)
        return _iso(q_year, q_month, _month_end(q_year, q_month))
    m = _CHINESE.match(text)
    if not m:
        return None
    written_year = _int(m.group("year"))
    month = _int(m.group("month"))
    if month is None:
        return None
    day = _int(m.group("day"))
    part = m.group("part")
    if written_year is None and day is None and part is None and not has_cmp:
        return None  # "6月": a duration (the value grammar reads it)
    year = written_year or year_hint
    if part is not None:
        if part in _MONTH_END:
            day = _month_end(year, month)
        elif part in _MONTH_START:
            day = 1
        else:
            day = _DEKAD[part]
    elif day is None and written_year is None and year_hint is not None and has_cmp:
        year = year_hint  # "6月前" in a 2024 report: by June 2024
    return _iso(year, month, day)


def _within_year(text: str, year_hint: int | None) -> str | None:
    """"年内" "本年度内" "2024年内": by the end of the year."""
    for w in _WITHIN:
        if not text.endswith(w):
            continue
        head = text[: len(text) - len(w)]
        ym = _YEAR_ONLY.match(head)
        if ym and ym.group("year"):
            return _iso(_int(ym.group("year")), 12, 31)
        if head in _YEAR_SCOPE:
            return _iso(year_hint, 12, 31)
    return None


def read_date(text: str, year_hint: int | None = None) -> DateValue | None:
    """A deadline or a day in folded ``text``; None when the text is not (only) a date."""
    if not text:
        return None
    if text in _ON_TIME:
        return DateValue(Comparator.LE, None, fold(_D.on_time[0]))
    if not _DATE_LIKE.search(text):
        return None  # no 年 / 月 / 季 and no 2024-06-30: not a date (the common case, answered fast)
    t = _strip_start(text, _BEFORE)
    _, t = _strip_end(t, _AFTER)
    within = _within_year(t, year_hint)
    if within is not None:
        return DateValue(Comparator.LE, within)
    cmp, t = split_prefix(t)  # "≤2024年12月31日", "不晚于12月31日"; "≤3月" stays a duration
    if cmp is not None:
        iso = _core(t, year_hint, False)
        return DateValue(cmp, iso) if iso is not None else None
    word, core = _strip_end(t, _LE)
    if word is not None:
        cmp = Comparator.LE
    else:
        word, core = _strip_end(t, _GE)
        if word is not None:
            cmp = Comparator.GE
    iso = _core(core, year_hint, cmp is not None)
    if iso is None:
        return None
    return DateValue(cmp, iso)


def date_bounds(iso: str, year: int | None = None) -> tuple[dt.date, dt.date] | None:
    """The first and last day an ISO text may mean ("2024-06" → June 1…30); a missing year is
    taken from ``year``; None when no year is known or the text is not one of ours."""
    if iso.startswith("--"):
        if year is None:
            return None
        iso = f"{year:04d}{iso[1:]}"
    parts = iso.split("-")
    try:
        y, m = int(parts[0]), int(parts[1])
        if len(parts) == 3:
            d = dt.date(y, m, int(parts[2]))
            return d, d
        return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
    except (ValueError, IndexError):
        return None


def format_date(iso: str) -> str:
    """ISO text → Chinese as forms write it, read back by :func:`read_date`: "2024年6月30日",
    "12月31日", "2024年6月", "6月"."""
    if iso.startswith("--"):
        parts = iso[2:].split("-")
        year = ""
    else:
        y, *parts = iso.split("-")
        year = f"{int(y)}年"
    out = year + f"{int(parts[0])}月"
    if len(parts) > 1:
        out += f"{int(parts[1])}日"
    return out
