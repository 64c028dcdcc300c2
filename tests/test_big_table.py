"""benchmarks/big_table.py: a form with a very large indicator table is read completely
(the timing is the benchmark's job; here only the result is checked, on a smaller table)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from big_table import big_form  # noqa: E402

from jixiao.pipeline import path_to_document  # noqa: E402


def test_every_row_of_a_2000_row_table_becomes_one_indicator(tmp_path: Path) -> None:
    f = tmp_path / "big.md"
    f.write_text(big_form(2000), encoding="utf-8")
    doc = path_to_document(f, f.name, rules=True)
    (rep,) = doc.reports
    assert len(rep.indicators) == 2000
    assert (rep.indicators[0].name, rep.indicators[0].target.raw, rep.indicators[0].actual.raw) == ("测试指标1", "≥10个", "12个")
    assert rep.indicators[-1].name == "测试指标2000" and rep.project_name.text == "大表测试项目"
