"""待关联证据: imported evidence not yet linked to a case. Each row shows the file (thumbnail), its
type, device, officer, recording time and how long it has waited; rows waiting longer than the
bureau's limit are highlighted. For the selected files: the cases Zhifa proposes (by officer number
and time window) with the reasons; confirm one, or pick cases by number (ticking several links the
same files to each: a split). All reads and links run off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.evidence import CaseProposal, TriageItem
from app.domain.users import SignedIn
from app.ui.case_view.texts import when
from app.ui.devices.case_picker import CasePickerDialog
from app.ui.evidence.labels import kind_label
from app.ui.evidence.player import MediaOpener
from app.ui.evidence.thumbnails import Thumbnails
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services import Services

FLAGGED = QColor("#fff0c2")
ICON = QSize(48, 36)


class TriagePanel(QWidget):
    linked = Signal(list)  # the case uuids evidence was just linked to
    counted = Signal(int, int)  # waiting, flagged (after each read)

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("triagePanel")
        self.services, self.session = services, session
        self.evidence = services.evidence
        self.runner = TaskRunner(self)
        self.thumbnails = Thumbnails(self.evidence, self)
        self.thumbnails.ready.connect(self._thumbnail_ready)
        self.opener = MediaOpener(self.runner, self)
        self.items: list[TriageItem] = []
        self.picker: CasePickerDialog | None = None

        self.caption = QLabel(wordWrap=True, objectName="triageCaption")
        self.flagged_only = QCheckBox(objectName="flaggedOnly")
        self.flagged_only.toggled.connect(lambda _on: self.refresh())
        self.refresh_button = QPushButton(objectName="refreshTriage")
        self.refresh_button.clicked.connect(self.refresh)
        self.table = QTableWidget(0, 7, objectName="triageTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setIconSize(ICON)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(ICON.height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.caption.setBuddy(self.table)

        self.proposals_caption = QLabel(wordWrap=True)
        self.proposals = QListWidget(objectName="proposals")
        self.proposals.setWordWrap(True)
        self.proposals.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.proposals.itemDoubleClicked.connect(lambda _item: self.confirm())
        self.proposals_caption.setBuddy(self.proposals)
        self.confirm_button = QPushButton(objectName="confirmProposal")
        self.confirm_button.clicked.connect(self.confirm)
        self.pick_button = QPushButton(objectName="pickCases")
        self.pick_button.clicked.connect(self.pick)
        self.open_button = QPushButton(objectName="openTriageItem")
        self.open_button.clicked.connect(self.open_selected)
        self.note = QLabel(wordWrap=True, objectName="triageNote")

        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.flagged_only)
        top.addWidget(self.refresh_button)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.proposals_caption)
        column.addWidget(self.proposals, 1)
        for button in (self.confirm_button, self.pick_button, self.open_button):
            column.addWidget(button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)
        self.retranslate()

    # -- reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        evidence, flagged_only = self.evidence, self.flagged_only.isChecked()

        def work(_progress: object) -> tuple[list[TriageItem], int]:
            return evidence.triage(flagged_only=flagged_only), evidence.flagged_count()

        self.runner.run(self.tr("Reading the evidence waiting for a case"), work, self._show,
                        self.runner.failure_shown(self.tr("Evidence waiting for a case"), self.note))

    def _show(self, found: tuple[list[TriageItem], int]) -> None:
        chosen = {t.item.uuid for t in self.selected()}
        self.items, flagged = found
        if self.isVisible():  # else when shown: a hidden queue decodes no video
            self.thumbnails.request(t.item for t in self.items)
        self.table.setRowCount(len(self.items))
        for row, entry in enumerate(self.items):
            self._fill_row(row, entry)
        self.table.clearSelection()
        for row, entry in enumerate(self.items):
            if entry.item.uuid in chosen:
                self.table.selectRow(row)
        if not self.selected() and self.items:
            self.table.selectRow(0)
        self._selection_changed()
        self._caption(flagged)
        self.counted.emit(len(self.items), flagged)

    def _fill_row(self, row: int, entry: TriageItem) -> None:
        item = entry.item
        best = entry.proposals[0].case_number if entry.proposals else self.tr("none")
        texts = (item.name, kind_label(item.kind), item.device_serial, item.officer_no,
                 when(item.recorded_at_corrected or item.recorded_at), self.tr("{n} days").format(n=entry.age_days),
                 best)
        for column, text in enumerate(texts):
            cell = QTableWidgetItem(text)
            cell.setData(Qt.ItemDataRole.UserRole, item.uuid)
            if column == 0:
                cell.setIcon(self.thumbnails.icon(item, request=False))
                cell.setToolTip(item.original_path)
            if entry.flagged:
                cell.setBackground(QBrush(FLAGGED))
                cell.setToolTip(self.tr("Waiting for a case for {n} days: longer than the {limit} days allowed")
                                .format(n=entry.age_days, limit=self._flag_days()))
            self.table.setItem(row, column, cell)

    def _thumbnail_ready(self, uuid: str) -> None:
        for row, entry in enumerate(self.items):
            if entry.item.uuid == uuid and self.table.item(row, 0) is not None:
                self.table.item(row, 0).setIcon(self.thumbnails.icon(entry.item, request=False))

    def _flag_days(self) -> int:
        return int(getattr(self.evidence, "flag_days", 0))

    def _caption(self, flagged: int) -> None:
        text = self.tr("&Evidence waiting for a case: {count}").format(count=len(self.items))
        if flagged:
            text += self.tr("; {flagged} waiting longer than {days} days (highlighted)").format(
                flagged=flagged, days=self._flag_days())
        self.caption.setText(text)
        self._flagged = flagged

    # -- selection -------------------------------------------------------------------------------
    def selected(self) -> list[TriageItem]:
        model = self.table.selectionModel()
        rows = sorted({i.row() for i in model.selectedRows()}) if model else []
        return [self.items[r] for r in rows if r < len(self.items)]

    def select(self, item_uuid: str) -> bool:
        for row, entry in enumerate(self.items):
            if entry.item.uuid == item_uuid:
                self.table.selectRow(row)
                return True
        return False

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.proposals.clear()
        shared = _shared_proposals(chosen)
        for proposal in shared:
            reasons = "；".join(proposal.reasons)
            entry = QListWidgetItem(f"{proposal.case_number}　{proposal.cause}\n{reasons}")
            entry.setData(Qt.ItemDataRole.UserRole, proposal.case_uuid)
            entry.setToolTip(reasons)
            self.proposals.addItem(entry)
        if shared:
            self.proposals.setCurrentRow(0)
        if not chosen:
            self.proposals_caption.setText(self.tr("Select evidence to see the cases it may belong to."))
        elif shared:
            self.proposals_caption.setText(self.tr("&Proposed cases, likeliest first:"))
        else:
            self.proposals_caption.setText(self.tr("Zhifa found no case for this evidence by officer and time: "
                                                   "pick the case by its number."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.confirm_button.setEnabled(bool(chosen) and self.proposals.currentItem() is not None)
        self.pick_button.setEnabled(bool(chosen))
        self.open_button.setEnabled(len(chosen) == 1)

    # -- acting ----------------------------------------------------------------------------------
    def confirm(self) -> None:
        current = self.proposals.currentItem()
        chosen = self.selected()
        if current is None or not chosen:
            return
        self._link([t.item.uuid for t in chosen], [current.data(Qt.ItemDataRole.UserRole)], "confirmed")

    def pick(self) -> CasePickerDialog | None:
        chosen = self.selected()
        if not chosen:
            return None
        dialog = CasePickerDialog(self.services.cases, [t.item.name for t in chosen], self)
        uuids = [t.item.uuid for t in chosen]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._picked(dialog, uuids, result))
        self.picker = dialog
        dialog.open()
        return dialog

    def _picked(self, dialog: CasePickerDialog, uuids: list[str], result: int) -> None:
        self.picker = None
        if result == QDialog.DialogCode.Accepted and dialog.chosen():
            self._link(uuids, dialog.chosen(), "picked")

    def _link(self, item_uuids: list[str], case_uuids: list[str], how: str) -> None:
        evidence, actor = self.evidence, self.session.actor

        def work(_progress: object) -> list[str]:
            for case_uuid in case_uuids:
                evidence.link(item_uuids, case_uuid, actor, how=how)
            return case_uuids

        def done(cases: list[str]) -> None:
            self.note.setText(self.tr("Linked {count} evidence files to {cases} cases.").format(
                count=len(item_uuids), cases=len(cases)))
            self.linked.emit(cases)
            self.refresh()

        self.runner.run(self.tr("Linking evidence"), work, done,
                        self.runner.failure_shown(self.tr("Link evidence"), self.note, first=self.refresh),
                        cancellable=False)

    def open_selected(self) -> None:
        chosen = self.selected()
        if len(chosen) == 1:
            item = chosen[0].item
            self.opener.open(item, self.evidence.file_path(item))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.thumbnails.request(t.item for t in self.items)

    # -- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Type"), self.tr("Device"),
                                              self.tr("Officer no."), self.tr("Recorded"), self.tr("Waiting"),
                                              self.tr("Likeliest case")])
        self.flagged_only.setText(self.tr("Only &overdue"))
        self.flagged_only.setToolTip(self.tr("Show only evidence waiting longer than the bureau's limit"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.confirm_button.setText(self.tr("&Link to the proposed case"))
        self.pick_button.setText(self.tr("Pick &cases…"))
        self.pick_button.setToolTip(self.tr("Find cases by number; tick several to link the same evidence to each"))
        self.open_button.setText(self.tr("Play / &open"))
        self._caption(getattr(self, "_flagged", 0))
        for row, entry in enumerate(self.items):
            self._fill_row(row, entry)
        self._selection_changed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _shared_proposals(chosen: list[TriageItem]) -> list[CaseProposal]:
    """The proposals every selected item has (in the first item's order)."""
    if not chosen:
        return []
    common = set.intersection(*({p.case_uuid for p in t.proposals} for t in chosen))
    return [p for p in chosen[0].proposals if p.case_uuid in common]
