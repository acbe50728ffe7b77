"""The workflow engine over the table: consistency of the table itself, what ``apply`` checks and
records, role and stage refusals, approvals inside a stage, suspension and extension; and the
input the workflow starts from (leads, parties, money)."""

from __future__ import annotations

import random
from collections import deque
from dataclasses import replace
from datetime import date

import pytest
from stdnum.cn import ric

from app.domain.cases import TERMINAL_STAGES, ApprovalDecision, CaseKind, Stage
from app.domain.deadline_rules import EVENTS
from app.domain.deadlines import Extension, Pause
from app.domain.errors import NotFound, TransitionRefused, UserError, ValidationError
from app.domain.guards import GUARDS
from app.domain.money import check_fen, format_yuan, parse_yuan
from app.domain.officers import CertificateStatus, Role
from app.domain.parties import Party, PartyKind, PartyRole
from app.domain.workflow import (
    EFFECTS,
    apply,
    available_actions,
    check,
    extend,
    find_transition,
    record_approval,
    resume,
    suspend,
    transitions_from,
)
from app.domain.workflow_table import APPROVAL_SLOTS, EXTENDABLE, FIRST_STAGE, TRANSITIONS
from app.services.demo_people import credit_code, resident_id
from tests.fakes.cases import (
    BUREAU_HEAD,
    LEGAL_REVIEWER,
    LI,
    OFFICER,
    OUTSIDER,
    SECTION_HEAD,
    SUPERVISOR,
    ZHAO,
    approval,
    approved,
    at,
    context,
    d,
    make_case,
    make_lead,
    officer,
    officers,
    organisation,
    person,
    with_events,
)

ORD, SIM, COE, INS = CaseKind.PENALTY_ORDINARY, CaseKind.PENALTY_SIMPLE, CaseKind.COERCIVE, CaseKind.INSPECTION
APPROVED, RETURNED = ApprovalDecision.APPROVED, ApprovalDecision.RETURNED


def refusal_of(exc: pytest.ExceptionInfo[TransitionRefused]) -> dict[str, UserError]:
    return {r.rule: r for r in exc.value.reasons}


# --- the table ---------------------------------------------------------------------------------------


def test_every_guard_named_in_the_table_exists():
    assert {g for t in TRANSITIONS for g in t.guards} <= set(GUARDS)


def test_every_guard_is_used_by_some_transition():
    assert set(GUARDS) <= {g for t in TRANSITIONS for g in t.guards}


def test_every_effect_named_in_the_table_exists():
    assert {e for t in TRANSITIONS for e in t.effects} <= set(EFFECTS)


def test_every_event_a_transition_records_is_a_known_deadline_event():
    recorded = {e for t in TRANSITIONS for e in t.sets_events} | {"paid_in_full", "legal_review_done"}
    assert recorded - EVENTS == set()


def test_every_transition_needing_a_fine_or_payment_asks_for_it_as_a_parameter():
    for t in TRANSITIONS:
        if "set_fine" in t.effects:
            assert "fine_fen" in t.params, t.action
        if "record_payment" in t.effects:
            assert "amount_fen" in t.params, t.action


def test_no_two_transitions_share_kind_stage_and_action():
    keys = [(t.kind, t.source, t.action) for t in TRANSITIONS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("kind", list(CaseKind))
def test_every_stage_of_a_kind_is_reachable_from_the_first_stage(kind):
    rows = [t for t in TRANSITIONS if t.kind is kind]
    seen, todo = {FIRST_STAGE}, deque([FIRST_STAGE])
    while todo:
        stage = todo.popleft()
        for t in rows:
            if t.source is stage and t.target not in seen:
                seen.add(t.target)
                todo.append(t.target)
    used = {t.source for t in rows} | {t.target for t in rows}
    assert used - seen == set()
    assert Stage.ARCHIVED in seen


@pytest.mark.parametrize("kind", list(CaseKind))
def test_every_non_terminal_stage_of_a_kind_has_a_way_out(kind):
    rows = [t for t in TRANSITIONS if t.kind is kind]
    stages = {t.source for t in rows} | {t.target for t in rows}
    stuck = {s for s in stages - TERMINAL_STAGES if not any(t.source is s and t.target is not s for t in rows)}
    assert stuck == set()


def test_terminal_stages_have_no_way_out():
    assert not [t for t in TRANSITIONS if t.source in TERMINAL_STAGES]


def test_approval_slots_and_extensions_name_stages_the_table_uses():
    for slot in APPROVAL_SLOTS:
        stages = {t.source for t in TRANSITIONS if t.kind is slot.kind}
        assert slot.stages <= stages, slot.slot
    all_stages = {t.source for t in TRANSITIONS}
    for code, stages in EXTENDABLE.items():
        assert stages <= all_stages, code


def test_rows_that_record_a_refusal_in_a_slot_require_a_comment():
    assert all(t.requires_comment for t in TRANSITIONS if t.approval_decision is RETURNED)


# --- stage and role -------------------------------------------------------------------------------


def test_an_action_not_in_the_current_stage_is_refused_with_transition_stage():
    case = make_case(stage=Stage.INVESTIGATING)
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case), "serve")
    assert [r.rule for r in exc.value.reasons] == ["transition.stage"]
    assert exc.value.action == "serve"
    assert "送达决定书" in exc.value.message and "调查取证" in exc.value.message
    assert exc.value.english == "serve refused: serve is not possible in stage investigating"


