"""Vocabularies of value normalisation, loaded from ``data/*.toml`` and validated.

Each file is read once at import into a frozen pydantic model; a malformed entry raises
:class:`VocabError` at import time (a bug in shipped data, so an exception is right).
Every spelling is compared after :func:`fold` (NFKC + whitespace removed), so the data
files need not list full-width variants.

Public objects: :data:`UNITS`, :data:`MULTIPLIERS`, :data:`COMPARATORS`, :data:`QUALITATIVE`,
:data:`PHRASES`
and the loaders ``load_*`` (used by tests on deliberately broken files).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from importlib import resources
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from jixiao.catalogue_cache import load_catalogue
from jixiao.errors import JixiaoError

UnitKind = Literal["percent", "money", "count", "duration", "year", "number"]
ComparatorSymbol = Literal["≥", "≤", "=", ">", "<", "定性"]
GradeName = Literal["优", "良", "中", "差"]
_T = TypeVar("_T", bound="BaseModel")


class VocabError(JixiaoError):
    """A vocabulary data file is malformed (a packaging bug, raised at import)."""


def fold(text: str) -> str:
    """Canonical form used to compare spellings: NFKC, no whitespace."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def longest_first(words: Sequence[str]) -> list[str]:
    """Folded spellings, each once, longest first (the order to try them in)."""
    return sorted({fold(w) for w in words}, key=len, reverse=True)


class _Entry(BaseModel):
    # defer_build: a catalogue read from the cache (jixiao.catalogue_cache) builds no validator
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


def _factor_from_string(v: object) -> Decimal:
    """A conversion factor written as a decimal string ("12", "10000"), finite and > 1;
    the default 1 of an entry without a conversion passes through."""
    if isinstance(v, Decimal) and v == 1:
        return v
    if not isinstance(v, str):
        raise ValueError("factor must be a decimal string, e.g. \"12\"")
    try:
        d = Decimal(v)
    except InvalidOperation as e:
        raise ValueError(f"not a decimal: {v!r}") from e
    if not d.is_finite() or d <= 1:
        raise ValueError(f"factor must be a finite number > 1: {v!r}")
    return d


class UnitEntry(_Entry):
    name: str = Field(min_length=1)
    kind: UnitKind
    aliases: tuple[str, ...] = ()
    # an exact conversion to another unit of the same kind: 1 年 = 12 个月
    base: str | None = None
    factor: Decimal = Decimal(1)

    _factor = field_validator("factor", mode="before")(_factor_from_string)

    @model_validator(mode="after")
    def _base_and_factor(self) -> UnitEntry:
        if (self.base is None) != (self.factor == 1):
            raise ValueError(f"unit {self.name!r}: base and factor go together")
        return self


class MultiplierEntry(_Entry):
    prefix: str = Field(min_length=1)
    factor: Decimal

    _factor = field_validator("factor", mode="before")(_factor_from_string)


class ComparatorEntry(_Entry):
    symbol: ComparatorSymbol
    prefix: tuple[str, ...] = ()
    suffix: tuple[str, ...] = ()
    word: tuple[str, ...] = ()


class GradeEntry(_Entry):
    grade: GradeName
    polarity: Literal[-1, 0, 1]
    aliases: tuple[str, ...] = ()


class WordEntry(_Entry):
    label: str = Field(min_length=1)
    polarity: Literal[-1, 0, 1]
    grade: GradeName | None = None
    aliases: tuple[str, ...] = ()


def _no_blank(spellings: Sequence[str], where: str) -> None:
    for s in spellings:
        if not fold(s):
            raise ValueError(f"{where}: blank spelling")


def _no_duplicates(groups: Sequence[tuple[str, tuple[str, ...]]], where: str) -> None:
    """``groups`` = (owner, spellings) per entry; a spelling may appear in one entry, once."""
    seen: dict[str, str] = {}
    for owner, spellings in groups:
        for spelling in spellings:
            key = fold(spelling)
            if key in seen:
                raise ValueError(f"{where}: {spelling!r} is listed for both {seen[key]!r} and {owner!r}")
            seen[key] = owner


