"""The role catalogue (normalize/data/roles.toml): validated at load, the only source of roles."""

from __future__ import annotations

import ast
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from jixiao.assemble.budget import row_to_line
from jixiao.assemble.classify import row_to_header
from jixiao.assemble.indicators import IndicatorReader
from jixiao.assemble.tableview import Slot
from jixiao.export.schema import TABLES
from jixiao.extract.raw import RawTable
from jixiao.model import BudgetLine, Indicator, Kind, Provenance, Quantity
from jixiao.normalize.header_text import normalize_header
from jixiao.normalize.roles import Catalogue, Role, all_roles, display, fields_of, roles_in, spec, wordings

ROOT = Path(__file__).resolve().parent.parent


def _raw() -> dict[str, Any]:
    text = resources.files("jixiao.normalize").joinpath("data", "roles.toml").read_text("utf-8")
    return tomllib.loads(text)


def test_role_enum_is_the_catalogue() -> None:
    assert [r.value for r in Role] == [s.id for s in all_roles()]
    assert Role("weight") == "weight"
    assert spec("adjusted").field == "adjusted" and spec("adjusted").kind == "money"
    assert display("adjusted") == "调整后预算" and display("adjusted", "en") == "adjusted budget"
    assert roles_in("budget", ("money",)) == ("initial", "adjusted", "to_hand", "executed", "balance")
    assert fields_of("indicator")["nature"] == "comparator"


def test_every_model_field_is_declared() -> None:
    data = _raw()
    for block, model in (("budget", BudgetLine), ("indicator", Indicator)):
        declared = {f for r in data["role"] if block in r["blocks"] for f in [r["field"]] if f}
        assert declared | set(data["derived"][block]) == set(model.model_fields)


def test_unknown_key_rejected() -> None:
    data = _raw()
    data["role"][0]["synonyms"] = ["x"]
    with pytest.raises(ValidationError, match="synonyms"):
        Catalogue.model_validate(data)


def test_unknown_field_rejected() -> None:
    data = _raw()
    data["role"][0]["field"] = "no_such_field"
    with pytest.raises(ValidationError, match="no_such_field"):
        Catalogue.model_validate(data)


def test_uncovered_model_field_rejected() -> None:
    data = _raw()
    data["role"] = [r for r in data["role"] if r["id"] != "balance"]
    with pytest.raises(ValidationError, match="balance"):
        Catalogue.model_validate(data)


def test_wording_with_two_roles_rejected() -> None:
    data = _raw()
    data["role"][2]["headers"].append("执行率（B/A）")  # initial, in the budget block, like rate
    with pytest.raises(ValidationError, match="names"):
        Catalogue.model_validate(data)


def test_wider_vocabulary_of_issue_9() -> None:
    cases = {
        "indicator": {
            "target": ["年度指标值", "年初目标值", "年初设定目标", "预期指标值", "指标值"],
            "actual": ["实际完成值", "全年完成值", "全年实际完成值", "单项指标实际完成值", "实际指标值", "业绩值"],
            "weight": ["分值", "权重", "指标分值"],
            "score": ["得分", "自评得分", "自评分", "评分结果", "指标得分"],
            "reason": ["未完成原因分析", "偏差原因分析及改进措施", "未完成原因和改进措施"],
        },
        "budget": {
            "adjusted": ["预算数", "全年预算数", "调整后预算数", "预算安排情况（调整后）"],
            "executed": ["执行数", "全年执行数", "预算执行数", "资金执行情况"],
            "to_hand": ["到位数", "资金到位情况"],
            "rate": ["执行率", "预算执行进度（%）"],
        },
    }
    from jixiao.normalize.headers import header_role

    for block, roles in cases.items():
        for role, words in roles.items():
            for w in words:
                assert header_role(w, block) == role, (w, block)


def test_wordings_are_normalized_keys() -> None:
    for block in ("budget", "indicator", "form"):
        for key in wordings(block):
            assert key and " " not in key
        assert all(normalize_header(w) in wordings(b) for r in all_roles() for b in r.blocks for w in r.headers)


# --- the catalogue is the only source ----------------------------------------------------------

