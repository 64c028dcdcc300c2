"""Generate ``corpus/lo-pdf-national-000``: a web page's form rendered to PDF by LibreOffice.

    .venv/bin/python tools/make_html_pdf_corpus.py     # needs LibreOffice (soffice)

fmt-html-national-000's page is opened by LibreOffice Writer, saved as DOCX and that DOCX
converted to PDF — what a user gets who saves a published 绩效自评表 page through an office
suite.  The result differs from the project's own PDFs in ways real files do: the Latin text is
in Liberation Serif and the CJK text in WenQuanYi Micro Hei whose embedded font descriptor has
a *positive* /Descent (a reader taking it as written puts the CJK glyphs a third of an em above
the Latin glyphs of the same line: ``其中:当年`` read as ``其中当年:``, ``18.74万`` as
``万18.74``); the cells are centred vertically; the table is wider than the page, so the last
characters of some lines of the rightmost columns lie past the page's edge (kept as text
outside the table, not lost).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

from make_corpus import docx_to_pdf, soffice  # noqa: E402

SOURCE = ROOT / "corpus" / "fmt-html-national-000" / "report.html"
CASE = ROOT / "corpus" / "lo-pdf-national-000"


def main() -> None:
    exe = soffice()
    if exe is None:
        raise SystemExit("LibreOffice (soffice) not on PATH")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        shutil.copyfile(SOURCE, page)
        subprocess.run([exe, f"-env:UserInstallation=file://{Path(tmp) / 'profile'}", "--headless", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", tmp, str(page)], check=True, capture_output=True,
                       timeout=180)
        docx_to_pdf(Path(tmp) / "report.docx", CASE / "report.pdf")
    (CASE / "meta.toml").write_text(
        'origin = "corpus/fmt-html-national-000/report.html opened by LibreOffice, saved as DOCX, converted to PDF '
        '(tools/make_html_pdf_corpus.py)"\n'
        'exercises = "Latin and CJK fonts on one line, the CJK font with a positive /Descent; cells centred '
        'vertically; a table wider than the page"\n', encoding="utf-8")
    print(CASE.relative_to(ROOT))


if __name__ == "__main__":
    main()
