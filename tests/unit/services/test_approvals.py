"""The approval inbox and the to-do list over the real case service."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.cases import ApprovalDecision, CaseKind, Stage
from app.domain.errors import UserCancelled, ValidationError
from app.domain.officers import Actor, Role
from app.services.approvals import ApprovalService, awaited_transitions, is_decision, is_review_stage
from tests.fakes.leads import lead, organisation
from tests.fakes.walks import days, in_filing_review, investigated, opened, step


@pytest.fixture
def approvals(world) -> ApprovalService:
    return ApprovalService(world.services.cases)


def names(items) -> list[tuple[str, str]]:
    return [(i.case_row.number, i.name) for i in items]


def test_the_tables_decide_what_waits():
    assert {t.action for t in awaited_transitions(Role.SECTION_HEAD)} == {"approve_filing", "close",
                                                                          "apply_enforcement", "release_measure"}
    assert {t.action for t in awaited_transitions(Role.BUREAU_HEAD)} >= {"approve_decision", "approve_measure"}
    assert not awaited_transitions(Role.OFFICER)
    assert is_review_stage(CaseKind.PENALTY_ORDINARY, Stage.FILING_REVIEW)
    assert not is_review_stage(CaseKind.PENALTY_ORDINARY, Stage.INVESTIGATING)  # 移送 is no inbox item
    assert is_decision("approve_decision") and is_decision("decision") and not is_decision("approve_filing")


def test_a_case_submitted_for_filing_waits_for_the_section_head(world, rng, approvals):
    waiting = in_filing_review(world, rng)
    opened(world, rng)  # still being registered: nothing to approve
    items = approvals.inbox(world.section_head)
    assert names(items) == [(waiting.number, "approve_filing")]
    item = items[0]
    assert item.kind == "transition" and item.allowed and item.reasons == ()
    assert item.label == "批准立案" and item.return_action == "return_filing" and not item.is_decision
    assert item.version == waiting.version and item.since == world.clock.now()
    assert approvals.inbox(world.officer) == [] and approvals.inbox(world.legal_reviewer) == []
    assert names(approvals.inbox(world.bureau_head)) == [(waiting.number, "approve_filing")]


def test_a_refused_approval_is_listed_with_its_reasons(world, rng, approvals):
    case = in_filing_review(world, rng)
    expired = world.officers[2]  # 赵强
    world.services.cases.assign_officers(world.section_head, case.uuid, [world.officers[0].uuid, expired.uuid],
                                         expected_version=case.version)
    [item] = approvals.inbox(world.section_head)
    assert not item.allowed and "赵强" in item.reasons[0]


def test_approving_and_returning_items(world, rng, approvals):
    first, second = in_filing_review(world, rng), in_filing_review(world, rng)
    by_case = {i.case_uuid: i for i in approvals.inbox(world.section_head)}
    done = approvals.approve(world.section_head, by_case[first.uuid], "同意立案")
    assert done.stage is Stage.INVESTIGATING
    with pytest.raises(ValidationError) as refused:
        approvals.send_back(world.section_head, by_case[second.uuid], "  ")
    assert refused.value.field == "comment"
    back = approvals.send_back(world.section_head, by_case[second.uuid], "证据不足")
    assert back.stage is Stage.REGISTERED and back.last_approval("filing").decision is ApprovalDecision.RETURNED
    assert approvals.inbox(world.section_head) == []


def test_in_stage_reviews_wait_until_given(world, rng, approvals):
    case = investigated(world, rng)
    [item] = approvals.inbox(world.section_head)
    assert (item.kind, item.name, item.label, item.can_return) == ("slot", "case_review", "案件审核", True)
    assert approvals.inbox(world.legal_reviewer) == []  # nobody asked for a legal review yet
    case = step(world, world.officer, case, "submit_legal_review")
    [legal] = approvals.inbox(world.legal_reviewer)
    assert legal.name == "legal_review" and legal.since == world.clock.now()
    case = world.services.cases.record_approval(world.legal_reviewer, case.uuid, "legal_review",
                                                ApprovalDecision.RETURNED, "请补充证据", expected_version=case.version)
    assert approvals.inbox(world.legal_reviewer) == []  # answered (returned): back with the officer
    case = step(world, world.officer, case, "submit_legal_review")
    [legal] = approvals.inbox(world.legal_reviewer)
    approvals.approve(world.legal_reviewer, legal, "同意")
    assert approvals.inbox(world.legal_reviewer) == []
    assert approvals.inbox(world.section_head) == []  # a passed legal review counts as the case review


def test_a_major_case_waits_for_collective_discussion_before_the_decision(world, rng, approvals):
    cases = world.services.cases
    case = investigated(world, rng, major=True, party=organisation(rng))
    case = step(world, world.officer, case, "submit_legal_review")
    case = cases.record_approval(world.legal_reviewer, case.uuid, "legal_review", ApprovalDecision.APPROVED, "同意",
                                 expected_version=case.version)
    case = step(world, world.officer, case, "send_prior_notice")
    days(world, 10)
    case = step(world, world.officer, case, "close_defence")
    [item] = approvals.inbox(world.bureau_head)
    assert item.name == "collective_discussion" and not item.is_decision
    case = approvals.approve(world.bureau_head, item, "集体讨论：罚款")
    case = step(world, world.officer, case, "submit_decision", params={"fine_fen": 8_000_00})
    [decision] = approvals.inbox(world.bureau_head)
    assert decision.name == "approve_decision" and decision.is_decision and decision.return_action == "return_decision"
    assert approvals.inbox(world.section_head) == []  # only the bureau head decides


def test_batch_approval_refuses_decisions_and_reports_each_item(world, rng, approvals):
    cases = world.services.cases
    first, second, third = (in_filing_review(world, rng) for _ in range(3))
    items = approvals.inbox(world.section_head)
    cases.advance(world.section_head, third.uuid, "approve_filing", expected_version=third.version)  # behind our back
    results = approvals.approve_many(world.section_head, items, "同意")
    by_case = {r.item.case_uuid: r for r in results}
    assert by_case[first.uuid].done and by_case[second.uuid].done and by_case[first.uuid].case.stage is Stage.INVESTIGATING
    stale = by_case[third.uuid]
    assert not stale.done and "已被他人修改" in stale.reason
    decision = replace(next(i for i in items if i.case_uuid == first.uuid), name="approve_decision",
                       is_decision=True, label="批准处罚决定")
    with pytest.raises(ValidationError) as refused:
        approvals.approve_many(world.bureau_head, [items[1], decision], "同意")
    assert "批准处罚决定" in refused.value.message and first.number in refused.value.message


def test_a_coercive_case_waits_for_enforcement_with_the_reason_until_the_wait_is_over(world, rng, approvals):
    cases = world.services.cases
    case = cases.open_case_from_lead(world.officer, lead(world, rng, CaseKind.COERCIVE, matter_code="SJ-QZ-001",
                                                         party=organisation(rng)))
    case = step(world, world.officer, case, "submit_measure")
    assert names(approvals.inbox(world.bureau_head)) == [(case.number, "approve_measure")]
    case = step(world, world.bureau_head, case, "approve_measure", comment="同意")
    assert names(approvals.inbox(world.section_head)) == [(case.number, "release_measure")]
    case = step(world, world.section_head, case, "release_measure")
    case = step(world, world.officer, case, "send_reminder")
    [item] = approvals.inbox(world.section_head)  # only heads move the case on: it waits, refused for now
    assert item.name == "apply_enforcement" and not item.allowed and "10 个工作日" in item.reasons[0]
    days(world, 21)  # a working Monday, three weeks on
    [item] = approvals.inbox(world.section_head)
    assert item.allowed


def test_an_ordinary_case_waits_for_enforcement_only_once_allowed(world, rng, approvals):
    cases = world.services.cases
    case = investigated(world, rng)
    case = cases.record_approval(world.section_head, case.uuid, "case_review", ApprovalDecision.APPROVED, "同意",
                                 expected_version=case.version)
    case = step(world, world.officer, case, "send_prior_notice")
    days(world, 10)
    case = step(world, world.officer, case, "close_defence")
    case = step(world, world.officer, case, "submit_decision", params={"fine_fen": 1_000_00})
    case = step(world, world.bureau_head, case, "approve_decision")
    case = step(world, world.bureau_head, case, "seal_decision")
    case = step(world, world.officer, case, "serve")
    days(world, 30)
    case = step(world, world.officer, case, "send_reminder")
    assert approvals.inbox(world.section_head) == []  # the officer may still record a payment
    days(world, 21)
    assert names(approvals.inbox(world.section_head)) == [(case.number, "apply_enforcement")]


def test_my_tasks_lists_an_officers_open_cases_by_deadline(world, rng, approvals):
    cases = world.services.cases
    old = opened(world, rng, days_ago=30)
    new = opened(world, rng, days_ago=0)
    other = cases.open_case_from_lead(world.officer, lead(world, rng, officer_uuids=(world.officers[1].uuid,
                                                                                     world.officers[2].uuid)))
    inspection = cases.open_case_from_lead(world.officer, lead(world, rng, CaseKind.INSPECTION,
                                                               matter_code="SJ-JC-001", party=organisation(rng)))
    inspection = step(world, world.officer, inspection, "start_inspection")
    inspection = step(world, world.officer, inspection, "record_result", comment="未发现问题")
    inspection = step(world, world.section_head, inspection, "close", comment="同意")
    tasks = approvals.my_tasks(world.officer)
    assert [r.uuid for r in tasks] == [old.uuid, new.uuid]  # the closed inspection and 王芳's own case are not
    assert tasks[0].next_due <= tasks[1].next_due
    assert other.uuid in {r.uuid for r in approvals.my_tasks(world.second)}
    assert approvals.my_tasks(Actor("u-x", "无证", Role.OFFICER)) == []
    assert approvals.my_tasks(world.legal_reviewer) == []


def test_heads_see_the_overdue_cases_of_the_bureau(world, rng, approvals):
    late = opened(world, rng)
    days(world, 60)  # the filing decision was due long ago
    opened(world, rng, days_ago=0)
    overdue = approvals.my_tasks(world.section_head)
    assert [r.uuid for r in overdue] == [late.uuid] and overdue[0].deadline_status == "overdue"
    assert approvals.overdue_count() == 1


class Recorder:
    def __init__(self, cancel_after: int | None = None):
        self.reports: list[tuple[int, int | None]] = []
        self.cancel_after = cancel_after

    @property
    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after

    def report(self, done: int, total: int | None = None, text: str = "") -> None:
        self.reports.append((done, total))


def test_reading_the_inbox_reports_progress_and_can_be_cancelled(world, rng, approvals):
    for _ in range(3):
        in_filing_review(world, rng)
    seen = Recorder()
    assert len(approvals.inbox(world.section_head, seen)) == 3
    assert seen.reports == [(0, 3), (1, 3), (2, 3)]
    with pytest.raises(UserCancelled):
        approvals.inbox(world.section_head, Recorder(cancel_after=1))
