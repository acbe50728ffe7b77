"""User administration (administrators only): the accounts, and Add / Edit / Deactivate /
Reset password. Dialogs open without blocking; the table reloads when one is accepted."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.users import SIGN_IN_ROLES, SignedIn, User
from app.ui.labels import role_label
from app.ui.settings.password_dialog import PasswordDialog
from app.ui.settings.user_dialog import UserDialog

if TYPE_CHECKING:
    from app.services import Services

COLUMNS = 5  # user name, display name, roles, officer, active


class UsersSection(QGroupBox):
    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("usersSection")
        self.services, self.session = services, session
        self.users: list[User] = []
        self.dialog: QDialog | None = None  # the open Add/Edit/Password dialog

        self.table = QTableWidget(0, COLUMNS, objectName="usersTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(self.edit_user)

        self.add_button = QPushButton(objectName="addUser")
        self.add_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.edit_button = QPushButton(objectName="editUser")
        self.active_button = QPushButton(objectName="toggleActive")
        self.password_button = QPushButton(objectName="resetPassword")
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.active_button.clicked.connect(self.toggle_active)
        self.password_button.clicked.connect(self.reset_password)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.active_button, self.password_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._retranslate()
        self.reload()

    # ---- table --------------------------------------------------------------------------------
    def reload(self) -> None:
        selected = self.selected_user()
        officers = {o.uuid: o.name for o in self.services.officers.all()}
        self.users = sorted(self.services.auth.users(), key=lambda u: u.username)
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            roles = "、".join(role_label(r) for r in SIGN_IN_ROLES if r in user.roles)
            values = (user.username, user.display_name, roles, officers.get(user.officer_uuid or "", ""),
                      self.tr("yes") if user.active else self.tr("no"))
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, user.uuid)
                self.table.setItem(row, column, item)
        if selected is not None:
            self.select(selected.uuid)
        self._update_buttons()

    def select(self, user_uuid: str) -> None:
        for row, user in enumerate(self.users):
            if user.uuid == user_uuid:
                self.table.selectRow(row)

    def selected_user(self) -> User | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.users[rows[0].row()] if rows and rows[0].row() < len(self.users) else None

    def _update_buttons(self) -> None:
        user = self.selected_user()
        for button in (self.edit_button, self.active_button, self.password_button):
            button.setEnabled(user is not None)
        self.active_button.setText(self.tr("Re&activate") if user is not None and not user.active
                                   else self.tr("&Deactivate"))

    # ---- actions ------------------------------------------------------------------------------
    def add_user(self) -> None:
        self._open(UserDialog(self.services.auth, self.session, self.services.officers.all(), self._today(),
                              parent=self))

    def edit_user(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(UserDialog(self.services.auth, self.session, self.services.officers.all(), self._today(),
                                  user, parent=self))

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._open(PasswordDialog(self.services.auth, self.session, user, parent=self))

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        if user.active:
            answer = QMessageBox.question(self, self.tr("Deactivate user"), self.tr(
                "Deactivate {name} ({username})? The account can no longer sign in; its history is kept.").format(
                    name=user.display_name, username=user.username))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.services.auth.update_user(self.session, user.uuid, active=not user.active)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("User administration"), exc.message)
            return
        self.reload()

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._dialog_saved(dialog))
        dialog.open()

    def _dialog_saved(self, dialog: QDialog) -> None:
        saved = getattr(dialog, "saved", None)  # the account a UserDialog created or changed
        self.reload()
        if saved is not None:
            self.select(saved.uuid)

    def _today(self) -> date:
        return self.services.clock.now().date()

    # ---- texts --------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setTitle(self.tr("User administration"))
        self.table.setHorizontalHeaderLabels([self.tr("User name"), self.tr("Display name"), self.tr("Roles"),
                                              self.tr("Officer record"), self.tr("Active")])
        self.add_button.setText(self.tr("&Add user…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.password_button.setText(self.tr("Reset &password…"))
        self._update_buttons()
        if self.users:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
