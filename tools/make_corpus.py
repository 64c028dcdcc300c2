"""Generate the DOCX/PDF layout fixtures of ``corpus/`` from the seeds' content.

    .venv/bin/python tools/make_corpus.py            # DOCX only (python-docx)
    .venv/bin/python tools/make_corpus.py --pdf      # and PDFs (needs LibreOffice: soffice)
    .venv/bin/python tools/make_corpus.py --pdf --bad  # and the bad-input cases

Locally only (CI never runs this):
``apt-get install -y libreoffice-writer-nogui fonts-wqy-microhei`` — the PDFs use
WenQuanYi Micro Hei, a TrueType CJK font of which LibreOffice embeds small
subsets.  Output is byte-identical across runs (fixed zip timestamps, core
properties, PDF creation date and file ID), except the encrypted PDF (random key).

Every case is written to ``corpus/<case>/`` with a ``meta.toml``.  The generated
files are committed, so CI never needs LibreOffice.  The layouts reproduce real
templates; the cell texts are the seeds' own (seed 004: six 四川 部门预算项目支出
绩效自评表 forms read back from the flattened dump; seed 000: its 附件1 自评表 and
budget table, laid out as the national 项目支出绩效自评表).

Layout knowledge lives here (a fixture generator), never in ``jixiao/``.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
sys.path.insert(0, str(ROOT))

from jixiao.extract.text import bytes_to_raw as text_to_raw  # noqa: E402

FONT = "WenQuanYi Micro Hei"  # TrueType: LibreOffice embeds a small subset


# ---------------------------------------------------------------- docx helpers
def add_page_furniture(d, header: str = "") -> None:
    """A running header (optional) and a centred page number "第 N 页" footer."""
    sec = d.sections[0]
    if header:
        hp = sec.header.paragraphs[0]
        hp.text = header
        hp.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fp.add_run("第 ")
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "1"
    r.append(t)
    fld.append(r)
    fp._p.append(fld)
    fp.add_run(" 页")


def new_document(font_pt: float = 9, header: str = "") -> docx.document.Document:
    d = docx.Document()
    add_page_furniture(d, header)
    sec = d.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.left_margin = sec.right_margin = Cm(1.8)
    sec.top_margin = sec.bottom_margin = Cm(2.2)
    st = d.styles["Normal"]
    st.font.name = FONT
    st.font.size = Pt(font_pt)
    rpr = st.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.append(rfonts)
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(a), FONT)
    pf = st.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing = 1.0
    return d


def add_title(d, text: str, *, page_break: bool = False, space_before: float = 0, size: float = 14):
    p = d.add_paragraph()
    if page_break:
        p.add_run().add_break(WD_BREAK.PAGE)
    r = p.add_run(text)
    r.bold = True
    r.font.size = Pt(size)
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.paragraph_format.space_before = Pt(space_before)
    p.paragraph_format.space_after = Pt(6)
    return p


@dataclass
class Cell:
    text: str
    col: int
    span: int


def merged_rectangles(rows: list[list]) -> list[tuple[int, int, int, Cell]]:
    """(first row, col, last row, Cell) of every cell: a Cell starts a rectangle and the
    (col, span) tuples below it extend it downwards."""
    starts: dict[tuple[int, int], Cell] = {}
    cont: set[tuple[int, int, int]] = set()
    for r, row in enumerate(rows):
        for item in row:
            if isinstance(item, Cell):
                starts[(r, item.col)] = item
            else:
                cont.add((r, *item))
    out = []
    for (r, col), cell in sorted(starts.items()):
        r_end = r
        while (r_end + 1, col, cell.span) in cont:
            r_end += 1
        out.append((r, col, r_end, cell))
    return out


def add_grid_table(d, rows: list[list], widths_cm: list[float], *,
                   header_rows: int = 0, cant_split: bool = False):
    """Rows of Cells and ``(col, span)`` tuples (a tuple continues the merged cell
    above at that col/span: w:vMerge).  Builds real gridSpan/vMerge merges."""
    n_cols = len(widths_cm)
    t = d.add_table(rows=len(rows), cols=n_cols)
    t.style = "Table Grid"
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    t.autofit = False
    for i, wd in enumerate(widths_cm):
        t.columns[i].width = Cm(wd)
        for c in t.columns[i].cells:
            c.width = Cm(wd)
    for r, col, r_end, cell in merged_rectangles(rows):
        a = t.cell(r, col)
        b = t.cell(r_end, col + cell.span - 1)
        m = a.merge(b) if (a._tc is not b._tc) else a
        m.text = cell.text
    for r, tr in enumerate(t.rows):
        trpr = tr._tr.get_or_add_trPr()
        if r < header_rows:
            trpr.append(OxmlElement("w:tblHeader"))
        if cant_split:
            trpr.append(OxmlElement("w:cantSplit"))
    return t


def row_of(texts: list[str | None], spans: list[int], merge_cols: set[int] = frozenset()):
    """Cells of one row from texts and spans; an empty text at a column in
    ``merge_cols`` continues the merged cell above (returned as a (col, span) tuple)."""
    out: list = []
    col = 0
    for t, s in zip(texts, spans, strict=True):
        if (t is None or t == "") and col in merge_cols:
            out.append((col, s))
        else:
            out.append(Cell(t or "", col, s))
        col += s
    return out


# parts of python-docx's default template that no fixture needs (keeps files small)
_DROP_PARTS = {"docProps/thumbnail.jpeg", "word/stylesWithEffects.xml"}


def _drop_refs(xml: bytes) -> bytes:
    """Remove relationships / content-type overrides pointing at dropped parts."""
    from lxml import etree

    root = etree.fromstring(xml)
    for el in list(root):
        ref = el.get("Target") or el.get("PartName") or ""
        if any(ref.rsplit("/", 1)[-1] == p.rsplit("/", 1)[-1] for p in _DROP_PARTS) or "customXml" in ref:
            root.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _slim_styles(xml: bytes, parts: dict[str, bytes]) -> bytes:
    """Keep only the styles in use (and what they are based on); drop latent styles."""
    import re

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(xml)
    used = set()
    for name, data in parts.items():
        if name.startswith("word/") and name.endswith(".xml") and name != "word/styles.xml":
            used |= {m.decode() for m in re.findall(rb'w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"', data)}
    styles = {el.get(w + "styleId"): el for el in root.findall(w + "style")}
    keep = {sid for sid, el in styles.items() if el.get(w + "default") == "1"} | (used & set(styles))
    todo = list(keep)
    while todo:
        el = styles[todo.pop()]
        for tag in ("basedOn", "link", "next"):
            ref = el.find(w + tag)
            if ref is not None and ref.get(w + "val") in styles and ref.get(w + "val") not in keep:
                keep.add(ref.get(w + "val"))
                todo.append(ref.get(w + "val"))
    for sid, el in styles.items():
        if sid not in keep:
            root.remove(el)
    latent = root.find(w + "latentStyles")
    if latent is not None:
        root.remove(latent)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def save(d, path: Path) -> None:
    """Save deterministically (fixed core-properties dates, sorted zip, fixed timestamps)."""
    import datetime as dt

    cp = d.core_properties
    when = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    cp.created = cp.modified = cp.last_printed = when
    cp.author = cp.last_modified_by = "jixiao corpus"
    cp.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    zin = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    parts = {n: zin.read(n) for n in zin.namelist() if n not in _DROP_PARTS and not n.startswith("customXml/")}
    for n in ("_rels/.rels", "word/_rels/document.xml.rels", "[Content_Types].xml"):
        parts[n] = _drop_refs(parts[n])
    parts["word/styles.xml"] = _slim_styles(parts["word/styles.xml"], parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in sorted(parts, key=lambda n: (n != "[Content_Types].xml", n)):
            zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, parts[name])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(out.getvalue())


def write_meta(case: Path, origin: str, exercises: str, **extra: str) -> None:
    lines = [f'origin = "{origin}"', f'exercises = "{exercises}"']
    lines += [f'{k} = "{v}"' for k, v in extra.items()]
    (case / "meta.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- seed 004: 四川 forms
SC_WIDTHS = [1.0, 1.4, 1.5, 2.8, 1.0, 1.4, 1.4, 1.7, 1.0, 1.0, 2.6]


def seed004_forms() -> list[list[list[str]]]:
    raw = text_to_raw((CORPUS / "seed-004" / "report.txt").read_bytes(), "seed-004")
    return [[[_verbatim(c.prov.text) for c in row] for row in t.rows()] for t in raw.tables()]


def _verbatim(text: str) -> str:
    """A cell's verbatim text (the dump writes a line break in a cell as a blank line)."""
    return "\n".join(ln.strip() for ln in text.strip().split("\n") if ln.strip())


