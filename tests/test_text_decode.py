"""extract/text_decode.py: bytes that are text in a supported encoding, and bytes that are not."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.extract.text_decode import junk_share, looks_like_text

SAMPLE = "项目支出绩效自评表\n项目名称\t道路养护\n预算执行率 95.00%\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
def test_reports_in_every_supported_encoding_are_text(encoding: str) -> None:
    assert looks_like_text((SAMPLE * 20).encode(encoding))


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_are_not_text(seed: int) -> None:
    assert not looks_like_text(random.Random(seed).randbytes(4096))


def test_a_damaged_byte_does_not_make_text_binary() -> None:
    data = bytearray((SAMPLE * 50).encode("utf-8"))
    data[100] = 0xFF
    assert looks_like_text(bytes(data))


def test_control_characters_are_junk() -> None:
    assert junk_share("ab\x00\x01") == 0.5
    assert junk_share("a\tb\nc\r\f") == 0.0


@given(st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF) | st.sampled_from("，。、 \n0123456789%"),
               min_size=20))
def test_chinese_text_in_gb18030_is_text(text: str) -> None:
    assert looks_like_text(text.encode("gb18030"))
