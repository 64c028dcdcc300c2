"""A report with one very large indicator table, through the whole pipeline (rules on).

    .venv/bin/python benchmarks/big_table.py [--rows 10000] [--format md]

Issue 14's target: a 10,000-row table ingests in under 10 s.  Prints the rows read and the
seconds of each stage (load, assemble, rules), measured in this run.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path


def big_form(rows: int) -> str:
    """A self-evaluation form as a Markdown pipe table: header block, budget, ``rows`` indicators."""
    out = ["# 某项目支出绩效自评表（2024年度）", "", "| 项目名称 | 大表测试项目 |", "| --- | --- |",
           "| 主管部门 | 测试局 |", "", "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |",
           "| --- | --- | --- | --- | --- | --- | --- |"]
    for i in range(rows):
        out.append(f"| 产出指标 | 数量指标 | 测试指标{i + 1} | ≥{i % 90 + 10}个 | {i % 90 + 12}个 | 1 | 1 |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=10_000)
    args = ap.parse_args(argv)
    from jixiao.assemble import raw_to_reports
    from jixiao.pipeline import path_to_document, path_to_raw

    with tempfile.TemporaryDirectory() as d:
        f = Path(d) / "big.md"
        f.write_text(big_form(args.rows), encoding="utf-8")
        t0 = time.perf_counter()
        raw = path_to_raw(f, f.name)
        t1 = time.perf_counter()
        reports = raw_to_reports(raw)
        t2 = time.perf_counter()
        doc = path_to_document(f, f.name, rules=True)
        t3 = time.perf_counter()
    n = sum(len(r.indicators) for r in reports)
    print(f"rows {args.rows}: indicators read {n}; load {t1 - t0:.2f} s, assemble {t2 - t1:.2f} s, "
          f"whole pipeline with rules {t3 - t2:.2f} s ({len(doc.findings)} findings)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
