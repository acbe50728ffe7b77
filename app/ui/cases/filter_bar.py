"""The case list's filter bar: kind, stage, matter, officer, deadline status, registration dates.

It edits the structured part of a :class:`CaseFilter` (search text and sort order belong to the
search box and the table header) and says ``changed`` whenever the user changes any of it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import CaseKind, Stage
from app.domain.catalogue import Matter
from app.domain.officers import Officer
from app.services.cases import CaseFilter
from app.services.statistics import OPEN_STAGES
from app.ui.labels import kind_label, stage_label

OPEN = "open"  # the stage combo's "open cases" entry: any stage still being handled
DATE_DEBOUNCE_MS = 400  # typing a date changes it digit by digit: apply after a pause


def _dates_of(flt: CaseFilter) -> tuple[date | None, date | None]:
    return flt.registered_from, flt.registered_to


class CaseFilterBar(QWidget):
    changed = Signal()

    def __init__(self, matters: list[Matter], officers: list[Officer], today: date,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._today = today
        self.kind = QComboBox()
        self.kind.setObjectName("filterKind")
        self.stage = QComboBox()
        self.stage.setObjectName("filterStage")
        self.matter = QComboBox()
        self.matter.setObjectName("filterMatter")
        self.matter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.matter.setMinimumContentsLength(14)
        self.officer = QComboBox()
        self.officer.setObjectName("filterOfficer")
        self.deadline = QComboBox()
        self.deadline.setObjectName("filterDeadline")
        self.dated = QCheckBox()
        self.dated.setObjectName("filterDated")
        self.date_from = self._date_edit("filterFrom", date(today.year, 1, 1))
        self.date_to = self._date_edit("filterTo", today)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("filterClear")

        self._labels: dict[str, QLabel] = {}
        first, second = QHBoxLayout(), QHBoxLayout()
        for key, widget in (("kind", self.kind), ("stage", self.stage), ("matter", self.matter),
                            ("officer", self.officer)):
            first.addWidget(self._label(key, widget))
            first.addWidget(widget, 1 if key == "matter" else 0)
        second.addWidget(self._label("deadline", self.deadline))
        second.addWidget(self.deadline)
        second.addSpacing(12)
        second.addWidget(self.dated)
        second.addWidget(self.date_from)
        self._to_label = QLabel()
        second.addWidget(self._to_label)
        second.addWidget(self.date_to)
        second.addStretch(1)
        second.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self._matters = sorted(matters, key=lambda m: m.code)
        self._officers = sorted(officers, key=lambda o: o.name)
        self._fill()
        self._date_timer = QTimer(self)
        self._date_timer.setSingleShot(True)
        self._date_timer.setInterval(DATE_DEBOUNCE_MS)
        self._date_timer.timeout.connect(self.changed)
        for combo in (self.kind, self.stage, self.matter, self.officer, self.deadline):
            combo.currentIndexChanged.connect(self.changed)
        self.dated.toggled.connect(self._on_dated)
        self.date_from.dateChanged.connect(self._on_date)
        self.date_to.dateChanged.connect(self._on_date)
        self.clear_button.clicked.connect(self.clear)
        self._on_dated(False, notify=False)
        self._retranslate()

    def _date_edit(self, name: str, initial: date) -> QDateEdit:
        edit = QDateEdit(QDate(initial.year, initial.month, initial.day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _label(self, key: str, buddy: QWidget) -> QLabel:
        label = QLabel()
        label.setBuddy(buddy)
        self._labels[key] = label
        return label

    # -- the filter ------------------------------------------------------------------------------
    def case_filter(self, base: CaseFilter | None = None) -> CaseFilter:
        """``base`` (its text and sort kept) with this bar's fields."""
        stage_value = self.stage.currentData()
        stage = Stage(stage_value) if stage_value not in (None, OPEN) else None
        start, end = (self.date_from.date().toPython(), self.date_to.date().toPython()) if self.dated.isChecked() \
            else (None, None)
        kind = self.kind.currentData()
        return replace(base or CaseFilter(), kind=CaseKind(kind) if kind else None, stage=stage,
                       stages=OPEN_STAGES if stage_value == OPEN else (),
                       matter_code=self.matter.currentData(), officer_uuid=self.officer.currentData(),
                       deadline=self.deadline.currentData(), registered_from=start, registered_to=end)

    def set_filter(self, flt: CaseFilter) -> None:
        """Show ``flt``'s fields (without saying ``changed``); values not offered fall back to "all"."""
        self.blockSignals(True)
        try:
            self._select(self.kind, flt.kind.value if flt.kind else None)
            stage = flt.stage.value if flt.stage else OPEN if set(flt.stages) == set(OPEN_STAGES) else None
            self._select(self.stage, stage)
            self._select(self.matter, flt.matter_code)
            self._select(self.officer, flt.officer_uuid)
            self._select(self.deadline, flt.deadline)
            start, end = _dates_of(flt)
            self.dated.setChecked(start is not None or end is not None)
            for edit, value in ((self.date_from, start), (self.date_to, end)):
                if value is not None:
                    edit.setDate(QDate(value.year, value.month, value.day))
            self._on_dated(self.dated.isChecked(), notify=False)
        finally:
            self.blockSignals(False)
        self._date_timer.stop()

    def clear(self) -> None:
        before = self.case_filter()
        self.set_filter(CaseFilter())
        if self.case_filter() != before:
            self.changed.emit()

    def apply_pending(self) -> None:
        """A date still waiting for the typing pause takes effect now."""
        if self._date_timer.isActive():
            self._date_timer.stop()
            self.changed.emit()

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index if index >= 0 else 0)

    # -- dates -----------------------------------------------------------------------------------
    def _on_dated(self, checked: bool, notify: bool = True) -> None:
        self.date_from.setEnabled(checked)
        self.date_to.setEnabled(checked)
        self._to_label.setEnabled(checked)
        if notify:
            self._date_timer.stop()
            self.changed.emit()

    def _on_date(self) -> None:
        # the range cannot end before it begins: the later edit follows the earlier one
        if self.date_to.date() < self.date_from.date():
            edit = self.date_to if self.sender() is self.date_from else self.date_from
            edit.blockSignals(True)
            edit.setDate(self.date_from.date() if edit is self.date_to else self.date_to.date())
            edit.blockSignals(False)
        if self.dated.isChecked():
            self._date_timer.start()

    # -- texts -----------------------------------------------------------------------------------
    def _fill(self) -> None:
        """(Re)build the choices in the current language, keeping what is selected."""
        selected = {combo: combo.currentData() for combo in (self.kind, self.stage, self.matter, self.officer,
                                                             self.deadline)}
        choices = {
            self.kind: [(self.tr("All kinds"), None)] + [(kind_label(k), k.value) for k in CaseKind],
            self.stage: [(self.tr("All stages"), None), (self.tr("Open cases"), OPEN)]
            + [(stage_label(s), s.value) for s in Stage],
            self.matter: [(self.tr("All matters"), None)] + [(m.name, m.code) for m in self._matters],
            self.officer: [(self.tr("All officers"), None)] + [(o.name, o.uuid) for o in self._officers],
            self.deadline: [(self.tr("Any deadline"), None), (self.tr("Overdue"), "overdue"),
                            (self.tr("Due within 3 working days"), "due_soon")],
        }
        for combo, items in choices.items():
            combo.blockSignals(True)
            combo.clear()
            for text, value in items:
                combo.addItem(text, value)
            self._select(combo, selected[combo])
            combo.blockSignals(False)
        for index, matter in enumerate(self._matters, start=1):
            self.matter.setItemData(index, matter.code, Qt.ItemDataRole.ToolTipRole)

    def _retranslate(self) -> None:
        texts = {"kind": self.tr("&Kind"), "stage": self.tr("S&tage"), "matter": self.tr("&Matter"),
                 "officer": self.tr("O&fficer"), "deadline": self.tr("&Deadline")}
        for key, text in texts.items():
            self._labels[key].setText(text)
        self.dated.setText(self.tr("&Registered from"))
        self._to_label.setText(self.tr("to"))
        self.clear_button.setText(self.tr("C&lear filters"))
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
