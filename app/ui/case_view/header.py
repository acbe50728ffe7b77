"""The case header: number, party, matter, kind, stage and the next deadline (hover explains it)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QWidget

from app.domain.cases import Case
from app.domain.deadlines import Deadline, DeadlineStatus, next_deadline
from app.domain.i18n import tr as domain_tr
from app.ui.case_view.texts import deadline_status_label
from app.ui.labels import kind_label, stage_label

# (text colour, background) per status; others keep the palette
DEADLINE_STYLES = {
    DeadlineStatus.OVERDUE: "color: #9f1c1c; background: #fde2e1;",
    DeadlineStatus.DUE_SOON: "color: #7a4a00; background: #fff0c2;",
}


class CaseHeader(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.number = QLabel(objectName="caseNumber")
        font = self.number.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.number.setFont(font)
        self.stage = QLabel(objectName="caseStage")
        self.suspended = QLabel(objectName="caseSuspended")
        self.suspended.setStyleSheet("color: #9f1c1c;")
        self.party = QLabel(wordWrap=True)
        self.matter = QLabel(wordWrap=True)
        self.kind = QLabel()
        self.deadline = QLabel(objectName="caseDeadline")
        for label in (self.number, self.party, self.matter, self.deadline):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._party_caption, self._matter_caption = QLabel(), QLabel()
        self._kind_caption, self._deadline_caption = QLabel(), QLabel()
        self.next: Deadline | None = None

        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addWidget(self.stage)
        top.addWidget(self.suspended)
        top.addStretch(1)
        form = QFormLayout()
        form.addRow(self._party_caption, self.party)
        form.addRow(self._matter_caption, self.matter)
        form.addRow(self._kind_caption, self.kind)
        form.addRow(self._deadline_caption, self.deadline)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(top)
        layout.addRow(form)
        self._case: Case | None = None
        self._deadlines: Sequence[Deadline] = ()
        self.retranslate()

    def show_case(self, case: Case, deadlines: Sequence[Deadline]) -> None:
        self._case, self._deadlines = case, deadlines
        self.next = next_deadline(deadlines)
        self.retranslate()

    def retranslate(self) -> None:
        self._party_caption.setText(self.tr("Party:"))
        self._matter_caption.setText(self.tr("Matter:"))
        self._kind_caption.setText(self.tr("Kind:"))
        self._deadline_caption.setText(self.tr("Next deadline:"))
        case = self._case
        if case is None:
            return
        self.number.setText(case.number)
        self.stage.setText(self.tr("Stage: {stage}").format(stage=stage_label(case.stage)))
        pause = case.open_pause
        self.suspended.setText(self.tr("Paused since {day}").format(day=pause.start.isoformat()) if pause else "")
        self.party.setText(case.party_names)
        self.matter.setText(f"{case.matter_name}（{case.matter_code}）")
        self.kind.setText(kind_label(case.kind))
        self._show_deadline()

    def _show_deadline(self) -> None:
        d = self.next
        if d is None:
            self.deadline.setText(self.tr("None open"))
            self.deadline.setToolTip("")
            self.deadline.setStyleSheet("")
            return
        if d.due is not None:
            day = d.due.isoformat()
        else:
            day = self.tr("{day} (provisional)").format(day=d.provisional_due.isoformat() if d.provisional_due else "?")
        self.deadline.setText(self.tr("{rule}: {day} ({status})").format(
            rule=domain_tr(d.rule.name), day=day, status=deadline_status_label(d.status)))
        self.deadline.setToolTip(self.tr("How it was computed: {explanation}").format(explanation=d.explain()))
        self.deadline.setStyleSheet(DEADLINE_STYLES.get(d.status, ""))
