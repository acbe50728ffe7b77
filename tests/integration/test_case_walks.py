"""Complete cases walked through every stage of their kind, through the real services and store."""

from __future__ import annotations

from datetime import datetime

from app.domain.cases import ApprovalDecision, CaseKind, Stage
from app.services.clock import SHANGHAI
from tests.fakes.leads import lead, organisation
from tests.fakes.walks import days, step


def test_ordinary_penalty_walks_from_lead_to_archive(world, rng):
    cases = world.services.cases
    case = cases.open_case_from_lead(world.officer, lead(world, rng))
    assert case.stage is Stage.REGISTERED and "临" in case.number
    case = step(world, world.officer, case, "submit_filing")
    days(world, 1)
    case = step(world, world.section_head, case, "approve_filing", comment="同意立案")
    assert case.stage is Stage.INVESTIGATING and case.number.startswith("江海市监罚案〔2026〕")
    days(world, 20)
    case = step(world, world.officer, case, "end_investigation")
    case = cases.record_approval(world.section_head, case.uuid, "case_review", ApprovalDecision.APPROVED, "事实清楚",
                                 expected_version=case.version)
    case = step(world, world.officer, case, "send_prior_notice")
    days(world, 10)  # the 5-working-day defence and hearing windows have run
    case = step(world, world.officer, case, "close_defence")
    case = step(world, world.officer, case, "submit_decision", params={"fine_fen": 5_000_00})
    case = step(world, world.bureau_head, case, "approve_decision", comment="同意")
    case = step(world, world.bureau_head, case, "seal_decision")
    case = step(world, world.officer, case, "serve")
    days(world, 5)
    case = step(world, world.officer, case, "record_payment", params={"amount_fen": 5_000_00})
    case = step(world, world.officer, case, "finish_execution")
    case = step(world, world.section_head, case, "close", comment="执行完毕，同意结案")
    case = step(world, world.officer, case, "archive")
    assert case.stage is Stage.ARCHIVED
    history = cases.history(case.uuid)
    assert [e.action for e in history][:3] == ["register", "submit_filing", "approve_filing"]
    assert history[-1].action == "archive" and history[-1].after["stage"] == "archived"
    assert world.services.audit.verify().ok


def test_simple_procedure_decides_on_the_spot_and_closes(world, rng):
    cases = world.services.cases
    case = cases.open_case_from_lead(world.officer, lead(world, rng, CaseKind.PENALTY_SIMPLE, days_ago=0,
                                                         proposed_fine_fen=100_00))
    case = step(world, world.officer, case, "decide_on_spot", params={"fine_fen": 100_00})
    assert case.stage is Stage.DECIDED and case.number.startswith("江海市监简")
    case = step(world, world.officer, case, "serve")
    case = step(world, world.officer, case, "collect_cash", params={"amount_fen": 100_00})
    days(world, 1)
    case = step(world, world.officer, case, "hand_in_cash")
    case = step(world, world.officer, case, "finish_execution")
    case = step(world, world.section_head, case, "close", comment="同意结案")
    case = step(world, world.officer, case, "archive")
    assert case.stage is Stage.ARCHIVED and case.paid_fen == 100_00


def test_coercive_case_walks_through_measure_reminder_and_enforcement(world, rng):
    cases = world.services.cases
    case = cases.open_case_from_lead(world.officer, lead(world, rng, CaseKind.COERCIVE, matter_code="SJ-QZ-001",
                                                         party=organisation(rng)))
    case = step(world, world.officer, case, "submit_measure")
    case = step(world, world.bureau_head, case, "approve_measure", comment="同意扣押")
    assert case.stage is Stage.MEASURE_IN_FORCE
    days(world, 25)
    case = cases.extend(world.bureau_head, case.uuid, "measure_duration", 30, expected_version=case.version,
                        reason="检测尚未完成")
    measure = next(d for d in cases.deadlines(case.uuid) if d.rule.code == "measure_duration")
    assert measure.extended_days == 30
    days(world, 10)
    case = step(world, world.section_head, case, "release_measure", comment="解除扣押，依法处理")
    case = step(world, world.officer, case, "send_reminder")
    days(world, 20)  # ≥ 10 working days after the 催告
    world.clock.set(world.clock.now().replace(hour=10))
    while world.services.calendars.calendar.is_rest_day(world.clock.now().date()):
        days(world, 1)
    case = step(world, world.bureau_head, case, "apply_enforcement", comment="申请法院强制执行")
    case = step(world, world.officer, case, "finish_execution")
    case = step(world, world.bureau_head, case, "close", comment="同意结案")
    case = step(world, world.officer, case, "archive")
    assert case.stage is Stage.ARCHIVED


