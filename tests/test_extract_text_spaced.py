"""Spaced dialect and wrapped prose on seed 001 (a pdftotext dump)."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract import load
from jixiao.extract.raw import RawTable
from jixiao.extract.text import text_to_raw

SEED_001 = Path(__file__).resolve().parent.parent / "corpus" / "seed-001" / "report.txt"


def _rows(t: RawTable) -> list[list[str]]:
    return [[c.text for c in r] for r in t.rows()]


def test_seed_001_three_spaced_tables() -> None:
    doc = load(SEED_001)
    tables = doc.tables()
    assert [(t.dialect, t.prov.line_start, t.prov.line_end) for t in tables] == [
        ("spaced", 15, 36), ("spaced", 40, 46), ("spaced", 116, 155)
    ]


def test_seed_001_long_form_budget_rows() -> None:
    t = load(SEED_001).tables()[0]
    rows = _rows(t)
    assert rows[0] == ["项目", "行次", "合计", "财政资金", "其他资金"]
    assert rows[1] == ["小计", "中央级", "市级", "区县级", "乡镇级", "小计", "单位自筹", "银行贷款等", "社会资本"]
    assert rows[2] == ["预算安排", "(1)", "3200000", "3200000", "3200000", "0"]
    assert rows[7] == ["预算执行率(%)", "(6)=(3)/(1)", "71.85", "71.85", "0", "71.85", "0", "0", "0", "0", "0", "0"]


def test_seed_001_row_broken_over_three_lines_is_one_row() -> None:
    # " 资金实际支出率" / "(%)" / "(8)=(4)/(3) 100 100 0 100 0 0 0 0 0 0"
    t = load(SEED_001).tables()[0]
    last = t.rows()[-1]
    assert [c.text for c in last] == ["资金实际支出率(%)", "(8)=(4)/(3)", "100", "100", "0", "100", "0", "0", "0",
                                      "0", "0", "0"]
    assert (last[0].prov.line_start, last[0].prov.line_end) == (32, 36)
    assert last[0].prov.text == "资金实际支出率\n(%)"
    assert t.n_rows == 10


def test_seed_001_annex_table_rows_are_the_lines_tokens() -> None:
    t = load(SEED_001).tables()[2]
    rows = _rows(t)
    assert rows[0] == ["一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果"]
    assert rows[1] == ["预算执行率", "预算执行率", "10", "100%", "71.85%", "7.19"]
    # floating weight and level-1 label lines stay rows of their own
    assert rows[2:4] == [["40"], ["产出目标"]]
    assert rows[4] == ["开展门诊规定病种鉴定次数", "5", "=2", "次", "2", "5"]
    assert ["效益指标"] in rows and ["30"] in rows
    assert rows[-2:] == [["总计", "100", "97.19"], ["评价等级", "0", "优秀"]]
    assert len(rows) == 21
    cell = t.rows()[4][2]
    assert (cell.prov.line_start, cell.prov.text) == (123, "=2")


def test_seed_001_headings_and_captions_stay_paragraphs() -> None:
    texts = [p.text for p in load(SEED_001).paragraphs()]
    assert "1. 资金安排情况" in texts
    assert "2. 资金使用情况" in texts
    assert "附表 1.自评价评分附件表" in texts
    assert "无" in texts


def test_letter_spaced_lines_are_prose_not_tables() -> None:
    texts = [q.text for q in load(SEED_001).paragraphs()]
    assert "(一)对 项 目 管 理及实施的建议" in texts
    doc = text_to_raw("项 目 支 出 绩 效 自 评 报 告\n\n项 目 名 称 城乡居民医疗保险工作经费\n", "x.txt")
    assert doc.tables() == []
    assert len(doc.paragraphs()) == 2


def test_seed_001_wrapped_prose_joined_into_paragraphs() -> None:
    doc = load(SEED_001)
    paras = doc.paragraphs()
    score = [p for p in paras if "总得分" in p.text]
    assert len(score) == 1
    p = score[0]
    assert p.text == ('综合考虑投入、产出、效果、影响力等各方面因素,通过数据采集及分析,最终评分结果:'
                      '医疗保障专项业务经费项目绩效自评价结果为:总得分 97.19分,属于"优秀"。')
    assert (p.prov.line_start, p.prov.line_end) == (83, 85)
    assert p.prov.text.endswith('务经费项目绩效自评价结果为:总得分 97.19分，属于"优秀"。')
    # the heading before it stays its own paragraph
    assert "二、项目绩效情况分析" in [q.text for q in paras]
    # a sentence broken over a page start (" 采购工作，…") is one paragraph too
    goal = [q for q in paras if q.text.startswith("将符合门诊规定病种")][0]
    assert (goal.prov.line_start, goal.prov.line_end) == (56, 71)
    assert "招标采购工作,完善我市药品价格机制" in goal.text
    # clauses separated by "；" run on to the "。"
    done = [q for q in paras if q.text.startswith("预算执行率;开展门诊规定病种鉴定次数")][0]
    assert done.text.endswith("参保群众满意率。")


def test_one_paragraph_per_line_dumps_are_not_joined() -> None:
    texts = [p.text for p in load(SEED_001.parent.parent / "seed-002" / "report.txt").paragraphs()]
    assert "基本情况" in texts
    assert "绩效评价工作开展情况" in texts
    assert "绩效评价目的、对象和范围" in texts


def test_prose_lines_with_spaces_are_not_tables() -> None:
    text = (
        "2023 年度城乡居民医疗保险工作经费财政拨款 20 万元，主要用于开展基本医疗保险参保宣传。\n\n"
        "填报日期：2024 年 7 月 11 日\n\n"
        "方式改革，探索建立 DRGs付费方式，逐步形成与基本医疗保险制度发展相适应的制度。\n"
    )
    doc = text_to_raw(text, "x.txt")
    assert doc.tables() == []
    assert len(doc.paragraphs()) == 3


def test_sentence_cut_at_a_page_break_is_joined_in_a_line_per_paragraph_dump() -> None:
    # seed 003 lines 47/49: "（3）监管有效性：项目资金列入县级财政资金项目库，每年" / "" / "经人大会议列入…"
    doc = load(SEED_001.parent.parent / "seed-003" / "report.txt")
    p = [q for q in doc.paragraphs() if q.text.startswith("(3)监管有效性")][0]
    assert (p.prov.line_start, p.prov.line_end) == (47, 49)
    assert "项目库,每年经人大会议列入医保局年度预算" in p.text
    # every other paragraph of the seed stays one line
    assert all(q.prov.line_start == q.prov.line_end for q in doc.paragraphs() if q is not p)


def test_form_feeds_give_pages_and_page_numbers_are_dropped() -> None:
    # seed 001 as pdftotext writes it with pages: a page break inside the 附表 (before " 产出目标",
    # line 121) and inside the budget table (before " 资金实际支出率", line 32), page footers "- n -"
    lines = SEED_001.read_text("utf-8").split("\n")
    lines[30] += "\n- 1 -\f"  # after line 31: a footer line, then the break (line numbers shift by one)
    lines[119] += "\n2\f"  # after line 120: a bare page number 2 at the foot of page 2
    doc = text_to_raw("\n".join(lines), "paged.txt")
    assert doc.n_pages == 3
    budget, _, annex = doc.tables()
    last = budget.rows()[-1]
    assert [c.text for c in last][:3] == ["资金实际支出率(%)", "(8)=(4)/(3)", "100"]
    assert last[0].prov.page == 2 and budget.rows()[0][0].prov.page == 1
    rows = _rows(annex)
    assert ["2"] not in rows and ["- 1 -"] not in rows
    assert rows[2:4] == [["40"], ["产出目标"]]
    assert annex.rows()[3][0].prov.page == 3
    assert [p.prov.page for p in doc.paragraphs()][:1] == [1]


def test_seed_001_as_gbk_with_crlf_gives_the_same_tables() -> None:
    from jixiao.extract.text import bytes_to_raw

    text = SEED_001.read_text("utf-8")
    doc = bytes_to_raw(text.replace("\n", "\r\n").encode("gbk"), "gbk.txt")
    want = load(SEED_001)
    assert [_rows(t) for t in doc.tables()] == [_rows(t) for t in want.tables()]
    assert [p.text for p in doc.paragraphs()] == [p.text for p in want.paragraphs()]
    assert [(p.prov.line_start, p.prov.line_end) for p in doc.paragraphs()] == [
        (p.prov.line_start, p.prov.line_end) for p in want.paragraphs()
    ]
