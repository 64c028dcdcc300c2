"""The labelled-table stage (assemble/label.py, label_profile.py): multi-row header paths,
content voting, label–value budget rows, block-title points, row kinds — on small tables
built here in the layouts of issue 9 (two-row headers, forms without weights, 中期/年度)."""

from __future__ import annotations

from decimal import Decimal as D

from test_assemble_tables import cells_table, doc, grid_table

from jixiao.assemble import raw_to_labels, raw_to_reports
from jixiao.assemble.label import rows_to_labeled
from jixiao.assemble.label_profile import cell_class, profile
from jixiao.assemble.tableview import Slot, table_to_rows
from jixiao.model import Kind, LineKind

_TWO_ROW = [
    (0, 0, 2, 1, "一级指标"), (0, 1, 2, 1, "二级指标"), (0, 2, 2, 1, "三级指标"),
    (0, 3, 1, 4, "预期指标值"), (0, 7, 2, 1, "实际完成值"), (0, 8, 1, 3, "自评得分"), (0, 11, 2, 1, "偏差原因分析"),
    (1, 3, 1, 1, "指标描述"), (1, 4, 1, 1, "符号"), (1, 5, 1, 1, "指标值"), (1, 6, 1, 1, "单位"),
    (1, 8, 1, 1, "单项指标得分"), (1, 9, 1, 1, "权重占比"), (1, 10, 1, 1, "折算得分"),
]
_ROWS = [
    ["产出指标", "数量指标", "服务人数", "为居民提供服务", "≥", "1200", "人", "1286人", "100", "20%", "20", ""],
    ["", "质量指标", "合格率", "抽查合格比例", "≥", "95", "%", "92%", "92", "30%", "27.6", "个别记录不全"],
]


def _grid_two_row() -> list:
    spec = list(_TWO_ROW)
    for r, row in enumerate(_ROWS, start=2):
        spec += [(r, c, 1, 1, t) for c, t in enumerate(row)]
    return spec


def _check_two_row(report) -> None:  # type: ignore[no-untyped-def]
    a, b = report.indicators
    assert (a.name, a.comparator, a.unit) == ("服务人数", "≥", "人")
    assert a.target is not None and a.target.value == D("1200")
    assert a.actual is not None and a.actual.raw == "1286人"
    # 单项指标得分 is the score; 权重占比 / 折算得分 are never weight or score
    assert a.score is not None and a.score.value == D("100")
    assert a.weight is None
    assert a.weight_share is not None and a.weight_share.value == D("20") and a.weight_share.kind == Kind.PERCENT
    assert a.converted_score is not None and a.converted_score.value == D("20")
    assert b.score is not None and b.score.value == D("92") and b.reason is not None
    assert (b.level1, b.level2) == ("产出指标", "质量指标")


def test_two_row_header_in_a_grid_composes_paths() -> None:
    t = grid_table(_grid_two_row(), n_rows=4, n_cols=12)
    (r,) = raw_to_reports(doc(t))
    _check_two_row(r)
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    cols = {c.col: c for c in block.columns}
    assert block.header_rows == (0, 1)
    assert cols[3].path == ("预期指标值", "指标描述") and cols[3].role == "description"
    assert cols[4].path == ("预期指标值", "符号") and cols[4].role == "nature"
    assert cols[5].role == "target" and cols[6].role == "unit"
    assert cols[8].path == ("自评得分", "单项指标得分") and cols[8].role == "score"
    assert cols[9].role == "weight_share" and cols[10].role == "converted_score"
    assert cols[7].path == ("实际完成值",) and cols[7].role == "actual"
    assert any("路径 预期指标值" in e for e in cols[4].evidence)


def test_two_row_header_in_a_text_dump_with_a_wider_sub_row() -> None:
    t = cells_table([
        ["一级指标", "二级指标", "三级指标", "预期指标值", "实际完成值", "自评得分", "偏差原因分析"],
        ["", "", "", "指标描述", "符号", "指标值", "单位", "", "单项指标得分", "权重占比", "折算得分", ""],
        *_ROWS,
    ])
    (r,) = raw_to_reports(doc(t))
    _check_two_row(r)
    lt = rows_to_labeled(table_to_rows(t))
    assert [x.kind for x in lt.rows] == ["header", "sub_header", "data", "data"]


