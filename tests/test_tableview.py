"""assemble/tableview.py: a table as rows of slots (spans expanded), kept for the next caller."""

from __future__ import annotations

from jixiao.assemble import tableview
from jixiao.assemble.tableview import table_to_rows
from jixiao.extract.raw import RawCell, RawTable
from jixiao.model import Provenance

P = Provenance(source="t.docx")


def _table(dialect: str = "grid", span: int = 2) -> RawTable:
    cells = [RawCell(row=0, col=0, col_span=span, text="项目名称", prov=P), RawCell(row=1, col=0, text="A", prov=P),
             RawCell(row=1, col=1, text="B", prov=P)]
    return RawTable(index=0, table=0, dialect=dialect, n_rows=2, n_cols=2, cells=cells, prov=P)  # type: ignore[arg-type]


def test_spans_are_expanded() -> None:
    rows = table_to_rows(_table())
    assert [[s.text for s in r] for r in rows] == [["项目名称", "项目名称"], ["A", "B"]]
    assert rows[0][1].from_left and not rows[0][0].from_left


def test_a_second_call_gives_the_same_slots_in_new_lists() -> None:
    t = _table()
    first = table_to_rows(t)
    first[0].pop()  # a caller changing its rows changes nobody else's
    first.append([])
    second = table_to_rows(t)
    assert [[s.text for s in r] for r in second] == [["项目名称", "项目名称"], ["A", "B"]]
    assert second[1][0] is first[1][0]  # the same frozen slots: built once


def test_an_equal_but_distinct_table_is_read_on_its_own() -> None:
    a, b = _table(), _table("cells", span=1)
    assert [[s.text for s in r] for r in table_to_rows(b)] == [["项目名称"], ["A", "B"]]
    assert len(table_to_rows(a)[0]) == 2
    tableview._RECENT.clear()
    for _ in range(tableview._RECENT_SIZE + 3):
        table_to_rows(_table())
    assert len(tableview._RECENT) <= tableview._RECENT_SIZE


def test_slot_of_is_the_same_slot_as_the_constructor() -> None:
    """Slot.of (table_to_rows' fast path) gives the slot Slot(...) gives: fields, derived flags, equality."""
    from jixiao.assemble.tableview import Slot
    from jixiao.extract.raw import RawCell
    from jixiao.model import Provenance

    c = RawCell(row=1, col=1, row_span=2, col_span=2, text=" 产出指标 ", prov=Provenance(source="a.docx"))
    for args in [(" 产出指标 ", c, 1, 1), (" 产出指标 ", c, 2, 1), (" 产出指标 ", c, 1, 2), ("", None, 0, 3)]:
        a, b = Slot(*args), Slot.of(*args)
        assert a == b and hash(a) == hash(b) and repr(a) == repr(b)
        assert (b.from_above, b.from_left, b.empty) == (a.from_above, a.from_left, a.empty)
    assert (Slot.of(" x", c, 2, 1).from_above, Slot.of(" x", c, 1, 2).from_left, Slot.of(" ", None, 0, 0).empty) == (
        True, True, True)
