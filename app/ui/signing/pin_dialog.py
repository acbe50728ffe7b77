"""Asking for a PIN. Signing runs on the task runner's worker thread, so the PIN is asked here, on the UI
thread, first (a small dialog with password echo and the token's retry hint), and the work gets a
:class:`PresetPin` handler that hands it over. A wrong PIN asks again, with the refusal and the retries
left; a cancelled dialog ends the action silently. Keys the OS keyring protects are not asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.errors import UserCancelled
from app.ui.tasks import TaskRunner

MIN_PIN_LENGTH = 6
WRONG_PIN_RULE = "signing.wrong_pin"


class PresetPin:
    """A signing handler that answers every PIN prompt with the PIN the user typed beforehand."""

    def __init__(self, pin: str):
        self._pin = pin
        self.asked = 0

    def ask_pin(self, prompt: str, retries_left: int | None) -> str:
        self.asked += 1
        return self._pin


def is_wrong_pin(exc: BaseException) -> bool:
    return getattr(exc, "rule", None) == WRONG_PIN_RULE


class PinDialog(QDialog):
    """One PIN (``new=False``), or a new PIN typed twice with at least :data:`MIN_PIN_LENGTH` characters."""

    def __init__(self, prompt: str, parent: QWidget | None = None, *, retries_left: int | None = None,
                 error: str = "", new: bool = False):
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.prompt_text, self.retries_left, self.new = prompt, retries_left, new
        self.prompt = QLabel(wordWrap=True, objectName="pinPrompt")
        self.hint = QLabel(wordWrap=True, objectName="pinRetries")
        self.error = QLabel(error, wordWrap=True, objectName="pinError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setVisible(bool(error))
        self.pin_edit = QLineEdit(objectName="pin", echoMode=QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit(objectName="pinAgain", echoMode=QLineEdit.EchoMode.Password)
        self.pin_caption, self.confirm_caption = QLabel(), QLabel()
        self.pin_caption.setBuddy(self.pin_edit)
        self.confirm_caption.setBuddy(self.confirm_edit)
        form = QFormLayout()
        form.addRow(self.pin_caption, self.pin_edit)
        if new:
            form.addRow(self.confirm_caption, self.confirm_edit)
        else:
            self.confirm_edit.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.pin_edit.setFocus()

    def pin(self) -> str:
        return self.pin_edit.text()

    def problem(self) -> str:
        """Why the PIN typed cannot be used ("" when it can)."""
        pin = self.pin()
        if not pin:
            return self.tr("Type the PIN.")
        if self.new and len(pin) < MIN_PIN_LENGTH:
            return self.tr("The PIN must have at least {n} characters.").format(n=MIN_PIN_LENGTH)
        if self.new and pin != self.confirm_edit.text():
            return self.tr("The two PINs differ.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.setVisible(True)
            return
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New PIN") if self.new else self.tr("PIN"))
        self.prompt.setText(self.prompt_text)
        self.pin_caption.setText(self.tr("&PIN:"))
        self.confirm_caption.setText(self.tr("PIN &again:"))
        if self.retries_left == 1:
            hint = self.tr("Careful: one more wrong PIN locks the token.")
        elif self.retries_left is not None:
            hint = self.tr("{n} attempts left before the token locks.").format(n=self.retries_left)
        else:
            hint = ""
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def ask_pin(parent: QWidget | None, prompt: str, *, retries_left: int | None = None, error: str = "",
            new: bool = False) -> str | None:
    """The PIN typed, or None when the user cancelled."""
    dialog = PinDialog(prompt, parent, retries_left=retries_left, error=error, new=new)
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.pin() if accepted else None
    finally:
        dialog.deleteLater()


def run_with_pin(parent: QWidget, runner: TaskRunner, *, title: str, prompt: str, needs_pin: bool,
                 work: Callable[[PresetPin], Any], on_success: Callable[[Any], None],
                 on_failure: Callable[[BaseException], None] | None = None, error: str = "",
                 retries_left: int | None = None, preset: str = "") -> bool:
    """Ask the PIN (when ``needs_pin``), then run ``work(handler)`` on the runner. A wrong PIN asks again;
    a cancel ends silently; anything else goes to ``on_failure`` (default: the runner's warning).
    ``preset``: the PIN to hand over without asking (a key made a moment ago with that PIN).
    False when the user cancelled the PIN dialog."""
    pin = preset
    if needs_pin:
        typed = ask_pin(parent, prompt, retries_left=retries_left, error=error)
        if typed is None:
            return False
        pin = typed

    def failed(exc: BaseException) -> None:
        if isinstance(exc, UserCancelled):
            return
        if is_wrong_pin(exc):
            run_with_pin(parent, runner, title=title, prompt=prompt, needs_pin=True, work=work,
                         on_success=on_success, on_failure=on_failure, error=getattr(exc, "message", str(exc)),
                         retries_left=getattr(exc, "retries_left", None))
            return
        if on_failure is not None:
            on_failure(exc)
        else:
            runner.default_failure(exc)

    handler = PresetPin(pin)
    runner.run(title, lambda progress: work(handler), on_success, failed, cancellable=False)
    return True
