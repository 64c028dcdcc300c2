"""A warm re-run that changes nothing keeps the dataset as it is: the run manifest.

A run that wrote its dataset records a *manifest* beside its cache entries
(``<cache>/dataset-<hash of the output path>.manifest``, JSON): a fingerprint of everything
the dataset is a function of, the files it wrote (name, size, sha256) and the summary counts.
The fingerprint hashes

- the cache salt: jixiao's version, the digest of its code and data files, the run
  configuration (rules on/off, ``--convert``, the rules TOML) — :class:`~jixiao.batch.cache.Cache`;
- the output formats, ``--raw-csv`` and the engine (a Dask run adds partitioned Parquet);
- every input in order: the key of its cache entry (file sha256 + source name + salt) with the
  entry's size and modification time, or, for a file listed as an error without being read (a
  link out of the inputs, an unsupported format), the result row it gives.

The next run computes the same fingerprint *before reading any cache entry* (a stat per entry).
When it matches, every file the manifest lists is still in the output directory with the same
size and sha256, and no other file was added, the dataset on disk is the one this run would
write again: its rows are those of the same entries in the same order, and the writers are
functions of the rows (CSV and Parquet byte for byte; ``dataset.xlsx`` carries the time it was
written and ``dataset.duckdb`` its own block layout, their contents are the same).  So the run
keeps it — no entry is read, nothing is rewritten — and reports the counts the manifest holds.
Any difference (a new, changed, renamed or removed input, an entry rewritten or missing, another
format or jixiao, an output file edited or deleted) and the run goes the ordinary way, which
writes a new manifest.  A manifest that cannot be written or read only costs that shortcut.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jixiao.batch.cache import write_atomic

MANIFEST_VERSION = 1
SUFFIX = ".manifest"


def manifest_path(cache_root: Path, out: Path) -> Path:
    """Where the manifest of the dataset in ``out`` lives (one per output directory, so a shared
    ``--cache-dir`` serves several datasets)."""
    name = hashlib.sha256(os.fsencode(str(out))).hexdigest()[:16]
    return cache_root / f"dataset-{name}{SUFFIX}"


def fingerprint(salt: str, settings: dict[str, Any], items: Iterable[list[Any]]) -> str:
    """sha256 over the salt, the output settings and one JSON item per input, in order."""
    h = hashlib.sha256()
    h.update(json.dumps([MANIFEST_VERSION, salt, settings], sort_keys=True).encode())
    for item in items:  # ASCII JSON: a source name that is not UTF-8 (surrogate escapes) hashes like any other
        h.update(b"\n" + json.dumps(item, separators=(",", ":")).encode())
    return h.hexdigest()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _dataset_files(out: Path, skip: set[str]) -> set[str]:
    """Every file under ``out`` (POSIX paths relative to it) except the top-level names in ``skip``."""
    found: set[str] = set()
    for root, dirs, files in os.walk(out):
        rel = Path(root).relative_to(out)
        if rel == Path("."):
            dirs[:] = [d for d in dirs if d not in skip]
            files = [f for f in files if f not in skip]
        found.update((rel / f).as_posix() for f in files)
    return found


def read_kept(path: Path, fp: str, out: Path, skip: set[str]) -> dict[str, Any] | None:
    """The manifest's state when the dataset in ``out`` is intact and ``fp`` is the fingerprint
    it was written for; None otherwise (no manifest, another fingerprint, a file changed)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != MANIFEST_VERSION or data.get("fingerprint") != fp:
            return None
        outputs = [(str(name), int(size), str(sha)) for name, size, sha in data["outputs"]]
        if _dataset_files(out, skip) != {name for name, _, _ in outputs}:
            return None
        for name, size, sha in outputs:
            p = out / name
            if p.is_symlink() or p.stat().st_size != size or file_sha256(p) != sha:
                return None
        state: dict[str, Any] = data["state"]
        return state if _well_formed(state) else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write(path: Path, fp: str, out: Path, written: list[Path], state: dict[str, Any]) -> bool:
    """Record the dataset just written into ``out`` (``written``: its files, relative to ``out``).
    False when the manifest cannot be written (the next run then goes the ordinary way)."""
    try:
        outputs = [[p.as_posix(), (out / p).stat().st_size, file_sha256(out / p)] for p in written]
        text = json.dumps({"version": MANIFEST_VERSION, "fingerprint": fp, "outputs": outputs, "state": state})
        write_atomic(path, text)
    except OSError:
        return False
    return True



def _pairs(value: Any) -> bool:
    return isinstance(value, list) and all(
        isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) and isinstance(v[1], str | None) for v in value)


def _well_formed(state: Any) -> bool:
    """The summary state has the shape :func:`write` gives it (a hand-edited manifest is a miss)."""
    counts = ("documents", "findings")
    return (isinstance(state, dict) and all(isinstance(state.get(k), dict) for k in counts)
            and all(isinstance(n, int) for k in counts for n in state[k].values())
            and isinstance(state.get("reports"), int) and isinstance(state.get("indicators"), int)
            and _pairs(state.get("errors")) and _pairs(state.get("files"))
            and isinstance(state.get("paths"), list) and all(isinstance(x, str) for x in state["paths"]))