class UnitTable(_Entry):
    not_units: tuple[str, ...] = ()
    not_unit_chars: tuple[str, ...] = ()
    unit: tuple[UnitEntry, ...]

    @model_validator(mode="after")
    def _check(self) -> UnitTable:
        groups = [(u.name, (u.name, *u.aliases)) for u in self.unit]
        spellings = [s for _, g in groups for s in g]
        _no_blank(spellings, "units")
        _no_duplicates(groups, "units")
        clash = {fold(s) for s in self.not_units} & {fold(s) for s in spellings}
        if clash:
            raise ValueError(f"units: {sorted(clash)} listed both as a unit and in not_units")
        by_name = {u.name: u for u in self.unit}
        for u in self.unit:
            if u.base is None:
                continue
            b = by_name.get(u.base)
            if b is None or b.kind != u.kind or b.base is not None:
                raise ValueError(f"units: {u.name!r} converts to {u.base!r}, which must be a unit of the same "
                                 "kind without a conversion of its own")
        return self

    def lookup(self) -> dict[str, UnitEntry]:
        """Folded spelling → entry."""
        return {fold(s): u for u in self.unit for s in (u.name, *u.aliases)}


class MultiplierTable(_Entry):
    multiplier: tuple[MultiplierEntry, ...]

    @model_validator(mode="after")
    def _check(self) -> MultiplierTable:
        _no_blank([m.prefix for m in self.multiplier], "multipliers")
        _no_duplicates([(m.prefix, (m.prefix,)) for m in self.multiplier], "multipliers")
        return self


class ComparatorTable(_Entry):
    filler: tuple[str, ...] = ()
    comparator: tuple[ComparatorEntry, ...]

    @model_validator(mode="after")
    def _check(self) -> ComparatorTable:
        symbols = [c.symbol for c in self.comparator]
        if len(set(symbols)) != len(symbols):
            raise ValueError("comparators: a symbol is listed twice")
        for field in ("prefix", "suffix", "word"):
            groups = [(c.symbol, tuple(getattr(c, field))) for c in self.comparator]
            _no_blank([s for _, g in groups for s in g], f"comparators.{field}")
            _no_duplicates(groups, f"comparators.{field}")
        _no_blank(list(self.filler), "comparators.filler")
        prefixes = {fold(s) for c in self.comparator for s in c.prefix}
        clash = prefixes & {fold(s) for s in self.filler}
        if clash:
            raise ValueError(f"comparators: {sorted(clash)} listed both as a prefix and as filler")
        return self


class QualitativeTable(_Entry):
    max_extra: int = Field(default=2, ge=0, le=10)
    noun_markers: tuple[str, ...] = ()
    grade: tuple[GradeEntry, ...]
    word: tuple[WordEntry, ...]

    @model_validator(mode="after")
    def _check(self) -> QualitativeTable:
        if sorted(g.grade for g in self.grade) != sorted(["优", "良", "中", "差"]):
            raise ValueError("qualitative: exactly one [[grade]] entry per grade 优 良 中 差 is required")
        ggroups = [(g.grade, (g.grade, *g.aliases)) for g in self.grade]
        _no_blank([s for _, gs in ggroups for s in gs], "grades")
        _no_duplicates(ggroups, "grades")
        wgroups = [(w.label, (w.label, *w.aliases)) for w in self.word]
        _no_blank([s for _, ws in wgroups for s in ws], "words")
        _no_duplicates(wgroups, "words")
        grade_of = {fold(s): g for g, gs in ggroups for s in gs}
        for w in self.word:
            for s in (w.label, *w.aliases):
                g = grade_of.get(fold(s))
                if g is not None and w.grade != g:
                    raise ValueError(f"qualitative: word {s!r} has grade {w.grade!r} but [[grade]] says {g!r}")
        return self


class NumeralWords(_Entry):
    half: tuple[str, ...] = Field(min_length=1)
    measure_half: tuple[str, ...] = Field(min_length=1)
    fraction: tuple[str, ...] = Field(min_length=1)
    fraction_digits: int = Field(default=10, ge=4, le=28)


class ApproxWords(_Entry):
    prefix: tuple[str, ...] = ()
    suffix: tuple[str, ...] = ()
    plus: tuple[str, ...] = ()


class PhraseWords(_Entry):
    max_length: int = Field(default=60, ge=8, le=400)
    action_length: int = Field(default=6, ge=0, le=20)
    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    label_marks: tuple[str, ...] = ()
    sentence: tuple[str, ...] = ()


class PeriodEntry(_Entry):
    per: str = Field(min_length=1)
    prefix: tuple[str, ...] = ()
    suffix: tuple[str, ...] = ()


