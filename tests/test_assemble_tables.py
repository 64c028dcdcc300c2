"""Table reconstruction on small RawTables built here: header synonym variants,
fill-down, DOCX-style grids with row/col spans, group rows, totals, segmentation.
(Edge cases the seeds lack; the seed values are tested in test_assemble.py.)"""

from __future__ import annotations

from decimal import Decimal as D

from jixiao.assemble import raw_to_reports
from jixiao.extract.raw import RawCell, RawDocument, RawParagraph, RawTable
from jixiao.model import Kind, LineKind, Provenance

SRC = "t.docx"


def cells_table(rows: list[list[str]], table: int = 0, index: int = 0) -> RawTable:
    cells = [
        RawCell(row=r, col=c, text=t, prov=Provenance(source=SRC, table=table, row=r, col=c, text=t))
        for r, row in enumerate(rows)
        for c, t in enumerate(row)
    ]
    return RawTable(index=index, table=table, dialect="cells", n_rows=len(rows),
                    n_cols=max(len(r) for r in rows), cells=cells, prov=Provenance(source=SRC, table=table))


def grid_table(spec: list[tuple[int, int, int, int, str]], n_rows: int, n_cols: int, index: int = 0) -> RawTable:
    """spec: (row, col, row_span, col_span, text) — one entry per merged cell."""
    cells = [
        RawCell(row=r, col=c, row_span=rs, col_span=cs, text=t,
                prov=Provenance(source=SRC, table=0, row=r, col=c, text=t))
        for r, c, rs, cs, t in spec
    ]
    return RawTable(index=index, table=0, dialect="grid", n_rows=n_rows, n_cols=n_cols, cells=cells,
                    prov=Provenance(source=SRC, table=0))


def para(text: str, index: int) -> RawParagraph:
    return RawParagraph(index=index, text=text, prov=Provenance(source=SRC, paragraph=index, text=text))


def doc(*blocks: RawParagraph | RawTable) -> RawDocument:
    return RawDocument(source=SRC, format="docx", sha256="", blocks=list(blocks))