def test_an_action_of_another_case_kind_is_refused_with_transition_stage():
    with pytest.raises(TransitionRefused) as exc:
        find_transition(make_case(INS), "submit_filing")
    assert exc.value.reasons[0].rule == "transition.stage"


def test_a_section_head_cannot_approve_a_decision_only_the_bureau_head_can():
    case = make_case(stage=Stage.DECISION_REVIEW, fine_fen=5_000_00)
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case, SECTION_HEAD), "approve_decision")
    reason = refusal_of(exc)["role"]
    assert len(exc.value.reasons) == 1  # the role decides; guards are not even asked
    assert reason.message == "承办机构负责人无权执行此操作，有权执行的是：机关负责人"
    assert reason.english == "role section head may not do this; allowed: bureau head"
    new, _ = apply(context(case, BUREAU_HEAD), "approve_decision", comment="同意")
    assert new.stage is Stage.DECIDED


def test_an_officer_cannot_approve_filing():
    with pytest.raises(TransitionRefused) as exc:
        apply(context(make_case(stage=Stage.FILING_REVIEW), OFFICER), "approve_filing")
    assert "机关负责人" in refusal_of(exc)["role"].message and "承办机构负责人" in refusal_of(exc)["role"].message


def test_a_supervisor_can_watch_but_not_act():
    with pytest.raises(TransitionRefused) as exc:
        apply(context(make_case(), SUPERVISOR), "submit_filing")
    assert "监督员" in refusal_of(exc)["role"].message


def test_an_officer_not_on_the_case_is_refused_by_actor_assigned():
    with pytest.raises(TransitionRefused) as exc:
        apply(context(make_case(), OUTSIDER), "submit_filing")
    assert "赵刚" in refusal_of(exc)["actor.assigned"].message


def test_every_reason_is_reported_at_once():
    staff = officers(officer(LI, "李强", status=CertificateStatus.REVOKED))
    case = with_events(make_case(act_date=d("2023-01-01")), discovered="2026-02-27")
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case, OUTSIDER, staff=staff), "submit_filing")
    assert [r.rule for r in exc.value.reasons] == ["actor.assigned", "officers.valid", "limitation"]
    assert exc.value.message.startswith("不能执行「提请立案审批」：")
    assert exc.value.message.count("；") >= 2


def test_a_suspended_case_refuses_transitions_until_resumed():
    case = suspend(make_case(stage=Stage.INVESTIGATING), "suspension", d("2026-03-03"), Role.SECTION_HEAD)
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case, now="2026-03-05"), "end_investigation")
    assert "2026-03-03" in refusal_of(exc)["suspended"].message
    with pytest.raises(TransitionRefused):
        apply(context(case, BUREAU_HEAD, now="2026-03-05"), "transfer", comment="涉嫌犯罪，移送公安机关")
    resumed = resume(case, d("2026-03-06"), Role.SECTION_HEAD)
    new, _ = apply(context(resumed, now="2026-03-06"), "end_investigation")
    assert new.stage is Stage.INVESTIGATION_ENDED


# --- comments and parameters ------------------------------------------------------------------------


@pytest.mark.parametrize("comment", ["", "   \n"])
def test_an_action_that_requires_a_comment_is_refused_without_one(comment):
    with pytest.raises(ValidationError) as exc:
        apply(context(make_case(), SECTION_HEAD), "decline_filing", comment=comment)
    assert exc.value.field == "comment" and exc.value.rule == "comment.required"
    assert exc.value.message == "意见：此操作须填写意见（理由）"


def test_a_missing_fine_parameter_is_refused_naming_the_field():
    case = deliberating_case()
    with pytest.raises(ValidationError) as exc:
        apply(context(case, now="2026-03-20"), "submit_decision")
    assert exc.value.field == "fine_fen" and exc.value.rule == "required"
    assert exc.value.message == "罚款金额：此项为必填项"


@pytest.mark.parametrize("value", [-1, 100.5, "5000", True, None])
def test_a_negative_or_non_integer_fine_is_refused_naming_the_field(value):
    with pytest.raises(ValidationError) as exc:
        apply(context(deliberating_case(), now="2026-03-20", params={"fine_fen": value}), "submit_decision")
    assert exc.value.field == "fine_fen" and exc.value.rule == "money"
    assert exc.value.message.startswith("罚款金额：")


@pytest.mark.parametrize("amount", [0, -100])
def test_a_payment_of_nothing_or_less_is_refused(amount):
    case = with_events(replace(approved(make_case(stage=Stage.SERVED), "decision"), fine_fen=1_000_00),
                       served="2026-03-02")
    with pytest.raises(ValidationError) as exc:
        apply(context(case, params={"amount_fen": amount}), "record_payment")
    assert exc.value.field == "amount_fen" and exc.value.message.startswith("缴款金额：")


def test_the_comment_is_checked_before_the_guards():
    case = make_case(stage=Stage.FILING_REVIEW)
    with pytest.raises(ValidationError):
        apply(context(case, OFFICER), "return_filing")


# --- available actions --------------------------------------------------------------------------------


def actions(options) -> dict[str, list[str]]:
    return {o.transition.action: [r.rule for r in o.reasons] for o in options}


def test_available_actions_are_the_rows_of_the_stage_for_the_role_with_their_reasons():
    case = make_case()
    assert actions(available_actions(context(case, OFFICER))) == {"submit_filing": []}
    assert actions(available_actions(context(case, SECTION_HEAD))) == {"decline_filing": []}
    assert actions(available_actions(context(case, OUTSIDER))) == {"submit_filing": ["actor.assigned"]}
    assert actions(available_actions(context(case, LEGAL_REVIEWER))) == {}


