"""Token sorts and the order-keeping column alignment of the text-dialect re-gridding (jixiao.extract.regrid_fit)."""

from __future__ import annotations

import pytest

from jixiao.extract.regrid_fit import Tok, assign_columns, glue_units, is_label, token_class
from jixiao.model import Provenance
from jixiao.normalize.lexicon import LEXICON


@pytest.mark.parametrize(
    ("token", "cls"),
    [("10", "num"), ("97.19", "num"), ("71.85%", "pct"), ("=2 次", "cmpval"), ("≥80%", "cmpval"),
     ("1 个月", "qty"), ("40.9万元", "qty"), ("≥", "cmp"), ("定性", "cmp"), ("次", "unit"), ("/", "dash"),
     ("(5)=(3)-(4)", "code"), ("有效控制", "qual"), ("开展门诊规定病种鉴定次数", "text"),
     # a qualitative value longer than a cell's word is a sentence
     ("项目实施效果显著有效控制", "text")],
)
def test_token_class(token: str, cls: str) -> None:
    assert token_class(token, LEXICON) == cls


def test_assign_columns_keeps_numeric_tail_right() -> None:
    roles = ["level1", "level2", "name", "target", "actual", "weight", "score"]
    # name, target, actual, weight, score: level-1 and level-2 missing
    assert assign_columns(["text", "cmpval", "qty", "num", "num"], roles) == [2, 3, 4, 5, 6]
    # more tokens than columns cannot be placed
    assert assign_columns(["num"] * 8, roles) is None


def test_labels_are_han_words_that_are_no_unit_or_comparator() -> None:
    assert is_label("产出指标", LEXICON)
    assert not is_label("个月", LEXICON) and not is_label("不少于", LEXICON) and not is_label("10", LEXICON)


def test_glue_units_joins_a_unit_to_the_number_before_it() -> None:
    p = Provenance(source="x", line_start=3, line_end=3, text="")
    toks = [Tok("=2", p.model_copy(update={"text": "=2"})), Tok("次", p.model_copy(update={"text": "次"})),
            Tok("(1)", p), Tok("次", p)]
    got = glue_units(toks, LEXICON)
    assert [t.text for t in got] == ["=2 次", "(1)", "次"]  # a row code takes no unit
    assert got[0].prov.text == "=2 次"
