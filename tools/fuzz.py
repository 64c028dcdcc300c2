"""Seeded mutation fuzzer for the batch: mutated DOCX/XLSX/PDF/TXT files (and random bytes)
run through ``paths_to_dataset`` exactly as ``jixiao ingest`` runs them.

Usage::

    python tools/fuzz.py                  # quick: 200 per format, tiny seeds
    python tools/fuzz.py --long           # 5,000 per format, tiny + corpus seeds (make fuzz)
    python tools/fuzz.py -n 500 --formats docx,pdf --seed 7 --json

Each case is one seed file with 1–4 mutations drawn by ``random.Random(seed)``:
byte flips, overwrites with "interesting" values (``1e400``, ``\\x00``, ``=1+1``,
U+FFFE, bidi marks, long digit runs …), insertions, deletions, duplicated or
truncated ranges; for ZIP packages (DOCX/XLSX) most mutations are applied to one
decompressed XML member and the package is re-zipped (mutating the compressed
bytes only exercises the CRC check).  The same seed gives the same files.

Figures (per format and in total):

- ``tried``: files written; ``listed``: rows in ``documents``; ``lost`` = tried − listed;
- ``statuses``: how listed files ended (ok, empty, error, exception, died, hang);
- ``command_crashes``: runs of ``paths_to_dataset`` that raised (must be 0);
- ``exceptions`` / ``died``: files on which a stage raised / a worker died (isolated and
  listed with a reason; each is a reader bug worth fixing, not a lost file);
- ``hangs``: files stopped by the per-file time limit;
- ``peak_rss_mb``: the highest peak RSS of any worker;
- ``random_ok``: random-byte files accepted as a readable report (status ``ok``) —
  "fabricated reports" (``random`` format only).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import shutil
import sys
import tempfile
import time
import zipfile
import zlib
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pdf_build import build_pdf  # noqa: E402  (shared with tests/pdf_fixtures.py)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FORMATS = ("docx", "xlsx", "pdf", "txt", "random")
MAX_GROWTH = 256 * 1024  # bytes one duplication may add (keeps cases small and the run fast)

INTERESTING = [
    b"\x00", b"\xff", b"\xff\xfe", b"\xef\xbf\xbe", b"\xef\xbf\xbf", b"\xe2\x80\x8e", b"\xe2\x80\xaa",
    b"1e400", b"-1", b"9" * 64, b"9" * 5000, b"=1+1", b"@SUM(A1)", b"%", b"\xe4\xb8\x87\xe5\x85\x83",
    b"<!DOCTYPE x>", b"]]>", b"<", b">", b'"', b"&amp;", b"&#0;", b"R", b" 0 R", b"obj", b"endobj",
    b"stream", b"/Rotate /X", b"\r\n", b"\t", b"|", b"\xe3\x80\x80" * 40, b"XFD1048576", b"A1:XFD1048576",
]


# ------------------------------------------------------------------------------------------ seeds
def _tiny_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("项目支出绩效自评表")
    t = d.add_table(rows=4, cols=4)
    for r, row in enumerate([["项目名称", "示例项目", "主管部门", "示例单位"],
                             ["年度预算数", "100.00", "执行数", "95.00"],
                             ["一级指标", "二级指标", "指标值", "实际完成值"],
                             ["产出指标", "数量指标", "≥10 次", "12 次"]]):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    t.cell(1, 0).merge(t.cell(1, 0))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _tiny_xlsx() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    rows = [["项目支出绩效自评表"], ["项目名称", "示例项目", None, "主管部门", "示例单位"],
            ["年度预算数", 100.0, None, "执行数", 95.0], ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值"],
            ["产出指标", "数量指标", "培训人次", "≥10 次", "12 次"], ["效益指标", "满意度", "群众满意度", "≥90%", 0.95]]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A1:E1")
    ws["E6"].number_format = "0.00%"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _tiny_pdf() -> bytes:
    lines = [b"BT /F1 10 Tf 72 720 Td (Project performance self-evaluation) Tj ET",
             b"BT /F1 10 Tf 72 700 Td (Budget 100.00   Spent 95.00   Rate 95.00%) Tj ET",
             b"72 690 m 500 690 l S 72 670 m 500 670 l S 72 690 m 72 670 l S 500 690 m 500 670 l S",
             b"BT /F1 10 Tf 80 676 Td (Output  Quantity  >=10  12) Tj ET"]
    content = b"\n".join(lines)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return build_pdf(objs)


def _tiny_txt() -> bytes:
    lines = (CORPUS / "seed-002" / "report.txt").read_bytes().splitlines(keepends=True)
    return b"".join(lines[:80])


def seeds(fmt: str, long: bool) -> list[bytes]:
    """Seed files of a format: tiny generated ones; with ``long`` also the corpus's own."""
    tiny = {"docx": _tiny_docx, "xlsx": _tiny_xlsx, "pdf": _tiny_pdf, "txt": _tiny_txt}
    out = [tiny[fmt]()] if fmt in tiny else []
    if long and fmt in tiny:
        for p in sorted(CORPUS.glob(f"*/report.{fmt}")):
            if not p.parent.name.startswith("bad-") and p.stat().st_size < 60_000:
                out.append(p.read_bytes())
    return out


