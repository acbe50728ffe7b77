"""The line on 我的待办 that says how much evidence has waited too long for a case, linking to the
triage queue; hidden when none has."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget


class TriageNotice(QLabel):
    open_triage = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("triageNotice")
        self.setWordWrap(True)
        self.setStyleSheet("#triageNotice { background: #fff0c2; border: 1px solid #e0c070; padding: 4px; }")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.linkActivated.connect(lambda _link: self.open_triage.emit())
        self.count, self.days = 0, 0
        self.setVisible(False)

    def show_count(self, count: int, days: int) -> None:
        self.count, self.days = count, days
        self.retranslate()

    def retranslate(self) -> None:
        self.setVisible(self.count > 0)
        if self.count > 0:
            self.setText(self.tr("{count} evidence items have waited longer than {days} days for a case: "
                                 "<a href=\"triage\">link them now</a>.").format(count=self.count, days=self.days))
        else:
            self.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
