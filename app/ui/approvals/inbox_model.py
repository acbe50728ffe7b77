"""The approval inbox as a table model: one row per item waiting for the user's role."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.approvals import InboxItem
from app.ui.case_view.texts import when

_CONTEXT = "InboxModel"
COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("InboxModel", "Number"),
    QT_TRANSLATE_NOOP("InboxModel", "Party"),
    QT_TRANSLATE_NOOP("InboxModel", "Matter"),
    QT_TRANSLATE_NOOP("InboxModel", "Awaiting"),
    QT_TRANSLATE_NOOP("InboxModel", "Since"),
    QT_TRANSLATE_NOOP("InboxModel", "Next deadline"),
)
DEADLINE_COLUMN = 5
# (foreground, background) per deadline status, as in the case list
DEADLINE_COLOURS = {
    "overdue": (QColor("#9f1c1c"), QColor("#fde2e1")),
    "due_soon": (QColor("#7a4a00"), QColor("#fff0c2")),
}
REFUSED = QColor("#8a8a8a")
_ROOT = QModelIndex()


def deadline_text(row) -> str:
    """The next deadline of a CaseRow: its date and rule (a provisional date says so)."""
    if row.next_due is None:
        return ""
    text = f"{row.next_due.isoformat()} {row.next_rule_name}".strip()
    if row.deadline_status == "calendar_missing":
        text += QCoreApplication.translate("InboxModel", " (provisional: calendar missing)")
    return text


class InboxModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.items: list[InboxItem] = []

    def set_items(self, items: Sequence[InboxItem]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> InboxItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate(_CONTEXT, COLUMNS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        row, column = item.case_row, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            awaiting = item.label
            if not item.allowed:
                awaiting += QCoreApplication.translate("InboxModel", " (not possible yet)")
            return (row.number, row.party_names, row.matter_name, awaiting, when(item.since),
                    deadline_text(row))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == DEADLINE_COLUMN:
                return row.deadline_explanation or None
            return "\n".join(item.reasons) or None
        if column == DEADLINE_COLUMN and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = DEADLINE_COLOURS.get(row.deadline_status)
            if colours:
                return QBrush(colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1])
        if role == Qt.ItemDataRole.ForegroundRole and not item.allowed:
            return QBrush(REFUSED)
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.items) - 1, len(COLUMNS) - 1))
