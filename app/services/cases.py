"""Case use cases: open, assign, advance, approve, suspend/resume/extend, list, search, history.

Every call that writes is one transaction holding the case, its children, its search text and
its audit entry: after a crash either all of it is there or none of it.
"""

from __future__ import annotations

import json
import uuid as uuidlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from app.domain import workflow
from app.domain.calendar import WorkCalendar
from app.domain.cases import ApprovalDecision, Case, CaseKind, Lead, Stage
from app.domain.catalogue import Matter
from app.domain.deadline_rules import RULES
from app.domain.deadlines import Deadline, DeadlineStatus, compute_deadlines, next_deadline
from app.domain.errors import CalendarNotLoaded, StaleWrite, ValidationError
from app.domain.guards import GuardContext, amount_owed
from app.domain.i18n import language, tr
from app.domain.officers import Actor, Role
from app.domain.parties import Party
from app.domain.workflow import PAUSE_KINDS, ActionOption
from app.domain.workflow_table import FIRST_STAGE
from app.services.calendar import CalendarService
from app.services.clock import Clock
from app.store import audit
from app.store.audit import AuditEntry, NewEntry
from app.store.case_repository import CaseListing, CaseQuery, CaseRepository, Derived
from app.store.database import Database
from app.store.matter_repository import MatterRepository
from app.store.numbers import next_number
from app.store.officer_repository import OfficerRepository

# 案号 series end in 案 so a case number never reads like a document's 文号 (江海市监罚〔2026〕12号 is a decision)
NUMBER_SERIES = {CaseKind.PENALTY_ORDINARY: "罚案", CaseKind.PENALTY_SIMPLE: "简案", CaseKind.COERCIVE: "强案",
                 CaseKind.INSPECTION: "检案"}
TEMPORARY_SERIES = "临"
RULE_NAMES = {r.code: r.name for r in RULES}


SORT_KEYS = ("number", "party", "matter", "stage", "next_due", "updated", "registered")


@dataclass(frozen=True)
class CaseFilter:
    """What the case list shows. Without ``text`` it is sorted by ``sort``; with ``text`` the
    newest matching case comes first."""

    stages: tuple[Stage, ...] = ()  # any of these (with ``stage``: both must hold)
    registered_from: date | None = None
    registered_to: date | None = None
    sort: str = "updated"  # one of SORT_KEYS
    descending: bool = True
    stage: Stage | None = None
    kind: CaseKind | None = None
    matter_code: str | None = None
    officer_uuid: str | None = None
    deadline: str | None = None  # "overdue" | "due_soon"
    due_within_days: int = 3  # working days, for "due_soon"
    text: str = ""


@dataclass(frozen=True)
class CaseRow:
    uuid: str
    number: str
    kind: CaseKind
    stage: Stage
    party_names: str
    matter_name: str
    officer_names: str
    next_due: date | None
    next_rule_name: str
    deadline_status: str  # overdue / due_soon / running / calendar_missing / none
    deadline_explanation: str
    updated_at: datetime


def _note(stored: str) -> str:
    """The stored explanation in the current language (both languages are written)."""
    if not stored:
        return ""
    notes = json.loads(stored)
    return notes.get(language(), notes.get("en", ""))


def snapshot(case: Case) -> dict[str, object]:
    """What the audit log records of a case: enough to read what changed."""
    return {
        "number": case.number, "stage": case.stage.value, "officers": list(case.officer_uuids),
        "parties": [p.name for p in case.parties], "fine_fen": case.fine_fen, "paid_fen": case.paid_fen,
        "events": {k: v.isoformat() for k, v in sorted(case.events.items())},
        "pauses": [[p.kind, p.start.isoformat(), p.end.isoformat() if p.end else None] for p in case.pauses],
        "extensions": [[e.rule_code, e.days] for e in case.extensions],
        "approvals": [[a.slot, a.decision.value, a.actor_name] for a in case.approvals],
    }


def _diff(before: dict, after: dict) -> tuple[dict, dict]:
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


