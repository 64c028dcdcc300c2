"""jixiao.serialize: the canonical JSON writer gives exactly the standard library's text
(``json.dumps(..., ensure_ascii=False, sort_keys=True, indent=1)``), and its errors."""

from __future__ import annotations

import json
import math
from collections import OrderedDict
from decimal import Decimal
from enum import IntEnum, StrEnum
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.serialize import canonical_json, dumps_canonical, to_plain


def _stdlib(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1)


_leaves = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(10**30), max_value=10**30)
           | st.floats(allow_nan=True, allow_infinity=True) | st.text() | st.text(alphabet="\x00\x1f\"\\\n\t é中文\u2028"))
_data = st.recursive(_leaves, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                     | st.dictionaries(st.text(max_size=6), inner, max_size=5), max_leaves=40)


@given(_data)
def test_same_text_as_the_standard_library(obj: Any) -> None:
    assert dumps_canonical(obj) == _stdlib(obj)


class Colour(StrEnum):
    RED = "红"


class Level(IntEnum):
    ONE = 1


@pytest.mark.parametrize("obj", [
    {}, [], (), "", {"": ""}, {"b": [], "a": {}}, [[[]]], {"z": {"y": {"x": [1, 2.5, None, True, False]}}},
    {"k": Colour.RED, Colour.RED: Level.ONE}, [Level.ONE, Colour.RED], OrderedDict(b=1, a=2),
    {1: "int key", 2: "x"}, {2.5: 1.0}, {True: 1, False: 2}, {None: 1}, [math.nan, math.inf, -math.inf, -0.0, 1e16, 1e-7],
    {"a": OrderedDict(z=1)}, [10**40, -(10**40)],
])
def test_edge_values(obj: Any) -> None:
    assert dumps_canonical(obj) == _stdlib(obj)


def test_the_same_errors_as_the_standard_library() -> None:
    for bad in ({"a": Decimal("1")}, {1: 1, "a": 2}, [object()]):
        with pytest.raises(TypeError) as ours:
            dumps_canonical(bad)
        with pytest.raises(TypeError) as theirs:
            _stdlib(bad)
        assert str(ours.value) == str(theirs.value)
    cyclic: list[Any] = []
    cyclic.append(cyclic)
    with pytest.raises(ValueError, match="Circular reference"):
        dumps_canonical(cyclic)


def test_canonical_json_of_a_document_matches_the_stdlib_text() -> None:
    from conftest import ROOT

    from jixiao.pipeline import path_to_document

    doc = path_to_document(ROOT / "corpus/seed-004/report.txt", source="seed-004/report.txt")
    text = canonical_json(doc)
    assert text == _stdlib(doc.model_dump(mode="json")) + "\n"
    assert text == _stdlib(to_plain(doc)) + "\n" and '"findings": [' in text
