"""jixiao (绩效): budget-performance self-evaluation reports → a validated dataset."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "read"]


def read(path, source=None, **kw):  # type: ignore[no-untyped-def]
    """Read one report file into a :class:`jixiao.model.Document` (see ``jixiao.pipeline.read``)."""
    from jixiao.pipeline import read as _read

    return _read(path, source, **kw)
