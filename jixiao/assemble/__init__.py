"""Table reconstruction and report assembly: RawDocument → list[Report]."""

from __future__ import annotations

from jixiao.extract.raw import RawDocument
from jixiao.model import Report


def raw_to_reports(raw: RawDocument) -> list[Report]:
    """Split a raw document into reports and read each one's fields.

    PROVISIONAL: returns no reports until the assembly stage lands (issue 3).
    """
    return []
