"""DOCX loader: real template layouts (corpus/docx-*) and XML edge cases."""

from __future__ import annotations

import copy
import io

import docx
import pytest
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from layout_cases import CORPUS, cell_at, check_tables_golden, layout_cases, load_case

from jixiao.extract.docx import bytes_to_raw
from jixiao.extract.text import bytes_to_raw as text_to_raw


@pytest.mark.parametrize("case", layout_cases("docx-"))
def test_docx_tables_golden(case: str) -> None:
    check_tables_golden(case)


def test_sichuan_form_grid_and_merges() -> None:
    """Seed 004 form 1 as the real 四川 template: spans recorded once, never copied."""
    raw = load_case("docx-sichuan-004")
    assert [p.text for p in raw.paragraphs()] == ["部门预算项目支出绩效自评表(2024年度)"] * 6
    assert raw.paragraphs()[0].prov.text == "部门预算项目支出绩效自评表（2024年度）"
    assert [b.kind for b in raw.blocks] == ["paragraph", "table"] * 6
    t = raw.tables()[0]
    assert (t.n_rows, t.n_cols, t.dialect) == (26, 11, "grid")
    label = cell_at(t, 11, 0)
    assert (label.text, label.row_span, label.col_span) == ("绩效指标(90分)", 10, 1)
    assert label.prov.text == "绩效指标（90分）"
    out = cell_at(t, 12, 1)
    assert (out.text, out.row_span) == ("产出指标", 4)
    qty = cell_at(t, 12, 2)
    assert (qty.text, qty.row_span) == ("数量指标", 2)
    budget = cell_at(t, 5, 0)
    assert (budget.text, budget.row_span) == ("预算执行情况(10分)", 6)
    name = cell_at(t, 0, 2)
    assert (name.col_span, name.text) == (9, "51081122T000006557674-医疗服务与保障能力提升补助资金")
    assert cell_at(t, 11, 6).text == "度量\n单位"  # a line break inside the header cell
    # the covered positions hold no cell of their own
    with pytest.raises(KeyError):
        cell_at(t, 13, 1)
    with pytest.raises(KeyError):
        cell_at(t, 12, 0)
    assert [c.text for c in t.rows()[20]][:5] == ["成本指标", "经济成本指标", "医疗保障与服务能力提升资金成本控制数", "=", "67"]
    assert cell_at(t, 20, 7).text == "40.9万元" and cell_at(t, 20, 9).text == "5"
    assert cell_at(t, 20, 10).text.startswith("受财政资金拨付进度影响,截止24年底拨付金额为40.9元。")
    total = cell_at(t, 21, 0)
    assert (total.text, total.col_span) == ("合计", 8)
    for c in t.cells:
        assert (c.prov.table, c.prov.row, c.prov.col) == (0, c.row, c.col)


def test_six_forms_read_as_the_seed_dump() -> None:
    """docx-sichuan-004 holds seed 004's six forms: every row's non-empty cells equal the
    text loader's reading of the flattened dump (the dump shows merges as empty cells)."""
    raw = load_case("docx-sichuan-004")
    seed = text_to_raw((CORPUS / "seed-004" / "report.txt").read_bytes(), "seed-004")
    assert len(raw.tables()) == len(seed.tables()) == 6
    for a, b in zip(raw.tables(), seed.tables()):
        assert a.n_rows == b.n_rows
        assert [[c.text for c in r if c.text] for r in a.rows()] == [[c.text for c in r if c.text] for r in b.rows()]
    # form 2's cost row: "≤" "50000" "元" as written in seed 004
    t = raw.tables()[1]
    row = [c.text for c in t.rows()[18]]
    assert row[:6] == ["成本指标", "经济成本指标", "监管工作经费\n(成本控制额)", "≤", "50000", "元"]


