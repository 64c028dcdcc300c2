"""Generate the ``corpus/fmt-*`` cases: corpus reports rendered into other formats.

    .venv/bin/python tools/make_format_corpus.py           # needs LibreOffice (soffice) for new .xls/.ods
    .venv/bin/python tools/make_format_corpus.py --force   # rewrite the .xls/.ods too

Each case re-renders the cells and paragraphs the DOCX loader reads from an
existing corpus DOCX (``docx-national-000``, ``docx-sichuan-004``) or XLSX
(``xlsx-sichuan-004``) into another shape, so the test
(tests/test_fmt_corpus.py) can require the same reports as the original,
provenance aside.  ``meta.toml`` names the original (``same_rows_as``) and, when
a case holds only some of the original's reports, which ones (``reports``).

Shapes: HTML (spans as rowspan/colspan, ``<br>`` line breaks); a hand-written
government web page around the form (menus, breadcrumb, 发布时间/点击量, share
links, footer, a script, a layout table); the same page in traditional
characters (OpenCC s2t); Markdown with pipe tables; Markdown with embedded HTML
tables; .xls and .ods converted by LibreOffice from the XLSX case; a three-sheet
workbook of three forms (XLSX written here with openpyxl, converted to .xls); one
worksheet of three stacked forms (converted to .ods).
Output is deterministic (LibreOffice's .xls/.ods carry no timestamps we read).
Layout knowledge lives here (a fixture generator), never in ``jixiao/``.
"""

from __future__ import annotations

import html
import io
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(ROOT))

from jixiao.extract import load  # noqa: E402
from jixiao.extract.raw import RawDocument, RawParagraph, RawTable  # noqa: E402


