"""Look up a party already known from earlier cases, by name or ID number, to copy its details.
The search runs through the task runner (it reads the whole case index)."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.domain.parties import Party, PartyRole
from app.ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from app.services.cases import CaseService

CASES_SEARCHED = 30  # the newest matching cases; enough to find a party, small enough to stay quick
MIN_QUERY = 2


def _fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower().strip()


def find_parties(cases: CaseService, query: str, progress: Progress | None = None) -> list[Party]:
    """Parties of the newest cases matching ``query`` whose name contains it or whose ID number
    starts with it, each person or organisation once."""
    wanted = _fold(query)
    found: dict[str, Party] = {}
    rows = cases.search(query, limit=CASES_SEARCHED)
    for done, row in enumerate(rows, start=1):
        if progress is not None:
            progress.report(done, len(rows))
        for party in cases.get(row.uuid).parties:
            if party.role is not PartyRole.PARTY:
                continue
            if wanted in _fold(party.name) or _fold(party.id_number).startswith(wanted):
                found.setdefault(party.id_number or party.name, party)
    return list(found.values())


class PartyLookup(QWidget):
    picked = Signal(object)  # the Party chosen

    def __init__(self, cases: CaseService, runner: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.cases, self.runner = cases, runner
        self.results: list[Party] = []
        self.query = QLineEdit(objectName="lookupQuery")
        self.query.setClearButtonEnabled(True)
        self.search_button = QPushButton(objectName="lookupButton")
        self.list = QListWidget(objectName="lookupResults")
        self.list.setMaximumHeight(110)
        self.use_button = QPushButton(objectName="useParty")
        self.status = QLabel(objectName="lookupStatus")
        self.search_button.clicked.connect(self.search)
        self.list.itemDoubleClicked.connect(lambda _item: self.use_selected())
        # Enter here searches or copies; it must not reach the wizard, whose default button is Next.
        self.query.installEventFilter(self)
        self.list.installEventFilter(self)
        self.list.itemSelectionChanged.connect(self._update)
        self.use_button.clicked.connect(self.use_selected)
        self._label = QLabel()
        self._label.setBuddy(self.query)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self._label, 0, 0)
        grid.addWidget(self.query, 0, 1)
        grid.addWidget(self.search_button, 0, 2)
        grid.addWidget(self.list, 1, 1)
        grid.addWidget(self.use_button, 1, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.status, 2, 1)
        self._retranslate()
        self._update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if watched is self.query:
                self.search()
                return True
            if watched is self.list:
                self.use_selected()
                return True
        return super().eventFilter(watched, event)

    def search(self) -> None:
        query = self.query.text().strip()
        if len(query) < MIN_QUERY or self.runner.busy:
            self.status.setText(self.tr("Type at least {n} characters of a name or ID number.").format(n=MIN_QUERY)
                                if len(query) < MIN_QUERY else "")
            return
        cases = self.cases
        self.search_button.setEnabled(False)
        self.runner.run(self.tr("Looking up parties"), lambda progress: find_parties(cases, query, progress),
                        self._show_results, self._failed)

    def _show_results(self, parties: list[Party]) -> None:
        self.search_button.setEnabled(True)
        self.results = parties
        self.list.clear()
        for party in parties:
            text = f"{party.name}  {party.id_number}"
            if party.address:
                text += f"  {party.address}"
            self.list.addItem(QListWidgetItem(text))
        if parties:
            self.list.setCurrentRow(0)
            self.list.setFocus()
        self.status.setText(self.tr("{n} found.").format(n=len(parties)) if parties else self.tr("Nobody found."))
        self._update()

    def _failed(self, exc: BaseException) -> None:
        self.search_button.setEnabled(True)
        self.runner.default_failure(exc)

    def use_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.results):
            self.picked.emit(self.results[row])

    def _update(self) -> None:
        self.use_button.setEnabled(self.list.currentRow() >= 0)

    def _retranslate(self) -> None:
        self._label.setText(self.tr("Look &up:"))
        self.query.setPlaceholderText(self.tr("Name or ID number of a party from earlier cases"))
        self.search_button.setText(self.tr("Searc&h"))
        self.use_button.setText(self.tr("Cop&y details"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
