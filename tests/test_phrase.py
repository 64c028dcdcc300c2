"""jixiao.normalize.phrase: where the value of a short phrase is, and the words around it."""

from __future__ import annotations

from jixiao.normalize.phrase import (
    MAX_LENGTH,
    candidates,
    clean_subject,
    cut_action,
    split_period_prefix,
    split_period_suffix,
    strip_after,
    strip_approx,
    strip_plus,
)


def test_strip_approx() -> None:
    assert strip_approx("约5万人") == (True, "5万人")
    assert strip_approx("5万人左右") == (True, "5万人")
    assert strip_approx("大约三个月") == (True, "三个月")
    assert strip_approx("约定") == (False, "约定")  # no number after 约: a word, not an approximation
    assert strip_approx("约") == (False, "约")


def test_strip_plus() -> None:
    assert strip_plus("余人") == (True, "人")
    assert strip_plus("万多元") == (True, "万元")
    assert strip_plus("人") == (False, "人")
    assert strip_plus("人多") == (False, "人多")  # only right after the number or its multiplier


def test_periods() -> None:
    assert split_period_prefix("每人每年580元") == ("人·年", "580元")
    assert split_period_prefix("每年不少于4次") == (None, "每年不少于4次")  # a number must follow …
    assert split_period_prefix("每年不少于4次", before_number=False) == ("年", "不少于4次")  # … unless asked
    assert split_period_suffix("万一年") == ("年", "万")
    assert split_period_suffix("元每月") == ("月", "元")
    assert split_period_suffix("/人/年") == (None, "/人/年")  # nothing left before it: not a unit
    assert split_period_suffix("元/人/年") == ("人·年", "元")


def test_subject_and_after_words() -> None:
    assert clean_subject("覆盖率为") == "覆盖率"
    assert clean_subject("项目于") == "项目"
    assert clean_subject("为") is None
    assert clean_subject("(2)召开培训") == "召开培训"
    assert clean_subject("一、培训人数为") == "培训人数"
    assert clean_subject("2.质量指标:") == "质量指标"
    assert clean_subject("2.5倍") == "2.5倍"  # a decimal is no list number
    assert strip_after("37个完成") == "37个"
    assert strip_after("完成") == "完成"


def test_candidates_left_to_right_with_subject() -> None:
    got = list(candidates("覆盖率达到100%"))
    assert got[0] == ("覆盖率", "达到100%")
    got = list(candidates("2023年支付成本不超过300万元"))
    assert ("2023年支付成本", "不超过300万元") in got
    assert all(not part.startswith("少于") for _, part in candidates("每年不少于4次"))  # inside 不少于


def test_no_candidates_in_labels_sentences_or_long_text() -> None:
    assert list(candidates("第1季度")) == []
    assert list(candidates("附件2")) == []
    # a sentence: the search stops at the first comma, so "5个" after it is never a candidate
    got = list(candidates("补助人数为187385人,做到应保尽保,覆盖5个乡镇"))
    assert got[0] == ("补助人数", "187385人,做到应保尽保,覆盖5个乡镇")
    assert all("," not in (s or "") for s, _ in got) and not any(p.startswith("5个") for _, p in got)
    assert list(candidates("覆盖率" * MAX_LENGTH + "100%")) == []


def test_cut_action() -> None:
    assert cut_action("24小时内响应") == "24小时内"
    assert cut_action("接诉后30分钟内到达现场") == "接诉后30分钟内"
    assert cut_action("24小时内") is None  # nothing after it: the value grammar reads it whole
    assert cut_action("24小时内响应并于3日内办结") is None  # a digit after it: not one action
    assert cut_action("年内完成") is None  # no number before 内
