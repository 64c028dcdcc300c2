"""The same form in another medium assembles to the same reports.

A corpus case whose ``meta.toml`` says ``same_as = "<case>"`` (a DOCX generated
from a text seed, its PDF conversion) must give reports equal to that case's,
provenance aside (line numbers vs grid cells vs PDF pages)."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from jixiao.pipeline import path_to_document
from jixiao.serialize import to_plain

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _report_file(case: Path) -> Path | None:
    files = sorted(p for p in case.glob("report.*") if p.suffix in (".txt", ".docx", ".pdf"))
    return files[0] if files else None


def _pairs() -> list[tuple[str, str]]:
    out = []
    for meta in sorted(CORPUS.glob("*/meta.toml")):
        other = tomllib.loads(meta.read_text("utf-8")).get("same_as")
        if other and _report_file(meta.parent) and _report_file(CORPUS / other):
            out.append((meta.parent.name, other))
    return out


def _strip(o: Any) -> Any:
    if isinstance(o, dict):
        return {k: _strip(v) for k, v in o.items() if k not in ("prov", "sources", "report_id")}
    if isinstance(o, list):
        return [_strip(v) for v in o]
    return o


def _reports(case: str) -> str:
    f = _report_file(CORPUS / case)
    assert f is not None
    doc = path_to_document(f, source=str(f.relative_to(CORPUS.parent)), rules=False)
    return json.dumps(_strip(to_plain(doc.reports)), ensure_ascii=False, indent=1, sort_keys=True)


@pytest.mark.parametrize(("case", "other"), _pairs())
def test_same_reports_in_another_medium(case: str, other: str) -> None:
    assert _reports(case) == _reports(other)


def test_there_are_pairs_to_compare() -> None:
    """The comparison above must not silently run on nothing."""
    assert len(_pairs()) >= 5
