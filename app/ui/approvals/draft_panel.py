"""The selected inbox item: the case in brief and the data of the draft awaiting approval (facts,
proposed fine, legal basis), read-only. The rendered document arrives with document generation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QWidget

from app.domain.case_path import draft_documents
from app.domain.cases import Case
from app.domain.money import format_yuan
from app.services.approvals import InboxItem
from app.ui.case_view.texts import document_label
from app.ui.labels import kind_label, stage_label

FIELDS = ("number", "party", "matter", "kind", "stage", "officers", "awaiting", "refused", "documents", "cause",
          "proposed_fine", "fine")


class DraftPanel(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("draftPanel")
        form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for key in FIELDS:
            value = QLabel(wordWrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            self.values[key], self._captions[key] = value, QLabel()
            form.addRow(self._captions[key], value)
        self.values["refused"].setStyleSheet("color: #9f1c1c;")
        self.facts = QPlainTextEdit(readOnly=True, objectName="draftFacts")
        self.legal_basis = QPlainTextEdit(readOnly=True, objectName="draftLegalBasis")
        for key, box in (("facts", self.facts), ("legal_basis", self.legal_basis)):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(90)
            self._captions[key] = QLabel()
            self._captions[key].setBuddy(box)
            form.addRow(self._captions[key], box)
        self.item: InboxItem | None = None
        self.case: Case | None = None
        self.retranslate()

    def show_item(self, item: InboxItem | None, case: Case | None) -> None:
        self.item, self.case = item, case
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "number": self.tr("Case:"), "party": self.tr("Party:"), "matter": self.tr("Matter:"),
            "kind": self.tr("Kind:"), "stage": self.tr("Stage:"), "officers": self.tr("Officers:"),
            "awaiting": self.tr("Awaiting:"), "refused": self.tr("Not possible because:"),
            "documents": self.tr("Draft document:"), "cause": self.tr("Cause:"),
            "proposed_fine": self.tr("Proposed fine:"), "fine": self.tr("Fine in the draft decision:"),
            "facts": self.tr("&Facts:"), "legal_basis": self.tr("&Legal basis:"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
        item, case = self.item, self.case
        if item is None or case is None:
            for label in self.values.values():
                label.clear()
            self.facts.clear()
            self.legal_basis.clear()
            self.values["number"].setText(self.tr("Select an item to see its case and draft."))
            return
        row = item.case_row
        values = {
            "number": case.number, "party": case.party_names, "matter": case.matter_name,
            "kind": kind_label(case.kind), "stage": stage_label(case.stage), "officers": row.officer_names,
            "awaiting": item.label, "refused": "\n".join(item.reasons),
            "documents": "、".join(document_label(c) for c in draft_documents(case, item.name)),
            "cause": case.cause, "proposed_fine": format_yuan(case.proposed_fine_fen),
            "fine": format_yuan(case.fine_fen) if case.fine_fen else "",
        }
        for key, text in values.items():
            self.values[key].setText(text)
        for key in ("refused", "fine"):
            self.values[key].setVisible(bool(values[key]))
            self._captions[key].setVisible(bool(values[key]))
        self.facts.setPlainText(case.facts)
        self.legal_basis.setPlainText(case.legal_basis)