def test_available_actions_match_the_table_for_every_stage_and_role():
    for t in TRANSITIONS:
        case = make_case(t.kind, t.source)
        for actor in (OFFICER, SECTION_HEAD, LEGAL_REVIEWER, BUREAU_HEAD):
            got = [o.transition for o in available_actions(context(case, actor))]
            assert got == [r for r in transitions_from(case) if actor.role in r.roles]


def test_available_actions_in_deliberation_explain_why_the_decision_waits():
    case = with_events(make_case(stage=Stage.DELIBERATION, major=True), notice_served="2026-09-30")
    options = actions(available_actions(context(case, OFFICER, now="2026-10-09")))
    assert options == {"submit_legal_review": [],
                       "submit_decision": ["defence_window", "defence_window", "legal_review",
                                           "collective_discussion"]}
    option = next(o for o in available_actions(context(case, OFFICER, now="2026-10-09"))
                  if o.transition.action == "submit_legal_review")
    assert option.allowed


def test_available_actions_for_a_bureau_head_deciding():
    case = make_case(stage=Stage.DECISION_REVIEW, major=True)
    options = actions(available_actions(context(case, BUREAU_HEAD)))
    assert options == {"approve_decision": ["legal_review"], "return_decision": []}


def test_check_reports_role_first_and_stops_there():
    t = find_transition(make_case(stage=Stage.DECISION_REVIEW), "approve_decision")
    assert [r.rule for r in check(t, context(make_case(stage=Stage.DECISION_REVIEW), OFFICER))] == ["role"]


# --- what apply records -----------------------------------------------------------------------------


def test_approve_filing_records_the_approval_the_event_and_the_new_stage():
    case = make_case(stage=Stage.FILING_REVIEW)
    new, t = apply(context(case, SECTION_HEAD, now=at("2026-03-03", "15:30")), "approve_filing", comment=" 同意立案 ")
    assert new.stage is Stage.INVESTIGATING and t.action == "approve_filing"
    assert new.events["filed"] == d("2026-03-03") and new.filed
    last = new.last_approval("filing")
    assert (last.decision, last.actor_name, last.role, last.comment) == (APPROVED, "陈科长", "section_head", "同意立案")
    assert last.at == at("2026-03-03", "15:30")
    assert case.stage is Stage.FILING_REVIEW and "filed" not in case.events  # the input is not changed


def test_decline_filing_records_a_returned_approval():
    new, _ = apply(context(make_case(), BUREAU_HEAD), "decline_filing", comment="不属于本机关管辖")
    assert new.stage is Stage.NOT_FILED and new.last_approval("filing").decision is RETURNED
    assert not new.approved("filing")


def deliberating_case(**changes):
    case = make_case(stage=Stage.DELIBERATION, **changes)
    return with_events(approved(case, "case_review"), filed="2026-03-02", investigation_ended="2026-03-10",
                       notice_served="2026-03-11")


def test_decision_refused_before_the_prior_notice():
    case = replace(deliberating_case(), events={"filed": d("2026-03-02")})
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case, now="2026-03-20", params={"fine_fen": 5_000_00}), "submit_decision")
    assert "prior_notice" in refusal_of(exc)


def test_decision_refused_before_the_windows_have_run_across_national_day_then_allowed():
    case = with_events(make_case(stage=Stage.NOTIFIED), notice_served="2026-09-30")
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case, now="2026-10-13"), "close_defence")
    assert all("2026-10-13" in r.message for r in exc.value.reasons)
    closed, _ = apply(context(case, now="2026-10-14"), "close_defence")
    decided, _ = apply(context(closed, now="2026-10-14", params={"fine_fen": 5_000_00}), "submit_decision")
    assert decided.stage is Stage.DECISION_REVIEW and decided.fine_fen == 5_000_00


def test_decision_allowed_inside_the_windows_after_a_written_waiver():
    case = with_events(make_case(stage=Stage.NOTIFIED), notice_served="2026-09-30")
    waived, _ = apply(context(case, now="2026-10-08"), "record_waiver", comment="当事人书面放弃陈述、申辩和听证")
    assert waived.stage is Stage.DELIBERATION and {"defence_waived", "defence_closed"} <= set(waived.events)
    new, _ = apply(context(waived, now="2026-10-08", params={"fine_fen": 3_000_00}), "submit_decision")
    assert new.stage is Stage.DECISION_REVIEW


def test_a_hearing_host_who_investigated_the_case_is_refused():
    case = with_events(make_case(stage=Stage.HEARING), notice_served="2026-03-02", hearing_requested="2026-03-04")
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case, now="2026-03-16", params={"host_uuid": LI}), "finish_hearing")
    assert "hearing.host" in refusal_of(exc)
    with pytest.raises(ValidationError):
        apply(context(case, now="2026-03-16"), "finish_hearing")
    new, _ = apply(context(case, now="2026-03-16", params={"host_uuid": ZHAO}), "finish_hearing")
    assert new.stage is Stage.DELIBERATION and new.events["hearing_held"] == d("2026-03-16")