# the readers and mappers of the labelled-table stage: no role list of their own
_READERS = ["jixiao/assemble/classify.py", "jixiao/assemble/reader.py", "jixiao/assemble/budget.py",
            "jixiao/assemble/indicators.py", "jixiao/assemble/header_fields.py", "jixiao/assemble/merge.py",
            "jixiao/assemble/label.py", "jixiao/assemble/label_model.py", "jixiao/assemble/label_profile.py",
            "jixiao/normalize/headers.py", "jixiao/rules/budget.py"]


def _role_lists(path: Path) -> list[tuple[int, list[str]]]:
    ids = {r.value for r in Role}
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        elts: list[ast.expr] = []
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            elts = list(node.elts)
        elif isinstance(node, ast.Dict):
            elts = [k for k in node.keys if k is not None]
        vals = [e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        if len(vals) >= 3 and len(vals) == len(elts) and all(v in ids for v in vals):
            out.append((node.lineno, vals))
    return out


def test_readers_hold_no_role_lists() -> None:
    found = {p: _role_lists(ROOT / p) for p in _READERS if (ROOT / p).exists()}
    assert {p: v for p, v in found.items() if v} == {}


def test_the_check_finds_a_role_list(tmp_path: Path) -> None:
    p = tmp_path / "x.py"
    p.write_text('ROLES = ("initial", "adjusted", "executed")\n', encoding="utf-8")
    assert _role_lists(p) == [(1, ["initial", "adjusted", "executed"])]


def _slots(texts: list[str], r: int) -> list[Slot]:
    return [Slot(t, None, r, k) for k, t in enumerate(texts)]


def test_budget_reader_enumerates_every_budget_role() -> None:
    """A header naming every budget role by its first wording: each field is read."""
    roles = [r for r in roles_in("budget", with_field=True)]
    header = row_to_header(_slots([spec(r).headers[0] for r in roles], 0))
    assert header is not None and header.block == "budget"
    assert header.roles == roles
    values = ["总额" if r == "line" else ("原因文字" if spec(r).kind == "text" else "12.5") for r in roles]
    table = RawTable(index=0, table=0, n_rows=2, n_cols=len(roles), cells=[], dialect="cells",
                     prov=Provenance(source="t.txt"))
    line = row_to_line(header, _slots(values, 1), 0, "t.txt", table)
    assert line is not None
    for r in roles:
        v = getattr(line, spec(r).field)
        assert v is not None, r
        if isinstance(v, Quantity):
            assert v.kind != Kind.EMPTY and v.value is not None, r


def test_indicator_reader_enumerates_every_indicator_role() -> None:
    roles = [r for r in roles_in("indicator", with_field=True)]
    header = row_to_header(_slots([spec(r).headers[0] for r in roles], 0))
    assert header is not None and header.block == "indicator"
    assert header.roles == roles
    sample = {"label": "数量指标", "comparator": "≥", "unit": "人", "text": "原因文字"}
    values = [sample.get(spec(r).kind, "12") for r in roles]
    table = RawTable(index=0, table=0, n_rows=2, n_cols=len(roles), cells=[], dialect="cells",
                     prov=Provenance(source="t.txt"))
    res = IndicatorReader(header, "t.txt", table).row_to_result(_slots(values, 1), 0)
    ind = res.indicator
    assert ind is not None
    for r in roles:
        assert getattr(ind, spec(r).field) not in (None, ""), r


# fields the export does not carry (none now: mid_target, weight_share, converted_score are exported)
_NOT_EXPORTED: dict[str, set[str]] = {}


@pytest.mark.parametrize(("table", "block"), [("budget_lines", "budget"), ("indicators", "indicator")])
def test_export_schema_covers_every_role_field(table: str, block: str) -> None:
    cols = {c for c, _ in TABLES[table]}
    for role, field in fields_of(block).items():
        if field in _NOT_EXPORTED.get(table, set()):
            assert not {field, f"{field}_raw", f"{field}_value"} & cols  # drop the exemption once exported
            continue
        names = {field, f"{field}_raw", f"{field}_value", f"{field}_pct"}
        assert names & cols, (table, role, field)
