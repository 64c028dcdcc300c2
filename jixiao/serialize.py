"""Canonical JSON: sorted keys, Decimals as strings, UTF-8, stable across runs."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel


def to_plain(obj: Any) -> Any:
    if isinstance(obj, BaseModel):
        return obj.model_dump(mode="json")
    if isinstance(obj, list):
        return [to_plain(o) for o in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


def canonical_json(obj: Any) -> str:
    """Serialize a model (or list/dict of models) canonically, ending in a newline."""
    return json.dumps(to_plain(obj), ensure_ascii=False, sort_keys=True, indent=1) + "\n"
