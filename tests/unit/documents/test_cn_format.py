"""Chinese dates, amounts in capitals and figures, and counts as documents write them."""

from __future__ import annotations

from datetime import date

import pytest

from app.documents.cn_format import amount_in_capitals, chinese_count, chinese_date, yuan_figures


@pytest.mark.parametrize(("day", "text"), [
    (date(2026, 9, 18), "二〇二六年九月十八日"),
    (date(2020, 10, 1), "二〇二〇年十月一日"),
    (date(2026, 3, 2), "二〇二六年三月二日"),
    (date(2026, 12, 31), "二〇二六年十二月三十一日"),
    (date(2030, 11, 20), "二〇三〇年十一月二十日"),
    (date(2009, 1, 10), "二〇〇九年一月十日"),
])
def test_dates_are_spelled_with_the_year_digit_by_digit(day, text):
    assert chinese_date(day) == text


@pytest.mark.parametrize(("fen", "text"), [
    (0, "零元整"),
    (1_200_000, "壹万贰仟元整"),
    (1_234_567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
    (5, "伍分"),
    (50, "伍角"),
    (100, "壹元整"),
    (10_100, "壹佰零壹元整"),
    (100_005, "壹仟元零伍分"),
    (101_001, "壹仟零壹拾元零壹分"),
    (1_000_000_00, "壹佰万元整"),
    (100_000_000_00, "壹亿元整"),
    (9_999_999_999, "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分"),
])
def test_amounts_in_capitals(fen, text):
    assert amount_in_capitals(fen) == text


@pytest.mark.parametrize(("fen", "text"), [
    (0, "0.00"), (5, "0.05"), (50, "0.50"), (1_200_000, "12,000.00"), (1_234_567, "12,345.67"),
    (100_000_000_00, "100,000,000.00"), (-1_250, "-12.50"),
])
def test_amounts_in_figures(fen, text):
    assert yuan_figures(fen) == text


@pytest.mark.parametrize(("n", "text"), [
    (0, "零"), (3, "三"), (6, "六"), (10, "十"), (15, "十五"), (60, "六十"), (100, "一百"), (180, "一百八十"),
])
def test_counts(n, text):
    assert chinese_count(n) == text


def test_amounts_are_whole_fen_and_never_negative_in_capitals():
    with pytest.raises(ValueError):
        amount_in_capitals(-1)
    for bad in (12.5, "1200", True, None):
        with pytest.raises(TypeError):
            amount_in_capitals(bad)  # type: ignore[arg-type]
        with pytest.raises(TypeError):
            yuan_figures(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        chinese_count(1.5)  # type: ignore[arg-type]
