"""Sealing from the 文书 tab: "Seal…" for a generated document that is not final yet, when the person
signed in may use a seal (the seal is chosen when several; its PIN asked unless the OS keyring protects
the key); the service signs it in the background, logs the use and freezes the document. "Open sealed
file" opens the sealed PDF (or stamped .docx) of a sealed document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox, QPushButton

from app.domain.errors import UserError
from app.ui.documents import files
from app.ui.signing.pin_dialog import run_with_pin

if TYPE_CHECKING:
    from app.ui.case_view.documents_tab import CaseDocumentsTab


class SealActions(QObject):
    def __init__(self, tab: CaseDocumentsTab):
        super().__init__(tab)
        self.tab = tab
        self.seals = tab.services.seals
        self.seal_button = QPushButton(objectName="sealDocument")
        self.open_sealed_button = QPushButton(objectName="openSealed")
        self.seal_button.clicked.connect(self.seal)
        self.open_sealed_button.clicked.connect(self.open_sealed)
        self.usable: list[Any] = []  # the seals the person signed in may use
        self.sealed: dict[str, Any] = {}  # document uuid -> its seal usage
        self.why_not = ""
        self.retranslate()

    def refresh(self) -> None:
        """Read the seals and this case's seal uses again (the tab calls it when it refreshes)."""
        case = self.tab.case
        actor = self.tab.session.actor
        try:
            self.usable = [s for s in self.seals.seals() if self.seals.may_use(actor, s)]
            self.sealed = {u.document_uuid: u for u in self.seals.usage(case_uuid=case.uuid)} if case else {}
        except UserError as exc:
            self.usable, self.sealed = [], {}
            self.tab.note.setText(exc.message)

    def update(self) -> None:
        item = self.tab.selected_item()
        made = item is not None and item.record is not None and bool(item.record.current_version)
        sealed = item is not None and item.document_uuid in self.sealed
        self.open_sealed_button.setEnabled(sealed)
        self.open_sealed_button.setVisible(sealed)
        why = ""
        if made and not sealed and not item.frozen and not self.usable:  # type: ignore[union-attr]
            why = self.tr("You may not use any seal; the administrator decides who uses which seal.")
        self.why_not = why
        self.seal_button.setEnabled(made and not sealed and not item.frozen and bool(self.usable))  # type: ignore[union-attr]
        self.seal_button.setToolTip(why)

    # -- sealing -------------------------------------------------------------------------------
    def _choose_seal(self) -> Any | None:
        if len(self.usable) == 1:
            return self.usable[0]
        names = [s.name for s in self.usable]
        name, ok = QInputDialog.getItem(self.tab, self.tr("Seal"), self.tr("Which seal?"), names, 0, False)
        return self.usable[names.index(name)] if ok and name in names else None

    def seal(self) -> None:
        tab = self.tab
        item = tab.selected_item()
        if item is None or item.document_uuid is None or not self.seal_button.isEnabled():
            return
        seal = self._choose_seal()
        if seal is None:
            return
        answer = QMessageBox.question(tab, self.tr("Seal {name}").format(name=item.name), self.tr(
            "Seal {name} with {seal}? A sealed document is final: it can no longer be regenerated or "
            "edited.").format(name=item.name, seal=seal.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            needs_pin = self.seals.needs_pin(seal)
        except UserError as exc:
            QMessageBox.warning(tab, self.tr("Seal {name}").format(name=item.name), exc.message)
            return
        seals, actor, document_uuid = self.seals, tab.session.actor, item.document_uuid

        def failed(exc: BaseException) -> None:
            if isinstance(exc, UserError):
                tab.note.setText(exc.message)
                QMessageBox.warning(tab, self.tr("Seal {name}").format(name=item.name), exc.message)
                tab.refresh()
            else:
                tab.runner.default_failure(exc)

        started = run_with_pin(tab, tab.runner, title=self.tr("Sealing {name}").format(name=item.name),
                               prompt=self.tr("PIN of the seal {seal}:").format(seal=seal.name),
                               needs_pin=needs_pin,
                               work=lambda handler: seals.seal_document(actor, document_uuid, seal.uuid, handler),
                               on_success=lambda sealed: self._sealed(item, sealed), on_failure=failed)
        if started:
            tab.note.setText(self.tr("Sealing {name}…").format(name=item.name))

    def _sealed(self, item: Any, sealed: Any) -> None:
        tab = self.tab
        text = self.tr("{name} was sealed; it is final now. The sealed file is at {path}.").format(
            name=item.name, path=sealed.path)
        if sealed.signature_path is not None:
            text += " " + self.tr("Its signature is in {path}.").format(path=sealed.signature_path)
        tab.refresh()
        tab.note.setText(text)
        if tab.case is not None:
            tab.documents_changed.emit(tab.case.uuid)

    def open_sealed(self) -> None:
        item = self.tab.selected_item()
        if item is None or item.document_uuid not in self.sealed:
            return
        path = self.seals.sealed_path(self.sealed[item.document_uuid])
        if not files.open_file(path):
            QMessageBox.warning(self.tab, self.tr("Open sealed file"), self.tr(
                "No program to open this file was found. The sealed file is at {path}.").format(path=path))

    def retranslate(self) -> None:
        self.seal_button.setText(self.tr("&Seal…"))
        self.seal_button.setWhatsThis(self.tr("Signs the approved document with the bureau's seal; the sealed "
                                              "document is final."))
        self.open_sealed_button.setText(self.tr("Open sea&led file"))
