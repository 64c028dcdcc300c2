"""Rule configuration: tolerances and regional variants, from TOML with documented defaults.

``load_config()`` reads ``rules/data/default.toml``; ``load_config(path)`` overlays a user
file on it (only the keys it names).  The result is validated (pydantic): an unknown key
or a wrong type is a :class:`ConfigError` with a Chinese message.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from jixiao.catalogue_cache import load_catalogue
from jixiao.errors import JixiaoError
from jixiao.model import Severity

DEFAULT_PATH = Path(__file__).parent / "data" / "default.toml"


class ConfigError(JixiaoError):
    """A rules configuration file that cannot be read or does not validate."""


class _Strict(BaseModel):
    # defer_build: a configuration read from the cache (jixiao.catalogue_cache) builds no validator
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class ScoresConfig(_Strict):
    total: Decimal
    rounding: list[Literal["half_up", "half_even", "truncate"]]
    budget_weights: list[Decimal]
    tolerance: Decimal
    formula_tolerance: Decimal


class BudgetConfig(_Strict):
    rate_extra_tolerance: Decimal
    reason_required_below: Decimal


class IndicatorsConfig(_Strict):
    over_achievement: Decimal
    eq_cost_as_le: bool
    infer_missing_direction: bool
    cost_words: list[str]
    satisfaction_words: list[str]
    satisfaction_level1: list[str]
    output_level1: list[str]
    cost_level1_since: int


class QualitativeConfig(_Strict):
    achieved: tuple[Decimal, Decimal]
    partly: tuple[Decimal, Decimal]
    not_achieved: tuple[Decimal, Decimal]


class GradeBand(_Strict):
    grade: str
    min: Decimal
    words: list[str]


class TextConfig(_Strict):
    template_phrases: list[str]
    link_min_overlap: int
    plan_words: list[str]
    full_completion_phrases: list[str]
    intention_words: list[str]


class MergeConfig(_Strict):
    #: [primary, secondary, test]; test: "always" | "same_gap" | "gap_within" (rules/merge.py)
    pairs: list[tuple[str, str, Literal["always", "same_gap", "gap_within"]]]


class RulesConfig(_Strict):
    scores: ScoresConfig
    budget: BudgetConfig
    indicators: IndicatorsConfig
    qualitative: QualitativeConfig
    grades: list[GradeBand]
    text: TextConfig
    merge: MergeConfig = MergeConfig(pairs=[])
    severity: dict[str, Severity] = {}

    @field_validator("grades")
    @classmethod
    def _bands_descending(cls, v: list[GradeBand]) -> list[GradeBand]:
        mins = [b.min for b in v]
        if not v or mins != sorted(mins, reverse=True):
            raise ValueError("grades must be listed highest band first")
        return v

    def grade_of(self, text: str | None) -> str | None:
        """The canonical grade named in ``text`` (longest spelling wins), or None."""
        if not text:
            return None
        words = sorted(((w, b.grade) for b in self.grades for w in b.words), key=lambda p: -len(p[0]))
        for word, grade in words:
            if word in text:
                return grade
        return None

    def band_of(self, total: Decimal) -> str:
        for b in self.grades:
            if total >= b.min:
                return b.grade
        return self.grades[-1].grade


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in over.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise ConfigError(f"无法读取规则配置文件 {path}：{e.strerror or e}") from e


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    import tomllib

    try:
        return tomllib.loads(raw.decode("utf-8"), parse_float=Decimal)
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise ConfigError(f"规则配置文件 {path} 不是有效的 TOML：{e}") from e


def _read(path: Path) -> dict[str, Any]:
    return _parse(path, _bytes(path))


@lru_cache(maxsize=1)
def _default_bytes() -> bytes:
    return _bytes(DEFAULT_PATH)


def load_config(path: str | Path | None = None) -> RulesConfig:
    """The default configuration, or ``path`` overlaid on it (validated once per content:
    :mod:`jixiao.catalogue_cache`)."""
    base = _default_bytes()
    over = None if path is None else _bytes(Path(path))

    def validate() -> RulesConfig:
        data = _parse(DEFAULT_PATH, base)
        if path is not None and over is not None:
            data = _merge(data, _parse(Path(path), over))
        try:
            return RulesConfig.model_validate(data)
        except ValidationError as e:
            where = path if path is not None else DEFAULT_PATH
            raise ConfigError(f"规则配置文件 {where} 有误：{e}") from e

    return load_catalogue("rules_config" if over is None else "rules_config-user", RulesConfig,
                          [base] if over is None else [base, over], validate, modules=[__name__, "jixiao.model"])


DEFAULT = load_config()
