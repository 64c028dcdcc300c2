"""Generate the template-family cases of ``corpus/`` (issue 9 §4): layouts jixiao was not built on.

    .venv/bin/python tools/make_family_corpus.py              # TXT, DOCX, XLSX
    .venv/bin/python tools/make_family_corpus.py --pdf        # and the PDFs (needs LibreOffice: soffice)
    .venv/bin/python tools/make_family_corpus.py --out DIR    # write the cases under DIR instead of corpus/

The measured values of every family are hand-written in ``corpus/family-<family>/expected.json``
(fictional projects, departments and figures, written from ../shared/domain.md §2); this script
reads them and lays them out as the family's form, adding only what the expected file does not
measure (implementing unit, goal texts, signatures, a 资金管理情况 block, 指标描述 / 权重占比 /
折算得分 columns) from :data:`EXTRAS`.  So the expected values and the fixture agree by
construction, and neither comes from jixiao's output.

Families (``corpus/family-<family>-<fmt>/report.<fmt>``, fmt = txt, docx, pdf, xlsx):

- ``lettered``: 20-point budget block with lettered / formula headers (预算数（A）, 执行率（B/A）,
  得分（20分*执行率）), a 得分 column per indicator and no weight column;
- ``tworow``: two-row headers (预期指标值 over 指标描述 / 符号 / 指标值 / 单位, 自评得分 over
  单项指标得分 / 权重占比 / 折算得分), budget block as label–value pairs;
- ``transfer``: 转移支付 区域（项目）绩效目标自评表, 全年预算数（A） / 全年执行数（B） / 执行率（B/A）,
  a 资金管理情况 block, 年度指标值 / 全年完成值 / 未完成原因和改进措施, no weights or scores;
- ``county``: 县级专项资金绩效目标自评表, 年初设定目标 / 全年实际完成情况, money with the unit inside
  the cell (3359.62万), no weights or scores;
- ``national``: national-style wording variants (调整后预算数, 预算执行数, 指标分值, 自评分, 实际指标值,
  评分结果), line breaks and spaces inside header words (全年\\n预算数, 度 量 单 位), level-1 weights in
  the label (产出指标(50分)), two forms in one file;
- ``execrow``: the budget's 分值 and 得分 stated only in a 预算执行率 row at the head of the indicator
  table (issue 9: they belong on the total budget line);
- ``synonyms``: header wording of issue 9 §2 no other family uses, money in 元 with thousands
  separators, the rate as a bare number under a （%） header;
- ``continued``: a long indicator table cut in two (续表 on the next page, heading row repeated,
  level-1/level-2 labels written again in the second table).

TXT is the one-cell-per-line dump dialect of corpus/seed-004 (jixiao/extract/text_cells.py): a TAB
line per cell, a blank line ends a row, a vertically merged continuation is an empty TAB line, a
horizontally merged cell is one line, a paragraph after a table follows two blank lines.  DOCX has real gridSpan/vMerge merges
(``make_corpus.add_grid_table``), XLSX real merged ranges, numbers stored as numbers
(``make_xlsx_corpus.put``), one sheet per form; the PDF is the DOCX converted by LibreOffice
(``make_corpus.docx_to_pdf``, font WenQuanYi Micro Hei).  Output is byte-identical across runs
(TXT, DOCX, XLSX; the PDF metadata is fixed too).  Layout knowledge lives here, never in jixiao/.
"""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_corpus import (  # noqa: E402
    CORPUS,
    Cell,
    add_grid_table,
    add_title,
    docx_to_pdf,
    merged_rectangles,
    new_document,
    save,
)
from make_xlsx_corpus import _FIXED, _fixed_zip, put  # noqa: E402

ORIGIN = "written for jixiao from domain.md §2"
FORMATS = ("txt", "docx", "pdf", "xlsx")

Row = list[Any]  # Cells and (col, span) continuation tuples, as make_corpus.add_grid_table takes them


@dataclass
class Form:
    """One form as laid out: title lines, the grid, lines after it (signatures)."""

    titles: list[str]
    rows: list[Row]
    widths: list[float]
    after: list[str] = field(default_factory=list)
    cut: int | None = None  # the table is cut before this row: 续表 on the next page, a second table
    cut_title: str = "续表"


