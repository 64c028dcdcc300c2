"""Formula injection and XML-illegal characters in the written dataset (issue 14, items 2–3)."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from seed004_docs import seed004_document

from jixiao.export import TableRows, write_dataset
from jixiao.export.cellsafe import csv_text, is_formula_like, xml_text

HOSTILE = '=HYPERLINK("http://example.invalid","点击")'


def _rows_with(name: str) -> dict:
    doc = seed004_document()
    rep = doc.reports[0]
    pn = rep.project_name.model_copy(update={"text": name}) if rep.project_name else None
    doc = doc.model_copy(update={"reports": [rep.model_copy(update={"project_name": pn})]})
    rows = TableRows()
    rows.add(doc)
    return rows.tables()


def test_formula_like_texts_are_recognised_per_owasp() -> None:
    for s in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert is_formula_like(s) and csv_text(s) == "'" + s
    for s in ("1", "项目", " =1", "'=1"):
        assert not is_formula_like(s) and csv_text(s) == s


def test_xlsx_formula_injection_is_a_text_cell(tmp_path: Path) -> None:
    write_dataset(_rows_with(HOSTILE), tmp_path, ("xlsx",))
    ws = openpyxl.load_workbook(tmp_path / "dataset.xlsx")["reports"]
    col = [c.value for c in ws[1]].index("project_name")
    cell = ws.cell(row=2, column=col + 1)
    assert cell.value == HOSTILE and cell.data_type == "s"  # shown as text, never evaluated


def test_csv_formula_injection_is_escaped_and_raw_switch_keeps_it(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    tables = _rows_with(HOSTILE)
    write_dataset(tables, a, ("csv",))
    write_dataset(tables, b, ("csv",), raw_csv=True)
    with open(a / "reports.csv", encoding="utf-8-sig", newline="") as fh:
        row = next(iter(csv.DictReader(fh)))
    assert row["project_name"] == "'" + HOSTILE
    with open(b / "reports.csv", encoding="utf-8-sig", newline="") as fh:
        assert next(iter(csv.DictReader(fh)))["project_name"] == HOSTILE


def test_csv_negative_numbers_are_not_escaped(tmp_path: Path) -> None:
    from decimal import Decimal

    from jixiao.export.csvfile import table_to_csv
    from jixiao.export.schema import TABLES

    cols = TABLES["stated_scores"]
    row = tuple(Decimal("-3.5") if t == "dec" else ("-x" if t == "str" else 1) for _, t in cols)
    table_to_csv("stated_scores", [row], tmp_path / "s.csv")
    fields = (tmp_path / "s.csv").read_text(encoding="utf-8-sig").splitlines()[1].split(",")
    assert "-3.5" in fields and "'-x" in fields and "-x" not in fields


@pytest.mark.parametrize("ch", ["\ufffe", "\uffff", "\x00", "\x0b", "\ud800"])
def test_xlsx_xml_illegal_character_is_replaced_not_fatal(tmp_path: Path, ch: str) -> None:
    assert xml_text(f"a{ch}b") == "a\ufffdb"
    write_dataset(_rows_with(f"项目{ch}名称"), tmp_path, ("xlsx",))
    ws = openpyxl.load_workbook(tmp_path / "dataset.xlsx")["reports"]
    col = [c.value for c in ws[1]].index("project_name")
    assert ws.cell(row=2, column=col + 1).value == "项目\ufffd名称"


def test_xml_text_keeps_tab_newline_and_astral_characters() -> None:
    assert xml_text("a\tb\nc\rd\U00020000") == "a\tb\nc\rd\U00020000"


def test_ingest_raw_csv_switch_reaches_the_writer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from click.testing import CliRunner

    from jixiao.cli import app

    seen: list[bool] = []
    real = write_dataset

    def spy(tables: dict, out: Path, formats: tuple, *, raw_csv: bool = False) -> list[Path]:
        seen.append(raw_csv)
        return real(tables, out, formats, raw_csv=raw_csv)

    monkeypatch.setattr("jixiao.batch.run.write_dataset", spy)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(Path(__file__).resolve().parent.parent / "corpus" / "seed-003" / "report.txt", src / "a.txt")
    for extra in ([], ["--raw-csv"]):
        r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(tmp_path / "out"), "-j", "1", *extra])
        assert r.exit_code == 0, r.output
    assert seen == [False, True]


@pytest.mark.parametrize("text", ["=", "-", "+", "@"])
def test_a_lone_sign_cannot_run_and_round_trips(text: str) -> None:
    assert csv_text(text) == text


@pytest.mark.parametrize("text", ["=1+1", "-1+1", "+A1", "@SUM(A1)", "-3.5)*2", "=HYPERLINK(\"x\")"])
def test_anything_more_is_still_escaped(text: str) -> None:
    assert csv_text(text) == "'" + text


def test_column_escape_is_the_cell_escape_of_every_text() -> None:
    from jixiao.export.cellsafe import csv_texts

    column = ["=1+1", "-", "正常", None, 3, "@x", "=1+1", "", "\t", "-5", "a=b"]
    assert list(csv_texts(column)) == [csv_text(v) if isinstance(v, str) else v for v in column]
    assert list(csv_texts(column))[:2] == ["'=1+1", "-"]


def test_a_column_with_nothing_to_escape_is_not_copied() -> None:
    from jixiao.export.cellsafe import csv_texts

    column = ["正常", None, "-", "项目A"]
    assert csv_texts(column) is column
