"""Golden findings: corpus/seed-*/findings.gt.json is the canonical JSON of the findings of
``path_to_document(path, source="corpus/seed-NNN/report.txt")`` — every one reviewed by hand
against the source (see tests/test_rules_seeds.py for the ones that matter most).

Regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_findings_golden.py``, then read the diff;
updating is refused under CI.  A change in report.gt.json (assembly) and here (rules) shows
which stage moved.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from golden import assert_golden, update_requested

from jixiao.pipeline import path_to_document
from jixiao.serialize import canonical_json

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]


def test_update_flag_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert not update_requested(), "UPDATE_GOLDEN must not be set in CI"


@pytest.mark.parametrize("seed", SEEDS)
def test_findings_golden(seed: str) -> None:
    src = f"corpus/{seed}/report.txt"
    actual = canonical_json(path_to_document(ROOT / src, source=src).findings)
    assert_golden(ROOT / "corpus" / seed / "findings.gt.json", actual, f"{seed} findings")
