"""The time source for services: aware datetimes in Asia/Shanghai; tests pass a fixed clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


class Clock:
    def now(self) -> datetime:
        return datetime.now(SHANGHAI)


class FixedClock(Clock):
    """A clock that stays where it is put (tests, the demo seeder's back-dated history)."""

    def __init__(self, at: datetime):
        self.at = at if at.tzinfo else at.replace(tzinfo=SHANGHAI)

    def now(self) -> datetime:
        return self.at

    def set(self, at: datetime) -> None:
        self.at = at if at.tzinfo else at.replace(tzinfo=SHANGHAI)
