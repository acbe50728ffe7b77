"""执法文书 for demo cases: each step of a walked case generates the documents that step produces, on
the step's (back-dated) day, and a numbered document is generated again once its approval is given —
what an officer does — so a newcomer finds real files, versions and 文号 in the demo."""

from __future__ import annotations

import logging

from app.domain.cases import Case
from app.domain.errors import UserError
from app.domain.officers import Actor
from app.domain.workflow_table import APPROVAL_SLOTS, TRANSITIONS
from app.services.cases import CaseService
from app.services.clock import Clock
from app.services.documents import DocumentService

log = logging.getLogger(__name__)
DOCUMENT_CASES = 30  # walked cases that get their documents (each costs a few tenths of a second)


class DemoDocuments:
    def __init__(self, services, clock: Clock, cases: CaseService):  # type: ignore[no-untyped-def]
        own = services.documents
        self.docs = DocumentService(services.database, clock, cases, services.officers, own.bureau, own.root,
                                    workstation=own.workstation, find=False)

    def _codes(self, case: Case, action: str) -> list[str]:
        if action.startswith("approval:"):
            slot = action.split(":", 1)[1]
            return [s.document for s in APPROVAL_SLOTS if s.kind is case.kind and s.slot == slot and s.document]
        return [code for t in TRANSITIONS if t.kind is case.kind and t.action == action for code in t.documents]

    def after_step(self, actor: Actor, case: Case, action: str) -> None:
        catalogue = self.docs.catalogue
        wanted = [c for c in self._codes(case, action) if c in catalogue.codes and not catalogue.get(c).dossier_part]
        for record in self.docs.records(case.uuid):  # approved since generated: now it gets its 文号
            t = catalogue.get(record.code)
            if t.number_series and not record.number and all(case.approved(s) for s in t.approvals):
                wanted.append(record.code)
        for code in dict.fromkeys(wanted):
            try:
                self.docs.generate(actor, case.uuid, code)
            except UserError as exc:  # frozen or a field the demo lacks: the case goes on without it
                log.info("demo case %s: %s not generated: %s", case.number, code, exc.english)
