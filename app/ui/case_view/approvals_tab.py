"""审批: every approval given on the case, with its slot, decision, who, role, when and comment."""

from __future__ import annotations

from app.domain.cases import Case
from app.ui.case_view.table import CaseTableTab
from app.ui.case_view.texts import decision_label, slot_label, when
from app.ui.labels import role_label


class ApprovalsTab(CaseTableTab):
    TABLE_NAME = "approvalsTable"

    def headers(self) -> list[str]:
        return [self.tr("Approval"), self.tr("Decision"), self.tr("By"), self.tr("Role"), self.tr("When"),
                self.tr("Comment")]

    def rows(self, case: Case) -> list[list[str]]:
        return [[slot_label(a.slot), decision_label(a.decision), a.actor_name, role_label(a.role), when(a.at),
                 a.comment] for a in case.approvals]
