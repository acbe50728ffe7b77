"""Which case an evidence item probably belongs to: by the officer number the device recorded (matched
against officers' 执法证 numbers, exactly or by its end) and by time (the recording falls while the
case was open, close to one of its steps). The officer confirms a proposal or picks another case."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.domain.evidence import CaseProposal, EvidenceItem
from app.domain.i18n import tr
from app.domain.workflow_table import TRANSITIONS
from app.store.evidence_repository import CaseWindow, EvidenceRepository

SHANGHAI = ZoneInfo("Asia/Shanghai")
MIN_SUFFIX = 4  # a shorter officer number matches too much
WINDOW_LEAD = timedelta(days=1)  # footage of the inspection that found the act precedes the case
NEARBY = timedelta(days=30)  # cases registered this close to a recording are candidates without an officer match
W_EXACT, W_SUFFIX, W_WINDOW, W_NEAR = 0.5, 0.4, 0.3, 0.2
STEPS = frozenset(t.action for t in TRANSITIONS)  # audited case writes that move it (not edits of its parties)


def _norm(number: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", (number or "").upper())


@dataclass(frozen=True)
class OfficerMatch:
    uuid: str
    name: str
    certificate_no: str
    exact: bool


def match_officers(officer_no: str, officers: Sequence[tuple[str, str, str]]) -> list[OfficerMatch]:
    """Officers whose 执法证 number is the device's officer number, or ends with it (or the reverse)."""
    wanted = _norm(officer_no)
    if not wanted:
        return []
    found = []
    for uuid, cert, name in officers:
        have = _norm(cert)
        if have == wanted:
            found.append(OfficerMatch(uuid, name, cert, True))
        elif min(len(have), len(wanted)) >= MIN_SUFFIX and (have.endswith(wanted) or wanted.endswith(have)):
            found.append(OfficerMatch(uuid, name, cert, False))
    return found


def item_time(item: EvidenceItem) -> datetime:
    """When the item was recorded on the workstation's clock, as well as can be told."""
    return item.recorded_at_corrected or item.recorded_at or item.modified_at or item.imported_at


def _start(day: date) -> datetime:
    return datetime.combine(day, time.min, SHANGHAI)


def _aware(at: datetime) -> datetime:
    return at.replace(tzinfo=SHANGHAI) if at.tzinfo is None else at


def score_case(case: CaseWindow, at: datetime, officers: Sequence[OfficerMatch],
               moments: Sequence[tuple[datetime, str]], now: datetime) -> CaseProposal | None:
    """A proposal for the case, or None when neither officer nor time speaks for it."""
    score, reasons = 0.0, []
    assigned = [o for o in officers if o.uuid in case.officer_uuids]
    if assigned:
        best = max(assigned, key=lambda o: o.exact)
        score += W_EXACT if best.exact else W_SUFFIX
        reasons.append(tr("the device's officer number is {name}'s 执法证 number {certificate}", name=best.name,
                          certificate=best.certificate_no) if best.exact else
                       tr("the device's officer number matches the end of {name}'s 执法证 number {certificate}",
                          name=best.name, certificate=best.certificate_no))
    start = min(_start(case.act_date), _aware(case.created_at)) - WINDOW_LEAD
    closed = case.events.get("closed")
    end = _start(date.fromisoformat(closed)) + timedelta(days=1) if closed else now
    if start <= at <= end:
        score += W_WINDOW
        reasons.append(tr("recorded while the case was open ({start} to {end})", start=f"{start + WINDOW_LEAD:%Y-%m-%d}",
                          end=f"{end:%Y-%m-%d}" if closed else tr("now")))
    elif not assigned:
        return None
    points = [(_start(case.act_date) + timedelta(hours=12), "act")]
    points += [(_aware(m), a) for m, a in moments if a in STEPS or a == "register"]
    when, action = min(points, key=lambda p: abs(p[0] - at))
    hours = round(abs(when - at).total_seconds() / 3600)
    closeness = math.exp(-hours / 48)
    if closeness > 0.05:
        score += W_NEAR * closeness
        reasons.append(tr("recorded {hours} hours from the act ({date})", hours=hours, date=f"{when:%Y-%m-%d}")
                       if action == "act" else
                       tr("recorded {hours} hours from the registration of the case", hours=hours)
                       if action == "register" else
                       tr("recorded {hours} hours from the case step 「{step}」", hours=hours, step=tr(action)))
    return CaseProposal(case_uuid=case.uuid, case_number=case.number, cause=case.cause, score=round(score, 3),
                        reasons=tuple(reasons))


class Proposer:
    """Proposals for many items in one read (the officers are read once)."""

    def __init__(self, session: Session, now: datetime, limit: int = 5):
        self.repo, self.now, self.limit = EvidenceRepository(session), now, limit
        self._officers = self.repo.officers()
        # one docking brings many files of one officer: their cases and stage moments are read once
        self._cases_of: dict[tuple[str, ...], list[CaseWindow]] = {}
        self._moments: dict[str, list[tuple[datetime, str]]] = {}

    def _cases_of_officers(self, officer_uuids: tuple[str, ...]) -> list[CaseWindow]:
        if officer_uuids not in self._cases_of:
            self._cases_of[officer_uuids] = self.repo.cases_of_officers(list(officer_uuids))
        return self._cases_of[officer_uuids]

    def _moments_of(self, case_uuids: list[str]) -> dict[str, list[tuple[datetime, str]]]:
        missing = [u for u in case_uuids if u not in self._moments]
        if missing:
            read = self.repo.case_moments(missing)
            self._moments.update({u: read.get(u, []) for u in missing})
        return {u: self._moments[u] for u in case_uuids}

    def proposals(self, item: EvidenceItem) -> list[CaseProposal]:
        at = item_time(item)
        matched = match_officers(item.officer_no, self._officers)
        cases = {c.uuid: c for c in self._cases_of_officers(tuple(o.uuid for o in matched))}
        for c in self.repo.cases_registered_between(at - NEARBY, at + NEARBY):
            cases.setdefault(c.uuid, c)
        linked = set(item.case_uuids)
        moments = self._moments_of([u for u in cases if u not in linked])
        found = [p for u, c in cases.items() if u not in linked
                 if (p := score_case(c, at, matched, moments.get(u, ()), self.now)) is not None]
        found.sort(key=lambda p: (-p.score, p.case_number))
        return found[:self.limit]
