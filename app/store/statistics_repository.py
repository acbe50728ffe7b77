"""Aggregate figures over the case table for the statistics page (one query each, no rows loaded
except the two dates of closed cases). Event dates live in the ``events`` JSON as ISO text, so
comparing them as text orders them as dates on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session

from app.store.case_repository import LIVE
from app.store.tables import ApprovalRow, CaseRow

_LIVE = LIVE  # "deleted = 0", as the partial indexes say


def _event(name: str):  # type: ignore[no-untyped-def]
    return CaseRow.events[name].as_string()


class StatisticsRepository:
    def __init__(self, session: Session):
        self.session = session

    def count_by(self, column: str) -> dict[str, int]:
        """Live cases per value of ``kind`` or ``stage``."""
        key = {"kind": CaseRow.kind, "stage": CaseRow.stage}[column]
        return {value: int(n) for value, n in self.session.execute(
            select(key, func.count()).where(_LIVE).group_by(key))}

    def closed_between(self, stages: tuple[str, ...], first: date, last: date) -> int:
        closed = _event("closed")
        stmt = select(func.count()).select_from(CaseRow).where(
            _LIVE, CaseRow.stage.in_(stages), closed >= first.isoformat(), closed <= last.isoformat())
        return int(self.session.scalar(stmt) or 0)

    def filed_and_closed(self, stages: tuple[str, ...], batch: int = 5000) -> Iterator[tuple[date, date]]:
        """(filed, closed) of the cases in ``stages`` that have both dates."""
        filed, closed = _event("filed"), _event("closed")
        stmt = select(filed, closed).where(_LIVE, CaseRow.stage.in_(stages), filed.is_not(None),
                                           closed.is_not(None))
        for start, end in self.session.execute(stmt.execution_options(yield_per=batch)):
            yield date.fromisoformat(start), date.fromisoformat(end)

    def fines(self, decided_event: str = "decided") -> tuple[int, int]:
        """(fines decided, amounts paid) in fen, over cases with a decision."""
        stmt = select(func.coalesce(func.sum(CaseRow.fine_fen), 0), func.coalesce(func.sum(CaseRow.paid_fen), 0)) \
            .where(_LIVE, _event(decided_event).is_not(None))
        decided, paid = self.session.execute(stmt).one()
        return int(decided), int(paid)

    def decided_of_kind(self, kind: str, *, with_event: str | None = None, with_approval: str | None = None) -> int:
        """Cases of ``kind`` with a decision; optionally only those with another event too, or with
        an approval given in the slot ``with_approval``."""
        conds = [_LIVE, CaseRow.kind == kind, _event("decided").is_not(None)]
        if with_event:
            conds.append(_event(with_event).is_not(None))
        if with_approval:
            conds.append(exists().where(ApprovalRow.case_id == CaseRow.id, ApprovalRow.slot == with_approval,
                                        ApprovalRow.decision == "approved", ApprovalRow.deleted.is_(False)))
        return int(self.session.scalar(select(func.count()).select_from(CaseRow).where(and_(*conds))) or 0)
