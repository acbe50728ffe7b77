"""The deadline engine: which statutory periods run on a case, when each ends, and why.

Counting (行政处罚法 Art. 85, 行政强制法 Art. 69, SAMR 期间 rules): the start day is not counted;
WORKING periods count working days; CALENDAR periods count days and, when the last day is a rest
day or holiday, end on the first working day after it; MONTHS periods end on the same day of the
month (clamped to the month's end) and roll forward likewise. Paused days (中止, testing, ...) are
skipped day for day; approved extensions add days in the rule's unit (calendar days for MONTHS).
A period that reaches a year without a loaded calendar is CALENDAR_MISSING: it carries only a
``provisional_due`` (that year's weekends treated as its only rest days), never a real ``due``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum

from app.domain.calendar import ONE_DAY, WorkCalendar, add_months
from app.domain.deadline_rules import (
    CASE_KINDS,
    EVENT_LABELS,
    PAUSE_KIND_LABELS,
    PAUSE_KINDS,
    ROLE_LABELS,
    RULES,
    DayUnit,
    DeadlineNature,
    DeadlineRule,
)
from app.domain.errors import CalendarNotLoaded, NotFound, ValidationError
from app.domain.i18n import tr, tr_in

__all__ = [
    "RULES", "DayUnit", "Deadline", "DeadlineInputs", "DeadlineNature", "DeadlineRule", "DeadlineStatus",
    "Extension", "Pause", "Phrase", "compute_deadlines", "late_payment_surcharge", "next_deadline",
    "rule_by_code", "validate_extension",
]

SURCHARGE_PERCENT_PER_DAY = 3  # 行政处罚法 Art. 72


@dataclass(frozen=True)
class Pause:
    """Days excluded from counting: ``[start, end)``, so ``end`` is the day the clock runs again.
    ``end=None`` means the pause is still running; it then covers every day through today."""

    kind: str
    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        if self.kind not in PAUSE_KINDS:
            raise ValidationError("unknown pause kind {kind}", field="kind", rule="known_name", kind=self.kind)
        if self.end is not None and self.end < self.start:
            raise ValidationError("a pause cannot end before it starts", field="end", rule="end_after_start")


@dataclass(frozen=True)
class Extension:
    rule_code: str
    days: int
    approved_on: date
    approved_by_role: str


@dataclass(frozen=True)
class DeadlineInputs:
    kind: str  # case kind
    events: Mapping[str, date]
    pauses: Sequence[Pause] = ()
    extensions: Sequence[Extension] = ()


class DeadlineStatus(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET = "met"
    ELAPSED = "elapsed"  # a WINDOW ran out
    CALENDAR_MISSING = "calendar_missing"


OPEN_STATUSES = frozenset({DeadlineStatus.RUNNING, DeadlineStatus.DUE_SOON, DeadlineStatus.OVERDUE,
                           DeadlineStatus.CALENDAR_MISSING})


@dataclass(frozen=True)
class Phrase:
    """English source text plus parameters, rendered in any language on demand (nested phrases
    are rendered too), so an explanation computed once reads right after a language switch."""

    source: str
    params: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, source: str, /, **params: object) -> Phrase:
        return cls(source, tuple(params.items()))

    def render(self, language: str | None = None) -> str:
        args = {k: v.render(language) if isinstance(v, Phrase) else v for k, v in self.params}
        return tr(self.source, **args) if language is None else tr_in(language, self.source, **args)

    def __str__(self) -> str:
        return self.render()


def _render(phrases: Iterable[Phrase], language: str | None) -> str:
    separator = tr(", ") if language is None else tr_in(language, ", ")  # list separator
    out = ""
    for phrase in phrases:
        text = phrase.render(language)
        out = text if not out else out + (" " if text.startswith("→") else separator) + text
    return out


@dataclass(frozen=True)
class Deadline:
    rule: DeadlineRule
    start: date | None
    due: date | None
    provisional_due: date | None  # only when the calendar is missing; never a real due date
    status: DeadlineStatus
    met_on: date | None = None
    missing_year: int | None = None
    paused_days: int = 0  # days skipped (working days for WORKING rules)
    extended_days: int = 0
    explanation: str = ""  # English; explain() gives the current language
    phrases: tuple[Phrase, ...] = field(default=(), repr=False)

    @property
    def code(self) -> str:
        return self.rule.code

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def explain(self, language: str | None = None) -> str:
        return _render(self.phrases, language)


def rule_by_code(code: str, rules: Iterable[DeadlineRule] = RULES) -> DeadlineRule:
    for rule in rules:
        if rule.code == code:
            return rule
    raise NotFound("unknown deadline rule {code}", field="rule_code", rule="known_name", code=code)


class _Labels(tuple):
    """Role names for a message, rendered in the current language when the message is shown."""

    def __str__(self) -> str:
        return tr(", ").join(tr(ROLE_LABELS.get(r, r)) for r in self)


def validate_extension(rule: DeadlineRule, existing_extensions: Iterable[Extension], days: int, role: str) -> None:
    """Refuse an extension the rule does not allow; the caller records the approval itself."""
    name = Phrase(rule.name)
    if rule.max_extension_days <= 0 or not rule.extension_roles:
        raise ValidationError("{name} cannot be extended", field="rule_code", rule="extendable", name=name)
    if days <= 0:
        raise ValidationError("an extension must add at least one day", field="days", rule="positive")
    if role not in rule.extension_roles:
        raise ValidationError("an extension of {name} must be approved by: {roles}", field="approved_by_role",
                              rule="extension_role", name=name, roles=_Labels(sorted(rule.extension_roles)))
    total = days + sum(e.days for e in existing_extensions if e.rule_code == rule.code)
    if total > rule.max_extension_days:
        source = ("the extensions of {name} would total {total} working days, more than the {limit} allowed"
                  if rule.unit is DayUnit.WORKING else
                  "the extensions of {name} would total {total} days, more than the {limit} allowed")
        raise ValidationError(source, field="days", rule="extension_max", name=name, total=total,
                              limit=rule.max_extension_days)


class _PauseSet:
    """The pause intervals ``[first, end)`` that apply to one rule, with their kinds."""

    def __init__(self, pauses: Iterable[Pause], kinds: frozenset[str], today: date):
        spans = ((p.start, p.end if p.end is not None else today + ONE_DAY, p.kind) for p in pauses
                 if p.kind in kinds)
        self.intervals = [(first, end, kind) for first, end, kind in spans if first < end]

    def __bool__(self) -> bool:
        return bool(self.intervals)

    def has(self, d: date) -> bool:
        return any(first <= d < end for first, end, _ in self.intervals)

    def breakdown(self, after: date, through: date, counts: Callable[[date], bool] | None = None) -> dict[str, int]:
        """Paused days in ``(after, through]`` per kind (a day under two pauses counts once)."""
        result: dict[str, int] = {}
        seen: set[date] = set()
        for first, end, kind in self.intervals:
            d, stop = max(first, after + ONE_DAY), min(end, through + ONE_DAY)
            while d < stop:
                if d not in seen and (counts is None or counts(d)):
                    result[kind] = result.get(kind, 0) + 1
                seen.add(d)
                d += ONE_DAY
        return result

    def running_on(self, d: date) -> list[tuple[date, str]]:
        return [(first, kind) for first, end, kind in self.intervals if first <= d < end]


def _nth_day(start: date, n: int, counts: Callable[[date], bool]) -> date:
    d = start
    while n > 0:
        d += ONE_DAY
        if counts(d):
            n -= 1
    return d


def _last_day(rule: DeadlineRule, start: date, extension: int, paused: _PauseSet,
              is_work: Callable[[date], bool], calendar: WorkCalendar | None) -> date:
    """The last counted day, before any roll forward over rest days."""
    def not_paused(d: date) -> bool:
        return not paused.has(d)

    if rule.unit is DayUnit.MONTHS:
        base = add_months(start, rule.length)
        extra = extension + sum(paused.breakdown(start, base).values())
        return _nth_day(base, extra, not_paused)
    n = rule.length + extension
    if rule.unit is DayUnit.CALENDAR:
        return _nth_day(start, n, not_paused) if paused else start + timedelta(days=n)
    if not paused and calendar is not None:
        return calendar.add_working_days(start, n)
    return _nth_day(start, n, lambda d: not paused.has(d) and is_work(d))


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


class _Engine:
    def __init__(self, inputs: DeadlineInputs, calendar: WorkCalendar, today: date,
                 rules: Mapping[str, DeadlineRule], due_soon_working_days: int):
        self.inputs, self.calendar, self.today = inputs, calendar, _as_date(today)
        self.rules, self.due_soon = rules, due_soon_working_days
        self.events = {k: _as_date(v) for k, v in inputs.events.items() if v is not None}
        self.known = calendar.known_years()
        self.done: dict[str, Deadline] = {}
        self.active: set[str] = set()

    def deadline(self, rule: DeadlineRule) -> Deadline:
        if rule.code not in self.done:
            if rule.code in self.active:
                raise ValidationError("deadline rule {code} starts after a missing or circular rule {value}",
                                      field="start", rule="chain", code=rule.code, value=rule.start_rule)
            self.active.add(rule.code)
            try:
                self.done[rule.code] = self._compute(rule)
            finally:
                self.active.discard(rule.code)
        return self.done[rule.code]

    def _start(self, rule: DeadlineRule) -> tuple[date | None, Phrase, int | None]:
        """Start date, what it is, and the missing year inherited from a chained rule."""
        ref_code = rule.start_rule
        if ref_code is None:
            return self.events.get(rule.start), Phrase(EVENT_LABELS.get(rule.start, rule.start)), None
        if ref_code not in self.rules:
            raise ValidationError("deadline rule {code} starts after a missing or circular rule {value}",
                                  field="start", rule="chain", code=rule.code, value=ref_code)
        ref = self.deadline(self.rules[ref_code])
        label = Phrase.of("end of {rule}", rule=Phrase(ref.rule.name))
        if ref.due is not None:
            return ref.due, label, None
        return ref.provisional_due, label, ref.missing_year

    def _provisional_is_workday(self, d: date) -> bool:
        return self.calendar.is_workday(d) if d.year in self.known else d.weekday() < 5

    def _compute(self, rule: DeadlineRule) -> Deadline:
        met = sorted((d, e) for e in rule.met_by if (d := self.events.get(e)) is not None)
        met_on = met[0][0] if met else None
        met_phrase = [Phrase.of("met: {event} on {date}", event=Phrase(EVENT_LABELS.get(met[0][1], met[0][1])),
                                date=met_on)] if met else []
        extension = sum(e.days for e in self.inputs.extensions if e.rule_code == rule.code)
        start, start_label, missing = self._start(rule)
        if start is None:
            phrases = met_phrase or [Phrase.of("not started: waiting for {event}", event=start_label)]
            status = DeadlineStatus.MET if met else DeadlineStatus.NOT_STARTED
            return Deadline(rule, None, None, None, status, met_on=met_on, extended_days=extension,
                            explanation=_render(phrases, "en"), phrases=tuple(phrases))

        paused = _PauseSet(self.inputs.pauses, rule.paused_by, self.today)
        if missing is None:
            try:
                is_work = self.calendar.is_workday
                last = _last_day(rule, start, extension, paused, is_work, self.calendar)
                end = last if is_work(last) else self.calendar.add_working_days(last, 1)
            except CalendarNotLoaded as e:
                missing = e.year
        if missing is not None:
            is_work = self._provisional_is_workday
            last = _last_day(rule, start, extension, paused, is_work, None)
            end = _nth_day(last, 1, is_work) if not is_work(last) else last

        working = rule.unit is DayUnit.WORKING
        skipped = paused.breakdown(start, last, is_work if working else None)
        phrases = [Phrase.of(_BASE[rule.unit], length=rule.length, event=start_label, start=start)]
        pause_source = ("+{days} working days suspended for {kind}" if working
                        else "+{days} days suspended for {kind}")
        phrases += [Phrase.of(pause_source, days=n, kind=Phrase(PAUSE_KIND_LABELS[k])) for k, n in skipped.items()]
        if extension:
            phrases.append(Phrase.of("+{days} working days extended" if working else "+{days} days extended",
                                     days=extension))
        if end != last:
            holiday = last.year in self.known and self.calendar.is_holiday(last)
            phrases.append(Phrase.of("last day {date} is a public holiday" if holiday
                                     else "last day {date} is a rest day", date=last))
        if missing is not None:
            phrases += [Phrase.of("calendar not loaded for {year}", year=missing),
                        Phrase.of("provisionally counting only weekends as rest days in {year}", year=missing)]
        running = paused.running_on(self.today)
        phrases += [Phrase.of("still suspended for {kind} since {date}", kind=Phrase(PAUSE_KIND_LABELS[k]), date=d)
                    for d, k in running]
        phrases.append(Phrase.of("→ {date} (provisional)" if missing is not None else "→ {date}", date=end))
        phrases += met_phrase

        due = None if missing is not None else end
        return Deadline(
            rule, start, due, end if missing is not None else None,
            self._status(rule, due, met_on, missing, bool(running)),
            met_on=met_on, missing_year=missing, paused_days=sum(skipped.values()), extended_days=extension,
            explanation=_render(phrases, "en"), phrases=tuple(phrases),
        )

    def _status(self, rule: DeadlineRule, due: date | None, met_on: date | None, missing: int | None,
                paused_now: bool) -> DeadlineStatus:
        if met_on is not None:
            return DeadlineStatus.MET
        if missing is not None or due is None:
            return DeadlineStatus.CALENDAR_MISSING
        if rule.nature is DeadlineNature.WINDOW:
            return DeadlineStatus.ELAPSED if self.today > due else DeadlineStatus.RUNNING
        if self.today > due:
            return DeadlineStatus.OVERDUE
        if not paused_now and self._working_days_left(due) <= self.due_soon:
            return DeadlineStatus.DUE_SOON  # the clock is stopped while paused, so nothing is "soon"
        return DeadlineStatus.RUNNING

    def _working_days_left(self, due: date) -> int:
        try:
            return self.calendar.working_days_between(self.today, due)
        except CalendarNotLoaded:  # today in an unloaded year: fall back to calendar days
            return (due - self.today).days


_BASE = {
    DayUnit.WORKING: "{length} working days from {event} {start}",
    DayUnit.CALENDAR: "{length} days from {event} {start}",
    DayUnit.MONTHS: "{length} months from {event} {start}",
}


def compute_deadlines(inputs: DeadlineInputs, calendar: WorkCalendar, today: date,
                      rules: Sequence[DeadlineRule] = RULES, due_soon_working_days: int = 3) -> list[Deadline]:
    """Every rule of ``rules`` that applies to ``inputs.kind``, in table order. A chained start
    ("rule:<code>") naming a rule outside ``rules`` is looked up in the standard table, so one rule
    can be computed on its own."""
    applying = [r for r in rules if inputs.kind in r.case_kinds]
    if not applying and inputs.kind not in CASE_KINDS:
        raise ValidationError("unknown case kind {kind}", field="kind", rule="known_name", kind=inputs.kind)
    by_code = {r.code: r for r in RULES} | {r.code: r for r in rules}
    engine = _Engine(inputs, calendar, today, by_code, due_soon_working_days)
    return [engine.deadline(r) for r in applying]


def next_deadline(deadlines: Iterable[Deadline]) -> Deadline | None:
    """The earliest open obligation of the bureau (provisional dates count for ordering)."""
    candidates = [d for d in deadlines if d.rule.nature is DeadlineNature.OBLIGATION and d.is_open
                  and (d.due or d.provisional_due) is not None]
    return min(candidates, key=lambda d: d.due or d.provisional_due, default=None)


def late_payment_surcharge(fine_fen: int, due: date, on: date, pauses: Iterable[Pause] = ()) -> int:
    """加处罚款 (Art. 72): 3 % of the fine for each day after ``due`` up to and including ``on``,
    except days under a review/litigation pause; rounded half up to the fen, capped at the fine."""
    if isinstance(fine_fen, bool) or not isinstance(fine_fen, int) or fine_fen < 0:
        raise ValidationError("the fine must be a whole, non-negative number of fen", field="fine_fen",
                              rule="non_negative")
    if on <= due:
        return 0
    excluded = _PauseSet(pauses, frozenset({"review_litigation"}), on)
    days = (on - due).days - sum(excluded.breakdown(due, on).values())
    surcharge = (fine_fen * SURCHARGE_PERCENT_PER_DAY * days + 50) // 100
    return min(surcharge, fine_fen)
