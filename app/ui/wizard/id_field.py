"""An ID number field checked as it is typed: a resident ID number for a person, a unified social
credit code for an organisation. A green ✓ or the domain's own message shows under the field."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.domain.errors import ValidationError
from app.domain.parties import PartyKind, check_credit_code, check_resident_id
from app.ui.signin.style import ERROR_COLOR, OK_COLOR, message_label, show_message

ID_LENGTH = 18  # both kinds of number


class IdNumberField(QWidget):
    def __init__(self, object_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = PartyKind.PERSON
        self.edit = QLineEdit(objectName=object_name)
        self.edit.setMaxLength(ID_LENGTH + 4)  # room for pasted spaces, which the check removes
        self.status = message_label(f"{object_name}Status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.status)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self.check)

    def text(self) -> str:
        return self.edit.text().strip()

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def set_kind(self, kind: PartyKind) -> None:
        self.kind = kind
        self.check()

    def is_valid(self) -> bool:
        return self.check()

    def check(self) -> bool:
        """Update the mark under the field; True when the number is valid for the kind."""
        text = self.text()
        if not text:
            show_message(self.status, "")
            return False
        try:
            (check_resident_id if self.kind is PartyKind.PERSON else check_credit_code)(text)
        except ValidationError as exc:
            show_message(self.status, exc.message, ERROR_COLOR)
            return False
        show_message(self.status, "✓", OK_COLOR)
        return True
