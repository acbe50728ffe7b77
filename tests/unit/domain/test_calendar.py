"""Working-day calendar: official holidays and 调休 working weekends, loadable years, fast counting."""

from __future__ import annotations

import timeit
from datetime import date, timedelta

import chinese_calendar
import pytest

from app.domain.calendar import WorkCalendar, YearCalendar, add_months
from app.domain.errors import CalendarNotLoaded, ValidationError
from app.domain.i18n import tr_in
from app.domain.messages_zh import MESSAGES_ZH


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar.builtin()


def d(text: str) -> date:
    return date.fromisoformat(text)


def days(first: str, last: str) -> list[date]:
    start, end = d(first), d(last)
    return [start + timedelta(n) for n in range((end - start).days + 1)]


# Synthetic test data, NOT the official 2027 notice: it only has to differ from "weekends only".
SYNTHETIC_2027 = {
    "year": 2027,
    "holidays": ["2027-01-01", "2027-02-01", "2027-02-02", "2027-02-03"],
    "workdays": ["2027-02-07"],
}


def test_builtin_knows_every_fully_covered_library_year_and_no_later_one(cal):
    assert set(range(2004, 2027)) <= cal.known_years()
    assert 2027 not in cal.known_years()


def test_builtin_agrees_with_chinesecalendar_on_every_day(cal):
    for year in sorted(cal.known_years()):
        for day in days(f"{year}-01-01", f"{year}-12-31"):
            assert cal.is_workday(day) == chinese_calendar.is_workday(day), day


def test_national_day_2020_holidays_and_tiaoxiu_weekends(cal):
    assert all(cal.is_rest_day(x) for x in days("2020-10-01", "2020-10-08"))
    assert cal.is_workday(d("2020-09-27"))  # Sunday worked
    assert cal.is_workday(d("2020-10-10"))  # Saturday worked
    assert cal.is_rest_day(d("2020-10-11"))  # ordinary Sunday
    assert cal.is_holiday(d("2020-10-03")) and not cal.is_holiday(d("2020-10-11"))


def test_spring_festival_2024_with_working_sundays(cal):
    assert cal.is_workday(d("2024-02-04")) and cal.is_workday(d("2024-02-18"))
    assert all(cal.is_rest_day(x) for x in days("2024-02-10", "2024-02-17"))
    assert cal.add_working_days(d("2024-02-09"), 1) == d("2024-02-18")


def test_spring_festival_2025_with_working_weekends(cal):
    assert cal.is_workday(d("2025-01-26")) and cal.is_workday(d("2025-02-08"))
    assert all(cal.is_rest_day(x) for x in days("2025-01-28", "2025-02-04"))
    assert cal.add_working_days(d("2025-01-27"), 1) == d("2025-02-05")


def test_spring_festival_2026_with_working_saturdays(cal):
    # per chinesecalendar 1.11: 2026-02-15..23 off, Saturdays 02-14 and 02-28 worked
    assert cal.is_workday(d("2026-02-14")) and cal.is_workday(d("2026-02-28"))
    assert all(cal.is_rest_day(x) for x in days("2026-02-15", "2026-02-23"))
    assert cal.add_working_days(d("2026-02-13"), 1) == d("2026-02-14")
    assert cal.add_working_days(d("2026-02-14"), 1) == d("2026-02-24")


def test_add_working_days_does_not_count_the_start_day(cal):
    assert cal.add_working_days(d("2025-03-03"), 1) == d("2025-03-04")  # Monday → Tuesday
    assert cal.add_working_days(d("2025-03-07"), 1) == d("2025-03-10")  # Friday → Monday
    assert cal.add_working_days(d("2025-03-08"), 0) == d("2025-03-08")
    with pytest.raises(ValueError):
        cal.add_working_days(d("2025-03-08"), -1)


def test_add_working_days_across_a_year_end(cal):
    # 2026-01-01..03 off, Sunday 01-04 worked
    assert cal.add_working_days(d("2025-12-31"), 1) == d("2026-01-04")
    assert cal.add_working_days(d("2024-12-20"), 10) == d("2025-01-06")


def test_five_working_days_across_national_day_2020(cal):
    # 09-30, 10-09, 10-10 (worked Saturday), 10-12, 10-13
    assert cal.add_working_days(d("2020-09-29"), 5) == d("2020-10-13")


def test_roll_to_workday_keeps_a_working_day_and_skips_a_holiday(cal):
    assert cal.roll_to_workday(d("2020-10-09")) == d("2020-10-09")
    assert cal.roll_to_workday(d("2020-10-03")) == d("2020-10-09")
    assert cal.roll_to_workday(d("2020-10-10")) == d("2020-10-10")


def test_working_days_between_counts_half_open_interval(cal):
    assert cal.working_days_between(d("2020-09-30"), d("2020-10-10")) == 2
    assert cal.working_days_between(d("2020-10-10"), d("2020-09-30")) == -2
    assert cal.working_days_between(d("2020-10-10"), d("2020-10-10")) == 0
    expected = sum(chinese_calendar.is_workday(x) for x in days("2025-01-01", "2025-12-31"))
    assert cal.working_days_between(d("2024-12-31"), d("2025-12-31")) == expected == 248


