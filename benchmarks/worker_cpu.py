"""CPU of the worker's per-file work (``path_to_document`` + the rows/JSON reply), A/B between
two code trees, on a fixed sample of benchmark files.

    .venv/bin/python benchmarks/worker_cpu.py --bench /tmp/x/reports --ref-code /path/to/main --rounds 3
    .venv/bin/python benchmarks/worker_cpu.py --bench /tmp/x/reports --profile    # cProfile, this tree

Each measurement is a fresh process of one code tree that imports the pipeline, reads the first
sample file once (warm-up: imports, pdfium, catalogues) and then times the whole sample with
``time.process_time`` (CPU, not wall: steadier on a shared machine).  Rounds alternate the two
trees (A B A B ...), so a change in the machine's load hits both alike; the best and the median
of each are printed with their ratio.  ``--callgrind`` counts instructions instead (valgrind's
callgrind, deterministic, ~50x slower: use a small sample such as ``--every 25``): each tree is
run twice, warm-up only and warm-up + sample, and the difference is the sample's count.  ``--every N`` takes every N-th file (default 10: 100 of
the 1,000-file corpus of ``benchmarks/ingest.py``, 20 TXT, 40 DOCX, 40 PDF).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sample(bench: Path, every: int) -> list[Path]:
    return sorted(p for p in bench.rglob("*") if p.is_file())[::max(every, 1)]


def measure(files: list[Path], warm_only: bool = False) -> dict[str, float]:
    from jixiao.batch.result import document_to_result, result_to_json
    from jixiao.pipeline import path_to_document

    for fmt in ("txt", "docx", "pdf"):  # warm-up: imports, catalogues, pdfium, one file of each format
        first = next((f for f in files if f.suffix == "." + fmt), None)
        if first is not None:
            result_to_json(document_to_result(path_to_document(first)))
    if warm_only:
        return {}
    per: dict[str, float] = {}
    t0 = time.process_time()
    for f in files:
        t = time.process_time()
        result_to_json(document_to_result(path_to_document(f)))
        fmt = f.suffix.lstrip(".")
        per[fmt] = per.get(fmt, 0.0) + time.process_time() - t
    per["total"] = time.process_time() - t0
    return per


def _child(code: Path, bench: Path, every: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    p = subprocess.run([sys.executable, __file__, "--bench", str(bench), "--every", str(every), "--child"],
                       env=env, cwd=str(code), capture_output=True, text=True, check=True)
    return json.loads(p.stdout.strip().splitlines()[-1])


def _instructions(code: Path, bench: Path, every: int, warm_only: bool) -> int:
    env = {**os.environ, "PYTHONPATH": str(code)}
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
           "--bench", str(bench), "--every", str(every), "--child"] + (["--warm-only"] if warm_only else [])
    p = subprocess.run(cmd, env=env, cwd=str(code), capture_output=True, text=True, check=True)
    m = re.search(r"Collected : (\d+)", p.stderr)
    if m is None:
        raise SystemExit(f"no instruction count from valgrind:\n{p.stderr[-2000:]}")
    return int(m.group(1))


def callgrind(trees: dict[str, Path], bench: Path, every: int) -> None:
    got = {}
    for name, code in trees.items():
        base = _instructions(code, bench, every, True)
        full = _instructions(code, bench, every, False)
        got[name] = full - base
        print(f"{name}: {got[name] / 1e9:.3f} G instructions for the sample ({full / 1e9:.3f} - {base / 1e9:.3f} "
              f"warm-up)", flush=True)
    if "ref" in got:
        print(f"new/ref {got['new'] / got['ref']:.3f}x")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bench", type=Path, required=True, help="benchmark files (benchmarks/ingest.py's corpus)")
    ap.add_argument("--every", type=int, default=10)
    ap.add_argument("--ref-code", type=Path, help="root of the reference code tree (holds jixiao/)")
    ap.add_argument("--code", type=Path, default=ROOT)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="cProfile the sample in this process, top 40")
    ap.add_argument("--callgrind", action="store_true", help="count instructions with valgrind (slow)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--warm-only", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    files = sample(a.bench, a.every)
    if a.child:
        print(json.dumps(measure(files, a.warm_only)))
        return 0
    if a.profile:
        import cProfile
        import pstats

        measure(files, warm_only=True)
        prof = cProfile.Profile()
        prof.enable()
        measure(files)
        prof.disable()
        pstats.Stats(prof).sort_stats("cumulative").print_stats(40)
        pstats.Stats(prof).sort_stats("tottime").print_stats(40)
        return 0
    trees = {"new": a.code.resolve()}
    if a.ref_code is not None:
        trees = {"ref": a.ref_code.resolve(), **trees}
    if a.callgrind:
        callgrind(trees, a.bench, a.every)
        return 0
    got: dict[str, list[dict[str, float]]] = {k: [] for k in trees}
    for r in range(a.rounds):
        for name, code in trees.items():
            got[name].append(_child(code, a.bench, a.every))
            print(f"round {r + 1} {name}: " + ", ".join(f"{k} {v:.2f} s" for k, v in got[name][-1].items()),
                  flush=True)
    print(f"{len(files)} files, {a.rounds} rounds, CPU seconds (best / median):")
    for key in got["new"][0]:
        line = []
        for name in trees:
            vals = [g[key] for g in got[name]]
            line.append(f"{name} {min(vals):.2f} / {statistics.median(vals):.2f}")
        if "ref" in got:
            ratio = min(g[key] for g in got["new"]) / max(min(g[key] for g in got["ref"]), 1e-9)
            line.append(f"new/ref {ratio:.3f}x")
        print(f"  {key}: " + "; ".join(line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
