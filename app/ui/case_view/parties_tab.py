"""当事人: the parties and their agents; ID numbers masked but for the last four characters."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.cases import Case
from app.domain.parties import PartyRole
from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import mask_id, party_kind_label


class PartiesTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = TextTable(objectName="partiesTable")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self._case: Case | None = None
        self.retranslate()

    def show_case(self, case: Case) -> None:
        self._case = case
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers([self.tr("Role"), self.tr("Kind"), self.tr("Name"), self.tr("ID number"),
                                self.tr("Legal representative"), self.tr("Phone"), self.tr("Address")])
        if self._case is None:
            return
        names = {p.uuid: p.name for p in self._case.parties}
        rows = []
        for p in self._case.parties:
            if p.role is PartyRole.AGENT:
                role = self.tr("Agent of {name}").format(name=names.get(p.represents, "?"))
            else:
                role = self.tr("Party")
            rows.append([role, party_kind_label(p.kind), p.name, mask_id(p.id_number), p.legal_representative,
                         p.phone, p.address])
        self.table.set_rows(rows)
