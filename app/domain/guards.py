"""Transition guards. Each guard is a named function of the context returning the reasons it refuses
(empty = allowed); the workflow table refers to guards by name, so a bureau variant is data."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from app.domain.calendar import WorkCalendar
from app.domain.cases import Case
from app.domain.catalogue import Matter
from app.domain.deadlines import (
    DeadlineStatus,
    Phrase,
    compute_deadlines,
    late_payment_surcharge,
    rule_by_code,
)
from app.domain.errors import CalendarNotLoaded, UserError
from app.domain.officers import Actor, Officer, Role
from app.domain.parties import PartyKind, PartyRole

SHANGHAI = ZoneInfo("Asia/Shanghai")
MIN_OFFICERS = 2  # 行政处罚法 Art. 42, 55; 行政强制法 Art. 18
SIMPLE_LIMIT_PERSON_FEN = 200_00  # 行政处罚法 Art. 51
SIMPLE_LIMIT_ORGANISATION_FEN = 3_000_00
LIMITATION_YEARS = 2  # Art. 36
LIMITATION_YEARS_SERIOUS = 5
NIGHT_START_HOUR, NIGHT_END_HOUR = 22, 6  # 行政强制法 Art. 43: no enforcement at night


@dataclass(frozen=True)
class GuardContext:
    case: Case
    actor: Actor
    now: datetime
    calendar: WorkCalendar
    officers: Mapping[str, Officer] = field(default_factory=dict)
    matter: Matter | None = None
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def local_now(self) -> datetime:
        """Deadlines, night hours and holidays are reckoned in Beijing time, whatever zone ``now`` has."""
        return self.now.astimezone(SHANGHAI) if self.now.tzinfo else self.now

    @property
    def today(self) -> date:
        return self.local_now.date()


Guard = Callable[[GuardContext], list[UserError]]


def _refuse(source: str, rule: str, **params: object) -> list[UserError]:
    return [UserError(source, rule=rule, **params)]


def officers_valid(ctx: GuardContext) -> list[UserError]:
    assigned = list(dict.fromkeys(ctx.case.officer_uuids))  # the same officer listed twice counts once
    valid = [u for u in assigned if u in ctx.officers and ctx.officers[u].certificate_valid_on(ctx.today)]
    if len(valid) >= MIN_OFFICERS:
        return []
    invalid = [ctx.officers[u].name for u in assigned
               if u in ctx.officers and not ctx.officers[u].certificate_valid_on(ctx.today)]
    return _refuse("at least {n} officers with a 执法证 valid on {day} are required (valid: {valid}; not valid: {invalid})",
                   "officers.valid", n=MIN_OFFICERS, day=ctx.today.isoformat(), valid=len(valid),
                   invalid="、".join(invalid) or "-")


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def within_limitation(ctx: GuardContext) -> list[UserError]:
    case = ctx.case
    end = case.act_end_date or case.act_date
    years = LIMITATION_YEARS_SERIOUS if case.serious_harm else LIMITATION_YEARS
    limit = _add_years(end, years)
    discovered = case.events.get("discovered", ctx.today)
    if discovered <= limit:
        return []
    return _refuse("the act ended {end} and was discovered {found}, after the {years}-year limitation ({limit})",
                   "limitation", end=end.isoformat(), found=discovered.isoformat(), years=years,
                   limit=limit.isoformat())


def actor_assigned(ctx: GuardContext) -> list[UserError]:
    if ctx.actor.role is not Role.OFFICER or ctx.actor.officer_uuid in ctx.case.officer_uuids:
        return []
    return _refuse("{name} is not assigned to this case; only its own officers may do this", "actor.assigned",
                   name=ctx.actor.name)


def not_suspended(ctx: GuardContext) -> list[UserError]:
    if not ctx.case.suspended:
        return []
    since = next(p.start for p in ctx.case.pauses if p.kind == "suspension" and p.end is None)
    return _refuse("the case is suspended (中止) since {day}; resume it first", "suspended", day=since.isoformat())


def legal_review_required(ctx: GuardContext) -> bool:
    """Art. 58: major public-interest cases, cases after a hearing, matters the law names."""
    case = ctx.case
    return case.major or "hearing_held" in case.events or bool(ctx.matter and ctx.matter.requires_legal_review)


def legal_review_if_required(ctx: GuardContext) -> list[UserError]:
    if not legal_review_required(ctx):
        return []
    since = ctx.case.events.get("hearing_held")
    if ctx.case.approved("legal_review", since=since):
        return []
    if since:
        return _refuse("法制审核 after the hearing of {day} is required before the decision", "legal_review",
                       day=since.isoformat())
    return _refuse("法制审核 is required for this case and has not been passed", "legal_review")


def case_review_done(ctx: GuardContext) -> list[UserError]:
    if ctx.case.approved("case_review") or ctx.case.approved("legal_review"):
        return []
    return _refuse("the section head's 案件审核 has not been given", "case_review")


def collective_discussion_if_required(ctx: GuardContext) -> list[UserError]:
    if not ctx.case.major or ctx.case.approved("collective_discussion"):
        return []
    return _refuse("a major case needs 集体讨论 by the bureau's heads before the decision", "collective_discussion")


def prior_notice_given(ctx: GuardContext) -> list[UserError]:
    if "notice_served" in ctx.case.events:
        return []
    return _refuse("no decision before 事先告知 has been served", "prior_notice")


def _deadline(ctx: GuardContext, code: str):
    rule = rule_by_code(code)
    found = [d for d in compute_deadlines(ctx.case.deadline_inputs(), ctx.calendar, ctx.today, rules=(rule,))]
    return found[0] if found else None


def defence_window_over(ctx: GuardContext) -> list[UserError]:
    """The 陈述申辩 and hearing-request windows must have run, unless waived in writing."""
    if "defence_waived" in ctx.case.events:
        return []
    reasons: list[UserError] = []
    for code in ("defence_period", "hearing_request"):
        d = _deadline(ctx, code)
        if d is None or d.status in (DeadlineStatus.ELAPSED, DeadlineStatus.MET):
            continue
        if d.status is DeadlineStatus.CALENDAR_MISSING:
            reasons.append(CalendarNotLoaded(d.missing_year or ctx.today.year))
        else:
            reasons += _refuse("the party's {window} runs until {due}; wait, or record a written waiver",
                               "defence_window", window=Phrase(d.rule.name),
                               due=d.due.isoformat() if d.due else "?")
    return reasons


def hearing_request_in_time(ctx: GuardContext) -> list[UserError]:
    d = _deadline(ctx, "hearing_request")
    if d is None or d.status is DeadlineStatus.NOT_STARTED:
        return _refuse("no decision before 事先告知 has been served", "prior_notice")
    if d.status is DeadlineStatus.CALENDAR_MISSING:
        return [CalendarNotLoaded(d.missing_year or ctx.today.year)]
    if d.status is DeadlineStatus.ELAPSED:
        return _refuse("the hearing had to be requested within 5 working days of the notice (the period ended {due})",
                       "hearing_request", due=d.due.isoformat() if d.due else "?")
    return []


def hearing_host_independent(ctx: GuardContext) -> list[UserError]:
    host = ctx.params.get("host_uuid")
    if host and host not in ctx.case.officer_uuids:
        return []
    return _refuse("the hearing host must be named and must not be one of the case's investigators", "hearing.host")


def simple_fine_limit(ctx: GuardContext) -> list[UserError]:
    fine = int(ctx.params.get("fine_fen", ctx.case.fine_fen or 0))
    organisation = any(p.kind is PartyKind.ORGANISATION for p in ctx.case.parties if p.role is PartyRole.PARTY)
    limit = SIMPLE_LIMIT_ORGANISATION_FEN if organisation else SIMPLE_LIMIT_PERSON_FEN
    if fine <= limit:
        return []
    return _refuse("the simple procedure allows fines up to ¥{limit} for {who}; ¥{fine} needs the ordinary procedure",
                   "simple.limit", limit=limit // 100, fine=f"{fine / 100:.2f}",
                   who=Phrase("an organisation" if organisation else "a citizen"))


def decision_approved(ctx: GuardContext) -> list[UserError]:
    if ctx.case.approved("decision"):
        return []
    return _refuse("the decision has not been approved by the bureau head", "decision.approved")


def decision_sealed(ctx: GuardContext) -> list[UserError]:
    if "decision_sealed" in ctx.case.events:
        return []
    return _refuse("the decision has not been sealed", "decision.sealed")


def amount_owed(ctx: GuardContext) -> tuple[int, int]:
    """(what the party still owes, the late surcharge in it) as of today, in fen. The surcharge
    (加处罚款, Art. 72) runs from the end of the payment period until the fine is paid in full."""
    case = ctx.case
    surcharge = 0
    if "paid_in_full" not in case.events and "fine_waived" not in case.events:
        d = _deadline(ctx, "payment")
        if d is not None and d.due is not None:
            surcharge = late_payment_surcharge(case.fine_fen, d.due, ctx.today, case.pauses)
    return max(case.fine_fen + surcharge - case.paid_fen, 0), surcharge


def fine_settled(ctx: GuardContext) -> list[UserError]:
    case = ctx.case
    if case.fine_fen == 0 or "fine_waived" in case.events or "enforcement_applied" in case.events:
        return []
    if "paid_in_full" in case.events:
        return []
    owed, surcharge = amount_owed(ctx)
    return _refuse("¥{owed} of the fine is unpaid (late surcharge ¥{surcharge}); apply for enforcement or record a waiver decision first",
                   "fine.unpaid", owed=f"{owed / 100:.2f}", surcharge=f"{surcharge / 100:.2f}")


def payment_period_over(ctx: GuardContext) -> list[UserError]:
    d = _deadline(ctx, "payment")
    if ctx.case.amount_due_fen() == 0 or (d is not None and d.status is DeadlineStatus.MET):
        return _refuse("no 催告: nothing of the fine is owed (paid in full, waived or no fine)",
                       "reminder.nothing_owed")
    if d is not None and d.status is DeadlineStatus.OVERDUE:
        return []
    if d is not None and d.status is DeadlineStatus.CALENDAR_MISSING:
        return [CalendarNotLoaded(d.missing_year or ctx.today.year)]
    return _refuse("催告 only after the payment period has run out ({due})", "reminder.early",
                   due=d.due.isoformat() if d and d.due else "?")


def enforcement_wait_over(ctx: GuardContext) -> list[UserError]:
    d = _deadline(ctx, "enforcement_wait")
    if d is not None and d.status is DeadlineStatus.ELAPSED:
        return []
    if d is not None and d.status is DeadlineStatus.CALENDAR_MISSING:
        return [CalendarNotLoaded(d.missing_year or ctx.today.year)]
    return _refuse("enforcement may be applied for only after the 10 working days that follow the 催告 "
                   "(they run until {due})", "enforcement.wait", due=d.due.isoformat() if d and d.due else "?")


def not_night_or_holiday(ctx: GuardContext) -> list[UserError]:
    hour = ctx.local_now.hour
    if hour >= NIGHT_START_HOUR or hour < NIGHT_END_HOUR:
        return _refuse("no coercive enforcement at night (22:00–06:00); it is now {time}", "enforcement.night",
                       time=ctx.now.strftime("%H:%M"))
    try:
        if ctx.calendar.is_rest_day(ctx.today):
            return _refuse("no coercive enforcement on rest days or holidays, and {day} is one",
                           "enforcement.holiday", day=ctx.today.isoformat())
    except CalendarNotLoaded as exc:
        return [exc]
    return []


# Guards that judge the parameters given with a step (not the case): skipped when offering actions.
PARAMETER_GUARDS = frozenset({"hearing_host_independent"})

GUARDS: dict[str, Guard] = {
    "officers_valid": officers_valid,
    "within_limitation": within_limitation,
    "actor_assigned": actor_assigned,
    "legal_review_if_required": legal_review_if_required,
    "case_review_done": case_review_done,
    "collective_discussion_if_required": collective_discussion_if_required,
    "prior_notice_given": prior_notice_given,
    "defence_window_over": defence_window_over,
    "hearing_request_in_time": hearing_request_in_time,
    "hearing_host_independent": hearing_host_independent,
    "simple_fine_limit": simple_fine_limit,
    "decision_approved": decision_approved,
    "decision_sealed": decision_sealed,
    "fine_settled": fine_settled,
    "payment_period_over": payment_period_over,
    "enforcement_wait_over": enforcement_wait_over,
    "not_night_or_holiday": not_night_or_holiday,
}
