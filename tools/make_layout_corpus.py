"""Generate the ``pdftotext -layout`` corpus cases from the corpus PDFs.

    .venv/bin/python tools/make_layout_corpus.py            # needs poppler-utils (pdftotext)
    .venv/bin/python tools/make_layout_corpus.py --check    # regenerate in memory, compare with the corpus

Each corpus PDF named in :data:`SOURCES` is dumped with ``pdftotext -layout`` and
written as ``corpus/<case>/report.txt`` with a ``meta.toml`` naming the report it
must read the same as (``same_rows_as``, the DOCX of the same report where there is
one) and, for the family cases, the hand-written ``expected.json`` the accuracy
benchmark scores it against (``expected``, ``format = "layout"``).

A case whose every report equals the original's (provenance aside) is a
``fmt-layout-*`` case, checked field by field by tests/test_fmt_corpus.py; the others
are ``layout-*`` cases, scored by benchmarks/accuracy.py and held to their measured
floor by tests/test_text_layout.py.  The committed .txt files are what the tests
read: running the tests needs no poppler.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

FAMILIES = ("continued", "county", "execrow", "lettered", "national", "synonyms", "transfer", "tworow")
# source PDF case -> the case it must read the same as
SOURCES: dict[str, str] = {
    "pdf-sichuan-004": "docx-sichuan-004",
    "pdf-national-000": "docx-national-000",
    "pdf-vertical-labels": "docx-vertical-labels",
    "pdf-long-split": "docx-long-split",
    "pdf-long-repeat": "docx-long-repeat",
    **{f"family-{f}-pdf": f"family-{f}-docx" for f in FAMILIES},
    # browser-printed forms (tools/make_html_pdf_corpus.py): rows set apart by the cells' padding
    # (chrome-pdf-sichuan-004 is not dumped: its cells are centred vertically, a limit, docs/formats.md)
    **{f"chrome-pdf-family-{f}": f"family-{f}-docx" for f in ("national", "lettered", "continued")},
}
# the hand-written expected.json the accuracy benchmark scores a case against
EXPECTED: dict[str, str] = {
    "pdf-sichuan-004": "seed-004",
    "pdf-national-000": "docx-national-000",
    **{f"family-{f}-pdf": f"family-{f}" for f in FAMILIES},
    **{f"chrome-pdf-family-{f}": f"family-{f}" for f in ("national", "lettered", "continued")},
}


def dump(pdf: Path) -> str:
    exe = shutil.which("pdftotext")
    if exe is None:
        sys.exit("需要 pdftotext（poppler-utils）：apt-get install -y poppler-utils")
    out = subprocess.run([exe, "-layout", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True)
    return out.stdout.decode("utf-8")


def case_name(source: str, exact: bool) -> str:
    stem = source.removesuffix("-pdf").removeprefix("pdf-")
    return f"{'fmt-' if exact else ''}layout-{stem}"


def meta(source: str, original: str) -> str:
    lines = [f'origin = "pdftotext -layout corpus/{source}/report.pdf (tools/make_layout_corpus.py)"',
             'exercises = "pdftotext -layout dump: columns by character position, cells wrapped over several lines"',
             f'same_rows_as = "{original}"', 'format = "layout"']
    if source in EXPECTED:
        lines.append(f'expected = "{EXPECTED[source]}"')
    return "\n".join(lines) + "\n"


def exact_cases() -> set[str]:
    """Names of the sources whose layout case is committed as ``fmt-layout-*``."""
    return {s for s in SOURCES if (CORPUS / case_name(s, True)).is_dir()}


def write(source: str, exact: bool, text: str) -> Path:
    for old in (case_name(source, not exact),):
        if (CORPUS / old).is_dir():
            shutil.rmtree(CORPUS / old)
    d = CORPUS / case_name(source, exact)
    d.mkdir(exist_ok=True)
    (d / "report.txt").write_text(text, encoding="utf-8")
    (d / "meta.toml").write_text(meta(source, SOURCES[source]), encoding="utf-8")
    return d


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare fresh dumps with the committed ones")
    ap.add_argument("--exact", nargs="*", default=None,
                    help="sources to commit as fmt-layout-* (default: those committed so already)")
    a = ap.parse_args()
    exact = set(a.exact) if a.exact is not None else exact_cases()
    bad = 0
    for source in SOURCES:
        text = dump(CORPUS / source / "report.pdf")
        if a.check:
            f = CORPUS / case_name(source, source in exact) / "report.txt"
            if not f.exists() or f.read_text(encoding="utf-8") != text:
                print(f"不一致：{f.relative_to(ROOT)}")
                bad += 1
            continue
        print(write(source, source in exact, text).relative_to(ROOT))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
