"""The device handler the UI gives the device manager: drivers call it on the USB thread to ask the
person at the workstation (the device password, a yes/no question) or to tell them something.

A question is handed to the UI thread through a queued signal; the dialog opens without blocking
the window, and the USB thread waits for the answer. Closing the page (or the application) answers
every open question with a cancel, so the USB thread never waits for a window that is gone."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserCancelled
from app.ui.evidence.labels import message

WAIT_SLICE_S = 0.2  # how often a waiting USB thread looks whether the handler was closed


@dataclass
class Question:
    kind: str  # "message" | "yes_no" | "password"
    text: str  # translated
    answered: threading.Event = field(default_factory=threading.Event)
    answer: object = None
    cancelled: bool = False


class DevicePasswordDialog(QDialog):
    """The device password (echo hidden), asked for one device."""

    def __init__(self, prompt: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("devicePasswordDialog")
        self.prompt = QLabel(prompt, wordWrap=True, objectName="devicePasswordPrompt")
        self.password = QLineEdit(objectName="devicePassword", echoMode=QLineEdit.EchoMode.Password)
        self.caption = QLabel()
        self.caption.setBuddy(self.password)
        self.error = QLabel(wordWrap=True, objectName="devicePasswordError")
        self.error.setStyleSheet("color: #c62828;")
        self.error.setVisible(False)
        form = QFormLayout()
        form.addRow(self.caption, self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.password.setFocus()

    def accept(self) -> None:
        if not self.password.text():
            self.error.setText(self.tr("Type the device password."))
            self.error.setVisible(True)
            return
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Device password"))
        self.caption.setText(self.tr("&Password:"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class QtDeviceHandler(QObject):
    """Implements ``app.devices.base.DeviceHandler`` for the desktop. ``said(text)`` carries what a
    driver tells (shown by the page in its notice bar, without a dialog to click away)."""

    said = Signal(str)
    _asked = Signal(object)

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._parent = parent
        self._lock = threading.Lock()
        self._open: list[Question] = []
        self._closed = False
        self.dialog: QDialog | None = None  # the question shown now (tests answer it)
        self._asked.connect(self._show, Qt.ConnectionType.QueuedConnection)
        parent.destroyed.connect(self.close)

    # -- the DeviceHandler protocol (any thread) --------------------------------------------------
    def show_message(self, text: str, /, **params: object) -> None:
        if not self._closed:
            self.said.emit(message(text, params))

    def ask_yes_no(self, text: str, /, **params: object) -> bool:
        return bool(self._ask(Question("yes_no", message(text, params))))

    def ask_password(self, text: str, /, **params: object) -> str:
        return str(self._ask(Question("password", message(text, params))))

    # -- plumbing --------------------------------------------------------------------------------
    def _ask(self, question: Question) -> object:
        with self._lock:
            if self._closed:  # the page is gone (its Qt object may be too): touch nothing of it
                raise UserCancelled()
            if QThread.currentThread() is self.thread():
                raise RuntimeError("a device handler question must come from the USB thread, not the UI thread")
            self._open.append(question)
        self._asked.emit(question)
        while not question.answered.wait(WAIT_SLICE_S):
            if self._closed:
                question.cancelled = True
                break
        with self._lock:
            if question in self._open:
                self._open.remove(question)
        if question.cancelled:
            raise UserCancelled()
        return question.answer

    def close(self, *_args: object) -> None:
        """Cancel every open question (the page or the application is closing)."""
        with self._lock:
            self._closed = True
            pending, self._open = self._open, []
        for question in pending:
            question.cancelled = True
            question.answered.set()

    @Slot(object)
    def _show(self, question: Question) -> None:
        if question.answered.is_set():
            return
        parent = self._parent.window() if shiboken6.isValid(self._parent) else None
        if parent is None:
            self._finish(question, None, cancelled=True)
            return
        if question.kind == "password":
            dialog: QDialog = DevicePasswordDialog(question.text, parent)
            dialog.finished.connect(lambda result, d=dialog: self._finish(
                question, d.password.text(), cancelled=result != QDialog.DialogCode.Accepted))
        else:
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Device"), question.text,
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
            box.setObjectName("deviceQuestion")
            box.finished.connect(lambda _result, b=box: self._finish(
                question, b.standardButton(b.clickedButton()) == QMessageBox.StandardButton.Yes))
            dialog = box
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _finish(self, question: Question, answer: object, *, cancelled: bool = False) -> None:
        question.answer, question.cancelled = answer, cancelled
        question.answered.set()
        self.dialog = None