def sichuan_rows(form: list[list[str]]) -> list[list]:
    """The 四川 部门预算项目支出绩效自评表 on an 11-column grid."""
    out = []
    block = None
    for texts in form:
        n, first = len(texts), texts[0]
        if n == 2 and first.startswith("项目负责人"):
            out.append(row_of(texts, [6, 5]))
        elif n == 2:
            out.append(row_of(texts, [2, 9]))
        elif n == 4 and first == "合计":
            block = None
            out.append(row_of(texts, [8, 1, 1, 1]))
        elif n == 4 and "部门" in first.replace("\n", ""):
            out.append(row_of(texts, [2, 4, 2, 3]))
        elif n == 4:
            block = "basic"
            out.append(row_of(texts, [1, 2, 4, 4], {0, 1}))
        elif n == 3:
            out.append(row_of(texts, [1, 2, 8], {0, 1}))
        elif n == 9:
            out.append(row_of(texts, [1, 2, 1, 2, 1, 1, 1, 1, 1], {0}))
        elif n == 11:
            block = "ind"
            out.append(row_of(texts, [1] * 11, {0, 1, 2}))
        else:
            raise SystemExit(f"unexpected row of {n} cells: {texts[:3]}")
    assert block is None
    return out


def make_sichuan(forms: list[list[list[str]]], path: Path, label_direction: str = "") -> None:
    """The forms, one per page; ``label_direction`` (a w:textDirection value such as
    "btLr") turns the text of the block-label column (项目基本情况, 预算执行情况（10分）,
    绩效指标（90分）) as many printed forms do."""
    d = new_document(header=forms[0][1][1])  # running header: the department
    for i, form in enumerate(forms):
        add_title(d, "部门预算项目支出绩效自评表（2024年度）", page_break=i > 0)
        t = add_grid_table(d, sichuan_rows(form), SC_WIDTHS)
        if label_direction:
            for row in t.rows:
                tc = row._tr.findall(qn("w:tc"))[0]
                vm = tc.find(qn("w:tcPr") + "/" + qn("w:vMerge"))
                if vm is not None and vm.get(qn("w:val")) == "restart":
                    el = OxmlElement("w:textDirection")
                    el.set(qn("w:val"), label_direction)
                    tc.get_or_add_tcPr().append(el)
    save(d, path)