def test_after_a_hearing_the_decision_needs_a_legal_review_given_after_it():
    case = with_events(make_case(stage=Stage.HEARING), notice_served="2026-03-02", hearing_requested="2026-03-04")
    case = approved(case, "legal_review", when=at("2026-03-05"))  # before the hearing: does not count
    heard, _ = apply(context(case, now="2026-03-16", params={"host_uuid": ZHAO}), "finish_hearing")
    with pytest.raises(TransitionRefused) as exc:
        apply(context(heard, now="2026-03-17", params={"fine_fen": 5_000_00}), "submit_decision")
    assert "2026-03-16" in refusal_of(exc)["legal_review"].message
    reviewed = record_approval(context(heard, LEGAL_REVIEWER, now="2026-03-17"), "legal_review", APPROVED, "同意")
    assert reviewed.events["legal_review_done"] == d("2026-03-17")
    new, _ = apply(context(reviewed, now="2026-03-17", params={"fine_fen": 5_000_00}), "submit_decision")
    assert new.stage is Stage.DECISION_REVIEW


def test_a_major_case_needs_legal_review_and_collective_discussion_before_the_decision():
    case = deliberating_case(major=True)
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case, now="2026-03-20", params={"fine_fen": 50_000_00}), "submit_decision")
    assert set(refusal_of(exc)) == {"legal_review", "collective_discussion"}
    case = record_approval(context(case, LEGAL_REVIEWER, now="2026-03-20"), "legal_review", APPROVED, "")
    case = record_approval(context(case, BUREAU_HEAD, now="2026-03-20"), "collective_discussion", APPROVED, "")
    new, _ = apply(context(case, now="2026-03-20", params={"fine_fen": 50_000_00}), "submit_decision")
    assert new.stage is Stage.DECISION_REVIEW


def decided_case(**changes):
    return with_events(make_case(stage=Stage.DECIDED, fine_fen=1_000_00, **changes), decided="2026-03-02")


def test_serve_refused_before_approval_and_before_sealing():
    with pytest.raises(TransitionRefused) as exc:
        apply(context(decided_case()), "serve")
    assert set(refusal_of(exc)) == {"decision.approved", "decision.sealed"}
    with pytest.raises(TransitionRefused) as exc:
        apply(context(approved(decided_case(), "decision")), "serve")
    assert set(refusal_of(exc)) == {"decision.sealed"}
    with pytest.raises(TransitionRefused) as exc:
        apply(context(decided_case(), BUREAU_HEAD), "seal_decision")
    assert set(refusal_of(exc)) == {"decision.approved"}


def test_serve_allowed_once_approved_and_sealed():
    case = approved(decided_case(), "decision")
    sealed, _ = apply(context(case, BUREAU_HEAD), "seal_decision")
    served, _ = apply(context(sealed), "serve")
    assert served.stage is Stage.SERVED and served.events["served"] == d("2026-03-02")


def executed_case(**changes):
    case = approved(make_case(stage=Stage.EXECUTED, fine_fen=1_000_00, **changes), "decision")
    return with_events(case, decided="2026-03-02", decision_sealed="2026-03-02", served="2026-03-02")


def test_close_refused_with_an_unpaid_fine():
    with pytest.raises(TransitionRefused) as exc:
        apply(context(executed_case(), SECTION_HEAD, now="2026-03-10"), "close", comment="同意结案")
    assert "1000.00" in refusal_of(exc)["fine.unpaid"].message


def test_close_allowed_after_full_payment_in_instalments():
    case = replace(executed_case(), stage=Stage.SERVED)
    case, _ = apply(context(case, now="2026-03-05", params={"amount_fen": 400_00}), "record_payment")
    assert case.paid_fen == 400_00 and "paid_in_full" not in case.events
    with pytest.raises(TransitionRefused):
        apply(context(case, now="2026-03-05"), "finish_execution")
    case, _ = apply(context(case, now="2026-03-09", params={"amount_fen": 600_00}), "record_payment")
    assert case.paid_fen == 1_000_00 and case.events["paid_in_full"] == d("2026-03-09")
    case, _ = apply(context(case, now="2026-03-09"), "finish_execution")
    case, _ = apply(context(case, SECTION_HEAD, now="2026-03-10"), "close", comment="同意结案")
    assert case.stage is Stage.CLOSED and case.events["closed"] == d("2026-03-10")


def test_close_allowed_after_enforcement_was_applied_for():
    case = replace(executed_case(), stage=Stage.REMINDED)
    case = with_events(case, reminder_served="2026-03-18")
    case, _ = apply(context(case, BUREAU_HEAD, now="2026-04-02"), "apply_enforcement", comment="申请法院强制执行")
    assert case.stage is Stage.ENFORCEMENT
    case, _ = apply(context(case, now="2026-04-02"), "finish_execution")
    case, _ = apply(context(case, BUREAU_HEAD, now="2026-04-03"), "close", comment="同意结案")
    assert case.stage is Stage.CLOSED


def test_close_allowed_after_the_fine_was_waived():
    case = replace(executed_case(), stage=Stage.SERVED)
    case, _ = apply(context(case, BUREAU_HEAD, now="2026-03-05"), "waive_fine", comment="确有经济困难，经批准免缴")
    assert case.approved("fine_waiver")
    case, _ = apply(context(case, now="2026-03-05"), "finish_execution")
    case, _ = apply(context(case, BUREAU_HEAD, now="2026-03-05"), "close", comment="同意结案")
    assert case.stage is Stage.CLOSED


def test_simple_procedure_decides_on_the_spot_within_the_limit():
    case = make_case(SIM)
    new, t = apply(context(case, params={"fine_fen": 200_00}), "decide_on_spot")
    assert new.stage is Stage.DECIDED and new.fine_fen == 200_00 and {"filed", "decided"} <= set(new.events)
    assert "assign_case_number" in t.effects
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case, params={"fine_fen": 200_01}), "decide_on_spot")
    assert "simple.limit" in refusal_of(exc)


