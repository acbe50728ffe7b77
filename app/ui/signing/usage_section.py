"""Settings → Seal usage log (用印登记): who used which seal, when, on which document of which case, and
the SHA-256 of the sealed file; newest first, read in the background when first shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import when
from app.ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from app.services import Services


class SealUsageSection(QGroupBox):
    def __init__(self, services: Services, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sealUsage")
        self.seals = services.seals
        self.runner = TaskRunner(self)
        self.lines: list[Any] = []
        self.table = TextTable(objectName="sealUsageTable")
        self.table.setMinimumHeight(200)
        self.reload_button = QPushButton(objectName="reloadSealUsage")
        self.reload_button.clicked.connect(self.reload)
        self.summary = QLabel(objectName="sealUsageSummary")
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.reload_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(bottom)
        self._retranslate()
        self._read = False

    def reload(self) -> None:
        self._read = True
        seals = self.seals

        def work(progress: Progress) -> list[Any]:
            return seals.usage_log()

        self.runner.run(self.tr("Reading the seal usage log"), work, self._show,
                        self.runner.failure_shown(self.tr("Seal usage log"), self.summary))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._read:
            self.reload()

    def _show(self, lines: list[Any]) -> None:
        self.lines = lines
        self._fill()

    def _fill(self) -> None:
        self.table.set_rows([[when(line.at), line.seal, line.user, line.document, line.number, line.case_number,
                              line.format.upper(), line.sealed_sha256[:16]] for line in self.lines])
        for row, line in enumerate(self.lines):
            self.table.item(row, 7).setToolTip(line.sealed_sha256)
        self.summary.setText(self.tr("{count} use(s) shown, newest first.").format(count=len(self.lines)))

    def _retranslate(self) -> None:
        self.setTitle(self.tr("Seal usage log"))
        self.table.set_headers([self.tr("When"), self.tr("Seal"), self.tr("By"), self.tr("Document"),
                                self.tr("Number"), self.tr("Case"), self.tr("File"), self.tr("SHA-256")])
        self.reload_button.setText(self.tr("Re&load log"))
        if self.lines:
            self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
