"""Generate the corpus PDFs of web pages: ``lo-pdf-national-000`` and ``chrome-pdf-sichuan-004``.

    .venv/bin/python tools/make_html_pdf_corpus.py     # needs LibreOffice (soffice) and Chromium

**Chromium** (``chrome-pdf-sichuan-004``): fmt-html-sichuan-004's page (six forms) printed to PDF
by headless Chromium, as a user prints a published page.  A browser draws each cell's borders
only where the cell is: merged cells (绩效指标, 产出指标 beside their rows) and rows cut by a
page break have their side rules run on to the margin with no rule under them
(extract/pdf_cut_cells.py closes them).

**LibreOffice** (``lo-pdf-national-000``):

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
CHROME_SOURCE = ROOT / "corpus" / "fmt-html-sichuan-004" / "report.htm"
CHROME_CASE = ROOT / "corpus" / "chrome-pdf-sichuan-004"


def chromium() -> None:
    CHROME_CASE.mkdir(exist_ok=True)
    print_page(CHROME_SOURCE, CHROME_CASE / "report.pdf")
    (CHROME_CASE / "meta.toml").write_text(
        'origin = "corpus/fmt-html-sichuan-004/report.htm printed to PDF by headless Chromium '
        '(tools/make_html_pdf_corpus.py)"\n'
        'exercises = "browser-printed tables: merged cells and rows cut by page breaks left open (no rule under '
        'them)"\n'
        'expected = "seed-004"\n', encoding="utf-8")
    print(CHROME_CASE.relative_to(ROOT))


#: family DOCX cases printed by Chromium (through LibreOffice's HTML of them): chrome-pdf-family-<f>
CHROME_FAMILIES = ("national", "lettered", "continued")


def _chrome_exe() -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if exe is None:
        raise SystemExit("Chromium not on PATH")
    return exe


def print_page(page: Path, pdf: Path) -> None:
    """``page`` printed to ``pdf`` by headless Chromium (no header or footer)."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([_chrome_exe(), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}", f"--print-to-pdf={pdf}", page.as_uri()],
                       check=True, capture_output=True, timeout=180)


def chromium_families() -> None:
    """Each family's DOCX saved as a web page by LibreOffice, the page printed by Chromium."""
    exe = soffice()
    if exe is None:
        raise SystemExit("LibreOffice (soffice) not on PATH")
    for fam in CHROME_FAMILIES:
        case = ROOT / "corpus" / f"chrome-pdf-family-{fam}"
        case.mkdir(exist_ok=True)
        with tempfile.TemporaryDirectory() as tmp:
            docx = Path(tmp) / "report.docx"
            shutil.copyfile(ROOT / "corpus" / f"family-{fam}-docx" / "report.docx", docx)
            subprocess.run([exe, f"-env:UserInstallation=file://{Path(tmp) / 'profile'}", "--headless", "--convert-to",
                            "html:HTML (StarWriter)", "--outdir", tmp, str(docx)], check=True, capture_output=True,
                           timeout=180)
            print_page(Path(tmp) / "report.html", case / "report.pdf")
        (case / "meta.toml").write_text(
            f'origin = "corpus/family-{fam}-docx/report.docx saved as a web page by LibreOffice, printed to PDF by '
            'headless Chromium (tools/make_html_pdf_corpus.py)"\n'
            'exercises = "a browser-printed form: cells ruled only where they are, rows set apart by cell padding"\n'
            f'expected = "family-{fam}"\n', encoding="utf-8")
        print(case.relative_to(ROOT))


def main() -> None:
    chromium()
    chromium_families()
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
        'vertically; a table wider than the page"\n'
        'expected = "docx-national-000"\n', encoding="utf-8")
    print(CASE.relative_to(ROOT))


if __name__ == "__main__":
    main()
