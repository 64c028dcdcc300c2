"""The template-family corpus (corpus/family-*, tools/make_family_corpus.py, docs/accuracy.md).

Every family has a TXT, DOCX, PDF and XLSX case that names its family, format and expected file;
every expected.json in corpus/ follows the documented field list; every family case is read by
jixiao without an exception and is measured by benchmarks/accuracy.py; the generator reproduces
the committed TXT/DOCX/XLSX byte for byte (PDFs need LibreOffice: committed, never regenerated here)."""

from __future__ import annotations

import json
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import make_family_corpus as gen  # noqa: E402
from accuracy import measured_cases  # noqa: E402
from accuracy_compare import validate_expected  # noqa: E402

import jixiao  # noqa: E402

CASES = [f"family-{fam}-{fmt}" for fam in gen.FAMILIES for fmt in gen.FORMATS]


def test_five_families_in_four_formats_are_committed() -> None:
    assert len(gen.FAMILIES) >= 5
    on_disk = sorted(p.name for p in CORPUS.glob("family-*-*") if (p / "meta.toml").exists())
    assert on_disk == sorted(CASES)


@pytest.mark.parametrize("case", CASES)
def test_case_meta_names_family_format_and_expected(case: str) -> None:
    meta = tomllib.loads((CORPUS / case / "meta.toml").read_text(encoding="utf-8"))
    family, fmt = case.removeprefix("family-").rsplit("-", 1)
    assert meta["origin"].startswith("written for jixiao from domain.md §2")
    assert (meta["family"], meta["format"], meta["expected"]) == (family, fmt, f"family-{family}")
    assert (CORPUS / case / f"report.{fmt}").stat().st_size > 1000
    assert meta["exercises"] and meta["names"]
    assert json.loads((CORPUS / meta["expected"] / "expected.json").read_text("utf-8"))["family"] == family


def _expected_files() -> list[Path]:
    return sorted(CORPUS.glob("*/expected.json"))


@pytest.mark.parametrize("path", _expected_files(), ids=lambda p: p.parent.name)
def test_expected_file_follows_the_field_list(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert validate_expected(data) == []


def test_there_are_expected_files_for_families_and_baselines() -> None:
    names = {p.parent.name for p in _expected_files()}
    assert {f"family-{f}" for f in gen.FAMILIES} <= names
    assert len(names - {f"family-{f}" for f in gen.FAMILIES}) >= 2  # baseline (seed-layout) cases


def test_every_family_case_is_measured_by_the_benchmark() -> None:
    measured = {c.name for c, _, _ in measured_cases(CORPUS)}
    assert set(CASES) <= measured


@pytest.mark.parametrize("case", CASES)
def test_family_case_is_read_as_a_report(case: str) -> None:
    (f,) = (CORPUS / case).glob("report.*")
    doc = jixiao.read(f, source=f.relative_to(ROOT).as_posix())
    assert doc.status == "ok", doc.error
    assert doc.reports, "a form file must give at least one report"


def test_expected_values_are_laid_out_in_every_text_fixture() -> None:
    """The generator writes what expected.json says: every project name and indicator name and
    every target of a family appears in its TXT dump (the dump keeps cell texts verbatim)."""
    for fam in gen.FAMILIES:
        text = (CORPUS / f"family-{fam}-txt" / "report.txt").read_text(encoding="utf-8")
        for rep in gen.load_expected(fam)["reports"]:
            assert rep["project_name"] in text
            for ind in rep["indicators"]:
                assert f"\t{ind['name']}\n" in text and f"\t{ind['target']}\n" in text


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    written = gen.build(tmp_path, pdf=False)
    assert len(written) == 3 * len(gen.FAMILIES)
    for f in written:
        rel = f.relative_to(tmp_path)
        assert f.read_bytes() == (CORPUS / rel).read_bytes(), f"{rel} differs: rerun tools/make_family_corpus.py"
        meta = rel.parent / "meta.toml"
        assert (tmp_path / meta).read_bytes() == (CORPUS / meta).read_bytes()


def test_committed_pdfs_are_pdfs() -> None:
    for fam in gen.FAMILIES:
        data = (CORPUS / f"family-{fam}-pdf" / "report.pdf").read_bytes()
        assert data.startswith(b"%PDF-") and b"/CreationDate(D:20240101000000" in data


def test_the_dump_writer_refuses_a_cell_the_dialect_cannot_hold(tmp_path: Path) -> None:
    form = gen.Form(["表"], [gen.cells(("甲", 1), ("一\n二\n三", 1))], [2.0, 2.0])
    with pytest.raises(ValueError, match="cannot hold"):
        gen.write_txt([form], tmp_path / "x.txt")
    form = gen.Form(["表"], [gen.cells(("全年\n预算数", 1), ("乙", 1)), gen.cells((None, 1), ("丙", 1))], [2.0, 2.0])
    gen.write_txt([form], tmp_path / "y.txt")
    assert (tmp_path / "y.txt").read_text("utf-8") == "表\n\t全年\n\n预算数\n\t乙\n\n\t\n\t丙\n\n"
