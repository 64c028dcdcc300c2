"""Traditional characters (jixiao/extract/hanzi.py): detected, read as simplified, kept as written."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract import load, load_as_written
from jixiao.extract.hanzi import is_traditional, simplify_document, to_simplified, traditional_share
from jixiao.extract.html import html_to_raw

ROOT = Path(__file__).resolve().parent.parent


def test_conversion() -> None:
    assert to_simplified("項目支出績效自評表：產出指標、滿意度") == "项目支出绩效自评表：产出指标、满意度"
    assert to_simplified("ABC 123") == "ABC 123"


def test_share_of_traditional_characters() -> None:
    share, n = traditional_share("項目支出績效自評表，預算執行率，資金到位")
    assert share > 0.3 and n >= 6
    assert traditional_share("项目支出绩效自评表，预算执行率，资金到位") == (0.0, 0)
    assert traditional_share("no han at all") == (0.0, 0)


def test_document_converted_and_verbatim_kept() -> None:
    raw = html_to_raw("<h1>項目支出績效自評表</h1><table><tr><td>項目名稱</td><td>醫療服務與保障能力提升</td></tr></table>",
                      "t.html")
    assert is_traditional(raw)
    out = simplify_document(raw)
    assert out.paragraphs()[0].text == "项目支出绩效自评表"
    assert [c.text for c in out.tables()[0].cells] == ["项目名称", "医疗服务与保障能力提升"]
    assert [c.prov.text for c in out.tables()[0].cells] == ["項目名稱", "醫療服務與保障能力提升"]
    assert any("繁体" in w for w in out.warnings)


def test_simplified_document_untouched() -> None:
    raw = load_as_written(ROOT / "corpus/docx-national-000/report.docx")
    assert not is_traditional(raw) and simplify_document(raw) is raw


def test_traditional_page_loads_simplified() -> None:
    raw = load(ROOT / "corpus/fmt-html-trad-000/report.html")
    cells = [c for t in raw.tables() for c in t.cells]
    assert any(c.text == "项目名称" and c.prov.text == "項目名稱" for c in cells)


def test_no_simplified_corpus_report_is_taken_for_traditional() -> None:
    files = sorted((ROOT / "corpus").glob("seed-*/report.txt")) + sorted((ROOT / "corpus").glob("docx-*/report.docx"))
    assert len(files) >= 10
    for f in files:
        raw = load_as_written(f)
        share, _ = traditional_share("\n".join(p.text for p in raw.paragraphs()))
        assert share < 0.01 and not is_traditional(raw), f
