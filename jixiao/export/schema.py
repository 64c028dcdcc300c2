"""The dataset contract: tables, their columns and column types.

One place names every column of every exported table; the frame builder, the
CSV/Parquet/XLSX/DuckDB writers and the docs (``docs/dataset.md``) all follow it.

Column types:

- ``str``: text (``None`` when absent)
- ``int``: a whole number (nullable)
- ``dec``: an exact :class:`~decimal.Decimal` (nullable); Parquet ``decimal128``,
  CSV the plain decimal string, never a float
"""

from __future__ import annotations

from typing import Literal

ColType = Literal["str", "int", "dec"]

#: table name → ordered (column, type) pairs.
TABLES: dict[str, tuple[tuple[str, ColType], ...]] = {
    "documents": (
        ("doc_id", "str"),
        ("source", "str"),
        ("format", "str"),
        ("sha256", "str"),
        ("status", "str"),
        ("error", "str"),
        ("n_reports", "int"),
        ("n_findings", "int"),
        ("kind", "str"),
        ("kind_evidence", "str"),
    ),
    "reports": (
        ("report_id", "str"),
        ("doc_id", "str"),
        ("seq", "int"),
        ("project_name", "str"),
        ("project_code", "str"),
        ("department", "str"),
        ("implementer", "str"),
        ("year", "int"),
        ("total_weight", "dec"),
        ("total_score", "dec"),
        ("grade", "str"),
        ("source", "str"),
        ("shape", "str"),
        ("n_indicators", "int"),
        ("n_findings", "int"),
        ("total_weight_raw", "str"),
        ("total_score_raw", "str"),
        ("goal", "str"),
        ("completion", "str"),
        ("conclusion", "str"),
        ("problems", "str"),
        ("measures", "str"),
        ("source_page", "int"),
        ("source_line", "int"),
        ("duplicate_of", "str"),
        ("kind", "str"),
        ("kind_evidence", "str"),
    ),
    "budget_lines": (
        ("report_id", "str"),
        ("seq", "int"),
        ("line", "str"),
        ("line_kind", "str"),
        ("money_unit", "str"),
        ("initial", "dec"),
        ("adjusted", "dec"),
        ("to_hand", "dec"),
        ("executed", "dec"),
        ("balance", "dec"),
        ("rate_pct", "dec"),
        ("weight", "dec"),
        ("score", "dec"),
        ("reason", "str"),
        ("depth", "int"),
        ("rate_raw", "str"),
        ("to_hand_rate_pct", "dec"),
        ("source_page", "int"),
        ("source_line", "int"),
    ),
    "indicators": (
        ("report_id", "str"),
        ("seq", "int"),
        ("level1", "str"),
        ("level2", "str"),
        ("name", "str"),
        ("comparator", "str"),
        ("target_raw", "str"),
        ("target_value", "dec"),
        ("target_unit", "str"),
        ("actual_raw", "str"),
        ("actual_value", "dec"),
        ("actual_unit", "str"),
        ("target_base_value", "dec"),
        ("actual_base_value", "dec"),
        ("base_unit", "str"),
        ("weight", "dec"),
        ("score", "dec"),
        ("completion_rate_pct", "dec"),
        ("reason", "str"),
        ("source_page", "int"),
        ("source_line", "int"),
        ("role", "str"),
        ("unit", "str"),
        ("target_kind", "str"),
        ("actual_kind", "str"),
        ("weight_raw", "str"),
        ("score_raw", "str"),
        ("filled", "str"),
        ("origin", "str"),
        ("source_table", "int"),
        ("source_row", "int"),
        ("target_met", "int"),
        ("mid_target_raw", "str"),
        ("mid_target_value", "dec"),
        ("weight_share", "dec"),
        ("converted_score", "dec"),
    ),
    "stated_scores": (
        ("report_id", "str"),
        ("seq", "int"),
        ("label", "str"),
        ("weight", "dec"),
        ("score", "dec"),
        ("source_page", "int"),
        ("source_line", "int"),
    ),
    "findings": (
        ("report_id", "str"),
        ("doc_id", "str"),
        ("rule_id", "str"),
        ("severity", "str"),
        ("subject", "str"),
        ("message", "str"),
        ("expected", "str"),
        ("actual", "str"),
        ("source_page", "int"),
        ("source_line", "int"),
        ("seq", "int"),
        ("title", "str"),
        ("source", "str"),
        ("subject_zh", "str"),
        ("extraction_doubt", "int"),
        ("related", "str"),
        ("n_evidence", "int"),
        ("evidence_json", "str"),
        ("evidence_location", "str"),
        ("evidence_source", "str"),
        ("evidence_page", "int"),
        ("evidence_sheet", "str"),
        ("evidence_cell", "str"),
        ("evidence_table", "int"),
        ("evidence_row", "int"),
        ("evidence_column", "int"),
        ("evidence_line_start", "int"),
        ("evidence_line_end", "int"),
        ("evidence_text", "str"),
    ),
}

TABLE_NAMES: tuple[str, ...] = tuple(TABLES)


def columns(table: str) -> list[str]:
    return [c for c, _ in TABLES[table]]


def column_types(table: str) -> dict[str, ColType]:
    return dict(TABLES[table])