# ---------------------------------------------------------------- national template
NAT_WIDTHS = [1.2, 1.5, 1.6, 3.2, 1.6, 1.6, 1.0, 1.0, 1.2, 2.1]


@dataclass
class NatIndicator:
    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: str
    score: str
    reason: str = ""


@dataclass
class NatForm:
    year: str
    name: str
    department: str
    implementer: str
    budget: list[list[str]]  # [line, 年初预算数, 全年预算数, 全年执行数, 分值, 执行率, 得分]
    goal: str
    done: str
    indicators: list[NatIndicator]
    total_weight: str
    total_score: str


def national_rows(f: NatForm) -> tuple[list[list], int]:
    rows: list[list] = [
        row_of(["项目名称", f.name], [2, 8]),
        row_of(["主管部门", f.department, "实施单位", f.implementer], [2, 3, 2, 3]),
        row_of(["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
               [1, 2, 1, 1, 1, 1, 1, 2]),
    ]
    for line in f.budget:
        rows.append(row_of([""] + line, [1, 2, 1, 1, 1, 1, 1, 2], {0}))
    rows.append(row_of(["年度总体目标", "预期目标", "实际完成情况"], [1, 5, 4]))
    rows.append(row_of(["", f.goal, f.done], [1, 5, 4], {0}))
    header_at = len(rows)
    rows.append(row_of(["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分",
                        "偏差原因分析及改进措施"], [1, 1, 1, 1, 1, 1, 1, 1, 2]))
    prev1 = prev2 = None
    for ind in f.indicators:
        l1 = "" if ind.level1 == prev1 else ind.level1
        l2 = "" if (ind.level2 == prev2 and l1 == "") else ind.level2
        prev1, prev2 = ind.level1, ind.level2
        rows.append(row_of(["", l1, l2, ind.name, ind.target, ind.actual, ind.weight, ind.score, ind.reason],
                           [1, 1, 1, 1, 1, 1, 1, 1, 2], {0, 1, 2}))
    rows.append(row_of(["总分", f.total_weight, f.total_score, ""], [6, 1, 1, 2]))
    return rows, header_at


def make_national(f: NatForm, path: Path, *, space_before: float = 0, repeat_header: bool = False,
                  cant_split: bool = False, widths: list[float] | None = None) -> None:
    d = new_document()
    add_title(d, "项目支出绩效自评表", space_before=space_before)
    p = d.add_paragraph(f"（{f.year}年度）")
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows, header_at = national_rows(f)
    if repeat_header:
        # a repeated heading row must be the table's first row: the indicator table on its own
        add_grid_table(d, rows[:header_at], widths or NAT_WIDTHS, cant_split=True)
        d.add_paragraph("")
        add_grid_table(d, rows[header_at:], widths or NAT_WIDTHS, header_rows=1, cant_split=cant_split)
    else:
        add_grid_table(d, rows, widths or NAT_WIDTHS, cant_split=cant_split)
    save(d, path)


def seed000_national() -> NatForm:
    """Seed 000's budget table and 附件1 自评表 (2021), national layout."""
    I = NatIndicator  # noqa: E741
    return NatForm(
        year="2021",
        name="医疗保险基金补助项目",
        department="",
        implementer="",
        budget=[
            ["年度资金总额", "1600", "1600", "1521.57", "10", "95.1%", "9.51"],
            ["其中：当年财政拨款", "1600", "1600", "1521.57", "—", "95.1%", "—"],
            ["上年结转资金", "", "", "", "—", "", "—"],
            ["其他资金", "", "", "", "—", "", "—"],
        ],
        goal="县级配套资金根据省、市、县各级文件精神，按照配套标准和参保基数，按时完成目标。对我县各类参保人群医疗保险基金进行补助，做到应保尽保。",
        done="补助人数为187385人，做到应保尽保。城乡居民基本医疗保险财政补助标准为580元。",
        indicators=[
            I("产出指标", "数量指标", "补助人数（人）", "18", "18.74万人", "20", "20", "实际参保人数"),
            I("产出指标", "质量指标", "医疗保险应保尽保", "100", "100%", "10", "10"),
            I("产出指标", "时效指标", "补助时间（年）", "2021", "2021年", "10", "10"),
            I("产出指标", "成本指标", "人均补助标准（元/年）", "830", "580元", "10", "10",
              "根据《临医保发〔2021〕27号》要求，2021年城乡居民基本医疗保险人均财政补助标准为580元。"),
            I("效益指标", "社会效益", "减轻补助人口看病负担，促进全面建成小康社会", "持续", "100", "15", "15"),
            I("效益指标", "可持续影响指标", "推动我县医保事业发展", "长期", "100%", "15", "15"),
            I("满意度指标", "服务对象满意度指标", "社会满意度", "95", "95%", "10", "10"),
        ],
        total_weight="100",
        total_score="99.51",
    )


def seed004_national(form: list[list[str]]) -> NatForm:
    """One seed-004 form re-laid as the national template: 指标性质+指标值+度量单位
    written together as the 年度指标值 ("≤50000元"), as national forms do."""
    name = form[0][1]
    dep, imp = form[1][1], form[1][3]
    goal, done = form[3][2], form[3][3]
    budget = []
    ind: list[NatIndicator] = []
    total = ("100", "")
    l1 = l2 = ""
    for texts in form:
        if len(texts) == 9 and texts[1] not in ("年度预算数（万元）",) and texts[0] == "":
            line = "年度资金总额" if texts[1] == "总额" else texts[1]
            budget.append([line, texts[2], texts[3], texts[4], texts[6] if texts[6] != "/" else "—",
                           texts[5], texts[7] if texts[7] != "/" else "—"])
        elif len(texts) == 11 and texts[1] != "一级指标":
            l1 = texts[1] or l1
            l2 = texts[2] or l2
            nature, value, unit = texts[4], texts[5], texts[6]
            unit = "" if unit == "其他" else unit
            target = value if nature == "定性" else f"{nature}{value}{unit}"
            ind.append(NatIndicator(l1, l2, texts[3], target, texts[7], texts[8], texts[9], texts[10]))
        elif len(texts) == 4 and texts[0] == "合计":
            total = (texts[1], texts[2])
    return NatForm("2024", name, dep, imp, budget, goal, done, ind, total[0], total[1])


# ---------------------------------------------------------------- prose report (seed 002)
def seed_paragraphs(seed: str) -> list[str]:
    raw = text_to_raw((CORPUS / seed / "report.txt").read_bytes(), seed)
    return [b.prov.text.strip() for b in raw.blocks if b.kind == "paragraph"]


def make_prose(paragraphs: list[str], path: Path, n_title: int = 2, space_before: float = 0) -> None:
    """A narrative report: centred title lines, then justified body paragraphs with
    the usual two-character first-line indent (五号, 10.5 pt)."""
    d = new_document(font_pt=10.5)
    for i, text in enumerate(paragraphs):
        if i < n_title:
            add_title(d, text, size=16, space_before=space_before if i == 0 else 0)
            continue
        p = d.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Pt(21)
        p.paragraph_format.line_spacing = 1.25
    save(d, path)


# ---------------------------------------------------------------- PDF via LibreOffice
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(src: Path, dst: Path) -> None:
    exe = soffice()
    if exe is None:
        raise SystemExit("LibreOffice (soffice) not on PATH: cannot make PDFs")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", tmp, str(src)],
            check=True, capture_output=True, timeout=180,
        )
        out = Path(tmp) / (src.stem + ".pdf")
        dst.parent.mkdir(parents=True, exist_ok=True)
        dst.write_bytes(_fixed_pdf_metadata(out.read_bytes()))


