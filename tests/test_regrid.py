"""Finishing the tables of the text dialects (jixiao.extract.regrid): every table a loader returns
with a lexicon is a grid; without one, as read."""

from __future__ import annotations

import typing
from functools import cache
from pathlib import Path

import pytest

from jixiao.extract import RawDocument, load
from jixiao.extract.raw import RawTable
from jixiao.extract.regrid import DIALECTS, finish_document, finish_table
from jixiao.normalize.lexicon import LEXICON
from jixiao.pipeline import path_to_raw

ROOT = Path(__file__).resolve().parent.parent
SEED_001 = ROOT / "corpus" / "seed-001" / "report.txt"
TEXT_CASES = ["seed-001", "fmt-md-pipe-004", "fmt-txt-cellbar-004", "fmt-txt-rowpipe-004", "seed-004"]


def _rows(t: RawTable) -> list[list[str]]:
    return [[c.text for c in r] for r in t.rows()]


@cache
def _file(case: str) -> Path:
    return next(p for p in sorted((ROOT / "corpus" / case).glob("report.*")) if p.suffix != ".json")


def test_every_unfinished_dialect_has_its_module() -> None:
    dialects = set(typing.get_args(RawTable.model_fields["dialect"].annotation))
    assert set(DIALECTS) == dialects - {"grid", "cells"}
    assert set(typing.get_args(typing.get_args(RawTable.model_fields["regridded_from"].annotation)[0])) == set(DIALECTS)


@pytest.mark.parametrize("case", TEXT_CASES)
def test_tables_leaving_the_pipeline_loader_are_grids(case: str) -> None:
    as_read = load(_file(case)).tables()
    finished = path_to_raw(_file(case)).tables()
    assert len(finished) == len(as_read)
    for a, f in zip(as_read, finished):
        assert f.dialect in ("grid", "cells")
        assert f.regridded_from == (a.dialect if a.dialect in DIALECTS else None)
        assert (f.index, f.table) == (a.index, a.table)


def test_seed_001_is_three_spaced_tables_rebuilt() -> None:
    assert [t.dialect for t in load(SEED_001).tables()] == ["spaced"] * 3
    assert [(t.dialect, t.regridded_from) for t in path_to_raw(SEED_001).tables()] == [("cells", "spaced")] * 3


def test_without_a_lexicon_nothing_changes() -> None:
    raw = load(SEED_001)
    assert finish_document(raw, None) is raw
    assert all(finish_table(t, None) is t for t in raw.tables())


def test_a_document_without_text_dialects_is_returned_as_it_is() -> None:
    raw = load(ROOT / "corpus" / "seed-004" / "report.txt")
    assert {t.dialect for t in raw.tables()} == {"cells"}
    assert finish_document(raw, LEXICON) is raw


def test_finished_tables_are_left_alone() -> None:
    raw = path_to_raw(SEED_001)
    assert finish_document(raw, LEXICON).model_dump() == raw.model_dump()


def test_traditional_text_is_rebuilt_after_its_conversion_to_simplified(tmp_path: Path) -> None:
    """The vocabulary is simplified: load converts first, then rebuilds, so a 繁體 dump reads as its 简体 one."""
    from opencc import OpenCC

    f = tmp_path / "trad.txt"
    f.write_text(OpenCC("s2t").convert(SEED_001.read_text(encoding="utf-8")), encoding="utf-8")
    trad: RawDocument = path_to_raw(f)
    assert any("转换" in w or "繁" in w for w in trad.warnings)
    want = [_rows(t) for t in path_to_raw(SEED_001).tables()]
    assert [_rows(t) for t in trad.tables()] == want


def test_the_origin_is_in_the_dump_of_a_rebuilt_table_only() -> None:
    rebuilt = path_to_raw(SEED_001)
    assert [t["regridded_from"] for t in rebuilt.model_dump(mode="json")["blocks"] if t["kind"] == "table"] == \
        ["spaced"] * 3
    as_grid = load(ROOT / "corpus" / "seed-004" / "report.txt")
    assert all("regridded_from" not in t for t in as_grid.model_dump(mode="json")["blocks"] if t["kind"] == "table")
    assert RawDocument.model_validate_json(rebuilt.model_dump_json()) == rebuilt
    assert RawDocument.model_validate_json(as_grid.model_dump_json()) == as_grid
