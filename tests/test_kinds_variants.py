"""Document kinds on variants written after the mechanism, in wordings the corpus does not use
(项目绩效目标表 with a single 指标值 column, a 再评价报告 with 指标分值 / 实际得分, a 决算公开 as a
pdftotext-style dump, a blank 部门整体支出绩效自评表).  Each kind, status and field value was
checked by hand against the text below."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.model import DocumentKind as K
from jixiao.pipeline import path_to_document

TA = '''\
2024年度项目绩效目标表

| 项目名称 | 城区绿化养护项目 | 主管部门 | 某市园林局 |
| 实施单位 | 某市园林绿化中心 | 项目期限 | 2024年 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
| 产出指标 | 数量指标 | 养护绿地面积 | ≥120万平方米 |
| 产出指标 | 质量指标 | 苗木成活率 | ≥95% |
| 效益指标 | 生态效益指标 | 城区绿化覆盖率 | ≥42% |
| 满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥90% |
'''

RE = '''\
某县2021年度扶贫专项资金再评价报告

一、评价结论
综合评价得分76.5分，评价等级为“中”。

二、评价指标体系得分情况

| 一级指标 | 二级指标 | 三级指标 | 指标分值 | 实际得分 |
| 决策 | 项目立项 | 立项规范性 | 8 | 6 |
| 决策 | 绩效目标 | 目标合理性 | 7 | 5 |
| 过程 | 资金管理 | 资金使用合规性 | 15 | 12 |
| 过程 | 组织实施 | 制度执行 | 15 | 11 |
| 产出 | 产出数量 | 帮扶户数完成率 | 30 | 25.5 |
| 效益 | 社会效益 | 贫困户收入增长 | 25 | 17 |
| 合计 | | | 100 | 76.5 |
'''

FA = '''\
某区教育局2022年度部门决算公开

第一部分 部门概况
一、主要职能：负责全区教育事业发展规划。

第二部分 2022年度部门决算表

    项目                  行次      金额
    一般公共预算财政拨款收入  1    5,678.90
    事业收入               2      120.00
    本年收入合计            3    5,798.90

第三部分 2022年度部门决算情况说明
五、预算绩效情况说明：本部门对重点项目开展了绩效自评，自评结果较好，并委托第三方机构对学生资助项目开展了重点绩效评价。
'''

BL = '''\
部门整体支出绩效自评表

| 部门名称 | | | |
| 年度预算（万元） | 年初预算数 | 全年预算数 | 全年执行数 |
| 年度资金总额 | | | |
| 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
| 产出指标 | 数量指标 | | | | | |
| 效益指标 | 社会效益指标 | | | | | |
填报人：          联系电话：
'''



def _read(tmp_path: Path, text: str):
    f = tmp_path / "r.txt"
    f.write_text(text, encoding="utf-8")
    return path_to_document(f, "r.txt", rules=False)


def test_target_table_with_one_value_column(tmp_path: Path) -> None:
    doc = _read(tmp_path, TA)
    (r,) = doc.reports
    assert (doc.kind, r.kind, r.project_name.text) == (K.TARGET_DECLARATION, K.TARGET_DECLARATION, "城区绿化养护项目")
    assert [(i.name, i.target.raw) for i in r.indicators] == [
        ("养护绿地面积", "≥120万平方米"), ("苗木成活率", "≥95%"), ("城区绿化覆盖率", "≥42%"), ("市民满意度", "≥90%")]
    assert all(i.actual is None and i.score is None for i in r.indicators)


def test_re_evaluation_report(tmp_path: Path) -> None:
    doc = _read(tmp_path, RE)
    (r,) = doc.reports
    assert r.kind == K.EVALUATION_REPORT and r.project_name.text == "某县扶贫专项资金"
    assert [(i.level1, i.name, i.weight.raw, i.score.raw) for i in r.indicators][::5] == [
        ("决策", "立项规范性", "8", "6"), ("效益", "贫困户收入增长", "25", "17")]
    assert sum(i.score.value for i in r.indicators) == Decimal("76.5") == r.total_score.value
    assert r.grade.text == "中"


def test_final_accounts_dump(tmp_path: Path) -> None:
    doc = _read(tmp_path, FA)
    assert (doc.status, doc.kind, doc.error) == ("not_report", K.FINAL_ACCOUNTS, "部门决算报告，未包含绩效自评表")


def test_blank_department_template(tmp_path: Path) -> None:
    doc = _read(tmp_path, BL)
    assert (doc.status, doc.kind, doc.reports) == ("not_report", K.BLANK_TEMPLATE, [])


def test_target_table_title_gives_the_year(tmp_path: Path) -> None:
    f = tmp_path / "t.md"
    f.write_text("# 项目支出绩效目标表（2025年度）\n\n| 项目名称 | 高标准农田建设 | |\n|---|---|---|\n"
                 "| 一级指标 | 三级指标 | 指标值 |\n| 产出指标 | 新建高标准农田面积 | ≥1万亩 |\n"
                 "| 满意度指标 | 受益农户满意度 | ≥90% |\n", encoding="utf-8")
    doc = path_to_document(f, "t.md", rules=False)
    (r,) = doc.reports
    assert (doc.kind, r.year, len(r.indicators)) == (K.TARGET_DECLARATION, 2025, 2)
