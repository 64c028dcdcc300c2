"""Batch ingest: many files → one dataset (parallel, crash-isolated, cached, atomic).

``paths_to_dataset(paths, out, formats=..., jobs=..., use_cache=...)`` is the entry
point; ``jixiao ingest`` is its command line.  Names are imported lazily, so a
worker process (``python -m jixiao.batch.worker``) loads only what it needs.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {name: "jixiao.batch.run" for name in ("Summary", "paths_to_dataset")}
_LAZY.update({name: "jixiao.batch.defaults" for name in ("DEFAULT_FORMATS", "default_jobs")})

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'jixiao.batch' has no attribute {name!r}")
