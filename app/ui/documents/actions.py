"""What the documents tab does with the selected document: generate (or regenerate), open a working
copy in Word/WPS, preview and print its PDF, show its versions, and export the case file. Slow
steps (rendering, LibreOffice, pdfium) run through the tab's task runner; refusals from the
services (missing fields, a frozen document) are shown with the message they carry."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QMessageBox

from app.domain.errors import UserCancelled, UserError
from app.ui.documents import files
from app.ui.documents.dossier_dialog import DossierDialog
from app.ui.documents.inputs_dialog import DocumentInputsDialog
from app.ui.documents.preview_dialog import PreviewDialog
from app.ui.documents.printing import PdfPrinting
from app.ui.documents.versions_dialog import VersionsDialog
from app.ui.tasks import Progress

if TYPE_CHECKING:
    from app.services.documents import DocumentItem, Generated
    from app.ui.case_view.documents_tab import CaseDocumentsTab


class DocumentActions(QObject):
    def __init__(self, tab: CaseDocumentsTab):
        super().__init__(tab)
        self.tab = tab
        self.dialog: QDialog | None = None  # the dialog opened last (preview, versions, export)
        self.printing: PdfPrinting | None = None

    @property
    def documents(self) -> Any:
        return self.tab.documents

    def _printing(self) -> PdfPrinting:
        if self.printing is None:
            self.printing = PdfPrinting(self.documents, self.tab.runner, self.tab)
            self.printing.printed.connect(lambda pages: self.tab.note.setText(
                self.tr("{pages} page(s) sent to the printer.").format(pages=pages)))
        return self.printing

    def _failure(self, title: str) -> Callable[[BaseException], None]:
        def shown(exc: BaseException) -> None:
            if isinstance(exc, UserCancelled):
                return
            if isinstance(exc, UserError):
                QMessageBox.warning(self.tab, title, exc.message)
                self.tab.refresh()
            else:
                self.tab.runner.default_failure(exc)
        return shown

    def _open_dialog(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _result, d=dialog: self._dialog_closed(d))
        dialog.open()
        return dialog

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # -- generating ----------------------------------------------------------------------------
    def generate(self) -> None:
        tab = self.tab
        item, case = tab.selected_item(), tab.case
        if item is None or case is None or not tab.generate_button.isEnabled():
            return
        if tab.selected_state() == "edited":
            answer = QMessageBox.question(tab, self.tr("Regenerate {name}").format(name=item.name), self.tr(
                "The current version of {name} was edited in Word/WPS. Regenerate it from the case data? The "
                "edited version is kept among its versions.").format(name=item.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            fields = self.documents.input_fields(case.uuid, item.code, item.document_uuid)
        except UserError as exc:
            QMessageBox.warning(tab, self.tr("Cannot generate {name}").format(name=item.name), exc.message)
            return
        if not fields:
            self._start_generation(item, {})
            return

        def submit(values: Mapping[str, str]) -> None:
            self._start_generation(item, self.documents.check_inputs(values))  # a wrong value keeps it open

        self._open_dialog(DocumentInputsDialog(item.name, fields, submit, tab))

    def generate_another(self) -> None:
        """A further record of a repeatable kind (a second 询问笔录), asking for its own input fields."""
        tab = self.tab
        item, case = tab.selected_item(), tab.case
        if item is None or case is None or not tab.another_button.isEnabled():
            return
        fields = self.documents.input_fields(case.uuid, item.code)
        if not fields:
            self._start_generation(item, {}, another=True)
            return
        self._open_dialog(DocumentInputsDialog(item.name, fields, lambda values: self._start_generation(
            item, self.documents.check_inputs(values), another=True), tab))

    def _start_generation(self, item: DocumentItem, inputs: Mapping[str, str], another: bool = False) -> None:
        tab, case = self.tab, self.tab.case
        if case is None:
            return
        documents, actor = self.documents, tab.session.actor
        code, document_uuid, case_uuid = item.code, item.document_uuid, case.uuid

        def work(progress: Progress) -> Generated:
            if another:
                return documents.generate_new(actor, case_uuid, code, inputs)
            return documents.generate(actor, case_uuid, code, document_uuid, inputs)

        tab.note.setText(self.tr("Generating {name}…").format(name=item.name))
        tab.runner.run(self.tr("Generating {name}").format(name=item.name), work,
                       lambda result: self._generated(item, result),
                       self._generate_failed(item), cancellable=False)

    def _generate_failed(self, item: DocumentItem) -> Callable[[BaseException], None]:
        shown = self._failure(self.tr("Cannot generate {name}").format(name=item.name))

        def failed(exc: BaseException) -> None:
            self.tab.note.clear()
            shown(exc)
        return failed

    def _generated(self, item: DocumentItem, result: Generated) -> None:
        tab = self.tab
        number = f"（{result.record.number}）" if result.record.number else ""
        if result.changed:
            text = self.tr("{name}{number}: version {version} generated.")
        else:
            text = self.tr("{name}{number}: nothing changed since version {version}, no new version was made.")
        tab.note.setText(text.format(name=item.name, number=number, version=result.version.version))
        tab.refresh()
        tab.select(item.code, result.record.uuid)
        if result.changed:
            tab.documents_changed.emit(result.record.case_uuid)

    # -- opening -------------------------------------------------------------------------------
    def open_in_word(self) -> None:
        tab = self.tab
        item = tab.selected_item()
        if item is None or item.document_uuid is None or not tab.open_button.isEnabled():
            return
        documents, document_uuid = self.documents, item.document_uuid
        tab.runner.run(self.tr("Opening {name}").format(name=item.name),
                       lambda progress: documents.working_copy(document_uuid),
                       lambda path: self._opened(item, path), self._failure(self.tr("Open in Word/WPS")))

    def _opened(self, item: DocumentItem, path: Path) -> None:
        if files.open_file(path):
            self.tab.note.setText(self.tr("{name} is open in Word/WPS. Save your changes there: they are recorded "
                                          "as a new version when you come back to Zhifa.").format(name=item.name))
        else:
            QMessageBox.warning(self.tab, self.tr("Open in Word/WPS"), self.tr(
                "No program to open Word documents was found. The working copy is at {path}.").format(path=path))

    def show_versions(self) -> None:
        item = self.tab.selected_item()
        if item is None or item.document_uuid is None:
            return
        number = item.record.number if item.record is not None else ""
        self._open_dialog(VersionsDialog(self.documents, item.document_uuid, item.name, number, self.tab))

    # -- PDF -----------------------------------------------------------------------------------
    def preview(self) -> None:
        tab = self.tab
        item = tab.selected_item()
        if item is None or item.document_uuid is None or not tab.preview_button.isEnabled():
            return
        documents, document_uuid = self.documents, item.document_uuid
        text, converting = self.tr("Rendering page {done} of {total}…"), self.tr("Converting to PDF…")

        def work(progress: Progress) -> tuple[Path, list]:
            progress.report(0, None, converting)
            pdf = documents.pdf(document_uuid)
            return pdf, files.render_pages(documents, pdf, progress, text)

        tab.runner.run(self.tr("Preview of {name}").format(name=item.name), work,
                       lambda result: self._show_preview(item, *result), self._failure(self.tr("Preview")))

    def _show_preview(self, item: DocumentItem, pdf: Path, images: list) -> None:
        self._open_dialog(PreviewDialog(item.name, pdf, images, self._printing().print_pdf, self.tab))

    def print_document(self) -> None:
        tab = self.tab
        item = tab.selected_item()
        if item is None or item.document_uuid is None or not tab.print_button.isEnabled():
            return
        documents, document_uuid = self.documents, item.document_uuid
        tab.runner.run(self.tr("Preparing {name} for printing").format(name=item.name),
                       lambda progress: documents.pdf(document_uuid),
                       lambda pdf: self._printing().print_pdf(pdf, item.name), self._failure(self.tr("Print")))

    # -- the case file -------------------------------------------------------------------------
    def export_dossier(self) -> DossierDialog | None:
        tab = self.tab
        if tab.case is None or not tab.export_button.isEnabled():
            return None
        dialog = DossierDialog(tab.services, tab.session, tab.case, tab)
        self._open_dialog(dialog)
        return dialog
