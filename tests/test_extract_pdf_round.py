"""pdf_round: the fast roundings are bit-identical to Python's ``round`` (ties, their
neighbours, negative zero, huge and non-finite values included)."""

from __future__ import annotations

import math
import random
import struct

import pytest

from jixiao.extract.pdf_round import round1, round2, round4


def _bits(v: float) -> bytes:
    return struct.pack("<d", v)


def _values(scale: int, n: int) -> list[float]:
    rng = random.Random(scale)
    out: list[float] = [0.0, -0.0, 1e-9, -1e-9, 0.5 / scale, -0.5 / scale, 1.5 / scale, 2.5 / scale,
                        1e300, -1e300, math.inf, -math.inf, 99999.99995, 1e8 + 0.05, 1e9, -1e9]
    for _ in range(n):
        out.append(rng.uniform(-2000, 2000))
        out.append(rng.uniform(-1, 1) * 10 ** rng.randint(-7, 7))
        out.append(struct.unpack("<f", struct.pack("<f", rng.uniform(-900, 900)))[0])  # pdfium's floats
        tie = (rng.randint(-10**7, 10**7) + 0.5) / scale  # a decimal tie and the doubles around it
        out += [tie, math.nextafter(tie, math.inf), math.nextafter(tie, -math.inf)]
    return out


@pytest.mark.parametrize(("fn", "digits"), [(round4, 4), (round2, 2), (round1, 1)])
def test_same_bits_as_round(fn, digits: int) -> None:
    values = _values(10 ** digits, 40_000)
    bad = [v for v in values if _bits(fn(v)) != _bits(round(v, digits))]
    assert bad == []
    assert math.isnan(fn(math.nan))


def test_known_values() -> None:
    assert round4(123.456789) == 123.4568
    assert round4(-0.00001) == 0.0 and math.copysign(1, round4(-0.00001)) == -1.0  # round keeps the sign
    assert round2(2.675) == 2.67  # the double below 2.675: round's answer, not "half up"
    assert round1(0.25) == 0.2 and round1(0.35) == 0.3  # exact binary value decides, as in round