def test_unknown_year_raises_calendar_not_loaded_never_guesses(cal):
    with pytest.raises(CalendarNotLoaded) as err:
        cal.is_workday(d("2027-03-01"))
    assert err.value.year == 2027
    assert err.value.source in MESSAGES_ZH
    assert str(err.value) == "未载入2027年工作日历"
    with pytest.raises(CalendarNotLoaded):
        cal.add_working_days(d("2026-12-30"), 5)
    with pytest.raises(CalendarNotLoaded):
        cal.working_days_between(d("2026-12-01"), d("2027-01-10"))


def test_load_year_makes_a_new_year_computable(cal):
    cal.load_year(YearCalendar.from_dict(SYNTHETIC_2027))
    assert 2027 in cal.known_years()
    assert cal.is_rest_day(d("2027-02-01"))  # a Monday, holiday in the synthetic data
    assert cal.is_workday(d("2027-02-07"))  # a Sunday, worked in the synthetic data
    assert cal.add_working_days(d("2026-12-30"), 5) == d("2027-01-07")


def test_a_year_loaded_as_data_overrides_the_builtin_year(cal):
    assert cal.is_workday(d("2026-03-02"))
    builtin = cal.year_calendar(2026)
    cal.load_year(YearCalendar(2026, builtin.holidays | {d("2026-03-02")}, builtin.workdays))
    assert cal.is_rest_day(d("2026-03-02"))
    assert WorkCalendar.builtin().is_workday(d("2026-03-02"))  # other instances are untouched


def test_year_calendar_round_trips_through_json_dict():
    year = YearCalendar.from_dict(SYNTHETIC_2027)
    assert YearCalendar.from_dict(year.to_dict()) == year
    assert year.to_dict()["holidays"][0] == "2027-01-01"


@pytest.mark.parametrize(
    ("data", "field", "rule", "english", "chinese"),
    [
        ({**SYNTHETIC_2027, "holidays": ["2026-12-31"]}, "holidays", "in_year",
         "holiday 2026-12-31 is outside 2027", "节假日 2026-12-31 不在2027年内"),
        ({**SYNTHETIC_2027, "workdays": ["2028-01-08"]}, "workdays", "in_year",
         "working day 2028-01-08 is outside 2027", "调休工作日 2028-01-08 不在2027年内"),
        ({**SYNTHETIC_2027, "workdays": ["2027-02-07", "2027-01-01"]}, "workdays", "weekend",
         "working day 2027-01-01 is not a Saturday or Sunday", "调休工作日 2027-01-01 不是星期六或星期日"),
        ({**SYNTHETIC_2027, "holidays": ["2027-02-06", "2027-02-07"]}, "workdays", "disjoint",
         "2027-02-07 is listed both as a holiday and as a working day", "2027-02-07 同时被列为节假日和调休工作日"),
        ({**SYNTHETIC_2027, "holidays": []}, "holidays", "not_empty",
         "the calendar for 2027 lists no holidays", "2027年日历未列出任何节假日"),
        ({**SYNTHETIC_2027, "holidays": ["2027-13-01"]}, "holidays", "date_format",
         "holiday 2027-13-01 is not a date (YYYY-MM-DD)", "节假日 2027-13-01 不是有效日期（YYYY-MM-DD）"),
        ({**SYNTHETIC_2027, "workdays": [20270207]}, "workdays", "date_format",
         "working day 20270207 is not a date (YYYY-MM-DD)", "调休工作日 20270207 不是有效日期（YYYY-MM-DD）"),
        ({**SYNTHETIC_2027, "holidays": "2027-01-01"}, "holidays", "list",
         "holidays must be a list of dates", "节假日必须是日期列表"),
        ({**SYNTHETIC_2027, "year": "2027"}, "year", "year_int",
         "calendar year must be a whole number", "日历年份必须为整数"),
    ],
)
def test_year_calendar_from_dict_refuses_bad_input_naming_field_and_rule(data, field, rule, english, chinese):
    with pytest.raises(ValidationError) as err:
        YearCalendar.from_dict(data)
    assert (err.value.field, err.value.rule) == (field, rule)
    assert err.value.english == english
    assert tr_in("zh_CN", err.value.source, **err.value.params) == chinese


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(d("2026-08-31"), 6) == d("2027-02-28")
    assert add_months(d("2023-08-31"), 6) == d("2024-02-29")
    assert add_months(d("2025-11-15"), 3) == d("2026-02-15")
    assert add_months(d("2025-01-31"), 12) == d("2026-01-31")


def test_add_working_days_up_to_30_takes_microseconds(cal):
    start = d("2025-09-26")
    cal.add_working_days(start, 30)
    seconds = timeit.timeit(lambda: cal.add_working_days(start, 30), number=2000) / 2000
    assert seconds < 50e-6  # generous bound; a bisection takes ~1 µs