def test_simple_procedure_for_an_organisation_allows_3000_yuan():
    case = make_case(SIM, parties=(organisation(),))
    new, _ = apply(context(case, params={"fine_fen": 3_000_00}), "decide_on_spot")
    assert new.fine_fen == 3_000_00
    with pytest.raises(TransitionRefused):
        apply(context(case, params={"fine_fen": 3_000_01}), "decide_on_spot")


def test_coercive_enforcement_only_after_ten_working_days_in_the_daytime_on_a_working_day():
    case = with_events(make_case(COE, stage=Stage.REMINDED), reminder_served="2026-09-28")
    cases = {
        at("2026-10-16", "10:00"): {"enforcement.wait"},
        at("2026-10-19", "22:30"): {"enforcement.night"},
        at("2026-10-17", "10:00"): {"enforcement.holiday"},  # a Saturday
    }
    for now, rules in cases.items():
        with pytest.raises(TransitionRefused) as exc:
            apply(context(case, BUREAU_HEAD, now=now), "apply_enforcement", comment="申请强制执行")
        assert set(refusal_of(exc)) == rules, now
    new, _ = apply(context(case, BUREAU_HEAD, now=at("2026-10-19", "09:00")), "apply_enforcement",
                   comment="申请强制执行")
    assert new.stage is Stage.ENFORCEMENT and new.approved("enforcement")


def test_inspection_result_needs_a_comment_and_two_valid_officers():
    case = make_case(INS, stage=Stage.INSPECTING)
    with pytest.raises(ValidationError):
        apply(context(case), "record_result")
    staff = officers(officer(LI, "李强", valid_to="2026-01-31"))
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case, staff=staff), "record_result", comment="未发现问题")
    assert "officers.valid" in refusal_of(exc)


# --- approvals inside a stage ------------------------------------------------------------------------


def test_an_approval_slot_outside_its_stage_is_refused():
    with pytest.raises(ValidationError) as exc:
        record_approval(context(make_case(stage=Stage.INVESTIGATING), SECTION_HEAD), "case_review", APPROVED, "")
    assert exc.value.rule == "approval.stage" and exc.value.field == "slot"
    assert "案件审核" in exc.value.message and "调查取证" in exc.value.message


def test_an_approval_by_the_wrong_role_is_refused():
    case = make_case(stage=Stage.INVESTIGATION_ENDED)
    with pytest.raises(TransitionRefused) as exc:
        record_approval(context(case, SECTION_HEAD), "legal_review", APPROVED, "同意")
    assert exc.value.action == "legal_review"
    assert exc.value.message.startswith("不能执行「法制审核」：")
    assert "法制审核人员" in refusal_of(exc)["role"].message


def test_returning_an_approval_needs_a_comment():
    case = make_case(stage=Stage.INVESTIGATION_ENDED)
    with pytest.raises(ValidationError) as exc:
        record_approval(context(case, SECTION_HEAD), "case_review", RETURNED, " ")
    assert exc.value.rule == "comment.required"
    new = record_approval(context(case, SECTION_HEAD), "case_review", RETURNED, "证据不足，补充调查")
    assert new.last_approval("case_review").decision is RETURNED and not new.approved("case_review")


def test_a_returned_legal_review_records_no_completion():
    case = make_case(stage=Stage.INVESTIGATION_ENDED)
    new = record_approval(context(case, LEGAL_REVIEWER), "legal_review", RETURNED, "法律适用有误")
    assert "legal_review_done" not in new.events


# --- suspension (中止) and extension (延期) ------------------------------------------------------------


def test_suspension_needs_a_head():
    with pytest.raises(ValidationError) as exc:
        suspend(make_case(stage=Stage.INVESTIGATING), "suspension", d("2026-03-03"), Role.OFFICER)
    assert exc.value.rule == "pause.approval"


def test_suspension_of_an_unknown_kind_is_refused():
    with pytest.raises(ValidationError) as exc:
        suspend(make_case(stage=Stage.INVESTIGATING), "holiday", d("2026-03-03"), Role.BUREAU_HEAD)
    assert exc.value.rule == "pause.kind" and "'holiday'" in exc.value.message


def test_a_case_cannot_be_paused_twice():
    case = suspend(make_case(stage=Stage.INVESTIGATING), "testing", d("2026-03-03"), Role.SECTION_HEAD)
    assert case.open_pause == Pause("testing", d("2026-03-03")) and not case.suspended
    with pytest.raises(ValidationError) as exc:
        suspend(case, "suspension", d("2026-03-04"), Role.SECTION_HEAD)
    assert exc.value.rule == "pause.open" and "2026-03-03" in exc.value.message


@pytest.mark.parametrize("stage", sorted(TERMINAL_STAGES | {Stage.CLOSED}))
def test_a_closed_case_cannot_be_suspended(stage):
    with pytest.raises(ValidationError) as exc:
        suspend(make_case(stage=stage), "suspension", d("2026-03-03"), Role.BUREAU_HEAD)
    assert exc.value.rule == "pause.stage"


def test_resume_before_the_pause_began_is_refused():
    case = suspend(make_case(stage=Stage.INVESTIGATING), "suspension", d("2026-03-10"), Role.SECTION_HEAD)
    with pytest.raises(ValidationError) as exc:
        resume(case, d("2026-03-09"), Role.SECTION_HEAD)
    assert exc.value.rule == "date.order" and exc.value.field == "on"
    assert "2026-03-09" in exc.value.message and "2026-03-10" in exc.value.message


