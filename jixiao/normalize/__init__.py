"""Cell and sentence text → typed values.  Parsing knowledge lives in ``data/``.

Public API (stable, others code against it):

``parse_quantity(text, unit_hint=None, prov=None, year_hint=None, *, phrases=True) -> Quantity``
                                                                   never raises (docs/values.md)
``format_quantity(q) -> str``                                      parse(format(q)) round-trips
``parse_decimal(text) -> Decimal | None``                          a plain number cell
``parse_comparator(text) -> Comparator | "定性" | None``           a 指标性质 cell / word
``is_unit(text) -> bool``                                          a known unit token
``grade_of(text) -> str | None``                                   优/良/中/差
"""

from jixiao.normalize.comparators import parse_comparator
from jixiao.normalize.grades import grade_of, qualitative_of
from jixiao.normalize.numbers import parse_decimal
from jixiao.normalize.quantity import format_quantity, parse_quantity, text_to_quantity
from jixiao.normalize.units import is_unit, resolve_unit

__all__ = [
    "format_quantity",
    "grade_of",
    "is_unit",
    "parse_comparator",
    "parse_decimal",
    "parse_quantity",
    "qualitative_of",
    "resolve_unit",
    "text_to_quantity",
]
