"""Properties over hostile text (issue 14 item 9): the value parser and the whole text pipeline
(load → assemble → rules) never raise, whatever dialect or characters they are given."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from strategies import QUANTITY_TEXT, REPORT_TEXT

from jixiao.model import Quantity
from jixiao.normalize import text_to_quantity
from jixiao.pipeline import path_to_document

_HINT = QUANTITY_TEXT.map(lambda s: s[:4] or None)  # a unit column's text, as hostile as the value


@settings(max_examples=300, deadline=None)
@given(QUANTITY_TEXT, _HINT)
def test_value_parser_never_raises_on_report_notation(text: str, hint: str | None) -> None:
    q = text_to_quantity(text, hint)
    assert isinstance(q, Quantity) and q.raw == text
    if q.value is not None:
        assert q.value.is_finite()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(REPORT_TEXT)
def test_text_pipeline_never_raises_on_any_dialect(tmp_path: Path, text: str) -> None:
    p = tmp_path / "r.txt"
    p.write_bytes(text.encode("utf-8", "surrogatepass"))
    doc = path_to_document(p, "r.txt")
    assert doc.status in ("ok", "empty", "error", "not_report", "unreadable")
    if doc.status == "error":
        assert doc.error
