"""Add or edit a user account: name, roles, linked officer record, and (new accounts) a password.
The service checks every rule; its messages appear inline next to the form."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.officers import Officer, Role
from app.domain.users import SIGN_IN_ROLES, SignedIn, User
from app.ui.labels import role_label
from app.ui.settings.officer_combo import OfficerCombo
from app.ui.signin.style import message_label, show_message
from app.ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from app.services.auth import AuthService


class UserDialog(QDialog):
    def __init__(self, auth: AuthService, admin: SignedIn, officers: Sequence[Officer], today: date,
                 user: User | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("userDialog")
        self.auth, self.admin, self.editing = auth, admin, user
        self.runner = TaskRunner(self)
        self.saved: User | None = None

        self.username = QLineEdit(objectName="username")
        self.display_name = QLineEdit(objectName="displayName")
        self.role_boxes = {role: QCheckBox(objectName=f"role_{role.value}") for role in SIGN_IN_ROLES}
        roles_box = QWidget()
        grid = QGridLayout(roles_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, box in enumerate(self.role_boxes.values()):
            grid.addWidget(box, i // 2, i % 2)
        self.officer = OfficerCombo(officers, today)
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="repeat", echoMode=QLineEdit.EchoMode.Password)
        self.error = message_label("userError")

        self._labels = {name: QLabel() for name in ("username", "display_name", "roles", "officer", "password",
                                                     "repeat")}
        fields = {"username": self.username, "display_name": self.display_name, "roles": roles_box,
                  "officer": self.officer, "password": self.password, "repeat": self.repeat}
        form = QFormLayout()
        for name, widget in fields.items():
            if name in ("password", "repeat") and user is not None:
                continue  # an existing account's password is reset separately
            self._labels[name].setBuddy(widget if name != "roles" else next(iter(self.role_boxes.values())))
            form.addRow(self._labels[name], widget)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if user is not None:
            self.username.setText(user.username)
            self.username.setReadOnly(True)
            self.display_name.setText(user.display_name)
            for role, box in self.role_boxes.items():
                box.setChecked(role in user.roles)
            self.officer.set_officer_uuid(user.officer_uuid)
        self._retranslate()
        (self.display_name if user else self.username).setFocus()

    def roles(self) -> frozenset[Role]:
        return frozenset(role for role, box in self.role_boxes.items() if box.isChecked())

    def save(self) -> None:
        """Checked and stored by the service off the UI thread (a new password is hashed with Argon2)."""
        if self.runner.busy:
            return
        auth, admin, roles, officer_uuid = self.auth, self.admin, self.roles(), self.officer.officer_uuid()
        username, display_name = self.username.text().strip(), self.display_name.text().strip()
        if self.editing is None:
            if self.password.text() != self.repeat.text():
                self.repeat.clear()
                self._show(self.tr("The two passwords differ."), self.password)
                return
            password = self.password.text()

            def work(_progress: Progress) -> User:
                return auth.create_user(admin, username, display_name, roles, password, officer_uuid)
        else:
            user_uuid = self.editing.uuid

            def work(_progress: Progress) -> User:
                return auth.update_user(admin, user_uuid, display_name=display_name, roles=roles,
                                        officer_uuid=officer_uuid or "")  # "": unlink the officer record
        self.buttons.setEnabled(False)
        self.runner.run(self.tr("Saving the account"), work, self._saved, self._failed, cancellable=False)

    def _saved(self, user: User) -> None:
        self.buttons.setEnabled(True)
        self.saved = user
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, UserError):
            self.runner.default_failure(exc)
            return
        self._show(exc.message, self._widget_for(exc.field))

    def _widget_for(self, field: str | None) -> QWidget:
        widgets: dict[str, QWidget] = {"username": self.username, "display_name": self.display_name,
                                       "password": self.password, "officer_uuid": self.officer,
                                       "roles": next(iter(self.role_boxes.values()))}
        return widgets.get(field or "", self.display_name)

    def _show(self, message: str, focus: QWidget) -> None:
        show_message(self.error, message)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit user") if self.editing else self.tr("Add user"))
        texts = {"username": self.tr("&User name:"), "display_name": self.tr("&Display name:"),
                 "roles": self.tr("Roles:"), "officer": self.tr("&Officer record:"),
                 "password": self.tr("&Password:"), "repeat": self.tr("&Repeat password:")}
        for name, text in texts.items():
            self._labels[name].setText(text)
        for role, box in self.role_boxes.items():
            box.setText(role_label(role))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
