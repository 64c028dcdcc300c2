"""Batch ingest: many files → one dataset (parallel, cached, atomic).  Lands with issue 6."""
