"""The QA report: one static HTML file an auditor opens in a browser (no server, no network).

``build_report(tables)`` renders the dataset tables (as from ``TableRows.tables()`` or read back
from an output directory with :func:`load_dataset`) into HTML: a summary by rule, severity,
department and year; per document and report the reconstructed budget and indicator tables with
each flagged cell highlighted (``data-rule`` / ``data-subject``) and its finding beside it, the
quoted source text and its location; filters by severity, rule, department and year (inline
script).  Every text from a document is escaped.
"""

from __future__ import annotations

from jixiao.qa.dataset import Dataset, dataset_from_documents, load_dataset
from jixiao.qa.page import build_report, write_report

__all__ = ["Dataset", "build_report", "dataset_from_documents", "load_dataset", "write_report"]