def test_resume_of_a_case_that_is_not_paused_is_refused():
    with pytest.raises(ValidationError) as exc:
        resume(make_case(stage=Stage.INVESTIGATING), d("2026-03-09"), Role.SECTION_HEAD)
    assert exc.value.rule == "pause.none"


def test_resume_ends_the_open_pause_and_keeps_earlier_ones():
    case = make_case(stage=Stage.INVESTIGATING, pauses=(Pause("testing", d("2026-03-03"), d("2026-03-05")),))
    case = suspend(case, "suspension", d("2026-03-10"), Role.BUREAU_HEAD)
    case = resume(case, d("2026-03-10"), Role.SECTION_HEAD)  # resuming the same day is allowed
    assert case.pauses == (Pause("testing", d("2026-03-03"), d("2026-03-05")),
                           Pause("suspension", d("2026-03-10"), d("2026-03-10")))
    assert not case.suspended and case.open_pause is None


def test_extension_of_the_case_handling_period_by_the_bureau_head():
    case = make_case(stage=Stage.INVESTIGATING)
    new = extend(case, "case_handling", 30, d("2026-05-20"), Role.BUREAU_HEAD)
    assert new.extensions == (Extension("case_handling", 30, d("2026-05-20"), "bureau_head"),)


def test_extension_in_a_wrong_stage_is_refused():
    with pytest.raises(ValidationError) as exc:
        extend(make_case(stage=Stage.SERVED), "case_handling", 30, d("2026-05-20"), Role.BUREAU_HEAD)
    assert exc.value.rule == "extension.stage" and exc.value.field == "rule_code"
    assert "办案期限" in exc.value.message and "已送达" in exc.value.message


def test_extension_of_a_rule_that_is_never_extendable_is_refused():
    with pytest.raises(ValidationError) as exc:
        extend(make_case(stage=Stage.NOTIFIED), "defence_period", 5, d("2026-03-05"), Role.BUREAU_HEAD)
    assert exc.value.rule == "extension.stage"


def test_extension_beyond_the_maximum_is_refused():
    case = make_case(stage=Stage.REGISTERED)
    with pytest.raises(ValidationError) as exc:
        extend(case, "filing_decision", 16, d("2026-03-05"), Role.SECTION_HEAD)
    assert exc.value.rule == "extension_max" and "16" in exc.value.message and "15" in exc.value.message


def test_extensions_beyond_the_maximum_together_are_refused():
    case = extend(make_case(COE, Stage.MEASURE_IN_FORCE), "measure_duration", 20, d("2026-03-20"), Role.BUREAU_HEAD)
    with pytest.raises(ValidationError) as exc:
        extend(case, "measure_duration", 11, d("2026-03-25"), Role.BUREAU_HEAD)
    assert exc.value.rule == "extension_max" and "31" in exc.value.message
    assert len(extend(case, "measure_duration", 10, d("2026-03-25"), Role.BUREAU_HEAD).extensions) == 2


def test_extension_by_a_role_the_rule_does_not_allow_is_refused():
    with pytest.raises(ValidationError) as exc:
        extend(make_case(stage=Stage.INVESTIGATING), "case_handling", 30, d("2026-05-20"), Role.SECTION_HEAD)
    assert exc.value.rule == "extension_role" and "机关负责人" in exc.value.message


def test_extension_of_an_unknown_rule_is_refused():
    with pytest.raises(NotFound):
        extend(make_case(stage=Stage.INVESTIGATING), "no_such_rule", 30, d("2026-05-20"), Role.BUREAU_HEAD)


@pytest.mark.parametrize("days", [0, -5])
def test_extension_of_no_days_is_refused(days):
    with pytest.raises(ValidationError) as exc:
        extend(make_case(stage=Stage.INVESTIGATING), "case_handling", days, d("2026-05-20"), Role.BUREAU_HEAD)
    assert exc.value.rule == "positive"


# --- leads (案件来源) ------------------------------------------------------------------------------------

TODAY = d("2026-03-02")


def test_a_valid_lead_passes():
    make_lead().validate(TODAY)
    make_lead(act_date=d("2025-01-01"), act_end_date=TODAY, discovered_on=TODAY).validate(TODAY)


def test_a_lead_discovered_in_the_future_is_refused():
    with pytest.raises(ValidationError) as exc:
        make_lead(discovered_on=d("2026-03-03")).validate(TODAY)
    assert (exc.value.field, exc.value.rule) == ("discovered_on", "date.future")
    assert exc.value.message == "发现日期：2026-03-03 晚于今天"


def test_a_lead_whose_act_lies_in_the_future_is_refused():
    with pytest.raises(ValidationError) as exc:
        make_lead(act_date=d("2026-03-03"), discovered_on=TODAY).validate(TODAY)
    assert (exc.value.field, exc.value.rule) == ("act_date", "date.future")
    assert "2026-03-03" in exc.value.message and "违法行为发生日期" in exc.value.message


def test_a_lead_whose_act_follows_its_discovery_is_refused():
    with pytest.raises(ValidationError) as exc:
        make_lead(act_date=d("2026-02-28"), discovered_on=d("2026-02-27")).validate(TODAY)
    assert (exc.value.field, exc.value.rule) == ("act_date", "date.order")
    assert "2026-02-28" in exc.value.message and "2026-02-27" in exc.value.message