def write_meta(case: Path, origin: str, exercises: str, same_rows_as: str, reports: str = "") -> None:
    lines = [f'origin = "{origin}"', f'exercises = "{exercises}"', f'same_rows_as = "{same_rows_as}"']
    if reports:
        lines.append(f'reports = "{reports}"')
    (case / "meta.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _case(name: str) -> Path:
    d = CORPUS / name
    d.mkdir(exist_ok=True)
    return d


def _esc(text: str) -> str:
    return "<br>".join(html.escape(part, quote=False) for part in text.split("\n"))


# ---------------------------------------------------------------- HTML
def table_html(t: RawTable, indent: str = "") -> str:
    out = [f"{indent}<table border=\"1\" cellspacing=\"0\">"]
    for row in t.rows():
        out.append(f"{indent}  <tr>")
        for c in row:
            attrs = (f' rowspan="{c.row_span}"' if c.row_span > 1 else "") + (
                f' colspan="{c.col_span}"' if c.col_span > 1 else "")
            out.append(f"{indent}    <td{attrs}>{_esc(c.text)}</td>")
        out.append(f"{indent}  </tr>")
    out.append(f"{indent}</table>")
    return "\n".join(out)


def body_html(raw: RawDocument, indent: str = "") -> str:
    parts = []
    for b in raw.blocks:
        if isinstance(b, RawParagraph):
            parts.append(f"{indent}<p>{_esc(b.text)}</p>")
        else:
            parts.append(table_html(b, indent))
    return "\n".join(parts)


def plain_page(raw: RawDocument, title: str) -> str:
    return ("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
            f"<title>{html.escape(title)}</title>\n</head>\n<body>\n{body_html(raw)}\n</body>\n</html>\n")


def chrome_page(raw: RawDocument, title: str) -> str:
    """A government web page as published: the form sits in a layout table among chrome."""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{html.escape(title)}_政务公开</title>
<link rel="stylesheet" href="/css/style.css">
<script type="text/javascript" src="http://example.invalid/tongji.js"></script>
<script>var _hits = "<table><tr><td>项目名称</td></tr></table>";</script>
<style>td {{ font-size: 12px; }}</style>
</head>
<body>
<div class="top-nav"><a href="/">网站首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/bsfw/">办事服务</a></div>
<div class="banner"><img src="/images/logo.png" alt="logo"></div>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 财政信息 &gt; 绩效评价</div>
<table width="100%" class="layout">
  <tr>
    <td width="20%" class="left-menu"><ul><li><a href="#">通知公告</a></li><li><a href="#">财政预决算</a></li>
      <li><a href="#">绩效管理</a></li></ul></td>
    <td width="80%">
      <div class="article">
        <h2 class="article-title">{html.escape(title)}</h2>
        <div class="info">发布时间：2024-04-26 10:32　　来源：本站　　点击量：1024　　【字号：大 中 小】</div>
        <div class="content" id="zoom">
{body_html(raw, "          ")}
        </div>
        <div class="share">分享到：微信 微博</div>
        <p>【打印本页】 【关闭窗口】</p>
      </div>
    </td>
  </tr>
</table>
<div style="display:none">统计代码 项目名称 隐藏文字</div>
<div class="footer"><p>版权所有：某某市人民政府办公室　　网站标识码：0000000000</p>
<p>ICP备00000000号　　技术支持：某某网络公司</p></div>
</body>
</html>
"""


# ---------------------------------------------------------------- Markdown
def _pipe_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", "<br>")


def table_pipe(t: RawTable) -> str:
    """One pipe cell per Word table cell, as Word→Markdown converters write it: a
    horizontally merged cell is one cell (the row has fewer cells), a vertically merged
    one continues as an empty cell in the rows below."""
    rows: list[list[tuple[int, str]]] = [[] for _ in range(t.n_rows)]
    for c in t.cells:
        rows[c.row].append((c.col, _pipe_cell(c.text)))
        for r in range(c.row + 1, c.row + c.row_span):
            rows[r].append((c.col, ""))
    texts = [[x for _, x in sorted(r)] for r in rows]
    width = max(len(r) for r in texts)
    lines = ["| " + " | ".join(texts[0]) + " |", "|" + "|".join(["---"] * width) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in texts[1:]]
    return "\n".join(lines)


def markdown(raw: RawDocument, tables: str) -> str:
    parts = []
    first = True
    for b in raw.blocks:
        if isinstance(b, RawParagraph):
            parts.append(("# " if first else "") + b.text.replace("\n", "  \n"))
            first = False
        else:
            parts.append(table_pipe(b) if tables == "pipe" else table_html(b))
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------- text dumps
def _cell_rows(t: RawTable) -> list[list[str]]:
    """Each row's cells as a flattening converter writes them: one per Word cell (a
    horizontal merge is one cell), a vertical merge continuing as an empty cell."""
    rows: list[list[tuple[int, str]]] = [[] for _ in range(t.n_rows)]
    for c in t.cells:
        rows[c.row].append((c.col, c.text))
        for r in range(c.row + 1, c.row + c.row_span):
            rows[r].append((c.col, ""))
    return [[x for _, x in sorted(r)] for r in rows]


def tab_dump(raw: RawDocument) -> str:
    """The TAB-indented cell-per-line dump, a cell's further lines written without the indent."""
    out: list[str] = []
    for b in raw.blocks:
        if isinstance(b, RawParagraph):
            out += [b.text, ""]
            continue
        for row in _cell_rows(b):
            for text in row:
                first, *rest = text.split("\n")
                out.append("\t" + first)
                out += rest
            out.append("")
    return "\n".join(out) + "\n"


def row_pipe_dump(raw: RawDocument) -> str:
    """One line per row, cells joined by " | ", an empty cell as "||"; a cell's line
    break breaks the line (the row continues on the next line)."""
    out: list[str] = []
    for b in raw.blocks:
        if isinstance(b, RawParagraph):
            out += [b.text, ""]
            continue
        for row in _cell_rows(b):
            line = " | ".join(row)
            while "|  |" in line:
                line = line.replace("|  |", "||")
            out += line.split("\n")
        out.append("")
    return "\n".join(out) + "\n"


