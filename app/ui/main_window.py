"""The main window: area navigation on the left, the current area in the centre, and a status
bar naming the bureau, the number of cases and the database in use."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from app.config.settings import Settings
from app.services.cases import CaseFilter
from app.ui.cases.case_list_view import CaseListWidget

if TYPE_CHECKING:
    from app.services import Services

SETTINGS_NOTICE_MS = 15_000


def database_location(url: str) -> str:
    """A file path for SQLite (what an admin looks for), else the URL (password already hidden)."""
    scheme, sep, rest = url.partition(":///")
    return rest if sep and scheme.startswith("sqlite") else url


class MainWindow(QMainWindow):
    def __init__(self, services: Services, settings: Settings, log_path: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.settings = settings
        self.log_path = Path(log_path)
        self.database_location = database_location(services.database.url)
        self.setObjectName("mainWindow")
        self.resize(1280, 800)

        self.cases = CaseListWidget(services.cases)
        self.pages = QStackedWidget()
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.navigation.setMaximumWidth(220)
        self._nav_cases = self._add_area(self.cases)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.navigation)
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([160, 1120])
        self.setCentralWidget(splitter)

        self.bureau_label = QLabel()
        self.count_label = QLabel()
        self.database_label = QLabel()
        self.database_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for label in (self.bureau_label, self.count_label, self.database_label):
            label.setContentsMargins(6, 0, 12, 0)
        bar = self.statusBar()
        bar.addWidget(self.bureau_label)
        bar.addWidget(self.count_label)
        bar.addPermanentWidget(self.database_label)

        self._all_cases = 0
        self._matching: int | None = None  # None: no filter, the list shows every case
        self.cases.model.totalChanged.connect(self._on_total_changed)
        self._on_total_changed(self.cases.model.total())

        self.find_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        self.find_shortcut.activated.connect(self.show_case_search)
        self._retranslate()
        if settings.errors:  # each is in the log already; say so once, without a blocking dialog
            bar.showMessage(self.tr("Some settings were invalid and their defaults are used; see the log."),
                            SETTINGS_NOTICE_MS)

    def _add_area(self, page: QWidget) -> QListWidgetItem:
        self.pages.addWidget(page)
        item = QListWidgetItem()
        self.navigation.addItem(item)
        return item

    def show_case_search(self) -> None:
        self.navigation.setCurrentItem(self._nav_cases)
        self.cases.focus_search()

    def _on_total_changed(self, matching: int) -> None:
        model = self.cases.model
        filtered = model.case_filter != CaseFilter()
        self._all_cases = self.services.cases.count(CaseFilter()) if filtered else matching
        self._matching = matching if filtered else None
        self._update_count_label()

    def _update_count_label(self) -> None:
        if self._matching is None:
            text = self.tr("{count} cases").format(count=self._all_cases)
        else:
            text = self.tr("{matching} of {count} cases match").format(matching=self._matching,
                                                                      count=self._all_cases)
        self.count_label.setText(text)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Zhifa"))
        self._nav_cases.setText(self.tr("Cases"))
        self.bureau_label.setText(self.services.bureau_name)
        self.database_label.setText(self.tr("Database: {path}").format(path=self.database_location))
        self.database_label.setToolTip(self.tr("Log file: {path}").format(path=self.log_path))
        self._update_count_label()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