def test_inspection_walks_to_archive(world, rng):
    cases = world.services.cases
    case = cases.open_case_from_lead(world.officer, lead(world, rng, CaseKind.INSPECTION, matter_code="SJ-JC-001",
                                                         party=organisation(rng)))
    case = step(world, world.officer, case, "start_inspection")
    case = step(world, world.officer, case, "record_result", comment="未发现问题")
    case = step(world, world.section_head, case, "close", comment="同意")
    case = step(world, world.officer, case, "archive")
    assert case.stage is Stage.ARCHIVED and case.number.startswith("江海市监检")


def test_the_fixed_clock_starts_on_a_working_monday(world):
    assert world.clock.now() == datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI)


def test_major_ordinary_case_walks_through_hearing_legal_review_and_collective_discussion(world, rng):
    cases = world.services.cases
    case = cases.open_case_from_lead(world.officer, lead(world, rng, major=True, proposed_fine_fen=80_000_00,
                                                         party=organisation(rng)))
    case = step(world, world.officer, case, "submit_filing")
    case = step(world, world.bureau_head, case, "approve_filing", comment="同意立案")
    days(world, 30)
    case = cases.suspend(world.section_head, case.uuid, "testing", expected_version=case.version, reason="抽样送检")
    days(world, 10)
    case = cases.resume(world.section_head, case.uuid, expected_version=case.version, reason="检验报告已出具")
    case = step(world, world.officer, case, "end_investigation")
    case = step(world, world.officer, case, "submit_legal_review")
    case = cases.record_approval(world.legal_reviewer, case.uuid, "legal_review", ApprovalDecision.APPROVED,
                                 "事实清楚，适用法律正确", expected_version=case.version)
    case = cases.record_approval(world.section_head, case.uuid, "case_review", ApprovalDecision.APPROVED,
                                 "同意", expected_version=case.version)
    case = step(world, world.officer, case, "send_prior_notice")
    days(world, 2)
    case = step(world, world.officer, case, "request_hearing")
    days(world, 9)
    case = step(world, world.officer, case, "finish_hearing", params={"host_uuid": world.officers[2].uuid})
    assert case.stage is Stage.DELIBERATION and "hearing_held" in case.events
    # after a hearing the earlier legal review no longer counts: a new one is required
    refused = cases.available_actions(world.officer, case.uuid)
    submit = next(o for o in refused if o.transition.action == "submit_decision")
    assert {r.rule for r in submit.reasons} == {"legal_review", "collective_discussion"}
    case = step(world, world.officer, case, "submit_legal_review")
    days(world, 1)
    case = cases.record_approval(world.legal_reviewer, case.uuid, "legal_review", ApprovalDecision.APPROVED,
                                 "听证后复核，同意", expected_version=case.version)
    case = cases.record_approval(world.bureau_head, case.uuid, "collective_discussion", ApprovalDecision.APPROVED,
                                 "集体讨论决定：罚款八万元", expected_version=case.version)
    case = step(world, world.officer, case, "submit_decision", params={"fine_fen": 80_000_00})
    case = step(world, world.bureau_head, case, "approve_decision", comment="同意")
    case = step(world, world.bureau_head, case, "seal_decision")
    case = step(world, world.officer, case, "publish")
    case = step(world, world.officer, case, "serve")
    days(world, 40)  # the fine was not paid within 15 days
    owed, surcharge = cases.amount_owed(case.uuid)
    assert surcharge > 0 and owed == 80_000_00 + surcharge
    case = step(world, world.officer, case, "send_reminder")
    days(world, 20)
    case = step(world, world.bureau_head, case, "apply_enforcement", comment="申请人民法院强制执行")
    case = step(world, world.officer, case, "finish_execution")
    case = step(world, world.section_head, case, "close", comment="已申请强制执行，同意结案")
    case = step(world, world.officer, case, "archive")
    assert case.stage is Stage.ARCHIVED
    handling = next(d for d in cases.deadlines(case.uuid) if d.rule.code == "case_handling")
    assert handling.paused_days == 10 and handling.status.value == "met"
    assert world.services.audit.verify().ok