def cell_bar_dump(raw: RawDocument) -> str:
    """One cell per line ending in " |" (a lone "|" for an empty cell), rows not marked."""
    out: list[str] = []
    for b in raw.blocks:
        if isinstance(b, RawParagraph):
            out += [b.text, ""]
            continue
        for row in _cell_rows(b):
            for text in row:
                out.append(f"{text} |" if text else "|")
        out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- workbooks
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(src: Path, fmt: str, dst: Path) -> None:
    """LibreOffice's conversion of ``src``; an existing ``dst`` is kept (LibreOffice's
    .xls/.ods bytes differ run to run) unless ``--force`` is given."""
    if dst.exists() and "--force" not in sys.argv:
        return
    exe = soffice()
    if exe is None:
        raise SystemExit("LibreOffice (soffice) is needed to write .xls/.ods")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", fmt,
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=180)
        shutil.copyfile(Path(tmp) / f"{src.stem}.{fmt}", dst)


def _forms(raw: RawDocument) -> list[tuple[list[str], RawTable]]:
    """Each table with the title paragraphs right before it."""
    forms: list[tuple[list[str], RawTable]] = []
    titles: list[str] = []
    for b in raw.blocks:
        if isinstance(b, RawParagraph):
            titles.append(b.text)
        else:
            forms.append((titles, b))
            titles = []
    return forms


def _put_form(ws, top: int, heads: list[str], t: RawTable) -> int:  # type: ignore[no-untyped-def]
    """Write a form at 1-based row ``top``: titles as merged rows, then its cells; returns the next free row."""
    for r, text in enumerate(heads, start=top):
        ws.cell(row=r, column=1, value=text)
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=t.n_cols)
    top += len(heads)
    for c in t.cells:
        if c.text:
            ws.cell(row=top + c.row, column=c.col + 1, value=c.text)
        if c.row_span > 1 or c.col_span > 1:
            ws.merge_cells(start_row=top + c.row, start_column=c.col + 1,
                           end_row=top + c.row + c.row_span - 1, end_column=c.col + c.col_span)
    return top + t.n_rows


def stacked_xlsx(raw: RawDocument, n: int) -> bytes:
    """Forms 1..n of the DOCX one under another on ONE worksheet, a blank row between them."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总"
    row = 1
    for heads, t in _forms(raw)[:n]:
        row = _put_form(ws, row, heads, t) + 1
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def three_sheet_xlsx(raw: RawDocument) -> bytes:
    """Forms 1–3 of the DOCX, one per worksheet: the title paragraph(s) as merged rows above
    the form, the form's merged cells as merged ranges; every cell is text, as typed."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for k, (heads, t) in enumerate(_forms(raw)[:3]):
        _put_form(wb.create_sheet(f"表{k + 1}"), 1, heads, t)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---------------------------------------------------------------- main
