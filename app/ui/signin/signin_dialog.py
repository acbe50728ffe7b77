"""The sign-in dialog. A person with several roles picks one after the password is checked (the
main window can switch later); an offline sign-in says so before the window opens. On a fresh
installation the dialog shows the form for the first administrator account instead."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.officers import Role
from app.domain.users import SIGN_IN_ROLES, SignedIn
from app.ui.labels import role_label
from app.ui.signin.first_admin import FirstAdminForm, NewAdmin
from app.ui.signin.style import ERROR_COLOR, message_label, show_message
from app.ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from app.services.auth import AuthService


class SignInDialog(QDialog):
    def __init__(self, auth: AuthService, bureau_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.auth = auth
        self.signed_in: SignedIn | None = None
        self._checked: SignedIn | None = None  # password accepted, role or offline notice still to confirm
        self.runner = TaskRunner(self)

        self.heading = QLabel(bureau_name, objectName="bureauName")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)

        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password", echoMode=QLineEdit.EchoMode.Password)
        self.role = QComboBox(objectName="role")
        self._username_label, self._password_label, self._role_label = QLabel(), QLabel(), QLabel()
        self._username_label.setBuddy(self.username)
        self._password_label.setBuddy(self.password)
        self._role_label.setBuddy(self.role)
        sign_in_page = QWidget()
        form = QFormLayout(sign_in_page)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self._username_label, self.username)
        form.addRow(self._password_label, self.password)
        form.addRow(self._role_label, self.role)
        self._form = form
        self.first_admin = FirstAdminForm()
        self.pages = QStackedWidget()
        self.pages.addWidget(sign_in_page)
        self.pages.addWidget(self.first_admin)

        self.error = message_label("signInError", ERROR_COLOR)
        self.notice = message_label("offlineNotice", None)
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton(objectName="signInButton")
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.pages)
        layout.addWidget(self.error)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)

        self.creating_admin = auth.needs_first_admin()
        self.pages.setCurrentWidget(self.first_admin if self.creating_admin else sign_in_page)
        self._show_role_choice(False)
        self._retranslate()
        (self.first_admin.username if self.creating_admin else self.username).setFocus()

    # ---- steps --------------------------------------------------------------------------------
    def submit(self) -> None:
        """The default button: create the first account, check the password, or confirm the role."""
        if self.runner.busy:
            return
        if self.creating_admin:
            self._create_first_admin()
        elif self._checked is not None:
            self._confirm()
        else:
            self._sign_in()

    def _sign_in(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._fail(self.tr("Enter your user name and password."), self.password if username else self.username)
            return
        auth = self.auth
        self._busy(True)
        self.runner.run(self.tr("Signing in"), lambda _progress: auth.sign_in(username, password),
                        self._checked_ok, self._sign_in_failed, cancellable=False)

    def _create_first_admin(self) -> None:
        form = self.first_admin
        if not form.passwords_match():
            form.repeat.clear()
            self._fail(self.tr("The two passwords differ."), form.password)
            return
        new, auth = form.new_admin(), self.auth

        def work(_progress: Progress) -> SignedIn:
            auth.create_user(None, new.username, new.display_name or new.username, frozenset({Role.ADMIN}),
                             new.password)
            return auth.sign_in(new.username, new.password)

        self._busy(True)
        self.runner.run(self.tr("Creating the administrator account"), work, self._checked_ok,
                        lambda exc: self._admin_failed(exc, new), cancellable=False)

    def _checked_ok(self, signed: SignedIn) -> None:
        self._busy(False)
        show_message(self.error, "")
        roles = [r for r in SIGN_IN_ROLES if r in signed.user.roles]
        if len(roles) <= 1 and not signed.offline:
            self._finish(signed)
            return
        self._checked = signed
        self.username.setEnabled(False)
        self.password.setEnabled(False)
        self.role.clear()
        for role in roles:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(max(self.role.findData(signed.role), 0))
        self._show_role_choice(len(roles) > 1)
        show_message(self.notice, self._offline_text() if signed.offline else "")
        self._retranslate()
        (self.role if len(roles) > 1 else self.ok_button).setFocus()

    def _confirm(self) -> None:
        signed = self._checked
        assert signed is not None  # submit() only calls this after a successful check
        data = self.role.currentData()  # a Role comes back from Qt as its plain string value
        role = Role(data) if data else signed.role
        if role is not signed.role:
            try:
                signed = self.auth.switch_role(signed, role)
            except UserError as exc:
                self._fail(exc.message, self.role)
                return
        self._finish(signed)

    def _finish(self, signed: SignedIn) -> None:
        self.signed_in = signed
        self.accept()

    # ---- failures -----------------------------------------------------------------------------
    def _sign_in_failed(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, UserError):
            self.runner.default_failure(exc)  # a bug: the crash handler shows it
            return
        self.password.clear()
        self._fail(exc.message, self.password)

    def _admin_failed(self, exc: BaseException, new: NewAdmin) -> None:
        self._busy(False)
        if not isinstance(exc, UserError):
            self.runner.default_failure(exc)
            return
        if self.auth.has_users():  # created, but the sign-in after it failed: sign in normally
            self.creating_admin = False
            self.pages.setCurrentIndex(0)
            self.username.setText(new.username)
            self._retranslate()
        self._fail(exc.message, self.first_admin.field_widget(exc.field) if self.creating_admin else self.password)

    def _fail(self, message: str, focus: QLineEdit | QComboBox) -> None:
        show_message(self.error, message)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        self.pages.setEnabled(not busy)
        if not busy:
            self.ok_button.setDefault(True)  # disabling it made Qt drop it as the default button

    def _show_role_choice(self, visible: bool) -> None:
        self._form.setRowVisible(self.role, visible)

    def _offline_text(self) -> str:
        return self.tr("The central service could not be reached: you are signed in offline, checked against "
                       "the credentials last verified on this computer. Changes are kept here and sent when "
                       "the service is reachable again.")

    # ---- texts --------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Zhifa: sign in"))
        self._username_label.setText(self.tr("&User name:"))
        self._password_label.setText(self.tr("&Password:"))
        self._role_label.setText(self.tr("Sign in &as:"))
        for i in range(self.role.count()):
            self.role.setItemText(i, role_label(self.role.itemData(i)))
        if self.creating_admin:
            self.ok_button.setText(self.tr("&Create and sign in"))
        elif self._checked is not None:
            self.ok_button.setText(self.tr("C&ontinue"))
            if self._checked.offline:
                self.notice.setText(self._offline_text())
        else:
            self.ok_button.setText(self.tr("&Sign in"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
