"""Working-day calendars loaded as data (years the bundled library does not know yet)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.calendar import YearCalendar
from app.store.tables import CalendarYearRow


class CalendarRepository:
    def __init__(self, session: Session):
        self.session = session

    def all(self) -> list[YearCalendar]:
        rows = self.session.scalars(select(CalendarYearRow).order_by(CalendarYearRow.year))
        return [YearCalendar.from_dict(r.data) for r in rows]

    def save(self, year: YearCalendar, source: str, now: datetime) -> None:
        row = self.session.get(CalendarYearRow, year.year)
        if row is None:
            self.session.add(CalendarYearRow(year=year.year, data=year.to_dict(), source=source, loaded_at=now))
        else:
            row.data, row.source, row.loaded_at = year.to_dict(), source, now
        self.session.flush()
