"""执法文书: median time to generate one 行政处罚决定书 .docx (target ≤ 100 ms), and the time to export a
卷宗 of 40 documents as PDF (figure only: LibreOffice dominates; skipped without it).

Run: .venv/bin/python bench/documents.py  (ZHIFA_BENCH_DOCS=N changes the number of timed generations)"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from _common import report

from app.config.bureau import DEMO_BUREAU
from app.domain.cases import ApprovalDecision, CaseKind, Lead
from app.domain.officers import Actor, Role
from app.services import Services
from app.services.clock import SHANGHAI, FixedClock
from app.services.demo import DemoSeeder
from app.store.database import open_database

RUNS = int(os.environ.get("ZHIFA_BENCH_DOCS", "40"))
DOSSIER_DOCUMENTS = 40
REPEATED = ("XWBL", "XCBL", "ZJTQD")  # records a case holds many of, to reach 40 documents


def decided_case(services: Services, clock: FixedClock):
    seeder = DemoSeeder(services, seed=3)
    staff = seeder.staff()
    a, b = staff.officers[0], staff.officers[1]
    officer = Actor("bench-officer", a.name, Role.OFFICER, a.uuid)
    lead: Lead = seeder.lead(staff, clock.now().date())
    lead = replace(lead, kind=CaseKind.PENALTY_ORDINARY, officer_uuids=(a.uuid, b.uuid), proposed_fine_fen=12_000_00,
                   matter_code=seeder.matters()[0].code)
    cases = services.cases
    case = cases.open_case_from_lead(officer, lead)

    def go(actor, action, **kw):
        nonlocal case
        case = cases.advance(actor, case.uuid, action, expected_version=case.version, **kw)

    go(officer, "submit_filing")
    go(staff.section_head, "approve_filing")
    go(officer, "end_investigation")
    case = cases.record_approval(staff.section_head, case.uuid, "case_review", ApprovalDecision.APPROVED, "同意",
                                 expected_version=case.version)
    go(officer, "send_prior_notice")
    clock.set(clock.now() + timedelta(days=14))  # the defence and hearing windows have run
    go(officer, "close_defence")
    go(officer, "submit_decision", params={"fine_fen": 12_000_00})
    go(staff.bureau_head, "approve_decision")
    return case, officer


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="zhifa-bench-docs-"))
    clock = FixedClock(datetime(2026, 3, 2, 10, 0, tzinfo=SHANGHAI))
    services = Services.create(open_database(folder / "bench.sqlite3"), bureau=DEMO_BUREAU, clock=clock)
    timed, officer = decided_case(services, clock)
    docs = services.documents
    docs.generate(officer, timed.uuid, "XZCFJDS")  # warm: template built and checked once per process
    times = []
    for _ in range(RUNS):  # each a new decision: 文号 issued, rendered, stored, version and audit written
        start = time.perf_counter()
        docs.generate_new(officer, timed.uuid, "XZCFJDS")
        times.append((time.perf_counter() - start) * 1000)
    case, officer = decided_case(services, clock)
    figures: dict[str, float | int | bool] = {"decision_runs": RUNS,
                                              "decision_docx_median_ms": statistics.median(times),
                                              "decision_docx_max_ms": max(times)}
    for code in ("LASPB", "DCZJBG", "XZCFGZS", "SDHZ", "JASPB"):
        docs.generate(officer, case.uuid, code)
    made = len(docs.records(case.uuid))
    i = 0
    while made < DOSSIER_DOCUMENTS:
        docs.generate_new(officer, case.uuid, REPEATED[i % len(REPEATED)])
        i, made = i + 1, made + 1
    figures["dossier_documents"] = made
    if docs.converter is None:
        figures["dossier_pdf"] = False
    else:
        start = time.perf_counter()
        result = services.dossiers.export(officer, case.uuid, folder / "export")
        figures["dossier_pdf_s"] = time.perf_counter() - start
        figures["dossier_pages"] = sum(result.pages.values())
    report(figures)


if __name__ == "__main__":
    main()
