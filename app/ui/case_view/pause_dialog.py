"""Suspend (中止 and other pauses), resume, or extend a deadline: heads only, always with a reason."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QSpinBox, QWidget

from app.domain.cases import Case
from app.domain.deadline_rules import PAUSE_KIND_LABELS
from app.domain.deadlines import rule_by_code
from app.domain.errors import ValidationError
from app.domain.i18n import tr as domain_tr
from app.domain.workflow import PAUSE_KINDS
from app.domain.workflow_table import EXTENDABLE
from app.ui.case_view.request_dialog import RequestDialog

MODES = ("suspend", "resume", "extend")


@dataclass(frozen=True)
class PauseRequest:
    mode: str  # one of MODES
    reason: str
    kind: str = ""  # suspend: the pause kind
    on: date | None = None  # suspend: first paused day; resume: the day the clock runs again
    rule_code: str = ""  # extend
    days: int = 0  # extend


def extendable_rules(case: Case) -> list[str]:
    return [code for code, stages in EXTENDABLE.items() if case.stage in stages]


class PauseDialog(RequestDialog):
    def __init__(self, case: Case, mode: str, today: date, submit: Callable[[PauseRequest], None],
                 parent: QWidget | None = None):
        super().__init__(submit, parent)
        if mode not in MODES:
            raise ValueError(mode)
        self.case, self.mode = case, mode
        self.setObjectName("pauseDialog")
        self.kind = QComboBox(objectName="kind")
        self.day = QDateEdit(QDate(today.year, today.month, today.day), objectName="on")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.rule = QComboBox(objectName="rule_code")
        self.days = QSpinBox(objectName="days")
        self.days.setRange(1, 3650)
        self.days.setValue(30)
        self._captions = {name: QLabel() for name in ("kind", "on", "rule_code", "days")}
        rows = {"suspend": ("kind", "on"), "resume": ("on",), "extend": ("rule_code", "days")}[mode]
        widgets = {"kind": self.kind, "on": self.day, "rule_code": self.rule, "days": self.days}
        for name in rows:
            self._captions[name].setBuddy(widgets[name])
            self.form.addRow(self._captions[name], widgets[name])
            self.fields[name] = widgets[name]
        self.fields["start"] = self.day
        self.add_comment_row()
        for kind in PAUSE_KINDS:
            self.kind.addItem("", kind)
        for code in extendable_rules(case):
            self.rule.addItem("", code)
        self.retranslate()

    def request(self) -> PauseRequest:
        reason = self.comment_text()
        if not reason:  # resuming asks for a reason too, though the service would accept none
            raise ValidationError("{field}: a comment (reason) is required for this action", field="reason",
                                  rule="comment.required")
        on = self.day.date().toPython()
        if self.mode == "suspend":
            return PauseRequest("suspend", reason, kind=self.kind.currentData(), on=on)
        if self.mode == "resume":
            return PauseRequest("resume", reason, on=on)
        return PauseRequest("extend", reason, rule_code=self.rule.currentData(), days=self.days.value())

    def retranslate(self) -> None:
        titles = {"suspend": self.tr("Suspend the case"), "resume": self.tr("Resume the case"),
                  "extend": self.tr("Extend a deadline")}
        self.setWindowTitle(titles[self.mode])
        self.intro.setText(self.tr("Case {number}: {what}").format(number=self.case.number, what=titles[self.mode]))
        self._captions["kind"].setText(self.tr("&Kind of pause:"))
        self._captions["on"].setText(self.tr("&From:") if self.mode == "suspend" else self.tr("&Resumes on:"))
        self._captions["rule_code"].setText(self.tr("&Deadline:"))
        self._captions["days"].setText(self.tr("Da&ys to add:"))
        self.comment_caption.setText(self.tr("R&eason (required):"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, domain_tr(PAUSE_KIND_LABELS[self.kind.itemData(i)]))
        for i in range(self.rule.count()):
            self.rule.setItemText(i, domain_tr(rule_by_code(self.rule.itemData(i)).name))
        self.ok_button.setText(titles[self.mode])
