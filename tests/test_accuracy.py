"""benchmarks/accuracy_compare.py, the comparison behind benchmarks/accuracy.py, on small hand-made
pairs whose right/wrong counts are known (docs/accuracy.md).  No accuracy threshold of today's
jixiao is asserted here: the benchmark prints those."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from accuracy import expected_file, measured_cases  # noqa: E402
from accuracy_compare import (  # noqa: E402
    field_right,
    flatten_report,
    score_reports,
    validate_expected,
)

from jixiao.model import BudgetLine, Indicator, LineKind, Quantity, Report, TextItem  # noqa: E402


@pytest.mark.parametrize(
    ("key", "expected", "got", "right"),
    [
        ("name", "补助人数（人）", "补助人数(人)", True),  # full/half width
        ("name", "度量单位", "度 量\n单 位", True),  # whitespace inside words
        ("name", "补助人数", "补助人员数", False),
        ("score", "9.50", "9.5", True),  # Decimals by value
        ("score", "9.50", {"raw": "9.5分", "value": Decimal("9.5")}, True),  # raw with a unit: by value
        ("weight", "20", {"raw": "（20分）", "value": Decimal("20")}, True),
        ("weight", "20", {"raw": "（25分）", "value": Decimal("25")}, False),
        ("rate", "95.00%", "95%", True),
        ("rate", "95%", "95", False),  # a percent is not the bare number
        ("score", "—", "—", True),
        ("score", "—", "", False),
        ("weight", None, None, True),  # the template has no such field and none was read
        ("weight", None, "", True),
        ("weight", None, "100", False),  # a value where the template has none: wrong
        ("target", "≥45处", None, False),
        ("comparator", "≥", "≧", True),
        ("comparator", "≥", ">=", True),
        ("comparator", "≤", "不超过", True),
        ("comparator", "≥", "≤", False),
        ("comparator", "=", "＝", True),
        ("year", 2023, 2023, True),
        ("year", 2023, 2022, False),
        ("line", "其中：财政拨款", "其中:财政拨款", True),
    ],
)
def test_field_comparison(key: str, expected: object, got: object, right: bool) -> None:
    assert field_right(key, expected, got) is right


EXPECTED = {
    "family": "toy",
    "reports": [
        {
            "project_name": "甲项目",
            "year": 2023,
            "total_score": "95",
            "grade": None,
            "budget_lines": [{"line": "年度资金总额", "kind": "total", "adjusted": "10.00", "executed": "9.50",
                              "rate": "95.00%", "weight": "10", "score": "9.50"}],
            "indicators": [
                {"level1": "产出指标", "name": "培训人数", "comparator": "≥", "target": "≥50人次", "actual": "52人次",
                 "weight": None, "score": "20"},
                {"level1": "满意度指标", "name": "满意度", "target": "≥90%", "actual": "93%", "score": "10"},
            ],
        }
    ],
}


def _got(**over: object) -> dict:
    rep = {
        "project_name": "甲项目", "department": "某局", "year": 2023,
        "total_score": {"raw": "95.00", "value": Decimal("95.00")}, "grade": None,
        "budget_lines": [{"line": "年度资金总额", "kind": "total", "initial": None, "adjusted": "10.00",
                          "to_hand": None, "executed": "9.50", "rate": "95.00%", "weight": "10", "score": "9.5"}],
        "indicators": [
            # right except the weight: a value column read as the weight
            {"level1": "产出指标", "level2": "数量指标", "name": "培训人数", "comparator": "≥", "unit": None,
             "target": "≥50人次", "mid_target": None, "actual": "52人次", "weight": "52", "score": "20",
             "reason": None},
            {"level1": "产出指标", "level2": None, "name": "数量指标", "comparator": None, "unit": None,
             "target": None, "mid_target": None, "actual": None, "weight": None, "score": None, "reason": None},
        ],
    }
    rep.update(over)
    return rep


def test_a_known_pair_gives_known_counts() -> None:
    s = score_reports(EXPECTED, [_got()], errors=2)
    # report 4 fields (grade null and empty: right) + budget 7 (score 9.5 by value) + indicator 1: 6 of 7
    # (weight wrong) + indicator 2 missing: 0 of 5
    assert (s.fields, s.right) == (4 + 7 + 7 + 5, 4 + 7 + 6)
    assert (s.values, s.values_right) == (3 + 7 + 6 + 5, 3 + 7 + 6)
    assert (s.indicators, s.missing_indicators, s.spurious_indicators) == (2, 1, 1)
    assert (s.missing_reports, s.spurious_reports, s.spurious_budget_lines, s.errors) == (0, 0, 0, 2)
    assert "报告1 指标1（培训人数）.weight: 应为 ∅，读出 52" in s.wrong
    assert any("指标2（满意度）.target" in w and "缺行" in w for w in s.wrong)


def test_rows_are_paired_by_content_when_the_name_was_misread() -> None:
    got = _got()
    misread = dict(got["indicators"][0], name="培训人")  # name cut, everything else right
    got["indicators"] = [misread]
    s = score_reports(EXPECTED, [got])
    assert (s.missing_indicators, s.spurious_indicators) == (1, 0)  # 满意度 missing, 培训人 paired
    assert "报告1 指标1（培训人数）.name: 应为 培训人数，读出 培训人" in s.wrong


def test_a_budget_execution_row_among_the_indicators_is_not_spurious() -> None:
    got = _got()
    row = dict(got["indicators"][1], name="预算执行率", level1=None, target="100%", actual="95%")
    got["indicators"] = [got["indicators"][0], row]
    s = score_reports(EXPECTED, [got])
    assert (s.missing_indicators, s.spurious_indicators) == (1, 0)


def test_missing_and_spurious_reports() -> None:
    s = score_reports(EXPECTED, [])
    assert (s.missing_reports, s.right, s.missing_indicators) == (1, 0, 2)
    s = score_reports(EXPECTED, [_got(), _got(project_name="乙项目")])
    assert s.spurious_reports == 1


def test_budget_lines_without_label_pair_by_kind() -> None:
    exp = {"family": "toy", "reports": [{"project_name": "甲项目", "budget_lines": [
        {"kind": "total", "adjusted": "86.40", "to_hand": "86.40"}]}]}
    got = _got()
    got["budget_lines"] = [dict(got["budget_lines"][0], line="资金情况", adjusted="86.4", to_hand="86.40")]
    s = score_reports(exp, [got])
    assert (s.fields, s.right, s.spurious_budget_lines) == (1 + 3, 1 + 3, 0)


def test_flatten_reads_the_model() -> None:
    rep = Report(
        seq=0, project_name=TextItem(text="甲项目"), year=2023,
        budget_lines=[BudgetLine(seq=0, line="年度资金总额", kind=LineKind.TOTAL,
                                 rate=Quantity(raw="95.00%", value=Decimal("95.00"), unit="%"))],
        indicators=[Indicator(seq=0, name="培训人数", comparator="≥",
                              target=Quantity(raw="≥50人次", value=Decimal(50)))],
    )
    flat = flatten_report(rep)
    assert flat["budget_lines"][0]["kind"] == "total"
    assert flat["indicators"][0]["target"] == {"raw": "≥50人次", "value": Decimal(50)}
    exp = {"family": "toy", "reports": [{"project_name": "甲项目", "year": 2023,
                                         "budget_lines": [{"line": "年度资金总额", "kind": "total", "rate": "95%"}],
                                         "indicators": [{"name": "培训人数", "comparator": "≥", "target": "≥50人次",
                                                         "score": None}]}]}
    s = score_reports(exp, [flat])
    assert (s.fields, s.right) == (2 + 3 + 4, 2 + 3 + 4)


def test_validation_names_each_problem() -> None:
    assert validate_expected(EXPECTED) == []
    bad = {"family": "toy", "extra": 1, "reports": [
        {"project_name": "甲", "year": "2023", "colour": "x",
         "budget_lines": [{"line": "合计", "kind": "sum", "adjusted": 10}],
         "indicators": [{"target": "1", "weight_share": "10%"}]}]}
    errs = validate_expected(bad)
    assert "unknown top-level key 'extra'" in errs
    assert "报告1.year: an integer or null" in errs
    assert "报告1: unknown key 'colour'" in errs
    assert any(e.startswith("报告1 预算行1.kind") for e in errs)
    assert "报告1 预算行1.adjusted: a string or null" in errs
    assert "报告1 指标1.name: required (a string)" in errs
    assert "报告1 指标1: unknown key 'weight_share'" in errs
    assert validate_expected({"family": "toy", "reports": []}) == ["reports: a non-empty list is required"]


def test_expected_file_is_found_by_meta_or_same_as(tmp_path: Path) -> None:
    (tmp_path / "fam").mkdir()
    (tmp_path / "fam" / "expected.json").write_text("{}", encoding="utf-8")
    for name, meta in (("a", 'expected = "fam"'), ("b", 'same_as = "a"'), ("c", 'same_as = "d"'), ("d", "")):
        (tmp_path / name).mkdir()
        (tmp_path / name / "meta.toml").write_text(meta + "\n", encoding="utf-8")
        (tmp_path / name / "report.txt").write_text("x", encoding="utf-8")
    assert expected_file(tmp_path / "a", tmp_path) == tmp_path / "fam" / "expected.json"
    assert expected_file(tmp_path / "b", tmp_path) == tmp_path / "fam" / "expected.json"
    assert expected_file(tmp_path / "c", tmp_path) is None
    assert [c.name for c, _, _ in measured_cases(tmp_path)] == ["a", "b"]


def test_the_benchmark_runs_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """benchmarks/accuracy.py over a two-case corpus: every table printed, counts add up (no
    threshold: today's accuracy is printed, never asserted)."""
    import shutil

    from accuracy import run

    corpus = ROOT / "corpus"
    for case in ("family-lettered", "family-lettered-txt", "family-execrow", "family-execrow-docx"):
        shutil.copytree(corpus / case, tmp_path / case)
    out = run(tmp_path, cases=True, wrong=True)
    printed = capsys.readouterr().out
    for title in ("per template family", "per format, unseen template families only", "per case", "2 cases in"):
        assert title in printed
    assert set(out["families"]) == {"lettered", "execrow"} and set(out["formats"]) == {"txt", "docx"}
    total = out["total"]
    assert total["cases"] == 2 and total["fields"] == sum(c["fields"] for c in out["cases"].values())
    assert 0 < total["right"] <= total["fields"] and total == out["unseen"]
