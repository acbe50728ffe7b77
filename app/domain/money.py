"""Money is integer fen (分). Parsing and formatting live here so nothing else uses floats."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from app.domain.errors import ValidationError

_YUAN = re.compile(r"^\s*(\d{1,12})(?:\.(\d{1,2}))?\s*$")


def check_fen(value: object, field: str) -> int:
    """Accept a non-negative integer amount of fen, refuse anything else naming ``field``."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("{field}: amount must be a whole number of fen", field=field, rule="money")
    if value < 0:
        raise ValidationError("{field}: amount must not be negative", field=field, rule="money")
    return value


def parse_yuan(text: str, field: str = "amount") -> int:
    """'12000' or '12000.5' (yuan) -> fen. Refuses negatives, more than two decimals, garbage."""
    m = _YUAN.match(text or "")
    if not m:
        raise ValidationError("{field}: {text!r} is not an amount in yuan (e.g. 1200.50)", field=field,
                              rule="money", text=text)
    return int(m.group(1)) * 100 + int((m.group(2) or "0").ljust(2, "0"))


def format_yuan(fen: int) -> str:
    """12345 -> '¥123.45'."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}¥{fen // 100:,}.{fen % 100:02d}"


def percent_of(fen: int, percent: Decimal | int) -> int:
    """``percent`` % of ``fen``, rounded half up to the fen, without floats."""
    try:
        exact = Decimal(fen) * Decimal(percent) / Decimal(100)
    except InvalidOperation as exc:  # pragma: no cover - Decimal of int never fails
        raise ValueError(percent) from exc
    return int(exact.quantize(Decimal(1), rounding="ROUND_HALF_UP"))
