"""The vocabulary interface between extract and normalize: extract.lexicon.CellLexicon (the questions),
normalize.lexicon.LEXICON (the answers), wired by the pipeline; neither layer imports the other."""

from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jixiao.extract.lexicon import CellLexicon
from jixiao.model import LineKind
from jixiao.normalize.lexicon import LEXICON, FormLexicon

ROOT = Path(__file__).resolve().parent.parent


def _questions() -> list[str]:
    return sorted(n for n, v in vars(CellLexicon).items() if inspect.isfunction(v) and not n.startswith("_"))


def test_normalize_lexicon_satisfies_the_protocol() -> None:
    assert isinstance(LEXICON, CellLexicon)  # runtime_checkable: every question is there
    assert _questions() == ["budget_row_kind", "header_role", "is_comparator", "is_subtotal", "is_unit", "value_sort"]
    for name in _questions():
        want = inspect.signature(getattr(CellLexicon, name))
        got = inspect.signature(getattr(FormLexicon, name))
        assert list(got.parameters) == list(want.parameters), name


def test_an_object_missing_a_question_is_no_lexicon() -> None:
    class Partial:
        def header_role(self, text: str, block: str) -> str | None:
            return None

    assert not isinstance(Partial(), CellLexicon)


@pytest.mark.parametrize(
    ("method", "text", "want"),
    [("header_role", ("权重", "indicator"), "weight"), ("header_role", ("行次", "budget"), "row_no"),
     ("header_role", ("总计", "form"), "total"), ("header_role", ("开展调研次数", "indicator"), None),
     ("is_unit", ("个月",), True), ("is_unit", ("完成",), False),
     ("is_comparator", ("不少于",), True), ("is_comparator", ("≥80%",), False),
     ("budget_row_kind", ("合计",), LineKind.TOTAL), ("budget_row_kind", ("财政资金",), LineKind.FISCAL),
     ("budget_row_kind", ("开展调研次数",), None),
     ("is_subtotal", ("小计",), True), ("is_subtotal", ("中央级",), False),
     ("value_sort", ("/",), "empty"), ("value_sort", ("≥80%",), "cmpval"), ("value_sort", ("96%",), "pct"),
     ("value_sort", ("1 个月",), "qty"), ("value_sort", ("有效控制",), "qual"),
     ("value_sort", ("开展门诊规定病种鉴定次数",), "text")],
)
def test_lexicon_answers_from_the_normalize_catalogues(method: str, text: tuple[str, ...], want: object) -> None:
    assert getattr(LEXICON, method)(*text) == want


def test_extract_imports_no_normalize_module() -> None:
    """Loading every extract module (the re-gridding included) pulls in no jixiao.normalize module."""
    code = (
        "import pkgutil, importlib, sys, jixiao.extract as e\n"
        "for m in pkgutil.iter_modules(e.__path__):\n"
        "    importlib.import_module('jixiao.extract.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith('jixiao.normalize')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "[]"


def test_normalize_lexicon_imports_no_extract_module() -> None:
    code = ("import sys, jixiao.normalize.lexicon\n"
            "print(sorted(n for n in sys.modules if n.startswith('jixiao.extract')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "[]"
