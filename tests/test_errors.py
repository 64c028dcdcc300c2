"""Cause classes and Chinese reasons for unexpected exceptions (issue 14 item 6)."""

from __future__ import annotations

import zipfile
from xml.etree.ElementTree import ParseError

from jixiao.errors import CORRUPT, LIMIT, UNRECOGNISED, cause_of, exception_reason


def test_cause_classes() -> None:
    assert cause_of(MemoryError()) == LIMIT and cause_of(RecursionError()) == LIMIT
    assert cause_of(zipfile.BadZipFile("x")) == CORRUPT and cause_of(ParseError("x")) == CORRUPT
    assert cause_of(TypeError("unsupported operand")) == UNRECOGNISED


def test_exception_reason_is_chinese_and_drops_the_english_message() -> None:
    r = exception_reason(TypeError("unsupported operand type(s) for /: 'PDFObjRef' and 'int'"))
    assert r.startswith("处理时出错（无法识别的内容") and "TypeError" in r
    assert "unsupported" not in r and "PDFObjRef" not in r
    assert "超出资源限制" in exception_reason(MemoryError())
