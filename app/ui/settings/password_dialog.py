"""Set a new password for an account. Changing one's own password asks for the current one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.errors import UserError
from app.domain.users import SignedIn, User
from app.ui.signin.style import message_label, show_message
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.auth import AuthService


class PasswordDialog(QDialog):
    def __init__(self, auth: AuthService, by: SignedIn, user: User, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("passwordDialog")
        self.auth, self.by, self.user = auth, by, user
        self.own = user.uuid == by.user.uuid
        self.old_password = QLineEdit(objectName="oldPassword", echoMode=QLineEdit.EchoMode.Password)
        self.password = QLineEdit(objectName="newPassword", echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(objectName="repeatPassword", echoMode=QLineEdit.EchoMode.Password)
        self.intro = QLabel(wordWrap=True)
        self.error = message_label("passwordError")
        self._labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        for label, edit in zip(self._labels, (self.old_password, self.password, self.repeat), strict=True):
            if edit is self.old_password and not self.own:
                continue
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.runner = TaskRunner(self)
        self.buttons = buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                                  QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._retranslate()
        (self.old_password if self.own else self.password).setFocus()

    def save(self) -> None:
        """The new password is hashed with Argon2: off the UI thread."""
        if self.runner.busy:
            return
        if self.password.text() != self.repeat.text():
            self.repeat.clear()
            self._show(self.tr("The two passwords differ."), self.password)
            return
        auth, by, user_uuid, new = self.auth, self.by, self.user.uuid, self.password.text()
        old = self.old_password.text() if self.own else None
        self.buttons.setEnabled(False)
        self.runner.run(self.tr("Saving the password"),
                        lambda _progress: auth.set_password(by, user_uuid, new, old_password=old),
                        lambda _none: self.accept(), self._failed, cancellable=False)

    def _failed(self, exc: BaseException) -> None:
        self.buttons.setEnabled(True)
        if not isinstance(exc, UserError):
            self.runner.default_failure(exc)
            return
        self._show(exc.message, self.old_password if self.own and exc.field == "old_password" else self.password)

    def _show(self, message: str, focus: QLineEdit) -> None:
        show_message(self.error, message)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reset password"))
        self.intro.setText(self.tr("New password for {name} ({username}):").format(
            name=self.user.display_name, username=self.user.username))
        for label, text in zip(self._labels, (self.tr("&Current password:"), self.tr("&New password:"),
                                              self.tr("&Repeat password:")), strict=True):
            label.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
