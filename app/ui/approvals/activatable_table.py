"""A read-only table view that says which row the user opened (double-click, Enter or Return)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class ActivatableTable(QTableView):
    opened = Signal(int)  # the row

    def __init__(self, parent: QWidget | None = None, *, multi: bool = False, objectName: str = ""):
        super().__init__(parent)
        self.setObjectName(objectName)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                              else QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.doubleClicked.connect(self._open_index)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.opened.emit(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.opened.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def set_column_widths(self, widths: tuple[int, ...]) -> None:
        for column, width in enumerate(widths):
            self.setColumnWidth(column, width)

    def selected_rows(self) -> list[int]:
        return sorted(i.row() for i in self.selectionModel().selectedRows())
