"""Named regular expressions for reading prose, built once from ``data/prose_*.toml``.

All patterns apply to *folded* text (full-width ASCII → ASCII, see ``prose_text.fold``),
so "：" is matched as ":" and "（" as "(".
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from jixiao.assemble.prose_vocab import VOCAB
from jixiao.normalize.vocab import COMPARATORS

# U+FF01..U+FF5E → ASCII, U+3000 → space (length preserving; see prose_text.fold)
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}


def fold(text: str) -> str:
    """Fold full-width ASCII variants and the ideographic space (same length)."""
    return text.translate(_FOLD)


def _alt(words: list[str]) -> str:
    """Alternation of literal words, longest first."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


_T = VOCAB.text
_DELIMS = regex.escape(_T.clause_delims)
_ENDS = regex.escape(_T.sentence_end)
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CN = "一二三四五六七八九十"
_S = VOCAB.scores
_G = _S.grade
_Q = regex.escape(_G.quotes)
_IND = VOCAB.indicators.indicator
_TRAILERS = _alt(_G.trailers) or "(?!)"
_CMP_PREFIX = _alt([fold(sp) for c in COMPARATORS.comparator if c.symbol != "定性" for sp in c.prefix])
_CMP_SUFFIX = _alt([fold(sp) for c in COMPARATORS.comparator if c.symbol != "定性" for sp in c.suffix])


@dataclass(frozen=True)
class _Patterns:
    # --- layout -------------------------------------------------------------
    sentence_end: regex.Pattern[str] = regex.compile(rf"[{_ENDS}]+[{_Q})]?")
    # the text ends a sentence or a clause that the next line cannot continue
    sentence_end_tail: regex.Pattern[str] = regex.compile(rf"[{_ENDS};:][{_Q})]?\s*$")
    numbering: regex.Pattern[str] = regex.compile(
        rf"^\s*(?:[{_CN}]+\s*[、.]|\(\s*[{_CN}\d]+\s*\)|\d{{1,2}}\s*[、.](?!\d)|[①-⑳])"
    )
    numbering_levels: tuple[regex.Pattern[str], ...] = (
        regex.compile(rf"^\s*[{_CN}]+\s*[、.]"),  # 一、
        regex.compile(rf"^\s*\(\s*[{_CN}]+\s*\)"),  # （一）
        regex.compile(r"^\s*\d{1,2}\s*[、.](?!\d)"),  # 1.  1、
        regex.compile(r"^\s*(?:\(\s*\d{1,2}\s*\)|[①-⑳])"),  # （1） ①
    )
    # "项目绩效目标：保障……" — a short label, a colon, the rest
    inline_label: regex.Pattern[str] = regex.compile(rf"^(?P<label>[^{_DELIMS}{_ENDS}]{{1,40}}?)\s*:\s*(?P<body>.*)$")
    spaces: regex.Pattern[str] = regex.compile(r"\s+")
    trailing_punct: regex.Pattern[str] = regex.compile(rf"[{_ENDS}{_DELIMS}.\s]+$")
    heading_forbidden: regex.Pattern[str] = regex.compile(rf"[{_ENDS},;，；]")
    unnumbered_heading: regex.Pattern[str] = regex.compile(
        rf"[\p{{Han}}、()]{{{_T.min_unnumbered_heading},{_T.max_heading}}}"
    )
    appendix: regex.Pattern[str] = regex.compile(rf"^\s*(?:{_alt(_T.appendix_markers)})")
    stamp: regex.Pattern[str] = regex.compile(rf"\s*(?:{_alt(_T.stamps)})\s*")
    clause_delim: regex.Pattern[str] = regex.compile(rf"[{_DELIMS}]")

    # --- figures ------------------------------------------------------------
    money: regex.Pattern[str] = regex.compile(rf"(?<![\d.])(?P<num>{_NUM})\s*(?P<unit>亿元|万元|千元|元)")
    percent: regex.Pattern[str] = regex.compile(rf"(?<![\d.])(?P<num>{_NUM})\s*%")
    # "<label>[得]<n>分" inside one clause (no delimiter, no digit in the label)
    points: regex.Pattern[str] = regex.compile(
        rf"(?P<pre>[^{_DELIMS}{_ENDS}\d]{{1,{_S.max_label + 8}}}?)\s*(?<![\d.])(?P<num>{_NUM})\s*分(?![值之钟别配类析布期档数])"
    )
    zero_points: regex.Pattern[str] = regex.compile(
        rf"(?P<pre>[^{_DELIMS}{_ENDS}\d]{{1,{_S.max_label + 8}}}?)(?P<zero>{_alt(_S.zero_score_words)})"
    )
    grade: regex.Pattern[str] = regex.compile(
        rf"(?:(?:{_alt(_G.intros)})\s*[{_Q}]?\s*(?P<grade>{_alt(_G.words)})"
        rf"|(?:{_alt(_G.weak_intros)})\s*[{_Q}]?\s*(?P<grade>{_alt(_G.strong_words)}))"
        rf"(?=\s*[{_Q}]?\s*(?:{_TRAILERS})?\s*(?:$|[{_DELIMS}{_ENDS})\s]))"
    )

    # --- indicators ---------------------------------------------------------
    # "<name> ≥ 1 次" — a comparator + number (+ short unit) ending the line
    # (comparator spellings: jixiao/normalize/data/comparators.toml, the one source)
    target_tail: regex.Pattern[str] = regex.compile(
        rf"^(?P<name>.+?)\s*(?P<target>(?:{_CMP_PREFIX})\s*{_NUM}\s*(?:%|‰|[\p{{Han}}/]{{1,{_IND.max_unit}}}?)?"
        rf"|{_NUM}\s*(?:%|‰|[\p{{Han}}/]{{1,{_IND.max_unit}}}?)?\s*(?:{_CMP_SUFFIX}))\s*$"
    )
    # "<name>100%" — a number (+ short unit) ending the line with no comparator: read as a target
    # only when a later clause states the result ("养护任务完成及时率100%，实际完成100%")
    target_plain: regex.Pattern[str] = regex.compile(
        rf"^(?P<name>.*[\p{{Han}})）])\s*(?P<target>{_NUM}\s*(?:%|‰|[\p{{Han}}/]{{1,{_IND.max_unit}}}?)?)\s*$"
    )
    # "<name>——普遍了解" — a qualitative target after a dash
    target_dash: regex.Pattern[str] = regex.compile(
        rf"^(?P<name>.+?)\s*(?:{_alt(_IND.dashes)})\s*(?P<target>[^{_DELIMS}{_ENDS}]{{1,20}})$"
    )
    number_unit: regex.Pattern[str] = regex.compile(rf"(?<![\d.])(?P<num>{_NUM})\s*")
    year_lead: regex.Pattern[str] = regex.compile(r"^\s*(?P<year>(?:19|20)\d{2})\s*年度?")
    # a year in a title, with its brackets: "2022年度", "(2024年度)"
    title_year: regex.Pattern[str] = regex.compile(r"\(?(?<!\d)(?:19|20)\d{2}\s*年度?\)?")
    year_any: regex.Pattern[str] = regex.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年度?")


P = _Patterns()
