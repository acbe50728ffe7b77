"""The official working-day calendar (State Council holiday notices, with 调休 working weekends).

Years come from the ``chinesecalendar`` package or are loaded as data (a supervisor enters them,
or they arrive from the central API). A date in a year that is not loaded raises
:class:`CalendarNotLoaded`: a deadline must never be guessed from weekends alone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from app.domain.errors import CalendarNotLoaded, ValidationError

ONE_DAY = timedelta(days=1)


def add_months(d: date, months: int) -> date:
    """Same day of month ``months`` later, clamped to the month's end (08-31 + 6 → 02-28)."""
    index = d.year * 12 + (d.month - 1) + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, _month_length(year, month + 1)))


def _month_length(year: int, month: int) -> int:
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return (first_of_next - ONE_DAY).day


@dataclass(frozen=True)
class YearCalendar:
    """One year's notice: ``holidays`` are rest days (weekend days inside a holiday span may be
    listed too); ``workdays`` are the 调休 Saturdays and Sundays that are working days."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]

    def __post_init__(self) -> None:
        if isinstance(self.year, bool) or not isinstance(self.year, int):
            raise ValidationError("calendar year must be a whole number", field="year", rule="year_int")
        for d in sorted(self.holidays):
            if d.year != self.year:
                raise ValidationError("holiday {value} is outside {year}", field="holidays", rule="in_year",
                                      value=d.isoformat(), year=self.year)
        for d in sorted(self.workdays):
            if d.year != self.year:
                raise ValidationError("working day {value} is outside {year}", field="workdays", rule="in_year",
                                      value=d.isoformat(), year=self.year)
            if d.weekday() < 5:
                raise ValidationError("working day {value} is not a Saturday or Sunday", field="workdays",
                                      rule="weekend", value=d.isoformat())
        both = sorted(self.holidays & self.workdays)
        if both:
            raise ValidationError("{value} is listed both as a holiday and as a working day", field="workdays",
                                  rule="disjoint", value=both[0].isoformat())
        if not self.holidays:
            raise ValidationError("the calendar for {year} lists no holidays", field="holidays",
                                  rule="not_empty", year=self.year)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> YearCalendar:
        """Parse ``{"year": 2027, "holidays": ["2027-01-01", ...], "workdays": [...]}``."""
        year = data.get("year")
        if isinstance(year, bool) or not isinstance(year, int):
            raise ValidationError("calendar year must be a whole number", field="year", rule="year_int")
        holidays = _parse_dates(data.get("holidays", []), "holidays", _HOLIDAY_MESSAGES)
        workdays = _parse_dates(data.get("workdays", []), "workdays", _WORKDAY_MESSAGES)
        return cls(year=year, holidays=holidays, workdays=workdays)

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "holidays": [d.isoformat() for d in sorted(self.holidays)],
            "workdays": [d.isoformat() for d in sorted(self.workdays)],
        }


# (not a list, not a date) per field, so each reads naturally once translated
_HOLIDAY_MESSAGES = ("holidays must be a list of dates", "holiday {value} is not a date (YYYY-MM-DD)")
_WORKDAY_MESSAGES = ("working days must be a list of dates", "working day {value} is not a date (YYYY-MM-DD)")


def _parse_dates(values: object, field: str, messages: tuple[str, str]) -> frozenset[date]:
    not_a_list, not_a_date = messages
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise ValidationError(not_a_list, field=field, rule="list")
    parsed = set()
    for value in values:
        try:
            parsed.add(date.fromisoformat(value))
        except (TypeError, ValueError):
            raise ValidationError(not_a_date, field=field, rule="date_format", value=str(value)) from None
    return frozenset(parsed)


@cache
def _library_years() -> tuple[YearCalendar, ...]:
    """Years the chinesecalendar package covers completely: New Year's Day and National Day (the
    first and last holidays of every notice) both present, so a half-published year is left out."""
    from chinese_calendar import constants

    names: dict[int, set[str]] = {}
    for d, name in constants.holidays.items():
        names.setdefault(d.year, set()).add(name)
    years = sorted(y for y, n in names.items() if {"New Year's Day", "National Day"} <= n)
    return tuple(
        YearCalendar(
            year=y,
            holidays=frozenset(d for d in constants.holidays if d.year == y),
            workdays=frozenset(d for d in constants.workdays if d.year == y),
        )
        for y in years
    )


class WorkCalendar:
    """Working days over the loaded years. Per year it caches a sorted tuple of the ordinals of
    its working days, so counting is a bisection rather than a walk."""

    def __init__(self, years: Iterable[YearCalendar] = ()):
        self._years: dict[int, YearCalendar] = {}
        self._working: dict[int, tuple[int, ...]] = {}
        self._working_set: dict[int, frozenset[int]] = {}
        for year in years:
            self.load_year(year)

    @classmethod
    def builtin(cls) -> WorkCalendar:
        """Every year the installed chinesecalendar knows completely."""
        return cls(_library_years())

    def load_year(self, year: YearCalendar) -> None:
        """Add or replace a year; a year loaded as data overrides the builtin one."""
        start = date(year.year, 1, 1)
        days = (start + timedelta(days=n) for n in range((date(year.year + 1, 1, 1) - start).days))
        working = tuple(
            d.toordinal()
            for d in days
            if d in year.workdays or (d.weekday() < 5 and d not in year.holidays)
        )
        self._years[year.year] = year
        self._working[year.year] = working
        self._working_set[year.year] = frozenset(working)

    def known_years(self) -> frozenset[int]:
        return frozenset(self._years)

    def year_calendar(self, year: int) -> YearCalendar:
        if year not in self._years:
            raise CalendarNotLoaded(year)
        return self._years[year]

    def _ordinals(self, year: int) -> tuple[int, ...]:
        try:
            return self._working[year]
        except KeyError:
            raise CalendarNotLoaded(year) from None

    def is_workday(self, d: date) -> bool:
        try:
            return d.toordinal() in self._working_set[d.year]
        except KeyError:
            raise CalendarNotLoaded(d.year) from None

    def is_rest_day(self, d: date) -> bool:
        return not self.is_workday(d)

    def is_holiday(self, d: date) -> bool:
        """A day of a statutory holiday span (as opposed to an ordinary weekend)."""
        return d in self.year_calendar(d.year).holidays

    def add_working_days(self, start: date, n: int) -> date:
        """The ``n``-th working day after ``start`` (the start day is not counted); ``n=0`` is start."""
        if n < 0:
            raise ValueError("n must not be negative")
        if n == 0:
            return start
        first = start + ONE_DAY
        year = first.year
        ordinals = self._ordinals(year)
        i = bisect_left(ordinals, first.toordinal())
        while i + n > len(ordinals):
            n -= len(ordinals) - i
            year += 1
            ordinals = self._ordinals(year)
            i = 0
        return date.fromordinal(ordinals[i + n - 1])

    def roll_to_workday(self, d: date) -> date:
        """``d`` if it is a working day, else the first working day after it."""
        return d if self.is_workday(d) else self.add_working_days(d, 1)

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in ``(a, b]``; negative when ``b`` is before ``a``."""
        if b < a:
            return -self.working_days_between(b, a)
        if a == b:
            return 0
        lo, hi = a.toordinal(), b.toordinal()
        total = 0
        for year in range((a + ONE_DAY).year, b.year + 1):
            ordinals = self._ordinals(year)
            total += bisect_right(ordinals, hi) - bisect_right(ordinals, lo)
        return total
