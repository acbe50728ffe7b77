"""The evidence of one case (the upper part of the 证据 tab): a thumbnail grid (name, type, recorded
time, officer; double-click plays or opens), the rapid-test results of the items shown, and the
actions on the selected item: play/open, verify its hash, unlink it (with a reason), and export
the case's chain-of-custody report. Reads and writes run off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import Case
from app.domain.evidence import EvidenceItem, MediaKind
from app.domain.users import SignedIn
from app.ui.evidence.custody_export import CustodyExport
from app.ui.evidence.item_model import EvidenceListModel
from app.ui.evidence.player import MediaOpener
from app.ui.evidence.results_table import ResultsTable
from app.ui.evidence.thumbnails import Thumbnails
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services

ICON = QSize(120, 90)
GRID = QSize(ICON.width() + 44, ICON.height() + 58)  # the thumbnail and three lines of text


class UnlinkDialog(QDialog):
    """Why an item no longer belongs to the case (required: it goes into the chain of custody)."""

    def __init__(self, item_name: str, case_number: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unlinkDialog")
        self.setWindowTitle(self.tr("Unlink evidence"))
        self.question = QLabel(self.tr("Unlink {name} from case {number}? The file stays in the evidence store and "
                                       "returns to the evidence waiting for a case if no other case uses it.")
                               .format(name=item_name, number=case_number), wordWrap=True)
        self.caption = QLabel(self.tr("&Reason:"))
        self.reason = QPlainTextEdit(objectName="unlinkReason")
        self.reason.setTabChangesFocus(True)
        self.caption.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        for widget in (self.question, self.caption, self.reason, self.buttons):
            layout.addWidget(widget)
        self._update()

    def text(self) -> str:
        return self.reason.toPlainText().strip()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.text()))


class CaseEvidencePanel(QWidget):
    changed = Signal(str)  # the case uuid, after evidence was unlinked
    loaded = Signal()  # after each read of the case's evidence

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("caseEvidence")
        self.services, self.session = services, session
        self.evidence = services.evidence
        self.runner = TaskRunner(self)
        self.thumbnails = Thumbnails(self.evidence, self)
        self.model = EvidenceListModel(self.thumbnails, self)
        self.opener = MediaOpener(self.runner, self)
        self.exporter = CustodyExport(services, session, self.runner, self)
        self.exporter.exported.connect(lambda path: self.note.setText(
            self.tr("Custody report written to {path}").format(path=path)))
        self.case: Case | None = None
        self.dialog: QDialog | None = None

        self.caption = QLabel(objectName="evidenceCaption")
        self.grid = QListView(objectName="evidenceGrid")
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setWrapping(True)
        self.grid.setWordWrap(True)
        self.grid.setUniformItemSizes(True)
        self.grid.setIconSize(ICON)
        self.grid.setGridSize(GRID)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid.setModel(self.model)
        self.grid.selectionModel().selectionChanged.connect(lambda *_: self.update_buttons())
        self.grid.doubleClicked.connect(lambda _index: self.play())
        self.caption.setBuddy(self.grid)
        self.results_caption = QLabel()
        self.results = ResultsTable()
        self.results_box = QWidget()
        box = QVBoxLayout(self.results_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.results_caption)
        box.addWidget(self.results, 1)

        self.play_button = QPushButton(objectName="playEvidence")
        self.verify_button = QPushButton(objectName="verifyEvidence")
        self.unlink_button = QPushButton(objectName="unlinkEvidence")
        self.export_button = QPushButton(objectName="exportCustody")
        for button, slot in ((self.play_button, self.play), (self.verify_button, self.verify),
                             (self.unlink_button, self.unlink), (self.export_button, self.export_custody)):
            button.clicked.connect(slot)
        buttons = QHBoxLayout()
        for button in (self.play_button, self.verify_button, self.unlink_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        self.note = QLabel(wordWrap=True, objectName="evidenceNote")

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.grid)
        split.addWidget(self.results_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([GRID.height() + 12, 110])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.caption)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self.retranslate()

    # -- reading ---------------------------------------------------------------------------------
    def show_case(self, case: Case) -> None:
        self.case = case
        self.refresh()

    def refresh(self) -> None:
        if self.case is None:
            return
        evidence, case_uuid = self.evidence, self.case.uuid
        self.runner.run(self.tr("Reading the case's evidence"), lambda _p: evidence.case_items(case_uuid),
                        self._show, self.runner.failure_shown(self.tr("Evidence"), self.note), cancellable=False)

    def _show(self, items: list[EvidenceItem]) -> None:
        chosen = self.selected()
        self.model.set_items(items)
        self.results.set_items(items)
        self.results_box.setVisible(any(i.results for i in items))
        if not (chosen is not None and self.select(chosen.uuid)) and items:
            self.grid.setCurrentIndex(self.model.index(0))
        self.retranslate()
        self.loaded.emit()

    def showEvent(self, event: QShowEvent) -> None:
        """Evidence may have been linked in 设备 meanwhile: read again whenever the tab is shown."""
        super().showEvent(event)
        if self.case is not None and not self.runner.busy:
            self.refresh()

    def items(self) -> list[EvidenceItem]:
        return self.model.items

    def selected(self) -> EvidenceItem | None:
        rows = self.grid.selectionModel().selectedIndexes()
        return self.model.item_at(rows[0].row()) if rows else None

    def select(self, item_uuid: str) -> bool:
        for row, item in enumerate(self.model.items):
            if item.uuid == item_uuid:
                self.grid.setCurrentIndex(self.model.index(row))
                return True
        return False

    # -- actions ---------------------------------------------------------------------------------
    def play(self) -> None:
        item = self.selected()
        if item is not None:
            self.opener.open(item, self.evidence.file_path(item))

    def verify(self) -> None:
        item = self.selected()
        if item is None:
            return
        evidence, actor = self.evidence, self.session.actor
        self.runner.run(self.tr("Checking {name}").format(name=item.name),
                        lambda _p: evidence.verify_item(item.uuid, actor), lambda ok: self._verified(item, ok),
                        self.runner.failure_shown(self.tr("Verify evidence"), self.note))

    def _verified(self, item: EvidenceItem, ok: bool) -> None:
        if ok:
            self.note.setText(self.tr("{name} is intact: its SHA-256 matches the value recorded at import.")
                              .format(name=item.name))
            return
        text = self.tr("{name} no longer matches the SHA-256 recorded at import: the stored file was altered or "
                       "damaged. Tell the administrator; the original may still be on the device.").format(name=item.name)
        self.note.setText(text)
        QMessageBox.warning(self, self.tr("Verify evidence"), text)

    def unlink(self) -> UnlinkDialog | None:
        item, case = self.selected(), self.case
        if item is None or case is None:
            return None
        dialog = UnlinkDialog(item.name, case.number, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._unlink(item, case, dialog.text()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _unlink(self, item: EvidenceItem, case: Case, reason: str) -> None:
        evidence, actor = self.evidence, self.session.actor

        def done(_result: object) -> None:
            self.note.setText(self.tr("{name} was unlinked from this case.").format(name=item.name))
            self.refresh()
            self.changed.emit(case.uuid)

        self.runner.run(self.tr("Unlinking {name}").format(name=item.name),
                        lambda _p: evidence.unlink(item.uuid, case.uuid, actor, reason), done,
                        self.runner.failure_shown(self.tr("Unlink evidence"), self.note), cancellable=False)

    def export_custody(self) -> None:
        if self.case is not None:
            self.exporter.export(self.case)

    # -- texts -----------------------------------------------------------------------------------
    def update_buttons(self) -> None:
        item = self.selected()
        self.play_button.setEnabled(item is not None)
        self.verify_button.setEnabled(item is not None)
        self.unlink_button.setEnabled(item is not None)
        self.export_button.setEnabled(self.case is not None)
        media = item is not None and item.kind in (MediaKind.VIDEO, MediaKind.AUDIO)
        self.play_button.setText(self.tr("&Play") if media else self.tr("&Open"))

    def retranslate(self) -> None:
        count = len(self.model.items)
        self.caption.setText(self.tr("&Evidence files of this case ({count}):").format(count=count) if count
                             else self.tr("&Evidence files of this case: none linked yet. Imported files are linked "
                                          "in Devices › Evidence waiting for a case."))
        self.results_caption.setText(self.tr("Rapid-test results:"))
        self.verify_button.setText(self.tr("&Verify hash"))
        self.verify_button.setToolTip(self.tr("Read the stored file again and compare its SHA-256 with the record"))
        self.unlink_button.setText(self.tr("&Unlink…"))
        self.export_button.setText(self.tr("E&xport custody report…"))
        self.export_button.setToolTip(self.tr("The chain of custody of every file of this case, as PDF or xlsx"))
        self.model.retranslate()
        self.update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
