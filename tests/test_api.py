"""The public Python API: jixiao.read / to_frames / check."""

from __future__ import annotations

from decimal import Decimal

from conftest import CORPUS, ROOT

import jixiao


def test_read_to_frames_and_check_on_seed_004() -> None:
    f = CORPUS / "seed-004" / "report.txt"
    doc = jixiao.read(f, str(f.relative_to(ROOT)))
    assert doc.status == "ok" and len(doc.reports) == 6
    frames = jixiao.to_frames([doc])
    ind = frames["indicators"]
    assert len(ind) == 44  # 9 + 7 + 6 + 6 + 10 + 6 indicators in the six forms
    # form 3 (防贫保服务费): 计划防贫保救助群众数量 ≥ 30 户, 完成值 49户
    row = ind[ind["name"] == "计划防贫保救助群众数量"].iloc[0]
    assert Decimal(str(row["target_value"])) == 30 and row["actual_raw"] == "49户"
    bud = jixiao.check(doc, select=["BUD002"])
    assert bud and all(f.rule_id == "BUD002" for f in bud)
    assert {f.actual for f in bud} >= {"94.77%"}


def test_seed_counts_in_the_dataset() -> None:
    """Issue ground truth: 10 reports (1+1+1+1+6) and 7 + 13 + 0 + 6 + 44 = 70 performance
    indicators; the 预算执行率 rows of seeds 000 and 001 are kept apart (role budget_execution)."""
    files = sorted(CORPUS.glob("seed-*/report.txt"))
    frames = jixiao.to_frames([jixiao.read(f, str(f.relative_to(ROOT)), rules=False) for f in files])
    rep = frames["reports"]
    assert len(rep) == 10
    assert rep.groupby("source")["n_indicators"].sum().to_dict() == {
        "corpus/seed-000/report.txt": 7, "corpus/seed-001/report.txt": 13, "corpus/seed-002/report.txt": 0,
        "corpus/seed-003/report.txt": 6, "corpus/seed-004/report.txt": 44}
    ind = frames["indicators"]
    assert ind["role"].value_counts().to_dict() == {"indicator": 70, "budget_execution": 2}
