"""Hypothesis strategies for hostile report text: values in every notation the parser meets,
characters that have broken loaders (bidi marks, NUL, U+FFFE, BOM, ideographic spaces), and
whole self-evaluation tables in the four text dialects (pipe, tab, spaced, one cell per line)."""

from __future__ import annotations

from hypothesis import strategies as st

HOSTILE_CHARS = ["\u200e", "\u200f", "\u202a", "\u202e", "\u2066", "\x00", "\ufeff", "\ufffe", "\uffff",
                 "\u3000", "\u00a0", "\u200b", "\x0b", "\x0c", "\r", "\t", "\ud800"]
_DIGITS = st.sampled_from(list("0123456789") + list("０１２３４５６７８９"))
_CN_NUM = st.sampled_from(list("零〇一二两三四五六七八九十百千万亿点"))
_CMP = st.sampled_from(["", "≥", "≤", ">", "<", "＞", "＜", "=", "＝", "不少于", "不低于", "不超过", "达到", "≧", "约"])
_UNIT = st.sampled_from(["", "%", "％", "‰", "万元", "元", "亿元", "人", "人次", "次", "个", "个月", "年", "天",
                         "户", "篇", "份", "项", "分", "万人次", "公里", "平方米"])
_NUMBER = st.one_of(
    st.lists(_DIGITS, min_size=1, max_size=12).map("".join),
    st.tuples(st.lists(_DIGITS, min_size=1, max_size=8).map("".join), st.sampled_from([".", "．", ","]),
              st.lists(_DIGITS, min_size=1, max_size=6).map("".join)).map("".join),
    st.lists(_CN_NUM, min_size=1, max_size=10).map("".join),
    st.integers(min_value=-10**30, max_value=10**30).map(str),
    st.sampled_from(["1e400", "-0", "0.0000000001", "9" * 80, "1" * 4400, "NaN", "Infinity", "1,000,000.00"]),
)
#: one value as a report writes it ("≥95%", "不少于3次", "八十万元", "1e400", "约10-12个月" …)
QUANTITY_TEXT = st.one_of(
    st.tuples(_CMP, _NUMBER, _UNIT).map("".join),
    st.tuples(_NUMBER, st.sampled_from(["-", "~", "～", "—", "至"]), _NUMBER, _UNIT).map("".join),
    st.tuples(_CMP, _NUMBER, _UNIT, st.sampled_from(HOSTILE_CHARS), _UNIT).map("".join),
    st.sampled_from(["优秀", "良好", "基本完成", "未完成", "有效提升", "/", "—", "无", "", "定性"]),
    st.text(max_size=20),
)
_LABEL = st.sampled_from(["项目名称", "主管部门", "实施单位", "年度预算数", "执行数", "执行率", "一级指标", "二级指标",
                          "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因", "产出指标", "效益指标",
                          "满意度指标", "数量指标", "质量指标", "时效指标", "成本指标", "总分", "合计"])
_CELL = st.one_of(_LABEL, QUANTITY_TEXT, st.sampled_from(HOSTILE_CHARS))
_ROWS = st.lists(st.lists(_CELL, min_size=1, max_size=8), min_size=1, max_size=25)


def _pipe(rows: list[list[str]]) -> str:
    return "\n".join("| " + " | ".join(r) + " |" for r in rows)


def _tabs(rows: list[list[str]]) -> str:
    return "\n".join("\t".join(r) for r in rows)


def _spaced(rows: list[list[str]]) -> str:
    return "\n\n".join("   ".join(r) for r in rows)


def _cells(rows: list[list[str]]) -> str:
    return "\n\n".join("\n".join(r) for r in rows)


#: a whole text report: a title, then a table in one of the dialects, hostile characters at line starts
REPORT_TEXT = st.tuples(
    st.sampled_from(["项目支出绩效自评表\n", "", "\ufeff项目支出绩效自评表\n\n", "\u200e项目支出绩效自评表\n"]),
    st.sampled_from([_pipe, _tabs, _spaced, _cells]),
    _ROWS,
    st.lists(st.sampled_from(HOSTILE_CHARS), max_size=3).map("".join),
).map(lambda t: t[0] + "\n".join(t[3] + line for line in t[1](t[2]).split("\n")) + "\n")
