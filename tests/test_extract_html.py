"""The web-page loader (jixiao/extract/html.py, html_source.py, html_table.py, web_chrome.py)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from jixiao.errors import UnreadableFile
from jixiao.extract import load
from jixiao.extract.html import bytes_to_raw, html_to_raw
from jixiao.extract.html_source import decode_page
from jixiao.extract.raw import RawTable
from jixiao.extract.sniff import sniff_format
from jixiao.extract.web_chrome import CHROME, load_chrome
from jixiao.pipeline import path_to_document

ROOT = Path(__file__).resolve().parent.parent
FORM = """<table border=1>
<tr><th>项目名称</th><td colspan="3">某项目</td></tr>
<tr><td rowspan="2">产出<br>指标</td><td>数量指标</td><td>培训人次</td><td>≥50人次</td></tr>
<tr><td>质量指标</td><td>合格率</td><td>100%</td></tr>
</table>"""


def _cells(t: RawTable) -> list[tuple[int, int, int, int, str]]:
    return [(c.row, c.col, c.row_span, c.col_span, c.text) for c in t.cells]


def test_spans_and_line_breaks() -> None:
    raw = html_to_raw(f"<html><body>{FORM}</body></html>", "a.html")
    (t,) = raw.tables()
    assert (t.n_rows, t.n_cols, t.dialect) == (3, 4, "grid")
    assert _cells(t) == [(0, 0, 1, 1, "项目名称"), (0, 1, 1, 3, "某项目"), (1, 0, 2, 1, "产出\n指标"),
                         (1, 1, 1, 1, "数量指标"), (1, 2, 1, 1, "培训人次"), (1, 3, 1, 1, "≥50人次"),
                         (2, 1, 1, 1, "质量指标"), (2, 2, 1, 1, "合格率"), (2, 3, 1, 1, "100%")]
    c = t.cells[3]
    assert (c.prov.table, c.prov.row, c.prov.col) == (0, 1, 1)
    assert c.prov.path == "html>body>table>tr:nth-of-type(2)>td:nth-child(2)"


def test_unclosed_tags_read_as_a_browser_would() -> None:
    raw = html_to_raw("<table><tr><td>项目名称<td>甲<tr><td>主管部门<td>乙</table><p>说明<p>第二段", "u.html")
    (t,) = raw.tables()
    assert _cells(t) == [(0, 0, 1, 1, "项目名称"), (0, 1, 1, 1, "甲"), (1, 0, 1, 1, "主管部门"), (1, 1, 1, 1, "乙")]
    assert [p.text for p in raw.paragraphs()] == ["说明", "第二段"]


def test_script_style_and_hidden_text_never_read() -> None:
    page = ('<html><head><style>p{}</style><script>var s="<table><tr><td>项目名称</td></tr></table>";</script>'
            '</head><body><p>正文</p><div style="display: none">隐藏</div><p hidden>也隐藏</p>'
            "<noscript>请启用脚本</noscript></body></html>")
    raw = html_to_raw(page, "s.html")
    assert [p.text for p in raw.paragraphs()] == ["正文"] and not raw.tables()


def test_page_chrome_kept_apart() -> None:
    page = ("<html><body><nav>首页 政务公开</nav><div class='crumbs'>当前位置：首页 &gt; 财政</div>"
            "<h1>项目支出绩效自评表</h1><p>发布时间：2024-01-02　点击量：88</p><p>【打印】【关闭】</p>"
            f"{FORM}<div id='footer'>版权所有 某某</div></body></html>")
    raw = html_to_raw(page, "c.html")
    assert [p.text for p in raw.paragraphs()] == ["项目支出绩效自评表"]
    assert [p.text for p in raw.chrome] == ["首页 政务公开", "当前位置:首页 > 财政", "发布时间:2024-01-02 点击量:88",
                                            "【打印】【关闭】", "版权所有 某某"]


def test_chrome_vocabulary_is_validated() -> None:
    assert CHROME == load_chrome()
    with pytest.raises(ValueError):
        type(CHROME).model_validate({"tags": ["Nav"], "dropped": ["script"], "tokens": ["nav"], "lines": ["x"]})
    with pytest.raises(ValueError):
        type(CHROME).model_validate({"tags": ["nav"], "dropped": ["script"], "tokens": ["nav"], "lines": ["("]})


def test_layout_table_is_a_container_and_nested_data_table_is_cell_text() -> None:
    page = f"<table><tr><td class='menu'>菜单</td><td><h2>标题</h2>{FORM}</td></tr></table>"
    raw = html_to_raw(page, "l.html")
    assert [p.text for p in raw.paragraphs()] == ["标题"] and len(raw.tables()) == 1
    inner = "<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table>"
    page = f"<table><tr><td>项目名称</td><td>某项目名称很长很长很长很长很长很长很长很长</td></tr><tr><td>明细</td><td>{inner}</td></tr></table>"
    (t,) = html_to_raw(page, "n.html").tables()
    assert t.cells[-1].text == "甲 乙\n丙 丁"


def test_whitespace_collapsed_but_not_between_chinese_characters() -> None:
    raw = html_to_raw("<p>项目\n   名称  ABC\n def&nbsp;x</p>", "w.html")
    assert [p.text for p in raw.paragraphs()] == ["项目名称 ABC def x"]


def test_charset_from_meta_and_from_bytes() -> None:
    body = "<html><head><meta charset='gb2312'></head><body><p>绩效自评表·碁</p></body></html>"
    assert decode_page(body.encode("gb18030"), "g.html").encoding == "gb18030"
    assert html_to_raw(decode_page(body.encode("gb18030"), "g.html").html, "g").paragraphs()[0].text == "绩效自评表·碁"
    no_meta = "<html><body><p>项目支出绩效自评表</p></body></html>".encode("gb18030")
    assert bytes_to_raw(no_meta, "n.html").paragraphs()[0].text == "项目支出绩效自评表"
    lying = "<html><head><meta charset='utf-8'></head><body><p>项目名称</p></body></html>".encode("gb18030")
    assert bytes_to_raw(lying, "l.html").paragraphs()[0].text == "项目名称"


def test_entity_bomb_refused() -> None:
    bomb = (b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>&c;</p></body></html>')
    with pytest.raises(UnreadableFile) as ei:
        bytes_to_raw(bomb, "bomb.html")
    assert "实体" in ei.value.reason


def test_external_resources_never_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    page = (f'<html><body><iframe src="file://{secret}"></iframe><img src="http://example.invalid/x.png">'
            f'<object data="file://{secret}"></object><p>正文</p></body></html>')
    raw = html_to_raw(page, "e.html")
    assert [p.text for p in raw.paragraphs()] == ["正文"]


def test_ten_megabytes_of_nested_tables_do_not_hang() -> None:
    deep = ("<html><body>" + "<table><tr><td>项" * (10 * 1024 * 1024 // 17)).encode()
    t0 = time.monotonic()
    raw = bytes_to_raw(deep, "deep.html")
    assert time.monotonic() - t0 < 20
    assert raw.blocks  # read as far as the parser's depth limit, no crash


def test_hostile_spans_refused() -> None:
    page = "<table>" + "<tr><td rowspan=0 colspan=99999>x" * 5000 + "</table>"
    with pytest.raises(UnreadableFile) as ei:
        html_to_raw(page, "span.html")
    assert "表格过大" in ei.value.reason


def test_mht_archive_is_read() -> None:
    html_part = "<html><body><p>项目支出绩效自评表</p>" + FORM + "</body></html>"
    import base64

    body = base64.encodebytes(html_part.encode("gb18030")).decode("ascii")
    mht = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B\r\n"
           "Content-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
           f"{body}\r\n--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0K\r\n--B--\r\n")
    raw = bytes_to_raw(mht.encode("ascii"), "r.mht", "mht")
    assert raw.format == "mht" and raw.paragraphs()[0].text == "项目支出绩效自评表" and len(raw.tables()) == 1
    with pytest.raises(UnreadableFile):
        bytes_to_raw(b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"B\"\r\n\r\n--B--\r\n",
                     "x.mht", "mht")


def test_html_named_doc_or_xls_is_read(tmp_path: Path) -> None:
    page = f"<html xmlns:o='urn:schemas-microsoft-com:office:office'><body><p>自评表</p>{FORM}</body></html>"
    for name in ("report.doc", "report.xls"):
        f = tmp_path / name
        f.write_text(page, encoding="utf-8")
        assert sniff_format(f.read_bytes(), name) == "html"
        assert len(load(f).tables()) == 1


def test_fragment_without_html_tag_sniffed() -> None:
    assert sniff_format(b"<meta charset=utf-8><table><tr><td>x</td></tr></table>") == "html"
    assert sniff_format(b"<p>not a page</p> just text") == "txt"


def test_chrome_page_reads_like_the_docx() -> None:
    """Page chrome never becomes a report field (the full equality is tests/test_fmt_corpus.py)."""
    rel = "corpus/fmt-html-chrome-000/report.html"
    doc = path_to_document(ROOT / rel, rel, rules=False)
    (rep,) = doc.reports
    dumped = rep.model_dump_json()
    for word in ("点击量", "发布时间", "版权所有", "网站首页", "隐藏文字", "通知公告"):
        assert word not in dumped
    assert rep.indicators and rep.project_name is not None


def test_provenance_path_serialized_only_when_known() -> None:
    from jixiao.model import Provenance

    assert "path" not in Provenance(source="a").model_dump(mode="json")
    assert Provenance(source="a", path="html>body>p").model_dump(mode="json")["path"] == "html>body>p"
    assert Provenance.model_validate({"source": "a", "path": "x"}).path == "x"