def _fixed_pdf_metadata(data: bytes) -> bytes:
    """Same-length replacements of the creation date and file ID, so regenerating a
    PDF from the same DOCX gives the same bytes (xref offsets stay valid)."""
    import re

    data = re.sub(rb"/CreationDate\(D:[0-9]{14}", b"/CreationDate(D:20240101000000", data)
    data = re.sub(rb"/ID \[ <[0-9A-F]{32}>\s<[0-9A-F]{32}> \]",
                  lambda m: re.sub(rb"[0-9A-F]{32}", b"0" * 32, m.group(0)), data)
    return re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + b"0" * 32, data)


def _page_words(pdf_path: Path) -> list[list[str]]:
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        return [[w["text"] for w in p.extract_words(use_text_flow=False)] for p in pdf.pages]


PAGE_BODY_BOTTOM = 772.0  # pt: where the page's text area ends (A4, 2.2 cm margin, footer)


def _frange(a: float, b: float, step: float) -> list[float]:
    out, x = [], max(0.0, a)
    while x <= b:
        out.append(round(x, 1))
        x += step
    return out


def spacer_window(build, first: str, second: str) -> tuple[float, float]:
    """From a probe without spacer: the spacer range that pushes the line holding
    ``second`` past the page bottom while the line holding ``first`` stays."""
    import pdfplumber

    with tempfile.TemporaryDirectory() as tmp:
        d, p = Path(tmp) / "probe.docx", Path(tmp) / "probe.pdf"
        build(d, 0)
        docx_to_pdf(d, p)
        with pdfplumber.open(p) as pdf:
            words = pdf.pages[0].extract_words()
    y1 = max(w["bottom"] for w in words if w["text"].endswith(first) or first in w["text"])
    y2 = max(w["bottom"] for w in words if w["text"].startswith(second) or second in w["text"])
    return PAGE_BODY_BOTTOM - max(y1, y2), PAGE_BODY_BOTTOM - min(y1, y2)


