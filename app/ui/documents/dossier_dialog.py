"""Export the 卷宗 (case file) of a case: pick a folder, bind in the background (progress, Cancel),
then say what was written: one PDF per volume and a zip of the original files — or, without a PDF
converter (LibreOffice), the zip alone."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserCancelled, UserError
from app.domain.users import SignedIn
from app.ui.documents import files
from app.ui.documents.labels import dossier_step_label
from app.ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from app.services import Services


class DossierDialog(QDialog):
    exported = Signal(object)  # the DossierResult

    def __init__(self, services: Services, session: SignedIn, case: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dossierExport")
        self.services, self.session, self.case = services, session, case
        self.runner = TaskRunner(self)
        self.result: Any | None = None
        self.converter_missing = services.documents.converter is None

        self.intro = QLabel(wordWrap=True)
        self.folder_caption = QLabel()
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.folder = QLineEdit(documents or str(Path.home()), objectName="dossierFolder")
        self.folder.textChanged.connect(self._update_buttons)
        self.folder_caption.setBuddy(self.folder)
        self.browse_button = QPushButton(objectName="browseFolder")
        self.browse_button.clicked.connect(self.browse)
        self.folder_dialog: QFileDialog | None = None
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse_button)
        self.warning = QLabel(wordWrap=True, objectName="converterMissing")
        self.warning.setStyleSheet("color: #9a5b00;")
        self.warning.setVisible(self.converter_missing)
        self.outcome = QLabel(wordWrap=True, objectName="dossierOutcome")
        self.outcome.setTextFormat(Qt.TextFormat.PlainText)
        self.export_button = QPushButton(objectName="startDossierExport")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.open_folder_button = QPushButton(objectName="openDossierFolder")
        self.open_folder_button.clicked.connect(self.open_folder)
        self.open_folder_button.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.folder_caption)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        layout.addWidget(self.outcome)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(620, 300)
        self.retranslate()

    # -- acting --------------------------------------------------------------------------------
    def browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Folder for the case file"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        self.folder_dialog = dialog
        dialog.open()

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(bool(self.folder.text().strip()) and not self.runner.busy)

    def export(self) -> None:
        text = self.folder.text().strip()
        if not text or self.runner.busy:
            return
        folder = Path(text)
        dossiers, actor, case_uuid = self.services.dossiers, self.session.actor, self.case.uuid

        def work(progress: Progress) -> Any:
            def report(done: int, total: int, step: str) -> None:
                progress.report(done, total, dossier_step_label(step))

            return dossiers.export(actor, case_uuid, folder, progress=report, cancelled=lambda: progress.cancelled)

        self.outcome.setText(self.tr("Binding the case file…"))
        self.export_button.setEnabled(False)
        self.runner.run(self.tr("Exporting the case file of {number}").format(number=self.case.number), work,
                        self._done, self._failed)

    def _done(self, result: Any) -> None:
        self.result = result
        self.outcome.setText(self.result_text(result))
        self.open_folder_button.setVisible(True)
        self._update_buttons()
        self.exported.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, UserCancelled):
            self.outcome.setText(self.tr("Cancelled: nothing was written."))
        elif isinstance(exc, UserError):
            self.outcome.setText(self.tr("The case file could not be exported: {reason}").format(reason=exc.message))
        else:
            self.outcome.clear()
            self.runner.default_failure(exc)

    def open_folder(self) -> None:
        if self.result is not None:
            files.open_file(Path(self.result.archive).parent)

    # -- texts ---------------------------------------------------------------------------------
    def result_text(self, result: Any) -> str:
        lines = [self.tr("The case file of {number} was exported ({count} documents).").format(
            number=self.case.number, count=result.documents)]
        for path in result.volumes:
            lines.append(self.tr("• {file}").format(file=Path(path).name))
        if result.pages:
            lines.append(self.tr("Pages: {pages}").format(
                pages="、".join(f"{name} {count}" for name, count in result.pages.items())))
        lines.append(self.tr("• {file} (the original files with their SHA-256)").format(
            file=Path(result.archive).name))
        if result.pdf_skipped:
            lines.append(self.tr("No PDF converter (LibreOffice) is installed, so no PDF volumes were made: "
                                 "only the zip of the original files was written. Install LibreOffice and "
                                 "export again for the bound PDFs."))
        lines.append(self.tr("Folder: {folder}").format(folder=Path(result.archive).parent))
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export the case file of {number}").format(number=self.case.number))
        self.intro.setText(self.tr("The case file (卷宗) is bound in the order of its volumes: cover, table of "
                                   "contents with page numbers, the documents, the evidence list and the "
                                   "reference sheet, one PDF per volume, with a zip of the original files."))
        self.folder_caption.setText(self.tr("&Folder:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.warning.setText(self.tr("No PDF converter (LibreOffice) is installed: only the zip of the original "
                                     "files will be written."))
        self.export_button.setText(self.tr("&Export"))
        self.open_folder_button.setText(self.tr("&Open folder"))
        if self.result is not None:
            self.outcome.setText(self.result_text(self.result))
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
