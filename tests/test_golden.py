"""Golden files (§7): corpus/seed-*/report.gt.json is the canonical JSON of
``path_to_document(path, source="corpus/seed-NNN/report.txt", rules=False)``.

Regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` — then read the
diff against the source file before committing.  Updating is refused under CI.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from golden import assert_golden, update_requested

from jixiao.pipeline import path_to_document
from jixiao.serialize import canonical_json

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# every seed; golden output checked by hand against the source
GOLDEN_SEEDS = ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]


def test_update_flag_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert not update_requested(), "UPDATE_GOLDEN must not be set in CI"


def _actual(seed: str) -> str:
    src = f"corpus/{seed}/report.txt"
    return canonical_json(path_to_document(ROOT / src, source=src, rules=False))


@pytest.mark.parametrize("seed", GOLDEN_SEEDS)
def test_golden(seed: str) -> None:
    assert_golden(CORPUS / seed / "report.gt.json", _actual(seed), seed)