# ---------------------------------------------------------------- what expected.json does not measure
EXTRAS: dict[str, dict[str, Any]] = {
    "lettered": {
        "implementer": ["岚溪县农村供水管理站", "岚溪县防汛抗旱服务中心"],
        "goal": ["完成全县农村集中供水工程维修养护，保障水质检测频次，巩固农村供水保障水平。",
                 "保障全县36个自动监测站点正常运行，及时发布山洪灾害预警信息。"],
        "done": ["全年维修养护供水工程48处，水质检测4次，受益农村人口3.05万人，工程运行正常。",
                 "36个站点全年正常运行，数据到报率97.5%，预警信息平均25分钟内发布。"],
        "people": ["柯明远", "沈书岚"],
    },
    "tworow": {
        "implementer": "柏岭市养老服务指导中心",
        "goal": "为城区居家老年人提供上门助餐、助洁等服务，新建社区助餐点8个。",
        "done": "全年上门服务老年人1286人，新建助餐点8个，服务质量抽查合格率97%。",
        "description": ["为居家老年人提供上门助餐、助洁等服务", "在城区社区新建助餐点", "第三方抽查服务记录合格比例",
                        "按季度发放服务补助", "老年人日常照料需求得到满足", "问卷调查满意比例"],
        "share": ["20%", "15%", "15%", "10%", "15%", "15%"],
        "converted": ["20", "15", "15", "9.2", "15", "15"],
        "people": ["庞思衡", "岑晓棠"],
    },
    "transfer": {
        "central": "水利部",
        "department": "望川县水利局",
        "implementer": "望川县水土保持站",
        "management": [("资金分配", "按治理面积和项目储备情况分配，分配结果已公开"),
                       ("资金下达", "省级资金下达后30日内分解下达到项目"),
                       ("资金使用", "专款专用，未发现截留、挤占、挪用")],
        "goal": "完成小流域综合治理面积42平方公里，建设淤地坝及拦沙坝6座，改善项目区生态环境。",
        "done": "完成治理面积43.6平方公里，建成淤地坝及拦沙坝5座，1座顺延至次年完工。",
        "people": ["邝云舒", "濮静川"],
    },
    "county": {
        "implementer": "鹤汀县环境卫生服务中心",
        "goal": "实现农村生活垃圾收运全覆盖，新增转运车辆12辆，无害化处理率不低于95%。",
        "done": "128个行政村生活垃圾全部纳入收运体系，新增转运车辆12辆，无害化处理率97.3%。",
        "conclusion": "项目总体完成年度目标，资金使用规范。",
        "people": ["郗若谷", "冼雨眠"],
    },
    "continued": {
        "implementer": "沅汀县公路养护中心",
        "goal": "完成县乡村公路日常养护1143公里，改造危桥8座，提升农村公路优良路率。",
        "done": "完成养护1126公里，17公里村道因滑坡封闭顺延；改造危桥8座，优良路率82.4%。",
        "split_after": 7,
        "people": ["晏秋池", "满庭芳"],
    },
    "execrow": {
        "implementer": "汐川县文化馆",
        "goal": "开展送戏下乡120场以上，公共文化场馆全年免费开放，提升基层公共文化服务水平。",
        "done": "完成送戏下乡126场，场馆免费开放310天，群众文化参与7.6万人次。",
        # the 预算执行率 row of the indicator table: target, and the budget line's stated rate
        "execution_target": "100%",
        "people": ["詹梧桐", "仉南枝"],
    },
    "synonyms": {
        "implementer": "芩溪县城市更新服务中心",
        "goal": "完成14个老旧小区配套设施改造，加装电梯20部，改善居民居住条件。",
        "done": "完成14个小区改造，加装电梯18部，受益居民1403户。",
        "people": ["苗青禾", "籍远山"],
    },
    "national": {
        "implementer": ["瑶浦县教育基建服务中心", "瑶浦县学生资助管理中心"],
        "goal": ["完成12所中小学校舍维修改造，消除校舍安全隐患。",
                 "为农村义务教育阶段学生提供营养膳食补助，改善学生营养健康状况。"],
        "done": ["完成维修改造校舍12350平方米，两所学校工期延至9月底。",
                 "全年补助学生4210人，未发生食品安全事故。"],
        "people": ["阙林森", "尉迟安澜"],
    },
}


