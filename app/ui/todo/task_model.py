"""Cases on someone's to-do list, soonest deadline first: overdue rows red, those due within
three working days amber."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QBrush

from app.services.cases import CaseRow
from app.ui.approvals.inbox_model import DEADLINE_COLOURS, deadline_text
from app.ui.labels import stage_label

_CONTEXT = "TaskModel"
COLUMNS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("TaskModel", "Number"),
    QT_TRANSLATE_NOOP("TaskModel", "Party"),
    QT_TRANSLATE_NOOP("TaskModel", "Matter"),
    QT_TRANSLATE_NOOP("TaskModel", "Stage"),
    QT_TRANSLATE_NOOP("TaskModel", "Officers"),
    QT_TRANSLATE_NOOP("TaskModel", "Next deadline"),
)
_ROOT = QModelIndex()


class TaskModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[CaseRow] = []

    def set_rows(self, rows: Sequence[CaseRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CaseRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: QModelIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

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
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.number, row.party_names, row.matter_name, stage_label(row.stage), row.officer_names,
                    deadline_text(row))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.deadline_explanation or None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = DEADLINE_COLOURS.get(row.deadline_status)
            if colours:
                return QBrush(colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))
