"""审批: every approval given on the case, with its slot, decision, who, role, when and comment."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.domain.cases import Case
from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import decision_label, slot_label, when
from app.ui.labels import role_label


class ApprovalsTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = TextTable(objectName="approvalsTable")
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        self._case: Case | None = None
        self.retranslate()

    def show_case(self, case: Case) -> None:
        self._case = case
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers([self.tr("Approval"), self.tr("Decision"), self.tr("By"), self.tr("Role"),
                                self.tr("When"), self.tr("Comment")])
        if self._case is None:
            return
        self.table.set_rows([[slot_label(a.slot), decision_label(a.decision), a.actor_name, role_label(a.role),
                              when(a.at), a.comment] for a in self._case.approvals])