def test_header_synonym_variant_and_fill_down() -> None:
    t = cells_table([
        ["一级指标", "二级指标", "三级指标（目标指标）", "指标性质", "年度指标值", "计量单位", "全年实际完成值",
         "分值", "指标得分", "偏差原因分析"],
        ["产出指标(50分)", "数量指标", "培训人次", "≥", "50", "人次", "52", "30", "30", ""],
        ["", "", "检查次数", "≥", "4", "次", "3", "20", "15", "疫情影响"],
        ["效益指标（30分）", "社会效益指标", "群众知晓度", "定性", "提高", "", "提高", "30", "30", ""],
        ["总分", "", "", "", "", "", "", "90", "85", "良"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [i.name for i in r.indicators] == ["培训人次", "检查次数", "群众知晓度"]
    a, b, c = r.indicators
    assert (a.level1, a.level2, a.comparator, a.unit) == ("产出指标", "数量指标", "≥", "人次")
    assert a.target is not None and a.target.value == D("50")
    assert a.actual is not None and a.actual.value == D("52")
    assert (b.level1, b.level2) == ("产出指标", "数量指标") and sorted(b.filled) == ["level1", "level2"]
    assert b.score is not None and b.score.value == D("15")
    assert b.reason is not None and b.reason.text == "疫情影响"
    assert (c.level1, c.level2, c.filled) == ("效益指标", "社会效益指标", [])
    assert c.comparator == "定性"
    assert [(s.label, s.weight.value if s.weight else None) for s in r.stated_scores] == [
        ("产出指标", D("50")), ("效益指标", D("30"))]
    # the total row lines up with the header: weight and score columns, grade word at the end
    assert r.total_weight is not None and r.total_weight.value == D("90")
    assert r.total_score is not None and r.total_score.value == D("85")
    assert r.grade is not None and r.grade.text == "良"


def test_new_level1_does_not_carry_old_level2() -> None:
    t = cells_table([
        ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "权重", "得分"],
        ["产出指标", "数量指标", "甲", "1", "1", "10", "10"],
        ["满意度指标", "", "乙", "90%", "95%", "10", "10"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert (r.indicators[1].level1, r.indicators[1].level2, r.indicators[1].filled) == ("满意度指标", None, [])


def test_grid_spans_fill_level1_and_block_label() -> None:
    # DOCX grid: "绩效指标（90分）" spans the header and both data rows; 产出指标 spans two rows
    spec = [
        (0, 0, 3, 1, "绩效指标（90分）"), (0, 1, 1, 1, "一级指标"), (0, 2, 1, 1, "二级指标"),
        (0, 3, 1, 1, "三级指标"), (0, 4, 1, 1, "指标值"), (0, 5, 1, 1, "完成值"), (0, 6, 1, 1, "权重"),
        (0, 7, 1, 1, "得分"),
        (1, 1, 2, 1, "产出指标"), (1, 2, 1, 1, "数量指标"), (1, 3, 1, 1, "救助人数"), (1, 4, 1, 1, "≥100人"),
        (1, 5, 1, 1, "120人"), (1, 6, 1, 1, "20"), (1, 7, 1, 1, "20"),
        (2, 2, 1, 1, "时效指标"), (2, 3, 1, 1, "完成时限"), (2, 4, 1, 1, "1年"), (2, 5, 1, 1, "1年"),
        (2, 6, 1, 1, "10"), (2, 7, 1, 1, "10"),
    ]
    (r,) = raw_to_reports(doc(grid_table(spec, 3, 8)))
    a, b = r.indicators
    assert (a.level1, a.level2, a.filled) == ("产出指标", "数量指标", [])
    assert a.comparator == "≥" and a.target is not None and a.target.value == D("100")
    assert (b.level1, b.level2, b.filled) == ("产出指标", "时效指标", ["level1"])
    assert [(s.label, s.weight.value if s.weight else None) for s in r.stated_scores] == [("绩效指标", D("90"))]


def test_grid_long_form_budget_with_two_level_header() -> None:
    # 项目 | 行次 | 年度总金额 | 财政资金 (spans 小计 中央级 省级) | 其他资金, money in 元
    spec = [
        (0, 0, 2, 1, "项目"), (0, 1, 2, 1, "行次"), (0, 2, 2, 1, "合计（元）"), (0, 3, 1, 3, "财政资金"),
        (0, 6, 2, 1, "其他资金"),
        (1, 3, 1, 1, "小计"), (1, 4, 1, 1, "中央级"), (1, 5, 1, 1, "省级"),
        (2, 0, 1, 1, "全年预算数"), (2, 1, 1, 1, "(1)"), (2, 2, 1, 1, "1000"), (2, 3, 1, 1, "800"),
        (2, 4, 1, 1, "500"), (2, 5, 1, 1, "300"), (2, 6, 1, 1, "200"),
        (3, 0, 1, 1, "全年执行数"), (3, 1, 1, 1, "(2)"), (3, 2, 1, 1, "900"), (3, 3, 1, 1, "800"),
        (3, 4, 1, 1, "500"), (3, 5, 1, 1, "300"), (3, 6, 1, 1, "100"),
        (4, 0, 1, 1, "预算执行率"), (4, 1, 1, 1, "(3)=(2)/(1)"), (4, 2, 1, 1, "90"), (4, 3, 1, 1, "100"),
        (4, 4, 1, 1, "100"), (4, 5, 1, 1, "100"), (4, 6, 1, 1, "50"),
    ]
    (r,) = raw_to_reports(doc(grid_table(spec, 5, 7)))
    got = [(b.line, b.kind, b.depth, b.money_unit) for b in r.budget_lines]
    assert got == [
        ("合计", LineKind.TOTAL, 0, "元"),
        ("财政资金小计", LineKind.FISCAL, 1, "元"),
        ("中央级", LineKind.FISCAL, 2, "元"),
        ("省级", LineKind.FISCAL, 2, "元"),
        ("其他资金", LineKind.OTHER, 1, "元"),
    ]
    total = r.budget_lines[0]
    assert total.adjusted is not None and total.adjusted.value == D("1000") and total.adjusted.kind == Kind.MONEY
    assert total.executed is not None and total.executed.value == D("900")
    assert total.rate is not None and total.rate.value == D("90") and total.rate.kind == Kind.PERCENT
    assert r.budget_lines[4].executed is not None and r.budget_lines[4].executed.value == D("100")


def test_row_per_line_budget_with_formula_headers() -> None:
    t = cells_table([
        ["项目资金（元）", "资金来源", "年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"],
        ["", "年度资金总额", "95000", "95000", "85500", "10", "90%", "9"],
        ["", "其中：当年财政拨款", "95000", "95000", "85500", "—", "90%", "—"],
        ["", "上年结转资金", "", "", "", "—", "", "—"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [(b.line, b.kind, b.depth) for b in r.budget_lines] == [
        ("年度资金总额", LineKind.TOTAL, 0),
        ("其中：当年财政拨款", LineKind.FISCAL, 1),
        ("上年结转资金", LineKind.CARRYOVER, 1),
    ]
    total = r.budget_lines[0]
    assert total.money_unit == "元"
    assert total.initial is not None and total.initial.value == D("95000")
    assert total.executed is not None and total.executed.value == D("85500")
    assert total.rate is not None and total.rate.value == D("90")
    assert total.weight is not None and total.weight.value == D("10")
    assert total.score is not None and total.score.value == D("9")


def test_level1_group_row_with_floating_weight() -> None:
    # pdftotext 附表 after re-alignment: a level-1 label with its weight on a row of its own
    t = cells_table([
        ["一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果"],
        ["预算执行率", "预算执行率", "10", "100%", "71.85%", "7.19"],
        ["产出目标", "", "40", "", "", "38"],
        ["", "开展调研次数", "4", "≥4 次", "4", "4"],
        ["满意度指标", "参保群众满意率", "20", "≥80%", "96%", "20"],
        ["总计", "100", "97.19"],
        ["评价等级", "0", "优秀"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert r.budget_execution is not None and r.budget_execution.score is not None
    assert r.budget_execution.score.value == D("7.19")
    assert [i.name for i in r.indicators] == ["开展调研次数", "参保群众满意率"]
    assert (r.indicators[0].level1, r.indicators[0].filled) == ("产出目标", ["level1"])
    assert r.indicators[0].comparator == "≥"
    assert [(s.label, s.weight.value if s.weight else None, s.score.value if s.score else None)
            for s in r.stated_scores] == [("产出目标", D("40"), D("38"))]
    assert r.total_weight is not None and r.total_weight.value == D("100")
    assert r.total_score is not None and r.total_score.value == D("97.19")
    assert r.grade is not None and r.grade.text == "优秀"


def test_section_heading_gives_level1_when_table_has_none() -> None:
    head = ["二级指标", "三级指标", "权重", "目标值", "业绩值", "得分"]
    blocks = [
        para("（三）项目效益情况", 0),
        cells_table([head, ["社会效益", "减轻负担", "15", "持续", "100%", "15"]], table=0, index=1),
        para("（四）项目满意度情况", 2),
        cells_table([head, ["服务对象满意度指标", "社会满意度", "10", "95", "95%", "10"]], table=1, index=3),
    ]
    (r,) = raw_to_reports(doc(*blocks))
    assert [(i.level1, i.name) for i in r.indicators] == [("效益指标", "减轻负担"), ("满意度指标", "社会满意度")]


def test_two_forms_in_one_document_are_two_reports() -> None:
    def form(name: str, year: str, table: int, index: int) -> list[RawParagraph | RawTable]:
        return [
            para(f"项目支出绩效自评表（{year}年度）", index),
            cells_table([
                ["项目名称", name],
                ["主管部门", "某局", "实施单位", "某中心"],
                ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
                ["产出指标", "数量指标", "甲", "1", "1", "90", "90"],
                ["合计", "90", "90"],
            ], table=table, index=index + 1),
        ]
    (a, b) = raw_to_reports(doc(*form("12345678X0001-项目甲", "2023", 0, 0), *form("项目乙", "2024", 1, 2)))
    assert (a.project_code, a.project_name.text if a.project_name else None, a.year) == ("12345678X0001", "项目甲", 2023)
    assert (b.project_code, b.project_name.text if b.project_name else None, b.year) == (None, "项目乙", 2024)
    assert a.implementer is not None and a.implementer.text == "某中心"
    assert (a.seq, b.seq) == (0, 1) and a.shape == b.shape == "form"
    assert [len(a.indicators), len(b.indicators)] == [1, 1]


def test_empty_document_gives_no_report() -> None:
    assert raw_to_reports(doc()) == []


def test_money_table_total_row_is_no_score_total() -> None:
    # seed 001's 资金使用情况 table: a 合计 row of money, no indicator block in the table
    money = cells_table([
        ["项目支出内容", "资金情况（单位：元）", "财政资金专款专用数"],
        ["合计", "财政资金支出数", "其他资金支出数"],
        ["合计", "2299203.92", "2299203.92", "0", "0"],
    ])
    scores = cells_table([
        ["一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果"],
        ["满意度指标", "参保群众满意率", "20", "≥80%", "96%", "20"],
        ["总计", "100", "97.19"],
    ], table=1, index=1)
    (r,) = raw_to_reports(doc(money, scores))
    assert r.total_weight is not None and r.total_weight.value == D("100")
    assert r.total_score is not None and r.total_score.value == D("97.19")


def test_narrative_naming_two_projects_is_two_reports() -> None:
    texts = ["项目绩效自评报告", "项目名称：甲项目", "本次绩效评分为 95 分，自评优秀。",
             "项目绩效自评报告", "项目名称：乙项目", "本次绩效评分为 80 分，自评良好。"]
    a, b = raw_to_reports(doc(*[para(t, i) for i, t in enumerate(texts)]))
    assert (a.seq, b.seq) == (0, 1) and a.shape == b.shape == "narrative"
    assert a.project_name is not None and a.project_name.text == "甲项目"
    assert b.project_name is not None and b.project_name.text == "乙项目"
    # one 项目名称 paragraph: one report
    assert len(raw_to_reports(doc(*[para(t, i) for i, t in enumerate(texts[:3])]))) == 1


def test_rows_without_the_block_label_continuation_line_up() -> None:
    # the header carries the block label in its first cell, the data rows lost that empty cell
    t = cells_table([
        ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
        ["产出指标", "数量指标", "甲", "≥1次", "2次", "45", "45"],
        ["", "质量指标", "乙", "100%", "100%", "45", "40"],
        ["总分", "85"],
    ])
    (r,) = raw_to_reports(doc(t))
    a, b = r.indicators
    assert (a.level1, a.level2, a.name) == ("产出指标", "数量指标", "甲")
    assert a.weight is not None and a.weight.value == D("45")
    assert (b.level1, b.filled, b.score.value if b.score else None) == ("产出指标", ["level1"], D("40"))
    # "总分 | 85": a score total with one number is the score
    assert r.total_weight is None
    assert r.total_score is not None and r.total_score.value == D("85")


def test_row_short_of_a_trailing_cell_is_not_shifted() -> None:
    # the same header, a row that kept its block-label continuation but lost the trailing reason cell
    t = cells_table([
        ["绩效指标（90分）", "一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分", "原因"],
        ["", "产出指标", "数量指标", "甲", "≥1次", "2次", "45", "45"],
    ])
    (r,) = raw_to_reports(doc(t))
    (a,) = r.indicators
    assert (a.level1, a.name, a.score.value if a.score else None) == ("产出指标", "甲", D("45"))


def test_table_split_at_a_page_break_carries_merged_cells() -> None:
    head = ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"]
    first = cells_table([head, ["产出指标", "数量指标", "甲", "1", "1", "10", "10"],
                         head,  # heading row repeated on the next page
                         ["", "", "乙", "2", "2", "10", "10"]], table=0, index=0)
    second = cells_table([head, ["", "质量指标", "丙", "100%", "100%", "10", "10"]], table=1, index=1)
    (r,) = raw_to_reports(doc(first, second))
    assert [(i.name, i.level1, i.level2, i.filled) for i in r.indicators] == [
        ("甲", "产出指标", "数量指标", []),
        ("乙", "产出指标", "数量指标", ["level1", "level2"]),
        ("丙", "产出指标", "质量指标", ["level1"]),
    ]


def test_form_title_with_its_year_on_a_line_of_its_own() -> None:
    def form(name: str, year: str, table: int, index: int) -> list[RawParagraph | RawTable]:
        return [
            para("项目支出绩效自评表", index),
            para(f"（{year}年度）", index + 1),
            cells_table([
                ["项目名称", name],
                ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
                ["产出指标", "数量指标", "甲", "1", "1", "90", "90"],
            ], table=table, index=index + 2),
        ]
    a, b = raw_to_reports(doc(*form("项目甲", "2021", 0, 0), *form("项目乙", "2022", 1, 3)))
    assert (a.year, b.year) == (2021, 2022)
    assert b.prov is not None and a.project_name is not None and b.project_name is not None
    assert (a.project_name.text, b.project_name.text) == ("项目甲", "项目乙")


def test_level_weight_columns() -> None:
    # 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | … | 分值 | 得分: the indicator's weight is the one after its name
    t = cells_table([
        ["一级指标", "分值", "二级指标", "分值", "三级指标", "指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "50", "数量指标", "30", "甲", "1", "1", "30", "30"],
        ["", "", "质量指标", "20", "乙", "100%", "100%", "20", "18"],
    ])
    (r,) = raw_to_reports(doc(t))
    a, b = r.indicators
    assert (a.weight.value if a.weight else None, b.score.value if b.score else None) == (D("30"), D("18"))
    assert (b.level1, b.level2, b.filled) == ("产出指标", "质量指标", ["level1"])
    assert [(s.label, s.weight.value if s.weight else None) for s in r.stated_scores] == [
        ("产出指标", D("50")), ("数量指标", D("30")), ("质量指标", D("20"))]


def test_title_rows_inside_the_table() -> None:
    spec = [
        (0, 0, 1, 4, "项目支出绩效自评表"), (1, 0, 1, 4, "（2021年度）"),
        (2, 0, 1, 1, "项目名称"), (2, 1, 1, 3, "示例项目"),
        (3, 0, 1, 1, "三级指标"), (3, 1, 1, 1, "指标值"), (3, 2, 1, 1, "完成值"), (3, 3, 1, 1, "分值"),
        (4, 0, 1, 1, "甲"), (4, 1, 1, 1, "1次"), (4, 2, 1, 1, "1次"), (4, 3, 1, 1, "90"),
    ]
    (r,) = raw_to_reports(doc(grid_table(spec, 5, 4)))
    assert r.year == 2021 and r.shape == "form"
    assert r.project_name is not None and r.project_name.text == "示例项目"
    assert [i.name for i in r.indicators] == ["甲"]


def test_block_label_split_at_a_page_break_does_not_end_the_block() -> None:
    # PDF grid: "绩效指标" spans rows 0-2, a blank cell goes on below it on the next page
    spec = [
        (0, 0, 3, 1, "绩效指标"), (0, 1, 1, 1, "一级指标"), (0, 2, 1, 1, "三级指标"), (0, 3, 1, 1, "年度指标值"),
        (0, 4, 1, 1, "分值"), (0, 5, 1, 1, "得分"),
        (1, 1, 3, 1, "产出指标"), (1, 2, 1, 1, "甲"), (1, 3, 1, 1, "1次"), (1, 4, 1, 1, "30"), (1, 5, 1, 1, "30"),
        (2, 2, 1, 1, "乙"), (2, 3, 1, 1, "2次"), (2, 4, 1, 1, "30"), (2, 5, 1, 1, "30"),
        (3, 0, 2, 1, ""), (3, 2, 1, 1, "丙"), (3, 3, 1, 1, "3次"), (3, 4, 1, 1, "30"), (3, 5, 1, 1, "25"),
        (4, 1, 1, 1, "满意度指标"), (4, 2, 1, 1, "丁"), (4, 3, 1, 1, "≥90%"), (4, 4, 1, 1, "10"),
        (4, 5, 1, 1, "10"),
    ]
    (r,) = raw_to_reports(doc(grid_table(spec, 5, 6)))
    assert [(i.name, i.level1) for i in r.indicators] == [
        ("甲", "产出指标"), ("乙", "产出指标"), ("丙", "产出指标"), ("丁", "满意度指标")]


def test_two_row_indicator_heading() -> None:
    # "指标值" spans two columns named on the row below; the other headings span both rows
    spec = [
        (0, 0, 2, 1, "一级指标"), (0, 1, 2, 1, "三级指标"), (0, 2, 1, 2, "指标值"), (0, 4, 2, 1, "分值"),
        (0, 5, 2, 1, "得分"),
        (1, 2, 1, 1, "目标值"), (1, 3, 1, 1, "完成值"),
        (2, 0, 1, 1, "产出指标"), (2, 1, 1, 1, "甲"), (2, 2, 1, 1, "≥10次"), (2, 3, 1, 1, "12次"), (2, 4, 1, 1, "40"),
        (2, 5, 1, 1, "40"),
    ]
    (r,) = raw_to_reports(doc(grid_table(spec, 3, 6)))
    (a,) = r.indicators
    assert (a.level1, a.name, a.comparator) == ("产出指标", "甲", "≥")
    assert a.target is not None and a.target.value == D("10")
    assert a.actual is not None and a.actual.value == D("12")
    assert r.stated_scores == []
