"""Documents → tables (pandas) → CSV / Parquet / XLSX / DuckDB."""
