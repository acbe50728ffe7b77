"""The case list page: an instant-search box over a read-only, paged table of cases."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from app.services.cases import CaseFilter
from app.ui.cases.case_list_model import CaseListModel, CasesService

SEARCH_DEBOUNCE_MS = 250  # wait for a pause in typing: one query per word, not per keystroke


class _SearchBox(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class CaseListWidget(QWidget):
    def __init__(self, cases: CasesService, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = CaseListModel(cases, self)

        self.search = _SearchBox()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("caseSearch")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_search)

        self.table = QTableView()
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((185, 210, 250, 130, 120)):
            self.table.setColumnWidth(column, width)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        self._retranslate()

    def apply_search(self) -> None:
        """Filter by the search text now (the debounce timer calls this after typing stops)."""
        self._debounce.stop()
        text = self.search.text().strip()
        wanted = CaseFilter(text=text) if text else CaseFilter()
        if wanted != self.model.case_filter:
            self.model.set_filter(wanted)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        self.model.refresh()

    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by case number, party or matter (Ctrl+F)"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
