"""A combo of officers (执法人员) naming each one's certificate and its validity today; a
certificate that is not valid is marked red (it may still be linked: the officer may renew)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.officers import Officer
from app.ui.settings.certificates import certificate_state
from app.ui.signin.style import ERROR_COLOR


class OfficerCombo(QComboBox):
    def __init__(self, officers: Sequence[Officer], today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("officerCombo")
        self.officers = list(officers)
        self.today = today
        self.addItem("", None)
        for officer in self.officers:
            self.addItem("", officer.uuid)
        self._retranslate()

    def officer_uuid(self) -> str | None:
        return self.currentData()

    def set_officer_uuid(self, uuid: str | None) -> None:
        self.setCurrentIndex(max(self.findData(uuid), 0))

    def _retranslate(self) -> None:
        self.setItemText(0, self.tr("(no officer record)"))
        for index, officer in enumerate(self.officers, start=1):
            state = certificate_state(officer, self.today)
            self.setItemText(index, self.tr("{name}, certificate {number}: {validity}").format(
                name=officer.name, number=officer.certificate_no, validity=state.text))
            self.setItemData(index, None if state.usable else QBrush(ERROR_COLOR), Qt.ItemDataRole.ForegroundRole)
            self.setItemData(index, state.usable, Qt.ItemDataRole.UserRole + 1)

    def is_marked_invalid(self, index: int) -> bool:
        return self.itemData(index, Qt.ItemDataRole.UserRole + 1) is False

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
