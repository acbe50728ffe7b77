"""证据: the evidence model arrives with the USB import; until then this tab lists, clearly headed,
the documents and records the workflow of this kind of case requires, and which are in hand."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.case_path import required_documents
from app.domain.cases import Case
from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import action_label, document_label, when


class EvidenceTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel(objectName="evidenceHeading", wordWrap=True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel(wordWrap=True)
        self.table = TextTable(objectName="requiredDocuments")
        self.heading.setBuddy(self.table)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        self._case: Case | None = None
        self._history: Sequence[Any] = ()
        self.retranslate()

    def show_case(self, case: Case, history: Sequence[Any]) -> None:
        self._case, self._history = case, history
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Required documents"))
        self.note.setText(self.tr("No evidence has been recorded for this case. These are the documents and "
                                  "records its procedure requires, with the step that needs each."))
        self.table.set_headers([self.tr("Document"), self.tr("Required by"), self.tr("Status")])
        if self._case is None:
            return
        found = required_documents(self._case, self._history)
        rows = [[document_label(d.code), action_label(d.action),
                 self.tr("Step taken {when}").format(when=when(d.done_at)) if d.done_at else self.tr("Pending")]
                for d in found]
        self.table.set_rows(rows, greyed=[d.done_at is None for d in found])
