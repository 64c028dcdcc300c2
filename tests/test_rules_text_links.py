"""TXT004's link from a narrative clause to an indicator (jixiao/rules/text.py ``_links``): the
indicator with the same unit whose name shares the most characters with the clause, counted by
CJK character bigrams and Latin words (no dictionary), at least ``link_min_overlap``, no tie.
The clauses and names below are those of the seed reports that jieba's segmentation linked right."""

from __future__ import annotations

import sys
from pathlib import Path

from rule_cases_loader import load

from jixiao.model import Report
from jixiao.rules import run_rules
from jixiao.rules.config import DEFAULT
from jixiao.rules.text import _links, _overlap, _terms

C = load()
ROOT = Path(__file__).resolve().parent.parent


def _report(*names_units: tuple[str, str, str]) -> Report:
    inds = [C.ind(i, "产出指标", "数量指标", name, "≥", "1", unit, actual, "10", "10")
            for i, (name, unit, actual) in enumerate(names_units)]
    return C.BASE.model_copy(update={"indicators": inds})


def _linked(r: Report, clause: str, unit: str, cfg: object = DEFAULT) -> str | None:
    ind = _links(r, clause, unit, cfg)  # type: ignore[arg-type]
    return None if ind is None else ind.name


def test_overlap_counts_the_name_characters_covered_by_shared_bigrams() -> None:
    assert _overlap(_terms("当年“防贫保”救助24户"), _terms("计划防贫保救助群众数量")) == 5  # 防贫保 + 救助
    assert _overlap(_terms("已经救助49户"), _terms("计划防贫保救助群众数量")) == 2
    assert _overlap(_terms("2024年我区参加居民医疗保险总人数17.67万人"), _terms("居民医保参保人数")) == 5  # 居民医 + 人数
    assert _overlap(_terms("补助人数为187385人"), _terms("补助人数（人）")) == 4


def test_single_ideographs_and_numbers_count_nothing() -> None:
    assert _overlap(_terms("新建36个站"), _terms("维修站房数量")) == 0  # 站 alone
    assert _overlap(_terms("完成2024年"), _terms("2024年度完成率")) == 2  # 完成 only: digits are no words
    assert _overlap(_terms("人"), _terms("人")) == 0


def test_bigrams_do_not_cross_punctuation_or_runs() -> None:
    assert _overlap(_terms("贫保"), _terms("防贫、保险")) == 0
    assert _terms("防贫、保险").bigram_set == frozenset({"防贫", "保险"})


def test_latin_words_count_their_length_case_and_width_folded() -> None:
    assert _overlap(_terms("建成5G基站12个"), _terms("5g基站建设数量")) == 4  # 5g + 基站
    assert _overlap(_terms("ＡＰＰ下载量"), _terms("app用户数")) == 3
    assert _overlap(_terms("建成5G基站12个"), _terms("光纤基站数")) == 2


def test_best_overlap_wins() -> None:
    r = _report(("居民医保参保人数", "万人", "17.67万人"), ("单位劳务派遣人数", "万人", "0.1万人"))
    assert _linked(r, "2024年我区参加居民医疗保险总人数17.67万人", "人") == "居民医保参保人数"
    r = _report(("5G基站建设数量", "个", "12个"), ("光纤基站数", "个", "3个"))
    assert _linked(r, "建成5G基站12个", "个") == "5G基站建设数量"


def test_a_name_sharing_a_two_character_word_links() -> None:
    # jieba cut 监测站点 so that 站点 was not a word of the name: no link; bigrams link the clause
    r = _report(("维护自动监测站点", "个", "36个"))
    assert _linked(r, "36个站点全年正常运行", "个") == "维护自动监测站点"


def test_a_tie_links_nothing() -> None:
    r = _report(("救助困难户数", "户", "24户"), ("救助低保户数", "户", "30户"))
    assert _linked(r, "救助24户", "户") is None  # 救助 in both, nothing else shared


def test_other_units_and_weak_overlap_link_nothing() -> None:
    r = _report(("开展全区定点医药机构检查次数", "次", "180次"))
    assert _linked(r, "组建基金监管专家队伍对全区53家医药机构开展全覆盖检查", "家") is None  # 家 ≠ 次
    r = _report(("计划防贫保救助群众数量", "户", "49户"))
    assert _linked(r, "新增24户", "户") is None  # nothing shared
    strict = DEFAULT.model_copy(update={"text": DEFAULT.text.model_copy(update={"link_min_overlap": 3})})
    assert _linked(r, "已经救助49户", "户") == "计划防贫保救助群众数量"
    assert _linked(r, "已经救助49户", "户", strict) is None  # 2 characters < 3


def test_a_bigram_link_still_finds_the_contradiction() -> None:
    r = _report(("维护自动监测站点", "个", "36个"))
    r = r.model_copy(update={"completion": C.t("30个站点全年正常运行。")})
    [f] = [f for f in run_rules(C.doc_of(r)) if f.rule_id == "TXT004"]
    assert (f.expected, f.actual) == ("36个", "30个")


def test_no_segmenter_is_loaded() -> None:
    assert "jieba" not in sys.modules
    assert "jieba" not in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
