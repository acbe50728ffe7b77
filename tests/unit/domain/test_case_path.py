"""What the audit trail and the workflow table say about a case's path and its documents."""

from __future__ import annotations

from app.domain.case_path import pending_documents, produced_documents, required_documents, stage_path
from app.domain.cases import ApprovalDecision, Stage
from tests.fakes.leads import lead


def _filed_and_reviewed(world, rng):
    cases = world.services.cases
    case = cases.open_case_from_lead(world.officer, lead(world, rng))
    case = cases.advance(world.officer, case.uuid, "submit_filing", expected_version=case.version)
    case = cases.advance(world.section_head, case.uuid, "approve_filing", expected_version=case.version,
                         comment="同意")
    case = cases.advance(world.officer, case.uuid, "end_investigation", expected_version=case.version)
    case = cases.record_approval(world.section_head, case.uuid, "case_review", ApprovalDecision.APPROVED, "同意",
                                 expected_version=case.version)
    return case, cases.history(case.uuid)


def test_the_path_lists_stages_entered_then_the_current_one_then_where_the_next_steps_lead(world, rng):
    case, history = _filed_and_reviewed(world, rng)
    path = stage_path(case, history)
    assert [(p.stage, p.state) for p in path if p.state != "next"] == [
        (Stage.REGISTERED, "passed"), (Stage.FILING_REVIEW, "passed"), (Stage.INVESTIGATING, "passed"),
        (Stage.INVESTIGATION_ENDED, "current")]
    assert {p.stage for p in path if p.state == "next"} == {Stage.NOTIFIED, Stage.INVESTIGATING}


def test_documents_produced_by_steps_taken_and_those_the_next_steps_need(world, rng):
    case, history = _filed_and_reviewed(world, rng)
    assert [code for code, _ in produced_documents(case, history)] == ["LASPB", "DCZJBG"]
    pending = dict(pending_documents(case, history))
    assert pending["XZCFGZS"] == "send_prior_notice"  # the notice the next step serves
    assert "DCZJBG" not in pending  # produced since the case entered this stage
    required = {d.code: d for d in required_documents(case, history)}
    assert required["LASPB"].done_at is not None and required["XZCFJDS"].done_at is None