def load_expected(family: str, corpus: Path = CORPUS) -> dict[str, Any]:
    return json.loads((corpus / f"family-{family}" / "expected.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- grid building
def cells(*items: tuple[str, int] | tuple[None, int]) -> Row:
    """A row from (text, span) pairs; a None text continues the merged cell above (vMerge)."""
    out: Row = []
    col = 0
    for text, span in items:
        out.append((col, span) if text is None else Cell(text, col, span))
        col += span
    return out


def txt(v: str | None) -> str:
    return "" if v is None else v


def grouped(inds: list[dict[str, Any]], level1: Callable[[dict[str, Any]], str] | None = None) -> list[tuple]:
    """(level-1 cell, level-2 cell, indicator) with None where a merged cell continues."""
    out = []
    prev1 = prev2 = None
    for ind in inds:
        l1 = ind["level1"] if ind["level1"] != prev1 else None
        l2 = ind["level2"] if (l1 is not None or ind["level2"] != prev2) else None
        prev1, prev2 = ind["level1"], ind["level2"]
        out.append((None if l1 is None else (level1(ind) if level1 else l1), l2, ind))
    return out


def signature(people: list[str], date: str) -> str:
    return f"填报人：{people[0]}　　审核人：{people[1]}　　填报日期：{date}"


# ---------------------------------------------------------------- the families
def lettered(exp: dict[str, Any]) -> list[Form]:
    """Two forms; the second with units and ×-formulas in the budget headers and letters on the
    indicator headers (年度指标值（A）, 得分（C）)."""
    x = EXTRAS["lettered"]
    forms = []
    for k, r in enumerate(exp["reports"]):
        if k == 0:
            bud = ["预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）"]
            ind = ["年度指标值", "实际完成值", "得分"]
        else:
            bud = ["全年预算数（A）（万元）", "全年执行数（B）（万元）", "执行率（B/A×100%）", "得分（20分×执行率）"]
            ind = ["年度指标值（A）", "实际完成值（B）", "得分（C）"]
        rows: list[Row] = [
            cells(("项目名称", 2), (r["project_name"], 6)),
            cells(("主管部门", 2), (r["department"], 2), ("实施单位", 2), (x["implementer"][k], 2)),
            cells(("预算执行情况（20分）", 1), ("资金来源", 2), (bud[0], 1), (bud[1], 1), (bud[2], 1), (bud[3], 2)),
        ]
        for b in r["budget_lines"]:
            rows.append(cells((None, 1), (b["line"], 2), (txt(b["adjusted"]), 1), (txt(b["executed"]), 1),
                              (txt(b["rate"]), 1), (txt(b["score"]), 2)))
        rows += [
            cells(("年度总体目标", 1), ("预期目标", 4), ("实际完成情况", 3)),
            cells((None, 1), (x["goal"][k], 4), (x["done"][k], 3)),
            cells(("绩效指标", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), (ind[0], 1), (ind[1], 1),
                  (ind[2], 1), ("偏差原因分析及改进措施", 1)),
        ]
        for l1, l2, i in grouped(r["indicators"]):
            rows.append(cells((None, 1), (l1, 1), (l2, 1), (i["name"], 1), (i["target"], 1), (i["actual"], 1),
                              (i["score"], 1), (txt(i["reason"]), 1)))
        rows += [cells(("总分", 6), (r["total_score"], 2)), cells(("自评等级", 6), (r["grade"], 2))]
        forms.append(Form([f"项目支出绩效自评表（{r['year']}年度）"], rows, [1.2, 1.6, 2.0, 3.6, 2.0, 2.0, 1.4, 3.4],
                          [signature(x["people"], "2024年2月26日")]))
    return forms


def tworow(exp: dict[str, Any]) -> list[Form]:
    x = EXTRAS["tworow"]
    (r,) = exp["reports"]
    (b,) = r["budget_lines"]
    rows: list[Row] = [
        cells(("项目名称", 3), (r["project_name"], 9)),
        cells(("主管部门", 3), (r["department"], 3), ("实施单位", 3), (x["implementer"], 3)),
        cells(("资金情况（万元）（10分）", 2), ("预算数", 1), (b["adjusted"], 1), ("到位数", 1), (b["to_hand"], 1),
              ("执行数", 1), (b["executed"], 1), ("执行进度", 1), (b["rate"], 1), ("得分", 1), (b["score"], 1)),
        cells(("年度目标", 3), (x["goal"], 9)),
        cells(("完成情况", 3), (x["done"], 9)),
        cells(("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("预期指标值", 4), ("实际完成值", 1),
              ("自评得分", 3), ("偏差原因分析", 1)),
        cells((None, 1), (None, 1), (None, 1), ("指标描述", 1), ("符号", 1), ("指标值", 1), ("单位", 1),
              (None, 1), ("单项指标得分", 1), ("权重占比", 1), ("折算得分", 1), (None, 1)),
    ]
    for k, (l1, l2, i) in enumerate(grouped(r["indicators"])):
        rows.append(cells((l1, 1), (l2, 1), (i["name"], 1), (x["description"][k], 1), (txt(i["comparator"]), 1),
                          (i["target"], 1), (txt(i["unit"]), 1), (i["actual"], 1), (i["score"], 1),
                          (x["share"][k], 1), (x["converted"][k], 1), (txt(i["reason"]), 1)))
    rows += [cells(("总分", 10), (r["total_score"], 1), ("", 1)), cells(("评价等级", 10), (r["grade"], 1), ("", 1))]
    widths = [1.2, 1.3, 1.9, 2.1, 1.0, 1.3, 1.0, 1.4, 1.3, 1.4, 1.2, 1.3]
    return [Form(["项目支出绩效自评表", f"（{r['year']}年度）"], rows, widths, [signature(x["people"], "2023年3月10日")])]


def transfer(exp: dict[str, Any]) -> list[Form]:
    x = EXTRAS["transfer"]
    (r,) = exp["reports"]
    rows: list[Row] = [
        cells(("转移支付（项目）名称", 2), (r["project_name"], 5)),
        cells(("中央主管部门", 2), (x["central"], 1), ("地方主管部门", 2), (x["department"], 2)),
        cells(("资金使用单位", 2), (x["implementer"], 5)),
        cells(("资金情况（万元）", 1), ("", 3), ("全年预算数（A）", 1), ("全年执行数（B）", 1), ("执行率（B/A）", 1)),
    ]
    for b in r["budget_lines"]:
        rows.append(cells((None, 1), (b["line"], 3), (b["adjusted"], 1), (b["executed"], 1), (b["rate"], 1)))
    for k, (label, text) in enumerate(x["management"]):
        rows.append(cells(("资金管理情况" if k == 0 else None, 1), (label, 2), (text, 4)))
    rows += [
        cells(("年度总体目标", 1), ("预期目标", 3), ("实际完成情况", 3)),
        cells((None, 1), (x["goal"], 3), (x["done"], 3)),
        cells(("绩效指标", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("年度指标值", 1),
              ("全年完成值", 1), ("未完成原因和改进措施", 1)),
    ]
    for l1, l2, i in grouped(r["indicators"]):
        rows.append(cells((None, 1), (l1, 1), (l2, 1), (i["name"], 1), (i["target"], 1), (i["actual"], 1),
                          (txt(i["reason"]), 1)))
    titles = ["中央对地方转移支付区域（项目）绩效目标自评表", f"（{r['year']}年度）"]
    return [Form(titles, rows, [1.2, 1.6, 2.0, 3.8, 2.4, 2.4, 4.0], [signature(x["people"], "2024年3月5日")])]


def county(exp: dict[str, Any]) -> list[Form]:
    x = EXTRAS["county"]
    (r,) = exp["reports"]
    rows: list[Row] = [
        cells(("专项资金名称", 2), (r["project_name"], 5)),
        cells(("主管部门", 2), (r["department"], 2), ("资金使用单位", 1), (x["implementer"], 2)),
        cells(("资金投入情况", 1), ("", 2), ("年初预算数", 1), ("全年预算数", 1), ("全年执行数", 1), ("执行率", 1)),
    ]
    for b in r["budget_lines"]:
        rows.append(cells((None, 1), (b["line"], 2), (b["initial"], 1), (b["adjusted"], 1), (b["executed"], 1),
                          (b["rate"], 1)))
    rows += [
        cells(("年度目标", 1), ("年初设定目标", 3), ("全年实际完成情况", 3)),
        cells((None, 1), (x["goal"], 3), (x["done"], 3)),
        cells(("绩效指标", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("年初设定目标", 1),
              ("全年实际完成情况", 1), ("未完成原因分析", 1)),
    ]
    for l1, l2, i in grouped(r["indicators"]):
        rows.append(cells((None, 1), (l1, 1), (l2, 1), (i["name"], 1), (i["target"], 1), (i["actual"], 1),
                          (txt(i["reason"]), 1)))
    rows.append(cells(("自评结论", 2), (x["conclusion"], 5)))
    return [Form(["县级专项资金绩效目标自评表", f"（{r['year']}年度）"], rows, [1.2, 1.6, 2.0, 3.4, 2.6, 2.6, 4.0],
                 [signature(x["people"], "2023年2月20日")])]


def _level1_weight(inds: list[dict[str, Any]], level1: str) -> str:
    total = sum(Decimal(i["weight"]) for i in inds if i["level1"] == level1)
    return f"{total:f}"


def national(exp: dict[str, Any]) -> list[Form]:
    """Two forms; the second with a 度 量 单 位 column and line-broken budget headers."""
    x = EXTRAS["national"]
    forms = []
    for k, r in enumerate(exp["reports"]):
        second = k == 1
        inds = r["indicators"]
        paren = "（{}分）" if second else "({}分)"

        def l1_label(ind: dict[str, Any], inds=inds, paren=paren) -> str:
            return ind["level1"] + paren.format(_level1_weight(inds, ind["level1"]))

        heads = (["年初\n预算数", "全年\n预算数", "全年\n执行数"] if second else ["年初预算数", "调整后预算数", "预算\n执行数"])
        rows: list[Row] = [
            cells(("项目名称", 2), (r["project_name"], 8)),
            cells(("主管部门", 2), (r["department"], 3), ("实施单位", 2), (x["implementer"][k], 3)),
            cells(("项目资金（万元）", 1), ("", 2), (heads[0], 1), (heads[1], 1), (heads[2], 1), ("分值", 1),
                  ("执行率", 1), ("得分", 2)),
        ]
        for b in r["budget_lines"]:
            rows.append(cells((None, 1), (b["line"], 2), (txt(b["initial"]), 1), (txt(b["adjusted"]), 1),
                              (txt(b["executed"]), 1), (txt(b["weight"]), 1), (txt(b["rate"]), 1),
                              (txt(b["score"]), 2)))
        rows += [cells(("年度总体目标", 1), ("预期目标", 5), ("实际完成情况", 4)),
                 cells((None, 1), (x["goal"][k], 5), (x["done"][k], 4))]
        if second:
            rows.append(cells(("绩效指标", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("年度指标值", 1),
                              ("度 量 单 位", 1), ("实际指标值", 1), ("指标分值", 1), ("评分结果", 1),
                              ("偏差原因分析及改进措施", 1)))
        else:
            rows.append(cells(("绩效指标", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("年度指标值", 1),
                              ("实际指标值", 1), ("指标分值", 1), ("自评分", 1), ("偏差原因分析及改进措施", 2)))
        for l1, l2, i in grouped(inds, l1_label):
            if second:
                rows.append(cells((None, 1), (l1, 1), (l2, 1), (i["name"], 1), (i["target"], 1), (txt(i["unit"]), 1),
                                  (i["actual"], 1), (i["weight"], 1), (i["score"], 1), (txt(i["reason"]), 1)))
            else:
                rows.append(cells((None, 1), (l1, 1), (l2, 1), (i["name"], 1), (i["target"], 1), (i["actual"], 1),
                                  (i["weight"], 1), (i["score"], 1), (txt(i["reason"]), 2)))
        lead, rest = (7, 1) if second else (6, 2)
        budget_weight = Decimal(r["budget_lines"][0]["weight"])
        total_weight = f"{budget_weight + sum(Decimal(i['weight']) for i in inds):f}"
        rows += [cells(("总分", lead), (total_weight, 1), (r["total_score"], 1), ("", rest)),
                 cells(("自评等级", lead), (r["grade"], 2 + rest))]
        widths = ([1.0, 1.5, 1.7, 2.4, 1.6, 1.5, 1.6, 1.5, 1.4, 3.2] if second
                  else [1.0, 1.6, 1.8, 2.7, 1.7, 1.7, 1.1, 1.5, 1.5, 2.8])
        forms.append(Form(["项目支出绩效自评表", f"（{r['year']}年度）"], rows, widths,
                          [signature(x["people"], "2022年3月18日")]))
    return forms


def execrow(exp: dict[str, Any]) -> list[Form]:
    """The budget block without 分值 / 得分; the budget's weight and score stated in a 预算执行率 row
    at the head of the indicator table (its label spanning the three level columns)."""
    x = EXTRAS["execrow"]
    (r,) = exp["reports"]
    total = r["budget_lines"][0]
    rows: list[Row] = [
        cells(("项目名称", 2), (r["project_name"], 7)),
        cells(("主管部门", 2), (r["department"], 3), ("实施单位", 1), (x["implementer"], 3)),
        cells(("项目资金（万元）", 1), ("", 2), ("年初预算数", 1), ("全年预算数", 1), ("全年执行数", 1), ("执行率", 3)),
    ]
    for b in r["budget_lines"]:
        rows.append(cells((None, 1), (b["line"], 2), (b["initial"], 1), (b["adjusted"], 1), (b["executed"], 1),
                          (b["rate"], 3)))
    rows += [
        cells(("年度总体目标", 1), ("预期目标", 4), ("实际完成情况", 4)),
        cells((None, 1), (x["goal"], 4), (x["done"], 4)),
        cells(("绩效指标", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("年度指标值", 1), ("实际完成值", 1),
              ("分值", 1), ("得分", 1), ("偏差原因分析及改进措施", 1)),
        cells((None, 1), ("预算执行率", 3), (x["execution_target"], 1), (total["rate"], 1), (total["weight"], 1),
              (total["score"], 1), ("", 1)),
    ]
    for l1, l2, i in grouped(r["indicators"]):
        rows.append(cells((None, 1), (l1, 1), (l2, 1), (i["name"], 1), (i["target"], 1), (i["actual"], 1),
                          (i["weight"], 1), (i["score"], 1), (txt(i["reason"]), 1)))
    rows += [cells(("总分", 6), ("100", 1), (r["total_score"], 1), ("", 1)), cells(("自评等级", 6), (r["grade"], 3))]
    return [Form(["项目支出绩效自评表", f"（{r['year']}年度）"], rows, [1.0, 1.7, 1.9, 3.0, 1.8, 1.8, 1.1, 1.5, 3.6],
                 [signature(x["people"], "2023年3月8日")])]


def synonyms(exp: dict[str, Any]) -> list[Form]:
    """Header wording of issue 9 §2 that no other family uses (预算安排情况（调整后）, 资金到位情况,
    资金执行情况, 预算执行进度（%）, 年初目标值, 全年实际完成值, 权重, 指标得分, 未完成原因分析), money
    in 元 with thousands separators, the rate as a bare number under a （%） header."""
    x = EXTRAS["synonyms"]
    (r,) = exp["reports"]
    rows: list[Row] = [
        cells(("项目名称", 2), (r["project_name"], 7)),
        cells(("主管部门", 2), (r["department"], 3), ("实施单位", 1), (x["implementer"], 3)),
        cells(("资金情况（元）", 1), ("", 2), ("预算安排情况（调整后）", 1), ("资金到位情况", 1), ("资金执行情况", 1),
              ("预算执行进度（%）", 1), ("权重", 1), ("得分", 1)),
    ]
    for b in r["budget_lines"]:
        rows.append(cells((None, 1), (b["line"], 2), (b["adjusted"], 1), (b["to_hand"], 1), (b["executed"], 1),
                          (b["rate"], 1), (b["weight"], 1), (b["score"], 1)))
    rows += [
        cells(("年度总体目标", 1), ("预期目标", 4), ("实际完成情况", 4)),
        cells((None, 1), (x["goal"], 4), (x["done"], 4)),
        cells(("绩效指标", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("年初目标值", 1), ("全年实际完成值", 1),
              ("权重", 1), ("指标得分", 1), ("未完成原因分析", 1)),
    ]
    for l1, l2, i in grouped(r["indicators"]):
        rows.append(cells((None, 1), (l1, 1), (l2, 1), (i["name"], 1), (i["target"], 1), (i["actual"], 1),
                          (i["weight"], 1), (i["score"], 1), (txt(i["reason"]), 1)))
    rows += [cells(("总分", 6), ("100", 1), (r["total_score"], 1), ("", 1)), cells(("评价等级", 6), (r["grade"], 3))]
    return [Form([f"项目支出绩效自评表（{r['year']}年度）"], rows, [1.0, 1.6, 1.8, 2.6, 2.2, 2.2, 1.5, 1.6, 2.9],
                 [signature(x["people"], "2025年2月28日")])]


def continued(exp: dict[str, Any]) -> list[Form]:
    """A long indicator table cut into two tables (续表 on the next page): the heading row repeated
    at the top of the second table, the level-1/level-2 labels written again there."""
    x = EXTRAS["continued"]
    (r,) = exp["reports"]
    heading = cells(("绩效指标", 1), ("一级指标", 1), ("二级指标", 1), ("三级指标", 1), ("年度指标值", 1),
                    ("实际完成值", 1), ("分值", 1), ("得分", 1), ("偏差原因分析及改进措施", 2))
    rows: list[Row] = [
        cells(("项目名称", 2), (r["project_name"], 8)),
        cells(("主管部门", 2), (r["department"], 3), ("实施单位", 2), (x["implementer"], 3)),
        cells(("项目资金（万元）", 1), ("", 2), ("年初预算数", 1), ("全年预算数", 1), ("全年执行数", 1), ("分值", 1),
              ("执行率", 1), ("得分", 2)),
    ]
    for b in r["budget_lines"]:
        rows.append(cells((None, 1), (b["line"], 2), (b["initial"], 1), (b["adjusted"], 1), (b["executed"], 1),
                          (b["weight"], 1), (b["rate"], 1), (b["score"], 2)))
    rows += [cells(("年度总体目标", 1), ("预期目标", 5), ("实际完成情况", 4)),
             cells((None, 1), (x["goal"], 5), (x["done"], 4))]
    k = x["split_after"]
    parts = (r["indicators"][:k], r["indicators"][k:])
    cut = 0
    for n, part in enumerate(parts):
        if n:
            cut = len(rows)
        rows.append(heading)
        for l1, l2, i in grouped(part):
            rows.append(cells((None, 1), (l1, 1), (l2, 1), (i["name"], 1), (i["target"], 1), (i["actual"], 1),
                              (i["weight"], 1), (i["score"], 1), (txt(i["reason"]), 2)))
    rows += [cells(("总分", 6), ("100", 1), (r["total_score"], 1), ("", 2)), cells(("自评等级", 6), (r["grade"], 4))]
    return [Form(["项目支出绩效自评表", f"（{r['year']}年度）"], rows, [1.0, 1.6, 1.8, 2.7, 1.7, 1.7, 1.1, 1.5, 1.5, 2.8],
                 [signature(x["people"], "2024年3月1日")], cut=cut)]


FAMILIES: dict[str, tuple[Callable[[dict[str, Any]], list[Form]], str]] = {
    "lettered": (lettered, "20-point budget block with lettered/formula headers 预算数（A） 执行数（B） 执行率（B/A） "
                 "得分（20分*执行率）; 得分 per indicator and no weight column; 总分 and 自评等级 rows; a second form "
                 "with units and formulas in the headers (全年预算数（A）（万元）, 执行率（B/A×100%）, 得分（20分×执行率）) "
                 "and lettered indicator headers (年度指标值（A）, 实际完成值（B）, 得分（C）)"),
    "tworow": (tworow, "two-row indicator header: 预期指标值 over 指标描述/符号/指标值/单位, 自评得分 over "
               "单项指标得分/权重占比/折算得分 (no weight column: 权重占比 is a share, 单项指标得分 the score); "
               "budget block as label–value pairs 预算数 x | 到位数 y | 执行数 z | 执行进度 % | 得分 s, 10 points in the title"),
    "transfer": (transfer, "转移支付 区域（项目）绩效目标自评表: 全年预算数（A）/全年执行数（B）/执行率（B/A）, a "
                 "资金管理情况 block (no budget lines), 年度指标值/全年完成值/未完成原因和改进措施, no weights, scores, "
                 "total or grade; 中央 and 地方 主管部门"),
    "county": (county, "县级专项资金绩效目标自评表: 年初设定目标/全年实际完成情况 both as goal-block and indicator headers, "
               "money with the unit inside the cell (3359.62万), no weights, scores, total or grade"),
    "national": (national, "national-style wording variants (调整后预算数, 预算执行数, 指标分值, 自评分, 实际指标值, "
                 "评分结果, 偏差原因分析及改进措施), line breaks and spaces inside header words (全年\\n预算数, 度 量 单 位), "
                 "level-1 weights in the label (产出指标(50分), 效益指标（30分）), two forms in one file"),
    "execrow": (execrow, "budget block without 分值/得分 columns; the budget's weight and score stated in a 预算执行率 "
                "row at the head of the indicator table (label spanning the level columns), which belong on the "
                "total budget line"),
    "synonyms": (synonyms, "header wording no other family uses (预算安排情况（调整后）, 资金到位情况, 资金执行情况, "
                 "预算执行进度（%）, 年初目标值, 全年实际完成值, 权重, 指标得分, 未完成原因分析), money in 元 with "
                 "thousands separators (2,500,000.00; XLSX: numbers with #,##0.00), the rate a bare number under a "
                 "（%） header, a 单位自筹 line"),
    "continued": (continued, "a long indicator table cut in two: 续表 on the next page, the heading row repeated at "
                  "the top of the second table and the 产出指标 / 时效指标 labels written again there (XLSX: the 续表 "
                  "and heading rows inside the sheet): ONE report, no indicator row from the repeated heading"),
}


# ---------------------------------------------------------------- writers
def write_docx(forms: list[Form], path: Path) -> None:
    d = new_document()
    for k, f in enumerate(forms):
        add_title(d, f.titles[0], page_break=k > 0)
        for t in f.titles[1:]:
            p = d.add_paragraph(t)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if f.cut is None:
            add_grid_table(d, f.rows, f.widths)
        else:
            add_grid_table(d, f.rows[: f.cut], f.widths)
            p = d.add_paragraph()
            p.add_run().add_break(WD_BREAK.PAGE)
            p.add_run(f.cut_title)
            add_grid_table(d, f.rows[f.cut :], f.widths)
        for t in f.after:
            d.add_paragraph(t)
    save(d, path)


def write_txt(forms: list[Form], path: Path) -> None:
    """The cell-per-line dump dialect (see the module docstring).  A paragraph after a table is
    preceded by two blank lines, as in corpus/seed-004 (with one, the dialect would read a
    one-line paragraph as the second line of the table's last cell)."""
    out: list[str] = []
    in_table = False

    def para(line: str) -> None:
        nonlocal in_table
        if in_table:
            out.append("")
            in_table = False
        out.append(line)

    for k, f in enumerate(forms):
        if k:
            out.append("")
        for t in f.titles:
            para(t)
        for n, row in enumerate(f.rows):
            if n == f.cut:
                para(f.cut_title)
            for j, item in enumerate(row):
                if not isinstance(item, Cell):
                    out.append("\t")
                    continue
                lines = item.text.split("\n")
                if len(lines) > 2 or (len(lines) == 2 and j == len(row) - 1):
                    raise ValueError(f"the dump dialect cannot hold this line-broken cell: {item.text!r}")
                out.append("\t" + lines[0])
                if len(lines) == 2:
                    out += ["", lines[1]]
            out.append("")
            in_table = True
        for t in f.after:
            para(t)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(("\n".join(out) + "\n").encode("utf-8"))


def write_xlsx(forms: list[Form], path: Path) -> None:
    """One sheet per form; title and signature lines in merged rows."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for k, f in enumerate(forms):
        ws = wb.create_sheet(f"表{k + 1}")
        n = len(f.widths)
        for j, t in enumerate(f.titles):
            ws.cell(row=j + 1, column=1, value=t)
            ws.merge_cells(start_row=j + 1, start_column=1, end_row=j + 1, end_column=n)
        top = len(f.titles) + 1
        rows = f.rows if f.cut is None else [*f.rows[: f.cut], cells((f.cut_title, n)), *f.rows[f.cut :]]
        for r, col, r_end, cell in merged_rectangles(rows):
            put_cell(ws, r + top, col + 1, cell.text)
            if r_end > r or cell.span > 1:
                ws.merge_cells(start_row=r + top, start_column=col + 1, end_row=r_end + top,
                               end_column=col + cell.span)
        foot = top + len(rows)
        for j, t in enumerate(f.after):
            ws.cell(row=foot + j, column=1, value=t)
            ws.merge_cells(start_row=foot + j, start_column=1, end_row=foot + j, end_column=n)
    wb.properties.created = wb.properties.modified = _FIXED
    buf = io.BytesIO()
    wb.save(buf)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_fixed_zip(buf.getvalue()))


_THOUSANDS = re.compile(r"^\d{1,3}(?:,\d{3})+\.(\d+)$")


def put_cell(ws: Any, row: int, col: int, text: str) -> None:
    """``make_xlsx_corpus.put``, and 2,500,000.00 stored as a number with format #,##0.00."""
    put(ws, row, col, text)
    m = _THOUSANDS.match(text.strip())
    if m:
        c = ws.cell(row=row, column=col)
        c.value = float(Decimal(text.replace(",", "")))
        c.number_format = "#,##0." + "0" * len(m.group(1))


def fixture_names(family: str) -> list[str]:
    """Fictional names this family's files carry beyond expected.json (implementers, departments, people)."""
    x = EXTRAS[family]
    out: list[str] = []
    for key in ("implementer", "department", "people"):
        v = x.get(key)
        out += [v] if isinstance(v, str) else list(v or [])
    return out


def write_meta(case: Path, family: str, fmt: str, exercises: str, origin: str) -> None:
    names = ", ".join(json.dumps(s, ensure_ascii=False) for s in fixture_names(family))
    lines = [
        f'origin = "{origin}"',
        f'family = "{family}"',
        f'format = "{fmt}"',
        f'expected = "family-{family}"',
        f'exercises = "{exercises}"',
        f"names = [{names}]",
    ]
    (case / "meta.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def build(root: Path = CORPUS, *, pdf: bool = False, families: list[str] | None = None) -> list[Path]:
    """Write every family case under ``root``; returns the report files written."""
    written = []
    for family in families or list(FAMILIES):
        layout, exercises = FAMILIES[family]
        forms = layout(load_expected(family))
        for fmt in FORMATS:
            if fmt == "pdf" and not pdf:
                continue
            case = root / f"family-{family}-{fmt}"
            case.mkdir(parents=True, exist_ok=True)
            target = case / f"report.{fmt}"
            origin = ORIGIN
            if fmt == "txt":
                write_txt(forms, target)
            elif fmt == "docx":
                write_docx(forms, target)
            elif fmt == "xlsx":
                write_xlsx(forms, target)
            else:
                src = root / f"family-{family}-docx" / "report.docx"
                docx_to_pdf(src, target)
                origin = f"{ORIGIN}; family-{family}-docx/report.docx converted by LibreOffice headless"
            write_meta(case, family, fmt, exercises, origin)
            written.append(target)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pdf", action="store_true", help="also convert the DOCX to PDF with LibreOffice")
    ap.add_argument("--out", type=Path, default=CORPUS, help="corpus root to write to (default: corpus/)")
    a = ap.parse_args()
    for p in build(a.out, pdf=a.pdf):
        print(p)


if __name__ == "__main__":
    main()
