"""Shared helpers for the DOCX/PDF layout corpus tests (goldens, loading)."""

from __future__ import annotations

from pathlib import Path

from golden import assert_golden

from jixiao.extract import docx as docx_loader
from jixiao.extract import pdf as pdf_loader
from jixiao.extract.raw import RawDocument
from jixiao.serialize import canonical_json

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def case_file(case: str) -> Path:
    d = CORPUS / case
    for name in ("report.docx", "report.pdf"):
        if (d / name).exists():
            return d / name
    raise FileNotFoundError(d)


def load_case(case: str) -> RawDocument:
    f = case_file(case)
    source = f.relative_to(ROOT).as_posix()
    loader = pdf_loader if f.suffix == ".pdf" else docx_loader
    return loader.bytes_to_raw(f.read_bytes(), source)


def layout_cases(prefix: str) -> list[str]:
    return sorted(d.name for d in CORPUS.iterdir() if d.is_dir() and d.name.startswith(prefix))


def check_tables_golden(case: str) -> None:
    """The case's tables equal ``tables.gt.json`` (rewritten only with UPDATE_GOLDEN=1)."""
    raw = load_case(case)
    got = canonical_json(raw.tables())
    assert_golden(CORPUS / case / "tables.gt.json", got, f"{case} tables")


def cell_at(table, row: int, col: int):
    for c in table.cells:
        if c.row == row and c.col == col:
            return c
    raise KeyError((row, col))


def find_cell(raw: RawDocument, text: str):
    for t in raw.tables():
        for c in t.cells:
            if c.text == text:
                return t, c
    raise KeyError(text)
