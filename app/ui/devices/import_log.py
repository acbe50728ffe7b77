"""The log of one import: every file listed on the device, what became of it (copied, already
imported, refused, failed, not yet copied) and why, with its SHA-256. Problems first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.evidence import FileOutcome, ImportFileRecord, ImportRecord
from app.ui.case_view.texts import when
from app.ui.devices.device_card import summary_text
from app.ui.evidence.labels import driver_label, outcome_label, size_text
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.evidence import EvidenceService

PROBLEM = QColor("#fde2e1")
NOTE = QColor("#fff0c2")
ORDER = {FileOutcome.FAILED: 0, FileOutcome.REFUSED: 1, FileOutcome.PENDING: 2, FileOutcome.DUPLICATE: 3,
         FileOutcome.COPIED: 4}


class ImportLogDialog(QDialog):
    def __init__(self, evidence: EvidenceService, record: ImportRecord, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importLog")
        self.evidence, self.record = evidence, record
        self.files: list[ImportFileRecord] = []
        self.runner = TaskRunner(self)
        self.heading = QLabel(wordWrap=True, objectName="importLogHeading")
        self.summary = QLabel(wordWrap=True, objectName="importLogSummary")
        self.warnings = QLabel(wordWrap=True, objectName="importWarnings")
        self.warnings.setStyleSheet("color: #b26a00;")
        self.warnings.setVisible(False)
        self.problems_only = QCheckBox(objectName="problemsOnly")
        self.problems_only.toggled.connect(lambda _on: self._fill())
        self.table = QTableWidget(0, 5, objectName="importLogTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.summary, self.warnings, self.problems_only):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 560)
        self.retranslate()
        self.runner.run(self.tr("Reading the import log"),
                        lambda _p: (evidence.files(record.uuid), evidence.warnings(record.uuid)), self._show,
                        self.runner.failure_shown(self.tr("Import log"), self.summary), cancellable=False)

    def _show(self, found: tuple[list[ImportFileRecord], list[str]]) -> None:
        files, warnings = found
        self.warnings.setText("\n".join(warnings))  # e.g. the device clock far off (already translated)
        self.warnings.setVisible(bool(warnings))
        self.files = sorted(files, key=lambda f: (ORDER.get(f.outcome, 5), f.index))
        self.problems_only.setChecked(any(f.outcome in (FileOutcome.FAILED, FileOutcome.REFUSED) for f in files))
        self._fill()

    def shown(self) -> list[ImportFileRecord]:
        if not self.problems_only.isChecked():
            return self.files
        return [f for f in self.files if f.outcome not in (FileOutcome.COPIED, FileOutcome.DUPLICATE)]

    def _fill(self) -> None:
        rows = self.shown()
        self.table.setRowCount(len(rows))
        for row, f in enumerate(rows):
            colour = PROBLEM if f.outcome in (FileOutcome.FAILED, FileOutcome.REFUSED) else (
                NOTE if f.outcome is FileOutcome.DUPLICATE else None)
            for column, text in enumerate((f.original_path, size_text(f.size), outcome_label(f.outcome), f.message,
                                           f.sha256)):
                cell = QTableWidgetItem(text)
                if colour is not None:
                    cell.setBackground(QBrush(colour))
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()

    def column_texts(self, column: int) -> list[str]:
        return [self.table.item(r, column).text() for r in range(self.table.rowCount())]

    def retranslate(self) -> None:
        r = self.record
        self.setWindowTitle(self.tr("Import log"))
        self.heading.setText(self.tr("{driver} {serial}, officer {officer}, started {when} by {actor}").format(
            driver=driver_label(r.driver) or r.driver, serial=r.device_serial, officer=r.officer_no or "-",
            when=when(r.started_at), actor=r.actor_name))
        self.summary.setText(summary_text(r))
        self.problems_only.setText(self.tr("Only files &not copied"))
        self.table.setHorizontalHeaderLabels([self.tr("File on the device"), self.tr("Size"), self.tr("Outcome"),
                                              self.tr("Message"), "SHA-256"])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self._fill()
        super().changeEvent(event)