def search_spacer(build, candidates, predicate) -> float:
    """The first spacer (pt above the title) whose PDF satisfies ``predicate(pdf_path)``."""
    with tempfile.TemporaryDirectory() as tmp:
        d, p = Path(tmp) / "probe.docx", Path(tmp) / "probe.pdf"
        for sb in candidates:
            build(d, sb)
            docx_to_pdf(d, p)
            if predicate(p):
                return sb
    raise SystemExit("no spacer gives the wanted page break")


def splits_cell(first: str, second: str):
    """Predicate: a cell reading first+second is cut by a page break after ``first``."""

    def pred(pdf_path: Path) -> bool:
        pages = _page_words(pdf_path)
        for k in range(len(pages) - 1):
            if any(w.endswith(first) for w in pages[k]) and any(w.startswith(second) for w in pages[k + 1]):
                return not any((first + second) in w for w in pages[k] + pages[k + 1])
        return False

    return pred


def continues_paragraph(pdf_path: Path) -> bool:
    """Predicate: jixiao's PDF loader rejoins a paragraph cut by a page break."""
    from jixiao.extract.pdf import bytes_to_raw

    raw = bytes_to_raw(pdf_path.read_bytes(), "probe.pdf")
    return any("续接" in w for w in raw.warnings)


def breaks_inside_group(level_col: int, name_col: int):
    """Predicate: page 2's table starts with the repeated heading, then a row whose
    level-1 and level-2 cells continue merged groups (empty) and whose name is set."""

    def pred(pdf_path: Path) -> bool:
        import pdfplumber

        with pdfplumber.open(pdf_path) as pdf:
            if len(pdf.pages) < 2:
                return False
            ts = pdf.pages[1].find_tables()
            if not ts:
                return False
            rows = [[(c or "").replace("\n", "") for c in r] for r in ts[0].extract()]
            return (len(rows) > 2 and rows[0][level_col] == "一级指标"
                    and not rows[1][level_col] and not rows[1][level_col + 1] and bool(rows[1][name_col]))

    return pred


