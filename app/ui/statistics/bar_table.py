"""A small table of counts with a bar beside each (QtCharts is not in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

SHARE_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's count as a share of the largest (0..1)
_NAME, _COUNT, _BAR = range(3)


class _BarDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        share = index.data(SHARE_ROLE)
        if not share:
            return
        rect = option.rect.adjusted(4, 5, -4, -5)  # type: ignore[attr-defined]
        bar = QRect(rect.left(), rect.top(), max(1, round(rect.width() * float(share))), rect.height())
        painter.save()
        painter.fillRect(bar, option.palette.color(QPalette.ColorRole.Highlight))  # type: ignore[attr-defined]
        painter.restore()


class BarTable(QTableWidget):
    """Rows of (name, count, bar); ``set_counts`` replaces them."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 3, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().setVisible(False)
        self.setItemDelegateForColumn(_BAR, _BarDelegate(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(_NAME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(_COUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def set_headers(self, name: str, count: str) -> None:
        self.setHorizontalHeaderLabels([name, count, ""])

    def set_counts(self, rows: list[tuple[str, int]]) -> None:
        largest = max((n for _, n in rows), default=0)
        self.setRowCount(len(rows))
        for row, (name, count) in enumerate(rows):
            self.setItem(row, _NAME, QTableWidgetItem(name))
            number = QTableWidgetItem(f"{count:,}")
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(row, _COUNT, number)
            bar = QTableWidgetItem()
            bar.setData(SHARE_ROLE, count / largest if largest else 0.0)
            self.setItem(row, _BAR, bar)

    def counts(self) -> list[tuple[str, int]]:
        """What the table shows (for tests and copying)."""
        return [(self.item(r, _NAME).text(), int(self.item(r, _COUNT).text().replace(",", "")))
                for r in range(self.rowCount())]
