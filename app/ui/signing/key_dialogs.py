"""The dialogs of Settings → Seals and certificates: how a new key is protected (the system keyring, a PIN
typed twice, or a hardware token), setting up the bureau certificate, a new seal (kind; its picture
drawn automatically or imported, with a preview), who may use a seal, and issuing a certificate."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.services.signing.refs import TokenRef
from app.ui.signing.labels import SEAL_KINDS, seal_kind_label
from app.ui.signing.pin_dialog import MIN_PIN_LENGTH

PREVIEW_PX = 160
DEFAULT_MODULE = "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"


class KeyProtection(QWidget):
    """Keyring (when one works), a PIN typed twice, or (``allow_token``) a key on a hardware token."""

    def __init__(self, keyring_available: bool, allow_token: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self.keyring_button = QRadioButton(objectName="protectKeyring")
        self.pin_button = QRadioButton(objectName="protectPin")
        self.token_button = QRadioButton(objectName="protectToken")
        self.group = QButtonGroup(self)
        for button in (self.keyring_button, self.pin_button, self.token_button):
            self.group.addButton(button)
        self.keyring_button.setEnabled(keyring_available)
        (self.keyring_button if keyring_available else self.pin_button).setChecked(True)
        self.token_button.setVisible(allow_token)
        self.pin_edit = QLineEdit(objectName="newPin", echoMode=QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit(objectName="newPinAgain", echoMode=QLineEdit.EchoMode.Password)
        self.module_edit = QLineEdit(DEFAULT_MODULE, objectName="tokenModule")
        self.token_edit = QLineEdit(objectName="tokenLabel")
        self.key_edit = QLineEdit(objectName="tokenKeyLabel")
        self.captions = [QLabel() for _ in range(5)]
        self.pin_form, self.token_form = QWidget(), QWidget()
        pin_form, token_form = QFormLayout(self.pin_form), QFormLayout(self.token_form)
        for form, caption, edit in ((pin_form, self.captions[0], self.pin_edit),
                                    (pin_form, self.captions[1], self.pin_again),
                                    (token_form, self.captions[2], self.module_edit),
                                    (token_form, self.captions[3], self.token_edit),
                                    (token_form, self.captions[4], self.key_edit)):
            caption.setBuddy(edit)
            form.addRow(caption, edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.keyring_button, self.pin_button, self.pin_form, self.token_button, self.token_form):
            layout.addWidget(widget)
        for button in (self.keyring_button, self.pin_button, self.token_button):
            button.toggled.connect(self._update)
        self.retranslate()
        self._update()

    def _update(self) -> None:
        self.pin_form.setVisible(self.pin_button.isChecked())
        self.token_form.setVisible(self.token_button.isChecked() and not self.token_button.isHidden())

    def use_pin(self, pin: str) -> None:
        """Choose the PIN protection and type ``pin`` twice (tests, and a keyboard-less demo)."""
        self.pin_button.setChecked(True)
        self.pin_edit.setText(pin)
        self.pin_again.setText(pin)

    def use_token(self, module: str, token: str, label: str) -> None:
        self.token_button.setChecked(True)
        self.module_edit.setText(module)
        self.token_edit.setText(token)
        self.key_edit.setText(label)

    def problem(self) -> str:
        if self.pin_button.isChecked():
            pin = self.pin_edit.text()
            if len(pin) < MIN_PIN_LENGTH:
                return self.tr("The PIN must have at least {n} characters.").format(n=MIN_PIN_LENGTH)
            if pin != self.pin_again.text():
                return self.tr("The two PINs differ.")
        fields = (self.module_edit, self.token_edit, self.key_edit)
        if self.token_button.isChecked() and not all(e.text().strip() for e in fields):
            return self.tr("Give the token driver, the token label and the key label.")
        return ""

    def pin(self) -> str | None:
        return self.pin_edit.text() if self.pin_button.isChecked() else None

    def token(self) -> TokenRef | None:
        if not self.token_button.isChecked():
            return None
        return TokenRef(self.module_edit.text().strip(), self.token_edit.text().strip(), self.key_edit.text().strip())

    def retranslate(self) -> None:
        self.keyring_button.setText(self.tr("Protect the key with the system &keyring"))
        if not self.keyring_button.isEnabled():
            self.keyring_button.setToolTip(self.tr("No working system keyring on this computer."))
        self.pin_button.setText(self.tr("Protect the key with a &PIN (asked at every use)"))
        self.token_button.setText(self.tr("Keep the key on a hardware &token (UKey)"))
        for caption, text in zip(self.captions, (self.tr("PIN:"), self.tr("PIN again:"),
                                                 self.tr("Token driver (PKCS#11 module):"), self.tr("Token label:"),
                                                 self.tr("Key label:")), strict=True):
            caption.setText(text)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class _FormDialog(QDialog):
    """Intro text, a body, an error line and OK/Cancel; OK checks :meth:`problem` first."""

    def __init__(self, parent: QWidget | None, name: str):
        super().__init__(parent)
        self.setObjectName(name)
        self.intro = QLabel(wordWrap=True)
        self.error = QLabel(wordWrap=True, objectName="dialogError")
        self.error.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.body)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def problem(self) -> str:
        return ""

    def accept(self) -> None:
        problem = self.problem()
        self.error.setText(problem)
        if not problem:
            super().accept()


class BureauSetupDialog(_FormDialog):
    def __init__(self, bureau: str, keyring_available: bool, parent: QWidget | None = None):
        super().__init__(parent, "bureauSetup")
        self.setWindowTitle(self.tr("Set up the bureau certificate"))
        self.intro.setText(self.tr("The bureau certificate of {bureau} is its seal certificate and issues the "
                                   "certificates of its people and seals. Its key is made now.").format(bureau=bureau))
        self.protection = KeyProtection(keyring_available, allow_token=True)
        self.body.addWidget(self.protection)

    def problem(self) -> str:
        return self.protection.problem()


class NewSealDialog(_FormDialog):
    def __init__(self, keyring_available: bool, parent: QWidget | None = None):
        super().__init__(parent, "newSeal")
        self.setWindowTitle(self.tr("New seal"))
        self.intro.setText(self.tr("The 公章 signs with the bureau certificate; a 行政执法专用章 gets its own key "
                                   "and certificate, issued by the bureau."))
        self.image: bytes | None = None
        self.kind_box = QComboBox(objectName="sealKind")
        for code in SEAL_KINDS:
            self.kind_box.addItem(seal_kind_label(code), code)
        self.kind_box.setCurrentIndex(self.kind_box.findData("enforcement"))
        self.kind_box.currentIndexChanged.connect(self._update)
        self.drawn_button = QCheckBox(self.tr("&Draw the seal picture with the bureau name"),
                                      objectName="drawnImage", checked=True)
        self.import_button = QPushButton(self.tr("&Import a picture (PNG/JPEG)…"), objectName="importImage")
        self.import_button.clicked.connect(self.choose_image)
        self.preview = QLabel(objectName="sealPreview", alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedSize(PREVIEW_PX, PREVIEW_PX)
        self.preview.setText(self.tr("(drawn when the seal is made)"))
        self.protection = KeyProtection(keyring_available)
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind_box)
        self.body.addLayout(form)
        for widget in (self.drawn_button, self.import_button, self.preview, self.protection):
            self.body.addWidget(widget)
        self.drawn_button.toggled.connect(self._drawn_toggled)
        self._update()

    def kind(self) -> str:
        return self.kind_box.currentData()

    def _update(self) -> None:
        self.protection.setVisible(self.kind() != "official")

    def _drawn_toggled(self, drawn: bool) -> None:
        if drawn:
            self.image = None
            self.preview.clear()
            self.preview.setText(self.tr("(drawn when the seal is made)"))

    def choose_image(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Seal picture"), str(Path.home()),
                                              self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if name:
            self.use_image(Path(name).read_bytes())

    def use_image(self, data: bytes) -> bool:
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            self.error.setText(self.tr("This file is not a PNG or JPEG picture."))
            return False
        self.image = data
        self.drawn_button.setChecked(False)
        self.preview.setPixmap(pixmap.scaled(PREVIEW_PX, PREVIEW_PX, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation))
        self.error.clear()
        return True

    def problem(self) -> str:
        return self.protection.problem() if self.kind() != "official" else ""


class SealUsersDialog(_FormDialog):
    def __init__(self, seal_name: str, users: list[Any], allowed: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent, "sealUsers")
        self.setWindowTitle(self.tr("Who may use {seal}").format(seal=seal_name))
        self.intro.setText(self.tr("Tick the people who may seal documents with {seal}.").format(seal=seal_name))
        self.list = QListWidget(objectName="sealUserList")
        for user in users:
            item = QListWidgetItem(f"{user.display_name}（{user.username}）")
            item.setData(Qt.ItemDataRole.UserRole, user.uuid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if user.uuid in allowed else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.body.addWidget(self.list)

    def set_checked(self, user_ids: set[str]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in user_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def user_ids(self) -> tuple[str, ...]:
        return tuple(self.list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list.count())
                     if self.list.item(r).checkState() == Qt.CheckState.Checked)


class IssueDialog(_FormDialog):
    def __init__(self, users: list[Any], keyring_available: bool, parent: QWidget | None = None):
        super().__init__(parent, "issueCertificate")
        self.setWindowTitle(self.tr("Issue a certificate"))
        self.intro.setText(self.tr("A signing certificate for a person, issued by the bureau certificate. The "
                                   "person signs their approvals with it."))
        self.user_box = QComboBox(objectName="certificateUser")
        for user in users:
            self.user_box.addItem(f"{user.display_name}（{user.username}）", user)
        form = QFormLayout()
        form.addRow(self.tr("&Person:"), self.user_box)
        self.body.addLayout(form)
        self.protection = KeyProtection(keyring_available)
        self.body.addWidget(self.protection)

    def user(self) -> Any | None:
        return self.user_box.currentData()

    def problem(self) -> str:
        if self.user() is None:
            return self.tr("Choose a person.")
        return self.protection.problem()
