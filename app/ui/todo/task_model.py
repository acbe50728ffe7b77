"""Cases on someone's to-do list, soonest deadline first: overdue rows red, those due within
three working days amber."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt

from app.services.cases import CaseRow
from app.ui.deadline_display import deadline_brush, deadline_text
from app.ui.item_table_model import ItemTableModel
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


class TaskModel(ItemTableModel[CaseRow]):
    CONTEXT = _CONTEXT
    COLUMNS = COLUMNS

    def set_rows(self, rows: Sequence[CaseRow]) -> None:
        self.set_items(rows)

    @property
    def rows(self) -> list[CaseRow]:
        return self.items

    def row_at(self, row: int) -> CaseRow | None:
        return self.item_at(row)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.item_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.number, row.party_names, row.matter_name, stage_label(row.stage), row.officer_names,
                    deadline_text(row))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.deadline_explanation or None
        return deadline_brush(row.deadline_status, role)
