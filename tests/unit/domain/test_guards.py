"""Each transition guard, both ways: what it allows, and what it refuses with which rule and which
value named in the (Chinese) message. Dates are real 2026 dates, across the National Day
(10-01..10-07, with Saturday 10-10 a working day) and Spring Festival (02-15..02-23) holidays."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.calendar import WorkCalendar
from app.domain.cases import ApprovalDecision, CaseKind, Stage
from app.domain.catalogue import Matter
from app.domain.deadlines import Pause
from app.domain.errors import CalendarNotLoaded, UserError
from app.domain.guards import (
    GUARDS,
    GuardContext,
    actor_assigned,
    case_review_done,
    collective_discussion_if_required,
    decision_approved,
    decision_sealed,
    defence_window_over,
    enforcement_wait_over,
    fine_settled,
    hearing_host_independent,
    hearing_request_in_time,
    legal_review_if_required,
    not_night_or_holiday,
    not_suspended,
    officers_valid,
    payment_period_over,
    prior_notice_given,
    simple_fine_limit,
    within_limitation,
)
from app.domain.officers import CertificateStatus
from tests.fakes.cases import (
    BUREAU_HEAD,
    FOOD_MATTER,
    LEGAL_REVIEWER,
    LI,
    OFFICER,
    OUTSIDER,
    SECTION_HEAD,
    WANG,
    ZHAO,
    agent_of,
    approval,
    approved,
    at,
    calendar,
    context,
    d,
    make_case,
    officer,
    officers,
    organisation,
    person,
    with_events,
)

ORD, SIM, COE = CaseKind.PENALTY_ORDINARY, CaseKind.PENALTY_SIMPLE, CaseKind.COERCIVE


def refused(reasons: list[UserError], rule: str) -> UserError:
    """The single refusal, checked to carry ``rule`` and a translated message."""
    assert len(reasons) == 1, [r.english for r in reasons]
    reason = reasons[0]
    assert reason.rule == rule, reason.english
    assert reason.message != reason.english  # shown in Chinese
    return reason


def test_the_registry_holds_every_guard_function_under_its_own_name():
    assert all(fn.__name__ == name for name, fn in GUARDS.items())
    assert len(GUARDS) == 17 and "not_suspended" not in GUARDS  # checked by the engine for every row


# --- ≥ 2 officers with a 执法证 valid on the day (行政处罚法 Art. 42, 55) ---------------------------


def test_filing_allowed_with_two_officers_whose_certificates_are_valid_on_the_day():
    assert officers_valid(context(make_case())) == []


def test_filing_allowed_on_the_last_day_a_certificate_is_valid():
    staff = officers(officer(LI, "李强", valid_to="2026-03-02"))
    assert officers_valid(context(make_case(), now="2026-03-02", staff=staff)) == []


def test_filing_refused_with_fewer_than_two_officers_valid_on_the_day_after_an_expiry():
    staff = officers(officer(LI, "李强", valid_to="2026-03-01"))
    reason = refused(officers_valid(context(make_case(), now="2026-03-02", staff=staff)), "officers.valid")
    assert "李强" in reason.message and "2026-03-02" in reason.message and "2" in reason.message


@pytest.mark.parametrize("status", [CertificateStatus.SUSPENDED, CertificateStatus.REVOKED])
def test_filing_refused_when_an_officers_certificate_is_suspended_or_revoked(status):
    staff = officers(officer(LI, "李强", status=status))
    reason = refused(officers_valid(context(make_case(), staff=staff)), "officers.valid")
    assert "李强" in reason.message


def test_filing_refused_when_an_officers_certificate_is_not_yet_valid():
    staff = officers(officer(LI, "李强", valid_from="2026-03-03"))
    reason = refused(officers_valid(context(make_case(), now="2026-03-02", staff=staff)), "officers.valid")
    assert "李强" in reason.message


def test_filing_refused_with_only_one_officer_assigned():
    reason = refused(officers_valid(context(make_case(officer_uuids=(WANG,)))), "officers.valid")
    assert "有效 1 名" in reason.message


def test_filing_refused_when_an_assigned_officer_is_unknown():
    refused(officers_valid(context(make_case(officer_uuids=(WANG, "officer-gone")))), "officers.valid")


def test_filing_refused_when_the_same_officer_is_listed_twice():
    refused(officers_valid(context(make_case(officer_uuids=(WANG, WANG)))), "officers.valid")


def test_officers_are_checked_on_the_day_of_the_action_not_the_day_of_filing():
    staff = officers(officer(LI, "李强", valid_to="2026-06-30"))
    case = make_case(stage=Stage.INVESTIGATING)
    assert officers_valid(context(case, now="2026-06-30", staff=staff)) == []
    refused(officers_valid(context(case, now="2026-07-01", staff=staff)), "officers.valid")


# --- limitation: 2 years, 5 with serious harm, from a continuing act's end (Art. 36) ---------------


def test_limitation_allows_discovery_on_the_last_day_of_the_two_years():
    case = with_events(make_case(act_date=d("2024-03-10")), discovered="2026-03-10")
    assert within_limitation(context(case, now="2026-03-11")) == []


def test_limitation_refuses_discovery_after_two_years():
    case = with_events(make_case(act_date=d("2024-03-10")), discovered="2026-03-11")
    reason = refused(within_limitation(context(case, now="2026-03-11")), "limitation")
    assert "2026-03-10" in reason.message and "2026-03-11" in reason.message and "2 年" in reason.message


def test_limitation_of_a_continuing_act_counts_from_its_end():
    case = with_events(make_case(act_date=d("2023-01-05"), act_end_date=d("2025-06-30")), discovered="2026-03-02")
    assert within_limitation(context(case)) == []
    without_end = replace(case, act_end_date=None)
    reason = refused(within_limitation(context(without_end)), "limitation")
    assert "2023-01-05" in reason.message


def test_limitation_of_five_years_applies_with_serious_harm():
    case = with_events(make_case(act_date=d("2022-01-10")), discovered="2026-03-02")
    refused(within_limitation(context(case)), "limitation")
    assert within_limitation(context(replace(case, serious_harm=True))) == []


def test_limitation_refuses_a_serious_harm_act_discovered_after_five_years():
    case = with_events(make_case(act_date=d("2020-10-01"), act_end_date=d("2021-03-01"), serious_harm=True),
                       discovered="2026-03-02")
    reason = refused(within_limitation(context(case)), "limitation")
    assert "5 年" in reason.message and "2026-03-01" in reason.message and "2021-03-01" in reason.message


def test_limitation_from_29_february_ends_on_28_february():
    case = with_events(make_case(act_date=d("2024-02-29")), discovered="2026-02-28")
    assert within_limitation(context(case)) == []
    late = with_events(case, discovered="2026-03-01")
    assert "2026-02-28" in refused(within_limitation(context(late)), "limitation").message


def test_limitation_without_a_discovery_date_counts_to_today():
    case = replace(make_case(act_date=d("2024-03-01")), events={})
    assert within_limitation(context(case, now="2026-03-01")) == []
    refused(within_limitation(context(case, now="2026-03-02")), "limitation")


# --- who acts: an officer must be on the case; a suspended case is frozen ------------------------


def test_an_officer_assigned_to_the_case_may_act():
    assert actor_assigned(context(make_case(), OFFICER)) == []


def test_an_officer_not_on_the_case_is_refused_by_actor_assigned():
    reason = refused(actor_assigned(context(make_case(), OUTSIDER)), "actor.assigned")
    assert "赵刚" in reason.message


@pytest.mark.parametrize("actor", [SECTION_HEAD, BUREAU_HEAD, LEGAL_REVIEWER])
def test_heads_and_reviewers_need_not_be_assigned_to_the_case(actor):
    assert actor_assigned(context(make_case(), actor)) == []


def test_a_suspended_case_refuses_until_the_suspension_ends():
    case = make_case(stage=Stage.INVESTIGATING, pauses=(Pause("suspension", d("2026-03-05")),))
    reason = refused(not_suspended(context(case, now="2026-03-10")), "suspended")
    assert "2026-03-05" in reason.message
    resumed = replace(case, pauses=(Pause("suspension", d("2026-03-05"), d("2026-03-12")),))
    assert not_suspended(context(resumed, now="2026-03-12")) == []


def test_a_testing_pause_stops_the_clock_but_does_not_suspend_the_case():
    case = make_case(stage=Stage.INVESTIGATING, pauses=(Pause("testing", d("2026-03-05")),))
    assert not_suspended(context(case, now="2026-03-10")) == []


# --- 法制审核 (Art. 58): major cases, after a hearing, matters whose catalogue entry says so ----------


def test_legal_review_not_required_for_an_ordinary_case():
    matter = replace(FOOD_MATTER, requires_legal_review=False)
    assert legal_review_if_required(context(make_case(stage=Stage.DELIBERATION), matter=matter)) == []


def test_legal_review_required_for_a_major_case():
    case = make_case(stage=Stage.DELIBERATION, major=True)
    reason = refused(legal_review_if_required(context(case)), "legal_review")
    assert "法制审核" in reason.message
    assert legal_review_if_required(context(approved(case, "legal_review"))) == []


def test_legal_review_that_was_returned_does_not_count():
    case = approved(make_case(stage=Stage.DELIBERATION, major=True), "legal_review")
    returned = replace(case, approvals=(*case.approvals, approval(
        "legal_review", at("2026-03-03"), decision=ApprovalDecision.RETURNED, by=LEGAL_REVIEWER)))
    refused(legal_review_if_required(context(returned, now="2026-03-04")), "legal_review")


def test_legal_review_required_by_the_matters_catalogue_entry():
    matter = replace(FOOD_MATTER, requires_legal_review=True)
    case = make_case(stage=Stage.INVESTIGATION_ENDED)
    refused(legal_review_if_required(context(case, matter=matter)), "legal_review")
    assert legal_review_if_required(context(approved(case, "legal_review"), matter=matter)) == []


def test_legal_review_required_after_a_hearing_and_one_given_before_the_hearing_does_not_count():
    case = with_events(make_case(stage=Stage.DELIBERATION), notice_served="2026-03-20", hearing_held="2026-04-10")
    before = approved(case, "legal_review", when=at("2026-03-18"))
    reason = refused(legal_review_if_required(context(before, now="2026-04-13")), "legal_review")
    assert "2026-04-10" in reason.message and "听证" in reason.message
    after = approved(before, "legal_review", when=at("2026-04-13"))
    assert legal_review_if_required(context(after, now="2026-04-13")) == []


def test_case_review_by_the_section_head_is_needed_before_the_prior_notice():
    case = make_case(stage=Stage.INVESTIGATION_ENDED)
    reason = refused(case_review_done(context(case)), "case_review")
    assert "案件审核" in reason.message
    assert case_review_done(context(approved(case, "case_review"))) == []


def test_collective_discussion_required_for_a_major_case_only():
    case = make_case(stage=Stage.DELIBERATION, major=True)
    reason = refused(collective_discussion_if_required(context(case)), "collective_discussion")
    assert "集体讨论" in reason.message
    assert collective_discussion_if_required(context(approved(case, "collective_discussion"))) == []
    assert collective_discussion_if_required(context(replace(case, major=False))) == []


# --- 事先告知 and the 5-working-day defence and hearing windows (Art. 44, 45, 62–64) ---------------


def test_decision_refused_before_the_prior_notice_is_served():
    reason = refused(prior_notice_given(context(make_case(stage=Stage.DELIBERATION))), "prior_notice")
    assert "事先告知" in reason.message
    served = with_events(make_case(stage=Stage.DELIBERATION), notice_served="2026-03-02")
    assert prior_notice_given(context(served)) == []


def test_decision_refused_while_the_defence_windows_run_over_national_day():
    # notice on 09-30; 10-01..10-07 are holidays, Saturday 10-10 is a working day: 5th working day 10-13
    case = with_events(make_case(stage=Stage.DELIBERATION), notice_served="2026-09-30", defence_closed="2026-10-13")
    reason = refused(defence_window_over(context(case, now="2026-10-13")), "defence_window")
    assert "2026-10-13" in reason.message and "听证申请期" in reason.message
    assert defence_window_over(context(case, now="2026-10-14")) == []


def test_decision_refused_while_both_the_defence_and_hearing_windows_run_over_spring_festival():
    # notice on Thursday 02-12; Saturday 02-14 is a working day; 02-15..02-23 holidays: ends 02-26
    case = with_events(make_case(stage=Stage.NOTIFIED), notice_served="2026-02-12")
    reasons = defence_window_over(context(case, now="2026-02-26"))
    assert [r.rule for r in reasons] == ["defence_window", "defence_window"]
    assert "陈述申辩期" in reasons[0].message and "听证申请期" in reasons[1].message
    assert all("2026-02-26" in r.message for r in reasons)
    assert defence_window_over(context(case, now="2026-02-27")) == []


def test_decision_allowed_inside_the_windows_after_a_written_waiver():
    case = with_events(make_case(stage=Stage.DELIBERATION), notice_served="2026-09-30",
                       defence_waived="2026-10-08", defence_closed="2026-10-08")
    assert defence_window_over(context(case, now="2026-10-08")) == []


def test_defence_window_in_a_year_without_a_calendar_says_so():
    case = with_events(make_case(stage=Stage.NOTIFIED), notice_served="2026-03-02")
    only_2025 = WorkCalendar([calendar().year_calendar(2025)])
    reasons = defence_window_over(context(case, now="2026-03-04", work_calendar=only_2025))
    assert reasons and all(isinstance(r, CalendarNotLoaded) and r.year == 2026 for r in reasons)
    assert "2026" in reasons[0].message


def test_hearing_request_allowed_on_the_last_day_of_the_window():
    case = with_events(make_case(stage=Stage.NOTIFIED), notice_served="2026-09-30")
    assert hearing_request_in_time(context(case, now="2026-10-13")) == []


def test_hearing_request_refused_after_the_five_working_days():
    case = with_events(make_case(stage=Stage.NOTIFIED), notice_served="2026-09-30")
    reason = refused(hearing_request_in_time(context(case, now="2026-10-14")), "hearing_request")
    assert "2026-10-13" in reason.message


def test_hearing_request_refused_before_any_prior_notice():
    refused(hearing_request_in_time(context(make_case(stage=Stage.NOTIFIED))), "prior_notice")


def test_hearing_host_independent_allows_a_host_who_did_not_investigate():
    case = make_case(stage=Stage.HEARING)
    assert hearing_host_independent(context(case, params={"host_uuid": ZHAO})) == []


@pytest.mark.parametrize("params", [{"host_uuid": LI}, {"host_uuid": ""}, {}])
def test_hearing_host_independent_refuses_an_investigator_or_no_host(params):
    reason = refused(hearing_host_independent(context(make_case(stage=Stage.HEARING), params=params)),
                     "hearing.host")
    assert "听证主持人" in reason.message and "调查人员" in reason.message


# --- 简易程序 limits (Art. 51) ----------------------------------------------------------------------


def test_simple_procedure_allows_200_yuan_for_a_citizen():
    assert simple_fine_limit(context(make_case(SIM), params={"fine_fen": 200_00})) == []


def test_simple_procedure_refuses_200_yuan_and_1_fen_for_a_citizen():
    reason = refused(simple_fine_limit(context(make_case(SIM), params={"fine_fen": 200_01})), "simple.limit")
    assert "200 元" in reason.message and "200.01" in reason.message and "公民" in reason.message


def test_simple_procedure_allows_3000_yuan_for_an_organisation():
    case = make_case(SIM, parties=(organisation(),))
    assert simple_fine_limit(context(case, params={"fine_fen": 3_000_00})) == []
    reason = refused(simple_fine_limit(context(case, params={"fine_fen": 3_000_01})), "simple.limit")
    assert "3000 元" in reason.message and "3000.01" in reason.message and "法人或者其他组织" in reason.message


def test_simple_procedure_limit_of_a_citizen_party_is_not_raised_by_an_organisations_agent():
    citizen = person()
    agent = replace(agent_of(citizen), kind=organisation().kind)
    case = make_case(SIM, parties=(citizen, agent))
    refused(simple_fine_limit(context(case, params={"fine_fen": 500_00})), "simple.limit")


def test_simple_procedure_allows_a_warning_without_a_fine():
    assert simple_fine_limit(context(make_case(SIM), params={"fine_fen": 0})) == []


def test_simple_procedure_limit_uses_the_cases_fine_without_a_parameter():
    refused(simple_fine_limit(context(make_case(SIM, fine_fen=250_00))), "simple.limit")


# --- decision approved and sealed before service --------------------------------------------------


def test_serve_refused_before_the_bureau_head_approved_the_decision():
    case = make_case(stage=Stage.DECIDED)
    reason = refused(decision_approved(context(case)), "decision.approved")
    assert "机关负责人" in reason.message
    assert decision_approved(context(approved(case, "decision"))) == []


def test_serve_refused_after_the_decision_was_returned():
    case = approved(make_case(stage=Stage.DECIDED), "decision")
    returned = replace(case, approvals=(*case.approvals, approval(
        "decision", at("2026-03-03"), decision=ApprovalDecision.RETURNED)))
    refused(decision_approved(context(returned)), "decision.approved")


def test_serve_refused_before_the_decision_is_sealed():
    case = make_case(stage=Stage.DECIDED)
    reason = refused(decision_sealed(context(case)), "decision.sealed")
    assert "印章" in reason.message
    assert decision_sealed(context(with_events(case, decision_sealed="2026-03-02"))) == []


# --- the fine settled before closing; 催告 and enforcement timing ----------------------------------


def served_case(fine_fen: int = 1_000_00, served: str = "2026-03-02", **changes):
    case = make_case(stage=Stage.EXECUTED, fine_fen=fine_fen, **changes)
    return with_events(approved(case, "decision"), decided=served, decision_sealed=served, served=served)


def test_close_refused_with_an_unpaid_fine_naming_the_amount():
    reason = refused(fine_settled(context(served_case(), now="2026-03-10")), "fine.unpaid")
    assert "1000.00" in reason.message and "0.00" in reason.message


def test_close_refused_with_a_partly_paid_fine_naming_what_is_owed_with_the_late_surcharge():
    # payment due 03-17 (15 days from service); on 03-20 three days late: 3 × 3 % of ¥1,000
    case = replace(served_case(), paid_fen=400_00)
    reason = refused(fine_settled(context(case, now="2026-03-20")), "fine.unpaid")
    assert "690.00" in reason.message and "90.00" in reason.message  # ¥600 of the fine + ¥90 surcharge


def test_close_allowed_after_full_payment():
    case = with_events(replace(served_case(), paid_fen=1_000_00), paid_in_full="2026-03-10")
    assert fine_settled(context(case, now="2026-03-10")) == []


def test_close_allowed_after_enforcement_was_applied_for():
    case = with_events(served_case(), reminder_served="2026-03-18", enforcement_applied="2026-04-02")
    assert fine_settled(context(case, now="2026-04-02")) == []


def test_close_allowed_after_the_fine_was_waived():
    assert fine_settled(context(with_events(served_case(), fine_waived="2026-03-05"), now="2026-03-05")) == []


def test_close_allowed_without_a_fine():
    assert fine_settled(context(served_case(fine_fen=0))) == []


def test_reminder_refused_while_the_payment_period_runs():
    case = replace(served_case(), stage=Stage.SERVED)
    reason = refused(payment_period_over(context(case, now="2026-03-17")), "reminder.early")
    assert "2026-03-17" in reason.message
    assert payment_period_over(context(case, now="2026-03-18")) == []


def test_reminder_payment_period_ending_in_national_day_rolls_to_the_next_working_day():
    case = replace(served_case(served="2026-09-16"), stage=Stage.SERVED)  # + 15 days = 10-01, a holiday
    assert "2026-10-08" in refused(payment_period_over(context(case, now="2026-10-08")), "reminder.early").message
    assert payment_period_over(context(case, now="2026-10-09")) == []


def test_reminder_allowed_for_the_unpaid_rest_of_a_partly_paid_fine():
    case = replace(served_case(), stage=Stage.SERVED, paid_fen=500_00)
    assert payment_period_over(context(case, now="2026-03-20")) == []


@pytest.mark.parametrize("changes", [
    {"paid_fen": 1_000_00, "events": {"paid_in_full": "2026-03-10"}},
    {"events": {"fine_waived": "2026-03-10"}},
    {"fine_fen": 0},
])
def test_reminder_refused_when_nothing_of_the_fine_is_owed(changes):
    events = changes.pop("events", {})
    case = with_events(replace(served_case(), stage=Stage.SERVED, **changes), **events)
    refused(payment_period_over(context(case, now="2026-03-20")), "reminder.nothing_owed")


def test_enforcement_refused_until_ten_working_days_after_the_reminder_over_national_day():
    # reminder on Monday 09-28: working days 09-29, 09-30, 10-08, 10-09, 10-10 (Sat), 10-12 .. 10-16
    case = with_events(make_case(COE, stage=Stage.REMINDED), reminder_served="2026-09-28")
    reason = refused(enforcement_wait_over(context(case, BUREAU_HEAD, now="2026-10-16")), "enforcement.wait")
    assert "2026-10-16" in reason.message and "10 个工作日" in reason.message
    assert enforcement_wait_over(context(case, BUREAU_HEAD, now="2026-10-19")) == []


def test_enforcement_refused_without_any_reminder():
    case = make_case(COE, stage=Stage.REMINDED)
    refused(enforcement_wait_over(context(case, BUREAU_HEAD)), "enforcement.wait")


@pytest.mark.parametrize("time", ["10:00", "06:00", "21:59"])
def test_enforcement_allowed_in_the_daytime_on_a_working_day(time):
    case = make_case(COE, stage=Stage.REMINDED)
    assert not_night_or_holiday(context(case, BUREAU_HEAD, now=at("2026-10-19", time))) == []


@pytest.mark.parametrize("time", ["22:00", "23:30", "00:00", "05:59"])
def test_enforcement_refused_at_night(time):
    case = make_case(COE, stage=Stage.REMINDED)
    reason = refused(not_night_or_holiday(context(case, BUREAU_HEAD, now=at("2026-10-19", time))),
                     "enforcement.night")
    assert time in reason.message and "夜间" in reason.message


@pytest.mark.parametrize("day", ["2026-10-01", "2026-10-17", "2026-02-18"])  # National Day, a Saturday, 春节
def test_enforcement_refused_on_a_rest_day_or_holiday(day):
    case = make_case(COE, stage=Stage.REMINDED)
    reason = refused(not_night_or_holiday(context(case, BUREAU_HEAD, now=day)), "enforcement.holiday")
    assert day in reason.message


def test_enforcement_allowed_on_a_saturday_made_a_working_day():
    case = make_case(COE, stage=Stage.REMINDED)
    assert not_night_or_holiday(context(case, BUREAU_HEAD, now="2026-10-10")) == []


def test_enforcement_on_a_day_without_a_calendar_is_refused_as_unknown():
    case = make_case(COE, stage=Stage.REMINDED)
    reasons = not_night_or_holiday(context(case, BUREAU_HEAD, now="2027-03-01"))
    assert len(reasons) == 1 and isinstance(reasons[0], CalendarNotLoaded) and reasons[0].year == 2027


def test_guard_context_today_is_the_date_in_shanghai():
    ctx = GuardContext(case=make_case(), actor=OFFICER, now=at("2026-03-02", "23:59"),
                       calendar=WorkCalendar(), matter=Matter("x", "x", "penalty", "x", "x"))
    assert ctx.today == d("2026-03-02")