class CaseService:
    def __init__(self, db: Database, clock: Clock, calendars: CalendarService, bureau_code: str, case_prefix: str):
        self.db, self.clock, self.calendars = db, clock, calendars
        self.bureau_code, self.case_prefix = bureau_code, case_prefix
        self._matters: dict[str, Matter] = {}

    @property
    def calendar(self) -> WorkCalendar:
        return self.calendars.calendar

    # ---- reading ------------------------------------------------------------------------------
    def get(self, case_uuid: str) -> Case:
        with self.db.read() as s:
            return CaseRepository(s).get(case_uuid)

    def deadlines(self, case_uuid: str) -> list[Deadline]:
        case = self.get(case_uuid)
        return compute_deadlines(case.deadline_inputs(), self.calendar, self.clock.now().date())

    def amount_owed(self, case_uuid: str) -> tuple[int, int]:
        """(what the party still owes in fen, the late surcharge within it) as of today."""
        with self.db.read() as s:
            case = CaseRepository(s).get(case_uuid)
            return amount_owed(self._context(s, Actor("reader", "", Role.SYSTEM), case, {}))

    def available_actions(self, actor: Actor, case_uuid: str) -> list[ActionOption]:
        with self.db.read() as s:
            return workflow.available_actions(self._context(s, actor, CaseRepository(s).get(case_uuid), {}))

    def history(self, case_uuid: str) -> list[AuditEntry]:
        with self.db.read() as s:
            return audit.history(s, case_uuid)

    def _query(self, flt: CaseFilter) -> CaseQuery:
        today = self.clock.now().date()
        if flt.sort not in SORT_KEYS:
            raise ValidationError("{field}: cannot sort by {value!r}", field="sort", rule="filter", value=flt.sort)
        if flt.registered_from and flt.registered_to and flt.registered_from > flt.registered_to:
            raise ValidationError("{field}: the date range ends before it begins", field="registered_to",
                                  rule="date.order")
        q = CaseQuery(stage=flt.stage.value if flt.stage else None, kind=flt.kind.value if flt.kind else None,
                      matter_code=flt.matter_code or None, officer_uuid=flt.officer_uuid or None, text=flt.text,
                      stages=tuple(s.value for s in flt.stages), registered_from=flt.registered_from,
                      registered_to=flt.registered_to, sort=flt.sort, descending=flt.descending)
        if flt.deadline == "overdue":
            return replace(q, due_to=today - timedelta(days=1), deadline_status="ok")
        if flt.deadline == "due_soon":
            return replace(q, due_from=today, due_to=self._soon_limit(today, flt.due_within_days), deadline_status="ok")
        if flt.deadline is not None:
            raise ValidationError("{field}: unknown deadline filter {value!r}", field="deadline", rule="filter",
                                  value=flt.deadline)
        return q

    def _soon_limit(self, today: date, working_days: int) -> date:
        try:
            return self.calendar.add_working_days(today, working_days)
        except CalendarNotLoaded:  # beyond the loaded calendar: count calendar days instead
            return today + timedelta(days=working_days)

    def count(self, flt: CaseFilter) -> int:
        with self.db.read() as s:
            return CaseRepository(s).count(self._query(flt))

    def list_cases(self, flt: CaseFilter, offset: int, limit: int) -> list[CaseRow]:
        q = self._query(flt)
        with self.db.read() as s:
            listings = CaseRepository(s).list(q, offset, limit)
        today = self.clock.now().date()
        soon = self._soon_limit(today, flt.due_within_days)
        return [self._row(item, today, soon) for item in listings]

    def search(self, text: str, limit: int = 50) -> list[CaseRow]:
        return self.list_cases(CaseFilter(text=text), 0, limit)

    @staticmethod
    def _row(item: CaseListing, today: date, soon: date) -> CaseRow:
        status = item.deadline_status
        if status == "ok" and item.next_due is not None:
            status = "overdue" if item.next_due < today else "due_soon" if item.next_due <= soon else "running"
        return CaseRow(uuid=item.uuid, number=item.number, kind=item.kind, stage=item.stage,
                       party_names=item.party_names, matter_name=item.matter_name, officer_names=item.officer_names,
                       next_due=item.next_due, next_rule_name=tr(RULE_NAMES[item.next_rule]) if item.next_rule else "",
                       deadline_status=status, deadline_explanation=_note(item.deadline_note), updated_at=item.updated_at)

    def rederive_deadlines(self, year: int, batch: int = 500) -> int:
        """After the calendar of ``year`` was loaded: recompute the next deadline of the cases that
        waited for it (or fall in it), in batches; returns how many were recomputed."""
        with self.db.read() as s:
            uuids = CaseRepository(s).uuids_to_rederive(year)
        for start in range(0, len(uuids), batch):
            with self.db.write() as s:
                repo = CaseRepository(s)
                for uuid in uuids[start:start + batch]:
                    repo.update_derived(uuid, self._derive(s, repo.get(uuid)))
        return len(uuids)

    # ---- writing ------------------------------------------------------------------------------
    def _matter(self, s: Session, code: str) -> Matter:
        """Catalogue entries change only by import (which calls forget_matters): cache them."""
        matter = self._matters.get(code)
        if matter is None:
            matter = self._matters[code] = MatterRepository(s).get(code)
        return matter

    def forget_matters(self) -> None:
        self._matters.clear()

    def _context(self, s: Session, actor: Actor, case: Case, params: Mapping[str, object]) -> GuardContext:
        matter = self._matter(s, case.matter_code)
        return GuardContext(case=case, actor=actor, now=self.clock.now(), calendar=self.calendar,
                            officers=OfficerRepository(s).many(case.officer_uuids), matter=matter, params=params)

    def _derive(self, s: Session, case: Case, ctx: GuardContext | None = None) -> Derived:
        """List values written with the case; reuses what the guard context already loaded."""
        matter = ctx.matter if ctx and ctx.matter else self._matter(s, case.matter_code)
        officers = ctx.officers if ctx else {}
        if all(u in officers for u in case.officer_uuids):
            names = "、".join(officers[u].name for u in case.officer_uuids)
        else:
            names = CaseRepository(s).officer_names(case.officer_uuids)
        nxt = next_deadline(compute_deadlines(case.deadline_inputs(), self.calendar, self.clock.now().date()))
        if nxt is None:
            return Derived(names, None, "", "none", "", matter.name)
        missing = nxt.status is DeadlineStatus.CALENDAR_MISSING
        note = json.dumps({lang: nxt.explain(lang) for lang in ("zh_CN", "en")}, ensure_ascii=False)
        return Derived(officer_names=names, next_due=nxt.provisional_due if missing else nxt.due,
                       next_rule=nxt.rule.code, deadline_status="calendar_missing" if missing else "ok",
                       deadline_note=note, matter_name=matter.name)

    def _number(self, s: Session, series: str, year: int) -> str:
        n = next_number(s, self.bureau_code, series, year)
        return f"{self.case_prefix}{series}〔{year}〕{n}号"

    def _save(self, s: Session, actor: Actor, action: str, before: Case | None, after: Case, reason: str,
              ctx: GuardContext | None = None) -> Case:
        repo, now = CaseRepository(s), self.clock.now()
        derived = self._derive(s, after, ctx)
        saved = repo.add(after, derived, now) if before is None else repo.update(after, derived, now, before)
        old, new = _diff(snapshot(before) if before else {}, snapshot(saved))
        audit.append(s, [NewEntry(actor_id=actor.user_id, actor_name=actor.name, role=actor.role.value,
                                  action=action, entity="case", entity_id=saved.uuid, before=old, after=new,
                                  at=now, reason=reason)])
        return saved

    def _change(self, actor: Actor, case_uuid: str, expected_version: int, action: str, reason: str,
                change: Callable[[Session, GuardContext], Case], params: Mapping[str, object] | None = None) -> Case:
        """Read, check the version, change, write and audit the case in one transaction."""
        with self.db.write() as s:
            case = CaseRepository(s).get(case_uuid)
            if case.version != expected_version:
                raise StaleWrite("case {number} was changed by someone else since you opened it; reload and retry",
                                 rule="stale", number=case.number)
            ctx = self._context(s, actor, case, params or {})
            new = change(s, ctx)
            if new.officer_uuids != case.officer_uuids:
                ctx = None  # officers changed: derive their names afresh
            return self._save(s, actor, action, case, new, reason, ctx)

    def open_case_from_lead(self, actor: Actor, lead: Lead) -> Case:
        """案件来源登记: validate the lead and register the case with a temporary number."""
        now = self.clock.now()
        lead.validate(now.date())
        with self.db.write() as s:
            matter = self._matter(s, lead.matter_code)
            officers = OfficerRepository(s).many(lead.officer_uuids)
            unknown = [u for u in lead.officer_uuids if u not in officers]
            if unknown:
                raise ValidationError("{field}: unknown officer {uuid}", field="officer_uuids",
                                      rule="officer.exists", uuid=unknown[0])
            parties = tuple(p if p.uuid else replace(p, uuid=str(uuidlib.uuid4())) for p in lead.parties)
            case = Case(
                uuid=str(uuidlib.uuid4()), number=self._number(s, TEMPORARY_SERIES, now.year),
                bureau_code=self.bureau_code, kind=CaseKind(lead.kind), stage=FIRST_STAGE,
                matter_code=matter.code, matter_name=matter.name, cause=lead.cause.strip(),
                source=lead.source.strip(), act_date=lead.act_date, place=lead.place.strip(), parties=parties,
                officer_uuids=tuple(dict.fromkeys(lead.officer_uuids)), act_end_date=lead.act_end_date,
                facts=lead.facts, legal_basis=matter.legal_basis, serious_harm=lead.serious_harm, major=lead.major,
                proposed_fine_fen=lead.proposed_fine_fen,
                events={"discovered": lead.discovered_on, "registered": now.date()})
            return self._save(s, actor, "register", None, case, lead.source)

    def assign_officers(self, actor: Actor, case_uuid: str, officer_uuids: Sequence[str], *,
                        expected_version: int) -> Case:
        def change(s: Session, ctx: GuardContext) -> Case:
            case = ctx.case
            found = OfficerRepository(s).many(officer_uuids)
            unknown = [u for u in officer_uuids if u not in found]
            if unknown:
                raise ValidationError("{field}: unknown officer {uuid}", field="officer_uuids",
                                      rule="officer.exists", uuid=unknown[0])
            if case.stage in (Stage.CLOSED, Stage.ARCHIVED):
                raise ValidationError("{field}: officers of a closed case cannot change", field="officer_uuids",
                                      rule="case.closed")
            return replace(case, officer_uuids=tuple(dict.fromkeys(officer_uuids)))

        return self._change(actor, case_uuid, expected_version, "assign_officers", "", change)

    def update_parties(self, actor: Actor, case_uuid: str, parties: Sequence[Party], *,
                       expected_version: int) -> Case:
        def change(s: Session, ctx: GuardContext) -> Case:
            return replace(ctx.case, parties=tuple(p if p.uuid else replace(p, uuid=str(uuidlib.uuid4()))
                                                   for p in parties))

        return self._change(actor, case_uuid, expected_version, "update_parties", "", change)

    def advance(self, actor: Actor, case_uuid: str, action: str, *, expected_version: int, comment: str = "",
                params: Mapping[str, object] | None = None) -> Case:
        """Perform a workflow action; refused actions raise TransitionRefused with every reason."""
        def change(s: Session, ctx: GuardContext) -> Case:
            new, t = workflow.apply(ctx, action, comment)
            if "assign_case_number" in t.effects:
                new = replace(new, number=self._number(s, NUMBER_SERIES[new.kind], self.clock.now().year))
            return new

        return self._change(actor, case_uuid, expected_version, action, comment, change, params)

    def record_approval(self, actor: Actor, case_uuid: str, slot: str, decision: ApprovalDecision, comment: str, *,
                        expected_version: int) -> Case:
        def change(s: Session, ctx: GuardContext) -> Case:
            return workflow.record_approval(ctx, slot, ApprovalDecision(decision), comment)

        return self._change(actor, case_uuid, expected_version, f"approval:{slot}", comment, change)

    def suspend(self, actor: Actor, case_uuid: str, kind: str, *, expected_version: int, reason: str,
                start: date | None = None) -> Case:
        if not reason.strip():
            raise ValidationError("{field}: a comment (reason) is required for this action", field="reason",
                                  rule="comment.required")
        if kind not in PAUSE_KINDS:
            raise ValidationError("{field}: unknown pause kind {value!r}", field="kind", rule="pause.kind",
                                  value=kind)
        on = start or self.clock.now().date()
        return self._change(actor, case_uuid, expected_version, f"suspend:{kind}", reason,
                            lambda s, ctx: workflow.suspend(ctx.case, kind, on, actor.role))

    def resume(self, actor: Actor, case_uuid: str, *, expected_version: int, reason: str = "",
               on: date | None = None) -> Case:
        day = on or self.clock.now().date()
        return self._change(actor, case_uuid, expected_version, "resume", reason,
                            lambda s, ctx: workflow.resume(ctx.case, day, actor.role))

    def extend(self, actor: Actor, case_uuid: str, rule_code: str, days: int, *, expected_version: int,
               reason: str) -> Case:
        if not reason.strip():
            raise ValidationError("{field}: a comment (reason) is required for this action", field="reason",
                                  rule="comment.required")
        today = self.clock.now().date()
        return self._change(actor, case_uuid, expected_version, f"extend:{rule_code}", reason,
                            lambda s, ctx: workflow.extend(ctx.case, rule_code, days, today, actor.role))
