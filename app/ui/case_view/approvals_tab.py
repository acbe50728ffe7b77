"""审批: every approval given on the case, with its slot, decision, who, role, when and comment, and whether
its signature verifies — or exactly what no longer matches. "Sign my approvals…" signs the approvals the
person signed in gave and has not signed yet (PIN first; the signing runs in the background)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain.cases import Case
from app.ui.case_view.table import CaseTableTab
from app.ui.case_view.texts import decision_label, slot_label, when
from app.ui.labels import role_label
from app.ui.signing.approval_badges import ApprovalBadges

if TYPE_CHECKING:
    from app.domain.users import SignedIn
    from app.services import Services


class ApprovalsTab(CaseTableTab):
    TABLE_NAME = "approvalsTable"

    def __init__(self, services: Services | None = None, session: SignedIn | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.badges = ApprovalBadges(self, services, session)
        self.sign_button: QPushButton = self.badges.sign_button
        self.note: QLabel = self.badges.note
        row = QHBoxLayout()
        row.addWidget(self.badges.note, 1)
        row.addWidget(self.badges.sign_button)
        self.layout().addLayout(row)

    def show_case(self, case: Case) -> None:
        super().show_case(case)
        self.badges.check(case)

    def headers(self) -> list[str]:
        return [self.tr("Approval"), self.tr("Decision"), self.tr("By"), self.tr("Role"), self.tr("When"),
                self.tr("Comment"), ApprovalBadges.column_title()]

    def rows(self, case: Case) -> list[list[str]]:
        badges = getattr(self, "badges", None)
        return [[slot_label(a.slot), decision_label(a.decision), a.actor_name, role_label(a.role), when(a.at),
                 a.comment, badges.text(a) if badges else ""] for a in case.approvals]

    def retranslate(self) -> None:
        super().retranslate()
        badges: Any = getattr(self, "badges", None)
        if badges is not None:
            badges.retranslate()
            if self._case is not None:
                badges.paint(self._case)
