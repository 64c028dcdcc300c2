"""Labelling goldens: corpus/<case>/labels.gt.json is ``jixiao explain --json`` of the case.

Any change to header detection, column roles, row kinds or content profiles shows up
as a reviewable diff.  Regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_labels_golden.py``,
then read the diff against the source document before committing.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from golden import assert_golden

from jixiao.assemble import raw_to_labels
from jixiao.assemble.label_render import labels_json, render
from jixiao.pipeline import path_to_raw

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _cases() -> list[str]:
    out = []
    for d in sorted(CORPUS.iterdir()):
        meta = d / "meta.toml"
        if not meta.exists() or "expect_reason" in tomllib.loads(meta.read_text(encoding="utf-8")):
            continue  # bad input: nothing to label
        if any(d.glob("report.*")):
            out.append(d.name)
    return out


CASES = _cases()


def _report(case: str) -> Path:
    return next(p for p in sorted((CORPUS / case).glob("report.*")) if not p.name.endswith(".gt.json"))


def test_every_readable_case_is_labelled() -> None:
    assert len(CASES) >= 18, CASES


@pytest.mark.parametrize("case", CASES)
def test_labels_golden(case: str) -> None:
    path = _report(case)
    labels = raw_to_labels(path_to_raw(path, f"corpus/{case}/{path.name}"))
    if labels:  # a narrative report may hold no table; every table of a form case holds a block
        assert any(t.blocks for _, t in labels), f"{case}: no block found"
    assert render(labels).strip() or not labels  # the human view renders every table
    assert_golden(CORPUS / case / "labels.gt.json", labels_json(labels), f"{case} labels")
