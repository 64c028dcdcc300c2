"""Evidence for document kinds: the validated vocabulary (``data/kinds.toml``), title lines,
header words and how much of a report is filled.  The decisions are :mod:`jixiao.assemble.kinds`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ConfigDict, field_validator

from jixiao.catalogue_cache import load_catalogue
from jixiao.extract.raw import RawParagraph, RawTable
from jixiao.model import DocumentKind, Kind, Quantity, Report
from jixiao.normalize.headers import fold_header

K = DocumentKind
REPORT_KINDS = frozenset({K.SELF_EVALUATION_FORM, K.SELF_EVALUATION_REPORT, K.DEPARTMENT_SELF_EVALUATION,
                          K.TARGET_DECLARATION, K.EVALUATION_REPORT})


class _Strict(BaseModel):
    # defer_build: a vocabulary read from the cache (jixiao.catalogue_cache) builds no validator
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class TitleRule(_Strict):
    kind: DocumentKind
    words: list[str]
    unless: list[str] = []

    @field_validator("words")
    @classmethod
    def _non_empty(cls, v: list[str]) -> list[str]:
        if not v or any(not w.strip() for w in v):
            raise ValueError("title words must be non-empty")
        return v


class Reasons(_Strict):
    final_accounts: str
    blank_template: str
    not_a_report: str
    target_blank: str
    unreadable: str


class HeaderWords(_Strict):
    target_declaration: list[str]
    final_accounts: list[str]


class EvaluationWords(_Strict):
    level1: list[str]
    min_level1: int
    distinctive: list[str]


class KindsVocab(_Strict):
    max_title_chars: int
    title_rows: int
    annex_prefixes: list[str]
    self_words: list[str]
    label_words: list[str]
    min_self_mentions: int
    reasons: Reasons
    title: list[TitleRule]
    headers: HeaderWords
    evaluation: EvaluationWords

    @field_validator("title")
    @classmethod
    def _report_kinds_titled(cls, v: list[TitleRule]) -> list[TitleRule]:
        bad = [r.kind for r in v if r.kind in (K.UNREADABLE, K.NOT_A_REPORT, K.BLANK_TEMPLATE)]
        if bad:
            raise ValueError(f"a title cannot decide {bad}: those kinds come from content")
        return v


@lru_cache(maxsize=1)
def vocab() -> KindsVocab:
    raw = resources.files("jixiao.assemble").joinpath("data", "kinds.toml").read_bytes()

    def validate() -> KindsVocab:
        import tomllib

        return KindsVocab.model_validate(tomllib.loads(raw.decode("utf-8")))

    return load_catalogue("kinds", KindsVocab, [raw], validate, modules=[__name__, "jixiao.model"])


# ---------------------------------------------------------------- evidence
@dataclass(frozen=True)
class Title:
    text: str
    kind: DocumentKind
    word: str

    @property
    def annex(self) -> bool:
        return self.text.startswith(tuple(vocab().annex_prefixes))

    def evidence(self) -> str:
        shown = self.text if len(self.text) <= 40 else self.text[:40] + "…"
        return f"标题“{shown}”含“{self.word}”"


def title_lines(blocks: list[RawParagraph | RawTable]) -> list[str]:
    """Short paragraphs and the first rows' cells of each table, in document order (folded)."""
    v = vocab()
    out: list[str] = []
    for b in blocks:
        if isinstance(b, RawParagraph):
            t = fold_header(b.text)
            if t and len(t) <= v.max_title_chars:
                out.append(t)
            continue
        for c in sorted((c for c in b.cells if c.row < v.title_rows), key=lambda c: (c.row, c.col)):
            t = fold_header(c.text)
            if t and len(t) <= v.max_title_chars:
                out.append(t)
    return out


def title_kind(line: str) -> Title | None:
    for rule in vocab().title:
        if any(u in line for u in rule.unless):
            continue
        for w in rule.words:
            if w in line:
                return Title(line, rule.kind, w)
    return None


