"""Asks for what a document prints but the case does not hold — when and where the hearing is held,
what was sealed or seized — before generating it. Values typed earlier (kept with the document) or
implied by the case are filled in; a wrong value keeps the dialog open with the reason."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import ValidationError


class DocumentInputsDialog(QDialog):
    """``fields``: the service's InputField list (path, label, kind "text" | "date" | "items", value,
    required). ``submit(values)`` generates; a ValidationError it raises is shown here."""

    def __init__(self, name: str, fields: Sequence[Any], submit: Callable[[Mapping[str, str]], None],
                 parent: QWidget | None = None):
        super().__init__(parent, objectName="documentInputs")
        self._submit = submit
        self.setWindowTitle(self.tr("Fill in {name}").format(name=name))
        intro = QLabel(self.tr("{name} needs the following, which the case file does not hold. What you type "
                               "is kept with the document for the next time it is generated.").format(name=name),
                       wordWrap=True)
        form = QFormLayout()
        self.editors: dict[str, tuple[str, QWidget]] = {}
        for f in fields:
            editor = self._editor(f)
            editor.setObjectName(f.path)
            caption = QLabel(f.label + ("" if not f.required else " *"))
            caption.setBuddy(editor)
            form.addRow(caption, editor)
            self.editors[f.path] = (f.kind, editor)
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.setStyleSheet("color: #9f1c1c;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Generate"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _editor(self, f: Any) -> QWidget:
        if f.kind == "date":
            editor = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
            day = date.fromisoformat(f.value) if f.value else date.today()
            editor.setDate(QDate(day.year, day.month, day.day))
            return editor
        if f.kind == "items":
            editor = QPlainTextEdit(f.value)
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(self.tr("One item a line: name, specification, quantity, note"))
            return editor
        return QLineEdit(f.value)

    def values(self) -> dict[str, str]:
        found = {}
        for path, (kind, editor) in self.editors.items():
            if kind == "date":
                found[path] = editor.date().toString("yyyy-MM-dd")  # type: ignore[attr-defined]
            elif kind == "items":
                found[path] = editor.toPlainText()  # type: ignore[attr-defined]
            else:
                found[path] = editor.text()  # type: ignore[attr-defined]
        return found

    def _accept(self) -> None:
        try:
            self._submit(self.values())
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()
