"""docs/rules.md is generated from the registry and must not be stale."""

from __future__ import annotations

from jixiao.rules import REGISTRY
from jixiao.rules.doc import DOC_PATH, main, rules_markdown


def test_rules_doc_is_current() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == rules_markdown(), "run: python -m jixiao.rules.doc"
    assert main(["--check"]) == 0


def test_rules_doc_lists_every_rule() -> None:
    text = rules_markdown()
    for rid, r in REGISTRY.items():
        assert f"| {rid} | {r.severity.value} |" in text
    assert "reason_required_below = 90" in text