def test_national_template_blocks() -> None:
    raw = load_case("docx-national-000")
    (t,) = raw.tables()
    money = cell_at(t, 2, 0)
    assert (money.text, money.row_span) == ("项目资金(万元)", 5)
    assert [c.text for c in t.rows()[3]] == ["年度资金总额", "1600", "1600", "1521.57", "10", "95.1%", "9.51"]
    ind = next(c for c in t.cells if c.text == "绩效指标")
    assert ind.row_span == 8  # heading + 7 indicators of seed 000's 附件1
    out = next(c for c in t.cells if c.text == "产出指标")
    assert out.row_span == 4
    total = next(c for c in t.cells if c.text == "总分")
    assert total.col_span == 6
    assert [c.text for c in t.rows()[total.row]][1:3] == ["100", "99.51"]


# ---------------------------------------------------------------- XML edge cases
def _docx(build) -> bytes:
    d = docx.Document()
    build(d)
    b = io.BytesIO()
    d.save(b)
    return b.getvalue()


def _trpr(row, tag: str, val: int) -> None:
    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement(f"w:{tag}")
    el.set(qn("w:val"), str(val))
    trpr.append(el)


def test_grid_before_and_after_leave_positions_empty() -> None:
    def build(d):
        t = d.add_table(rows=2, cols=3)
        for i, txt in enumerate(["一级指标", "二级指标", "三级指标"]):
            t.cell(0, i).text = txt
        r = t.rows[1]
        tcs = r._tr.findall(qn("w:tc"))
        r._tr.remove(tcs[0])
        r._tr.remove(tcs[2])
        tcs[1].xpath(".//w:p")[0].append(parse_xml(f'<w:r {nsdecls("w")}><w:t>数量指标</w:t></w:r>'))
        _trpr(r, "gridBefore", 1)
        _trpr(r, "gridAfter", 1)

    (t,) = bytes_to_raw(_docx(build), "x.docx").tables()
    assert t.n_cols == 3
    assert [(c.col, c.text) for c in t.rows()[1]] == [(1, "数量指标")]


def test_vmerge_continue_without_restart_is_its_own_cell() -> None:
    def build(d):
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text = "产出指标"
        tcpr = t.cell(1, 0)._tc.get_or_add_tcPr()
        tcpr.append(OxmlElement("w:vMerge"))

    raw = bytes_to_raw(_docx(build), "x.docx")
    (t,) = raw.tables()
    assert cell_at(t, 0, 0).row_span == 1
    assert cell_at(t, 1, 0).text == ""
    assert any("纵向合并续格" in w for w in raw.warnings)


def test_nested_table_after_parent_with_provenance() -> None:
    def build(d):
        t = d.add_table(rows=2, cols=2)
        t.cell(0, 0).text = "外层"
        inner = t.cell(1, 1).add_table(rows=1, cols=2)
        inner.cell(0, 0).text = "≥2 次"
        d.add_paragraph("之后的段落")

    raw = bytes_to_raw(_docx(build), "x.docx")
    kinds = [b.kind for b in raw.blocks]
    assert kinds == ["table", "table", "paragraph"]
    outer, inner = raw.tables()
    assert (outer.table, inner.table) == (0, 1)
    assert (inner.prov.table, inner.prov.row, inner.prov.col) == (0, 1, 1)
    assert inner.prov.text == "嵌套于表格0第1行第1列"
    assert cell_at(inner, 0, 0).text == "≥2 次"
    assert cell_at(outer, 1, 1).text == ""  # the nested text is not copied into the parent


def test_content_controls_breaks_and_deletions() -> None:
    def build(d):
        p = d.add_paragraph("年度目标")
        sdt = parse_xml(
            f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>项目名称：示例</w:t></w:r></w:p>'
            f"</w:sdtContent></w:sdt>"
        )
        p._p.addnext(sdt)
        t = d.add_table(rows=1, cols=2)
        cell_p = t.cell(0, 0).paragraphs[0]._p
        cell_p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t>度量</w:t><w:br/><w:t>单位</w:t></w:r>'))
        cell_p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="a"><w:r><w:delText>删掉</w:delText></w:r></w:del>'))
        tc = t.cell(0, 1)._tc
        p2 = tc.find(qn("w:p"))
        wrapped = parse_xml(f'<w:sdt {nsdecls("w")}><w:sdtContent/></w:sdt>')
        inner = copy.deepcopy(p2)
        inner.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">≥ 90%</w:t></w:r>'))
        wrapped[0].append(inner)
        tc.replace(p2, wrapped)

    raw = bytes_to_raw(_docx(build), "x.docx")
    assert [p.text for p in raw.paragraphs()] == ["年度目标", "项目名称:示例"]
    (t,) = raw.tables()
    assert [c.text for c in t.cells] == ["度量\n单位", "≥ 90%"]


