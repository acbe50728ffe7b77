"""What every page of the new-case wizard shares: the Lead fields it owns, an inline error label,
and the widget to focus when the service names one of its fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QWidget, QWizardPage

from app.ui.signin.style import message_label, show_message

if TYPE_CHECKING:
    from app.ui.wizard.new_case_wizard import NewCaseWizard


class WizardPage(QWizardPage):
    FIELDS: ClassVar[frozenset[str]] = frozenset()  # ValidationError.field values this page owns
    PLACEHOLDER: ClassVar[dict[str, Any]] = {}  # Lead values that pass validation, before the page is filled

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.error = message_label(f"{type(self).__name__}Error")

    def owner(self) -> NewCaseWizard:
        return self.wizard()  # type: ignore[return-value]

    def lead_values(self) -> dict[str, Any]:
        """This page's part of the Lead; raises ValidationError on what cannot even be built."""
        return {}

    def field_widget(self, field: str | None) -> QWidget | None:
        return None

    def show_error(self, message: str, field: str | None = None) -> None:
        show_message(self.error, message)
        widget = self.field_widget(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_error(self) -> None:
        show_message(self.error, "")

    def validatePage(self) -> bool:
        return self.owner().check_page(self)

    def retranslate(self) -> None:
        """Set the texts in the current language (each page fills this in)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
