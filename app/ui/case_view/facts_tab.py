"""案情与依据: cause, source, place, dates, facts, amounts and the legal basis from the catalogue."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QScrollArea, QWidget

from app.domain.cases import Case
from app.domain.catalogue import Matter
from app.domain.money import format_yuan


def _text_box(name: str) -> QPlainTextEdit:
    box = QPlainTextEdit(readOnly=True, objectName=name)
    box.setTabChangesFocus(True)
    box.setMaximumHeight(110)
    return box


class FactsTab(QScrollArea):
    """``matter_of(code)`` gives the catalogue entry (None when the catalogue no longer has it)."""

    def __init__(self, matter_of: Callable[[str], Matter | None], parent: QWidget | None = None):
        super().__init__(parent)
        self._matter_of = matter_of
        self.setWidgetResizable(True)
        inner = QWidget()
        self.form = QFormLayout(inner)
        self.values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        for key in ("cause", "source", "place", "act_date", "discovered", "major", "proposed_fine", "fine",
                    "paid", "matter", "implementing_body"):
            value = QLabel(wordWrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
            self.values[key] = value
            self._captions[key] = QLabel()
            self.form.addRow(self._captions[key], value)
        self.facts = _text_box("facts")
        self.legal_basis = _text_box("legalBasis")
        self.penalty_basis = _text_box("penaltyBasis")
        for key, box in (("facts", self.facts), ("legal_basis", self.legal_basis),
                         ("penalty_basis", self.penalty_basis)):
            self._captions[key] = QLabel()
            self._captions[key].setBuddy(box)
            self.form.addRow(self._captions[key], box)
        self.setWidget(inner)
        self._case: Case | None = None
        self.retranslate()

    def show_case(self, case: Case) -> None:
        self._case = case
        self.retranslate()

    def retranslate(self) -> None:
        captions = {
            "cause": self.tr("Cause:"), "source": self.tr("Source:"), "place": self.tr("Place:"),
            "act_date": self.tr("Date of the act:"), "discovered": self.tr("Discovered on:"),
            "major": self.tr("Major case:"), "proposed_fine": self.tr("Proposed fine:"),
            "fine": self.tr("Fine decided:"), "paid": self.tr("Paid:"), "matter": self.tr("Matter:"),
            "implementing_body": self.tr("Implementing body:"), "facts": self.tr("&Facts:"),
            "legal_basis": self.tr("&Legal basis:"), "penalty_basis": self.tr("Penalty &basis:"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
        case = self._case
        if case is None:
            return
        act = case.act_date.isoformat()
        if case.act_end_date:
            act = self.tr("{start} to {end} (continuing)").format(start=act, end=case.act_end_date.isoformat())
        discovered = case.events.get("discovered")
        matter = self._matter_of(case.matter_code)
        values = {
            "cause": case.cause, "source": case.source, "place": case.place, "act_date": act,
            "discovered": discovered.isoformat() if discovered else "",
            "major": self.tr("Yes") if case.major else self.tr("No"),
            "proposed_fine": format_yuan(case.proposed_fine_fen), "fine": format_yuan(case.fine_fen),
            "paid": format_yuan(case.paid_fen), "matter": f"{case.matter_name}（{case.matter_code}）",
            "implementing_body": matter.implementing_body if matter else "",
        }
        for key, text in values.items():
            self.values[key].setText(text)
        self.facts.setPlainText(case.facts)
        self.legal_basis.setPlainText(case.legal_basis or (matter.legal_basis if matter else ""))
        self.penalty_basis.setPlainText(matter.penalty_basis if matter else "")
