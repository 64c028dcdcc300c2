"""``jixiao check`` and ``jixiao rules`` (PROVISIONAL until issue 5 lands)."""

from __future__ import annotations

COMMANDS: list = []
