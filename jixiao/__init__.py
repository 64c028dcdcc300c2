"""jixiao (绩效): budget-performance self-evaluation reports → a validated dataset.

Public API::

    import jixiao
    doc = jixiao.read("report.docx")           # -> jixiao.model.Document
    frames = jixiao.to_frames([doc])           # -> {"documents": DataFrame, "reports": ..., ...}
    findings = jixiao.check(doc, select=["BUD"])

Heavy modules are imported on first use, so ``import jixiao`` stays cheap.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "check", "read", "to_frames"]

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from jixiao.model import Document, Finding


def read(path: Any, source: str | None = None, **kw: Any) -> Document:
    """Read, assemble and check one report file (see :func:`jixiao.pipeline.path_to_document`)."""
    from jixiao.pipeline import path_to_document

    return path_to_document(path, source, **kw)


def to_frames(documents: Iterable[Document]) -> dict[str, pd.DataFrame]:
    """The dataset tables (docs/dataset.md) of some documents as pandas DataFrames."""
    from jixiao.export.frames import documents_to_frames

    return documents_to_frames(documents)


def check(doc: Document, config: Any = None, select: Iterable[str] | None = None,
          ignore: Iterable[str] | None = None) -> list[Finding]:
    """Run the rule catalogue over a Document; returns every finding."""
    from jixiao.rules import run_rules

    return run_rules(doc, config, select, ignore)