@pytest.mark.parametrize("end", ["2026-02-19", "2026-03-03"])
def test_a_continuing_act_ending_before_its_start_or_after_today_is_refused(end):
    with pytest.raises(ValidationError) as exc:
        make_lead(act_end_date=d(end)).validate(TODAY)
    assert (exc.value.field, exc.value.rule) == ("act_end_date", "date.order")


def test_a_lead_of_an_unknown_kind_is_refused():
    with pytest.raises(ValidationError) as exc:
        make_lead(kind="penalty_severe").validate(TODAY)
    assert exc.value.rule == "case.kind" and "penalty_severe" in exc.value.message


@pytest.mark.parametrize(("name", "label"), [("cause", "案由"), ("source", "案件来源"), ("place", "违法地点"),
                                             ("matter_code", "执法事项")])
@pytest.mark.parametrize("value", ["", "   "])
def test_a_lead_without_a_required_field_is_refused_naming_it(name, label, value):
    with pytest.raises(ValidationError) as exc:
        make_lead(**{name: value}).validate(TODAY)
    assert (exc.value.field, exc.value.rule) == (name, "required")
    assert exc.value.message == f"{label}：此项为必填项"


@pytest.mark.parametrize("value", ["2026-02-27", None, at("2026-02-27")])
def test_a_lead_with_a_text_or_a_datetime_for_a_date_is_refused(value):
    with pytest.raises(ValidationError) as exc:
        make_lead(discovered_on=value).validate(TODAY)
    assert (exc.value.field, exc.value.rule) == ("discovered_on", "date")
    assert exc.value.message == "发现日期：不是有效日期"


def test_a_lead_with_a_negative_proposed_fine_is_refused():
    with pytest.raises(ValidationError) as exc:
        make_lead(proposed_fine_fen=-100).validate(TODAY)
    assert exc.value.field == "proposed_fine_fen" and "拟罚款金额" in exc.value.message


def test_a_lead_without_a_party_is_refused_even_with_an_agent():
    agent = replace(person("黄律师", 7), role=PartyRole.AGENT)
    for parties in ((), (agent,)):
        with pytest.raises(ValidationError) as exc:
            make_lead(parties=parties).validate(TODAY)
        assert exc.value.rule == "case.parties"


# --- parties (当事人) ----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(20))
def test_parties_with_valid_numbers_are_created(seed):
    rng = random.Random(seed)
    number = resident_id(rng)
    p = Party.create(kind="person", name=" 张伟 ", id_number=number)
    assert (p.kind, p.name, p.id_number) == (PartyKind.PERSON, "张伟", number)
    code = credit_code(rng)
    o = Party.create(kind=PartyKind.ORGANISATION, name="鸿运食品商行", id_number=code, legal_representative="刘芳")
    assert o.id_number == code


def test_a_resident_id_with_a_wrong_check_digit_is_refused():
    good = resident_id(random.Random(1))
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ValidationError) as exc:
        Party.create(kind="person", name="张伟", id_number=bad)
    assert (exc.value.field, exc.value.rule) == ("id_number", "cn.ric")
    assert bad in exc.value.message and "校验码错误" in exc.value.message and "居民身份证" in exc.value.message
    assert "wrong check digit" in exc.value.english


@pytest.mark.parametrize(("number", "why"), [("44070419900101123", "位数不对"), ("4407041990010112AB", "格式")])
def test_a_resident_id_of_the_wrong_length_or_characters_is_refused(number, why):
    with pytest.raises(ValidationError) as exc:
        Party.create(kind="person", name="张伟", id_number=number)
    assert exc.value.rule == "cn.ric" and why in exc.value.message


def test_a_resident_id_with_an_impossible_birth_date_is_refused():
    body = "44070419901332123"
    number = body + ric.calc_check_digit(body + "0")
    with pytest.raises(ValidationError) as exc:
        Party.create(kind="person", name="张伟", id_number=number)
    assert exc.value.rule == "cn.ric" and "出生日期" in exc.value.message


def test_a_credit_code_with_a_wrong_check_character_is_refused():
    good = credit_code(random.Random(2))
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ValidationError) as exc:
        Party.create(kind="organisation", name="鸿运食品商行", id_number=bad, legal_representative="刘芳")
    assert (exc.value.field, exc.value.rule) == ("id_number", "cn.uscc")
    assert bad in exc.value.message and "统一社会信用代码" in exc.value.message


def test_a_resident_id_is_not_accepted_as_a_credit_code():
    with pytest.raises(ValidationError) as exc:
        # (about 1 in 31 resident ID numbers happens to pass the credit code's checksum: not seed 4's)
        Party.create(kind="organisation", name="鸿运食品商行", id_number=resident_id(random.Random(4)),
                     legal_representative="刘芳")
    assert exc.value.rule == "cn.uscc"


def test_a_party_of_an_unknown_kind_is_refused():
    with pytest.raises(ValidationError) as exc:
        Party.create(kind="alien", name="X", id_number="1")
    assert exc.value.rule == "party.kind" and "'alien'" in exc.value.message


@pytest.mark.parametrize("name", ["", "  ", None])
def test_a_party_without_a_name_is_refused(name):
    with pytest.raises(ValidationError) as exc:
        Party.create(kind="person", name=name, id_number=resident_id(random.Random(4)))
    assert (exc.value.field, exc.value.rule) == ("name", "party.name")


def test_an_organisation_without_a_legal_representative_is_refused():
    with pytest.raises(ValidationError) as exc:
        Party.create(kind="organisation", name="鸿运食品商行", id_number=credit_code(random.Random(5)),
                     legal_representative=" ")
    assert exc.value.field == "legal_representative" and "法定代表人" in exc.value.message


