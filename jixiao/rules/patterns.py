"""Named regular expressions used by the rules (one place, ``regex`` package)."""

from __future__ import annotations

import regex

NUMBER = r"\d+(?:\.\d+)?"

# The budget-execution item in a stated score label: "预算执行情况（10分）", "年初预算执行率".
BUDGET_LABEL = regex.compile(r"预算执行|执行率|资金执行")

# "绩效指标（90分）": the group of all indicators.
ALL_INDICATORS_LABEL = regex.compile(r"^\s*(?:绩效指标|指标|绩效目标)\s*(?:[（(].*)?$")

# A total score stated in conclusion prose: "自评得分95分", "项目自评得100分", "总得分 99.51分",
# "绩效评分为 100 分", "共计得89分".  Never "数量指标得20分".
STATED_TOTAL = regex.compile(
    r"(?:自评(?:总)?得分|自评得|总得分|总分|综合得分|最终得分|绩效评分|评分结果|共计得|合计得)"
    r"\s*(?:为|是|:|：)?\s*(?P<score>" + NUMBER + r")\s*分"
)

# Template instruction markers: "（100字以内）", "(200字以内)".
WORD_LIMIT = regex.compile(r"[（(]\s*\d+\s*字以内\s*[)）]")

# A number with a unit in prose: "救助24户", "17.67万人", "50938人次".
NUM_UNIT = regex.compile(r"(?P<num>" + NUMBER + r")\s*(?P<unit>[万亿千]?(?:人次|户次|户|人|次|个|家|所|场|期|份|篇|件|项|台|套|辆|处|座|名|批))")

# A total followed by "其中" and its parts in the same unit:
# "共计使用X费用1200万元（其中：A费用700万元、B费用500万元）".
MONEY_OR_COUNT = regex.compile(r"(?P<num>" + NUMBER + r")\s*(?P<unit>[万亿千]?(?:元|人次|户|人|次|个|家|份|项|处|名))")
QIZHONG = regex.compile(r"[（(]?\s*其中\s*[:：;；,，]?")

# Clause boundaries in prose.
CLAUSE_SPLIT = regex.compile(r"[，。；;！!？?\n]|,(?!\d{3}(?!\d))")
SENTENCE_SPLIT = regex.compile(r"[。！!？?\n]")

# A reason given in prose for low budget execution: "造成该项目执行率低的原因为…", "受…影响".
EXECUTION_REASON = regex.compile(r"执行(?:率|进度)?[^。；]{0,12}(?:原因|由于|因为)|(?:原因|由于|因为)[^。；]{0,30}(?:执行|拨付|支付|结算)|受[^。；]{1,30}影响")

# Years: "2024年", "2024年度".
YEAR = regex.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})(?=\s*年)")

# A loader note on a row it joined across a page break, as the PDF reader words it today:
# "表2：第19行被分页截断，已与第4页的续行合并", or on a row of a pdftotext -layout dump with a
# number placed in a column by its position alone (extract/text_layout.guessed_row_note):
# "表1：第5行按位置推断列：“1521.57”与前文只隔一个空格，可能错列" (table and row numbered from 1).
# Read only when the note carries no location of its own (rules/doubt.py).
REPAIRED_ROW_NOTE = regex.compile(r"表(?P<table>\d+)：第(?P<row>\d+)行(?P<what>被分页截断|按位置推断列)")
