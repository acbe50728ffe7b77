"""证据: the case's evidence files from devices (thumbnails, rapid-test results, play, verify, unlink,
custody report: :class:`app.ui.evidence.case_evidence.CaseEvidencePanel`) above the documents and
records the workflow of this kind of case requires, and which are in hand."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from app.domain.case_path import required_documents
from app.domain.cases import Case
from app.domain.users import SignedIn
from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import action_label, document_label, when
from app.ui.evidence.case_evidence import CaseEvidencePanel

if TYPE_CHECKING:
    from app.services import Services


class EvidenceTab(QWidget):
    def __init__(self, services: Services | None = None, session: SignedIn | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._services, self._session = services, session
        self.files: CaseEvidencePanel | None = None  # built once the services are known
        self.heading = QLabel(objectName="evidenceHeading", wordWrap=True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel(wordWrap=True)
        self.table = TextTable(objectName="requiredDocuments")
        self.heading.setBuddy(self.table)
        required = QWidget()
        lower = QVBoxLayout(required)
        lower.setContentsMargins(0, 0, 0, 0)
        lower.addWidget(self.heading)
        lower.addWidget(self.note)
        lower.addWidget(self.table, 1)
        self.split = QSplitter(Qt.Orientation.Horizontal)  # the files beside what the procedure requires
        self.split.addWidget(required)
        QVBoxLayout(self).addWidget(self.split)
        self._case: Case | None = None
        self._history: Sequence[Any] = ()
        self.retranslate()

    def _evidence_panel(self) -> CaseEvidencePanel | None:
        """The evidence files part, made on the first case shown. The case view that does not hand
        over its services is found among the ancestors (it holds ``services`` and ``session``)."""
        if self.files is not None:
            return self.files
        services, session, widget = self._services, self._session, self.parentWidget()
        while (services is None or session is None) and widget is not None:
            services = getattr(widget, "services", None) if services is None else services
            session = getattr(widget, "session", None) if session is None else session
            widget = widget.parentWidget()
        if services is None or session is None:
            return None
        self.files = CaseEvidencePanel(services, session)
        self.files.loaded.connect(self._update_note)
        self.split.insertWidget(0, self.files)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([800, 400])
        return self.files

    def show_case(self, case: Case, history: Sequence[Any]) -> None:
        self._case, self._history = case, history
        panel = self._evidence_panel()
        if panel is not None:
            panel.show_case(case)
        self.retranslate()

    def _update_note(self) -> None:
        if self.files is not None and self.files.items():
            self.note.setText(QCoreApplication.translate(
                "CaseEvidencePanel", "The documents and records the procedure of this case requires, with the "
                                     "step that needs each."))
        else:
            self.note.setText(self.tr("No evidence has been recorded for this case. These are the documents and "
                                      "records its procedure requires, with the step that needs each."))

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Required documents"))
        self._update_note()
        self.table.set_headers([self.tr("Document"), self.tr("Required by"), self.tr("Status")])
        if self.files is not None:
            self.files.retranslate()
        if self._case is None:
            return
        found = required_documents(self._case, self._history)
        rows = [[document_label(d.code), action_label(d.action),
                 self.tr("Step taken {when}").format(when=when(d.done_at)) if d.done_at else self.tr("Pending")]
                for d in found]
        self.table.set_rows(rows, greyed=[d.done_at is None for d in found])
