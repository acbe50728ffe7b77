"""A read-only table of text rows, the building block of the case view's tabs."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import Case

GREY = QColor("#8a8a8a")
MAX_COLUMN_WIDTH = 360  # long texts wrap instead of pushing the other columns away


class TextTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None, *, objectName: str = ""):
        super().__init__(parent)
        self.setObjectName(objectName)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

    def set_headers(self, headers: Sequence[str]) -> None:
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(list(headers))

    def set_rows(self, rows: Sequence[Sequence[str]], tooltips: Sequence[str] | None = None,
                 greyed: Sequence[bool] | None = None) -> None:
        """Replace the rows; ``tooltips`` per row (shown on every cell), ``greyed`` rows in grey."""
        self.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                if tooltips and tooltips[r]:
                    item.setToolTip(tooltips[r])
                if greyed and greyed[r]:
                    item.setForeground(QBrush(GREY))
                self.setItem(r, c, item)
        self.resizeColumnsToContents()
        for c in range(self.columnCount()):
            self.setColumnWidth(c, min(self.columnWidth(c), MAX_COLUMN_WIDTH))
        self.resizeRowsToContents()

    def column_texts(self, column: int) -> list[str]:
        return [self.item(r, column).text() for r in range(self.rowCount())]


class CaseTableTab(QWidget):
    """A tab that is one table about the case shown: subclasses give ``headers()`` and
    ``rows(case)`` (both translated when called, so a language switch only refills)."""

    TABLE_NAME = ""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.table = TextTable(objectName=self.TABLE_NAME)
        QVBoxLayout(self).addWidget(self.table)
        self._case: Case | None = None
        self.retranslate()

    def show_case(self, case: Case) -> None:
        self._case = case
        self.retranslate()

    def retranslate(self) -> None:
        self.table.set_headers(self.headers())
        if self._case is not None:
            self.table.set_rows(self.rows(self._case))

    def headers(self) -> list[str]:
        return []

    def rows(self, case: Case) -> list[list[str]]:
        return []