# --- money ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "fen"), [("12000", 1_200_000), ("1200.5", 120_050), ("0.01", 1), (" 3000.00 ", 300_000),
                                          ("0", 0), ("200.10", 200_10)])
def test_parse_yuan_reads_yuan_into_fen(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["-1", "1.234", "abc", "", "1,200", "1e3", "12.", ".5", "¥12", None])
def test_parse_yuan_refuses_what_is_not_an_amount_naming_the_field(text):
    with pytest.raises(ValidationError) as exc:
        parse_yuan(text, "fine")
    assert (exc.value.field, exc.value.rule) == ("fine", "money")
    assert repr(text) in exc.value.message


@pytest.mark.parametrize(("fen", "text"), [(0, "¥0.00"), (5, "¥0.05"), (123_456_789, "¥1,234,567.89"),
                                          (-150, "-¥1.50"), (200_00, "¥200.00")])
def test_format_yuan(fen, text):
    assert format_yuan(fen) == text


def test_parse_and_format_round_trip():
    for fen in (0, 1, 99, 100, 12_345, 3_000_00):
        assert parse_yuan(format_yuan(fen).removeprefix("¥").replace(",", "")) == fen


def test_check_fen_accepts_whole_non_negative_fen():
    assert check_fen(0, "fine_fen") == 0 and check_fen(5_000_00, "fine_fen") == 5_000_00


def test_check_fen_refuses_a_negative_amount():
    with pytest.raises(ValidationError) as exc:
        check_fen(-1, "fine_fen")
    assert exc.value.message == "罚款金额：金额不能为负数"


@pytest.mark.parametrize("value", [1.5, 100.0, "100", True, None, date(2026, 1, 1)])
def test_check_fen_refuses_what_is_not_a_whole_number_of_fen(value):
    with pytest.raises(ValidationError) as exc:
        check_fen(value, "amount_fen")
    assert (exc.value.field, exc.value.rule) == ("amount_fen", "money")
    assert "以分为单位的整数" in exc.value.message


def test_case_amount_due_never_goes_below_zero():
    assert make_case(fine_fen=100_00, paid_fen=150_00).amount_due_fen() == 0
    assert make_case(fine_fen=100_00, paid_fen=40_00).amount_due_fen() == 60_00


def test_case_approved_since_compares_the_day_of_the_approval():
    case = replace(make_case(), approvals=(approval("legal_review", at("2026-03-05", "16:00")),))
    assert case.approved("legal_review", since=d("2026-03-05"))
    assert not case.approved("legal_review", since=d("2026-03-06"))
    assert not case.approved("decision")


def test_resume_needs_a_section_or_bureau_head():
    case = suspend(make_case(stage=Stage.INVESTIGATING), "suspension", d("2026-03-02"), Role.SECTION_HEAD)
    with pytest.raises(ValidationError) as exc:
        resume(case, d("2026-03-09"), Role.OFFICER)
    assert exc.value.rule == "pause.approval"


def test_a_payment_above_what_is_owed_is_refused_naming_both_amounts():
    case = replace(executed_case(), stage=Stage.SERVED)
    with pytest.raises(ValidationError) as exc:
        apply(context(case, now="2026-03-05", params={"amount_fen": 1_000_01}), "record_payment")
    assert exc.value.rule == "money.overpaid" and "1000.01" in exc.value.message and "1000.00" in exc.value.message


def test_a_late_payment_is_in_full_only_with_the_surcharge():
    # served 03-02, payment due 03-17; paid on 03-20: 3 days × 3 % of ¥1,000 = ¥90 on top
    case = replace(executed_case(), stage=Stage.SERVED)
    case, _ = apply(context(case, now="2026-03-20", params={"amount_fen": 1_000_00}), "record_payment")
    assert "paid_in_full" not in case.events
    case, _ = apply(context(case, now="2026-03-20", params={"amount_fen": 90_00}), "record_payment")
    assert case.events["paid_in_full"] == d("2026-03-20") and case.paid_fen == 1_090_00


def test_no_approval_is_recorded_while_the_case_is_suspended():
    case = suspend(make_case(stage=Stage.INVESTIGATION_ENDED), "suspension", d("2026-03-02"), Role.SECTION_HEAD)
    with pytest.raises(TransitionRefused) as exc:
        record_approval(context(case, SECTION_HEAD), "case_review", ApprovalDecision.APPROVED, "同意")
    assert exc.value.reasons[0].rule == "suspended"


def test_night_hours_are_reckoned_in_beijing_time_whatever_zone_now_carries():
    from datetime import UTC, datetime

    from app.domain.guards import not_night_or_holiday

    case = make_case(kind=CaseKind.COERCIVE, stage=Stage.REMINDED)
    utc_afternoon = datetime(2026, 3, 3, 15, 0, tzinfo=UTC)  # 23:00 in Beijing
    assert not_night_or_holiday(context(case, BUREAU_HEAD, now=utc_afternoon))[0].rule == "enforcement.night"


def test_offering_actions_leaves_parameter_guards_for_when_the_step_is_performed():
    case = make_case(stage=Stage.HEARING)
    offered = {o.transition.action: o for o in available_actions(context(case))}
    assert offered["finish_hearing"].allowed  # the host is asked for when the step is taken
    with pytest.raises(TransitionRefused) as exc:
        apply(context(case, params={"host_uuid": case.officer_uuids[0]}), "finish_hearing")
    assert refusal_of(exc)["hearing.host"]
