"""Seals and certificates for the demo bureau: its CA and two seals (公章, 行政执法专用章), a signing
certificate for each demo account that approves, and the decisions of closed demo cases sealed — so a
newcomer can open, seal and verify real files. Every demo key is protected by the documented demo PIN
(never on a real installation)."""

from __future__ import annotations

import logging

from app.domain.cases import Stage
from app.domain.errors import UserError
from app.domain.officers import Actor, Role
from app.services import Services
from app.services.cases import CaseFilter

log = logging.getLogger(__name__)
DEMO_SEAL_PIN = "seal2026"
DEMO_ADMIN = Actor("demo-admin", "演示管理员", Role.ADMIN)
DEMO_HEAD = Actor("demo-head", "周志强", Role.BUREAU_HEAD)  # the bureau head of the walked demo cases
APPROVERS = frozenset({Role.SECTION_HEAD, Role.LEGAL_REVIEWER, Role.BUREAU_HEAD})
DECISIONS = ("XZCFJDS", "DCCFJDS", "BYCFJDS")


class DemoPin:
    def ask_pin(self, prompt: str, retries_left: int | None) -> str:
        return DEMO_SEAL_PIN


def seed_demo_seals(services: Services, limit: int = 8) -> int:
    """Set up the demo PKI once and seal up to ``limit`` decisions of closed cases; the number sealed."""
    pki, pin = services.pki, DemoPin()
    if pki.bureau_ca() is not None:
        return 0
    pki.setup_bureau(DEMO_ADMIN, pin, pin=DEMO_SEAL_PIN)
    heads = (*(u.uuid for u in services.auth.users() if Role.BUREAU_HEAD in u.roles), DEMO_HEAD.user_id)
    services.seals.create(DEMO_ADMIN, kind="official", handler=pin, allowed_user_ids=heads)
    enforcement = services.seals.create(DEMO_ADMIN, kind="enforcement", handler=pin, pin=DEMO_SEAL_PIN,
                                        allowed_user_ids=heads)
    for user in services.auth.users():
        if user.roles & APPROVERS:
            pki.issue(DEMO_ADMIN, kind="person", subject=user.display_name, user_id=user.uuid, handler=pin,
                      pin=DEMO_SEAL_PIN)
    docs = services.documents
    decisions = []
    for row in services.cases.list_cases(CaseFilter(stage=Stage.CLOSED), 0, 200) + \
            services.cases.list_cases(CaseFilter(stage=Stage.ARCHIVED), 0, 200):
        decisions += [r for r in docs.records(row.uuid) if r.code in DECISIONS and r.number and r.current_version]
    decisions = decisions[:limit]
    if docs.converter is not None and decisions:  # one converter run for all of them
        docs.pdfs([docs.file_path(r.uuid) for r in decisions])
    sealed = 0
    for record in decisions:
        try:
            services.seals.seal_document(DEMO_HEAD, record.uuid, enforcement.uuid, pin)
            sealed += 1
        except UserError as exc:
            log.info("demo decision %s not sealed: %s", record.number, exc.english)
    return sealed
