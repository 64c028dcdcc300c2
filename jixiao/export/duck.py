"""DuckDB database: the dataset tables plus analysis views.

Views (see ``docs/dataset.md`` for example SQL):

- ``report_findings``: one row per report with its findings counted by severity
- ``indicator_completion``: each indicator with target/actual in the base unit,
  the completion ratio and whether the target was met — ``indicators.target_met``,
  computed by :mod:`jixiao.targets`, the notion the rules use
- ``budget_execution``: the total budget lines summed by department and year,
  money in 万元 (元, 千元, 万元, 亿元 converted; other or unstated units counted in
  ``n_unit_unknown``), with the execution rate

Every view counts each project once: a report with ``reports.duplicate_of`` (the same project
read from another file, :mod:`jixiao.export.duplicates`) is left out; the tables keep all rows.

A DuckDB file is not byte-identical between runs (its block layout varies);
its contents are.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa

VIEWS: dict[str, str] = {
    "report_findings": """
        SELECT r.report_id, r.doc_id, r.source, r.seq, r.project_name, r.department, r.year,
               r.total_score, r.grade,
               count(f.rule_id) AS n_findings,
               count(f.rule_id) FILTER (WHERE f.severity = 'error') AS n_error,
               count(f.rule_id) FILTER (WHERE f.severity = 'warning') AS n_warning,
               count(f.rule_id) FILTER (WHERE f.severity = 'info') AS n_info
        FROM reports r LEFT JOIN findings f ON f.report_id = r.report_id
        WHERE r.duplicate_of IS NULL
        GROUP BY ALL
        ORDER BY r.source, r.seq
    """,
    "indicator_completion": """
        SELECT i.report_id, r.project_name, r.department, r.year,
               i.seq, i.role, i.level1, i.level2, i.name, i.comparator,
               i.target_raw, i.actual_raw, i.target_base_value, i.actual_base_value, i.base_unit,
               i.weight, i.score,
               -- only where target and actual compare (the rules' notion, jixiao/targets.py): a "1"
               -- in a percent row is a likely ratio, not 1 %, and has no ratio here
               CASE WHEN i.target_met IS NOT NULL AND i.target_base_value <> 0
                    THEN CAST(i.actual_base_value AS DOUBLE) / CAST(i.target_base_value AS DOUBLE) END
                 AS completion_ratio,
               CAST(i.target_met AS BOOLEAN) AS target_met,
               CASE WHEN i.weight <> 0 THEN CAST(i.score AS DOUBLE) / CAST(i.weight AS DOUBLE) END
                 AS score_ratio
        FROM indicators i JOIN reports r ON r.report_id = i.report_id
        WHERE r.duplicate_of IS NULL
        ORDER BY r.source, r.seq, i.role, i.seq
    """,
    "budget_execution": """
        WITH totals AS (
            -- a line whose money unit the report does not state (or states in a unit not known
            -- here) is not summed (it would mix 元 and 万元); it is counted in n_unit_unknown instead
            SELECT r.department, r.year, b.report_id, b.money_unit, u.factor,
                   b.adjusted * u.factor AS adjusted_wan, b.executed * u.factor AS executed_wan
            FROM budget_lines b JOIN reports r ON r.report_id = b.report_id
                 LEFT JOIN (VALUES ('元', 0.0001), ('千元', 0.1), ('万元', 1), ('亿元', 10000)) AS u(unit, factor)
                   ON u.unit = b.money_unit
            WHERE b.line_kind = 'total' AND b.depth = 0 AND r.duplicate_of IS NULL
        )
        SELECT department, year, count(DISTINCT report_id) AS n_reports,
               count(*) FILTER (WHERE factor IS NULL) AS n_unit_unknown,
               sum(adjusted_wan) AS adjusted_wan, sum(executed_wan) AS executed_wan,
               CASE WHEN sum(adjusted_wan) <> 0
                    THEN round(100 * CAST(sum(executed_wan) AS DOUBLE) / CAST(sum(adjusted_wan) AS DOUBLE), 2)
               END AS execution_rate_pct
        FROM totals
        GROUP BY department, year
        ORDER BY department, year
    """,
}


def arrow_to_duckdb(tables: dict[str, pa.Table], path: Path) -> Path:
    if path.exists():
        path.unlink()
    con = duckdb.connect(str(path))
    try:
        for name, t in tables.items():
            con.register("_src", t)
            con.execute(f'CREATE TABLE "{name}" AS SELECT * FROM _src')
            con.unregister("_src")
        for name, sql in VIEWS.items():
            con.execute(f'CREATE VIEW "{name}" AS {sql}')
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return path
