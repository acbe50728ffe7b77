"""我的待办: an officer's open cases by next deadline; for heads and the legal reviewer, what waits
for their approval (and for heads the bureau's overdue cases). Enter or double-click opens a case."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.officers import Role
from app.domain.users import SignedIn
from app.services.approvals import HEAD_ROLES, InboxItem, awaited_slots, awaited_transitions
from app.services.cases import CaseRow
from app.ui.approvals.activatable_table import ActivatableTable
from app.ui.approvals.inbox_model import InboxModel
from app.ui.devices.triage_notice import TriageNotice
from app.ui.tasks import TaskRunner
from app.ui.todo.task_model import TaskModel

if TYPE_CHECKING:
    from app.services import Services


class TodoPage(QWidget):
    open_case = Signal(str)  # case uuid
    open_triage = Signal()  # the evidence waiting for a case

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.services, self.session = services, session
        self.approvals = services.approvals
        self.runner = TaskRunner(self)
        self.setObjectName("todoPage")
        role = session.role
        self.shows_inbox = bool(awaited_transitions(role) or awaited_slots(role))
        self.shows_cases = role is Role.OFFICER or role in HEAD_ROLES
        self.inbox_caption, self.cases_caption, self.empty = QLabel(), QLabel(), QLabel(wordWrap=True)
        self.inbox_model, self.case_model = InboxModel(self), TaskModel(self)
        self.inbox_table = ActivatableTable(objectName="todoInbox")
        self.inbox_table.setModel(self.inbox_model)
        self.inbox_table.set_column_widths((190, 170, 240, 150, 130))
        self.inbox_table.opened.connect(lambda r: self._open(self.inbox_model.item_at(r)))
        self.case_table = ActivatableTable(objectName="todoCases")
        self.case_table.setModel(self.case_model)
        self.case_table.set_column_widths((190, 170, 240, 120, 130))
        self.case_table.opened.connect(lambda r: self._open(self.case_model.row_at(r)))
        self.inbox_caption.setBuddy(self.inbox_table)
        self.cases_caption.setBuddy(self.case_table)
        self.refresh_button = QPushButton(objectName="refresh")
        self.refresh_button.clicked.connect(self.refresh)
        self.triage_notice = TriageNotice()
        self.triage_notice.open_triage.connect(self.open_triage)

        top = QHBoxLayout()
        top.addWidget(self.empty, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.triage_notice)
        for shown, caption, table in ((self.shows_inbox, self.inbox_caption, self.inbox_table),
                                      (self.shows_cases, self.cases_caption, self.case_table)):
            caption.setVisible(shown)
            table.setVisible(shown)
            layout.addWidget(caption)
            layout.addWidget(table, 1)
        if not (self.shows_inbox or self.shows_cases):
            layout.addStretch(1)

        self.refresh_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F5), self)
        self.refresh_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._language_timer = QTimer(self, singleShot=True, interval=0)
        self._language_timer.timeout.connect(self.refresh)
        self.refresh_shortcut.activated.connect(self.refresh)
        self._retranslate()
        self.refresh()

    def refresh(self) -> None:
        """Read the list again, off the UI thread."""
        actor, inbox, cases = self.session.actor, self.shows_inbox, self.shows_cases
        evidence = self.services.evidence

        def work(progress) -> tuple[list[InboxItem], list[CaseRow], int]:
            return (self.approvals.inbox(actor, progress) if inbox else [],
                    self.approvals.my_tasks(actor) if cases else [], evidence.flagged_count())

        self.runner.run(self.tr("Reading your to-do list"), work, self._show)

    def _show(self, found: tuple[list[InboxItem], list[CaseRow], int]) -> None:
        items, rows, waiting = found
        self.triage_notice.show_count(waiting, self.services.evidence.flag_days)
        self.inbox_model.set_items(items)
        self.case_model.set_rows(rows)
        for table in (self.inbox_table, self.case_table):
            if table.model().rowCount():
                table.selectRow(0)
        self._retranslate()

    def _open(self, found: InboxItem | CaseRow | None) -> None:
        if isinstance(found, InboxItem):
            self.open_case.emit(found.case_uuid)
        elif found is not None:
            self.open_case.emit(found.uuid)

    def _retranslate(self) -> None:
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Read the list again (F5)"))
        self.inbox_caption.setText(self.tr("&Waiting for your approval ({count}):").format(
            count=self.inbox_model.rowCount()))
        if self.session.role is Role.OFFICER:
            self.cases_caption.setText(self.tr("&My open cases by next deadline ({count}):").format(
                count=self.case_model.rowCount()))
        else:
            self.cases_caption.setText(self.tr("&Overdue cases of the bureau ({count}):").format(
                count=self.case_model.rowCount()))
        if not (self.shows_inbox or self.shows_cases):
            self.empty.setText(self.tr("Nothing waits for you in this role."))
        else:
            self.empty.setText(self.tr("Press Enter or double-click to open a case."))
        self.inbox_model.retranslate()
        self.case_model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self._language_timer.start()  # item labels are domain texts: read them again in the new language
        super().changeEvent(event)
