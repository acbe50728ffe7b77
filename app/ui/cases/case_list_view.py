"""The case list page: filter bar, saved filters, instant search, export, and a read-only paged
table of cases sorted by clicking a column header."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.config.saved_filters import SavedFilters
from app.services.cases import CaseFilter
from app.ui.cases.case_list_model import CASE_ROW_ROLE, CaseListModel, CasesService
from app.ui.cases.export import CaseExport
from app.ui.cases.filter_bar import CaseFilterBar
from app.ui.cases.saved_filters import SavedFilterControls
from app.ui.tasks import TaskRunner

SEARCH_DEBOUNCE_MS = 250  # wait for a pause in typing: one query per word, not per keystroke


class _SearchBox(QLineEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class CaseListWidget(QWidget):
    """``CaseListWidget(services, username="local")``. Signals: ``caseActivated(uuid)`` on
    double-click or Enter on a row; ``exported(path, count)`` when an export is complete.

    (Passing only the case service, as the first main window did, still works: the matter and
    officer filters then offer no choices.)"""

    caseActivated = Signal(str)
    exported = Signal(str, int)

    def __init__(self, services: Any, parent: QWidget | None = None, *, username: str = "local",
                 runner: TaskRunner | None = None, saved_filters_path: Path | None = None):
        super().__init__(parent)
        full = hasattr(services, "cases")
        cases: CasesService = services.cases if full else services
        today = services.clock.now().date() if full else date.today()
        self.model = CaseListModel(cases, self)
        self.runner = runner or TaskRunner(self)

        self.search = _SearchBox()
        self.search.setClearButtonEnabled(True)
        self.search.setObjectName("caseSearch")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._debounce.start)
        self.search.returnPressed.connect(self.apply_search)

        self.filters = CaseFilterBar(services.catalogue.matters() if full else [],
                                     services.officers.all() if full else [], today)
        self.filters.changed.connect(self.apply_filters)
        self.saved = SavedFilterControls(SavedFilters.load(saved_filters_path, username=username))
        self.saved.chosen.connect(self.show_filter)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportCases")
        self._export = CaseExport(cases, self.runner, self)
        self.export_button.clicked.connect(self.export)
        self._export.exported.connect(self._on_exported)
        self.notice = QLabel()  # the last export, or a saved-filters file that could not be read
        self.notice.setObjectName("caseListNotice")
        self.notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._saved_errors = list(self.saved.store.errors)

        self.table = QTableView()
        self.view = self.table
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.activated.connect(self._on_activated)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        for column, width in enumerate((185, 210, 250, 130, 120, 200)):
            self.table.setColumnWidth(column, width)
        self._show_sort()

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.saved)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notice)
        self.setTabOrder(self.search, self.saved.combo)
        self.setTabOrder(self.export_button, self.filters.kind)
        self.setTabOrder(self.filters.clear_button, self.table)
        self._retranslate()

    # -- the filter ------------------------------------------------------------------------------
    def current_filter(self) -> CaseFilter:
        """What the widgets say now (the model may still show the previous one while typing)."""
        base = self.model.case_filter
        return self.filters.case_filter(replace(base, text=self.search.text().strip()))

    def apply_search(self) -> None:
        """Filter by the search text now (the debounce timer calls this after typing stops)."""
        self._debounce.stop()
        self._apply(self.current_filter())

    def apply_filters(self) -> None:
        self._apply(self.current_filter())

    def show_filter(self, flt: CaseFilter) -> None:
        """Put ``flt`` (a saved filter) into the widgets and show its cases (as far as the widgets
        can show it: what they cannot, such as an odd set of stages, is dropped, not kept hidden)."""
        self.filters.set_filter(flt)
        self.search.blockSignals(True)
        self.search.setText(flt.text)
        self.search.blockSignals(False)
        self._debounce.stop()
        self._apply(self.filters.case_filter(flt))

    def _apply(self, wanted: CaseFilter) -> None:
        if wanted != self.model.case_filter:
            self.model.set_filter(wanted)  # a UserError raised here goes to the crash handler's message
        self._show_sort()
        self.saved.show_current(self.model.case_filter)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        self.model.refresh()

    # -- sorting ---------------------------------------------------------------------------------
    def _on_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        if self.model.sortable(column) and not self.model.case_filter.text.strip():
            self.model.sort(column, order)
            self.saved.show_current(self.model.case_filter)
        self._show_sort()  # a column that cannot sort (or a search) puts the indicator back

    def _show_sort(self) -> None:
        header = self.table.horizontalHeader()
        column = self.model.sort_column()
        header.blockSignals(True)
        header.setSortIndicatorShown(column is not None)
        if column is not None:
            header.setSortIndicator(column, self.model.sort_order())
        header.blockSignals(False)

    # -- export and rows -------------------------------------------------------------------------
    def export(self) -> None:
        """Export every case matching the filter shown (not just the rows loaded so far)."""
        self.filters.apply_pending()
        self.apply_search()
        self._export.export(self.model.case_filter)

    def export_to(self, path: Path) -> None:
        self.filters.apply_pending()
        self.apply_search()
        self._export.export_to(self.model.case_filter, Path(path))

    def _on_exported(self, path: str, count: int) -> None:
        self._saved_errors.clear()
        self.notice.setText(self.tr("Exported {count} cases to {path}").format(count=count, path=path))
        self.exported.emit(path, count)

    def _on_activated(self, index: QModelIndex) -> None:
        row = index.data(CASE_ROW_ROLE)
        if row is not None:
            self.caseActivated.emit(row.uuid)

    # -- texts -----------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search by case number, party or matter (Ctrl+F)"))
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setToolTip(self.tr("Export every case matching the filter to an Excel workbook"))
        if self._saved_errors:
            self.notice.setText(self._saved_errors[0].message)
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
