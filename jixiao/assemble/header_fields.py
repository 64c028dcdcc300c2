"""Form label cells → report header fields.

项目名称 / 主管部门 / 实施单位 / 年度 / 项目年度目标 / 年度目标完成情况 / 评价结论 /
存在问题 / 改进措施 take their value from the cell to the right, or — when the label
stands in a row of labels — from the cell below.  The total row (合计/总分/总计)
gives total weight, total score and possibly a grade; the 评价等级 row a grade.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jixiao.assemble import patterns as P
from jixiao.assemble.classify import BLOCK_LABEL_ROLES, Header
from jixiao.assemble.tableview import Slot, distinct
from jixiao.assemble.values import clean_text, grade_word, is_number, quantity, text_item
from jixiao.assemble.vocab import is_score_total
from jixiao.model import Kind, Provenance, Quantity, TextItem
from jixiao.normalize.headers import header_role
from jixiao.normalize.roles import fields_of, roles_in

# form role → Report field of the labels whose value is text; the project name (a code
# may lead it) and the grade (a grade word) are read by their own code below
TEXT_FIELDS = {r: f for r, f in fields_of("form", ("text",)).items() if r not in ("project_name", "grade")}
_SKIP = BLOCK_LABEL_ROLES | frozenset(roles_in("form", ("none",)))


@dataclass
class HeaderFields:
    """Header fields found so far; the first statement of each wins."""

    values: dict[str, Any] = field(default_factory=dict)

    def put(self, name: str, value: Any) -> None:
        if value is not None and name not in self.values:
            self.values[name] = value


def form_role(text: str | None) -> str | None:
    return header_role(text, "form")


def split_project_code(text: str) -> tuple[str | None, str]:
    """"12345678T000000000001-某某补助资金" → ("12345678T000000000001", "某某补助资金")."""
    m = P.PROJECT_CODE.match(text)
    if m:
        return m.group("code"), m.group("name").strip()
    return None, text


def year_of(text: str | None, title: bool = False) -> int | None:
    t = clean_text(text)
    m = (P.YEAR_IN_TITLE if title else P.YEAR).search(t)
    return int(m.group("year")) if m else None


def _put_value(fields: HeaderFields, role: str, slot: Slot, value_text: str | None = None) -> None:
    text = clean_text(slot.text) if value_text is None else value_text.strip()
    prov = slot.prov
    if role == "project_name":
        if not text:
            return
        code, name = split_project_code(text)
        fields.put("project_name", TextItem(text=name, prov=prov))
        if code:
            fields.put("project_code", code)
    elif role == "year":
        fields.put("year", year_of(text))
    elif role in TEXT_FIELDS:
        fields.put(TEXT_FIELDS[role], text_item(slot.text if value_text is None else value_text, prov))


def _total(fields: HeaderFields, rest: list[Slot], header: Header | None, row: list[Slot],
           score_only: bool = False) -> None:
    """合计 | weight | score [| grade] — by the indicator header's columns when the row
    lines up with it, else in order; "总分 | 95" (``score_only``, one value) is a score."""
    weight: Quantity | None = None
    score: Quantity | None = None
    label = next((s.cell for s in row if not s.empty and not s.from_above), None)
    cw = cs = None
    if header is not None and header.block == "indicator" and len(row) == header.width:
        cw, cs = header.col("weight"), header.col("score")
        if any(k is not None and row[k].cell is label for k in (cw, cs)):
            cw = cs = None  # the label cell spans the weight/score columns: read the values in order
    if cw is not None or cs is not None:
        if cw is not None:
            weight = quantity(row[cw].text, row[cw].prov)
        if cs is not None:
            score = quantity(row[cs].text, row[cs].prov)
        if score_only and all(q is None or q.kind == Kind.EMPTY for q in (weight, score)):
            # a score label (总分) with nothing under the weight/score columns: its one number
            # before the next form label is the score ("总分 | 94.6 | 评价等级 | 优")
            upto = next((i for i, s in enumerate(rest) if not s.empty and form_role(s.text) is not None), len(rest))
            numbers = [s for s in rest[:upto] if not s.empty and not s.from_above and is_number(s.text)]
            if len(numbers) == 1:
                weight, score = None, quantity(numbers[0].text, numbers[0].prov)
    else:
        vals = [s for s in rest if not s.from_above]
        numbers = [s for s in vals if not s.empty and is_number(s.text)]
        if score_only and len(numbers) == 1:
            vals = [Slot(""), numbers[0]]
            weight = None
        elif len(vals) >= 1:
            weight = quantity(vals[0].text, vals[0].prov)
        if len(vals) >= 2:
            score = quantity(vals[1].text, vals[1].prov)
            if weight is not None and weight.kind == Kind.EMPTY and score_only:
                weight = None
    fields.put("total_weight", weight)
    fields.put("total_score", score)
    _grade(fields, rest)


def _grade(fields: HeaderFields, rest: list[Slot]) -> None:
    for s in rest:
        if not s.empty and not is_number(s.text) and grade_word(s.text):
            fields.put("grade", TextItem(text=clean_text(s.text), prov=s.prov))
            return


def row_to_fields(fields: HeaderFields, row: list[Slot], below: list[Slot] | None, header: Header | None,
                  scored_table: bool = True) -> None:
    """Read every label of a form row into ``fields``.  A total row (合计/总分/总计)
    counts only in a table that holds an indicator block (``scored_table``): a 合计
    row of a money table is no score total."""
    cells = [(k, s) for k, s in distinct(row) if not s.from_above]
    i = 0
    while i < len(cells):
        k, s = cells[i]
        role = form_role(s.text)
        if role is None or role in _SKIP:
            i += 1
            continue
        rest = [c for _, c in cells[i + 1:]]
        if role == "total":
            if scored_table:
                _total(fields, rest, header, row, score_only=is_score_total(s.text))
            return
        if role == "grade":
            _grade(fields, rest)
            return
        m = P.LABEL_VALUE.match(clean_text(s.text))
        if m and m.group("value") and form_role(m.group("label")) == role:
            _put_value(fields, role, s, m.group("value"))
            i += 1
            continue
        nxt = cells[i + 1][1] if i + 1 < len(cells) else None
        if nxt is not None and form_role(nxt.text) is None:
            _put_value(fields, role, nxt)
            i += 2
            continue
        if below is not None and k < len(below) and form_role(below[k].text) is None:
            _put_value(fields, role, below[k])
        i += 1


def title_fields(fields: HeaderFields, text: str, prov: Provenance) -> None:
    """A form title paragraph: the year in "（2024年度）"."""
    fields.put("year", year_of(text, title=True))
