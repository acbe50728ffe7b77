"""Cases walked through the real services to a given stage, for tests of what comes next."""

from __future__ import annotations

from datetime import timedelta

from app.domain.cases import ApprovalDecision
from tests.fakes.leads import lead


def days(world, n: int) -> None:
    world.clock.set(world.clock.now() + timedelta(days=n))


def step(world, actor, case, action, **kw):
    return world.services.cases.advance(actor, case.uuid, action, expected_version=case.version, **kw)


def opened(world, rng, **kw):
    return world.services.cases.open_case_from_lead(world.officer, lead(world, rng, **kw))


def in_filing_review(world, rng, **kw):
    return step(world, world.officer, opened(world, rng, **kw), "submit_filing")


def investigated(world, rng, **kw):
    """Filed and its investigation ended: waiting for the section head's 案件审核."""
    case = step(world, world.section_head, in_filing_review(world, rng, **kw), "approve_filing")
    return step(world, world.officer, case, "end_investigation")


def notified(world, rng, **kw):
    case = investigated(world, rng, **kw)
    case = world.services.cases.record_approval(world.section_head, case.uuid, "case_review",
                                                ApprovalDecision.APPROVED, "同意", expected_version=case.version)
    return step(world, world.officer, case, "send_prior_notice")


def deliberating(world, rng, **kw):
    case = notified(world, rng, **kw)
    days(world, 10)  # the defence and hearing windows have run
    return step(world, world.officer, case, "close_defence")


def in_decision_review(world, rng, fine_fen: int = 3_000_00, **kw):
    case = deliberating(world, rng, **kw)
    return step(world, world.officer, case, "submit_decision", params={"fine_fen": fine_fen})