def main() -> None:
    nat_src = "corpus/docx-national-000/report.docx"
    sc_src = "corpus/docx-sichuan-004/report.docx"
    nat = load(ROOT / nat_src, nat_src)
    sc = load(ROOT / sc_src, sc_src)
    nat_title = next(b.text for b in nat.blocks if isinstance(b, RawParagraph))

    d = _case("fmt-html-national-000")
    (d / "report.html").write_text(plain_page(nat, nat_title), encoding="utf-8")
    write_meta(d, f"generated by tools/make_format_corpus.py from {nat_src}",
               "HTML page: rowspan/colspan spans, <br> line breaks", "docx-national-000")

    d = _case("fmt-html-sichuan-004")
    (d / "report.htm").write_text(plain_page(sc, "部门预算项目支出绩效自评表"), encoding="utf-8")
    write_meta(d, f"generated by tools/make_format_corpus.py from {sc_src}",
               "HTML page of six forms (.htm)", "docx-sichuan-004")

    d = _case("fmt-html-chrome-000")
    (d / "report.html").write_bytes(chrome_page(nat, nat_title).encode("gb18030"))
    write_meta(d, f"hand-written page template (tools/make_format_corpus.py) around {nat_src}",
               "government web page: GB2312 meta charset, menus, breadcrumb, 发布时间/点击量, share/print links, "
               "footer, scripts, hidden text, a layout table around the form", "docx-national-000")

    from opencc import OpenCC

    d = _case("fmt-html-trad-000")
    (d / "report.html").write_text(OpenCC("s2t").convert(plain_page(nat, nat_title)), encoding="utf-8")
    write_meta(d, f"generated by tools/make_format_corpus.py from {nat_src} (OpenCC s2t)",
               "HTML page in traditional characters", "docx-national-000")

    d = _case("fmt-md-pipe-004")
    (d / "report.md").write_text(markdown(sc, "pipe"), encoding="utf-8")
    write_meta(d, f"generated by tools/make_format_corpus.py from {sc_src}",
               "Markdown: # heading, pipe tables with one cell per Word cell (vertical merges as empty cells), <br> in cells",
               "docx-sichuan-004")

    d = _case("fmt-md-html-000")
    (d / "report.md").write_text(markdown(nat, "html"), encoding="utf-8")
    write_meta(d, f"generated by tools/make_format_corpus.py from {nat_src}",
               "Markdown with embedded HTML tables (rowspan/colspan), as MinerU/docling write merged cells",
               "docx-national-000")

    d = _case("fmt-txt-tabwrap-004")
    (d / "report.txt").write_text(tab_dump(sc), encoding="utf-8")
    write_meta(d, f"generated by tools/make_format_corpus.py from {sc_src}",
               "TAB-indented cell-per-line dump where a cell's further lines have no indent", "docx-sichuan-004")

    d = _case("fmt-txt-rowpipe-004")
    (d / "report.txt").write_text(row_pipe_dump(sc), encoding="utf-8")
    write_meta(d, f"generated by tools/make_format_corpus.py from {sc_src}",
               "scraped text: one row per line, cells joined by ' | ', empty cells as '||', rows continued on the "
               "next line where a cell holds a line break", "docx-sichuan-004")

    d = _case("fmt-txt-cellbar-004")
    (d / "report.txt").write_text(cell_bar_dump(sc), encoding="utf-8")
    write_meta(d, f"generated by tools/make_format_corpus.py from {sc_src}",
               "scraped text: one cell per line ending in ' |', empty cells as a lone '|', rows not separated",
               "docx-sichuan-004")

    xlsx = CORPUS / "xlsx-sichuan-004" / "report.xlsx"
    for fmt in ("xls", "ods"):
        d = _case(f"fmt-{fmt}-sichuan-004")
        convert(xlsx, fmt, d / f"report.{fmt}")
        write_meta(d, f"LibreOffice --convert-to {fmt} of corpus/xlsx-sichuan-004/report.xlsx",
                   f".{fmt} read without LibreOffice: merged ranges, 0.00 / 0.00% number display",
                   "xlsx-sichuan-004")

    d = _case("fmt-xls-3sheets-004")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.xlsx"
        src.write_bytes(three_sheet_xlsx(sc))
        convert(src, "xls", d / "report.xls")
    write_meta(d, f"tools/make_format_corpus.py: forms 1-3 of {sc_src}, one per sheet, LibreOffice → .xls",
               "three-sheet workbook of three forms: one report per sheet, in sheet order", "docx-sichuan-004",
               reports="0,1,2")

    d = _case("fmt-ods-stacked-004")
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "report.xlsx"
        src.write_bytes(stacked_xlsx(sc, 3))
        convert(src, "ods", d / "report.ods")
    write_meta(d, f"tools/make_format_corpus.py: forms 1-3 of {sc_src} stacked on one sheet, LibreOffice → .ods",
               "one worksheet holding three forms one under another: one report per form, top to bottom",
               "docx-sichuan-004", reports="0,1,2")


if __name__ == "__main__":
    main()
