"""The dialog over a locked window: who is signed in, their password to unlock, or sign out."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.users import SignedIn
from app.ui.labels import role_label
from app.ui.signin.style import message_label, show_message
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.auth import AuthService

SIGN_OUT = 2  # dialog result besides Accepted (unlocked)


class LockDialog(QDialog):
    """Closes only through Unlock (with the right password) or Sign out; Esc and the window's
    close button do nothing, so the data behind it stays covered."""

    unlocked = Signal()
    sign_out_requested = Signal()

    def __init__(self, auth: AuthService, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockDialog")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.auth, self.session = auth, session
        self.runner = TaskRunner(self)

        self.who = QLabel(objectName="lockedUser", wordWrap=True)
        self.password = QLineEdit(objectName="unlockPassword", echoMode=QLineEdit.EchoMode.Password)
        self._password_label = QLabel()
        self._password_label.setBuddy(self.password)
        self.error = message_label("unlockError")
        self.unlock_button = QPushButton(objectName="unlockButton")
        self.unlock_button.setDefault(True)
        self.sign_out_button = QPushButton(objectName="signOutButton")
        buttons = QDialogButtonBox()
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.sign_out_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.sign_out_button.clicked.connect(self.sign_out)

        form = QFormLayout()
        form.addRow(self._password_label, self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._retranslate()
        self.password.setFocus()

    def try_unlock(self) -> None:
        """Argon2 takes its time on purpose: the check runs off the UI thread."""
        if self.runner.busy:
            return
        auth, session, password = self.auth, self.session, self.password.text()
        self.password.clear()
        self.unlock_button.setEnabled(False)
        self.runner.run(self.tr("Checking the password"), lambda _progress: auth.verify_password(session, password),
                        self._checked, self._failed, cancellable=False)

    def _checked(self, right: bool) -> None:
        self._ready()
        if right:
            show_message(self.error, "")
            self.unlocked.emit()
            self.done(QDialog.DialogCode.Accepted)
            return
        show_message(self.error, self.tr("Wrong password."))

    def _failed(self, exc: BaseException) -> None:
        """A locked or disabled account: said here; only Sign out is left."""
        self._ready()
        if not isinstance(exc, UserError):
            self.runner.default_failure(exc)
            return
        show_message(self.error, exc.message)

    def _ready(self) -> None:
        self.unlock_button.setEnabled(True)
        self.unlock_button.setDefault(True)  # disabling it made Qt drop it as the default button
        self.password.setFocus()

    def sign_out(self) -> None:
        self.runner.cancel_all()
        self.sign_out_requested.emit()
        self.done(SIGN_OUT)

    def reject(self) -> None:
        """Esc must not unlock: it only returns to the password field."""
        self.password.setFocus()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The window manager's close button (or Alt+F4) must not unlock either; done() hides
        the dialog without a close event."""
        event.ignore()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Zhifa: locked"))
        user = self.session.user
        self.who.setText(self.tr("The window was locked after a time without input. Signed in: {name} ({username}), "
                                 "as {role}.").format(name=user.display_name, username=user.username,
                                                      role=role_label(self.session.role)))
        self._password_label.setText(self.tr("&Password:"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.sign_out_button.setText(self.tr("Sign &out"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
