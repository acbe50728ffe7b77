"""The form a fresh installation shows instead of the sign-in: create the first administrator."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


@dataclass(frozen=True)
class NewAdmin:
    username: str
    display_name: str
    password: str


class FirstAdminForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.intro = QLabel(wordWrap=True)
        self.username = QLineEdit(objectName="firstAdminUsername")
        self.display_name = QLineEdit(objectName="firstAdminDisplayName")
        self.password = QLineEdit(objectName="firstAdminPassword", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="firstAdminRepeat", echoMode=QLineEdit.EchoMode.Password)
        self._labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, field in zip(self._labels, (self.username, self.display_name, self.password, self.repeat),
                                strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        self._retranslate()

    def passwords_match(self) -> bool:
        """The one check the service cannot make; it checks the user name and password strength."""
        return self.password.text() == self.repeat.text()

    def new_admin(self) -> NewAdmin:
        return NewAdmin(self.username.text().strip(), self.display_name.text().strip(), self.password.text())

    def field_widget(self, field: str | None) -> QLineEdit:
        return {"username": self.username, "display_name": self.display_name}.get(field or "", self.password)

    def _retranslate(self) -> None:
        self.intro.setText(self.tr(
            "No accounts exist yet. Create the first administrator account; the administrator then "
            "adds the other users under Settings."))
        for label, text in zip(self._labels, (self.tr("&User name:"), self.tr("&Display name:"),
                                              self.tr("&Password:"), self.tr("&Repeat password:")), strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
