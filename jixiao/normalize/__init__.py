"""Cell and sentence text → typed values.  Parsing knowledge lives in ``data/``."""

from jixiao.normalize.quantity import parse_quantity

__all__ = ["parse_quantity"]
