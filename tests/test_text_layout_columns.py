"""Column finding of the pdftotext -layout dialect (jixiao/extract/text_layout_columns.py):
word positions, strong starts, clusters of starts, the pieces a line is cut into."""

from __future__ import annotations

from jixiao.extract.text_layout_columns import char_count, find_columns, pieces_of, position_metric, words_of
from jixiao.extract.text_lines import display_width


def _pad_chars(rows: list[list[str]], widths: list[int]) -> str:
    return "\n".join("".join(x.ljust(w) for x, w in zip(r, widths)).rstrip() for r in rows) + "\n"


def _pad_display(rows: list[list[str]], widths: list[int]) -> str:
    return "\n".join("".join(x + " " * (w - display_width(x)) for x, w in zip(r, widths)).rstrip()
                     for r in rows) + "\n"


def test_words_strong_after_two_spaces() -> None:
    ws = words_of("总额  0.00 61.04%   10", char_count)
    assert [(w.start, w.text, w.strong) for w in ws] == [
        (0, "总额", True), (4, "0.00", True), (9, "61.04%", False), (18, "10", True)]


def test_pdftotext_positions_are_characters_an_editor_s_display_columns() -> None:
    rows = [["三级指标", "指标值", "完成值"], ["医保征收宣传片数量", "1", "1"], ["参保率", "98", "98%"]]
    assert position_metric(_pad_chars(rows, [12, 8, 8]).splitlines()) is char_count
    assert position_metric(_pad_display(rows, [22, 8, 8]).splitlines()) is display_width


def test_columns_are_shared_starts_and_jitter_is_one_column() -> None:
    lines = ["一级指  二级指标   三级指标", "产出指  数量指标   宣传片数量", "标     质量指标  参保率"]
    words = [words_of(t, char_count) for t in lines]
    cols = find_columns(words)
    assert cols == [0, 5, 12]  # "质量指标" at 6: a position off its column
    assert [p.text for p in pieces_of(words[2], cols)] == ["标", "质量指标", "参保率"]


def test_clusters_no_line_uses_both_are_one_column() -> None:
    lines = ["名称    目标值", "甲      1", "乙         2", "丙         3"]  # 6, 7, 10, 10
    assert find_columns([words_of(t, char_count) for t in lines]) == [0, 6]


def test_a_word_after_one_space_starts_a_cell_on_a_column_edge_only() -> None:
    lines = ["执行数 执行率  原因", "0.00  0.00%   无", "40.90 61.04%  截止 24 年底"]
    words = [words_of(t, char_count) for t in lines]
    cols = find_columns(words)
    assert cols == [0, 6, 14]
    assert [p.text for p in pieces_of(words[2], cols)] == ["40.90", "61.04%", "截止 24 年底"]


def test_a_number_cut_off_near_but_not_on_a_column_edge_is_marked_as_a_guess() -> None:
    lines = ["执行数 执行率  原因", "0.00  0.00%   无", "40.90 61.04%  截止 24 年底"]
    words = [words_of(t, char_count) for t in lines]
    cols = find_columns(words)
    assert not any(p.guessed for ws in words for p in pieces_of(ws, cols))  # 61.04% starts on the edge
    shifted = words_of("3.5 61.04%     截止", char_count)  # 61.04% two positions left of the edge (6)
    assert [(p.text, p.guessed) for p in pieces_of(shifted, cols)] == [
        ("3.5", False), ("61.04%", True), ("截止", False)]


def test_a_number_run_on_to_a_word_cut_off_after_one_space_is_a_guess() -> None:
    """corpus/layout-vertical-labels line 65: "40.9 万元 10" — 万元 starts the weight column's edge
    after one space and 10 follows it after one more: 万元 | 10 or 万元 10, the reader cannot tell."""
    lines = ["完成值   权重", "40.9    10", "40.9 万元 10"]
    words = [words_of(t, char_count) for t in lines]
    cols = find_columns(words)
    assert cols == [0, 6]
    assert [(p.text, p.guessed) for p in pieces_of(words[2], cols)] == [("40.9", False), ("万元 10", True)]


def test_a_space_between_chinese_words_is_a_boundary_not_a_guess() -> None:
    lines = ["指标      实际完成值  得分", "数量指标  完成 补助", "质量指标  100%        10"]
    words = [words_of(t, char_count) for t in lines]
    cols = find_columns(words)
    assert not any(p.guessed for ws in words for p in pieces_of(ws, cols))


def test_a_later_page_s_columns_map_onto_the_first_page_s_in_order() -> None:
    from jixiao.extract.text_layout_columns import map_columns

    # the first page's columns, and a later page's set apart differently (fewer of them)
    got = map_columns([0, 5, 11, 27, 62], [0, 3, 7, 18, 33, 39, 43, 49, 57, 61, 64])
    assert got[0] == 0 and got[-1] == 10 and got == sorted(set(got))  # in order, each its own
    assert map_columns([0, 4, 8], [0, 8]) == [0, 0, 1] or map_columns([0, 4, 8], [0, 8]) == [0, 1, 1]
    assert map_columns([], [0, 4]) == []
