"""The approval inbox as a table model: one row per item waiting for the user's role."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.services.approvals import InboxItem
from app.ui.case_view.texts import when
from app.ui.deadline_display import deadline_brush, deadline_text
from app.ui.item_table_model import ItemTableModel

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
REFUSED = QColor("#8a8a8a")
_ROOT = QModelIndex()


class InboxModel(ItemTableModel[InboxItem]):
    CONTEXT = _CONTEXT
    COLUMNS = COLUMNS

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
        if column == DEADLINE_COLUMN and (brush := deadline_brush(row.deadline_status, role)) is not None:
            return brush
        if role == Qt.ItemDataRole.ForegroundRole and not item.allowed:
            return QBrush(REFUSED)
        return None
