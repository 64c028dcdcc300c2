"""Golden files (§7): corpus/seed-*/report.gt.json is the canonical JSON of
``path_to_document(path, source="corpus/seed-NNN/report.txt", rules=False)``.

Regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_golden.py`` — then read the
diff against the source file before committing.  Updating is refused under CI.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from jixiao.pipeline import path_to_document
from jixiao.serialize import canonical_json

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
# every seed; golden output checked by hand against the source
GOLDEN_SEEDS = ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]


def _update() -> bool:
    return os.environ.get("UPDATE_GOLDEN", "") not in ("", "0")


def test_update_flag_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert not _update(), "UPDATE_GOLDEN must not be set in CI"


def _actual(seed: str) -> str:
    src = f"corpus/{seed}/report.txt"
    return canonical_json(path_to_document(ROOT / src, source=src, rules=False))


@pytest.mark.parametrize("seed", GOLDEN_SEEDS)
def test_golden(seed: str) -> None:
    gt = CORPUS / seed / "report.gt.json"
    actual = _actual(seed)
    if _update():
        if os.environ.get("CI"):
            pytest.fail("UPDATE_GOLDEN is set while CI=true: golden files are never rewritten in CI")
        gt.write_text(actual, encoding="utf-8")
    assert gt.exists(), f"missing golden file {gt.relative_to(ROOT)}: run UPDATE_GOLDEN=1 pytest {__file__}"
    expected = gt.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            "report.gt.json", "actual", n=2))
        pytest.fail(f"{seed} differs from its golden file:\n{diff[:6000]}")
