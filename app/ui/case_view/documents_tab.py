"""文书: the documents the steps taken produced (from the audit trail) and those the next steps need.
Their files arrive with document generation; until then this lists what the workflow records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.case_path import pending_documents, produced_documents
from app.domain.cases import Case
from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import action_label, document_label, when
from app.ui.labels import role_label


class DocumentsTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.produced_caption, self.pending_caption = QLabel(), QLabel()
        self.produced = TextTable(objectName="producedDocuments")
        self.pending = TextTable(objectName="pendingDocuments")
        self.produced_caption.setBuddy(self.produced)
        self.pending_caption.setBuddy(self.pending)
        layout = QVBoxLayout(self)
        layout.addWidget(self.produced_caption)
        layout.addWidget(self.produced, 2)
        layout.addWidget(self.pending_caption)
        layout.addWidget(self.pending, 1)
        self._case: Case | None = None
        self._history: Sequence[Any] = ()
        self.retranslate()

    def show_case(self, case: Case, history: Sequence[Any]) -> None:
        self._case, self._history = case, history
        self.retranslate()

    def retranslate(self) -> None:
        self.produced_caption.setText(self.tr("Documents of the steps taken:"))
        self.pending_caption.setText(self.tr("Documents the next steps will need:"))
        self.produced.set_headers([self.tr("Document"), self.tr("Step"), self.tr("When"), self.tr("By"),
                                   self.tr("Role")])
        self.pending.set_headers([self.tr("Document"), self.tr("Step")])
        if self._case is None:
            return
        made = produced_documents(self._case, self._history)
        self.produced.set_rows([[document_label(code), action_label(step.entry.action), when(step.entry.at),
                                 step.entry.actor_name, role_label(step.entry.role)] for code, step in made])
        self.pending.set_rows([[document_label(code), action_label(action)]
                               for code, action in pending_documents(self._case, self._history)])