def test_legacy_hmerge_widens_the_cell() -> None:
    def build(d):
        t = d.add_table(rows=2, cols=3)
        for k, v in enumerate(["权重", "得分", "原因"]):
            t.cell(1, k).text = v
        t.cell(0, 0).text = "合计"
        for k, v in ((0, "restart"), (1, "continue")):
            el = OxmlElement("w:hMerge")
            el.set(qn("w:val"), v)
            t.cell(0, k)._tc.get_or_add_tcPr().append(el)
        t.cell(0, 2).text = "100"

    (t,) = bytes_to_raw(_docx(build), "x.docx").tables()
    assert [(c.col, c.col_span, c.text) for c in t.rows()[0]] == [(0, 2, "合计"), (2, 1, "100")]


def test_unused_grid_lines_are_dropped() -> None:
    """A w:tblGrid split that every row spans across is not a column (its PDF has none)."""

    def build(d):
        t = d.add_table(rows=2, cols=3)
        t.cell(0, 0).text = "项目名称"
        t.cell(0, 1).merge(t.cell(0, 2)).text = "示例项目"
        t.cell(1, 0).text = "主管部门"
        t.cell(1, 1).merge(t.cell(1, 2)).text = "示例部门"

    (t,) = bytes_to_raw(_docx(build), "x.docx").tables()
    assert t.n_cols == 2
    assert [(c.row, c.col, c.col_span) for c in t.cells] == [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1)]


def test_macro_enabled_and_template_files_are_read() -> None:
    """.docm / .dotx carry another main-part content type; the text is the same."""
    import zipfile

    data = (CORPUS / "docx-national-000" / "report.docx").read_bytes()
    plain = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    for variant in ("application/vnd.ms-word.document.macroEnabled.main+xml",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"):
        zin = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as z:
            for n in zin.namelist():
                body = zin.read(n)
                if n == "[Content_Types].xml":
                    body = body.replace(plain.encode(), variant.encode())
                z.writestr(n, body)
        raw = bytes_to_raw(out.getvalue(), "x.docm")
        assert [p.text for p in raw.paragraphs()] == ["项目支出绩效自评表", "(2021年度)"]
        assert raw.tables()[0].cells[1].text == "医疗保险基金补助项目"


def test_headers_and_footers_are_not_data() -> None:
    """docx-sichuan-004 has a running header (the department) and a "第 N 页" footer."""
    import zipfile

    data = (CORPUS / "docx-sichuan-004" / "report.docx").read_bytes()
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert "word/header1.xml" in names and "word/footer1.xml" in names
    raw = bytes_to_raw(data, "x.docx")
    assert all("页" not in p.text for p in raw.paragraphs())
    assert "广元市昭化区医疗保障局部门" not in [p.text for p in raw.paragraphs()]


def test_tracked_deletions_are_not_read() -> None:
    def build(d):
        t = d.add_table(rows=3, cols=2)
        for r, (a, b) in enumerate([("权重", "得分"), ("10", "8"), ("10", "10")]):
            t.cell(r, 0).text, t.cell(r, 1).text = a, b
        trpr = t.rows[1]._tr.get_or_add_trPr()
        trpr.append(parse_xml(f'<w:del {nsdecls("w")} w:id="3" w:author="a"/>'))
        p = t.cell(2, 1).paragraphs[0]._p
        p.append(parse_xml(f'<w:moveFrom {nsdecls("w")} w:id="4" w:author="a"><w:r><w:t>旧</w:t></w:r></w:moveFrom>'))

    (t,) = bytes_to_raw(_docx(build), "x.docx").tables()
    assert [[c.text for c in r] for r in t.rows()] == [["权重", "得分"], ["10", "10"]]
