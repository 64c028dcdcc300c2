"""Field accuracy of jixiao against the hand-written goldens (docs/accuracy.md).

    .venv/bin/python benchmarks/accuracy.py               # tables per family, per format, total
    .venv/bin/python benchmarks/accuracy.py --cases       # and one line per corpus case
    .venv/bin/python benchmarks/accuracy.py --wrong       # and every wrong field
    .venv/bin/python benchmarks/accuracy.py --json        # the numbers as JSON

Runs ``jixiao.read(path)`` (rules on) on every corpus case that has an expected file: the case's
own ``expected.json``, the one its ``meta.toml`` names (``expected = "family-x"`` →
``corpus/family-x/expected.json``), or the one of the case it is the ``same_as`` of.  Counts the
fields right of the fields expected, missing and spurious indicator rows, spurious budget lines,
missing/spurious reports and error-level findings (the corpus cases carry no deliberate error, so
every error-level finding here is one the extraction caused).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT))  # after PYTHONPATH: `PYTHONPATH=<worktree>` chooses the jixiao measured
sys.path.insert(0, str(Path(__file__).resolve().parent))

from accuracy_compare import Score, flatten_report, score_reports  # noqa: E402

REPORT_SUFFIXES = (".txt", ".docx", ".pdf", ".xlsx")
BASELINE = "baseline-"  # families of the layouts jixiao was built on (the seeds' templates)


def _meta(case: Path) -> dict[str, Any]:
    f = case / "meta.toml"
    return tomllib.loads(f.read_text(encoding="utf-8")) if f.exists() else {}


def expected_file(case: Path, corpus: Path) -> Path | None:
    """The expected.json that applies to a case (own, named in meta.toml, or via same_as)."""
    seen: set[Path] = set()
    while case not in seen:
        seen.add(case)
        if (case / "expected.json").exists():
            return case / "expected.json"
        meta = _meta(case)
        if meta.get("expected"):
            f = corpus / str(meta["expected"]) / "expected.json"
            return f if f.exists() else None
        if not meta.get("same_as"):
            return None
        case = corpus / str(meta["same_as"])
    return None


def report_file(case: Path) -> Path | None:
    files = sorted(p for p in case.glob("report.*") if p.suffix in REPORT_SUFFIXES)
    return files[0] if files else None


def measured_cases(corpus: Path) -> list[tuple[Path, Path, Path]]:
    """(case dir, report file, expected file) of every case that has both."""
    out = []
    for case in sorted(p for p in corpus.iterdir() if p.is_dir()):
        rep, exp = report_file(case), expected_file(case, corpus)
        if rep is not None and exp is not None:
            out.append((case, rep, exp))
    return out


def score_case(report: Path, expected: dict[str, Any], root: Path = ROOT) -> Score:
    import jixiao

    try:
        source = report.relative_to(root).as_posix()
    except ValueError:
        source = report.as_posix()
    doc = jixiao.read(report, source=source)
    errors = [f for f in doc.findings if str(f.severity) == "error"]
    s = score_reports(expected, [flatten_report(r) for r in doc.reports], len(errors))
    s.wrong += [f"错误级发现 {f.rule_id}（报告{(f.report_seq or 0) + 1}）：{f.message}" for f in errors]
    if doc.status != "ok":
        s.wrong.insert(0, f"文档状态 {doc.status}：{doc.error or ''}")
    return s


def _row(label: str, s: Score) -> str:
    return (f"{label:<28} {s.cases:>3} {s.right:>5}/{s.fields:<5} {100 * s.accuracy:6.1f}%  "
            f"{s.values_right:>5}/{s.values:<5} {100 * s.value_accuracy:6.1f}%  {s.missing_indicators:>4} "
            f"{s.spurious_indicators:>4} {s.spurious_budget_lines:>4} {s.missing_reports:>3}/{s.spurious_reports:<3}"
            f" {s.errors:>4}")


HEADER = (f"{'':<28} {'n':>3} {'fields right':>11} {'':>7}  {'values right':>11} {'':>7}  {'miss':>4} "
          f"{'spur':>4} {'bud+':>4} {'rep-/+':>7} {'err':>4}")


def case_format(case: Path, report: Path) -> str:
    """The format a case is counted under: its file's suffix, or ``format`` in meta.toml
    (``layout``: a pdftotext -layout dump, tools/make_layout_corpus.py)."""
    return str(_meta(case).get("format") or report.suffix.lstrip("."))


def run(corpus: Path, *, cases: bool = False, wrong: bool = False, only: str = "") -> dict[str, Any]:
    by_family: dict[str, Score] = {}
    by_format: dict[str, Score] = {}
    unseen_format: dict[str, Score] = {}  # the layouts jixiao was not built on (family not baseline-*)
    total = Score()
    unseen = Score()
    per_case: dict[str, Score] = {}
    t0 = time.perf_counter()
    for case, rep, exp_file in measured_cases(corpus):
        if only and only not in case.name:
            continue
        exp = json.loads(exp_file.read_text(encoding="utf-8"))
        s = score_case(rep, exp)
        per_case[case.name] = s
        fmt = case_format(case, rep)
        for key, table in ((str(exp["family"]), by_family), (fmt, by_format)):
            table.setdefault(key, Score()).add(s)
        total.add(s)
        if not str(exp["family"]).startswith(BASELINE):
            unseen_format.setdefault(fmt, Score()).add(s)
            unseen.add(s)
    secs = time.perf_counter() - t0
    import jixiao

    print(f"field accuracy against the hand-written goldens (docs/accuracy.md); jixiao from "
          f"{Path(jixiao.__file__).parent}")
    print("miss/spur: missing/spurious indicator rows; bud+: spurious budget lines; rep-/+: missing/spurious "
          "reports; err: error-level findings")
    for title, table in (("per template family", by_family),
                         ("per format, unseen template families only (not baseline-*)", unseen_format),
                         ("per format, all cases", by_format)):
        print(f"\n{title}\n{HEADER}")
        for k in sorted(table):
            print(_row(k, table[k]))
    print(f"\n{HEADER}\n{_row('unseen families', unseen)}\n{_row('total', total)}")
    if cases:
        print(f"\nper case\n{HEADER}")
        for name, s in per_case.items():
            print(_row(name, s))
    if wrong:
        for name, s in per_case.items():
            if s.wrong:
                print(f"\n{name}:")
                for w in s.wrong:
                    print(f"  {w}")
    print(f"\n{len(per_case)} cases in {secs:.1f} s")

    def plain(s: Score) -> dict[str, Any]:
        return {k: v for k, v in vars(s).items() if k != "wrong"} | {"accuracy": round(s.accuracy, 4)}

    return {"families": {k: plain(v) for k, v in by_family.items()},
            "formats": {k: plain(v) for k, v in by_format.items()},
            "unseen_formats": {k: plain(v) for k, v in unseen_format.items()},
            "unseen": plain(unseen), "total": plain(total), "cases": {k: plain(v) for k, v in per_case.items()}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    ap.add_argument("--cases", action="store_true", help="one line per case")
    ap.add_argument("--wrong", action="store_true", help="list every wrong field")
    ap.add_argument("--json", type=Path, help="also write the numbers to this JSON file")
    ap.add_argument("--only", default="", help="only the cases whose name contains this (e.g. layout-)")
    a = ap.parse_args()
    out = run(a.corpus, cases=a.cases, wrong=a.wrong, only=a.only)
    if a.json:
        a.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
