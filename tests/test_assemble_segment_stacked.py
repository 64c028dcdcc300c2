"""Several forms on one table/sheet (jixiao/assemble/segment.py: split_stacked_forms)."""

from __future__ import annotations

from pathlib import Path

from jixiao.assemble import raw_to_reports
from jixiao.assemble.segment import raw_to_segments, split_stacked_forms
from jixiao.extract import load
from jixiao.extract.raw import RawDocument, RawTable

ROOT = Path(__file__).resolve().parent.parent


def _stack(t: RawTable, copies: int, gap: int = 1) -> RawTable:
    cells = []
    step = t.n_rows + gap
    for k in range(copies):
        cells += [c.model_copy(update={"row": c.row + k * step,
                                       "prov": c.prov.model_copy(update={"row": (c.prov.row or 0) + k * step})})
                  for c in t.cells]
    return t.model_copy(update={"n_rows": step * copies - gap, "cells": cells})


def test_one_table_per_form() -> None:
    raw = load(ROOT / "corpus/xlsx-sichuan-004/report.xlsx")
    first = raw.tables()[0]  # title row + one form
    stacked = _stack(first, 3)
    pieces = split_stacked_forms(stacked)
    # the blank row and the title row above a form go with it
    assert [p.n_rows for p in pieces] == [first.n_rows, first.n_rows + 1, first.n_rows + 1]
    texts = [[c.text for c in p.cells if c.text][:2] for p in pieces]
    assert texts[0] == texts[1] == texts[2] == [c.text for c in first.cells if c.text][:2]
    assert min(c.prov.row or 0 for c in pieces[2].cells) == 2 * (first.n_rows + 1)  # sheet position kept
    assert split_stacked_forms(first) == [first]


def test_identical_indicators_in_two_forms_never_merged() -> None:
    raw = load(ROOT / "corpus/xlsx-sichuan-004/report.xlsx")
    first = raw.tables()[0]
    doc = RawDocument(source="s.xlsx", format="xlsx", sha256="", blocks=[_stack(first, 2)])
    assert len(raw_to_segments(doc)) == 2
    one = raw_to_reports(raw.model_copy(update={"blocks": [first]}))[0]
    reports = raw_to_reports(doc)
    assert len(reports) == 2
    assert [len(r.indicators) for r in reports] == [len(one.indicators)] * 2
    assert [i.name for i in reports[1].indicators] == [i.name for i in one.indicators]
