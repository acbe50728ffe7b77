"""The statistics page's figures: exact on a few hand-walked cases, and equal to a case-by-case
count over demo data (walked and bulk-loaded)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.domain.cases import ApprovalDecision, CaseKind, Stage
from app.services.cases import CaseFilter
from app.services.demo import DemoSeeder
from app.services.statistics import CLOSED_STAGES, OPEN_STAGES, StatisticsService
from tests.fakes.leads import lead, organisation


def days(world, n: int) -> None:
    world.clock.set(world.clock.now() + timedelta(days=n))


def step(world, actor, case, action, **kw):
    return world.services.cases.advance(actor, case.uuid, action, expected_version=case.version, **kw)


def approve(world, actor, case, slot):
    return world.services.cases.record_approval(actor, case.uuid, slot, ApprovalDecision.APPROVED, "同意",
                                                expected_version=case.version)


def statistics(world):
    return StatisticsService.for_services(world.services).compute()


def test_an_empty_bureau_has_zeros_and_no_rates(world):
    figures = statistics(world)
    assert figures.total == 0 and figures.open_cases == 0 and figures.overdue == 0
    assert set(figures.by_kind) == set(CaseKind) and not any(figures.by_kind.values())
    assert set(figures.by_stage) == set(Stage) and not any(figures.by_stage.values())
    assert figures.overdue_rate is None and figures.legal_review_rate is None and figures.hearing_rate is None
    assert figures.average_handling_days is None and figures.collection_rate is None
    assert figures.as_of == world.clock.now() and figures.year == 2026


def _hearing_case(world, rng):
    """A major ordinary case: legal review, hearing, decision of ¥80,000, ¥30,000 paid."""
    case = world.services.cases.open_case_from_lead(world.officer, lead(
        world, rng, major=True, proposed_fine_fen=80_000_00, party=organisation(rng)))
    case = step(world, world.officer, case, "submit_filing")
    case = step(world, world.bureau_head, case, "approve_filing", comment="同意立案")
    case = step(world, world.officer, case, "end_investigation")
    case = step(world, world.officer, case, "submit_legal_review")
    case = approve(world, world.legal_reviewer, case, "legal_review")
    case = approve(world, world.section_head, case, "case_review")
    case = step(world, world.officer, case, "send_prior_notice")
    case = step(world, world.officer, case, "request_hearing")
    days(world, 9)
    case = step(world, world.officer, case, "finish_hearing", params={"host_uuid": world.officers[2].uuid})
    case = step(world, world.officer, case, "submit_legal_review")
    case = approve(world, world.legal_reviewer, case, "legal_review")
    case = approve(world, world.bureau_head, case, "collective_discussion")
    case = step(world, world.officer, case, "submit_decision", params={"fine_fen": 80_000_00})
    case = step(world, world.bureau_head, case, "approve_decision", comment="同意")
    case = step(world, world.bureau_head, case, "seal_decision")
    case = step(world, world.officer, case, "serve")
    return step(world, world.officer, case, "record_payment", params={"amount_fen": 30_000_00})


def _plain_decided_case(world, rng):
    """An ordinary case decided without hearing or legal review: ¥5,000 decided, nothing paid."""
    case = world.services.cases.open_case_from_lead(world.officer, lead(world, rng, proposed_fine_fen=5_000_00))
    case = step(world, world.officer, case, "submit_filing")
    case = step(world, world.section_head, case, "approve_filing", comment="同意立案")
    case = step(world, world.officer, case, "end_investigation")
    case = approve(world, world.section_head, case, "case_review")
    case = step(world, world.officer, case, "send_prior_notice")
    days(world, 10)
    case = step(world, world.officer, case, "close_defence")
    case = step(world, world.officer, case, "submit_decision", params={"fine_fen": 5_000_00})
    return step(world, world.bureau_head, case, "approve_decision", comment="同意")


def _closed_inspection(world, rng, after_days: int):
    case = world.services.cases.open_case_from_lead(world.officer, lead(world, rng, CaseKind.INSPECTION,
                                                                        matter_code="SJ-JC-001"))
    case = step(world, world.officer, case, "start_inspection")
    days(world, after_days)
    case = step(world, world.officer, case, "record_result", comment="未发现违法行为")
    return step(world, world.section_head, case, "close", comment="同意结案")


def test_figures_of_a_few_known_cases(world, rng):
    hearing = _hearing_case(world, rng)
    plain = _plain_decided_case(world, rng)
    first = _closed_inspection(world, rng, 4)
    second = _closed_inspection(world, rng, 10)
    waiting = world.services.cases.open_case_from_lead(world.officer, lead(world, rng))  # registered only
    days(world, 40)  # the registered case's filing decision (and more) is now overdue

    figures = statistics(world)
    assert figures.total == 5
    assert figures.by_kind[CaseKind.PENALTY_ORDINARY] == 3 and figures.by_kind[CaseKind.INSPECTION] == 2
    assert figures.by_stage[Stage.CLOSED] == 2 and figures.by_stage[Stage.REGISTERED] == 1
    assert figures.by_stage[hearing.stage] + figures.by_stage[plain.stage] >= 2
    assert figures.open_cases == 3
    overdue = world.services.cases.count(CaseFilter(stages=OPEN_STAGES, deadline="overdue"))
    assert figures.overdue == overdue >= 1
    assert figures.overdue_rate == pytest.approx(overdue / 3)
    assert figures.closed_this_year == 2 and figures.closed_with_dates == 2
    spans = [(c.events["closed"] - c.events["filed"]).days for c in (first, second)]
    assert spans == [4, 10] and figures.average_handling_days == pytest.approx(7)
    assert figures.fines_decided_fen == 85_000_00 and figures.fines_collected_fen == 30_000_00
    assert figures.decided_ordinary == 2
    assert figures.legal_reviewed == 1 and figures.legal_review_rate == pytest.approx(0.5)
    assert figures.hearings == 1 and figures.hearing_rate == pytest.approx(0.5)
    assert waiting.uuid  # (the overdue one)


def test_closed_last_year_does_not_count_this_year(world, rng):
    world.clock.set(world.clock.now().replace(year=2025, month=11, day=3))
    _closed_inspection(world, rng, 3)
    world.clock.set(world.clock.now().replace(year=2026, month=3, day=2))
    figures = statistics(world)
    assert figures.closed_this_year == 0 and figures.closed_with_dates == 1
    assert figures.average_handling_days == pytest.approx(3)


def test_a_returned_legal_review_does_not_count(world, rng):
    case = world.services.cases.open_case_from_lead(world.officer, lead(world, rng, major=True))
    case = step(world, world.officer, case, "submit_filing")
    case = step(world, world.bureau_head, case, "approve_filing", comment="同意立案")
    case = step(world, world.officer, case, "end_investigation")
    world.services.cases.record_approval(world.legal_reviewer, case.uuid, "legal_review", ApprovalDecision.RETURNED,
                                         "证据不足", expected_version=case.version)
    plain = _plain_decided_case(world, rng)
    figures = statistics(world)
    assert figures.decided_ordinary == 1 and figures.legal_reviewed == 0 and plain.stage is Stage.DECIDED


def test_equal_to_counting_case_by_case_over_demo_data(world):
    seeder = DemoSeeder(world.services, seed=11, documents=0)
    seeder.seed_walked(120)
    seeder.seed_bulk(600)
    cases = world.services.cases
    rows = cases.list_cases(CaseFilter(), 0, 10_000)
    full = [cases.get(r.uuid) for r in rows]
    status = {r.uuid: r.deadline_status for r in rows}
    figures = statistics(world)

    assert figures.total == len(full) == 720
    for kind in CaseKind:
        assert figures.by_kind[kind] == sum(c.kind is kind for c in full)
    for stage in Stage:
        assert figures.by_stage[stage] == sum(c.stage is stage for c in full)
    open_cases = [c for c in full if c.stage in OPEN_STAGES]
    assert figures.open_cases == len(open_cases)
    assert figures.overdue == sum(status[c.uuid] == "overdue" for c in open_cases) > 0
    closed = [c for c in full if c.stage in CLOSED_STAGES]
    assert figures.closed_this_year == sum(c.events["closed"].year == 2026 for c in closed) > 0
    spans = [(c.events["closed"] - c.events["filed"]).days for c in closed if "filed" in c.events]
    assert figures.closed_with_dates == len(spans) > 0
    assert figures.average_handling_days == pytest.approx(sum(spans) / len(spans))
    decided = [c for c in full if "decided" in c.events]
    assert figures.fines_decided_fen == sum(c.fine_fen for c in decided) > 0
    assert figures.fines_collected_fen == sum(c.paid_fen for c in decided) > 0
    ordinary = [c for c in decided if c.kind is CaseKind.PENALTY_ORDINARY]
    assert figures.decided_ordinary == len(ordinary) > 0
    assert figures.legal_reviewed == sum(any(a.slot == "legal_review" and a.decision is ApprovalDecision.APPROVED
                                             for a in c.approvals) for c in ordinary)
    assert figures.hearings == sum("hearing_held" in c.events for c in ordinary)