# -------------------------------------------------------------------------------------- mutation
def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    b = bytearray(data or b" ")
    op = rng.randrange(7)
    pos = rng.randrange(len(b))
    if op == 0:  # bit flips
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(b))
            b[i] ^= 1 << rng.randrange(8)
    elif op == 1:  # overwrite with an interesting value
        v = rng.choice(INTERESTING)
        b[pos:pos + len(v)] = v
    elif op == 2:  # insert an interesting value
        b[pos:pos] = rng.choice(INTERESTING)
    elif op == 3:  # delete a range
        del b[pos:pos + rng.randint(1, max(1, len(b) // 8))]
    elif op == 4:  # duplicate a range (rows, table cells, objects)
        n = rng.randint(1, max(1, len(b) // 4))
        b[pos:pos] = b[pos:pos + n] * max(1, min(rng.randint(1, 20), MAX_GROWTH // max(n, 1)))
    elif op == 5:  # truncate
        del b[pos:]
    else:  # random bytes
        b[pos:pos + rng.randint(1, 16)] = rng.randbytes(rng.randint(1, 16))
    return bytes(b)


def mutate_zip(data: bytes, rng: random.Random) -> bytes:
    try:
        zin = zipfile.ZipFile(io.BytesIO(data))
        members = [(i.filename, zin.read(i)) for i in zin.infolist()]
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError,
            KeyError):
        return mutate_bytes(data, rng)
    xml = [i for i, (name, _) in enumerate(members) if name.endswith((".xml", ".rels"))]
    if not xml or rng.random() < 0.15:
        return mutate_bytes(data, rng)
    i = rng.choice(xml)
    if rng.random() < 0.1:
        del members[i]  # a missing part (styles.xml, a sheet …)
    else:
        name, body = members[i]
        members[i] = (name, mutate_bytes(body, rng))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, body in members:
            zout.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), body)
    return out.getvalue()


def make_case(fmt: str, seed_files: list[bytes], rng: random.Random) -> bytes:
    if fmt == "random":
        return rng.randbytes(rng.randint(1, 4096))
    data = rng.choice(seed_files)
    for _ in range(rng.randint(1, 4)):
        data = mutate_zip(data, rng) if fmt in ("docx", "xlsx") else mutate_bytes(data, rng)
    return data


# ------------------------------------------------------------------------------------------- run
@dataclass
class Figures:
    tried: int = 0
    listed: int = 0
    lost: int = 0
    command_crashes: int = 0
    exceptions: int = 0
    died: int = 0
    hangs: int = 0
    random_ok: int = 0
    peak_rss_mb: float = 0.0
    seconds: float = 0.0
    statuses: Counter[str] = field(default_factory=Counter)
    crash_messages: list[str] = field(default_factory=list)


def _classify(status: str, error: str) -> str:
    """How a listed file ended: ok/empty/error by reason, or the isolation outcome."""
    if error.startswith("处理时出错"):
        return "exception"
    if "工作进程异常退出" in error:
        return "died"
    if error.startswith("处理超时"):
        return "hang"
    return status


def run_cases(counts: dict[str, int], *, seed: int = 0, long: bool = False, jobs: int = 2, timeout: float = 30,
              chunk: int = 1000, rules: bool = True, work: Path | None = None) -> dict[str, Figures]:
    """Write ``counts[fmt]`` mutants per format and ingest them in chunks (all formats mixed,
    one worker pool per chunk); the figures per format."""
    from jixiao.batch import paths_to_dataset

    rngs = {fmt: random.Random(f"{seed}-{fmt}") for fmt in counts}
    seed_files = {fmt: seeds(fmt, long) for fmt in counts}
    plan = [(fmt, i) for fmt, n in counts.items() for i in range(n)]
    results = {fmt: Figures() for fmt in counts}
    base = Path(tempfile.mkdtemp(prefix="jixiao-fuzz-", dir=work))
    try:
        for start in range(0, len(plan), chunk):
            src, out = base / f"in{start}", base / f"out{start}"
            src.mkdir()
            part = plan[start:start + chunk]
            names: dict[str, str] = {}
            for fmt, i in part:
                rng = rngs[fmt]
                ext = rng.choice(["txt", "docx", "pdf", "xlsx", "doc"]) if fmt == "random" else fmt
                name = f"{fmt}-{i:05d}.{ext}"
                (src / name).write_bytes(make_case(fmt, seed_files[fmt], rng))
                names[f"{src.name}/{name}"] = fmt
                results[fmt].tried += 1
            t0 = time.perf_counter()
            try:
                s = paths_to_dataset([src], out, formats=("csv",), jobs=jobs, timeout=timeout, progress=False,
                                     rules=rules, use_cache=False)
            except Exception as e:  # a crash of the command itself: the thing that must never happen
                for fmt in {f for f, _ in part}:
                    results[fmt].command_crashes += 1
                    results[fmt].crash_messages.append(f"{type(e).__name__}: {e}"[:300])
            else:
                with open(out / "documents.csv", encoding="utf-8-sig", newline="") as fh:
                    for row in csv.DictReader(fh):
                        fmt = names.get(row["source"])
                        if fmt is None:
                            continue
                        r = results[fmt]
                        r.listed += 1
                        how = _classify(row["status"], row["error"])
                        r.statuses[how] += 1
                        r.exceptions += how == "exception"
                        r.died += how == "died"
                        r.hangs += how == "hang"
                        r.random_ok += fmt == "random" and row["status"] == "ok"
                        if how in ("exception", "died") and len(r.crash_messages) < 10:
                            r.crash_messages.append(f"{row['source']}: {row['error']}")
                for r in results.values():
                    r.peak_rss_mb = max(r.peak_rss_mb, s.peak_worker_rss_kb / 1024)
            spent = time.perf_counter() - t0
            for fmt in {f for f, _ in part}:
                results[fmt].seconds += spent * sum(1 for f, _ in part if f == fmt) / len(part)
            shutil.rmtree(src, ignore_errors=True)
            shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(base, ignore_errors=True)
    for r in results.values():
        r.lost = r.tried - r.listed
    return results


def figures_json(results: dict[str, Figures]) -> str:
    return json.dumps({k: {**asdict(v), "statuses": dict(v.statuses)} for k, v in results.items()},
                      ensure_ascii=False, indent=1)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=None, help="cases per format (default 200, --long 5000)")
    ap.add_argument("--long", action="store_true", help="5,000 per format, with the corpus seeds too")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    n = args.n or (5000 if args.long else 200)
    fmts = [f.strip() for f in args.formats.split(",") if f.strip()]
    t0 = time.perf_counter()
    results = run_cases(dict.fromkeys(fmts, n), seed=args.seed, long=args.long, jobs=args.jobs,
                        timeout=args.timeout)
    for fmt, r in results.items():
        print(f"{fmt:>6}: tried {r.tried}, listed {r.listed}, lost {r.lost}, command crashes {r.command_crashes}, "
              f"exceptions {r.exceptions}, died {r.died}, hangs {r.hangs}, random accepted {r.random_ok}, "
              f"peak RSS {r.peak_rss_mb:.0f} MB, {r.seconds:.0f} s", file=sys.stderr, flush=True)
    print(f"total {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    if args.json:
        print(figures_json(results))
    bad = sum(r.command_crashes + r.lost + r.hangs for r in results.values())
    return 1 if bad else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
