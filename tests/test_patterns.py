"""jixiao.normalize.patterns: the shared regular expressions and the word-list alternation."""

from __future__ import annotations

from jixiao.normalize import patterns as P


def test_words_pattern_first_word_wins_and_empty_never_matches() -> None:
    p = P.words_pattern(["不少于", "少于"])
    m = p.match("不少于3次")
    assert m is not None and m.group(0) == "不少于"
    short_first = P.words_pattern(["约", "约为"]).match("约为5")
    assert short_first is not None and short_first.group(0) == "约"  # order is the caller's: put the longest first
    assert P.words_pattern([]).match("") is None and P.words_pattern([""]).search("abc") is None
    assert P.words_pattern(["内", "以内"], "$").search("3个月以内") is not None
    assert P.words_pattern(["a.b"]).match("axb") is None  # literal, not a regex


def test_list_number() -> None:
    for text, rest in [("(2)召开", "召开"), ("2.质量", "质量"), ("一、基本", "基本"), ("(三)效益", "效益"), ("2.5倍", "2.5倍")]:
        assert P.LIST_NUMBER.sub("", text) == rest, text


def test_number_is_ascii_digits_only() -> None:
    assert P.NUMBER.match("１２") is None  # full-width digits are folded to ASCII before matching
    assert P.NUMBER.match("٣") is None
    m = P.NUMBER.match("1,234.50")
    assert m is not None and (m.group("int"), m.group("frac")) == ("1,234", "50")
