"""Pick one or more cases for evidence: type (part of) a case number, a party or a cause; tick every
case the item belongs to (an item may serve several cases). The search runs off the UI thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.cases import CaseFilter, CaseRow
from app.ui.labels import stage_label
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.services.cases import CaseService

SEARCH_DELAY_MS = 250
MAX_MATCHES = 50


class CasePickerDialog(QDialog):
    """``chosen()``: the uuids of the ticked cases (in the order ticked), with their numbers."""

    def __init__(self, cases: CaseService, item_names: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("casePicker")
        self.cases = cases
        self.item_names = item_names
        self.runner = TaskRunner(self)
        self.rows: list[CaseRow] = []
        self._chosen: dict[str, str] = {}  # uuid -> number, kept across searches
        self.intro = QLabel(wordWrap=True, objectName="casePickerIntro")
        self.caption = QLabel()
        self.search = QLineEdit(objectName="caseSearch", clearButtonEnabled=True)
        self.caption.setBuddy(self.search)
        self.list = QListWidget(objectName="caseMatches")
        self.list.itemChanged.connect(self._ticked)
        self.summary = QLabel(wordWrap=True, objectName="casePickerSummary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.caption)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.resize(620, 480)
        self.retranslate()
        self.run_search()

    def chosen(self) -> list[str]:
        return list(self._chosen)

    def run_search(self) -> None:
        text, cases = self.search.text().strip(), self.cases
        self.runner.run(self.tr("Finding cases"),
                        lambda _progress: cases.list_cases(CaseFilter(text=text), 0, MAX_MATCHES), self._show,
                        self.runner.failure_shown(self.tr("Find a case"), self.summary))

    def _show(self, rows: list[CaseRow]) -> None:
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.number}　{row.party_names}　{row.matter_name}（{stage_label(row.stage)}）")
            item.setData(Qt.ItemDataRole.UserRole, row.uuid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if row.uuid in self._chosen else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update()

    def tick(self, case_uuid: str) -> bool:
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.data(Qt.ItemDataRole.UserRole) == case_uuid:
                item.setCheckState(Qt.CheckState.Checked)
                return True
        return False

    def _ticked(self, item: QListWidgetItem) -> None:
        uuid = item.data(Qt.ItemDataRole.UserRole)
        number = next((r.number for r in self.rows if r.uuid == uuid), "")
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen[uuid] = number
        else:
            self._chosen.pop(uuid, None)
        self._update()

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self._chosen))
        if self._chosen:
            self.summary.setText(self.tr("Link to: {numbers}").format(numbers="、".join(self._chosen.values())))
        elif not self.rows:
            self.summary.setText(self.tr("No case matches."))
        else:
            self.summary.setText(self.tr("Tick every case the evidence belongs to."))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Link evidence to cases"))
        names = "、".join(self.item_names[:3]) + ("…" if len(self.item_names) > 3 else "")
        self.intro.setText(self.tr("{count} evidence files: {names}").format(count=len(self.item_names), names=names))
        self.caption.setText(self.tr("&Search by case number, party or cause:"))
        self.search.setPlaceholderText(self.tr("Case number, party name or cause"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
