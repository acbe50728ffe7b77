"""How a case's next deadline looks in every list: its text, and red/amber for overdue/due soon."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.cases import CaseRow

# (foreground, background) per deadline status; other statuses keep the palette
DEADLINE_COLOURS = {
    "overdue": (QColor("#9f1c1c"), QColor("#fde2e1")),
    "due_soon": (QColor("#7a4a00"), QColor("#fff0c2")),
}


def deadline_text(row: CaseRow) -> str:
    """The date and rule of the next deadline; a date in a year without a loaded calendar says so."""
    if row.deadline_status == "calendar_missing":
        text = QCoreApplication.translate("CaseListModel", "about {due} {rule} (working-day calendar missing)")
        return text.format(due=row.next_due.isoformat() if row.next_due else "?", rule=row.next_rule_name)
    if row.next_due is None:
        return ""
    return f"{row.next_due.isoformat()} {row.next_rule_name}".strip()


def deadline_brush(status: str, role: int) -> QBrush | None:
    """The brush for ForegroundRole or BackgroundRole of a row with this deadline status."""
    colours = DEADLINE_COLOURS.get(status)
    if colours is None or role not in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
        return None
    return QBrush(colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1])
