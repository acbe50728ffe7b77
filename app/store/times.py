"""Times in and out of the store. Everything is written in Asia/Shanghai time: SQLite keeps the
wall-clock time and drops the offset (it hands back naive datetimes), PostgreSQL keeps it (aware)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

SHANGHAI = ZoneInfo("Asia/Shanghai")


def aware(value: datetime | None) -> datetime | None:
    """A time read back: naive (SQLite) is Shanghai time; aware (PostgreSQL) is turned into it."""
    if value is None:
        return None
    return value.replace(tzinfo=SHANGHAI) if value.tzinfo is None else value.astimezone(SHANGHAI)


def local(value: datetime | None) -> datetime | None:
    """A time to write: in Shanghai time, so SQLite's wall-clock copy is Shanghai time too."""
    return None if value is None else value.astimezone(SHANGHAI)
