"""The template-family corpus (corpus/family-*, tools/make_family_corpus.py, docs/accuracy.md).

Every family has a TXT, DOCX, PDF and XLSX case that names its family, format and expected file;
every expected.json in corpus/ follows the documented field list; every family case is read by
jixiao without an exception and is measured by benchmarks/accuracy.py; the generator reproduces
the committed TXT/DOCX/XLSX byte for byte (PDFs need LibreOffice: committed, never regenerated here)."""

from __future__ import annotations

import json
import sys
import tomllib
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
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


def test_every_family_is_committed_in_four_formats() -> None:
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
    rows = [gen.cells(("全年\n预算数", 1), ("乙", 1)), gen.cells((None, 1), ("丙", 1)), gen.cells(("丁", 2))]
    form = gen.Form(["表"], rows, [2.0, 2.0], ["填报人：某"], cut=2)
    gen.write_txt([form], tmp_path / "y.txt")
    assert (tmp_path / "y.txt").read_text("utf-8") == (
        "表\n\t全年\n\n预算数\n\t乙\n\n\t\n\t丙\n\n\n续表\n\t丁\n\n\n填报人：某\n")


# ---------------------------------------------------------------- the hand-written figures add up
def _num(text: str | None) -> Decimal | None:
    if text is None:
        return None
    t = text.removesuffix("万").removesuffix("%").replace(",", "")
    try:
        return Decimal(t)
    except InvalidOperation:
        return None


def _places(text: str) -> int:
    t = text.removesuffix("%")
    return len(t.split(".")[1]) if "." in t else 0


def _rounded(x: Decimal, like: str) -> Decimal:
    return x.quantize(Decimal(1).scaleb(-_places(like)), rounding=ROUND_HALF_UP)


@pytest.mark.parametrize("family", list(gen.FAMILIES))
def test_family_figures_are_consistent(family: str) -> None:
    """No family case carries a deliberate error (docs/accuracy.md), so every error-level finding
    on one is the extraction's: rates are 执行数/预算数, the total line is the sum of its parts,
    the budget score is 分值 × rate, the total is budget score + indicator scores (tworow: + the
    折算得分 column), weights add up to 100, the grade is the band of the total."""
    x = gen.EXTRAS[family]
    for rep in gen.load_expected(family)["reports"]:
        lines = rep["budget_lines"]
        for b in lines:
            adj, exe, rate = _num(b.get("adjusted")), _num(b.get("executed")), b.get("rate")
            if adj and exe is not None and rate and rate != "—":
                assert _rounded(exe / adj * 100, rate) == _num(rate), (rep["project_name"], b)
            if adj == 0 and exe == 0:
                assert rate in ("—", None)  # 0/0 is no rate
        total, parts = lines[0], lines[1:]
        for k in ("initial", "adjusted", "executed"):
            vals = [_num(b.get(k)) for b in parts]
            if _num(total.get(k)) is not None and any(v is not None for v in vals):
                assert sum(v for v in vals if v is not None) == _num(total[k]), (rep["project_name"], k)
        b_weight, b_score = _num(total.get("weight")), _num(total.get("score"))
        if b_weight is not None and b_score is not None:
            assert _rounded(b_weight * _num(total["rate"]) / 100, total["score"]) == b_score
        scores = [_num(i.get("score")) for i in rep["indicators"]]
        if rep.get("total_score") is None:
            assert all(s is None for s in scores) or family == "tworow"
            continue
        parts_sum = sum(Decimal(c) for c in x["converted"]) if family == "tworow" else sum(s for s in scores if s)
        assert (b_score or 0) + parts_sum == _num(rep["total_score"]), rep["project_name"]
        weights = [_num(i.get("weight")) for i in rep["indicators"]]
        if all(w is not None for w in weights):
            assert (b_weight or 0) + sum(w for w in weights if w is not None) == 100
            assert all(s is not None and w is not None and s <= w for s, w in zip(scores, weights, strict=True))
        assert rep["grade"] == ("优" if _num(rep["total_score"]) >= 90 else "良")
