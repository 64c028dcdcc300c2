"""The QA report (jixiao report): one static HTML page; flagged cells carry data-rule /
data-subject and sit in the right row and column; document text is escaped; it renders in
headless Chromium (screenshot + DOM after the inline script ran, filters from the address)."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPUS, ROOT
from rule_cases_loader import load

from jixiao.cli import app
from jixiao.export import write_dataset
from jixiao.export.rows import TableRows
from jixiao.model import Document
from jixiao.pipeline import path_to_document
from jixiao.qa import build_report, dataset_from_documents, load_dataset
from jixiao.rules import run_rules

HOSTILE = "<img id=pwn src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script>&amp;"


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent, self.children, self.text = tag, attrs, parent, [], ""

    def iter(self, tag: str | None = None):  # type: ignore[no-untyped-def]
        for c in self.children:
            if tag is None or c.tag == tag:
                yield c
            yield from c.iter(tag)

    def all_text(self) -> str:
        return self.text + "".join(c.all_text() for c in self.children)

    def up(self, tag: str) -> Node:
        n = self.parent
        while n is not None and n.tag != tag:
            n = n.parent
        assert n is not None, tag
        return n


class Tree(HTMLParser):
    VOID = {"meta", "br", "img", "input", "link", "hr"}

    def __init__(self) -> None:
        super().__init__()
        self.root = Node("root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        n = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(n)
        if tag not in self.VOID:
            self.cur = n

    def handle_endtag(self, tag: str) -> None:
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data: str) -> None:
        self.cur.text += data


def parse(html: str) -> Node:
    t = Tree()
    t.feed(html)
    return t.root


def hostile_document() -> Document:
    C = load()
    rep = C.BASE.model_copy(update={"seq": 0, "project_name": C.BASE.project_name.model_copy(update={"text": HOSTILE})})
    doc = Document(doc_id="hostile", source="hostile<b>.txt", format="txt", sha256="0", reports=[rep])
    return doc.model_copy(update={"findings": run_rules(doc)})


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = "corpus/seed-004/report.txt"
    docs = [path_to_document(ROOT / src, src), hostile_document()]
    out = tmp_path_factory.mktemp("qa") / "qa.html"
    out.write_text(build_report(dataset_from_documents(docs)), encoding="utf-8")
    return out


def _cell_position(td: Node) -> tuple[str, str]:
    """(first cell of its row, header of its column) in its table."""
    tr, table = td.up("tr"), td.up("table")
    cells = [c for c in tr.children if c.tag in ("td", "th")]
    header = [c for c in next(table.iter("tr")).children if c.tag == "th"]
    return cells[0].all_text().strip(), header[cells.index(td)].all_text().strip()


def _report_of(node: Node) -> str:
    return next(node.up("article").iter("h3")).all_text()


def check_flags(root: Node) -> None:
    flagged = {(td.attrs.get("data-rule"), td.attrs.get("data-subject"), _report_of(td)): td
               for td in root.iter("td") if td.attrs.get("data-rule")}
    # seed 004 form 1: "总额 0.00 67.00 40.90 61.04% 10" with 得分 blank → BUD008 on the 总额 row's 得分
    td = flagged[("BUD008", "budget_lines[0].score", "报告1：医疗服务与保障能力提升补助资金")]
    assert _cell_position(td) == ("总额", "得分") and "flag" in (td.attrs.get("class") or "")
    # "建成标准化医保经办服务区级点位 ＝ 1 处 3" → IND006 on that row's 完成值
    td = flagged[("IND006", "indicators[1].actual", "报告1：医疗服务与保障能力提升补助资金")]
    tr = td.up("tr")
    assert "建成标准化医保经办服务区级点位" in tr.all_text() and _cell_position(td)[1] == "完成值"
    assert td.all_text().strip().startswith("3")


def test_page_flags_the_right_cells_and_escapes_text(page: Path) -> None:
    html = page.read_text(encoding="utf-8")
    check_flags(parse(html))
    assert "<script>document.title" not in html and "<img id=pwn" not in html
    assert "&lt;img id=pwn" in html and "&amp;amp;" in html and "hostile&lt;b&gt;.txt" in html
    assert html.count("<script>") == 1  # the page's own filter script only
    assert "http://" not in html and "https://" not in html  # nothing loaded from the network


def test_cli_reads_a_dataset_directory_and_files(tmp_path: Path) -> None:
    rows = TableRows()
    rows.add(path_to_document(CORPUS / "seed-004" / "report.txt", "corpus/seed-004/report.txt"))
    write_dataset(rows.tables(), tmp_path, ("csv", "parquet"))
    ds = load_dataset(tmp_path)
    assert len(ds.tables["reports"]) == 6 and ds.tables["findings"]
    out = tmp_path / "qa.html"
    r = CliRunner().invoke(app, ["report", str(tmp_path), "--out", str(out)])
    assert r.exit_code == 0, r.output
    check_flags(parse(out.read_text(encoding="utf-8")))
    for p in tmp_path.glob("*.parquet"):
        p.unlink()  # the CSV files alone are enough
    r = CliRunner().invoke(app, ["report", str(tmp_path), "--out", str(out)])
    assert r.exit_code == 0, r.output
    check_flags(parse(out.read_text(encoding="utf-8")))
    r = CliRunner().invoke(app, ["report", str(CORPUS / "seed-000" / "report.txt"), "--out", str(out)])
    assert r.exit_code == 0 and "1个文件" in r.output, r.output
    assert 'data-rule="IND001"' in out.read_text(encoding="utf-8")


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _chromium(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
           "--disable-extensions", f"--user-data-dir={tmp / 'profile'}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (make system-deps installs it as root)")
def test_renders_in_headless_chromium(page: Path, tmp_path: Path) -> None:
    shot = tmp_path / "qa.png"
    res = _chromium(tmp_path, "--window-size=1400,2000", f"--screenshot={shot}", page.as_uri())
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", res.stderr[-2000:]
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
    res = _chromium(tmp_path, "--dump-dom", page.as_uri())
    dom = parse(res.stdout)
    check_flags(dom)
    title = next(dom.iter("title")).all_text()
    assert title == "绩效自评审核报告"  # the hostile script never ran
    assert not [n for n in dom.iter("img") if n.attrs.get("id") == "pwn"]
    # filters from the address, applied by the inline script: errors of BUD008 only
    res = _chromium(tmp_path, "--dump-dom", page.as_uri() + "#severity=error&rule=BUD008")
    dom = parse(res.stdout)
    shown = [li for li in dom.iter("li") if "finding" in (li.attrs.get("class") or "").split()
             and "hidden" not in (li.attrs.get("class") or "").split()]
    assert shown and {li.attrs.get("data-rule") for li in shown} == {"BUD008"}
    visible = [a for a in dom.iter("article") if "hidden" not in (a.attrs.get("class") or "")]
    assert {_h3(a) for a in visible} == {_h3(li.up("article")) for li in shown}


def _h3(a: Node) -> str:
    return next(a.iter("h3")).all_text()
