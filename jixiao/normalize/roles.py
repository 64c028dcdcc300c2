"""The role catalogue: every field of a 自评表 declared once, in ``data/roles.toml``.

Loaded and validated at import: unknown keys are rejected, every role's model field
must exist, the role fields plus the declared derived fields must cover every field
of :class:`~jixiao.model.BudgetLine` and :class:`~jixiao.model.Indicator`, and a
header wording belongs to one role per block.

- :data:`Role` — the closed set of role ids (a ``StrEnum``: ``Role("weight") == "weight"``).
- :func:`spec` — a role's :class:`RoleSpec` (block, field, kind, names, wordings).
- :func:`roles_in` — the roles of a block, optionally of some value kinds.
- :func:`wordings` — normalized header wording → role, per block.

Every role list in code derives from here; a new column is one entry in the TOML.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from jixiao.catalogue_cache import load_catalogue
from jixiao.model import BudgetLine, Indicator, Report
from jixiao.normalize.header_text import fold_header, normalize_header

Block = Literal["budget", "indicator", "form"]
BLOCKS: tuple[Block, ...] = ("budget", "indicator", "form")
ValueKind = Literal["money", "rate", "count", "score", "text", "comparator", "unit", "value", "label", "year",
                    "block", "none"]
# the kinds of cells that hold a number, and of cells that hold a quantity of any sort
NUMERIC_KINDS: tuple[str, ...] = ("money", "rate", "count", "score")
QUANTITY_KINDS: tuple[str, ...] = ("money", "rate", "score", "value")

_MODELS: dict[str, type[BaseModel]] = {"budget": BudgetLine, "indicator": Indicator, "form": Report}


class RoleSpec(BaseModel):
    """One role: where it occurs, what it fills, what its cells hold, how headers name it."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)  # built only to validate
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    blocks: tuple[Block, ...] = Field(min_length=1)
    field: str = ""  # the model field it fills ("" when none)
    kind: ValueKind
    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)
    headers: tuple[str, ...] = Field(min_length=1)
    cues: tuple[str, ...] = ()

    @field_validator("headers", "cues")
    @classmethod
    def _no_blank(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if any(not w.strip() for w in v):
            raise ValueError("blank wording")
        return v

    @model_validator(mode="after")
    def _field_exists(self) -> RoleSpec:
        for b in self.blocks:
            if self.field and self.field not in _MODELS[b].model_fields:
                raise ValueError(f"role {self.id}: {_MODELS[b].__name__} has no field {self.field!r}")
        return self


class Catalogue(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)  # built only to validate
    derived: dict[Literal["budget", "indicator"], tuple[str, ...]]
    role: tuple[RoleSpec, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _consistent(self) -> Catalogue:
        ids = [r.id for r in self.role]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise ValueError(f"roles.toml: duplicate role ids {sorted(dup)}")
        for block in ("budget", "indicator"):
            filled = {r.field for r in self.role if block in r.blocks and r.field}
            derived = set(self.derived.get(block, ()))  # type: ignore[call-overload]
            model = _MODELS[block]
            missing = set(model.model_fields) - filled - derived
            if missing:
                raise ValueError(f"roles.toml: {model.__name__} fields no role declares: {sorted(missing)}")
            unknown = derived - set(model.model_fields)
            if unknown:
                raise ValueError(f"roles.toml: derived fields not in {model.__name__}: {sorted(unknown)}")
        for block in BLOCKS:
            seen: dict[str, str] = {}
            for r in self.role:
                if block not in r.blocks:
                    continue
                for w in r.headers:
                    k = normalize_header(w)
                    if seen.get(k, r.id) != r.id:
                        raise ValueError(f"roles.toml: {w!r} names {seen[k]} and {r.id} in block {block}")
                    seen[k] = r.id
        return self


def _load() -> Catalogue:
    raw = resources.files("jixiao.normalize").joinpath("data", "roles.toml").read_bytes()

    def validate() -> Catalogue:
        import tomllib

        return Catalogue.model_validate(tomllib.loads(raw.decode("utf-8")))

    # the validators read the model's fields and fold wordings with header_text
    return load_catalogue("roles", Catalogue, [raw], validate,
                          modules=[__name__, "jixiao.normalize.header_text", "jixiao.model"])


CATALOGUE = _load()
Role = StrEnum("Role", {r.id.upper(): r.id for r in CATALOGUE.role})  # type: ignore[misc]
_SPECS: dict[str, RoleSpec] = {r.id: r for r in CATALOGUE.role}


def spec(role: str) -> RoleSpec:
    """The spec of a role id; KeyError for an id the catalogue does not declare."""
    return _SPECS[role]


def all_roles() -> tuple[RoleSpec, ...]:
    return CATALOGUE.role


@cache
def roles_in(block: str | None = None, kinds: tuple[str, ...] | None = None, *,
             with_field: bool = False) -> tuple[str, ...]:
    """Role ids (catalogue order) of ``block`` (any block when None), only of value
    ``kinds`` when given, only those filling a model field when ``with_field``."""
    return tuple(r.id for r in CATALOGUE.role
                 if (block is None or block in r.blocks) and (kinds is None or r.kind in kinds)
                 and (r.field or not with_field))


@cache
def only_in(block: str, kinds: tuple[str, ...] | None = None) -> frozenset[str]:
    """Roles of ``block`` that no other block has (they tell the block apart), only
    of value ``kinds`` when given."""
    return frozenset(r.id for r in CATALOGUE.role if r.blocks == (block,) and (kinds is None or r.kind in kinds))


def fields_of(block: str, kinds: tuple[str, ...] | None = None) -> dict[str, str]:
    """Role id → model field, for the roles of ``block`` that fill one."""
    return {r: _SPECS[r].field for r in roles_in(block, kinds, with_field=True)}


@cache
def wordings(block: str) -> dict[str, str]:
    """Normalized header wording → role id in ``block``."""
    out: dict[str, str] = {}
    for r in CATALOGUE.role:
        if block in r.blocks:
            for w in r.headers:
                out[normalize_header(w)] = r.id
                out.setdefault(_exact(w), r.id)
    return out


def _exact(w: str) -> str:
    return fold_header(w)


def display(role: str, lang: Literal["zh", "en"] = "zh") -> str:
    """Display name of a role: ``display("adjusted") == "调整后预算"``."""
    s = _SPECS[role]
    return s.zh if lang == "zh" else s.en
