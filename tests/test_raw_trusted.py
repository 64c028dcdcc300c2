"""raw.trusted_cell / trusted_provenance: the loaders' unvalidated constructors build the very
objects validation builds (equal, same dump, same fields set, same hash, still frozen)."""

from __future__ import annotations

import pickle

import pytest
from pydantic import ValidationError

from jixiao.extract.raw import RawCell, trusted_cell, trusted_provenance
from jixiao.model import Provenance

CASES = [
    {"table": 0, "row": 1, "col": 2, "text": "项目名称"},
    {"table": 3, "row": 0, "col": 0, "text": ""},
    {"page": 2, "table": 1, "row": 4, "col": 5, "bbox": (56.7, 100.25, 300.0, 120.5), "text": "≥95%"},
]


@pytest.mark.parametrize("kw", CASES)
def test_provenance_same_as_validated(kw: dict) -> None:
    a = Provenance(source="报告1.docx", **kw)
    b = trusted_provenance("报告1.docx", **kw)
    assert a == b
    assert a.model_dump_json() == b.model_dump_json()
    assert a.model_fields_set == b.model_fields_set
    assert list(a.__dict__.items()) == list(b.__dict__.items())
    assert hash(a) == hash(b)
    assert pickle.loads(pickle.dumps(b)) == a


@pytest.mark.parametrize("kw", CASES)
def test_cell_same_as_validated(kw: dict) -> None:
    pa, pb = Provenance(source="a.pdf", **kw), trusted_provenance("a.pdf", **kw)
    a = RawCell(row=1, col=2, row_span=2, col_span=3, text="成本指标", prov=pa)
    b = trusted_cell(1, 2, 2, 3, "成本指标", pb)
    assert a == b
    assert a.model_dump_json() == b.model_dump_json()
    assert a.model_fields_set == b.model_fields_set
    assert hash(a) == hash(b)
    assert a.model_copy(update={"row": 7}) == b.model_copy(update={"row": 7})
    assert RawCell.model_validate_json(b.model_dump_json()) == a


def test_still_frozen() -> None:
    b = trusted_cell(0, 0, 1, 1, "x", trusted_provenance("a.docx", table=0, row=0, col=0, text="x"))
    with pytest.raises(ValidationError):
        b.row = 3  # type: ignore[misc]
    with pytest.raises(ValidationError):
        b.prov.text = "y"  # type: ignore[misc]
