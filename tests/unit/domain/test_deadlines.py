"""Deadline engine: statutory periods, day counting (Art. 85), pauses, extensions, missing calendars."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest

from app.domain.calendar import WorkCalendar, YearCalendar
from app.domain.deadline_rules import (
    EVENT_LABELS,
    PAUSE_KIND_LABELS,
    ROLE_LABELS,
    RULES,
    DayUnit,
    DeadlineNature,
    DeadlineRule,
    validate_rule_table,
)
from app.domain.deadlines import (
    Deadline,
    DeadlineInputs,
    DeadlineStatus,
    Extension,
    Pause,
    compute_deadlines,
    late_payment_surcharge,
    next_deadline,
    rule_by_code,
    validate_extension,
)
from app.domain.errors import NotFound, UserError, ValidationError
from app.domain.i18n import tr_in
from app.domain.messages_zh import MESSAGES_ZH

S = DeadlineStatus


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.fixture
def cal() -> WorkCalendar:
    return WorkCalendar.builtin()


# Synthetic test data, NOT the official 2027 notice: it only has to differ from "weekends only".
SYNTHETIC_2027 = YearCalendar(
    2027,
    holidays=frozenset({d("2027-01-01"), d("2027-02-01"), d("2027-02-02"), d("2027-02-03")}),
    workdays=frozenset({d("2027-02-07")}),
)


def one(kind: str, code: str, cal: WorkCalendar, today: str, pauses=(), extensions=(), **events: str) -> Deadline:
    inputs = DeadlineInputs(kind, {k: d(v) for k, v in events.items()}, pauses, extensions)
    return next(x for x in compute_deadlines(inputs, cal, d(today)) if x.code == code)


def zh(err: UserError) -> str:
    assert err.source in MESSAGES_ZH, err.source
    return tr_in("zh_CN", err.source, **err.params)


# --- day counting -------------------------------------------------------------------------------

def test_defence_period_5_working_days_across_national_day_2020(cal):
    # working days after 09-29: 09-30, 10-09, 10-10 (worked Saturday), 10-12, 10-13
    x = one("penalty_ordinary", "defence_period", cal, "2020-10-12", notice_served="2020-09-29")
    assert (x.start, x.due, x.status) == (d("2020-09-29"), d("2020-10-13"), S.RUNNING)
    assert x.explanation == "5 working days from prior notice served 2020-09-29 → 2020-10-13"
    assert x.explain("zh_CN") == "自送达行政处罚告知书 2020-09-29 起 5 个工作日 → 2020-10-13"


def test_window_elapses_instead_of_becoming_overdue(cal):
    x = one("penalty_ordinary", "hearing_request", cal, "2020-10-14", notice_served="2020-09-29")
    assert x.rule.nature is DeadlineNature.WINDOW
    assert x.status is S.ELAPSED
    review = one("penalty_ordinary", "review_period", cal, "2025-05-09", served="2025-03-10")
    assert (review.due, review.status) == (d("2025-05-09"), S.RUNNING)  # 60 calendar days, a Friday
    assert one("penalty_ordinary", "review_period", cal, "2025-05-10", served="2025-03-10").status is S.ELAPSED


def test_case_handling_90_days_excludes_12_day_testing_suspension(cal):
    plain = one("penalty_ordinary", "case_handling", cal, "2026-09-02", filed="2026-09-01")
    assert plain.due == d("2026-11-30")
    testing = Pause("testing", d("2026-09-10"), d("2026-09-22"))  # [09-10, 09-22): 12 days
    x = one("penalty_ordinary", "case_handling", cal, "2026-10-01", pauses=[testing], filed="2026-09-01")
    # 11-30 + 12 = 12-12, a Saturday: the period ends on Monday 12-14
    assert (x.due, x.paused_days, x.status) == (d("2026-12-14"), 12, S.RUNNING)
    assert x.explanation == ("90 days from case filed 2026-09-01, +12 days suspended for testing or appraisal, "
                             "last day 2026-12-12 is a rest day → 2026-12-14")
    assert x.explain("zh_CN") == ("自立案 2026-09-01 起 90 日，检测检验鉴定期间 12 日不计入，"
                                  "末日 2026-12-12 为休息日 → 2026-12-14")


def test_case_handling_ignores_pause_kinds_the_rule_does_not_list(cal):
    other = Pause("review_litigation", d("2026-09-10"), d("2026-09-22"))
    x = one("penalty_ordinary", "case_handling", cal, "2026-09-02", pauses=[other], filed="2026-09-01")
    assert (x.due, x.paused_days) == (d("2026-11-30"), 0)


def test_case_handling_approved_30_day_extension(cal):
    ext = Extension("case_handling", 30, d("2026-11-20"), "bureau_head")
    x = one("penalty_ordinary", "case_handling", cal, "2026-11-21", extensions=[ext], filed="2026-09-01")
    assert (x.due, x.extended_days) == (d("2026-12-30"), 30)
    assert "+30 days extended" in x.explanation and "延长 30 日" in x.explain("zh_CN")


def test_filing_decision_working_days_skip_testing_time(cal):
    testing = Pause("testing", d("2025-03-05"), d("2025-03-12"))  # 5 of its 7 days are working days
    plain = one("penalty_ordinary", "filing_decision", cal, "2025-03-04", discovered="2025-03-03")
    x = one("penalty_ordinary", "filing_decision", cal, "2025-03-04", pauses=[testing], discovered="2025-03-03")
    assert (plain.due, x.due, x.paused_days) == (d("2025-03-24"), d("2025-03-31"), 5)
    assert "+5 working days suspended for testing or appraisal" in x.explanation


def test_calendar_day_deadline_whose_last_day_is_a_holiday_rolls_forward(cal):
    # fine payment: 15 days from service on 09-18 → 10-03, inside National Day 2026 (10-01..07)
    x = one("penalty_ordinary", "payment", cal, "2026-09-20", served="2026-09-18")
    assert x.due == d("2026-10-08")
    assert x.explanation.endswith("last day 2026-10-03 is a public holiday → 2026-10-08")
    assert "末日 2026-10-03 为法定节假日 → 2026-10-08" in x.explain("zh_CN")


def test_months_period_clamps_to_month_end_and_keeps_a_worked_saturday(cal):
    # 08-31 + 6 months = 02-28; 2026-02-28 is a 调休 working Saturday, so no roll
    x = one("penalty_ordinary", "lawsuit_period", cal, "2025-09-01", served="2025-08-31")
    assert x.due == d("2026-02-28")


def test_months_period_from_2026_08_31_needs_the_2027_calendar(cal):
    x = one("penalty_ordinary", "lawsuit_period", cal, "2026-09-01", served="2026-08-31")
    # 2027-02-28 is a Sunday: provisionally Monday 03-01
    assert (x.status, x.due, x.provisional_due, x.missing_year) == (S.CALENDAR_MISSING, None, d("2027-03-01"), 2027)
    cal.load_year(SYNTHETIC_2027)
    assert one("penalty_ordinary", "lawsuit_period", cal, "2026-09-01", served="2026-08-31").due == d("2027-03-01")


def test_months_period_extended_day_for_day_by_pauses():
    # a bureau variant: a MONTHS rule that pauses (rule tables are data)
    rule = DeadlineRule("variant", "lawsuit period", "test", frozenset({"coercive"}), "served", 1,
                        DayUnit.MONTHS, DeadlineNature.OBLIGATION, paused_by=frozenset({"suspension"}))
    inputs = DeadlineInputs("coercive", {"served": d("2025-01-10")},
                            [Pause("suspension", d("2025-01-20"), d("2025-01-25"))])
    (x,) = compute_deadlines(inputs, WorkCalendar.builtin(), d("2025-01-11"), rules=(rule,))
    # 02-10 + 5 paused days = 02-15, a Saturday → Monday 02-17
    assert (x.due, x.paused_days) == (d("2025-02-17"), 5)


# --- missing calendar ---------------------------------------------------------------------------

def test_deadline_running_into_2027_is_calendar_missing_until_the_year_is_loaded(cal):
    x = one("penalty_ordinary", "case_handling", cal, "2026-11-02", filed="2026-11-01")
    # 90 days → 2027-01-30, a Saturday; with weekends as the only rest days: Monday 02-01
    assert (x.status, x.due, x.provisional_due, x.missing_year) == (S.CALENDAR_MISSING, None, d("2027-02-01"), 2027)
    assert "calendar not loaded for 2027" in x.explanation
    assert x.explanation.endswith("→ 2027-02-01 (provisional)")
    assert "未载入2027年工作日历" in x.explain("zh_CN") and "（暂定）" in x.explain("zh_CN")

    cal.load_year(SYNTHETIC_2027)
    x = one("penalty_ordinary", "case_handling", cal, "2026-11-02", filed="2026-11-01")
    # synthetic 2027: 02-01..03 are holidays, so the period ends on 02-04
    assert (x.status, x.due, x.provisional_due, x.missing_year) == (S.RUNNING, d("2027-02-04"), None, None)
    assert x.explanation.endswith("last day 2027-01-30 is a rest day → 2027-02-04")


def test_working_day_count_into_unknown_year_is_provisional(cal):
    x = one("penalty_ordinary", "legal_review", cal, "2026-12-28", legal_review_submitted="2026-12-28")
    # 12-29..31 (3), then weekdays of 2027 taken as working: 01-01, 01-04..08, 01-11
    assert (x.status, x.provisional_due) == (S.CALENDAR_MISSING, d("2027-01-11"))


def test_chained_rule_inherits_a_missing_calendar(cal):
    lawsuit, enforcement = (one("penalty_ordinary", c, cal, "2026-06-02", served="2026-06-01")
                            for c in ("lawsuit_period", "enforcement_application"))
    assert lawsuit.due == d("2026-12-01")
    assert (enforcement.status, enforcement.missing_year, enforcement.provisional_due) == (
        S.CALENDAR_MISSING, 2027, d("2027-03-01"))


# --- chained, not started, met, status ----------------------------------------------------------

def test_enforcement_application_runs_3_months_from_end_of_lawsuit_period(cal):
    x = one("penalty_ordinary", "enforcement_application", cal, "2025-09-11", served="2025-03-10")
    assert (x.start, x.due, x.status) == (d("2025-09-10"), d("2025-12-10"), S.RUNNING)
    assert x.explanation == "3 months from end of lawsuit period 2025-09-10 → 2025-12-10"
    assert x.explain("zh_CN").startswith("自行政诉讼起诉期限届满 2025-09-10 起 3 个月")
    paid = one("penalty_ordinary", "enforcement_application", cal, "2025-09-11", served="2025-03-10",
               paid_in_full="2025-04-01")
    assert (paid.status, paid.met_on) == (S.MET, d("2025-04-01"))


def test_chained_rule_computed_alone_finds_the_rule_it_follows(cal):
    inputs = DeadlineInputs("penalty_ordinary", {"served": d("2025-03-10")})
    (x,) = compute_deadlines(inputs, cal, d("2025-09-11"), rules=(rule_by_code("enforcement_application"),))
    assert x.due == d("2025-12-10")


def test_rule_whose_start_event_has_not_happened_is_not_started(cal):
    x = one("penalty_ordinary", "publication", cal, "2025-03-10", filed="2025-03-01")
    assert (x.status, x.start, x.due) == (S.NOT_STARTED, None, None)
    assert x.explanation == "not started: waiting for decision made"
    chained = one("penalty_ordinary", "enforcement_application", cal, "2025-03-10", filed="2025-03-01")
    assert chained.explanation == "not started: waiting for end of lawsuit period"


def test_met_by_event_is_met_with_its_date(cal):
    x = one("penalty_ordinary", "service", cal, "2025-03-20", decided="2025-03-10", served="2025-03-12")
    assert (x.status, x.met_on, x.due) == (S.MET, d("2025-03-12"), d("2025-03-19"))
    assert x.explanation.endswith("met: decision served on 2025-03-12")


def test_obligation_status_running_due_soon_overdue(cal):
    # publication: 7 working days from Monday 2025-03-10 → Wednesday 03-19
    status = {t: one("penalty_ordinary", "publication", cal, t, decided="2025-03-10").status
              for t in ("2025-03-13", "2025-03-14", "2025-03-19", "2025-03-20")}
    assert status == {"2025-03-13": S.RUNNING, "2025-03-14": S.DUE_SOON, "2025-03-19": S.DUE_SOON,
                      "2025-03-20": S.OVERDUE}


def test_party_payment_can_be_overdue_and_review_litigation_pauses_it(cal):
    assert one("penalty_simple", "payment", cal, "2025-03-26", served="2025-03-10").status is S.OVERDUE
    review = Pause("review_litigation", d("2025-03-20"), None)  # still running
    x = one("penalty_simple", "payment", cal, "2025-03-26", pauses=[review], served="2025-03-10")
    assert x.status is S.RUNNING and x.due > d("2025-03-26")
    assert "still suspended for review or litigation since 2025-03-20" in x.explanation


def test_cash_collected_on_the_spot_is_handed_in_within_2_working_days(cal):
    x = one("penalty_simple", "cash_hand_in", cal, "2025-01-27", cash_collected="2025-01-27")
    assert x.due == d("2025-02-06")  # Spring Festival 01-28..02-04 in between


def test_datetime_events_count_by_their_date(cal):
    inputs = DeadlineInputs("penalty_ordinary", {"decided": datetime(2025, 3, 10, 16, 30)})
    x = next(x for x in compute_deadlines(inputs, cal, d("2025-03-11")) if x.code == "publication")
    assert x.due == d("2025-03-19")


def test_next_deadline_is_the_earliest_open_obligation(cal):
    inputs = DeadlineInputs("penalty_ordinary", {"filed": d("2026-09-01"), "notice_served": d("2026-09-07"),
                                                 "legal_review_submitted": d("2026-09-02")})
    deadlines = compute_deadlines(inputs, cal, d("2026-09-08"))
    assert next_deadline(deadlines).code == "legal_review"  # windows (defence, hearing) are not obligations
    assert next_deadline([x for x in deadlines if x.code != "legal_review"]).code == "case_handling"
    assert next_deadline([]) is None


def test_next_deadline_orders_calendar_missing_by_provisional_due(cal):
    inputs = DeadlineInputs("penalty_ordinary", {"filed": d("2026-11-01")})
    assert next_deadline(compute_deadlines(inputs, cal, d("2026-11-02"))).status is S.CALENDAR_MISSING


def test_compute_deadlines_refuses_unknown_case_kind(cal):
    with pytest.raises(ValidationError) as err:
        compute_deadlines(DeadlineInputs("parking", {}), cal, d("2025-01-01"))
    assert zh(err.value) == "未知的案件类型 parking"


# --- pauses, extensions, rule table -------------------------------------------------------------

def test_pause_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as err:
        Pause("suspension", d("2025-03-10"), d("2025-03-09"))
    assert err.value.field == "end" and zh(err.value) == "期限暂停的结束日期不能早于开始日期"
    with pytest.raises(ValidationError):
        Pause("holiday", d("2025-03-10"))


def test_validate_extension_allows_approved_roles_within_the_limit():
    validate_extension(rule_by_code("filing_decision"), [], 15, "section_head")
    validate_extension(rule_by_code("case_handling"), [Extension("case_handling", 30, d("2025-01-01"), "bureau_head")],
                       60, "bureau_head")  # further extensions by collective decision


@pytest.mark.parametrize(
    ("code", "existing", "days", "role", "rule", "chinese"),
    [
        ("service", 0, 5, "bureau_head", "extendable", "决定书送达期限不能延长"),
        ("measure_duration", 0, 0, "bureau_head", "positive", "延长期限至少为 1 日"),
        ("case_handling", 0, 30, "officer", "extension_role", "延长办案期限须经以下人员批准：机关负责人"),
        ("measure_duration", 20, 15, "bureau_head", "extension_max",
         "行政强制措施期限累计延长将达 35 日，超过允许的 30 日"),
        ("filing_decision", 10, 6, "section_head", "extension_max",
         "立案审查期限累计延长将达 16 个工作日，超过允许的 15 个工作日"),
    ],
)
def test_validate_extension_refusals(code, existing, days, role, rule, chinese):
    earlier = [Extension(code, existing, d("2025-01-01"), "bureau_head"), Extension("other", 99, d("2025-01-01"), "x")]
    with pytest.raises(ValidationError) as err:
        validate_extension(rule_by_code(code), earlier, days, role)
    assert err.value.rule == rule
    assert str(err.value) == chinese


def test_rule_by_code_unknown_is_not_found():
    with pytest.raises(NotFound):
        rule_by_code("nope")


def test_rule_table_is_valid_and_a_bureau_variant_is_a_table_change(cal):
    validate_rule_table(RULES)
    # e.g. an in-province publication window of 20 working days
    variant = tuple(replace(r, length=20) if r.code == "publication" else r for r in RULES)
    validate_rule_table(variant)
    inputs = DeadlineInputs("penalty_ordinary", {"decided": d("2025-03-10")})
    x = next(x for x in compute_deadlines(inputs, cal, d("2025-03-11"), rules=variant) if x.code == "publication")
    assert x.due == d("2025-04-08")  # 04-04 Qingming holiday skipped


@pytest.mark.parametrize(
    ("table", "rule"),
    [
        ((*RULES, RULES[0]), "unique"),
        ((replace(RULES[0], start="rule:missing"),), "chain"),
        ((replace(RULES[0], code="a", start="rule:b"), replace(RULES[0], code="b", start="rule:a")), "chain"),
        ((replace(RULES[0], met_by=frozenset({"teleported"})),), "known_name"),
        ((replace(RULES[0], length=0),), "positive"),
    ],
)
def test_rule_table_validation_refuses_broken_tables(table, rule):
    with pytest.raises(ValidationError) as err:
        validate_rule_table(table)
    assert err.value.rule == rule
    zh(err.value)


# --- late-payment surcharge (加处罚款, Art. 72) ---------------------------------------------------

def test_surcharge_one_day_late_is_3_percent():
    assert late_payment_surcharge(100_000, d("2025-03-25"), d("2025-03-26")) == 3000


def test_surcharge_nothing_on_or_before_the_due_day():
    assert late_payment_surcharge(100_000, d("2025-03-25"), d("2025-03-25")) == 0


def test_surcharge_is_capped_at_the_fine():
    assert late_payment_surcharge(100_000, d("2025-03-25"), d("2025-04-27")) == 99_000  # 33 days
    assert late_payment_surcharge(100_000, d("2025-03-25"), d("2025-04-28")) == 100_000  # 34 days: 102 %


def test_surcharge_rounds_half_up_to_the_fen():
    assert late_payment_surcharge(12_345, d("2025-03-25"), d("2025-04-04")) == 3704  # 3703.5
    assert late_payment_surcharge(12_345, d("2025-03-25"), d("2025-03-26")) == 370  # 370.35


def test_surcharge_excludes_review_and_litigation_days():
    review = Pause("review_litigation", d("2025-03-27"), d("2025-04-06"))  # 10 days
    other = Pause("suspension", d("2025-03-26"), d("2025-04-06"))  # not a reason to stop the surcharge
    assert late_payment_surcharge(100_000, d("2025-03-25"), d("2025-04-07"), [review, other]) == 9000  # 3 days
    ongoing = Pause("review_litigation", d("2025-03-27"), None)
    assert late_payment_surcharge(100_000, d("2025-03-25"), d("2025-06-01"), [ongoing]) == 3000


def test_surcharge_refuses_a_negative_fine():
    with pytest.raises(ValidationError) as err:
        late_payment_surcharge(-1, d("2025-03-25"), d("2025-03-26"))
    assert err.value.field == "fine_fen"
    zh(err.value)


# --- translations -------------------------------------------------------------------------------

DOMAIN = Path(__file__).resolve().parents[3] / "app" / "domain"
_MESSAGE_CALLS = {"ValidationError", "NotFound", "CalendarNotLoaded", "Phrase", "of", "tr", "tr_in"}


def _message_sources(path: Path) -> set[str]:
    """String literals used as message sources: first arguments of message calls, both arms of a
    conditional between two literals, and module-level tuples of message texts."""
    found: set[str] = set()

    def literal(node: ast.AST) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.add(node.value)
        elif isinstance(node, ast.IfExp):
            literal(node.body)
            literal(node.orelse)

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in _MESSAGE_CALLS and node.args:
                literal(node.args[-1] if name == "tr_in" else node.args[0])
        elif isinstance(node, ast.IfExp):
            literal(node)
        elif (isinstance(node, ast.Assign) and isinstance(node.value, ast.Tuple | ast.Dict)
              and any(getattr(t, "id", "").endswith("_MESSAGES") or getattr(t, "id", "") == "_BASE"
                      for t in node.targets)):
            for value in node.value.elts if isinstance(node.value, ast.Tuple) else node.value.values:
                literal(value)
    return found


def test_every_rule_name_label_and_message_has_a_chinese_translation():
    sources = {r.name for r in RULES}
    sources |= set(EVENT_LABELS.values()) | set(PAUSE_KIND_LABELS.values()) | set(ROLE_LABELS.values())
    for module in ("calendar.py", "deadlines.py", "deadline_rules.py"):
        sources |= {s for s in _message_sources(DOMAIN / module) if s.strip() and s != "en"}
    assert len(sources) > 80
    missing = sorted(s for s in sources if s not in MESSAGES_ZH)
    assert not missing, missing
