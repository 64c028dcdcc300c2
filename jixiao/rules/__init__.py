"""Declarative validators over the model.  ``run_rules`` collects every finding.

Rules live in family modules (``budget``, ``scores``, ``indicators``, ``classification``,
``text``, ``extraction``, ``dates``) and in ``families.toml``; importing this package registers them all.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from jixiao.model import Document, Finding
from jixiao.rules import (  # noqa: F401  (registration)
    budget,
    classification,
    dates,
    extraction,
    families,
    indicators,
    scores,
    text,
)
from jixiao.rules.config import DEFAULT, ConfigError, RulesConfig, load_config
from jixiao.rules.registry import REGISTRY, Evidence, Rule, rule, run, selected_rules


def _config(config: object | None) -> RulesConfig:
    if config is None:
        return DEFAULT
    if isinstance(config, RulesConfig):
        return config
    if isinstance(config, (str, Path)):
        return load_config(config)
    raise TypeError(f"config must be a RulesConfig, a path or None, not {type(config).__name__}")


def run_rules(
    doc: Document,
    config: object | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> list[Finding]:
    """Run the rule catalogue over one document.

    ``config``: a :class:`RulesConfig`, a path to a TOML file overlaid on the defaults, or None.
    ``select`` / ``ignore``: rule ids or prefixes ("BUD", "SCR01", "TXT001"), comma lists allowed.
    """
    cfg = _config(config)
    return run(doc, cfg, select, ignore)  # severity overrides are applied before calibration


__all__ = ["REGISTRY", "ConfigError", "Evidence", "Rule", "RulesConfig", "load_config", "rule", "run_rules",
           "selected_rules"]
