"""Batch ingest: error isolation (incl. dying workers), cache hits, byte-identical
re-runs, stable source names, refusal to overwrite a foreign directory.

The input files are copies of the real seeds (corpus/seed-00x/report.txt)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from jixiao.batch import paths_to_dataset
from jixiao.batch.output import OutputDirError
from jixiao.batch.walk import paths_to_inputs
from jixiao.batch.worker import HOOK_ENV

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _docs(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "documents.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def _seed_tree(root: Path, names: dict[str, str]) -> Path:
    """root/in/<name> ← copy of corpus/seed-<id>/report.txt"""
    src = root / "in"
    for name, seed in names.items():
        p = src / name
        p.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / f"seed-{seed}" / "report.txt", p)
    return src


def test_a_crashing_file_never_stops_the_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _seed_tree(tmp_path, {"a.txt": "004", "exit.txt": "000", "segv.txt": "001", "raise.txt": "002",
                                "z/b.txt": "003"})
    shutil.copy(CORPUS / "bad-legacy-doc" / "report.doc", src / "old.doc")  # a real OLE .doc
    shutil.copy(CORPUS / "docx-sichuan-004" / "report.docx", src / "renamed.doc")  # a DOCX named .doc
    (src / "scan.jpg").write_bytes(b"\xff\xd8\xff\xe0JFIF")
    (src / ".hidden.txt").write_text("隐藏文件", encoding="utf-8")
    monkeypatch.setenv(HOOK_ENV, "exit:exit.txt;segv:segv.txt;raise:raise.txt")
    s = paths_to_dataset([src], tmp_path / "out", jobs=2, progress=False)
    docs = _docs(tmp_path / "out").set_index("source")
    assert list(docs.index) == ["in/a.txt", "in/exit.txt", "in/old.doc", "in/raise.txt", "in/renamed.doc",
                                "in/scan.jpg", "in/segv.txt", "in/z/b.txt"]
    assert docs.loc["in/a.txt", "status"] == "ok" and docs.loc["in/z/b.txt", "status"] == "ok"
    assert "异常退出" in docs.loc["in/exit.txt", "error"] and "退出码 3" in docs.loc["in/exit.txt", "error"]
    assert "SIGSEGV" in docs.loc["in/segv.txt", "error"]
    assert "RuntimeError" in docs.loc["in/raise.txt", "error"]
    # the loader reads content, not names: the real .doc is explained, the renamed DOCX is read
    assert "须先转换为DOCX" in docs.loc["in/old.doc", "error"]
    assert (docs.loc["in/renamed.doc", "status"], docs.loc["in/renamed.doc", "n_reports"]) == ("ok", "6")
    assert docs.loc["in/scan.jpg", "error"].startswith("不支持的文件格式（.jpg）")
    assert docs.loc["in/exit.txt", "sha256"] == __import__("hashlib").sha256(
        (CORPUS / "seed-000" / "report.txt").read_bytes()).hexdigest()
    assert (s.documents["ok"], s.documents["error"]) == (3, 5)
    assert s.processed == 7  # the .jpg is never sent to a worker
    assert s.lines()[-1] == "错误原因：处理该文件时工作进程异常退出 2，不支持的文件格式 1，处理时出错 1，旧版Office/WPS文件 1"


def test_cache_processes_only_new_files_and_output_matches_a_full_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _seed_tree(tmp_path, {"s0.txt": "000", "s4.txt": "004", "s2.txt": "002"})
    out = tmp_path / "out"
    s1 = paths_to_dataset([src], out, formats=("csv", "parquet", "xlsx"), jobs=1, progress=False)
    assert (s1.processed, s1.cached) == (3, 0)
    s2 = paths_to_dataset([src], out, formats=("csv", "parquet", "xlsx"), jobs=1, progress=False)
    assert (s2.processed, s2.cached) == (0, 3)
    for name, seed in {"n1.txt": "001", "n3.txt": "003", "sub/n4.txt": "004", "sub/n0.txt": "000",
                       "sub/n2.txt": "002"}.items():
        p = src / name
        p.parent.mkdir(exist_ok=True)
        shutil.copy(CORPUS / f"seed-{seed}" / "report.txt", p)
    s3 = paths_to_dataset([src], out, formats=("csv", "parquet", "xlsx"), jobs=2, progress=False)
    assert (s3.processed, s3.cached) == (5, 3)
    cached = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    full = tmp_path / "full"
    s4 = paths_to_dataset([src], full, formats=("csv", "parquet", "xlsx"), jobs=2, use_cache=False,
                          progress=False)
    assert (s4.processed, s4.cached) == (8, 0)
    fresh = {p.name: p.read_bytes() for p in full.iterdir() if p.is_file()}
    assert set(cached) == set(fresh) and "dataset.xlsx" in cached
    for name in fresh:
        assert cached[name] == fresh[name], name
    # a changed file is a miss; its stale entry is pruned from out/.cache
    (src / "s2.txt").write_text((CORPUS / "seed-003" / "report.txt").read_text(encoding="utf-8"), encoding="utf-8")
    s5 = paths_to_dataset([src], out, jobs=1, progress=False)
    assert (s5.processed, s5.cached) == (1, 7)
    assert len(list((out / ".cache").glob("*/*.json"))) == 8


def test_no_cache_forces_a_full_run(tmp_path: Path) -> None:
    src = _seed_tree(tmp_path, {"a.txt": "004", "b.txt": "001"})
    out = tmp_path / "out"
    paths_to_dataset([src], out, jobs=1, progress=False)
    s = paths_to_dataset([src], out, jobs=1, use_cache=False, progress=False)
    assert (s.processed, s.cached) == (2, 0)


def test_external_cache_dir(tmp_path: Path) -> None:
    src = _seed_tree(tmp_path, {"a.txt": "004"})
    cache = tmp_path / "cache"
    paths_to_dataset([src], tmp_path / "o1", jobs=1, cache_dir=cache, progress=False)
    s = paths_to_dataset([src], tmp_path / "o2", jobs=1, cache_dir=cache, progress=False)
    assert (s.processed, s.cached) == (0, 1)
    assert not (tmp_path / "o2" / ".cache").exists() and len(list(cache.glob("*/*.json"))) == 1


def test_source_names_are_relative_to_the_given_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _seed_tree(tmp_path, {"x/a.txt": "004", "b.txt": "001"})
    out = src / "out"  # an output dir inside the input tree is not read
    out.mkdir()
    (out / "documents.csv").write_text("x", encoding="utf-8")
    (out / ".jixiao-dataset").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    rel = [i.source for i in paths_to_inputs(["in"], exclude=[out])]
    absolute = [i.source for i in paths_to_inputs([src.resolve()], exclude=[out])]
    assert rel == absolute == ["in/b.txt", "in/x/a.txt"]
    assert [i.source for i in paths_to_inputs(["in/x/a.txt"])] == ["in/x/a.txt"]
    assert [i.source for i in paths_to_inputs([str(src / "b.txt")])] == ["b.txt"]


def test_a_foreign_directory_is_never_replaced(tmp_path: Path) -> None:
    src = _seed_tree(tmp_path, {"a.txt": "004"})
    foreign = tmp_path / "docs"
    foreign.mkdir()
    (foreign / "notes.md").write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputDirError, match="拒绝覆盖"):
        paths_to_dataset([src], foreign, jobs=1, progress=False)
    assert (foreign / "notes.md").read_text(encoding="utf-8") == "keep me"


def test_timeout_is_recorded_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = _seed_tree(tmp_path, {"slow.txt": "004", "fast.txt": "001"})
    monkeypatch.setenv(HOOK_ENV, "sleep:slow.txt:30")
    s = paths_to_dataset([src], tmp_path / "out", jobs=1, timeout=5, progress=False)
    docs = _docs(tmp_path / "out").set_index("source")
    assert "处理超时" in docs.loc["in/slow.txt", "error"] and docs.loc["in/fast.txt", "status"] == "ok"
    assert s.seconds < 25


def test_ignore_patterns_and_jixiaoignore_leave_files_out_and_count_them(tmp_path: Path) -> None:
    src = _seed_tree(tmp_path, {"a/report.txt": "004", "b/report.txt": "001", "skip/report.txt": "002"})
    (src / "a" / "meta.toml").write_text('origin = "x"\n', encoding="utf-8")
    (src / "a" / "report.gt.json").write_text("{}", encoding="utf-8")
    (src / "a" / "notes.rtf").write_text("{\\rtf1}", encoding="utf-8")
    (src / ".jixiaoignore").write_text("# not reports\nmeta.toml\n*.gt.json  # goldens\n", encoding="utf-8")
    s = paths_to_dataset([src], tmp_path / "out", jobs=1, ignore=["skip/"], progress=False)
    assert sorted(s.ignored) == ["in/a/meta.toml", "in/a/report.gt.json", "in/skip/"]
    assert list(_docs(tmp_path / "out")["source"]) == ["in/a/notes.rtf", "in/a/report.txt", "in/b/report.txt"]
    assert "按排除规则跳过 3 个" in s.lines()[0]


def test_repository_corpus_ignore_file_leaves_only_report_files() -> None:
    ignored: list[str] = []
    inputs = paths_to_inputs([CORPUS], ignored=ignored)
    assert any(i.source == "corpus/seed-004/report.txt" for i in inputs)
    assert not [i for i in inputs if i.path.name == "meta.toml" or i.path.name.endswith(".gt.json")]
    assert "corpus/seed-004/meta.toml" in ignored


def test_a_no_rules_run_is_not_served_to_a_run_with_rules(tmp_path: Path) -> None:
    src = _seed_tree(tmp_path, {"a.txt": "004"})
    out = tmp_path / "out"
    s1 = paths_to_dataset([src], out, jobs=1, rules=False, progress=False)
    assert sum(s1.findings.values()) == 0
    s2 = paths_to_dataset([src], out, jobs=1, rules=True, progress=False)
    assert (s2.processed, s2.cached) == (1, 0)


def test_workers_are_recycled_after_max_tasks(tmp_path: Path) -> None:
    from jixiao.batch.pool import Outcome, Pool, Task

    src = _seed_tree(tmp_path, {f"s{i}.txt": f"00{i}" for i in range(5)})
    pool = Pool(1, max_tasks_per_worker=2)
    spawned: list[int] = []
    real_spawn = pool._spawn

    def counting_spawn():  # type: ignore[no-untyped-def]
        w = real_spawn()
        spawned.append(w.proc.pid)
        return w

    pool._spawn = counting_spawn  # type: ignore[method-assign]
    done: list[Outcome] = []
    pool.run([Task(i, p, p.name) for i, p in enumerate(sorted(src.iterdir()))], done.append)
    assert [o.kind for o in done] == ["ok"] * 5
    assert len(set(spawned)) == 3  # 2 + 2 + 1 files
    assert pool.peak_rss_kb > 0


def test_a_second_run_into_the_same_directory_is_refused(tmp_path: Path) -> None:
    from jixiao.batch.output import exclusive

    src = _seed_tree(tmp_path, {"a.txt": "004"})
    with exclusive(tmp_path / "out"):
        with pytest.raises(OutputDirError, match="正在写入"):
            paths_to_dataset([src], tmp_path / "out", jobs=1, progress=False)
    s = paths_to_dataset([src], tmp_path / "out", jobs=1, progress=False)
    assert s.documents["ok"] == 1


def test_works_from_a_script_on_stdin_without_main_guard(tmp_path: Path) -> None:
    """Workers are `python -m jixiao.batch.worker`, not multiprocessing children, so the
    caller's __main__ (here: stdin, which cannot be re-imported) is never re-run."""
    import subprocess
    import sys

    src = _seed_tree(tmp_path, {"a.txt": "004", "b.txt": "001"})
    script = (f"from jixiao.batch import paths_to_dataset\n"
              f"s = paths_to_dataset([{str(src)!r}], {str(tmp_path / 'out')!r}, jobs=2, progress=False)\n"
              f"print(dict(s.documents))\n")
    p = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, cwd=tmp_path,
                       timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "{'ok': 2}"
    assert "Traceback" not in p.stderr and "RuntimeWarning" not in p.stderr


