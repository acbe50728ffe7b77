"""当事人: the parties and their agents; ID numbers masked but for the last four characters."""

from __future__ import annotations

from app.domain.cases import Case
from app.domain.parties import PartyRole
from app.ui.case_view.table import CaseTableTab
from app.ui.case_view.texts import mask_id, party_kind_label


class PartiesTab(CaseTableTab):
    TABLE_NAME = "partiesTable"

    def headers(self) -> list[str]:
        return [self.tr("Role"), self.tr("Kind"), self.tr("Name"), self.tr("ID number"),
                self.tr("Legal representative"), self.tr("Phone"), self.tr("Address")]

    def rows(self, case: Case) -> list[list[str]]:
        names = {p.uuid: p.name for p in case.parties}
        rows = []
        for p in case.parties:
            if p.role is PartyRole.AGENT:
                role = self.tr("Agent of {name}").format(name=names.get(p.represents, "?"))
            else:
                role = self.tr("Party")
            rows.append([role, party_kind_label(p.kind), p.name, mask_id(p.id_number), p.legal_representative,
                         p.phone, p.address])
        return rows
