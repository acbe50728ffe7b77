"""The statutory deadlines as data. A bureau's variant (another ministry's procedure rules, a
province's publication window) is a different table, not different code: see
:func:`validate_rule_table` for what a table must satisfy.

Day counting (行政处罚法 Art. 85, 行政强制法 Art. 69): periods of 10 days or less are working days,
longer ones calendar days; the engine in ``deadlines.py`` applies the rest.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import ValidationError


class DayUnit(StrEnum):
    WORKING = "working"
    CALENDAR = "calendar"
    MONTHS = "months"


class DeadlineNature(StrEnum):
    OBLIGATION = "obligation"  # the bureau must act by then; can be overdue
    WINDOW = "window"  # a period that must run (defence, appeal); it elapses, never "overdue"
    PARTY = "party"  # the party's own obligation, e.g. paying the fine


CASE_KINDS = frozenset({"penalty_ordinary", "penalty_simple", "coercive", "inspection"})
ROLES = frozenset({"officer", "section_head", "legal_reviewer", "bureau_head"})

# English source texts; Chinese in messages_zh.py
PAUSE_KIND_LABELS: dict[str, str] = {
    "suspension": "case suspension",  # 中止
    "testing": "testing or appraisal",  # 检测、检验、鉴定
    "hearing": "hearing procedure",
    "announcement": "public announcement",  # 公告
    "review_litigation": "review or litigation",  # 复议、诉讼期间
}
PAUSE_KINDS = frozenset(PAUSE_KIND_LABELS)

ROLE_LABELS: dict[str, str] = {
    "officer": "case officer",
    "section_head": "section head",
    "legal_reviewer": "legal reviewer",
    "bureau_head": "bureau head",
}

# The events the case workflow records (as dates); rules start and stop on them.
EVENT_LABELS: dict[str, str] = {
    "discovered": "lead discovered",
    "registered": "case source registered",
    "filed": "case filed",
    "filing_declined": "filing declined",
    "investigation_ended": "investigation ended",
    "legal_review_submitted": "legal review requested",
    "legal_review_done": "legal review completed",
    "notice_served": "prior notice served",
    "defence_closed": "statement and defence closed",
    "defence_waived": "statement and defence waived in writing",
    "hearing_requested": "hearing requested",
    "hearing_held": "hearing held",
    "decided": "decision made",
    "decision_sealed": "decision sealed",
    "published": "decision published",
    "served": "decision served",
    "paid_in_full": "fine paid in full",
    "fine_waived": "fine waived",
    "reminder_served": "payment reminder served",
    "enforcement_applied": "court enforcement applied for",
    "measure_started": "coercive measure taken",
    "measure_released": "coercive measure lifted",
    "preservation_started": "evidence registered for preservation",
    "preservation_decided": "preserved evidence dealt with",
    "cash_collected": "fine collected on the spot",
    "cash_handed_in": "cash fine handed in",
    "closed": "case closed",
    "archived": "case archived",
}
EVENTS = frozenset(EVENT_LABELS)

RULE_START_PREFIX = "rule:"  # start = "rule:<code>": runs from the end of that rule's period


@dataclass(frozen=True)
class DeadlineRule:
    code: str
    name: str  # English source text, translated via tr()
    legal_basis: str
    case_kinds: frozenset[str]
    start: str  # an event name, or "rule:<code>"
    length: int
    unit: DayUnit
    nature: DeadlineNature
    met_by: frozenset[str] = frozenset()
    paused_by: frozenset[str] = frozenset()
    max_extension_days: int = 0  # in the rule's unit (calendar days for MONTHS rules)
    extension_roles: frozenset[str] = frozenset()

    @property
    def start_rule(self) -> str | None:
        """The code of the rule this one follows, if it starts when another period ends."""
        return self.start.removeprefix(RULE_START_PREFIX) if self.start.startswith(RULE_START_PREFIX) else None


def _f(*items: str) -> frozenset[str]:
    return frozenset(items)


_PENALTIES = _f("penalty_ordinary", "penalty_simple")
_DECISIONS = _f("penalty_ordinary", "penalty_simple", "coercive")

RULES: tuple[DeadlineRule, ...] = (
    DeadlineRule("filing_decision", "filing decision", "市场监督管理行政处罚程序规定 Art. 18–20; 行政处罚法 Art. 54",
                 _f("penalty_ordinary"), "discovered", 15, DayUnit.WORKING, DeadlineNature.OBLIGATION,
                 met_by=_f("filed", "filing_declined"), paused_by=_f("testing"),
                 max_extension_days=15, extension_roles=_f("section_head", "bureau_head")),
    # SAMR: +30 days with the bureau head's approval, further extensions by collective discussion;
    # both are approved (and recorded) by the bureau head, so one generous ceiling covers them.
    DeadlineRule("case_handling", "case handling period", "行政处罚法 Art. 60; 市场监督管理行政处罚程序规定 Art. 64",
                 _f("penalty_ordinary"), "filed", 90, DayUnit.CALENDAR, DeadlineNature.OBLIGATION,
                 met_by=_f("decided"), paused_by=_f("suspension", "hearing", "announcement", "testing"),
                 max_extension_days=3650, extension_roles=_f("bureau_head")),
    DeadlineRule("legal_review", "legal review", "行政处罚法 Art. 58; 市场监督管理行政处罚程序规定 Art. 55",
                 _f("penalty_ordinary"), "legal_review_submitted", 10, DayUnit.WORKING, DeadlineNature.OBLIGATION,
                 met_by=_f("legal_review_done")),
    DeadlineRule("defence_period", "statement and defence period", "行政处罚法 Art. 44–45",
                 _f("penalty_ordinary"), "notice_served", 5, DayUnit.WORKING, DeadlineNature.WINDOW,
                 met_by=_f("defence_closed")),
    DeadlineRule("hearing_request", "hearing request period", "行政处罚法 Art. 64",
                 _f("penalty_ordinary"), "notice_served", 5, DayUnit.WORKING, DeadlineNature.WINDOW),
    DeadlineRule("service", "service of the decision", "行政处罚法 Art. 61",
                 _f("penalty_ordinary", "coercive"), "decided", 7, DayUnit.WORKING, DeadlineNature.OBLIGATION,
                 met_by=_f("served")),
    DeadlineRule("payment", "payment of the fine", "行政处罚法 Art. 67, 73",
                 _PENALTIES, "served", 15, DayUnit.CALENDAR, DeadlineNature.PARTY,
                 met_by=_f("paid_in_full", "fine_waived"), paused_by=_f("review_litigation")),
    DeadlineRule("publication", "publication of the decision", "行政处罚法 Art. 48; 国办发〔2018〕118号",
                 _f("penalty_ordinary"), "decided", 7, DayUnit.WORKING, DeadlineNature.OBLIGATION,
                 met_by=_f("published")),
    DeadlineRule("review_period", "administrative review period", "行政复议法 Art. 20",
                 _DECISIONS, "served", 60, DayUnit.CALENDAR, DeadlineNature.WINDOW),
    DeadlineRule("lawsuit_period", "lawsuit period", "行政诉讼法 Art. 46",
                 _DECISIONS, "served", 6, DayUnit.MONTHS, DeadlineNature.WINDOW),
    DeadlineRule("enforcement_application", "application for court enforcement", "行政强制法 Art. 53",
                 _PENALTIES, RULE_START_PREFIX + "lawsuit_period", 3, DayUnit.MONTHS, DeadlineNature.OBLIGATION,
                 met_by=_f("enforcement_applied", "paid_in_full", "fine_waived")),
    # the court may be asked only once 10 days have run since the 催告 was delivered
    DeadlineRule("enforcement_wait", "wait after the payment reminder", "行政强制法 Art. 54",
                 _DECISIONS, "reminder_served", 10, DayUnit.WORKING, DeadlineNature.WINDOW),
    DeadlineRule("measure_duration", "duration of the coercive measure", "行政强制法 Art. 25",
                 _f("coercive"), "measure_started", 30, DayUnit.CALENDAR, DeadlineNature.OBLIGATION,
                 met_by=_f("measure_released"), max_extension_days=30, extension_roles=_f("bureau_head")),
    DeadlineRule("preservation", "decision on preserved evidence", "行政处罚法 Art. 56",
                 _f("penalty_ordinary"), "preservation_started", 7, DayUnit.WORKING, DeadlineNature.OBLIGATION,
                 met_by=_f("preservation_decided")),
    DeadlineRule("cash_hand_in", "handing in fines collected on the spot", "行政处罚法 Art. 71",
                 _f("penalty_simple"), "cash_collected", 2, DayUnit.WORKING, DeadlineNature.OBLIGATION,
                 met_by=_f("cash_handed_in")),
)


def validate_rule_table(rules: Iterable[DeadlineRule]) -> None:
    """Refuse a table the engine cannot run: duplicate codes, unknown names, broken chains."""
    rules = tuple(rules)
    by_code: dict[str, DeadlineRule] = {}
    for rule in rules:
        if rule.code in by_code:
            raise ValidationError("deadline rule {code} is defined twice", field="code", rule="unique",
                                  code=rule.code)
        by_code[rule.code] = rule
    for rule in rules:
        if rule.length <= 0 or rule.max_extension_days < 0:
            raise ValidationError("deadline rule {code} must have a positive length", field="length",
                                  rule="positive", code=rule.code)
        unknown = [("met_by", e) for e in sorted(rule.met_by - EVENTS)]
        unknown += [("paused_by", p) for p in sorted(rule.paused_by - PAUSE_KINDS)]
        unknown += [("extension_roles", r) for r in sorted(rule.extension_roles - ROLES)]
        unknown += [("case_kinds", k) for k in sorted(rule.case_kinds - CASE_KINDS)]
        if rule.start_rule is None and rule.start not in EVENTS:
            unknown.insert(0, ("start", rule.start))
        if unknown:
            field, value = unknown[0]
            raise ValidationError("deadline rule {code} names an unknown {what}: {value}", field=field,
                                  rule="known_name", code=rule.code, what=field, value=value)
        seen = {rule.code}
        ref = rule.start_rule
        while ref is not None:
            if ref not in by_code or ref in seen:
                raise ValidationError("deadline rule {code} starts after a missing or circular rule {value}",
                                      field="start", rule="chain", code=rule.code, value=ref)
            seen.add(ref)
            ref = by_code[ref].start_rule