def test_a_value_column_never_lands_in_score_silently() -> None:
    """A 得分 header over cells that read as targets (≥95%, ≥2次): the content wins, the
    column is not read, and the doubt is reported with the unmapped columns."""
    t = cells_table([
        ["一级指标", "二级指标", "三级指标", "得分", "完成值"],
        ["产出指标", "数量指标", "培训次数", "≥2次", "3次"],
        ["", "质量指标", "合格率", "≥95%", "97%"],
        ["", "时效指标", "完成及时率", "≥90%", "100%"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [i.score for i in r.indicators] == [None, None, None]
    assert any("不符" in u.text for u in r.unmapped_columns)
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    col = next(c for c in block.columns if c.col == 3)
    assert col.role is None and col.doubt and col.profile.signed == 3


def test_content_makes_an_unknown_column_the_comparator() -> None:
    t = cells_table([
        ["一级指标", "二级指标", "三级指标", "方向", "指标值", "完成值"],
        ["产出指标", "数量指标", "培训次数", "≥", "2次", "3次"],
        ["", "质量指标", "合格率", "≥", "95%", "97%"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [i.comparator for i in r.indicators] == ["≥", "≥"]
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    assert next(c for c in block.columns if c.col == 3).role == "nature"


def test_label_value_budget_row_with_points_in_the_block_title() -> None:
    t = cells_table([
        ["项目名称", "某项目"],
        ["资金情况（万元）（10分）", "预算数", "86.40", "到位数", "86.40", "执行数", "82.08", "执行进度", "95.00%",
         "得分", "9.50"],
    ])
    (r,) = raw_to_reports(doc(t))
    (line,) = r.budget_lines
    assert (line.kind, line.depth, line.money_unit) == (LineKind.TOTAL, 0, "万元")
    assert line.adjusted is not None and line.adjusted.value == D("86.40")
    assert line.to_hand is not None and line.to_hand.value == D("86.40")
    assert line.executed is not None and line.executed.value == D("82.08")
    assert line.rate is not None and line.rate.value == D("95.00")
    assert line.score is not None and line.score.value == D("9.50")
    assert line.weight is not None and line.weight.value == D("10")
    assert [x.kind for x in rows_to_labeled(table_to_rows(t)).rows] == ["form", "budget_pairs"]


def test_funding_lines_with_amounts_and_no_amount_header() -> None:
    """A target declaration's budget block: line labels and amounts, the block label merged
    down (its cell empty in the rows below); each amount is the line's planned budget."""
    t = cells_table([
        ["项目名称", "乡村道路养护项目", "", ""],
        ["项目资金（万元）", "年度资金总额", "120", ""],
        ["", "其中：财政拨款", "100", ""],
        ["", "其他资金", "20", ""],
        ["一级指标", "二级指标", "三级指标", "年度指标值"],
        ["产出指标", "数量指标", "养护农村公路里程", "≥100公里"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [(b.line, b.kind, b.depth, b.money_unit, b.initial.raw if b.initial else None)
            for b in r.budget_lines] == [("年度资金总额", LineKind.TOTAL, 0, "万元", "120"),
                                         ("其中：财政拨款", LineKind.FISCAL, 1, "万元", "100"),
                                         ("其他资金", LineKind.OTHER, 1, "万元", "20")]
    assert all(b.adjusted is None and b.executed is None for b in r.budget_lines)
    assert r.budget_lines[1].prov.line_start is None and r.budget_lines[1].initial.prov.row == 2
    assert [x.kind for x in rows_to_labeled(table_to_rows(t)).rows] == [
        "form", "budget_amounts", "budget_amounts", "budget_amounts", "header", "data"]
    assert len(r.indicators) == 1


def test_line_amounts_need_the_block_label_and_funding_line_labels() -> None:
    # not below a budget block label: a form row with a number stays a form row
    t = cells_table([["项目名称", "某项目"], ["年度资金总额", "120"]])
    assert [x.kind for x in rows_to_labeled(table_to_rows(t)).rows] == ["form", "form"]
    # a cell that is no funding line ends the pairs: not read as a budget
    t = cells_table([["项目资金（万元）", "年度资金总额", "120", "备注", "见附件"]])
    assert "budget_amounts" not in [x.kind for x in rows_to_labeled(table_to_rows(t)).rows]


def test_points_in_a_budget_block_title_weight_the_total_line() -> None:
    t = cells_table([
        ["预算执行情况（万元）（20分）", "", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"],
        ["", "年度资金总额", "3359.62万", "3288.10万", "97.87%", "19.57"],
        ["", "其中：县级财政资金", "3000万", "2950.5万", "98.35%", "—"],
    ])
    (r,) = raw_to_reports(doc(t))
    total, fiscal = r.budget_lines
    assert total.weight is not None and total.weight.value == D("20")
    assert fiscal.weight is None and fiscal.kind == LineKind.FISCAL
    assert total.adjusted is not None and total.adjusted.value == D("3359.62") and total.adjusted.raw == "3359.62万"
    assert total.executed is not None and total.executed.value == D("3288.10")
    assert total.score is not None and total.score.value == D("19.57")


def test_form_without_weight_or_score_and_mid_term_targets() -> None:
    t = cells_table([
        ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值", "全年实际完成值", "未完成原因分析"],
        ["产出指标", "数量指标", "治理面积", "≥120亩", "≥42亩", "43.6亩", ""],
        ["", "", "建设拦沙坝", "≥18座", "≥6座", "5座", "用地手续延后"],
    ])
    (r,) = raw_to_reports(doc(t))
    a, b = r.indicators
    assert a.mid_target is not None and a.mid_target.value == D("120")
    assert a.target is not None and a.target.value == D("42") and a.comparator == "≥"
    assert (a.weight, a.score, b.weight, b.score) == (None, None, None, None)
    assert b.reason is not None and r.unmapped_columns == []


def test_row_kinds_and_filled_cells() -> None:
    t = grid_table([
        (0, 0, 1, 2, "项目名称"), (0, 2, 1, 3, "某项目"),
        (1, 0, 1, 1, "一级指标"), (1, 1, 1, 1, "三级指标"), (1, 2, 1, 1, "指标值"), (1, 3, 1, 1, "权重"),
        (1, 4, 1, 1, "得分"),
        (2, 0, 2, 1, "产出指标"), (2, 1, 1, 1, "次数"), (2, 2, 1, 1, "2次"), (2, 3, 1, 1, "50"), (2, 4, 1, 1, "50"),
        (3, 1, 1, 1, "人数"), (3, 2, 1, 1, "10人"), (3, 3, 1, 1, "40"), (3, 4, 1, 1, "40"),
        (4, 0, 1, 3, "合计"), (4, 3, 1, 1, "90"), (4, 4, 1, 1, "90"),
    ], n_rows=5, n_cols=5)
    lt = rows_to_labeled(table_to_rows(t))
    assert [x.kind for x in lt.rows] == ["form", "header", "data", "data", "total"]
    assert lt.rows[3].filled == (0,) and lt.rows[3].block == 0
    (r,) = raw_to_reports(doc(t))
    assert r.total_score is not None and r.total_score.value == D("90")


def test_cell_classes_and_profile() -> None:
    assert [cell_class(t) for t in ("20", "95%", "≥95%", "1000万元", "8个", "≥", "人", "优", "说明", "—")] == [
        "number", "percent", "signed", "money", "quantity", "comparator", "unit", "grade", "text", "empty"]
    p = profile([Slot("20"), Slot("30"), Slot("")])
    assert (p.cells, p.filled, p.number) == (3, 2, 2) and p.share("number") == 1.0


def test_raw_to_labels_names_the_report_of_each_table() -> None:
    t = cells_table([["一级指标", "三级指标", "指标值", "完成值"], ["产出指标", "次数", "2次", "2次"]])
    ((seg, lt),) = raw_to_labels(doc(t))
    assert seg == 0 and lt.blocks[0].kind == "indicator"
    assert lt.blocks[0].columns[2].profile.quantity == 1 and lt.blocks[0].columns[2].profile.filled == 1
    assert Kind.COUNT  # the class "quantity" stands for counts, durations and years


def test_columns_present_tell_the_rules_what_the_template_has() -> None:
    t = cells_table([
        ["一级指标", "二级指标", "三级指标", "年度指标值", "全年完成值", "未完成原因和改进措施"],
        ["产出指标", "数量指标", "治理面积", "≥42亩", "43.6亩", ""],
    ])
    (r,) = raw_to_reports(doc(t))
    assert r.columns_present == ["reason", "level1", "level2", "name", "target", "actual"]
    assert "weight" not in r.columns_present and "score" not in r.columns_present
    (r2,) = raw_to_reports(doc(grid_table(_grid_two_row(), n_rows=4, n_cols=12)))
    assert {"score", "weight_share", "converted_score", "description"} <= set(r2.columns_present)
    assert "weight" not in r2.columns_present


def test_a_withdrawn_column_is_a_column_doubt() -> None:
    t = cells_table([
        ["一级指标", "三级指标", "权重", "完成值"],
        ["产出指标", "培训次数", "≥2次", "3次"],
        ["", "合格率", "≥95%", "97%"],
    ])
    (r,) = raw_to_reports(doc(t))
    (doubt,) = r.column_doubts
    assert doubt.text.startswith("权重：") and "分值" in doubt.text and doubt.prov is not None
    assert "weight" not in r.columns_present and [i.weight for i in r.indicators] == [None, None]


def test_a_two_row_heading_repeated_after_a_page_break_continues_the_block() -> None:
    spec = _grid_two_row()
    again = [(r + 4, c, rs, cs, t) for r, c, rs, cs, t in _TWO_ROW]
    more = [(6, c, 1, 1, t) for c, t in enumerate(
        ["", "时效指标", "发放及时率", "按季度发放", "=", "100", "%", "92%", "92", "10%", "9.2", ""])]
    t = grid_table(spec + again + more, n_rows=7, n_cols=12)
    lt = rows_to_labeled(table_to_rows(t))
    assert [x.kind for x in lt.rows] == ["header", "sub_header", "data", "data", "repeat_header", "repeat_header",
                                         "data"]
    assert len(lt.blocks) == 1
    (r,) = raw_to_reports(doc(t))
    assert [i.name for i in r.indicators] == ["服务人数", "合格率", "发放及时率"]
    assert r.indicators[2].level1 == "产出指标" and r.indicators[2].score.value == D("92")  # type: ignore[union-attr]


def test_mid_term_and_annual_targets_under_one_parent() -> None:
    """A 绩效目标表 heading: 指标值 spanning 中期 | 年度 — the path names the role."""
    t = grid_table([
        (0, 0, 2, 1, "一级指标"), (0, 1, 2, 1, "二级指标"), (0, 2, 2, 1, "三级指标"), (0, 3, 1, 2, "指标值"),
        (1, 3, 1, 1, "中期"), (1, 4, 1, 1, "年度"),
        (2, 0, 1, 1, "产出指标"), (2, 1, 1, 1, "数量指标"), (2, 2, 1, 1, "新建站点"), (2, 3, 1, 1, "≥30个"),
        (2, 4, 1, 1, "≥10个"),
    ], n_rows=3, n_cols=5)
    (r,) = raw_to_reports(doc(t))
    (a,) = r.indicators
    assert a.mid_target is not None and a.mid_target.value == D("30")
    assert a.target is not None and a.target.value == D("10")
    assert (a.weight, a.score, a.actual) == (None, None, None)
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    col = next(c for c in block.columns if c.col == 3)
    assert col.path == ("指标值", "中期") and col.role == "mid_target"
    assert "中期指标值" in col.evidence[0]


def test_a_budget_table_cut_by_a_table_break_with_its_header_repeated_goes_on() -> None:
    head = ["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率"]
    first = cells_table([head, ["年度资金总额", "100", "120", "108", "90%"],
                         ["其中：财政拨款", "80", "100", "90", "90%"]], table=0, index=0)
    second = cells_table([head, ["上年结转资金", "20", "20", "18", "90%"]], table=1, index=1)
    (r,) = raw_to_reports(doc(first, second))
    assert [(b.seq, b.line) for b in r.budget_lines] == [(0, "年度资金总额"), (1, "其中：财政拨款"), (2, "上年结转资金")]
    assert r.budget_lines[2].executed is not None and r.budget_lines[2].executed.value == D("18")


def test_a_second_budget_table_after_other_rows_is_not_appended() -> None:
    head = ["资金来源", "年初预算数", "全年预算数", "全年执行数", "执行率"]
    first = cells_table([head, ["年度资金总额", "100", "120", "108", "90%"], ["评价结论", "良好"]], table=0, index=0)
    second = cells_table([head, ["年度资金总额", "100", "120", "108", "90%"]], table=1, index=1)
    (r,) = raw_to_reports(doc(first, second))
    assert [b.line for b in r.budget_lines] == ["年度资金总额"]


def test_a_block_label_written_again_after_a_page_break_does_not_end_the_block() -> None:
    """A PDF table stitched over a page break: the heading row and the merged 绩效指标
    label are repeated at the top of the second page."""
    head = ["一级指标", "三级指标", "指标值", "完成值", "分值", "得分"]
    spec = [(0, 0, 2, 1, "绩效指标"), *((0, c + 1, 1, 1, t) for c, t in enumerate(head)),
            *((1, c + 1, 1, 1, t) for c, t in enumerate(["产出指标", "次数", "2次", "2次", "50", "50"])),
            (2, 0, 2, 1, "绩效指标"), *((2, c + 1, 1, 1, t) for c, t in enumerate(head)),
            *((3, c + 1, 1, 1, t) for c, t in enumerate(["效益指标", "满意度", "≥90%", "95%", "40", "40"]))]
    t = grid_table(spec, n_rows=4, n_cols=7)
    (r,) = raw_to_reports(doc(t))
    assert [i.name for i in r.indicators] == ["次数", "满意度"]
    assert [x.kind for x in rows_to_labeled(table_to_rows(t)).rows] == ["header", "data", "repeat_header", "data"]


def test_unseen_wordings_and_units_inside_cells() -> None:
    """实际指标值 | 自评分 headers, annotated budget headers, money with its unit in the cell."""
    budget = cells_table([
        ["资金来源", "预算数（A）", "执行数（B）", "执行率（B/A×100%）"],
        ["年度资金总额", "1000万元", "950万元", "95%"],
    ], table=0, index=0)
    ind = cells_table([
        ["一级指标", "三级指标", "指标1：年度指标值", "实际指标值", "指标分值", "自评分"],
        ["产出指标", "培训人次", "≥50人次", "52人次", "30", "30"],
    ], table=1, index=1)
    (r,) = raw_to_reports(doc(budget, ind))
    (line,) = r.budget_lines
    assert line.adjusted is not None and line.adjusted.value == D("1000") and line.adjusted.unit == "万元"
    assert line.executed is not None and line.executed.value == D("950")
    assert line.rate is not None and line.rate.value == D("95")
    (a,) = r.indicators
    assert a.target is not None and a.target.value == D("50") and a.comparator == "≥"
    assert a.actual is not None and a.actual.value == D("52")
    assert a.weight is not None and a.weight.value == D("30") and a.score is not None
    assert r.unmapped_columns == []


def test_level_columns_found_from_their_content_when_no_header_names_them() -> None:
    """指标类别 | 指标子类 name no role; their cells are all level names (…指标), so they are
    the level-1 and level-2 columns, in that order (evidence says so); 项目单位 is the implementer."""
    t = cells_table([
        ["项目名称", "城区环境卫生整治", "项目单位", "某市城市管理局", "", ""],
        ["指标类别", "指标子类", "指标名称", "年度目标值", "实际完成值", "分值"],
        ["产出指标（50分）", "数量指标", "清扫保洁面积", "≥120万平方米", "125万平方米", "20"],
        ["", "质量指标", "道路机扫率", "≥85%", "86%", "30"],
        ["效益指标（30分）", "社会效益指标", "市容环境改善", "明显改善", "明显改善", "30"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [(i.level1, i.level2, i.name) for i in r.indicators] == [
        ("产出指标", "数量指标", "清扫保洁面积"), ("产出指标", "质量指标", "道路机扫率"),
        ("效益指标", "社会效益指标", "市容环境改善")]
    assert r.unmapped_columns == []
    assert r.implementer is not None and r.implementer.text == "某市城市管理局"
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    col0 = next(c for c in block.columns if c.col == 0)
    assert col0.role == "level1" and col0.evidence[-1].startswith("内容确定 level1")


def test_a_text_column_is_no_level_column() -> None:
    t = cells_table([
        ["类别", "指标名称", "年度目标值", "实际完成值", "分值"],
        ["城区", "清扫保洁面积", "≥120万平方米", "125万平方米", "20"],
        ["郊区", "道路机扫率", "≥85%", "86%", "30"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [(i.level1, i.level2) for i in r.indicators] == [(None, None), (None, None)]
    assert [u.text for u in r.unmapped_columns] == ["类别"]


def test_a_header_spanning_a_sign_column_and_a_value_column_is_split() -> None:
    """年度指标值 merged over two columns, the first holding only the signs: comparator and
    target; 指标值 over a value column and a unit column: target and unit."""
    t = grid_table([
        (0, 0, 1, 1, "三级指标"), (0, 1, 1, 2, "年度指标值"), (0, 3, 1, 1, "实际完成值"), (0, 4, 1, 1, "分值"),
        (1, 0, 1, 1, "新建供水管网"), (1, 1, 1, 1, "≥"), (1, 2, 1, 1, "30公里"), (1, 3, 1, 1, "32公里"),
        (1, 4, 1, 1, "25"),
        (2, 0, 1, 1, "水质达标率"), (2, 1, 1, 1, "≥"), (2, 2, 1, 1, "95%"), (2, 3, 1, 1, "97%"), (2, 4, 1, 1, "15"),
    ], n_rows=3, n_cols=5)
    (r,) = raw_to_reports(doc(t))
    assert [(i.comparator, i.target.raw if i.target else None, i.target.value if i.target else None)
            for i in r.indicators] == [("≥", "30公里", D("30")), ("≥", "95%", D("95"))]
    (block,) = rows_to_labeled(table_to_rows(t)).blocks
    assert [(c.col, c.role) for c in block.columns] == [(0, "name"), (1, "nature"), (2, "target"), (3, "actual"),
                                                        (4, "weight")]
    t = grid_table([
        (0, 0, 1, 1, "三级指标"), (0, 1, 1, 2, "指标值"), (0, 3, 1, 1, "完成值"),
        (1, 0, 1, 1, "培训人次"), (1, 1, 1, 1, "≥300"), (1, 2, 1, 1, "人次"), (1, 3, 1, 1, "320"),
        (2, 0, 1, 1, "检查次数"), (2, 1, 1, 1, "≥4"), (2, 2, 1, 1, "次"), (2, 3, 1, 1, "5"),
    ], n_rows=3, n_cols=4)
    (r,) = raw_to_reports(doc(t))
    assert [(i.target.raw if i.target else None, i.unit) for i in r.indicators] == [("≥300", "人次"), ("≥4", "次")]


def test_budget_line_labels_make_the_line_column_and_a_total_follows_its_label() -> None:
    """资金执行情况（万元） heads the funding-line labels (its wording is also a 执行数 header):
    the column holding only line labels (合计) is the line column.  "总分 | 94.6 | 评价等级 | 优"
    under an indicator header whose score column is empty there: the score follows the label."""
    t = cells_table([
        ["项目名称", "社区养老服务中心运营补助", "", "", "", ""],
        ["资金执行情况（万元）", "预算数", "执行数", "执行率", "分值", "得分"],
        ["合计", "80", "76.8", "96%", "10分", "9.6分"],
        ["一级指标", "二级指标", "三级指标", "目标值", "实际值", "得分"],
        ["产出指标（50分）", "数量指标", "服务老人人次", "不少于5000人次", "5230人次", "25分"],
        ["满意度指标（10分）", "服务对象满意度指标", "老人满意度", "≥90%", "95%", "10分"],
        ["总分", "94.6", "评价等级", "优", "", ""],
    ])
    (r,) = raw_to_reports(doc(t))
    (b,) = r.budget_lines
    assert (b.line, b.kind, b.money_unit) == ("合计", LineKind.TOTAL, "万元")
    assert (b.adjusted.raw, b.executed.raw, b.rate.raw, b.weight.raw, b.score.raw) == ("80", "76.8", "96%", "10分",
                                                                                     "9.6分")
    assert r.total_score is not None and (r.total_score.raw, r.total_score.prov.col) == ("94.6", 1)
    assert r.total_weight is None and r.grade is not None and r.grade.text == "优"
    (block, _) = rows_to_labeled(table_to_rows(t)).blocks
    assert block.columns[0].role == "line" and block.columns[0].evidence[-1] == "内容确定 line: 各格均为资金来源名称（不是 executed）"


def test_annual_amounts_beside_mid_term_amounts() -> None:
    """年度资金总额 | 1200 | 中期资金总额 | 3600: the annual group is read, the mid-term group
    (no funding-line label) is left, and so are the mid-term parts on the rows below."""
    t = cells_table([
        ["项目名称", "高标准农田建设", "", "", "", ""],
        ["主管部门及代码", "某县农业农村局", "", "实施单位", "某县农田建设服务中心", ""],
        ["项目资金（万元）", "", "年度资金总额", "1200", "中期资金总额", "3600"],
        ["", "", "其中：财政拨款", "1000", "其中：财政拨款", "3000"],
        ["", "", "其他资金", "200", "其他资金", "600"],
        ["一级指标", "二级指标", "三级指标", "指标值", "", ""],
        ["产出指标", "数量指标", "新建高标准农田面积", "≥1万亩", "", ""],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [(b.line, b.initial.raw if b.initial else None, b.initial.prov.col if b.initial else None)
            for b in r.budget_lines] == [("年度资金总额", "1200", 3), ("其中：财政拨款", "1000", 3), ("其他资金", "200", 3)]
    assert r.department is not None and r.department.text == "某县农业农村局"


def test_a_subtotal_row_states_the_score_of_its_level1() -> None:
    """"| | 小计 | … | 30 | 27 |" under 效益指标 (merged down): the stated weight and score of
    效益指标, not of a group called 小计 (two 小计 rows were one, and neither was checked)."""
    t = cells_table([
        ["一级指标", "二级指标", "三级指标", "指标值", "完成值", "权重", "得分"],
        ["产出指标", "数量指标", "受益学生人数", "≥12000人", "12350人", "20", "20"],
        ["", "质量指标", "供餐合格率", "100%", "100%", "30", "30"],
        ["", "小计", "", "", "", "50", "50"],
        ["效益指标", "社会效益指标", "学生营养状况", "明显改善", "明显改善", "30", "27"],
        ["", "小计", "", "", "", "30", "28"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [(s.label, s.weight.raw, s.score.raw) for s in r.stated_scores] == [("产出指标", "50", "50"),
                                                                               ("效益指标", "30", "28")]
    assert len(r.indicators) == 3


def test_a_total_row_off_its_columns_is_not_read_by_position_unless_it_names_a_score() -> None:
    """"合计 | 87" with the weight and score columns empty: 合计 does not say whether 87 is the
    weight or the score, so neither is taken (a guessed weight would fail SCR007 on the report)."""
    t = cells_table([
        ["一级指标", "三级指标", "指标值", "完成值", "分值", "得分"],
        ["产出指标", "受益学生人数", "≥12000人", "12350人", "50", "50"],
        ["满意度指标", "家长满意度", "≥90%", "94%", "40", "37"],
        ["合计", "87", "", "", "", ""],
    ])
    (r,) = raw_to_reports(doc(t))
    assert (r.total_weight is None or r.total_weight.value is None) and (
        r.total_score is None or r.total_score.value is None)


def test_a_role_read_for_two_indicator_columns_is_a_doubt() -> None:
    """Two columns right of the name both read as 得分 (a split or misread header): only the
    first is read, the second is reported as a doubt, and what depends on the scores carries
    extraction doubt.  Level weights left of the name (一级指标 | 分值 | 三级指标 | 分值) are no doubt."""
    t = cells_table([
        ["一级指标", "三级指标", "指标值", "完成值", "得分", "权重占比", "得分"],
        ["产出指标", "受益学生人数", "≥12000人", "12350人", "100", "50%", "50"],
        ["满意度指标", "家长满意度", "≥90%", "94%", "100", "50%", "50"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert [i.score.raw for i in r.indicators] == ["100", "100"]
    assert [u.text for u in r.unmapped_columns] == ["得分：与第5列同读作“得分”，表头或分列可能有误，只读取第5列"]
    t = cells_table([
        ["一级指标", "分值", "三级指标", "指标值", "分值", "得分"],
        ["产出指标", "50", "受益学生人数", "≥12000人", "50", "50"],
    ])
    (r,) = raw_to_reports(doc(t))
    assert r.unmapped_columns == [] and r.indicators[0].weight.raw == "50"