# ---------------------------------------------------------------- cases
def build_all(pdf: bool) -> None:
    forms = seed004_forms()

    case = CORPUS / "docx-sichuan-004"
    make_sichuan(forms, case / "report.docx")
    write_meta(case, "generated by tools/make_corpus.py from seed-004 (all six forms, cell texts verbatim)",
               "四川 部门预算项目支出绩效自评表 as real DOCX, six forms in one file (one per page), same cell texts as "
               "seed-004/report.txt: gridSpan label/value rows, vMerge block labels (项目基本情况, 预算执行情况（10分）, "
               "绩效指标（90分）), 一级/二级 cells merged down, 度量\\n单位 line break, running header + page numbers",
               same_as="seed-004")

    case = CORPUS / "docx-vertical-labels"
    make_sichuan(forms[:1], case / "report.docx", label_direction="btLr")
    write_meta(case, "generated by tools/make_corpus.py from seed-004 (first form, cell texts verbatim)",
               "block labels (项目基本情况, 预算执行情况（10分）, 绩效指标（90分）) in merged cells with text "
               "direction btLr (read bottom to top, as printed forms often do)")

    case = CORPUS / "docx-prose-002"
    make_prose(seed_paragraphs("seed-002"), case / "report.docx")
    write_meta(case, "generated by tools/make_corpus.py from seed-002 (its paragraphs verbatim)",
               "narrative 自评报告 as DOCX paragraphs (no tables): the prose path from a real document",
               same_as="seed-002")

    nat = seed000_national()
    case = CORPUS / "docx-national-000"
    make_national(nat, case / "report.docx")
    write_meta(case, "generated by tools/make_corpus.py from seed-000 (budget table and 附件1 自评表)",
               "national 项目支出绩效自评表: merged 项目资金（万元） block, 绩效指标 block with 一级/二级 merged down "
               "by vMerge, 总分 row spanning six columns")

    long_form = seed004_national(forms[4])  # the form with the most indicators (10)
    case = CORPUS / "docx-long-repeat"
    make_national(long_form, case / "report.docx", repeat_header=True, cant_split=True)
    write_meta(case, "generated by tools/make_corpus.py from seed-004 form 5, national layout",
               "indicator table with a repeated heading row (w:tblHeader), rows that may not split; "
               "its PDF breaks the table across pages inside the 产出指标 group")

    cost_form = seed004_national(forms[1])  # 基金监管工作经费: cost target ≤50000元
    case = CORPUS / "docx-long-split"
    split_widths = [1.2, 1.5, 1.5, 3.2, 1.42, 1.9, 1.0, 1.0, 1.3, 2.2]
    make_national(cost_form, case / "report.docx", widths=split_widths)
    write_meta(case, "generated by tools/make_corpus.py from seed-004 form 2, national layout",
               "narrow 一级/年度指标值 columns: 成本指标 wraps as 成本指/标 and ≤50000元 as ≤5000/0元; "
               "its PDF splits that row across the page break")

    if not pdf:
        return
    for name in ("sichuan-004", "national-000", "vertical-labels"):
        src = CORPUS / f"docx-{name}" / "report.docx"
        dst = CORPUS / f"pdf-{name}" / "report.pdf"
        docx_to_pdf(src, dst)
        write_meta(dst.parent, f"docx-{name}/report.docx converted by LibreOffice headless (tools/make_corpus.py)",
                   "rotated glyphs (bottom to top) in the label cells read in their own direction"
                   if "vertical" in name else
                   "ruled PDF tables with spanning cells from the same content as the DOCX case",
                   same_as=f"docx-{name}")

    # narrative: a spacer so that a paragraph runs over the page break
    prose = seed_paragraphs("seed-002")

    def build_prose(path, sb):
        make_prose(prose, path, space_before=sb)

    sb = search_spacer(build_prose, [4.0 * i for i in range(40)], continues_paragraph)
    _pdf_case("pdf-prose-002", build_prose, sb,
              "justified paragraphs wrapped over lines (CJK joined without spaces, real spaces kept) and one "
              "paragraph running over the page break, rejoined; page numbers dropped", "docx-prose-002")

    # long table, heading row repeated on the next page: a spacer that breaks inside a merged group
    def build_repeat(path, sb):
        make_national(long_form, path, space_before=sb, repeat_header=True, cant_split=True)

    lo, hi = spacer_window(build_repeat, long_form.indicators[3].name[:6], long_form.indicators[3].name[:6])
    sb = search_spacer(build_repeat, _frange(lo - 8, hi + 8, 3), breaks_inside_group(1, 3))
    _pdf_case("pdf-long-repeat", build_repeat, sb,
              "indicator table continued on the next page with its heading row repeated, the break inside the "
              "产出指标 group: ONE table, repeated heading dropped, the merged 产出指标 cell continued",
              "docx-long-repeat")

    def build_split(path, sb):
        make_national(cost_form, path, space_before=sb, widths=split_widths)

    lo, hi = spacer_window(build_split, "≤5000", "0元")
    sb = search_spacer(build_split, _frange(lo - 4, hi + 4, 1.5), splits_cell("≤5000", "0元"))
    _pdf_case("pdf-long-split", build_split, sb,
              "a cost row split by the page break: ≤5000 | 0元 and 成本指 | 标 must be stitched to ≤50000元 "
              "and 成本指标; the table continued without a repeated heading is ONE table",
              "docx-long-split")


def _pdf_case(name: str, build, sb: float, exercises: str, same_as: str) -> None:
    case = CORPUS / name
    src = case / "source.docx"
    build(src, sb)
    docx_to_pdf(src, case / "report.pdf")
    src.unlink()
    write_meta(case, f"{same_as}/report.docx content with a {sb}pt spacer above the title, converted by "
               "LibreOffice headless (tools/make_corpus.py)", exercises, same_as=same_as)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pdf", action="store_true", help="also convert to PDF with LibreOffice")
    ap.add_argument("--bad", action="store_true", help="also write the bad-input cases")
    a = ap.parse_args()
    build_all(a.pdf)
    if a.bad:
        from make_bad_corpus import build_bad  # type: ignore[import-not-found]

        build_bad(CORPUS)


if __name__ == "__main__":
    main()
