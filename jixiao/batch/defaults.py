"""Batch defaults, in a module light enough for the command line to import at start-up."""

from __future__ import annotations

import os

DEFAULT_FORMATS: tuple[str, ...] = ("csv", "parquet")


def default_jobs() -> int:
    """Worker processes when ``--jobs`` is not given: the cores, at most 2."""
    return max(1, min(2, os.cpu_count() or 1))
