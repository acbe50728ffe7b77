"""Void a 文号 (administrators, bureau heads): the reason is required and stays in the register; the
number is never issued again. A refusal from the service is shown in the dialog, which stays open."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain.errors import UserError


class VoidNumberDialog(QDialog):
    def __init__(self, number: str, void: Callable[[str], None], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("voidNumber")
        self.number, self._void = number, void
        self.intro = QLabel(wordWrap=True)
        self.reason_caption = QLabel()
        self.reason = QPlainTextEdit(objectName="voidReason")
        self.reason.setTabChangesFocus(True)
        self.reason.textChanged.connect(self._update_buttons)
        self.reason_caption.setBuddy(self.reason)
        self.error = QLabel(wordWrap=True, objectName="voidError")
        self.error.setStyleSheet("color: #9f1c1c;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.void)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.reason_caption)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self.retranslate()
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def _update_buttons(self) -> None:
        self.ok_button.setEnabled(bool(self.reason_text()))

    def void(self) -> None:
        if not self.reason_text():
            return
        try:
            self._void(self.reason_text())
        except UserError as exc:
            self.error.setText(exc.message)
            return
        self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Void {number}").format(number=self.number))
        self.intro.setText(self.tr("{number} will be marked void in the register and never issued again. The "
                                   "document keeps its text; a new number is not given automatically.")
                           .format(number=self.number))
        self.reason_caption.setText(self.tr("&Reason (required):"))
        self.ok_button.setText(self.tr("&Void number"))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
