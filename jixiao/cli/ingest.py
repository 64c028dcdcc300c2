"""``jixiao ingest`` (PROVISIONAL until the batch/export stage lands, issue 6)."""

from __future__ import annotations

COMMANDS: list = []
