"""File names that are not valid UTF-8 (GBK names from Windows zips, issue 14 item 1):
shown with U+FFFD, ids from the bytes, never a crash of ingest / extract / cache."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from jixiao.batch import paths_to_dataset
from jixiao.batch.cache import Cache
from jixiao.cli import app
from jixiao.identity import display_name, doc_id_for, name_bytes

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
GBK_A = "报告甲.txt".encode("gbk")  # not valid UTF-8
GBK_B = "报告乙.txt".encode("gbk")


def _bytes_file(d: Path, name: bytes) -> str:
    path = os.path.join(os.fsencode(d), name)
    shutil.copy(CORPUS / "seed-004" / "report.txt", path)
    return os.fsdecode(path)


def test_non_utf8_name_is_shown_with_replacement_and_id_from_bytes() -> None:
    a, b = os.fsdecode(GBK_A), os.fsdecode(GBK_B)
    assert name_bytes(a) == GBK_A
    assert "\ufffd" in display_name(a) and display_name(a).endswith(".txt")
    assert display_name(a).encode("utf-8")  # storable
    assert doc_id_for(a, "x") != doc_id_for(b, "x")  # differ only in non-UTF-8 bytes
    assert doc_id_for("报告.txt", "x") == doc_id_for("报告.txt", "x")


def test_cache_key_of_non_utf8_name_does_not_raise(tmp_path: Path) -> None:
    c = Cache(tmp_path)
    assert c.key("0" * 64, os.fsdecode(GBK_A)) != c.key("0" * 64, os.fsdecode(GBK_B))


def test_ingest_of_non_utf8_names_writes_the_dataset(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _bytes_file(src, GBK_A)
    _bytes_file(src, GBK_B)
    s = paths_to_dataset([src], tmp_path / "out", jobs=1, progress=False, formats=("csv", "xlsx"))
    assert s.documents["ok"] == 2
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", encoding="utf-8-sig", dtype=str)
    assert all(x.startswith("in/") and "\ufffd" in x for x in docs["source"])
    assert docs["doc_id"].nunique() == 2
    s2 = paths_to_dataset([src], tmp_path / "out", jobs=1, progress=False)
    assert s2.cached == 2  # the cache keys from the bytes work


def test_extract_of_non_utf8_name(tmp_path: Path) -> None:
    path = _bytes_file(tmp_path, GBK_A)
    r = CliRunner().invoke(app, ["extract", "--no-rules", path])
    assert r.exit_code == 0, r.output
    assert '"status":"ok"' in r.output.replace(" ", "") and "\ufffd" in r.output
