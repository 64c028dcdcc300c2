"""Each output format read back with its own reader (pandas, pyarrow, openpyxl, duckdb)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl.utils import get_column_letter
from seed004_docs import error_document, seed004_document

from jixiao.export import TableRows, documents_to_frames, frames_to_tables, write_dataset
from jixiao.export.schema import TABLES


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("ds")
    rows = TableRows()
    for doc in (seed004_document(), error_document()):
        rows.add(doc)
    write_dataset(rows.tables(), d, ("csv", "parquet", "xlsx", "duckdb"))
    return d


def test_csv_has_bom_and_exact_decimals(out: Path) -> None:
    raw = (out / "budget_lines.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "总额,total,万元,0.00,67.00,,40.90,,61.04,10," in text
    df = pd.read_csv(out / "indicators.csv", encoding="utf-8-sig", dtype=str)
    assert df.columns[0] == "report_id"  # the BOM is not glued to the first header
    cost = df.set_index("name").loc["医疗保障与服务能力提升资金成本控制数"]
    assert cost["actual_raw"] == "40.9万元" and cost["actual_base_value"] == "409000.0"  # 40.9 × 10000, scale kept
    docs = pd.read_csv(out / "documents.csv", encoding="utf-8-sig")
    assert list(docs["status"]) == ["error", "ok"] and docs["error"][0] == "不支持的文件格式（doc）"


def test_parquet_numbers_are_typed_and_raw_kept(out: Path) -> None:
    t = pq.read_table(out / "indicators.parquet")
    assert t.schema.field("target_value").type == pa.decimal128(38, 6)
    assert t.schema.field("seq").type == pa.int64()
    assert t.schema.field("target_raw").type == pa.string()
    rows = {r["name"]: r for r in t.to_pylist()}
    cost = rows["医疗保障与服务能力提升资金成本控制数"]
    assert cost["actual_value"] == Decimal("40.9") and cost["actual_raw"] == "40.9万元"
    rep = pq.read_table(out / "reports.parquet").to_pylist()[0]
    assert rep["year"] == 2024 and rep["total_score"] == Decimal("95")


def test_parquet_scale_grows_to_keep_every_digit(tmp_path: Path) -> None:
    from jixiao.export.arrow import rows_to_arrow
    from jixiao.export.schema import TABLES

    n = len(TABLES["stated_scores"])
    row = ("r-1", 1, "x", Decimal("0.123456789"), None, None, None)
    assert len(row) == n
    t = rows_to_arrow("stated_scores", [row])
    assert t.schema.field("weight").type == pa.decimal128(38, 9)
    assert t.column("weight")[0].as_py() == Decimal("0.123456789")


def test_parquet_past_38_digits_rounds_to_the_scale_left_and_drops_non_finite() -> None:
    from jixiao.export.arrow import rows_to_arrow

    big = Decimal("1" * 30)  # 30 integer digits leave 8 places
    rows = [("r-1", 1, "x", big, None, None, None), ("r-1", 2, "y", Decimal("0.123456789012"), None, None, None),
            ("r-1", 3, "z", Decimal("NaN"), Decimal("Infinity"), None, None), ("r-1", 4, "w", None, None, None, None)]
    t = rows_to_arrow("stated_scores", rows)
    assert t.schema.field("weight").type == pa.decimal128(38, 8)
    assert t.column("weight").to_pylist() == [big, Decimal("0.12345679"), None, None]
    assert t.schema.field("score").type == pa.decimal128(38, 6)  # an empty column keeps the minimum scale
    assert t.column("score").to_pylist() == [None, None, None, None]


def test_no_rows_give_the_typed_empty_table() -> None:
    from jixiao.export.arrow import rows_to_arrow
    from jixiao.export.schema import TABLES

    t = rows_to_arrow("stated_scores", [])
    assert t.num_rows == 0 and t.schema.names == [name for name, _ in TABLES["stated_scores"]]


def test_xlsx_sheets_frozen_filtered_numbers_and_colours(out: Path) -> None:
    wb = openpyxl.load_workbook(out / "dataset.xlsx")
    assert wb.sheetnames == ["documents", "reports", "budget_lines", "indicators", "stated_scores", "findings",
                             "数据字典"]
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws["A1"].font.b
    bl = wb["budget_lines"]
    header = [c.value for c in bl[1]]
    adjusted = bl.cell(row=2, column=header.index("adjusted") + 1)
    assert adjusted.data_type == "n" and adjusted.value == 67
    fin = wb["findings"]
    sev_col = [c.value for c in fin[1]].index("severity") + 1
    colours = {fin.cell(row=r, column=sev_col).value: fin.cell(row=r, column=1).fill.start_color.rgb
               for r in range(2, fin.max_row + 1)}
    assert colours["error"].endswith("FFC7CE") and colours["warning"].endswith("FFEB9C")
    assert fin.auto_filter.ref == f"A1:{get_column_letter(len(TABLES['findings']))}4"


def test_duckdb_tables_and_views(out: Path) -> None:
    con = duckdb.connect(str(out / "dataset.duckdb"), read_only=True)
    try:
        names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        assert {"documents", "reports", "budget_lines", "indicators", "findings",
                "report_findings", "indicator_completion", "budget_execution"} <= names
        n_err, n_warn = con.execute("SELECT n_error, n_warning FROM report_findings").fetchone()
        assert (n_err, n_warn) == (1, 1)
        met = dict(con.execute("SELECT name, target_met FROM indicator_completion").fetchall())
        assert met["建成标准化医保经办服务区级点位"] is True  # = 1, actual 3
        # = 67万元 on a cost indicator reads as ≤ 67万元 (as the rules read it: SCR013 "按≤计"); 40.9 meets it
        assert met["医疗保障与服务能力提升资金成本控制数"] is True
        dept, year, adj, exe, rate = con.execute(
            "SELECT department, year, adjusted_wan, executed_wan, execution_rate_pct FROM budget_execution"
        ).fetchone()
        assert (dept, year, adj, exe, rate) == ("广元市昭化区医疗保障局部门", 2024, Decimal("67"), Decimal("40.9"), 61.04)
    finally:
        con.close()


def test_same_rows_give_byte_identical_csv_parquet_xlsx(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    docs = [seed004_document(), error_document()]
    write_dataset(frames_to_tables(documents_to_frames(docs)), a, ("csv", "parquet", "xlsx"))
    rows = TableRows()
    for d in reversed(docs):
        rows.add(d)
    write_dataset(rows.tables(), b, ("csv", "parquet", "xlsx"))
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir()) and "dataset.xlsx" in names
    for n in names:
        assert (a / n).read_bytes() == (b / n).read_bytes(), n


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="不支持的输出格式"):
        write_dataset({}, tmp_path, ("sqlite",))


def test_xlsx_holds_no_timestamp(out: Path) -> None:
    import zipfile

    with zipfile.ZipFile(out / "dataset.xlsx") as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert core.count("2000-01-01T00:00:00Z") == 2  # created and modified, fixed


def test_budget_view_never_adds_yuan_to_wan(tmp_path: Path) -> None:
    """Seed 001's long-form budget table states no money unit (预算安排 3200000, in 元 by its
    size); seed 000's is in 万元 (年度总金额(万元) 1600).  The view must not add the two."""
    from conftest import CORPUS, ROOT

    from jixiao.pipeline import path_to_document

    docs = [path_to_document(f, str(f.relative_to(ROOT)), rules=False)
            for f in (CORPUS / "seed-000" / "report.txt", CORPUS / "seed-001" / "report.txt")]
    write_dataset(frames_to_tables(documents_to_frames(docs)), tmp_path, ("duckdb",))
    con = duckdb.connect(str(tmp_path / "dataset.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT year, n_reports, n_unit_unknown, adjusted_wan, executed_wan FROM budget_execution "
                           "ORDER BY year NULLS LAST").fetchall()
    finally:
        con.close()
    # both reports lack department; 000 has no year either, so they share one group
    assert rows == [(None, 2, 1, Decimal("1600"), Decimal("1521.57"))]
