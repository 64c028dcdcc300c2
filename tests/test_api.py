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
