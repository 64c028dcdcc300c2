"""Declarative validators over the model.  ``run_rules`` collects every finding."""

from __future__ import annotations

from collections.abc import Iterable

from jixiao.model import Document, Finding


def run_rules(
    doc: Document,
    config: object | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[Finding]:
    """Run the rule catalogue over one document.  PROVISIONAL: no rules yet (issue 5)."""
    return []
