"""Rows of a cell-per-line stream (scraped ``text |`` lines) recovered from the form vocabulary
(jixiao.extract.regrid_stream)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.extract import load
from jixiao.extract.regrid_stream import stream_rows, text_to_grid
from jixiao.normalize.lexicon import LEXICON

ROOT = Path(__file__).resolve().parent.parent
CELLBAR = ROOT / "corpus" / "fmt-txt-cellbar-004" / "report.txt"
SEED_004 = ROOT / "corpus" / "seed-004" / "report.txt"


def test_stream_rows_from_the_form_vocabulary() -> None:
    texts = ["项目名称", "某项目", "主管部门", "某局", "实施单位", "某局",
             "项目基本情况", "项目年度目标", "年度目标完成情况", "", "目标甲", "完成甲",
             "绩效指标", "一级指标", "二级指标", "三级指标", "分值", "得分",
             "", "产出指标", "数量指标", "人数", "20", "20",
             "", "", "质量指标", "合格率", "10", "10",
             "合计", "100", "95", "", "评价结论", "良好", "项目负责人:甲", "财务负责人:乙"]
    rows = [texts[a:b] for a, b in stream_rows(texts, LEXICON)]
    assert rows == [["项目名称", "某项目"], ["主管部门", "某局", "实施单位", "某局"],
                    ["项目基本情况", "项目年度目标", "年度目标完成情况"], ["", "目标甲", "完成甲"],
                    ["绩效指标", "一级指标", "二级指标", "三级指标", "分值", "得分"],
                    ["", "产出指标", "数量指标", "人数", "20", "20"], ["", "", "质量指标", "合格率", "10", "10"],
                    ["合计", "100", "95", ""], ["评价结论", "良好"], ["项目负责人:甲", "财务负责人:乙"]]


def test_the_cellbar_case_becomes_the_rows_of_the_cell_dump() -> None:
    (stream, *_) = load(CELLBAR).tables()
    assert (stream.dialect, stream.n_rows) == ("stream", 1)
    t = text_to_grid(stream, LEXICON)
    assert (t.dialect, t.regridded_from) == ("cells", "stream")
    # seed 004's first form as its one-cell-per-line dump reads it (same wording, same rows)
    want = [[c.text for c in r] for r in load(SEED_004).tables()[0].rows()]
    got = [[c.text for c in r] for r in t.rows()]
    assert got[:4] == want[:4]
    assert all((c.prov.row, c.prov.col) == (c.row, c.col) for c in t.cells)
    # every cell keeps its own line numbers
    first = t.rows()[0]
    assert first[0].prov.line_start is not None and first[0].prov.line_start < first[1].prov.line_start  # type: ignore[operator]


def test_without_a_lexicon_the_stream_stays_one_row() -> None:
    (stream, *_) = load(CELLBAR).tables()
    assert text_to_grid(stream, None) is stream


_TEXTS = st.lists(st.sampled_from(["项目名称", "某项目", "主管部门", "实施单位", "一级指标", "二级指标", "三级指标",
                                   "分值", "得分", "产出指标", "10", "", "合计", "评价结论", "良好", "项目负责人:甲"]),
                  max_size=40)


@given(_TEXTS)
@settings(max_examples=150, deadline=None)
def test_stream_rows_cover_every_cell_once_in_order(texts: list[str]) -> None:
    bounds = stream_rows(texts, LEXICON)
    assert [i for a, b in bounds for i in range(a, b)] == list(range(len(texts)))
    assert all(b > a for a, b in bounds)