def test_the_bad_corpus_cases_each_become_one_clean_row(tmp_path: Path) -> None:
    """corpus/bad-*: every broken file is one documents row with the loader's own reason
    (meta.toml expect_reason), and nothing crashes a worker."""
    import tomllib

    cases = sorted(CORPUS.glob("bad-*"))
    assert len(cases) >= 10, "the bad-input corpus (tools/make_bad_corpus.py) is missing cases"
    paths_to_dataset(cases, tmp_path / "out", jobs=2, ignore=["meta.toml"], progress=False)
    docs = _docs(tmp_path / "out").set_index("source")
    assert len(docs) == len(cases)
    for case in cases:
        meta = tomllib.loads((case / "meta.toml").read_text(encoding="utf-8"))
        row = docs.loc[f"{case.name}/{next(p.name for p in case.iterdir() if p.name != 'meta.toml')}"]
        assert "异常退出" not in row["error"] and "处理时出错" not in row["error"], (case.name, row["error"])
        expect = meta.get("expect_reason", "")
        if expect:
            assert row["status"] in ("error", "empty") and expect in row["error"], (case.name, row["error"])
    assert "须先转换为DOCX" in docs.loc["bad-legacy-doc/report.doc", "error"]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="VmHWM is Linux's (/proc)")
def test_a_worker_reports_its_own_peak_not_its_parent_s() -> None:
    """ru_maxrss survives exec: a child spawned by a parent holding 400 MB reported ~400 MB as its
    own peak; peak_rss_kb reads the child's own high-water mark (VmHWM)."""
    import subprocess
    import sys

    ballast = bytearray(400 * 1024 * 1024)  # touched: resident in the parent
    ballast[::4096] = b"x" * len(ballast[::4096])
    code = ("import resource; from jixiao.batch.worker import peak_rss_kb; "
            "print(peak_rss_kb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    own, inherited = map(int, subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                             check=True).stdout.split())
    del ballast
    assert own < 150 * 1024 < 400 * 1024 <= inherited
