"""Golden findings: corpus/seed-*/findings.gt.json is the canonical JSON of the findings of
``path_to_document(path, source="corpus/seed-NNN/report.txt")`` — every one reviewed by hand
against the source (see tests/test_rules_seeds.py for the ones that matter most).

Regenerate with ``UPDATE_GOLDEN=1 pytest tests/test_findings_golden.py``, then read the diff;
updating is refused under CI.  A change in report.gt.json (assembly) and here (rules) shows
which stage moved.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from jixiao.pipeline import path_to_document
from jixiao.serialize import canonical_json

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ["seed-000", "seed-001", "seed-002", "seed-003", "seed-004"]


def _update() -> bool:
    return os.environ.get("UPDATE_GOLDEN", "") not in ("", "0")


def test_update_flag_is_off_in_ci() -> None:
    if os.environ.get("CI"):
        assert not _update(), "UPDATE_GOLDEN must not be set in CI"


@pytest.mark.parametrize("seed", SEEDS)
def test_findings_golden(seed: str) -> None:
    src = f"corpus/{seed}/report.txt"
    actual = canonical_json(path_to_document(ROOT / src, source=src).findings)
    gt = ROOT / "corpus" / seed / "findings.gt.json"
    if _update():
        if os.environ.get("CI"):
            pytest.fail("UPDATE_GOLDEN is set while CI=true: golden files are never rewritten in CI")
        gt.write_text(actual, encoding="utf-8")
    assert gt.exists(), f"missing golden file {gt.relative_to(ROOT)}: run UPDATE_GOLDEN=1 pytest {__file__}"
    expected = gt.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            "findings.gt.json", "actual", n=2))
        pytest.fail(f"{seed} findings differ from the golden file:\n{diff[:6000]}")
