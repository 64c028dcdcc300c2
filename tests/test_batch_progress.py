"""Progress output: a redrawn bar on a terminal, quiet log lines otherwise."""

from __future__ import annotations

import io
from pathlib import Path

from jixiao.batch.progress import Progress


def test_terminal_bar_shows_counts_and_current_file() -> None:
    buf = io.StringIO()
    p = Progress(3, stream=buf, tty=True)
    p.start("corpus/seed-004/report.txt")
    p.finish("corpus/seed-004/report.txt", "ok")
    p.finish("corpus/bad-legacy-doc/report.doc", "error", "不支持的文件格式（.doc）")
    p.finish("corpus/bad-empty/report.docx", "empty", "文件为空")
    p.close()
    out = buf.getvalue()
    assert "\r" in out and "corpus/seed-004/report.txt" in out
    assert "错误：corpus/bad-legacy-doc/report.doc: 不支持的文件格式（.doc）\n" in out
    assert "3/3 正常 1，空 1，错误 1" in out and out.endswith("\n")


def test_log_lines_every_tenth_and_every_error() -> None:
    buf = io.StringIO()
    p = Progress(20, stream=buf, tty=False)
    for i in range(20):
        p.finish(f"f{i}.txt", "error" if i == 5 else "ok", "处理超时" if i == 5 else None)
    p.close()
    lines = buf.getvalue().splitlines()
    assert "jixiao: 错误：f5.txt: 处理超时" in lines
    assert [ln for ln in lines if "个文件" in ln][-1] == "jixiao: 20/20 个文件 (正常 19，空 0，错误 1)"
    assert len(lines) == 11 and "\r" not in buf.getvalue()


def test_cached_errors_are_not_repeated() -> None:
    buf = io.StringIO()
    p = Progress(1, stream=buf, tty=False)
    p.finish("x.doc", "error", "不支持的文件格式（.doc）", cached=True)
    assert "错误：x.doc" not in buf.getvalue()


def test_files_without_a_report_are_counted_too() -> None:
    """Every file is accounted for: a file with no self-evaluation (not_report) and bytes that
    are not text (unreadable) have their own counts, in the progress and in the summary."""
    from jixiao.batch.run import Summary

    buf = io.StringIO()
    p = Progress(3, stream=buf, tty=False)
    p.finish("a.txt", "ok")
    p.finish("决算.pdf", "not_report")
    p.finish("x.bin.pdf", "unreadable")
    p.close()
    assert "3/3 个文件 (正常 1，空 0，错误 0，非自评报告 1，无法识别 1)" in buf.getvalue()
    s = Summary(out_dir=Path("out"), formats=("csv",))
    s.documents.update({"ok": 1, "not_report": 1, "unreadable": 1})
    assert s.lines()[0].startswith("文档 3 个：正常 1，空 0，错误 0，非自评报告 1，无法识别 1")
