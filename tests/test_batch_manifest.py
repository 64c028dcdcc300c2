"""batch/manifest.py: a warm re-run that changes nothing keeps the dataset on disk (nothing read
from the cache, nothing rewritten); any change to the inputs, the entries, the options or the
dataset's files makes it go the ordinary way and write the same dataset a full run writes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import jixiao.batch.run as run_mod
from jixiao.batch import paths_to_dataset
from jixiao.batch.manifest import manifest_path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture
def writes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, ...]]:
    """The formats of every write_dataset call (an empty list: the dataset was kept)."""
    calls: list[tuple[str, ...]] = []
    real = run_mod.write_dataset

    def counting(tables, out_dir, formats, **kw):  # type: ignore[no-untyped-def]
        calls.append(tuple(formats))
        return real(tables, out_dir, formats, **kw)

    monkeypatch.setattr(run_mod, "write_dataset", counting)
    return calls


def _src(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(CORPUS / "seed-000" / "report.txt", src / "a.txt")
    shutil.copy(CORPUS / "seed-004" / "report.txt", src / "b.txt")
    (src / "c.jpg").write_bytes(b"\xff\xd8 not a report")  # listed as an error without being read
    return src


def _files(d: Path) -> dict[str, bytes]:
    return {p.relative_to(d).as_posix(): p.read_bytes() for p in sorted(d.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(d).parts}


def test_an_unchanged_rerun_keeps_the_dataset_and_reports_the_same_counts(tmp_path: Path, writes: list) -> None:
    src, out = _src(tmp_path), tmp_path / "out"
    first = paths_to_dataset([src], out, jobs=1, progress=False)
    assert writes == [("csv", "parquet")] and manifest_path(out / ".cache", out.resolve()).is_file()
    before = {p: (out / p).stat().st_mtime_ns for p in _files(out)}
    second = paths_to_dataset([src], out, jobs=1, progress=False)
    assert writes == [("csv", "parquet")]  # not written again
    assert {p: (out / p).stat().st_mtime_ns for p in _files(out)} == before
    assert (second.processed, second.cached) == (0, 2)
    assert (second.documents, second.reports, second.indicators, second.findings, second.errors) == \
        (first.documents, first.reports, first.indicators, first.findings, first.errors)
    assert second.documents["error"] == 1 and second.reports > 0 and second.paths == first.paths
    assert len(list((out / ".cache").glob("*/*.json"))) == 2  # the entries were kept, not pruned


@pytest.mark.parametrize("change", ["input", "new input", "output edited", "output added", "output removed",
                                    "entry rewritten", "formats", "raw csv", "no cache"])
def test_any_change_goes_the_ordinary_way_and_gives_the_full_runs_dataset(tmp_path: Path, writes: list,
                                                                          change: str) -> None:
    src, out = _src(tmp_path), tmp_path / "out"
    paths_to_dataset([src], out, jobs=1, progress=False)
    kw: dict[str, object] = {}
    if change == "input":
        shutil.copy(CORPUS / "seed-001" / "report.txt", src / "a.txt")
    elif change == "new input":
        shutil.copy(CORPUS / "seed-001" / "report.txt", src / "d.txt")
    elif change == "output edited":
        p = out / "documents.csv"
        p.write_bytes(p.read_bytes().replace(b"a.txt", b"x.txt"))  # same size, other bytes
    elif change == "output added":
        (out / "notes.txt").write_text("mine", encoding="utf-8")
    elif change == "output removed":
        (out / "indicators.parquet").unlink()
    elif change == "entry rewritten":
        entry = next((out / ".cache").glob("*/*.json"))
        st = entry.stat()
        os.utime(entry, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
    elif change == "formats":
        kw["formats"] = ("csv", "xlsx")
    elif change == "raw csv":
        kw["raw_csv"] = True
    else:
        kw["use_cache"] = False
    s = paths_to_dataset([src], out, jobs=1, progress=False, **kw)  # type: ignore[arg-type]
    assert len(writes) == 2, "the dataset was kept although something changed"
    full = tmp_path / "full"
    paths_to_dataset([src], full, jobs=1, progress=False, use_cache=False, **{k: v for k, v in kw.items()
                                                                              if k != "use_cache"})
    a, b = _files(out), _files(full)
    assert sorted(a) == sorted(b)
    for name in a:
        if name != "dataset.xlsx":  # the workbook records when it was written
            assert a[name] == b[name], name
    assert s.n_documents == (4 if change == "new input" else 3)
    # and the run after it keeps that dataset
    again = paths_to_dataset([src], out, jobs=1, progress=False, **{k: v for k, v in kw.items() if k != "use_cache"})
    assert len(writes) == 3 and (again.processed, again.cached) == (0, again.n_documents - 1)


def test_a_manifest_that_cannot_be_read_costs_only_the_shortcut(tmp_path: Path, writes: list) -> None:
    src, out = _src(tmp_path), tmp_path / "out"
    paths_to_dataset([src], out, jobs=1, progress=False)
    manifest_path(out / ".cache", out.resolve()).write_text("{not json", encoding="utf-8")
    s = paths_to_dataset([src], out, jobs=1, progress=False)
    assert len(writes) == 2 and (s.processed, s.cached) == (0, 2) and s.documents["ok"] == 2


def test_a_hand_edited_manifest_state_is_a_miss(tmp_path: Path, writes: list) -> None:
    import json

    src, out = _src(tmp_path), tmp_path / "out"
    paths_to_dataset([src], out, jobs=1, progress=False)
    m = manifest_path(out / ".cache", out.resolve())
    data = json.loads(m.read_text(encoding="utf-8"))
    data["state"]["files"] = data["state"]["files"][:1]  # one status for three inputs
    m.write_text(json.dumps(data), encoding="utf-8")
    s = paths_to_dataset([src], out, jobs=1, progress=False)
    assert len(writes) == 2 and s.n_documents == 3
    data = json.loads(m.read_text(encoding="utf-8"))  # the ordinary run wrote a good one again
    data["state"]["reports"] = "many"
    m.write_text(json.dumps(data), encoding="utf-8")
    assert paths_to_dataset([src], out, jobs=1, progress=False).n_documents == 3 and len(writes) == 3
