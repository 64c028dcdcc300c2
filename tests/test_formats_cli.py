"""``ingest``, ``check`` and ``extract`` read the same formats (jixiao/extract/formats.py), end to end."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jixiao.cli import app
from jixiao.extract.formats import READABLE_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
CASES = {
    "a.md": "corpus/fmt-md-html-000/report.md",
    "b.html": "corpus/fmt-html-chrome-000/report.html",
    "c.htm": "corpus/fmt-html-sichuan-004/report.htm",
    "d.xls": "corpus/fmt-xls-3sheets-004/report.xls",
    "e.ods": "corpus/fmt-ods-sichuan-004/report.ods",
    "f.txt": "corpus/fmt-txt-rowpipe-004/report.txt",
}
REPORTS = {"a.md": 1, "b.html": 1, "c.htm": 6, "d.xls": 3, "e.ods": 2, "f.txt": 6}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for name, rel in CASES.items():
        shutil.copy(ROOT / rel, src / name)
    (src / "notes.csv").write_text("x", encoding="utf-8")  # not a report format
    return src


def test_ingest_reads_every_format(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(app, ["ingest", str(folder), "--out", str(out), "--format", "csv", "--no-cache",
                                   "--jobs", "1"])
    assert res.exit_code in (0, 1), res.output
    with (out / "documents.csv").open(encoding="utf-8-sig") as f:
        docs = {r["source"].rsplit("/", 1)[-1]: r for r in csv.DictReader(f)}
    for name in REPORTS:
        assert docs[name]["status"] == "ok", (name, docs[name])
    with (out / "reports.csv").open(encoding="utf-8-sig") as f:
        reports = list(csv.DictReader(f))
    by_doc = {d["doc_id"]: name for name, d in docs.items()}
    counts: dict[str, int] = {}
    for r in reports:
        counts[by_doc[r["doc_id"]]] = counts.get(by_doc[r["doc_id"]], 0) + 1
    assert {k: counts.get(k, 0) for k in REPORTS} == REPORTS
    assert docs["notes.csv"]["status"] == "error"  # listed with its reason, never silently dropped


def test_check_walks_the_same_formats(folder: Path) -> None:
    res = CliRunner().invoke(app, ["check", str(folder), "--fail-on", "never", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    seen = {Path(d["source"]).name for d in (data["documents"] if isinstance(data, dict) else data)}
    assert seen == set(CASES)
    assert all(Path(n).suffix in READABLE_SUFFIXES for n in seen)
