"""Settings → Document templates (administrators, bureau heads): every document type of the
catalogue, its volume and 文号 series, and whether the shipped template or the bureau's own is in
force. A template is exported as .docx to edit in Word/WPS and imported back — checked first: a
refused file changes nothing and the reason is shown — or reset to the shipped one."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QStandardPaths, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.users import SignedIn
from app.services.documents.policy import REGISTRARS, safe_name
from app.ui.case_view.table import TextTable
from app.ui.documents.labels import volume_label
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services


class TemplatesSection(QGroupBox):
    changed = Signal(str)  # the document code whose template was imported or reset

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("templatesSection")
        self.documents, self.session = services.documents, session
        self.runner = TaskRunner(self)
        self.types: list[Any] = []
        self._folder: Path | None = None

        self.intro = QLabel(wordWrap=True)
        self.table = TextTable(objectName="templatesTable")
        self.table.setMinimumHeight(260)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.export_button = QPushButton(objectName="exportTemplate")
        self.import_button = QPushButton(objectName="importTemplate")
        self.reset_button = QPushButton(objectName="resetTemplate")
        self.export_button.clicked.connect(self.export_selected)
        self.import_button.clicked.connect(self.import_selected)
        self.reset_button.clicked.connect(self.reset_selected)
        buttons = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.reset_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.note = QLabel(wordWrap=True, objectName="templatesNote")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self._retranslate()
        self.reload()

    # -- table ---------------------------------------------------------------------------------
    def reload(self) -> None:
        chosen = self.selected_type()
        try:
            self.types = list(self.documents.catalogue.types)
        except UserError as exc:
            self.types = []
            self.note.setText(exc.message)
        self._fill()
        if chosen is not None:
            self.select(chosen.code)
        elif self.types:
            self.table.selectRow(0)
        self._update_buttons()

    def _fill(self) -> None:
        library = self.documents.library
        rows = [[t.code, t.name, volume_label(t.volume), t.number_series,
                 self.tr("Bureau's own") if library.overridden(t) else self.tr("Shipped")] for t in self.types]
        self.table.set_rows(rows)

    def select(self, code: str) -> None:
        for row, t in enumerate(self.types):
            if t.code == code:
                self.table.selectRow(row)

    def selected_type(self) -> Any | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.types[rows[0].row()] if rows and rows[0].row() < len(self.types) else None

    def _update_buttons(self) -> None:
        t = self.selected_type()
        allowed = self.session.role in REGISTRARS and not self.runner.busy
        self.export_button.setEnabled(t is not None and not self.runner.busy)
        self.import_button.setEnabled(t is not None and allowed)
        self.reset_button.setEnabled(t is not None and allowed and self.documents.library.overridden(t))

    # -- acting --------------------------------------------------------------------------------
    def _start_folder(self) -> Path:
        return self._folder or Path(QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())

    def export_selected(self) -> None:
        t = self.selected_type()
        if t is None:
            return
        suggested = self._start_folder() / f"{t.code}-{safe_name(t.name)}.docx"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export template"), str(suggested),
                                              self.tr("Word document (*.docx)"))
        if name:
            path = Path(name)
            self.export_to(t.code, path if path.suffix.lower() == ".docx" else path.with_name(path.name + ".docx"))

    def export_to(self, code: str, path: Path) -> None:
        documents = self.documents
        self._folder = path.parent
        self.runner.run(self.tr("Exporting the template"), lambda progress: documents.export_template(code, path),
                        lambda written: self._finished(self.tr("Template written to {path}. Edit it in Word/WPS and "
                                                               "import it back.").format(path=written)),
                        self._failed(self.tr("Export template")), cancellable=False)
        self._update_buttons()

    def import_selected(self) -> None:
        t = self.selected_type()
        if t is None:
            return
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import template for {name}").format(name=t.name),
                                              str(self._start_folder()), self.tr("Word document (*.docx)"))
        if name:
            self.import_from(t.code, Path(name))

    def import_from(self, code: str, path: Path) -> None:
        documents, actor = self.documents, self.session.actor
        self._folder = path.parent
        name = self.documents.doc_type(code).name

        def done(_result: object) -> None:
            self._finished(self.tr("{name} now uses the bureau's own template.").format(name=name))
            self.changed.emit(code)

        self.runner.run(self.tr("Checking the template"), lambda progress: documents.import_template(actor, code, path),
                        done, self._failed(self.tr("Template refused")), cancellable=False)
        self._update_buttons()

    def reset_selected(self) -> None:
        t = self.selected_type()
        if t is None:
            return
        answer = QMessageBox.question(self, self.tr("Reset template"), self.tr(
            "Use the shipped template for {name} again? The bureau's own template is removed.").format(name=t.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.documents.reset_template(self.session.actor, t.code)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Reset template"), exc.message)
            return
        self.note.setText(self.tr("{name} uses the shipped template again.").format(name=t.name))
        self.reload()
        self.changed.emit(t.code)

    def _finished(self, text: str) -> None:
        self.note.setText(text)
        self.reload()

    def _failed(self, title: str):
        return self.runner.failure_shown(title, self.note, self._update_buttons)

    # -- texts ---------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setTitle(self.tr("Document templates"))
        self.intro.setText(self.tr("Each document type is made from the shipped template unless the bureau "
                                   "imported its own. Export a template, edit it in Word/WPS keeping its "
                                   "{{ fields }}, and import it back; it is checked before it is used."))
        self.table.set_headers([self.tr("Code"), self.tr("Document"), self.tr("Volume"), self.tr("Number series"),
                                self.tr("Template")])
        self.export_button.setText(self.tr("E&xport template…"))
        self.import_button.setText(self.tr("I&mport template…"))
        self.reset_button.setText(self.tr("Reset to the shipped &template"))
        if self.types:
            self._fill()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
