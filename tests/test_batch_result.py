"""The worker/cache payload: a document's rows survive JSON exactly (Decimals included)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from seed004_docs import error_document, seed004_document

from jixiao.batch.result import document_to_result, json_to_result, result_to_json
from jixiao.export.frames import document_to_rows


def test_rows_round_trip_exactly() -> None:
    doc = seed004_document()
    back = json_to_result(result_to_json(document_to_result(doc)))
    assert back.rows == document_to_rows(doc)
    total = back.rows["budget_lines"][0]
    assert total[6] == Decimal("67.00") and str(total[6]) == "67.00"  # trailing zeros kept (line 35)
    assert (back.status, back.n_reports, back.n_indicators) == ("ok", 1, 4)
    assert dict(back.findings) == {"warning": 1, "error": 1, "info": 1}


def test_error_document_round_trips() -> None:
    back = json_to_result(result_to_json(document_to_result(error_document())))
    assert (back.status, back.error, back.n_reports) == ("error", "不支持的文件格式（doc）", 0)


def test_an_entry_of_another_shape_is_refused() -> None:
    with pytest.raises((ValueError, KeyError)):
        json_to_result('{"doc_id": "x"}')
    bad = result_to_json(document_to_result(seed004_document())).replace('"budget_lines":[[', '"budget_lines":[[1,', 1)
    with pytest.raises(ValueError, match="columns"):
        json_to_result(bad)


def test_the_worker_side_does_not_load_pandas_or_pyarrow() -> None:
    """Each worker's RSS counts (target < 300 MB); pandas alone adds ~70 MB."""
    import subprocess
    import sys

    code = ("import sys, jixiao.batch.worker, jixiao.batch.result, jixiao.pipeline\n"
            "print(sorted(m for m in ('pandas', 'pyarrow', 'duckdb', 'openpyxl') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
