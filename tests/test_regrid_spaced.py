"""Spaced tables (pdftotext rows) rebuilt into grids (jixiao.extract.regrid_spaced, with regrid_rows and
regrid_header) on seed content."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.extract import load
from jixiao.extract.raw import RawTable
from jixiao.extract.regrid_spaced import text_to_grid
from jixiao.extract.text import text_to_raw
from jixiao.normalize.lexicon import LEXICON

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
SEED_001 = CORPUS / "seed-001" / "report.txt"
SEED_004 = CORPUS / "seed-004" / "report.txt"


def _rows(t: RawTable) -> list[list[str]]:
    return [[c.text for c in r] for r in t.rows()]


def regrid(t: RawTable) -> RawTable:
    got = text_to_grid(t, LEXICON)
    assert (got.dialect, got.regridded_from) == ("cells", "spaced")
    return got


def _annex() -> list[list[str]]:
    return _rows(regrid(load(SEED_001).tables()[2]))


def _fill_down(rows: list[list[str]], col: int) -> list[list[str]]:
    out, last = [], ""
    for r in rows:
        r = list(r)
        if r[col]:
            last = r[col]
        else:
            r[col] = last
        out.append(r)
    return out


# ------------------------------------------------------------------ seed 001 附表


def test_seed_001_annex_header_and_width() -> None:
    rows = _annex()
    assert rows[0] == ["一级指标", "三级指标", "权重", "目标值", "业绩值", "评分结果"]
    assert all(len(r) == 6 for r in rows)


def test_seed_001_annex_ground_truth_rows() -> None:
    rows = _annex()
    assert rows[1] == ["预算执行率", "预算执行率", "10", "100%", "71.85%", "7.19"]
    # leading level-1 cells stay empty (the assembler fills them down and records it)
    assert rows[3] == ["", "开展门诊规定病种鉴定次数", "5", "=2 次", "2", "5"]
    filled = _fill_down(rows, 0)
    assert filled[3] == ["产出目标", "开展门诊规定病种鉴定次数", "5", "=2 次", "2", "5"]
    assert ["产出目标", "宣传片制作周期", "4", "≤3 个月", "1 个月", "4"] in filled
    assert ["满意度指标", "参保群众满意率", "20", "≥80%", "96%", "20"] in rows
    assert ["", "医疗保障专项业务完成情况", "5", "基本完成", "完成", "5"] in rows
    assert ["", "目标人群受益率", "10", "≥80%", "90%", "10"] in rows


def test_seed_001_floating_level1_and_weight_become_group_rows() -> None:
    rows = _annex()
    # "40" / "产出目标" and "效益指标" / "30": level-1 label in the level-1 column, weight under 权重
    assert rows[2] == ["产出目标", "", "40", "", "", ""]
    assert ["效益指标", "", "30", "", "", ""] in rows
    t = regrid(load(SEED_001).tables()[2])
    group = t.rows()[2]
    assert (group[0].prov.line_start, group[2].prov.line_start) == (121, 120)


def test_seed_001_total_and_grade_rows() -> None:
    rows = _annex()
    assert rows[-2] == ["总计", "", "100", "", "", "97.19"]
    assert rows[-1][:3] == ["评价等级", "", "0"]
    assert "优秀" in rows[-1][3:]


def test_seed_001_thirteen_indicators_and_budget_row() -> None:
    rows = _annex()[1:]
    named = [r for r in rows if r[1]]
    assert named[0][1] == "预算执行率"
    indicators = named[1:]
    assert len(indicators) == 13
    assert sum(int(r[2]) for r in indicators) == 90  # 13 indicator weights add up to 90
    assert all(r[5] for r in indicators)


def test_seed_001_glued_cells_keep_provenance() -> None:
    t = regrid(load(SEED_001).tables()[2])
    cell = [c for c in t.cells if c.text == "≤3 个月"][0]
    assert cell.prov.line_start == 139
    assert cell.prov.text == "≤3 个月"
    assert (cell.row, cell.col) == (cell.prov.row, cell.prov.col)


def test_seed_001_long_form_budget_places_only_what_is_certain() -> None:
    t = regrid(load(SEED_001).tables()[0])
    grid = [[g.text if g else None for g in row] for row in t.grid()]
    assert grid[0] == ["项目", "行次", "合计"] + ["财政资金"] * 5 + ["其他资金"] * 4
    assert grid[1] == ["项目", "行次", "合计", "小计", "中央级", "市级", "区县级", "乡镇级", "小计", "单位自筹",
                       "银行贷款等", "社会资本"]
    # "预算安排 (1) 3200000 3200000 3200000 0": blanks lost, only 合计 is certain
    assert grid[2] == ["预算安排", "(1)", "3200000"] + [""] * 9
    # a row with a value for every column is placed whole
    assert grid[7] == ["预算执行率(%)", "(6)=(3)/(1)", "71.85", "71.85", "0", "71.85", "0", "0", "0", "0", "0", "0"]
    # the row broken over three lines
    assert grid[9][:4] == ["资金实际支出率(%)", "(8)=(4)/(3)", "100", "100"]
    spans = {(c.row, c.col): (c.row_span, c.col_span) for c in t.cells if c.row < 2}
    assert spans[(0, 3)] == (1, 5) and spans[(0, 8)] == (1, 4) and spans[(0, 0)] == (2, 1)


def test_table_without_a_known_header_is_kept_as_written() -> None:
    t = regrid(load(SEED_001).tables()[1])
    rows = _rows(t)
    assert rows[2] == ["合计", "2299203.92", "2299203.92", "0", "0"]
    assert rows[3][:3] == ["医疗保障专项业务经费", "2299203.92", "2299203.92"]


# ------------------------------------------------------------------ seed 004 as spaced text


def _form_as_spaced(form: int) -> tuple[list[list[str]], str]:
    """Budget and indicator block of a seed 004 form printed the way pdftotext does:
    cells separated by spaces, blank cells gone (long narrative cells left out)."""
    t = load(SEED_004).tables()[form]
    rows = [[c.text.replace("\n", "") for c in r] for r in t.rows()]
    start = [i for i, r in enumerate(rows) if r[0].startswith("预算执行情况")][0]
    end = [i for i, r in enumerate(rows) if r[0] == "合计"][0]
    src = [[x if len(x) <= 24 else "" for x in r] for r in rows[start:end]]
    return src, "\n\n".join(" ".join(x for x in r if x) for r in src) + "\n"


@pytest.mark.parametrize("form", range(6))
def test_seed_004_spaced_rendering_regrids_to_the_docx_cells(form: int) -> None:
    want, text = _form_as_spaced(form)
    tables = text_to_raw(text, "spaced.txt").tables()
    assert [t.dialect for t in tables] == ["spaced"]
    got = _rows(regrid(tables[0]))
    assert len(got) == len(want)
    for w, g in zip(want, got):
        assert g == w + [""] * (len(g) - len(w))


def test_seed_004_total_row_lands_under_weight_and_score() -> None:
    _, text = _form_as_spaced(0)
    t = text_to_raw(text + "\n合计 100 95\n", "spaced.txt").tables()[0]
    rows = _rows(regrid(t))
    header = rows[[r[0] for r in rows].index("绩效指标(90分)")]
    total = rows[-1]
    assert total[0] == "合计"
    assert total[header.index("权重")] == "100" and total[header.index("得分")] == "95"


def test_seed_004_qualitative_row_with_blank_unit_and_actual() -> None:
    # form 4 "就医负担减轻程度 定性 优 (blank unit) (blank actual) 20 20"
    want, text = _form_as_spaced(3)
    rows = _rows(regrid(text_to_raw(text, "x.txt").tables()[0]))
    row = [r for r in rows if "就医负担减轻程度" in r][0]
    assert row[3:10] == ["就医负担减轻程度", "定性", "优", "", "", "20", "20"]


# ------------------------------------------------------------------ laid-out dumps (pdftotext -layout)


def _layout(rows: list[list[str]], widths: list[int]) -> str:
    from jixiao.extract.text_lines import display_width

    def pad(x: str, w: int) -> str:
        return x + " " * (w - display_width(x))

    return "\n".join(
        "".join(pad(x, w) for x, w in zip(r, widths)).rstrip() for r in rows
    ) + "\n"


def test_laid_out_annex_keeps_spaced_cells_whole_and_regrids_the_same() -> None:
    want = _annex()
    text = "附表 1.自评价评分附件表\n\n" + _layout(want, [14, 32, 8, 12, 12, 10])
    t = text_to_raw(text, "layout.txt").tables()[0]
    assert t.dialect == "spaced"
    raw_rows = _rows(t)
    assert ["宣传片制作周期", "4", "≤3 个月", "1 个月", "4"] in raw_rows  # one cell each, not split
    assert _rows(regrid(t)) == want


def test_label_and_number_row_is_a_group_row() -> None:
    text = "一级指标 三级指标 权重 目标值 业绩值 评分结果\n产出指标 50\n开展调研次数 4 ≥4 次 4 4\n"
    rows = _rows(regrid(text_to_raw(text, "x.txt").tables()[0]))
    assert rows[1] == ["产出指标", "", "50", "", "", ""]
    assert rows[2] == ["", "开展调研次数", "4", "≥4 次", "4", "4"]


def test_seed_000_long_form_budget_as_spaced_text() -> None:
    # seed 000's long-form table (行次 (1)…(7); 年度总金额 / 财政资金 小计 中央级 省级 市级 县区级 / 上年结转 / 其他)
    # printed as a spaced dump: blank cells gone
    cells = load(CORPUS / "seed-000" / "report.txt").tables()[0]
    want = _rows(cells)
    text = "\n\n".join(" ".join(x for x in r if x) for r in want) + "\n"
    t = text_to_raw(text, "spaced.txt").tables()[0]
    assert t.dialect == "spaced"
    r = regrid(t)
    grid = [[g.text if g else None for g in row] for row in r.grid()]
    assert grid[0] == ["项目", "行次", "年度总金额(万元)"] + ["财政资金"] * 5 + ["上年结转资金(万元)", "其他资金(万元)"]
    assert grid[1] == ["项目", "行次", "年度总金额(万元)", "小计", "中央级", "省级", "市级", "县区级",
                       "上年结转资金(万元)", "其他资金(万元)"]
    # "年初预算资金 (1) 1600 1600 1600": only the total is certain
    assert grid[2] == ["年初预算资金", "(1)", "1600"] + [""] * 7
    # complete rows come out exactly as the DOCX cells
    for k in (6, 7, 8):
        assert grid[k] == want[k]


@pytest.mark.parametrize("k", range(3))
def test_regrid_is_idempotent_on_seed_001(k: int) -> None:
    once = regrid(load(SEED_001).tables()[k])
    assert text_to_grid(once, LEXICON) is once  # a finished table is left alone
    twice = regrid(once.model_copy(update={"dialect": "spaced"}))  # its rows read again as spaced rows
    assert [[(c.text, c.row_span, c.col_span) for c in r] for r in twice.rows()] == [
        [(c.text, c.row_span, c.col_span) for c in r] for r in once.rows()
    ]


def test_without_a_lexicon_the_table_stays_as_read() -> None:
    t = load(SEED_001).tables()[2]
    assert t.dialect == "spaced" and t.regridded_from is None
    assert text_to_grid(t, None) is t


def test_the_loader_finishes_the_table_when_given_the_lexicon() -> None:
    text = SEED_001.read_text(encoding="utf-8")
    finished = text_to_raw(text, "seed-001", lexicon=LEXICON).tables()
    assert [(t.dialect, t.regridded_from) for t in finished] == [("cells", "spaced")] * 3
    assert _rows(finished[2]) == _annex()
