"""Stage transitions per second through the real services (SQLite WAL, synchronous=FULL, with
the audit chain): ordinary cases walked from registration to archive."""

from __future__ import annotations

import random
import statistics
import time
from datetime import datetime, timedelta

from _common import fresh_services, report

from app.domain.cases import ApprovalDecision, CaseKind
from app.domain.officers import Actor, Role
from app.services.clock import SHANGHAI, FixedClock
from app.services.demo import DemoSeeder

CASES = 150
STEPS = [  # (who, action)
    ("officer", "submit_filing"), ("section_head", "approve_filing"), ("officer", "end_investigation"),
    ("section_head", "approval:case_review"), ("officer", "send_prior_notice"), ("officer", "record_waiver"),
    ("officer", "submit_decision"), ("bureau_head", "approve_decision"), ("bureau_head", "seal_decision"),
    ("officer", "serve"), ("officer", "record_payment"), ("officer", "finish_execution"),
    ("section_head", "close"), ("officer", "archive"),
]


def main() -> None:
    clock = FixedClock(datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI))
    services, _ = fresh_services(clock)
    seeder = DemoSeeder(services, seed=3, today=clock.now().date())
    staff = seeder.staff()
    rng = random.Random(5)
    needs_review = {m.code for m in seeder.matters() if m.requires_legal_review}
    cases = []
    for _ in range(CASES):
        lead = seeder.lead(staff, clock.now().date() - timedelta(days=3))
        while lead.kind is not CaseKind.PENALTY_ORDINARY or lead.major or lead.matter_code in needs_review:
            lead = seeder.lead(staff, clock.now().date() - timedelta(days=3))
        officer = next(o for o in staff.officers if o.uuid == lead.officer_uuids[0])
        actor = Actor("bench", officer.name, Role.OFFICER, officer.uuid)
        cases.append((services.cases.open_case_from_lead(actor, lead), actor, lead))
    actors = {"section_head": staff.section_head, "bureau_head": staff.bureau_head}
    timings = []
    for who, action in STEPS:
        for i, (case, officer, lead) in enumerate(cases):
            actor = officer if who == "officer" else actors[who]
            t0 = time.perf_counter()
            if action.startswith("approval:"):
                case = services.cases.record_approval(actor, case.uuid, action.split(":")[1],
                                                      ApprovalDecision.APPROVED, "同意", expected_version=case.version)
            else:
                params = {"fine_fen": lead.proposed_fine_fen} if action == "submit_decision" else \
                    {"amount_fen": case.fine_fen} if action == "record_payment" else {}
                case = services.cases.advance(actor, case.uuid, action, expected_version=case.version,
                                              comment="同意", params=params)
            timings.append(time.perf_counter() - t0)
            cases[i] = (case, officer, lead)
        clock.set(clock.now() + timedelta(days=rng.choice((1, 2))))
    total = sum(timings)
    ok = services.audit.verify().ok
    report({"transitions": len(timings), "transitions_per_s": len(timings) / total,
            "median_ms": statistics.median(timings) * 1000,
            "p95_ms": statistics.quantiles(timings, n=20)[18] * 1000, "audit_chain_ok": ok})


if __name__ == "__main__":
    main()
