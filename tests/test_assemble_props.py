"""raw_to_reports never raises: random tables mixing header words, labels and values,
in the cells dialect (ragged rows) and as grids with random spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from jixiao.assemble import raw_to_reports
from jixiao.extract.raw import RawCell, RawDocument, RawParagraph, RawTable
from jixiao.model import Provenance, Report

SRC = "p.txt"
WORDS = [
    "", "项目名称", "主管部门", "实施单位", "年度", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
    "完成值", "权重", "得分", "原因", "合计", "总分", "评价等级", "评价结论", "存在问题", "改进措施", "项目", "行次",
    "年度总金额(万元)", "财政资金", "小计", "中央级", "年初预算", "调整后预算数", "预算执行数", "预算执行率",
    "年初预算资金", "全年预算资金", "实际到位资金", "全年执行资金", "资金结余", "预算到位率", "总额",
    "其中：财政资金", "预算执行情况（10分）", "绩效指标（90分）", "产出指标(50分)", "数量指标", "预算执行指标",
    "≥", "≤", "＝", "定性", "10", "9.51", "100%", "18.74万人", "优秀", "/", "—", "(1)", "项目负责人：某",
    "12345678T000000000001-某项目", "（2024年度）", "项目年度目标", "年度目标完成情况",
]
cell_text = st.one_of(st.sampled_from(WORDS), st.text(max_size=8))


def _prov(r: int = 0, c: int = 0) -> Provenance:
    return Provenance(source=SRC, table=0, row=r, col=c)


@st.composite
def cells_tables(draw: st.DrawFn) -> RawTable:
    rows = draw(st.lists(st.lists(cell_text, min_size=0, max_size=12), min_size=0, max_size=14))
    cells = [RawCell(row=r, col=c, text=t, prov=_prov(r, c)) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return RawTable(index=0, table=0, dialect="cells", n_rows=len(rows), n_cols=max((len(r) for r in rows), default=0),
                    cells=cells, prov=_prov())


@st.composite
def grid_tables(draw: st.DrawFn) -> RawTable:
    n_rows = draw(st.integers(1, 10))
    n_cols = draw(st.integers(1, 10))
    taken = [[False] * n_cols for _ in range(n_rows)]
    cells = []
    for r in range(n_rows):
        for c in range(n_cols):
            if taken[r][c] or draw(st.integers(0, 9)) == 0:
                continue
            rs = draw(st.integers(1, max(1, min(3, n_rows - r))))
            cs = draw(st.integers(1, max(1, min(3, n_cols - c))))
            if any(taken[i][j] for i in range(r, r + rs) for j in range(c, c + cs)):
                rs = cs = 1
            for i in range(r, r + rs):
                for j in range(c, c + cs):
                    taken[i][j] = True
            cells.append(RawCell(row=r, col=c, row_span=rs, col_span=cs, text=draw(cell_text), prov=_prov(r, c)))
    return RawTable(index=0, table=0, dialect="grid", n_rows=n_rows, n_cols=n_cols, cells=cells, prov=_prov())


@given(st.lists(st.one_of(cells_tables(), grid_tables(), cell_text.map(lambda t: t or "段落")), max_size=5))
def test_raw_to_reports_never_raises(blocks: list[RawTable | str]) -> None:
    out: list[RawParagraph | RawTable] = []
    for i, b in enumerate(blocks):
        if isinstance(b, str):
            out.append(RawParagraph(index=i, text=b, prov=Provenance(source=SRC, paragraph=i, text=b)))
        else:
            out.append(b.model_copy(update={"index": i, "table": i}))
    reports = raw_to_reports(RawDocument(source=SRC, format="txt", sha256="", blocks=out))
    assert all(isinstance(r, Report) for r in reports)
    assert [r.seq for r in reports] == list(range(len(reports)))
