"""The notebook runs against the current package (its code cells executed in order)."""

from __future__ import annotations

import json

from conftest import ROOT


def test_explore_notebook_runs(monkeypatch) -> None:
    nb = json.loads((ROOT / "notebooks" / "explore.ipynb").read_text(encoding="utf-8"))
    monkeypatch.chdir(ROOT / "notebooks")
    ns: dict = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), "explore.ipynb", "exec"), ns)
    frames = ns["frames"]
    assert len(frames["reports"]) == 10  # 1 + 1 + 1 + 1 + 6 reports in the five seeds
    assert set(frames["findings"]["severity"]) <= {"error", "warning", "info"}
