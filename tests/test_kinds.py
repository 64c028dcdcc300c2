"""assemble/kinds.py: each decision rests on evidence (files → kinds, kept and dropped reports)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.model import DocumentKind as K
from jixiao.pipeline import path_to_document

FORM = """项目支出绩效自评表
| 项目名称 | 道路养护项目 | | |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | 养护里程 | ≥100公里 | 105公里 | 50 | 50 |
| 效益指标 | 社会效益指标 | 出行条件 | 改善 | 改善 | 40 | 40 |
"""


def _read(tmp_path: Path, text: str, name: str = "r.txt"):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    return path_to_document(f, name, rules=False)


def test_a_filled_form_is_a_form(tmp_path: Path) -> None:
    doc = _read(tmp_path, FORM)
    assert (doc.status, doc.kind, len(doc.reports)) == ("ok", K.SELF_EVALUATION_FORM, 1)
    assert doc.reports[0].kind_evidence[0] == "标题“项目支出绩效自评表”含“自评表”"


def test_final_accounts_with_an_appended_form_keeps_the_form(tmp_path: Path) -> None:
    doc = _read(tmp_path, "某局2023年度部门决算\n\n" + FORM)
    assert doc.status == "ok" and len(doc.reports) == 1
    assert doc.reports[0].indicators[0].name == "养护里程"


def test_final_accounts_budget_table_is_not_a_report(tmp_path: Path) -> None:
    text = ("某局2023年度部门决算\n\n| 项目 | 年初预算数 | 调整后预算数 | 决算数 |\n"
            "| 本年支出合计 | 100.00 | 120.00 | 118.00 |\n")
    doc = _read(tmp_path, text)
    assert (doc.status, doc.kind, doc.reports) == ("not_report", K.FINAL_ACCOUNTS, [])
    assert doc.error == "部门决算报告，未包含绩效自评表"


def test_targets_only_with_mid_term_header_is_a_target_declaration(tmp_path: Path) -> None:
    text = ("| 项目名称 | 道路养护项目 | | |\n| 一级指标 | 二级指标 | 三级指标 | 中期指标值 | 年度指标值 |\n"
            "| 产出指标 | 数量指标 | 养护里程 | ≥300公里 | ≥100公里 |\n")
    doc = _read(tmp_path, text)
    assert doc.kind == K.TARGET_DECLARATION
    assert "表头含“中期指标值”" in doc.reports[0].kind_evidence


def test_blank_form_is_a_blank_template(tmp_path: Path) -> None:
    text = ("项目支出绩效自评表\n| 项目名称 | | | |\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
            "| 产出指标 | 数量指标 | 指标1： | | | | |\n| 总分 | | | | | 100 | |\n")
    doc = _read(tmp_path, text)
    assert (doc.status, doc.kind, doc.reports) == ("not_report", K.BLANK_TEMPLATE, [])
    assert doc.error is not None and doc.error.startswith("空白模板")


def test_a_blank_template_beside_a_filled_form_is_noted(tmp_path: Path) -> None:
    blank = ("项目支出绩效自评表\n| 项目名称 | | | |\n| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n"
             "| 产出指标 | 数量指标 | 指标1： | | | | |\n")
    doc = _read(tmp_path, FORM + "\n" + blank)
    assert [r.seq for r in doc.reports] == [0]
    assert any("报告2为空白模板" in n.text for n in doc.notes)


def test_final_accounts_told_by_headers_without_a_title(tmp_path: Path) -> None:
    text = "| 项目 | 年初预算数 | 决算数 |\n| 本年支出合计 | 100.00 | 118.00 |\n| 一、农林水支出 | 80.00 | 90.00 |\n"
    doc = _read(tmp_path, text)
    assert (doc.status, doc.kind, doc.reports) == ("not_report", K.FINAL_ACCOUNTS, [])
    assert doc.kind_evidence == ["未见可识别的标题", "表头含“决算数”"]


@pytest.mark.parametrize("name", ["notice.pdf", "notice.xlsx"])
def test_plain_text_under_a_document_name(tmp_path: Path, name: str) -> None:
    doc = _read(tmp_path, "关于召开工作会议的通知\n\n请各科室准时参加。\n", name)
    assert (doc.status, doc.format, doc.kind) == ("not_report", "txt", K.NOT_A_REPORT)
    ext = name.rsplit(".", 1)[1]
    assert [n.text for n in doc.notes] == [f"文件扩展名为.{ext}，但内容是纯文本，已按内容读取（格式：txt）"]


def test_values_in_columns_the_reader_cannot_map_are_not_a_blank_template(tmp_path: Path) -> None:
    """The data is there (under headers without a known role): a report, never "blank"."""
    text = ("| 一级指标 | 二级指标 | 三级指标 | 年初所定奋斗目标 | 年终实际达成状况 |\n"
            "| 产出指标 | 数量指标 | 养护里程 | 100公里 | 105公里 |\n"
            "| 效益指标 | 社会效益指标 | 出行条件 | 改善 | 改善 |\n")
    doc = _read(tmp_path, text)
    assert doc.status == "ok" and len(doc.reports) == 1
    assert "未识别列中的数值" in doc.reports[0].kind_evidence[-1]


def test_a_titled_form_read_as_nothing_is_kept_to_show_the_failure(tmp_path: Path) -> None:
    doc = _read(tmp_path, "项目支出绩效自评表\n\n（表格为图片，无文字）\n")
    assert doc.status == "ok" and len(doc.reports) == 1
    assert doc.reports[0].kind_evidence[-1] == "未读取到任何栏目或数值（版式可能未能识别）"


def _workbook(path: Path, lead_rows: list[list[str]], n: int = 4) -> None:
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for k in range(n):
        ws = wb.create_sheet(f"S{k + 1}")
        rows = [*lead_rows, ["项目名称", f"道路养护{k + 1}期项目"], ["主管部门", "某局", "实施单位", "某中心"],
                ["一级指标", "二级指标", "三级指标", "中期指标值", "年度指标值"],
                ["产出指标", "数量指标", f"养护里程{k + 1}", "≥30公里", "≥10公里"]]
        for r, row in enumerate(rows, 1):
            for c, t in enumerate(row, 1):
                if t:
                    ws.cell(r, c, t)
    wb.save(path)


def test_target_declaration_workbook_gives_one_report_per_sheet(tmp_path: Path) -> None:
    _workbook(tmp_path / "t.xlsx", [["项目支出绩效目标申报表"], ["（2024年度）"]])
    doc = path_to_document(tmp_path / "t.xlsx", "t.xlsx", rules=False)
    assert doc.kind == K.TARGET_DECLARATION
    assert [r.project_name.text for r in doc.reports if r.project_name] == [f"道路养护{k}期项目" for k in range(1, 5)]
    assert [r.indicators[0].target.raw for r in doc.reports] == ["≥10公里"] * 4


def test_sheets_with_a_unit_line_before_the_project_name_stay_apart(tmp_path: Path) -> None:
    _workbook(tmp_path / "t.xlsx", [["项目支出绩效目标申报表"], ["（2024年度）"], ["填报单位：某局", "", "", "金额单位：万元"]])
    doc = path_to_document(tmp_path / "t.xlsx", "t.xlsx", rules=False)
    assert len(doc.reports) == 4


def test_an_untitled_evaluator_table_is_an_evaluation_report(tmp_path: Path) -> None:
    text = ("| 一级指标 | 三级指标 | 指标解释 | 分值 | 评价得分 |\n"
            "| 决策 | 立项依据充分性 | 依据是否充分 | 10 | 8 |\n| 过程 | 资金到位率 | 到位比例 | 10 | 9 |\n"
            "| 产出 | 完成率 | 完成比例 | 40 | 35 |\n| 效益 | 效益实现 | 实现程度 | 40 | 30 |\n| 合计 | | | 100 | 82 |\n")
    doc = _read(tmp_path, text)
    (r,) = doc.reports
    assert r.kind == K.EVALUATION_REPORT
    assert [i.score.raw for i in r.indicators] == ["8", "9", "35", "30"] and r.total_score.raw == "82"
    assert r.kind_evidence[0].startswith("指标体系的一级指标为决策、过程、产出、效益")


def test_a_5000_row_form_is_classified_quickly() -> None:
    import time

    from jixiao.assemble.kinds import classify_document
    from jixiao.extract.text import text_to_raw
    from jixiao.model import Indicator, Report
    from jixiao.normalize import parse_quantity

    rows = "\n".join(f"| 产出指标 | 数量指标 | 指标{i} | ≥{i}个 | {i}个 | 1 | 1 |" for i in range(5000))
    raw = text_to_raw("项目支出绩效自评表\n| 项目名称 | 测试项目 | | |\n"
                      "| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |\n" + rows, "big.txt")
    q = parse_quantity("1")
    reports = [Report(seq=0, indicators=[Indicator(seq=i, name=f"指标{i}", level1="产出指标", target=q, actual=q,
                                                   weight=q, score=q) for i in range(5000)])]
    t = time.perf_counter()
    d = classify_document(raw, reports)
    assert time.perf_counter() - t < 5  # ~0.5 s alone: no per-row re-reading of a self-evaluation form
    assert d.kind == K.SELF_EVALUATION_FORM and len(d.reports[0].indicators) == 5000
