"""Chinese spellings used in documents: dates (二〇二六年九月十八日), amounts in capitals
(壹万贰仟元整) and in figures (12,000.00), and counts (六十)."""

from __future__ import annotations

from datetime import date

import cn2an

_DIGITS = "〇一二三四五六七八九"


def chinese_count(n: int) -> str:
    """A whole number in Chinese numerals as written in running text: 6 -> 六, 15 -> 十五, 60 -> 六十."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"chinese_count needs an int, not {type(n).__name__}")
    return str(cn2an.an2cn(n))


def chinese_date(d: date) -> str:
    """二〇二六年九月十八日: the year digit by digit (〇 for zero), month and day as numbers."""
    year = "".join(_DIGITS[int(c)] for c in f"{d.year:04d}")
    return f"{year}年{chinese_count(d.month)}月{chinese_count(d.day)}日"


def _check_fen(fen: int) -> None:
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"amounts are whole fen (int), not {type(fen).__name__}")


def amount_in_capitals(fen: int) -> str:
    """An amount in fen written in capitals: 1200000 -> 壹万贰仟元整, 1234567 -> 壹万贰仟叁佰肆拾伍元陆角柒分,
    0 -> 零元整. Negative amounts are refused (documents never state one)."""
    _check_fen(fen)
    if fen < 0:
        raise ValueError(f"a negative amount cannot be written in capitals: {fen} fen")
    # a decimal string, never a float, so 0.07 yuan stays exact
    return str(cn2an.an2cn(f"{fen // 100}.{fen % 100:02d}", "rmb"))


def yuan_figures(fen: int) -> str:
    """An amount in fen as yuan in figures with thousands separators: 1200000 -> 12,000.00."""
    _check_fen(fen)
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"
