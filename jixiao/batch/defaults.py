"""Batch defaults, in a module light enough for the command line to import at start-up."""

from __future__ import annotations

import os

DEFAULT_FORMATS: tuple[str, ...] = ("csv", "parquet")
#: seconds one file may take (ingest, check and extract); a real report takes 0.1–5 s
DEFAULT_TIMEOUT = 120.0
#: address space per worker in MiB (0: no limit); a worker reading the corpus peaks near 300 MiB
DEFAULT_MEMORY_MB = 2048


def default_jobs() -> int:
    """Worker processes when ``--jobs`` is not given: the cores, at most 2."""
    return max(1, min(2, os.cpu_count() or 1))
