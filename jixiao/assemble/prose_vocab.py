"""Vocabulary for reading narrative reports, loaded from ``data/prose_*.toml`` and
validated at import (a bad entry fails loudly here, not deep inside a parse)."""

from __future__ import annotations

from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jixiao.catalogue_cache import load_catalogue
from jixiao.normalize.roles import roles_in


class _Strict(BaseModel):
    # defer_build: a vocabulary read from the cache (jixiao.catalogue_cache) builds no validator
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


def _nonempty(v: list[str]) -> list[str]:
    if not v or any(not w.strip() for w in v):
        raise ValueError("word lists must be non-empty and hold no blank words")
    return v


class TextVocab(_Strict):
    min_wrapped_line: int = Field(gt=0)
    max_heading: int = Field(gt=0)
    min_unnumbered_heading: int = Field(gt=0)
    sentence_end: str = Field(min_length=1)
    clause_delims: str = Field(min_length=1)
    appendix_markers: list[str]
    stamps: list[str]
    title_ends: list[str]

    _v = field_validator("appendix_markers", "stamps", "title_ends")(_nonempty)


SectionKind = Literal["goal", "completion", "conclusion", "problems", "measures"]


class SectionDef(_Strict):
    kind: SectionKind
    synonyms: list[str]
    exclude: list[str] = Field(default_factory=list)

    _v = field_validator("synonyms")(_nonempty)


class SectionsVocab(_Strict):
    section: list[SectionDef]

    @field_validator("section")
    @classmethod
    def _unique(cls, v: list[SectionDef]) -> list[SectionDef]:
        kinds = [s.kind for s in v]
        if len(set(kinds)) != len(kinds):
            raise ValueError(f"duplicate section kind in {kinds}")
        return v


class TitleVocab(_Strict):
    markers: list[str]
    max_lines: int = Field(gt=0)
    max_line: int = Field(gt=0)
    suffixes: list[str]

    _v = field_validator("markers", "suffixes")(_nonempty)


class HeaderVocab(_Strict):
    max_prefix: int = Field(ge=0)
    fields: dict[Literal["project_name", "department", "implementer", "year"], list[str]]
    name_before: list[str]
    name_min: int = Field(ge=1)
    name_max: int = Field(ge=1)
    title: TitleVocab


class RoleWords(_Strict):
    role: str
    words: list[str]

    _v = field_validator("words")(_nonempty)


class BudgetVocab(_Strict):
    line_label: str = Field(min_length=1)
    money_role: list[RoleWords]
    rate_role: list[RoleWords]

    @field_validator("money_role")
    @classmethod
    def _money_roles(cls, v: list[RoleWords]) -> list[RoleWords]:
        for r in v:
            if r.role not in roles_in("budget", ("money",)):
                raise ValueError(f"unknown money role {r.role!r}")
        return v

    @field_validator("rate_role")
    @classmethod
    def _rate_roles(cls, v: list[RoleWords]) -> list[RoleWords]:
        for r in v:
            if r.role not in roles_in("budget", ("rate",)):
                raise ValueError(f"unknown rate role {r.role!r}")
        return v


class GradeVocab(_Strict):
    intros: list[str]
    weak_intros: list[str]
    words: list[str]
    strong_words: list[str]
    trailers: list[str] = Field(default_factory=list)
    quotes: str

    _v = field_validator("intros", "weak_intros", "words", "strong_words")(_nonempty)

    @field_validator("strong_words")
    @classmethod
    def _subset(cls, v: list[str], info) -> list[str]:  # type: ignore[no-untyped-def]
        missing = set(v) - set(info.data.get("words", []))
        if missing:
            raise ValueError(f"strong grade words not in words: {sorted(missing)}")
        return v


class ScoresVocab(_Strict):
    score_words: list[str]
    follow_words: list[str]
    zero_score_words: list[str]
    label_suffixes: list[str]
    label_prefixes: list[str]
    label_anchors: list[str]
    budget_labels: list[str]
    total_words: list[str]
    total_score_words: list[str]
    max_label: int = Field(gt=0)
    grade: GradeVocab

    _v = field_validator(
        "score_words", "zero_score_words", "label_suffixes", "label_anchors", "budget_labels",
        "total_words", "total_score_words",
    )(_nonempty)


class Level1Def(_Strict):
    name: str
    words: list[str]

    _v = field_validator("words")(_nonempty)


class IndicatorShape(_Strict):
    dashes: list[str]
    max_line: int = Field(gt=0)
    max_unit: int = Field(gt=0)
    unit_continuations: str = ""


class ClauseWords(_Strict):
    actual: list[str]
    completion_rate: list[str]
    score: list[str]
    weight: list[str]

    _v = field_validator("actual", "completion_rate", "score", "weight")(_nonempty)


class IndicatorsVocab(_Strict):
    max_heading: int = Field(gt=0)
    clauses: ClauseWords
    level1: list[Level1Def]
    level2_suffix: str = Field(min_length=1)
    indicator: IndicatorShape


class ProseVocab(_Strict):
    text: TextVocab
    sections: SectionsVocab
    header: HeaderVocab
    budget: BudgetVocab
    scores: ScoresVocab
    indicators: IndicatorsVocab


_FILES = ("text", "sections", "header", "budget", "scores", "indicators")


def _read(name: str) -> bytes:
    return resources.files("jixiao.assemble").joinpath("data", f"prose_{name}.toml").read_bytes()


def load_vocab() -> ProseVocab:
    """Read and validate every ``data/prose_*.toml`` file (memoised: :mod:`jixiao.catalogue_cache`)."""
    raw = [_read(n) for n in _FILES]

    def validate() -> ProseVocab:
        import tomllib

        d = dict(zip(_FILES, (tomllib.loads(b.decode("utf-8")) for b in raw), strict=True))
        return ProseVocab(
            text=TextVocab(**d["text"]),
            sections=SectionsVocab(**d["sections"]),
            header=HeaderVocab(**d["header"]),
            budget=BudgetVocab(**d["budget"]),
            scores=ScoresVocab(**d["scores"]),
            indicators=IndicatorsVocab(**d["indicators"]),
        )

    # BudgetVocab's validators read the role catalogue
    return load_catalogue("prose", ProseVocab, raw, validate, modules=[__name__, "jixiao.normalize.roles"],
                          depends=["roles"])


VOCAB = load_vocab()
