"""Batch ingest: many files → one dataset (parallel, crash-isolated, cached, atomic).

``paths_to_dataset(paths, out, formats=..., jobs=..., use_cache=...)`` is the entry
point; ``jixiao ingest`` is its command line.
"""

from __future__ import annotations

from jixiao.batch.run import DEFAULT_FORMATS, Summary, default_jobs, paths_to_dataset

__all__ = ["DEFAULT_FORMATS", "Summary", "default_jobs", "paths_to_dataset"]
