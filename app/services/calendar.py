"""The working-day calendar in use: the bundled official years plus years loaded as data."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from app.domain.calendar import WorkCalendar, YearCalendar
from app.domain.errors import ValidationError
from app.services.clock import Clock
from app.store.calendar_repository import CalendarRepository
from app.store.database import Database


class CalendarService:
    def __init__(self, db: Database, clock: Clock):
        self.db, self.clock = db, clock
        self._calendar: WorkCalendar | None = None
        self.on_change: Callable[[int], object] | None = None  # told the year after one is loaded

    @property
    def calendar(self) -> WorkCalendar:
        if self._calendar is None:
            cal = WorkCalendar.builtin()
            with self.db.read() as s:
                for year in CalendarRepository(s).all():
                    cal.load_year(year)
            self._calendar = cal
        return self._calendar

    def load_year(self, data: dict, source: str) -> YearCalendar:
        """Validate and store one year's calendar; it takes effect at once."""
        year = YearCalendar.from_dict(data)
        with self.db.write() as s:
            CalendarRepository(s).save(year, source, self.clock.now())
        self.calendar.load_year(year)
        if self.on_change:
            self.on_change(year.year)
        return year

    def load_file(self, path: Path) -> YearCalendar:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValidationError("{field}: cannot read calendar file {path}: {why}", field="file",
                                  rule="calendar.file", path=str(path), why=str(exc)) from exc
        if not isinstance(data, dict):
            raise ValidationError("{field}: a calendar file holds one JSON object", field="file",
                                  rule="calendar.file")
        return self.load_year(data, source=str(path))
