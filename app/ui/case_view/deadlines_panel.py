"""All deadlines of the case with their status and how each was computed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.deadlines import Deadline, DeadlineStatus
from app.domain.i18n import tr as domain_tr
from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import deadline_status_label

_BACKGROUNDS = {DeadlineStatus.OVERDUE: QColor("#fde2e1"), DeadlineStatus.DUE_SOON: QColor("#fff0c2")}


class DeadlinesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.caption = QLabel()
        self.table = TextTable(objectName="deadlinesTable")
        self.caption.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        self._deadlines: Sequence[Deadline] = ()
        self.retranslate()

    def show_deadlines(self, deadlines: Sequence[Deadline]) -> None:
        self._deadlines = deadlines
        self.retranslate()

    def _due(self, d: Deadline) -> str:
        if d.due is not None:
            return d.due.isoformat()
        if d.provisional_due is not None:
            return self.tr("{day} (provisional)").format(day=d.provisional_due.isoformat())
        return ""

    def retranslate(self) -> None:
        self.caption.setText(self.tr("&Deadlines:"))
        self.table.set_headers([self.tr("Deadline"), self.tr("From"), self.tr("Due"), self.tr("Status"),
                                self.tr("How it was computed")])
        rows = [[domain_tr(d.rule.name), d.start.isoformat() if d.start else "", self._due(d),
                 deadline_status_label(d.status), d.explain()] for d in self._deadlines]
        self.table.set_rows(rows, tooltips=[d.explain() for d in self._deadlines])
        for r, d in enumerate(self._deadlines):
            colour = _BACKGROUNDS.get(d.status)
            if colour is not None:
                for c in range(self.table.columnCount()):
                    self.table.item(r, c).setBackground(QBrush(colour))
