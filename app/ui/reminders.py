"""Deadline reminders: on start and every hour, the open cases overdue or due within 3 working days
(an officer's own cases; all cases for section and bureau heads) in a non-modal list, plus a tray
notification where the desktop has a system tray. Double-click (or Enter) on a row opens the case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QStyle,
    QSystemTrayIcon,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.officers import Role
from app.domain.users import SignedIn
from app.services.cases import CaseFilter, CaseRow
from app.services.statistics import OPEN_STAGES

HOUR_MS = 3_600_000
LIST_LIMIT = 200  # per status; the dialog says how many more there are
HEAD_ROLES = frozenset({Role.SECTION_HEAD, Role.BUREAU_HEAD})
_OVERDUE_COLOURS = (QColor("#9f1c1c"), QColor("#fde2e1"))
_SOON_COLOURS = (QColor("#7a4a00"), QColor("#fff0c2"))
ALL = object()  # whose cases: every case (a head)


def tray_available() -> bool:
    """Whether the desktop shows tray icons (offscreen and some window managers do not)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


@dataclass(frozen=True)
class DueCases:
    overdue: list[CaseRow]
    due_soon: list[CaseRow]
    overdue_total: int
    due_soon_total: int

    @property
    def empty(self) -> bool:
        return not (self.overdue_total or self.due_soon_total)


def scope_of(session_or_officer_uuid: SignedIn | str | None) -> object:
    """Whose cases: an officer uuid, or :data:`ALL` (a head; also for a bare None). None where the
    role has no reminders: legal reviewers, supervisors and administrators handle no deadlines."""
    if isinstance(session_or_officer_uuid, SignedIn):
        if session_or_officer_uuid.role is Role.OFFICER:
            return session_or_officer_uuid.user.officer_uuid or None
        return ALL if session_or_officer_uuid.role in HEAD_ROLES else None
    return session_or_officer_uuid or ALL


class ReminderDialog(QDialog):
    open_case = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("reminderDialog")
        self.setModal(False)
        self.resize(760, 420)
        self.summary = QLabel(wordWrap=True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("reminderTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda index: self._open(index.row()))
        self.hint = QLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self._due: DueCases | None = None
        self._retranslate()

    def show_cases(self, due: DueCases) -> None:
        self._due = due
        rows = [(r, True) for r in due.overdue] + [(r, False) for r in due.due_soon]
        self.table.setRowCount(len(rows))
        for n, (row, overdue) in enumerate(rows):
            status = self.tr("Overdue") if overdue else self.tr("Due soon")
            deadline = f"{row.next_due.isoformat() if row.next_due else ''} {row.next_rule_name}".strip()
            cells = (row.number, row.party_names, deadline, status)
            fg, bg = _OVERDUE_COLOURS if overdue else _SOON_COLOURS
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.uuid)
                if column >= 2:
                    item.setForeground(QBrush(fg))
                    item.setBackground(QBrush(bg))
                if column == 2 and row.deadline_explanation:
                    item.setToolTip(row.deadline_explanation)
                self.table.setItem(n, column, item)
        self._show_summary()
        if rows:
            self.table.selectRow(0)

    def case_uuid(self, row: int) -> str | None:
        item = self.table.item(row, 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _open(self, row: int) -> None:
        uuid = self.case_uuid(row)
        if uuid:
            self.open_case.emit(uuid)

    def _show_summary(self) -> None:
        due = self._due
        if due is None:
            return
        text = self.tr("{overdue} overdue, {soon} due within 3 working days.").format(
            overdue=due.overdue_total, soon=due.due_soon_total)
        hidden = due.overdue_total + due.due_soon_total - len(due.overdue) - len(due.due_soon)
        if hidden > 0:
            text += " " + self.tr("The {count} not listed are in the case list (filter by deadline).").format(
                count=hidden)
        self.summary.setText(text)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Deadline reminders"))
        self.table.setHorizontalHeaderLabels([self.tr("Number"), self.tr("Party"), self.tr("Deadline"),
                                              self.tr("Status")])
        self.hint.setText(self.tr("Double-click a case (or press Enter) to open it."))
        if self._due is not None:
            self.show_cases(self._due)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


class Reminders(QObject):
    """``Reminders(services, session_or_officer_uuid, parent)``; ``start()`` checks now and every
    ``interval_ms``; ``open_case(uuid)`` when the user opens a case from the list."""

    open_case = Signal(str)
    checked = Signal(object)  # DueCases, after every check

    def __init__(self, services: Any, session_or_officer_uuid: SignedIn | str | None, parent: QWidget,
                 *, interval_ms: int = HOUR_MS):
        super().__init__(parent)
        self._cases = services.cases
        self._parent = parent
        self.scope = scope_of(session_or_officer_uuid)
        self.dialog: ReminderDialog | None = None
        self.tray: QSystemTrayIcon | None = None
        self.last: DueCases | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check_now)

    @property
    def enabled(self) -> bool:
        return self.scope is not None

    def start(self) -> None:
        if not self.enabled:
            return
        self.check_now()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()

    def collect(self) -> DueCases:
        """Two indexed queries per status (a page and a count): quick enough for the UI thread."""
        officer = self.scope if isinstance(self.scope, str) else None
        found = {}
        for status in ("overdue", "due_soon"):
            flt = CaseFilter(stages=OPEN_STAGES, officer_uuid=officer, deadline=status, sort="next_due",
                             descending=False)
            found[status] = (self._cases.list_cases(flt, 0, LIST_LIMIT), self._cases.count(flt))
        return DueCases(overdue=found["overdue"][0], due_soon=found["due_soon"][0],
                        overdue_total=found["overdue"][1], due_soon_total=found["due_soon"][1])

    def check_now(self) -> DueCases | None:
        if not self.enabled:
            return None
        due = self.last = self.collect()
        if not due.empty:
            self.show_dialog()
            self._notify_tray(due)
        elif self.dialog is not None:
            self.dialog.show_cases(due)
        self.checked.emit(due)
        return due

    def show_dialog(self) -> None:
        if self.last is None:
            return
        if self.dialog is None:
            self.dialog = ReminderDialog(self._parent)
            self.dialog.open_case.connect(self.open_case)
        self.dialog.show_cases(self.last)
        self.dialog.show()
        self.dialog.raise_()

    def _notify_tray(self, due: DueCases) -> None:
        if not tray_available():
            return
        if self.tray is None:
            icon = self._parent.windowIcon()
            if icon.isNull():
                icon = self._parent.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.messageClicked.connect(self.show_dialog)
            self.tray.activated.connect(lambda reason: self.show_dialog())
        title = self.tr("Deadline reminders")
        text = self.tr("{overdue} cases overdue, {soon} due within 3 working days.").format(
            overdue=due.overdue_total, soon=due.due_soon_total)
        self.tray.setToolTip(text)
        self.tray.show()
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15_000)
