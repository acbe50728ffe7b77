"""Gap-free number sequences (案号) per bureau, series and year, allocated inside the caller's
transaction: the number and the case that uses it commit together or not at all."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.tables import NumberSequenceRow


def next_number(session: Session, bureau_code: str, series: str, year: int) -> int:
    row = session.scalars(select(NumberSequenceRow).where(
        NumberSequenceRow.bureau_code == bureau_code, NumberSequenceRow.series == series,
        NumberSequenceRow.year == year).with_for_update()).first()
    if row is None:
        row = NumberSequenceRow(bureau_code=bureau_code, series=series, year=year, last=0)
        session.add(row)
    row.last += 1
    session.flush()
    return row.last
