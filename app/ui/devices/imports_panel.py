"""导入记录: the imports made on this workstation, newest first (when, device, officer, who, what became
of the files, state), the log of the one selected, and Resume for an import that stopped half-way
(after a crash, an unplugged device, a full disk or a cancel): files already copied are not read
again. The resumed import shows its progress here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.evidence import ImportRecord, ImportState
from app.ui.case_view.texts import when
from app.ui.devices.progress_box import ProgressBox
from app.ui.evidence.labels import clock_offset_text, import_state_label
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.evidence import EvidenceService

UNFINISHED = QColor("#fff0c2")


class ImportsPanel(QWidget):
    resume_clicked = Signal(object)  # ImportRecord
    log_clicked = Signal(object)  # ImportRecord
    read = Signal(list)  # the records shown, after each read

    def __init__(self, evidence: EvidenceService, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("importsPanel")
        self.evidence = evidence
        self.runner = TaskRunner(self)
        self.records: list[ImportRecord] = []
        self.resuming: str = ""  # the import resumed from here, while it runs
        self.caption = QLabel(wordWrap=True, objectName="importsCaption")
        self.table = QTableWidget(0, 8, objectName="importsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.show_log())
        self.caption.setBuddy(self.table)
        self.resume_button = QPushButton(objectName="resumeImport")
        self.resume_button.clicked.connect(self.resume)
        self.log_button = QPushButton(objectName="showImportLog")
        self.log_button.clicked.connect(self.show_log)
        self.refresh_button = QPushButton(objectName="refreshImports")
        self.refresh_button.clicked.connect(self.refresh)
        self.progress = ProgressBox()
        self.note = QLabel(wordWrap=True, objectName="importsNote")
        buttons = QHBoxLayout()
        for button in (self.resume_button, self.log_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.note)
        self.retranslate()

    def refresh(self) -> None:
        evidence = self.evidence
        self.runner.run(self.tr("Reading the imports"), lambda _p: evidence.imports(), self._show,
                        self.runner.failure_shown(self.tr("Imports"), self.note), cancellable=False)

    def _show(self, records: list[ImportRecord]) -> None:
        chosen = self.selected()
        self.records = list(records)
        self.retranslate()
        if not (chosen is not None and self.select(chosen.uuid)) and self.records:
            self.table.selectRow(0)
        self.update_buttons()
        self.read.emit(self.records)

    def unfinished(self) -> list[ImportRecord]:
        return [r for r in self.records if r.state is not ImportState.DONE]

    def _fill(self) -> None:
        self.table.setRowCount(len(self.records))
        for row, r in enumerate(self.records):
            outcome = self.tr("{copied} copied, {duplicates} already imported, {refused} refused, {failed} failed"
                              ).format(copied=r.copied, duplicates=r.duplicates, refused=r.refused, failed=r.failed)
            texts = (when(r.started_at), r.device_serial or r.source, r.officer_no, r.actor_name,
                     str(r.files), outcome, clock_offset_text(r.clock_offset_s), import_state_label(r.state))
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if r.state is not ImportState.DONE:
                    cell.setBackground(QBrush(UNFINISHED))
                cell.setToolTip(r.source)
                self.table.setItem(row, column, cell)

    def selected(self) -> ImportRecord | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.records[rows[0].row()] if rows and rows[0].row() < len(self.records) else None

    def select(self, import_uuid: str) -> bool:
        for row, record in enumerate(self.records):
            if record.uuid == import_uuid:
                self.table.selectRow(row)
                return True
        return False

    def update_buttons(self) -> None:
        record = self.selected()
        self.resume_button.setEnabled(record is not None and record.state is not ImportState.DONE
                                      and not self.resuming)
        self.log_button.setEnabled(record is not None)

    def resume(self) -> None:
        record = self.selected()
        if record is not None and record.state is not ImportState.DONE and not self.resuming:
            self.resume_clicked.emit(record)

    def show_log(self) -> None:
        record = self.selected()
        if record is not None:
            self.log_clicked.emit(record)

    def retranslate(self) -> None:
        unfinished = len(self.unfinished())
        text = self.tr("&Imports made on this workstation ({count}):").format(count=len(self.records))
        if unfinished:
            text += " " + self.tr("{count} stopped half-way (highlighted): select one and resume it.").format(
                count=unfinished)
        self.caption.setText(text)
        self.table.setHorizontalHeaderLabels([self.tr("Started"), self.tr("Device"), self.tr("Officer no."),
                                              self.tr("Imported by"), self.tr("Files"), self.tr("Outcome"),
                                              self.tr("Device clock"), self.tr("State")])
        self.resume_button.setText(self.tr("&Resume"))
        self.resume_button.setToolTip(self.tr("Continue the stopped import where it stopped; the device (or "
                                              "folder) must be connected at the same place"))
        self.log_button.setText(self.tr("&Log…"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
