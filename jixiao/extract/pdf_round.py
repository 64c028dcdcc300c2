"""``round(v, 4)``, ``round(v, 2)`` and ``round(v, 1)`` of the PDF loader, bit-identical and faster.

The PDF loader rounds every glyph coordinate (``round(v, 4)``, four times per character) and
every glyph's line key (``round(v, 1)``); Python's ``round`` with digits converts the float to
decimal and back (~0.5 µs), which made rounding a tenth of the cost of reading a page.

Why the fast path is exact: ``round(v, k)`` rounds the exact binary value of ``v`` to the
nearest multiple of 10**-k, n * 10**-k for an integer n (ties to even), and returns the double
nearest to n / 10**k -- which is what the IEEE division ``n / 10.0**k`` returns (n and 10**k
are exact doubles).  n is found from ``y = v * 10**k``, which is off the exact product by at
most half an ulp (< 1e-7 while |y| < 1e9); so ``floor(y + 0.5)`` is the right n unless ``y``
lies within 1e-5 of a half-integer, where the error could decide.  Those, |y| >= 1e9, values
that are not finite, and results of zero (``round`` keeps the sign of a negative zero) go to
``round`` itself.  ``tests/test_extract_pdf_round.py`` compares the two on millions of values
(ties and their neighbours included).
"""

from __future__ import annotations

import math
from collections.abc import Callable

_floor = math.floor


def _rounder(places: int) -> Callable[[float], float]:
    """``round(v, places)``, bit for bit (see module docstring), for one number of places."""
    scale = 10.0 ** places  # exact for 1, 2, 4

    def rounded(v: float) -> float:
        y = v * scale
        if -1e9 < y < 1e9:
            n = _floor(y + 0.5)
            d = y - n
            if n and -0.49999 < d < 0.49999:
                return n / scale
        return round(v, places)

    rounded.__name__ = rounded.__qualname__ = f"round{places}"
    rounded.__doc__ = f"``round(v, {places})``, bit for bit (see module docstring)."
    return rounded


round4 = _rounder(4)
round2 = _rounder(2)
round1 = _rounder(1)