class DateWords(_Entry):
    before: tuple[str, ...] = ()
    le: tuple[str, ...] = Field(min_length=1)
    ge: tuple[str, ...] = ()
    within: tuple[str, ...] = ()
    day: tuple[str, ...] = Field(min_length=1)
    month_end: tuple[str, ...] = ()
    month_start: tuple[str, ...] = ()
    dekad: dict[str, int] = Field(default_factory=dict)
    quarter: tuple[str, ...] = ()
    year_end: tuple[str, ...] = ()
    year_scope: tuple[str, ...] = ()
    on_time: tuple[str, ...] = ()

    @field_validator("dekad")
    @classmethod
    def _days(cls, v: dict[str, int]) -> dict[str, int]:
        for word, day in v.items():
            if not 1 <= day <= 28:
                raise ValueError(f"dates.dekad: {word!r} must end on a day 1–28, not {day}")
        return v


class PhraseTable(_Entry):
    numerals: NumeralWords
    approx: ApproxWords
    phrase: PhraseWords
    period: tuple[PeriodEntry, ...]
    dates: DateWords

    @model_validator(mode="after")
    def _check(self) -> PhraseTable:
        lists: dict[str, tuple[str, ...]] = {
            "numerals.half": self.numerals.half, "numerals.measure_half": self.numerals.measure_half,
            "numerals.fraction": self.numerals.fraction, "approx.prefix": self.approx.prefix,
            "approx.suffix": self.approx.suffix, "approx.plus": self.approx.plus, "phrase.before": self.phrase.before, "phrase.after": self.phrase.after,
            "phrase.label_marks": self.phrase.label_marks, "phrase.sentence": self.phrase.sentence,
            **{f"dates.{f}": getattr(self.dates, f) for f in ("before", "le", "ge", "within", "day", "month_end",
                                                              "month_start", "quarter", "year_end", "year_scope", "on_time")},
            "dates.dekad": tuple(self.dates.dekad),
        }
        for where, spellings in lists.items():
            _no_blank(spellings, where)
            _no_duplicates([(where, (s,)) for s in spellings], where)
        # a date word means one thing: 前 is not also 后, 底 is not also 初
        _no_duplicates([(f, lists[f"dates.{f}"]) for f in ("le", "ge")], "dates")
        _no_duplicates([(f, lists[f"dates.{f}"]) for f in ("day", "month_end", "month_start", "dekad")], "dates")
        for field in ("prefix", "suffix"):
            _no_duplicates([(p.per, tuple(getattr(p, field))) for p in self.period], f"period.{field}")
        _no_duplicates([(p.per, (p.per,)) for p in self.period], "period.per")
        return self


def _load(model: type[_T], path: Path | None, default_name: str) -> _T:
    where = default_name if path is None else str(path)
    try:
        raw = (resources.files("jixiao.normalize").joinpath("data", default_name).read_bytes() if path is None
               else path.read_bytes())
    except OSError as e:
        raise VocabError(f"词表文件无法读取 {where}: {e}") from e

    def validate() -> _T:
        import tomllib

        try:
            data = tomllib.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
            raise VocabError(f"词表文件无法读取 {where}: {e}") from e
        try:
            return model.model_validate(data)
        except ValidationError as e:
            raise VocabError(f"词表文件有误 {where}: {e}") from e

    name = f"vocab-{default_name.removesuffix('.toml')}" + ("" if path is None else "-user")
    return load_catalogue(name, model, [raw], validate, modules=[__name__])


def load_units(path: Path | None = None) -> UnitTable:
    return _load(UnitTable, path, "units.toml")


def load_multipliers(path: Path | None = None) -> MultiplierTable:
    return _load(MultiplierTable, path, "multipliers.toml")


def load_comparators(path: Path | None = None) -> ComparatorTable:
    return _load(ComparatorTable, path, "comparators.toml")


def load_qualitative(path: Path | None = None) -> QualitativeTable:
    return _load(QualitativeTable, path, "qualitative.toml")


def load_phrases(path: Path | None = None) -> PhraseTable:
    return _load(PhraseTable, path, "phrases.toml")


def _approx_not_comparators(approx: ApproxWords, comparators: ComparatorTable) -> None:
    """An approximation states no direction: none of its words may be a comparator or filler."""
    cmp_words = {fold(s) for c in comparators.comparator for s in (*c.prefix, *c.suffix)} | {
        fold(s) for s in comparators.filler}
    clash = cmp_words & {fold(s) for s in (*approx.prefix, *approx.suffix)}
    if clash:
        raise VocabError(f"词表文件有误 phrases.toml: {sorted(clash)} 既是约数词又是比较符或填充词")


UNITS = load_units()
MULTIPLIERS = load_multipliers()
COMPARATORS = load_comparators()
QUALITATIVE = load_qualitative()
PHRASES = load_phrases()
_approx_not_comparators(PHRASES.approx, COMPARATORS)
