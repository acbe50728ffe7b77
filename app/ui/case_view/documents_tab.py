"""文书: the documents of the case — those made (with their 文号, version and state) and those its
stage can make now — and what can be done with the one selected: generate, open in Word/WPS,
preview, print, its versions; and the export of the whole case file (卷宗).

Edits made in Word/WPS are looked for whenever the tab is shown and whenever its window becomes
active again (the user is back from Word); each one found is said in the notice bar above the list.
All file and PDF work runs through the task runner."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.errors import UserError
from app.domain.users import SignedIn
from app.services.documents.policy import WRITERS
from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import when
from app.ui.documents.actions import DocumentActions
from app.ui.documents.labels import state_label
from app.ui.labels import stage_label
from app.ui.signing.seal_actions import SealActions
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services
    from app.services.documents import DocumentItem, EditNotice

REACTIVATION_PAUSE_S = 1.0  # a window re-activated this soon after a check (a closed message box) is not rechecked


def item_state(item: DocumentItem, origin: str) -> str:
    """pending / generated / edited / frozen, from the item and the origin of its latest version."""
    if item.frozen:
        return "frozen"
    if item.record is None or not item.record.current_version:
        return "pending"
    return "edited" if origin == "edited" else "generated"


class CaseDocumentsTab(QWidget):
    documents_changed = Signal(str)  # the case uuid, after a version was added (generated or edited)

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("caseDocuments")
        self.services, self.session = services, session
        self.documents = services.documents
        self.runner = TaskRunner(self)
        self.actions = DocumentActions(self)
        self.sealing = SealActions(self)  # Seal…, Open sealed file
        self.items: list[DocumentItem] = []
        self.states: list[str] = []
        self.notices: list[EditNotice] = []
        self._case: Any | None = None
        self._checking = self._check_again = False
        self._last_check = 0.0
        self.has_converter = self.documents.converter is not None
        self.may_write = session.role in WRITERS

        self.banner = QWidget(objectName="editNoticeBar")
        self.banner.setStyleSheet("#editNoticeBar { background: #fff4d6; border: 1px solid #e0c070; }")
        self.banner_text = QLabel(wordWrap=True, objectName="editNotices")
        self.hide_banner = QPushButton(objectName="hideNotices")
        self.hide_banner.clicked.connect(self.clear_notices)
        bar = QHBoxLayout(self.banner)
        bar.addWidget(self.banner_text, 1)
        bar.addWidget(self.hide_banner)
        self.banner.setVisible(False)
        self.caption = QLabel()
        self.note = QLabel(wordWrap=True, objectName="documentNote")
        self.table = TextTable(objectName="documentsTable")
        self.caption.setBuddy(self.table)
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.table.doubleClicked.connect(self._activated)

        self.generate_button = QPushButton(objectName="generateDocument")
        self.another_button = QPushButton(objectName="anotherDocument")
        self.open_button = QPushButton(objectName="openDocument")
        self.preview_button = QPushButton(objectName="previewDocument")
        self.print_button = QPushButton(objectName="printDocument")
        self.versions_button = QPushButton(objectName="documentVersions")
        self.export_button = QPushButton(objectName="exportDossier")
        actions = self.actions
        for button, slot in ((self.generate_button, actions.generate), (self.another_button, actions.generate_another),
                             (self.open_button, actions.open_in_word),
                             (self.preview_button, actions.preview), (self.print_button, actions.print_document),
                             (self.versions_button, actions.show_versions),
                             (self.export_button, actions.export_dossier)):
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        for button in (self.generate_button, self.another_button, self.open_button, self.preview_button,
                       self.print_button, self.versions_button, self.sealing.seal_button,
                       self.sealing.open_sealed_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        self.why = QLabel(wordWrap=True, objectName="documentWhyNot")
        self.why.setStyleSheet("color: #6a6a6a;")

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.caption)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.why)
        layout.addWidget(self.note)
        self.retranslate()

    # -- reading -------------------------------------------------------------------------------
    @property
    def case(self) -> Any | None:
        return self._case

    def show_case(self, case: Any, history: Sequence[Any] = ()) -> None:
        self._case = case
        self.refresh()

    def refresh(self) -> None:
        """Read the case's documents again, keeping the selected one selected."""
        if self._case is None:
            return
        chosen = self.selected_item()
        key = (chosen.code, chosen.document_uuid) if chosen else None
        try:
            self.items = self.documents.list_for_case(self._case.uuid)
        except UserError as exc:  # e.g. a bureau catalogue that cannot be read: say it, keep the tab usable
            self.items = []
            self.note.setText(exc.message)
        self.states = [item_state(item, self._latest_origin(item)) for item in self.items]
        self.sealing.refresh()
        self._fill()
        if key is not None:
            self.select(*key)
        self.update_buttons()

    def _latest_origin(self, item: DocumentItem) -> str:
        if item.record is None or not item.record.current_version or item.frozen:
            return ""
        versions = self.documents.versions(item.record.uuid)
        return versions[-1].origin if versions else ""

    def _number_text(self, item: DocumentItem) -> str:
        if item.record is not None and item.record.number:
            return item.record.number
        try:
            t = self.documents.doc_type(item.code)
        except UserError:  # a type the bureau removed
            return ""
        if not t.number_series:
            return ""
        return self.tr("(given on approval)") if t.approvals else self.tr("(given when generated)")

    def _fill(self) -> None:
        rows, tooltips = [], []
        for item, state in zip(self.items, self.states, strict=True):
            record = item.record
            rows.append([item.name, stage_label(item.stage) if item.stage else "", self._number_text(item),
                         str(record.current_version) if record and record.current_version else "",
                         state_label(state), when(record.updated_at) if record else ""])
            tooltips.append(self._frozen_text(item) if item.frozen else "")
        self.table.set_rows(rows, tooltips, greyed=[s == "pending" for s in self.states])

    def selected_item(self) -> DocumentItem | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.items[rows[0].row()] if rows and rows[0].row() < len(self.items) else None

    def selected_state(self) -> str:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.states[rows[0].row()] if rows and rows[0].row() < len(self.states) else ""

    def select(self, code: str, document_uuid: str | None = None) -> bool:
        for row, item in enumerate(self.items):
            if item.code == code and (document_uuid is None or item.document_uuid in (document_uuid, None)):
                self.table.selectRow(row)
                return True
        return False

    def row_of(self, code: str) -> list[str]:
        for row, item in enumerate(self.items):
            if item.code == code:
                return [self.table.item(row, c).text() for c in range(self.table.columnCount())]
        raise KeyError(code)

    # -- buttons -------------------------------------------------------------------------------
    def _frozen_text(self, item: DocumentItem) -> str:
        reason = item.record.frozen_reason if item.record is not None else ""
        text = self.tr("{name} is final (served, signed or its step taken) and can no longer change; its "
                       "versions can still be read.")
        return text.format(name=item.name) + (f"（{reason}）" if reason else "")

    def update_buttons(self) -> None:
        item, state = self.selected_item(), self.selected_state()
        made = item is not None and item.record is not None and bool(item.record.current_version)
        writable = item is not None and self.may_write and not item.frozen
        self.generate_button.setEnabled(writable and item.generatable)
        self.generate_button.setText(self.tr("Re&generate") if made else self.tr("&Generate"))
        self.open_button.setEnabled(writable and made)
        self.another_button.setEnabled(writable and made and item.repeatable)  # type: ignore[union-attr]
        self.preview_button.setEnabled(made and self.has_converter)
        self.print_button.setEnabled(made and self.has_converter)
        self.versions_button.setEnabled(made)
        self.export_button.setEnabled(any(i.record is not None and i.record.current_version for i in self.items))
        self.sealing.update()
        why = ""
        if item is not None and item.frozen:
            why = self._frozen_text(item)
        elif item is not None and not self.may_write:
            why = self.tr("Your role does not generate or edit documents.")
        elif made and not self.has_converter:
            why = self.tr("Preview and printing need LibreOffice, which is not installed on this computer.")
        elif state == "edited":
            why = self.tr("The current version was edited in Word/WPS; regenerating makes a new version from "
                          "the case data (the edited one is kept).")
        self.why.setText(why)
        for button in (self.generate_button, self.open_button):
            button.setToolTip(why if item is not None and (item.frozen or not self.may_write) else "")
        missing = "" if self.has_converter else self.tr("Preview and printing need LibreOffice, which is not "
                                                        "installed on this computer.")
        self.preview_button.setToolTip(missing)
        self.print_button.setToolTip(missing)

    def _activated(self) -> None:
        if self.open_button.isEnabled():
            self.actions.open_in_word()
        elif self.versions_button.isEnabled():
            self.actions.show_versions()

    # -- edits made in Word/WPS ----------------------------------------------------------------
    def check_edits(self) -> None:
        """Record the edits made to working copies (in the background) and say what was found."""
        if self._case is None:
            return
        if self._checking:
            self._check_again = True
            return
        self._checking = True
        documents, actor, case_uuid = self.documents, self.session.actor, self._case.uuid
        self.runner.run(self.tr("Looking for edits made in Word/WPS"),
                        lambda progress: documents.check_edits(actor, case_uuid), self._edits_checked,
                        self._edits_failed, cancellable=False)

    def _edits_checked(self, notices: list[EditNotice]) -> None:
        self._check_done()
        if notices:
            self.show_notices(notices)
            self.refresh()
            if any(n.outcome == "recorded" for n in notices):
                self.documents_changed.emit(self._case.uuid)
        self._check_next()

    def _edits_failed(self, exc: BaseException) -> None:
        self._check_done()
        if isinstance(exc, UserError):
            self.note.setText(exc.message)
        else:
            self.runner.default_failure(exc)
        self._check_next()

    def _check_done(self) -> None:
        self._checking = False
        self._last_check = time.monotonic()

    def _check_next(self) -> None:
        if self._check_again:
            self._check_again = False
            self.check_edits()

    def notice_text(self, notice: EditNotice) -> str:
        if notice.outcome == "recorded":
            return self.tr("The changes made to {name} in Word/WPS were recorded as version {version}.").format(
                name=notice.name, version=notice.version)
        if notice.outcome == "frozen":
            return self.tr("{name} was changed in Word/WPS, but it is final: the changes were not recorded and "
                           "the document stays as it was.").format(name=notice.name)
        return self.tr("{name} was changed in Word/WPS but cannot be read yet. Save and close it there; the "
                       "changes are recorded when you come back.").format(name=notice.name)

    def show_notices(self, notices: list[EditNotice]) -> None:
        self.notices = list(notices)
        self.banner_text.setText("\n".join(self.notice_text(n) for n in self.notices))
        self.banner.setVisible(bool(self.notices))

    def clear_notices(self) -> None:
        self.show_notices([])
        self.table.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.check_edits()

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.WindowActivate and self.isVisible()
                and time.monotonic() - self._last_check > REACTIVATION_PAUSE_S):
            self.check_edits()
        return super().event(event)

    # -- texts ---------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.caption.setText(self.tr("Documents of &this case and those its stage can make now:"))
        self.table.set_headers([self.tr("Document"), self.tr("Stage"), self.tr("Number"), self.tr("Version"),
                                self.tr("State"), self.tr("Last change")])
        self.open_button.setText(self.tr("&Open in Word/WPS"))
        self.another_button.setText(self.tr("&Another one"))
        self.another_button.setToolTip(self.tr("A further record of this kind (another witness, another site)"))
        self.preview_button.setText(self.tr("Pre&view"))
        self.print_button.setText(self.tr("&Print…"))
        self.versions_button.setText(self.tr("Versio&ns…"))
        self.export_button.setText(self.tr("Export &case file…"))
        self.hide_banner.setText(self.tr("&Hide"))
        self.sealing.retranslate()
        self.open_button.setWhatsThis(self.tr("Opens a working copy; what you save there is recorded as a new "
                                              "version when you come back to Zhifa."))
        if self.notices:
            self.show_notices(self.notices)
        if self._case is not None:
            self._fill()
        self.update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
