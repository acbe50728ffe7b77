"""Figures for the statistics page (统计): counts by kind and stage, deadlines kept, cases closed,
handling time, fines, and how often legal review and hearings took place.

Counting "overdue" goes through :class:`CaseService.count` so it means exactly what the case list
means by it; the other figures are aggregate queries. No Qt here; the UI runs this off its thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from app.domain.cases import CaseKind, Stage
from app.services.cases import CaseFilter, CaseService
from app.services.clock import Clock
from app.store.database import Database
from app.store.statistics_repository import StatisticsRepository

CLOSED_STAGES = (Stage.CLOSED, Stage.ARCHIVED)  # 结案 (and archived after it)
ENDED_STAGES = frozenset({*CLOSED_STAGES, Stage.NOT_FILED, Stage.TRANSFERRED})  # no longer handled here
OPEN_STAGES = tuple(s for s in Stage if s not in ENDED_STAGES)


def rate(part: int, whole: int) -> float | None:
    """``part / whole``, or None where there is nothing to compare with (not 0 %, which would mislead)."""
    return part / whole if whole else None


@dataclass(frozen=True)
class CaseStatistics:
    as_of: datetime
    total: int
    by_kind: dict[CaseKind, int] = field(default_factory=dict)
    by_stage: dict[Stage, int] = field(default_factory=dict)
    open_cases: int = 0
    overdue: int = 0  # open cases whose next deadline has passed
    year: int = 0
    closed_this_year: int = 0
    closed_with_dates: int = 0  # closed cases with both a filing and a closing date
    average_handling_days: float | None = None  # calendar days from filing to closing
    fines_decided_fen: int = 0
    fines_collected_fen: int = 0
    decided_ordinary: int = 0  # ordinary-procedure penalty cases with a decision
    legal_reviewed: int = 0  # ... of which passed legal review (法制审核)
    hearings: int = 0  # ... of which held a hearing (听证)

    @property
    def overdue_rate(self) -> float | None:
        return rate(self.overdue, self.open_cases)

    @property
    def collection_rate(self) -> float | None:
        return rate(self.fines_collected_fen, self.fines_decided_fen)

    @property
    def legal_review_rate(self) -> float | None:
        return rate(self.legal_reviewed, self.decided_ordinary)

    @property
    def hearing_rate(self) -> float | None:
        return rate(self.hearings, self.decided_ordinary)


class StatisticsService:
    def __init__(self, db: Database, clock: Clock, cases: CaseService):
        self.db, self.clock, self.cases = db, clock, cases

    @classmethod
    def for_services(cls, services) -> StatisticsService:  # type: ignore[no-untyped-def]
        """Over the parts of a :class:`~app.services.Services` (or one already built, if it has one)."""
        existing = getattr(services, "statistics", None)
        return existing if isinstance(existing, StatisticsService) else cls(services.database, services.clock,
                                                                             services.cases)

    def compute(self) -> CaseStatistics:
        now = self.clock.now()
        year = now.year
        closed = tuple(s.value for s in CLOSED_STAGES)
        ordinary = CaseKind.PENALTY_ORDINARY.value
        with self.db.read() as s:
            repo = StatisticsRepository(s)
            by_kind = _known(repo.count_by("kind"), CaseKind)
            by_stage = _known(repo.count_by("stage"), Stage)
            closed_this_year = repo.closed_between(closed, date(year, 1, 1), date(year, 12, 31))
            spans = [(end - start).days for start, end in repo.filed_and_closed(closed)]
            decided_fen, paid_fen = repo.fines()
            decided = repo.decided_of_kind(ordinary)
            reviewed = repo.decided_of_kind(ordinary, with_approval="legal_review")
            hearings = repo.decided_of_kind(ordinary, with_event="hearing_held")
        open_cases = sum(n for stage, n in by_stage.items() if stage in OPEN_STAGES)
        overdue = self.cases.count(CaseFilter(stages=OPEN_STAGES, deadline="overdue")) if open_cases else 0
        return CaseStatistics(
            as_of=now, total=sum(by_kind.values()), by_kind=by_kind, by_stage=by_stage, open_cases=open_cases,
            overdue=overdue, year=year, closed_this_year=closed_this_year, closed_with_dates=len(spans),
            average_handling_days=sum(spans) / len(spans) if spans else None, fines_decided_fen=decided_fen,
            fines_collected_fen=paid_fen, decided_ordinary=decided, legal_reviewed=reviewed, hearings=hearings)


def _known(counts: dict[str, int], enum):  # type: ignore[no-untyped-def]
    """Counts keyed by enum member, in the enum's order, zero where none; values a newer version
    wrote (not members here) are left out rather than failing the page."""
    return {member: counts.get(member.value, 0) for member in enum}
