"""notebooks/explore.ipynb runs as a notebook (nbclient, a real kernel) against a dataset written
by the package, and shows its plots; Decimal columns become numbers through the package helper."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import CORPUS, ROOT
from nbclient import NotebookClient

from jixiao.export import TableRows, decimals_to_float, write_dataset
from jixiao.pipeline import path_to_document


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rows = TableRows()
    for n in range(5):
        rows.add(path_to_document(CORPUS / f"seed-00{n}" / "report.txt", f"corpus/seed-00{n}/report.txt"))
    rows.add(path_to_document(CORPUS / "xlsx-sichuan-004" / "report.xlsx", "corpus/xlsx-sichuan-004/report.xlsx"))
    d = tmp_path_factory.mktemp("out")
    write_dataset(rows.tables(), d, ("parquet", "duckdb"))
    return d


def test_explore_notebook_executes_and_plots(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    monkeypatch.setenv("JIXIAO_OUT", str(out))
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(ROOT / "notebooks")}}
                   ).execute()
    images = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if "image/png" in o.get("data", {})]
    assert len(images) == 3  # execution rates, findings by rule and department, completion by level
    last = nb.cells[-1]["outputs"][0]["text"]
    summary = json.loads(last.strip().splitlines()[-1])
    assert summary["reports"] == 12  # 10 in the five seeds + 2 forms of the xlsx workbook
    assert summary["projects"] < summary["reports"]  # the workbook's forms are seed 004's: counted once
    assert summary["rates"] >= 5 and summary["levels"] > 20
    assert summary["rate_dtype"] == "float64"
    assert {"BUD008", "IND006"} <= set(summary["rules"])


def test_decimals_to_float_converts_only_decimal_columns() -> None:
    df = pd.DataFrame({"a": pd.Series([Decimal("61.04"), None], dtype=object), "b": ["x", "y"], "c": [1, 2]})
    out = decimals_to_float(df)
    assert out["a"].dtype == "float64" and out["a"].iloc[0] == 61.04 and pd.isna(out["a"].iloc[1])
    assert out["b"].tolist() == ["x", "y"] and out["c"].tolist() == [1, 2]
    assert isinstance(df["a"].iloc[0], Decimal)  # the input is left exact
