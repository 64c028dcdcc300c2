"""Benchmark of ``jixiao ingest`` at audit scale.

    .venv/bin/python benchmarks/ingest.py             # 1,000 mixed reports
    .venv/bin/python benchmarks/ingest.py --n 100     # quick, while developing

Builds a corpus of N reports in a temp dir (TXT, DOCX and PDF in realistic
proportions, default 20/40/40) by varying the repository's corpus files:

- TXT from ``corpus/seed-*/report.txt``; DOCX from ``corpus/docx-*/report.docx``
  (the text of every ``<w:t>`` element): numbers with decimals are scaled by a
  small random factor keeping their decimal places, long digit runs (project
  codes) are redrawn, and the line/cell after 项目名称 gets a batch suffix;
- PDF from ``corpus/pdf-*/report.pdf`` (or, when there are none yet and
  LibreOffice is installed, from the DOCX templates converted once): the
  content stream is left alone and a unique comment is appended after
  ``%%EOF`` so every file has its own sha256 (the work per file is the real one).

Then, on the same files, it measures side by side:

- ``jixiao ingest --jobs 1`` and ``--jobs 2`` (cold, cache not read): documents/s,
  indicators/s, peak RSS of the parent and of the largest worker (``--engines local,dask``
  adds the same runs on a Dask LocalCluster);
- a warm re-run (everything from the cache: the dataset is kept, see ``jixiao/batch/manifest.py``)
  and one after a single input changed (every entry read, the dataset written again);
- the bare parse floor of the same files, sequential in one process: ``pdfplumber.open`` +
  ``extract_text`` of every page, a ``docx.Document`` load, a text read; and bare pypdfium2
  (open + the text of every page);
- jixiao's own per-format cost (``path_to_document``, sequential, one process), ms/file;
- start-up: ``jixiao --help`` and ``jixiao extract`` of one TXT form (best of 6 wall seconds,
  and the best CPU seconds of the command and its worker, with and without Python's bytecode
  cache; ``--startup-only`` measures only this).

Targets (issue 13), on 2 cores: whole ingest <= 0.6x the bare pdfplumber/python-docx parse;
1,000 mixed reports < 30 s with --jobs 2; ``--help`` < 0.15 s; ``extract`` of one TXT
< 0.25 s; peak RSS < 250 MB per worker; warm re-run of 1,000 files < 2 s.  Each ingest runs in
its own process so its peak RSS is its own.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
CODE = ROOT  # where `import jixiao` resolves; main() points it at a frozen snapshot


def snapshot_code(work: Path) -> Path:
    """Copy the jixiao package so every run measures the same code (and the cache,
    keyed by a digest of that code, stays valid between the runs)."""
    snap = work / "code"
    shutil.copytree(ROOT / "jixiao", snap / "jixiao", ignore=shutil.ignore_patterns("__pycache__"))
    return snap

_DECIMAL = re.compile(r"(?<![\d.])(\d{1,6})\.(\d{1,4})(?![\d.])")
_LONG_DIGITS = re.compile(r"\d{12,}")
_WT = re.compile(r"(<w:t(?:\s[^>]*)?>)([^<]*)(</w:t>)")


def _vary_number(m: re.Match[str], rng: random.Random) -> str:
    whole, frac = m.group(1), m.group(2)
    v = float(f"{whole}.{frac}") * rng.uniform(0.8, 1.2)
    return f"{v:.{len(frac)}f}"


def vary_text(text: str, rng: random.Random, tag: str) -> str:
    text = _DECIMAL.sub(lambda m: _vary_number(m, rng), text)
    return _LONG_DIGITS.sub(lambda m: "".join(rng.choice("0123456789") for _ in m.group(0)), text)


def vary_txt(data: str, rng: random.Random, tag: str) -> str:
    lines = data.split("\n")
    for i, line in enumerate(lines[:-1]):
        if line.strip() == "项目名称" and lines[i + 1].strip():
            lines[i + 1] = lines[i + 1] + f"（{tag}）"
    return vary_text("\n".join(lines), rng, tag)


class _DocxText:
    """Varies the text of each ``<w:t>``; the first non-empty text after 项目名称 gets the tag."""

    def __init__(self, rng: random.Random, tag: str) -> None:
        self.rng, self.tag, self.after_name = rng, tag, False

    def __call__(self, m: re.Match[str]) -> str:
        t = vary_text(m.group(2), self.rng, self.tag)
        if self.after_name and t.strip():
            t, self.after_name = t + f"（{self.tag}）", False
        if m.group(2).strip() == "项目名称":
            self.after_name = True
        return m.group(1) + t + m.group(3)


def vary_docx(data: bytes, rng: random.Random, tag: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "word/document.xml":
                body = _WT.sub(_DocxText(rng, tag), body.decode("utf-8")).encode("utf-8")
            zout.writestr(info, body)
    return out.getvalue()


def vary_pdf(data: bytes, rng: random.Random, tag: str) -> bytes:
    return data + f"\n%jixiao-benchmark {tag} {rng.random()}\n".encode()


def pdf_templates(work: Path) -> list[Path]:
    found = sorted(CORPUS.glob("pdf-*/*.pdf"))
    if found or not shutil.which("soffice"):
        return found
    docx = sorted(CORPUS.glob("docx-*/*.docx"))
    if not docx:
        return []
    conv = work / "pdf-templates"
    conv.mkdir(exist_ok=True)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(conv), *map(str, docx)],
                   check=False, capture_output=True, timeout=300)
    return sorted(conv.glob("*.pdf"))


def build_corpus(n: int, mix: dict[str, float], work: Path, seed: int = 1) -> tuple[Path, dict[str, int]]:
    rng = random.Random(seed)
    templates = {
        "txt": sorted(CORPUS.glob("seed-*/report.txt")),
        "docx": sorted(CORPUS.glob("docx-*/*.docx")),
        "pdf": pdf_templates(work),
    }
    available = {k: v for k, v in templates.items() if v and mix.get(k, 0) > 0}
    if not available:
        raise SystemExit("no templates in corpus/")
    total = sum(mix[k] for k in available)
    counts = {k: round(n * mix[k] / total) for k in available}
    first = next(iter(counts))
    counts[first] += n - sum(counts.values())
    src = work / "reports"
    shutil.rmtree(src, ignore_errors=True)
    i = 0
    for fmt, count in counts.items():
        for j in range(count):
            tpl = templates[fmt][j % len(templates[fmt])]
            tag = f"第{i:04d}批"
            sub = src / f"batch-{i // 100:02d}"
            sub.mkdir(parents=True, exist_ok=True)
            target = sub / f"{fmt}-{i:04d}{tpl.suffix}"
            if fmt == "txt":
                target.write_text(vary_txt(tpl.read_text(encoding="utf-8"), rng, tag), encoding="utf-8")
            elif fmt == "docx":
                target.write_bytes(vary_docx(tpl.read_bytes(), rng, tag))
            else:
                target.write_bytes(vary_pdf(tpl.read_bytes(), rng, tag))
            i += 1
    return src, counts


def run_ingest(src: Path, out: Path, jobs: int, cache: bool, engine: str = "local") -> dict[str, float]:
    """One ingest in a fresh process; returns its summary and peak RSS figures."""
    code = (
        "import json, resource, sys\n"
        "from jixiao.batch import paths_to_dataset\n"
        f"s = paths_to_dataset([{str(src)!r}], {str(out)!r}, jobs={jobs}, use_cache={cache}, progress=False,"
        f" engine={engine!r})\n"
        "print(json.dumps({'seconds': s.seconds, 'documents': s.n_documents, 'ok': s.documents['ok'],\n"
        "  'error': s.documents['error'], 'empty': s.documents['empty'], 'reports': s.reports,\n"
        "  'indicators': s.indicators, 'processed': s.processed, 'cached': s.cached,\n"
        "  'worker_rss_mb': s.peak_worker_rss_kb / 1024,\n"
        "  'cpu': sum(getattr(resource.getrusage(w), f) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)\n"
        "             for f in ('ru_utime', 'ru_stime')),\n"
        "  'parent_cpu': sum(getattr(resource.getrusage(resource.RUSAGE_SELF), f) for f in ('ru_utime', 'ru_stime')),\n"
        "  'parent_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    )
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, "-c", code], cwd=CODE, capture_output=True, text=True, check=True)
    r = json.loads(p.stdout.strip().splitlines()[-1])
    r["wall"] = time.perf_counter() - t0
    return r


def _time(fn, paths: list[Path]) -> float:  # type: ignore[no-untyped-def]
    """CPU seconds of fn over the files (CPU, not wall: steadier on a shared machine)."""
    t0 = time.process_time()
    for p in paths:
        fn(p)
    return time.process_time() - t0


def bare_pdfplumber(p: Path) -> None:
    import pdfplumber

    with pdfplumber.open(p) as pdf:
        for page in pdf.pages:
            page.extract_text()


def bare_pdfium(p: Path) -> None:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(p)
    try:
        for page in pdf:
            page.get_textpage().get_text_range()
    finally:
        pdf.close()


def bare_docx(p: Path) -> None:
    import docx

    docx.Document(str(p))


def bare_text(p: Path) -> None:
    p.read_bytes().decode("utf-8", errors="replace")


def per_format(src: Path, sample: int | None) -> dict[str, dict[str, float]]:
    """Per format: files, jixiao seconds (path_to_document), bare-floor seconds, pypdfium2 seconds."""
    from jixiao.pipeline import path_to_document

    floors = {"pdf": bare_pdfplumber, "docx": bare_docx, "txt": bare_text}
    out: dict[str, dict[str, float]] = {}
    for fmt, bare in floors.items():
        files = sorted(src.rglob(f"*.{fmt}"))[:sample]
        if not files:
            continue
        path_to_document(files[0])  # warm imports and caches
        bare(files[0])
        row = {"files": len(files), "jixiao": _time(lambda p: path_to_document(p), files), "floor": _time(bare, files)}
        if fmt == "pdf":
            bare_pdfium(files[0])
            row["pdfium"] = _time(bare_pdfium, files)
        out[fmt] = row
    return out


def startup(txt: Path) -> dict[str, tuple[float, float]]:
    """Best of 6 (wall seconds, CPU seconds) of ``jixiao --help`` and ``jixiao extract TXT``, with
    the bytecode cache disabled as in this environment (if it is) and enabled (written once, then
    read).  CPU is user + system time of the command and of the worker it waited for (a forked
    or spawned child): on a shared machine it moves less than the wall time.  The catalogue
    cache (:mod:`jixiao.catalogue_cache`) lives in the benchmark's own directory: written by the
    first run, read by the others; one more row measures extract with it switched off."""
    out: dict[str, tuple[float, float]] = {}
    for label, pyc in ((" (no bytecode cache)", False), (" (bytecode cached)", True)):
        env = {**os.environ, "PYTHONPATH": str(CODE), "JIXIAO_CACHE_DIR": str(CODE.parent / "user-cache")}
        if pyc:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            for d in CODE.rglob("__pycache__"):
                shutil.rmtree(d, ignore_errors=True)
        for name, args, extra in (("--help", ["--help"], {}), ("extract TXT", ["extract", str(txt), "--no-rules"], {}),
                                  ("extract TXT with rules", ["extract", str(txt)], {}),
                                  ("extract TXT with rules, catalogue cache off", ["extract", str(txt)],
                                   {"JIXIAO_CACHE_DIR": "off"})):
            best, best_cpu = float("inf"), float("inf")
            for _ in range(6):  # the first may write the bytecode cache
                t0 = time.perf_counter()
                proc = subprocess.Popen([sys.executable, "-m", "jixiao", *args], env={**env, **extra}, cwd=CODE,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                _pid, status, usage = os.wait4(proc.pid, 0)
                proc.returncode = os.waitstatus_to_exitcode(status)
                if proc.returncode != 0:
                    raise RuntimeError(f"jixiao {' '.join(args)} exited with {proc.returncode}")
                best = min(best, time.perf_counter() - t0)
                best_cpu = min(best_cpu, usage.ru_utime + usage.ru_stime)
            out[name + label] = (best, best_cpu)
    return out


def _print_startup(src: Path) -> None:
    txt = next(src.rglob("*.txt"))
    print(f"start-up file: {txt.relative_to(src)} ({txt.stat().st_size} bytes)")
    for name, (sec, cpu) in startup(txt).items():
        print(f"start-up {name}: {sec:.3f} s (CPU {cpu:.3f} s)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="reports in the generated corpus")
    ap.add_argument("--mix", default="txt=0.2,docx=0.4,pdf=0.4", help="format proportions")
    ap.add_argument("--sample", type=int, default=None, help="files per format for the per-format costs (all)")
    ap.add_argument("--engines", default="local", help="comma list: local, dask (a LocalCluster of --jobs workers)")
    ap.add_argument("--jobs", default="1,2", help="comma list of --jobs values to run")
    ap.add_argument("--keep", type=Path, default=None, help="build in this directory and keep it")
    ap.add_argument("--no-floor", action="store_true", help="skip the bare-library and per-format timings")
    ap.add_argument("--startup-only", action="store_true", help="measure only the start-up of --help and extract")
    args = ap.parse_args(argv)
    mix = {k: float(v) for k, v in (kv.split("=") for kv in args.mix.split(","))}
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    job_counts = [int(j) for j in args.jobs.split(",")]

    work = args.keep or Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"cores: {os.cpu_count()}; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    global CODE
    try:
        if (work / "code").exists():
            shutil.rmtree(work / "code")
        CODE = snapshot_code(work)
        sys.path.insert(0, str(CODE))
        t0 = time.perf_counter()
        src, counts = build_corpus(args.n, mix, work)
        print(f"corpus: {sum(counts.values())} files {counts} built in {time.perf_counter() - t0:.1f} s ({work})")
        if args.startup_only:
            _print_startup(src)
            return 0
        results = {}
        for engine in engines:
            for jobs in job_counts:
                r = run_ingest(src, work / f"out-{engine}-j{jobs}", jobs, cache=False, engine=engine)
                results[(engine, jobs)] = r
                print(f"ingest {engine} --jobs {jobs}: {r['seconds']:.1f} s, {r['documents'] / r['seconds']:.1f} "
                      f"documents/s, {r['reports'] / r['seconds']:.1f} reports/s, "
                      f"{r['indicators'] / r['seconds']:.0f} indicators/s "
                      f"(ok {r['ok']}, empty {r['empty']}, error {r['error']}; {r['reports']} reports, "
                      f"{r['indicators']} indicators); CPU {r['cpu']:.0f} s (workers included; parent "
                      f"{r['parent_cpu']:.1f} s = {r['parent_cpu'] / max(r['cpu'], 1e-9):.0%}); "
                      f"peak RSS parent {r['parent_rss_mb']:.0f} MB, worker {r['worker_rss_mb']:.0f} MB")
        engine, jobs = next(iter(results))
        last = max(job_counts)
        warm = run_ingest(src, work / f"out-{engine}-j{last}", last, cache=True, engine=engine)
        print(f"warm re-run ({engine} --jobs {last}, cache): {warm['seconds']:.2f} s "
              f"({warm['cached']} from cache, {warm['processed']} processed; dataset kept: batch/manifest.py)")
        touched = next(src.rglob("*.txt"))  # one input changed: every entry read, the dataset rewritten
        touched.write_text(touched.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        warm1 = run_ingest(src, work / f"out-{engine}-j{last}", last, cache=True, engine=engine)
        print(f"warm re-run, one file changed ({engine} --jobs {last}): {warm1['seconds']:.2f} s "
              f"({warm1['cached']} from cache, {warm1['processed']} processed; CPU parent {warm1['parent_cpu']:.2f} s)")
        floor_total = None
        if not args.no_floor:
            rows = per_format(src, args.sample)
            floor_total = sum(r["floor"] for r in rows.values())
            whole = all(r["files"] == counts.get(f, 0) for f, r in rows.items())
            for fmt, r in rows.items():
                k = r["files"]
                bare = {"pdf": "pdfplumber open + extract_text", "docx": "python-docx load", "txt": "text read"}[fmt]
                extra = f"; bare pypdfium2 text {r['pdfium'] / k * 1000:.1f} ms/file" if "pdfium" in r else ""
                print(f"{fmt} (CPU): jixiao {r['jixiao'] / k * 1000:.1f} ms/file vs bare {bare} {r['floor'] / k * 1000:.1f} "
                      f"ms/file = {r['jixiao'] / r['floor']:.2f}x{extra} ({k} files, one process)")
            if whole:
                print(f"bare parse floor of all {args.n} files (one process): {floor_total:.1f} s CPU")
                for (engine, jobs), r in results.items():
                    print(f"  ingest {engine} --jobs {jobs}: wall / floor = {r['seconds'] / floor_total:.2f}x, "
                          f"CPU / floor = {r['cpu'] / floor_total:.2f}x")
        _print_startup(src)
        print(f"benchmark peak RSS (this process, per-format runs): "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