def first_title(blocks: list[RawParagraph | RawTable]) -> Title | None:
    for line in title_lines(blocks):
        t = title_kind(line)
        if t is not None:
            return t
    return None


def header_words(blocks: list[RawParagraph | RawTable], words: list[str]) -> list[str]:
    """The catalogue words found in any table cell of the blocks."""
    found: list[str] = []
    for b in blocks:
        if not isinstance(b, RawTable):
            continue
        for c in b.cells:
            t = fold_header(c.text)
            if len(t) > 20:
                continue
            for w in words:
                if w in t and w not in found:
                    found.append(w)
    return found


def _stated(q: Quantity | None) -> bool:
    return q is not None and q.kind != Kind.EMPTY and bool(q.raw.strip()) and (
        q.value is not None or q.kind in (Kind.QUALITATIVE, Kind.TEXT))


@dataclass(frozen=True)
class Fill:
    """How much of a report is filled in."""

    budget_values: int
    targets: int
    actuals: int
    scores: int
    total: bool
    header: bool  # a project name that is a name, not a template label
    unmapped_values: int  # filled cells under header cells the reader could not map
    labels: int  # indicator names + budget line labels + a project name: the template's labels

    @property
    def indicator_values(self) -> int:
        return self.targets + self.actuals + self.scores

    @property
    def filled(self) -> bool:
        return bool(self.budget_values or self.indicator_values or self.total or self.header
                    or self.unmapped_values)


def is_label(text: str) -> bool:
    """A template label rather than a value: empty, ending with a colon, or a label word."""
    t = fold_header(text)
    return not t or t.endswith((":", "：")) or any(w in t for w in vocab().label_words)


def unmapped_values(r: Report, blocks: list[RawParagraph | RawTable]) -> int:
    """Filled cells below the header cells the reader gave no role (its data is there, unread:
    not a blank template)."""
    tables = {b.table: b for b in blocks if isinstance(b, RawTable)}
    n = 0
    for item in r.unmapped_columns:
        p = item.prov
        t = tables.get(p.table) if p is not None and p.table is not None else None
        if t is None or p is None or p.row is None or p.col is None:
            continue
        col, row = p.col, p.row
        n += sum(1 for c in t.cells if c.row > row and c.col <= col < c.col + c.col_span and c.text.strip()
                 and fold_header(c.text) != fold_header(item.text))
    return n


def report_fill(r: Report, blocks: list[RawParagraph | RawTable] | None = None) -> Fill:
    budget = sum(1 for b in r.budget_lines for q in (b.initial, b.adjusted, b.executed, b.rate, b.score)
                 if _stated(q) and q is not None and q.value is not None)
    return Fill(
        budget_values=budget,
        targets=sum(1 for i in r.indicators if _stated(i.target) or _stated(i.mid_target)),
        actuals=sum(1 for i in r.indicators if _stated(i.actual)),
        scores=sum(1 for i in r.indicators if _stated(i.score)),
        total=r.total_score is not None and r.total_score.value is not None,
        header=r.project_name is not None and not is_label(r.project_name.text),
        unmapped_values=unmapped_values(r, blocks) if blocks else 0,
        labels=len(r.indicators) + len(r.budget_lines) + (1 if r.project_name else 0),
    )


def is_evaluation_levels(names: set[str]) -> bool:
    """Level-1 names of an evaluator's system: enough of 决策 / 过程 / 产出 / 效益, one distinctive."""
    ev = vocab().evaluation
    hits = {n for n in names if any(n.startswith(w) for w in ev.level1)}
    distinctive = any(n.startswith(w) for n in hits for w in ev.distinctive)
    return len(hits) >= ev.min_level1 and distinctive


def is_evaluation_system(r: Report) -> bool:
    """Indicators under an evaluator's level-1 system (决策 / 过程 / 产出 / 效益) with scores."""
    names = {fold_header(i.level1) for i in r.indicators if i.level1}
    return is_evaluation_levels(names) and any(_stated(i.score) for i in r.indicators)


vocab()  # validate at import
