"""How the sign-in, settings and wizard forms mark a problem or a success next to a field."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

ERROR_COLOR = QColor("#c62828")
OK_COLOR = QColor("#2e7d32")


def message_label(object_name: str, color: QColor | None = ERROR_COLOR) -> QLabel:
    """A word-wrapped label, hidden until it has something to say."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setWordWrap(True)
    label.setVisible(False)
    if color is not None:
        set_color(label, color)
    return label


def set_color(label: QLabel, color: QColor) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, color)
    label.setPalette(palette)


def show_message(label: QLabel, text: str, color: QColor | None = None) -> None:
    if color is not None:
        set_color(label, color)
    label.setText(text)
    label.setVisible(bool(text))
