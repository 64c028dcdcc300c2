"""Vocabulary of table assembly, loaded from ``data/table_labels.toml`` and validated at import."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, field_validator

from jixiao.assemble import patterns as P
from jixiao.catalogue_cache import load_catalogue
from jixiao.normalize.headers import fold_header


class _HeadingLevel1(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # built only to validate
    level1: str
    keywords: list[str]

    @field_validator("keywords")
    @classmethod
    def _non_empty(cls, v: list[str]) -> list[str]:
        if not v or any(not k.strip() for k in v):
            raise ValueError("heading_level1 keywords must be non-empty")
        return v


class TableLabels(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
    budget_execution: list[str]
    form_title_words: list[str]
    score_totals: list[str]
    heading_level1: list[_HeadingLevel1]


@lru_cache(maxsize=1)
def labels() -> TableLabels:
    raw = resources.files("jixiao.assemble").joinpath("data", "table_labels.toml").read_bytes()

    def validate() -> TableLabels:
        import tomllib

        return TableLabels.model_validate(tomllib.loads(raw.decode("utf-8")))

    return load_catalogue("table_labels", TableLabels, [raw], validate, modules=[__name__])


def is_budget_execution(text: str | None) -> bool:
    """"预算执行率" / "预算执行指标": the budget-execution row of an indicator table."""
    t = fold_header(text)
    return bool(t) and t in {fold_header(w) for w in labels().budget_execution}


def is_score_total(text: str | None) -> bool:
    """"总分": a total row whose single number is the score (not the weight)."""
    t = fold_header(text)
    return bool(t) and t in {fold_header(w) for w in labels().score_totals}


def is_form_title(text: str | None) -> bool:
    t = fold_header(text)
    return bool(t) and len(t) <= 40 and any(w in t for w in labels().form_title_words)


def is_title_line(text: str | None) -> bool:
    """A form title, or a title's year line standing alone: "（2021年度）"."""
    if is_form_title(text):
        return True
    t = fold_header(text)
    return bool(t) and len(t) <= 12 and bool(P.YEAR_LINE.match(t))


def heading_level1(text: str | None) -> str | None:
    """Level-1 indicator named by a section heading ("（二）项目产出情况" → "产出指标")."""
    t = fold_header(text)
    if not t or len(t) > 30:
        return None
    for h in labels().heading_level1:
        if any(k in t for k in h.keywords):
            return h.level1
    return None


labels()  # validate at import
