"""The 案件 area: the case list in the first tab, each opened case in a tab of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QWidget

from app.domain.users import SignedIn
from app.ui.case_view.case_view import CaseView
from app.ui.cases.case_list_view import CaseListWidget

if TYPE_CHECKING:
    from app.services import Services


class CaseTabs(QTabWidget):
    changed = Signal(str)  # a case was changed in one of the tabs

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.session = services, session
        self.setObjectName("caseTabs")
        self.setTabsClosable(True)
        self.setDocumentMode(True)
        self.list = CaseListWidget(services, username=session.user.username)
        self.list.caseActivated.connect(self.open_case)
        self.addTab(self.list, "")
        self.tabBar().setTabButton(0, self.tabBar().ButtonPosition.RightSide, None)  # the list stays
        self.tabCloseRequested.connect(self.close_tab)
        close = QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self)
        close.activated.connect(lambda: self.close_tab(self.currentIndex()))
        self.retranslate()

    def views(self) -> list[CaseView]:
        return [w for w in (self.widget(i) for i in range(self.count())) if isinstance(w, CaseView)]

    def open_case(self, case_uuid: str) -> CaseView:
        """Show the case, in its existing tab if it is open already."""
        for view in self.views():
            if view.case_uuid == case_uuid:
                self.setCurrentWidget(view)
                return view
        view = CaseView(self.services, self.session, case_uuid)
        view.changed.connect(self._on_changed)
        self.setCurrentIndex(self.addTab(view, view.case.number))
        return view

    def close_tab(self, index: int) -> None:
        if index > 0:  # the list cannot be closed
            widget = self.widget(index)
            self.removeTab(index)
            widget.deleteLater()

    def _on_changed(self, case_uuid: str) -> None:
        self.list.model.refresh()
        for view in self.views():
            if view.case_uuid == case_uuid:  # the view has reloaded; filing gives a new number
                self.setTabText(self.indexOf(view), view.case.number)
        self.changed.emit(case_uuid)

    def refresh(self) -> None:
        self.list.model.refresh()
        for view in self.views():
            view.reload()

    def retranslate(self) -> None:
        self.setTabText(0, self.tr("Case list"))
