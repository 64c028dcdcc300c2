"""Symbolic links and special files in the inputs (issue 14 item 7): nothing outside the
inputs is opened unless --follow-links, every link/FIFO/device is listed with a reason,
and a linked --out shares its target's lock."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from jixiao.batch import paths_to_dataset
from jixiao.batch.output import OutputDirError, exclusive
from jixiao.batch.walk import paths_to_inputs

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture()
def tree(tmp_path: Path) -> Path:
    src, outside = tmp_path / "in", tmp_path / "outside"
    src.mkdir()
    outside.mkdir()
    shutil.copy(CORPUS / "seed-004" / "report.txt", src / "a.txt")
    shutil.copy(CORPUS / "seed-001" / "report.txt", outside / "secret.txt")
    shutil.copy(CORPUS / "seed-002" / "report.txt", outside / "other.txt")
    (src / "link_out.txt").symlink_to(outside / "secret.txt")
    (src / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    (src / "environ.txt").symlink_to("/proc/self/environ")
    (src / "dirlink").symlink_to(outside, target_is_directory=True)
    (src / "loop.txt").symlink_to(src / "loop.txt")
    os.mkfifo(src / "pipe.txt")
    return src


def _problems(inputs: list) -> dict[str, str | None]:
    return {i.source: i.problem for i in inputs}


def test_symlinks_out_of_the_inputs_are_listed_not_followed(tree: Path) -> None:
    got = _problems(paths_to_inputs([tree]))
    assert got["in/a.txt"] is None
    assert "输入目录之外" in got["in/link_out.txt"] and "--follow-links" in got["in/link_out.txt"]
    assert "输入目录之外" in got["in/environ.txt"]
    assert "断开或成环" in got["in/broken.txt"] and "断开或成环" in got["in/loop.txt"]
    assert "字符设备" in got["in/zero.txt"]
    assert "命名管道" in got["in/pipe.txt"]
    assert "指向目录的符号链接" in got["in/dirlink"]
    assert len(got) == 8


def test_follow_links_reads_links_but_never_devices_or_fifos(tree: Path) -> None:
    got = _problems(paths_to_inputs([tree], follow_links=True))
    assert got["in/link_out.txt"] is None and got["in/dirlink/other.txt"] is None
    assert "in/dirlink/secret.txt" not in got  # the same file as in/link_out.txt: read once
    assert "字符设备" in got["in/zero.txt"] and "命名管道" in got["in/pipe.txt"]


def test_a_link_inside_the_inputs_is_read(tmp_path: Path) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / "seed-004" / "report.txt", tmp_path / "in" / "sub" / "r.txt")
    (tmp_path / "in" / "alias.txt").symlink_to(tmp_path / "in" / "sub" / "r.txt")
    (tmp_path / "in" / "x.txt").symlink_to(tmp_path / "other.txt")
    shutil.copy(CORPUS / "seed-001" / "report.txt", tmp_path / "other.txt")
    got = _problems(paths_to_inputs([tmp_path / "in", tmp_path / "other.txt"]))
    assert got["in/alias.txt"] is None  # the same file as in/sub/r.txt, read once under the first name
    assert "in/x.txt" in got and got["in/x.txt"] is None  # inside another input root


def test_a_named_fifo_argument_is_listed_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.txt")
    (i,) = paths_to_inputs([tmp_path / "p.txt"])
    assert "命名管道" in (i.problem or "")


def test_ingest_lists_every_link_and_special_file_and_opens_none(tree: Path, tmp_path: Path) -> None:
    s = paths_to_dataset([tree], tmp_path / "out", jobs=1, progress=False)
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", encoding="utf-8-sig", dtype=str,
                       keep_default_na=False).set_index("source")
    assert len(docs) == 8 and s.documents["ok"] == 1
    assert docs.loc["in/a.txt", "status"] == "ok"
    for name in ("link_out.txt", "environ.txt", "broken.txt", "zero.txt", "pipe.txt", "dirlink", "loop.txt"):
        assert docs.loc[f"in/{name}", "status"] == "error" and docs.loc[f"in/{name}", "sha256"] == ""


def test_ingest_follow_links_cli(tree: Path, tmp_path: Path) -> None:
    from jixiao.cli import app

    for name in ("zero.txt", "pipe.txt", "environ.txt", "broken.txt", "loop.txt"):
        (tree / name).unlink()
    r = CliRunner().invoke(app, ["ingest", str(tree), "--out", str(tmp_path / "out"), "--follow-links", "-j", "1"])
    assert r.exit_code == 0, r.output
    docs = pd.read_csv(tmp_path / "out" / "documents.csv", encoding="utf-8-sig", dtype=str).set_index("source")
    assert set(docs.index) == {"in/a.txt", "in/link_out.txt", "in/dirlink/other.txt"}
    assert set(docs["status"]) == {"ok"}


def test_symlinked_out_is_locked_with_its_target(tree: Path, tmp_path: Path) -> None:
    real = tmp_path / "real"
    link = tmp_path / "link"
    link.symlink_to(real, target_is_directory=True)
    with exclusive(real), pytest.raises(OutputDirError, match="另一个"):
        paths_to_dataset([tree / "a.txt"], link, jobs=1, progress=False)
    s = paths_to_dataset([tree / "a.txt"], link, jobs=1, progress=False)
    assert link.is_symlink() and (real / "documents.csv").is_file() and s.out_dir == link
