"""Demo evidence goes through the real import path: drivers read the demo devices, the engine stores
the files, some land on their case and the rest wait in triage with the right case proposed."""

from __future__ import annotations

import hashlib

from app.domain.evidence import MediaKind
from app.services.cases import CaseFilter
from app.services.demo import DemoSeeder
from app.services.demo_evidence import CAMERAS, LINKED, seed_demo_evidence
from drivers import drivers_for


def test_demo_devices_are_imported_linked_and_triaged_once(world):
    services = world.services
    services.drivers = drivers_for
    DemoSeeder(services, documents=0).seed_walked(12)

    made = seed_demo_evidence(services)

    assert made == CAMERAS * 4 + 1  # four recordings per camera, one result file
    assert seed_demo_evidence(services) == 0  # seeding again adds nothing
    triage = services.evidence.triage()
    assert len(triage) == (CAMERAS - LINKED) * 4 + 1
    footage = [t for t in triage if t.item.kind is MediaKind.VIDEO]
    assert footage and all(t.proposals for t in footage)  # the officer's cases are proposed
    results = [t for t in triage if t.item.kind is MediaKind.RESULT]
    assert [r.verdict.value for r in results[0].item.results] == ["pass", "fail", "pass"]
    rows = services.cases.list_cases(CaseFilter(), 0, 100)
    linked = [len(services.evidence.case_items(row.uuid)) for row in rows]
    assert sorted(n for n in linked if n) == [4] * LINKED
    item = footage[0].item
    assert hashlib.sha256(services.evidence.file_path(item).read_bytes()).hexdigest() == item.sha256
