"""Operational failures (issue 14 item 8): a full or read-only output is one Chinese line and
exit 2 with the previous dataset intact; a cache that cannot be written never stops the batch."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from jixiao.batch import paths_to_dataset
from jixiao.batch.cache import Cache
from jixiao.batch.output import OutputDirError, swap_in
from jixiao.cli import app
from jixiao.errors import os_error_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _src(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "seed-004" / "report.txt", src / "a.txt")
    return src


def _raise(code: int):  # type: ignore[no-untyped-def]
    def boom(*_a: object, **_k: object) -> None:
        raise OSError(code, "English text", "/x/y")
    return boom


def test_os_error_text_is_chinese() -> None:
    assert os_error_text(OSError(errno.ENOSPC, "No space left on device")) == "磁盘空间不足（ENOSPC）"
    assert os_error_text(OSError(errno.EROFS, "Read-only file system")) == "只读文件系统（EROFS）"


@pytest.mark.parametrize(("where", "code", "text"), [("write_dataset", errno.ENOSPC, "磁盘空间不足"),
                                                     ("make_tmp", errno.EROFS, "只读文件系统")])
def test_full_or_read_only_output_exits_2_and_keeps_the_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                where: str, code: int, text: str) -> None:
    src, out = _src(tmp_path), tmp_path / "out"
    paths_to_dataset([src], out, jobs=1, progress=False)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    shutil.copy(CORPUS / "seed-001" / "report.txt", src / "b.txt")
    monkeypatch.setattr(f"jixiao.batch.run.{where}", _raise(code))
    r = CliRunner().invoke(app, ["ingest", str(src), "--out", str(out), "-j", "1"])
    assert r.exit_code == 2
    lines = [ln for ln in r.output.splitlines() if ln.startswith("错误")]
    assert len(lines) == 1 and text in lines[0] and "原有数据集未改动" in lines[0] and "English" not in lines[0]
    assert "Traceback" not in r.output
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert (out / ".cache").is_dir()


def test_failed_swap_puts_everything_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    (out / ".cache").mkdir(parents=True)
    (out / "documents.csv").write_text("old", encoding="utf-8")
    tmp.mkdir()
    real_rename = __import__("os").rename

    def rename(a: object, b: object) -> None:
        if Path(str(a)) == tmp:
            raise OSError(errno.EIO, "I/O error")
        real_rename(a, b)

    monkeypatch.setattr("jixiao.batch.output.os.rename", rename)
    with pytest.raises(OSError):
        swap_in(tmp, out, keep_cache=True)
    assert (out / "documents.csv").read_text(encoding="utf-8") == "old" and (out / ".cache").is_dir()


def test_cache_enospc_never_aborts_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _src(tmp_path)
    shutil.copy(CORPUS / "seed-001" / "report.txt", src / "b.txt")
    monkeypatch.setattr("jixiao.batch.cache.tempfile.mkstemp", _raise(errno.ENOSPC))
    s = paths_to_dataset([src], tmp_path / "out", jobs=1, progress=False)
    assert s.documents["ok"] == 2 and (tmp_path / "out" / "documents.csv").is_file()
    assert s.lines()[-1] == "注意：缓存写入失败 2 次（磁盘空间不足（ENOSPC）），这些文件下次会重新处理；数据集不受影响"


def test_cache_put_reports_failure(tmp_path: Path) -> None:
    (tmp_path / "ro").write_text("a file where the cache folder should be", encoding="utf-8")
    c = Cache(tmp_path / "ro")
    assert c.put_json("ab" * 32, "{}") is False and c.write_failures == 1 and c.write_error


def test_unwritable_out_parent_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    src = _src(tmp_path)
    with pytest.raises(OutputDirError, match="无法写入输出目录"):
        paths_to_dataset([src], tmp_path / "file" / "out", jobs=1, progress=False)
