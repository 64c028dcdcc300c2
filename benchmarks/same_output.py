"""Check that two versions of jixiao give byte-identical Documents on the same files.

    .venv/bin/python benchmarks/same_output.py --ref-code /path/to/main          # corpus/ only
    .venv/bin/python benchmarks/same_output.py --ref-code /path/to/main --bench /tmp/x/reports --every 3

Every input file under ``corpus/`` (every file but ``meta.toml`` and ``*.json``), plus, with
``--bench DIR``, every ``--every``-th file under DIR (e.g. the corpus ``benchmarks/ingest.py``
builds), is read by ``path_to_document`` under each code tree (``--ref-code`` against
``--code``, default this repository) in its own process, and the full ``model_dump_json()``
of the two Documents is compared, together with the worker's rows/JSON reply
(``result_to_json(document_to_result(doc))``).  The first difference of each differing file is
printed; the exit status is 1 when any file differs.

``--dump OUT`` (used by the two child processes) writes one JSON line per file instead:
``{"file": ..., "doc": <model_dump_json>, "rows": <worker reply>}``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "corpus").rglob("*")
                  if p.is_file() and p.name != "meta.toml" and not p.name.endswith(".json")
                  and not p.name.startswith("."))


def bench_files(bench: Path | None, every: int) -> list[Path]:
    if bench is None:
        return []
    files = sorted(p for p in bench.rglob("*") if p.is_file())
    return files[::max(every, 1)]


def dump(files: list[Path], out: Path) -> None:
    from jixiao.batch.result import document_to_result, result_to_json
    from jixiao.pipeline import path_to_document

    with out.open("w", encoding="utf-8") as fh:
        for f in files:
            # the source name is the path relative to its tree, so both code trees see the same one
            doc = path_to_document(f, f.name)
            line = {"file": str(f), "doc": doc.model_dump_json(), "rows": result_to_json(document_to_result(doc))}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")


def _run(code: Path, files_list: Path, out: Path) -> dict[str, dict[str, str]]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    subprocess.run([sys.executable, __file__, "--dump", str(out), "--files", str(files_list)],
                   env=env, cwd=str(code), check=True)
    got = {}
    with out.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            got[d["file"]] = d
    return got


def _first_diff(a: str, b: str) -> str:
    i = next((k for k, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"at char {i}: ref …{a[max(i - 80, 0):i + 80]!r}… vs new …{b[max(i - 80, 0):i + 80]!r}…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ref-code", type=Path, help="root of the reference code tree (holds jixiao/)")
    ap.add_argument("--code", type=Path, default=ROOT, help="root of the code tree under test (default: this one)")
    ap.add_argument("--bench", type=Path, help="a directory of benchmark files (benchmarks/ingest.py's corpus)")
    ap.add_argument("--every", type=int, default=3, help="take every N-th benchmark file (default 3)")
    ap.add_argument("--no-corpus", action="store_true", help="skip the files of corpus/")
    ap.add_argument("--dump", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--files", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.dump is not None:
        dump([Path(x) for x in a.files.read_text(encoding="utf-8").splitlines() if x], a.dump)
        return 0
    if a.ref_code is None:
        ap.error("--ref-code is required")
    files = ([] if a.no_corpus else corpus_files(ROOT)) + bench_files(a.bench, a.every)
    with tempfile.TemporaryDirectory(prefix="jixiao-same-") as tmp:
        t = Path(tmp)
        (t / "files.txt").write_text("\n".join(str(f.resolve()) for f in files), encoding="utf-8")
        ref = _run(a.ref_code.resolve(), t / "files.txt", t / "ref.jsonl")
        new = _run(a.code.resolve(), t / "files.txt", t / "new.jsonl")
    bad = 0
    for f in files:
        key = str(f.resolve())
        r, n = ref.get(key), new.get(key)
        if r is None or n is None:
            print(f"MISSING {key}")
            bad += 1
            continue
        for part in ("doc", "rows"):
            if r[part] != n[part]:
                print(f"DIFF {part} {key}: {_first_diff(r[part], n[part])}")
                bad += 1
                break
    print(f"{len(files)} files compared ({a.ref_code} vs {a.code}): {len(files) - bad} identical, {bad} different")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
