"""Base of the dialogs that ask what a step needs and then perform it.

OK builds the request and hands it to ``submit``; a ValidationError (bad amount, missing comment,
missing parameter) is shown in the dialog, which stays open for a correction. Anything else
``submit`` handles itself (messages, reload), and the dialog closes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError


class RequestDialog(QDialog):
    """The common frame of the step and pause dialogs. Each provides ``request()``: what to submit,
    raising ValidationError naming the field when the input is wrong."""

    def __init__(self, submit: Callable[[Any], None], parent: QWidget | None = None):
        super().__init__(parent)
        self._submit = submit
        self.intro = QLabel(wordWrap=True)
        self.form = QFormLayout()
        self.comment = QPlainTextEdit(objectName="comment")
        self.comment.setTabChangesFocus(True)
        self.comment.setMaximumHeight(100)
        self.comment_caption = QLabel()
        self.comment_caption.setBuddy(self.comment)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.setStyleSheet("color: #9f1c1c;")
        self.error.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.fields: dict[str, QWidget] = {"comment": self.comment, "reason": self.comment}
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @property
    def ok_button(self):
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def add_comment_row(self) -> None:
        self.form.addRow(self.comment_caption, self.comment)

    def comment_text(self) -> str:
        return self.comment.toPlainText().strip()

    def show_error(self, exc: ValidationError) -> None:
        self.error.setText(exc.message)
        self.error.setVisible(True)
        widget = self.fields.get(exc.field or "")
        if widget is not None:
            widget.setFocus()

    def accept(self) -> None:
        try:
            self._submit(self.request())
        except ValidationError as exc:
            self.show_error(exc)
            return
        super().accept()
