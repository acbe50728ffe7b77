"""Page (a): the case source (案件来源登记): kind, source, dates, place, cause and facts."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import CaseKind
from app.ui.labels import kind_label
from app.ui.wizard.base_page import WizardPage

# Chinese data (they are printed in the case file), not interface text: never translated.
COMMON_SOURCES = ("群众举报", "监督检查发现", "上级交办", "部门移送", "投诉转案件")


def to_date(edit: QDateEdit) -> date:
    return edit.date().toPython()  # type: ignore[return-value]


class SourcePage(WizardPage):
    FIELDS = frozenset({"kind", "source", "discovered_on", "act_date", "act_end_date", "place", "cause", "facts",
                        "serious_harm", "major"})

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("sourcePage")
        self.kind = QComboBox(objectName="kind")
        for kind in CaseKind:
            self.kind.addItem(kind_label(kind), kind)
        self.source = QComboBox(objectName="source", editable=True)
        self.source.addItems(COMMON_SOURCES)
        self.source.setCurrentIndex(-1)
        self.source.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        today_q = QDate(today.year, today.month, today.day)
        self.discovered_on = self._date_edit("discoveredOn", today_q)
        self.act_date = self._date_edit("actDate", today_q)
        self.continuing = QCheckBox(objectName="continuing")
        self.act_end_date = self._date_edit("actEndDate", today_q)
        self.act_end_date.setEnabled(False)
        self.continuing.toggled.connect(self.act_end_date.setEnabled)
        self.place = QLineEdit(objectName="place")
        self.cause = QLineEdit(objectName="cause")
        self.facts = QPlainTextEdit(objectName="facts")
        self.facts.setTabChangesFocus(True)
        self.serious_harm = QCheckBox(objectName="seriousHarm")
        self.major = QCheckBox(objectName="major")

        end_row = QHBoxLayout()
        end_row.addWidget(self.continuing)
        end_row.addWidget(self.act_end_date, 1)
        flags = QHBoxLayout()
        flags.addWidget(self.serious_harm)
        flags.addWidget(self.major)
        flags.addStretch(1)
        self._labels = {name: QLabel() for name in ("kind", "source", "discovered_on", "act_date", "place", "cause",
                                                    "facts")}
        form = QFormLayout()
        for name, widget in (("kind", self.kind), ("source", self.source), ("discovered_on", self.discovered_on),
                             ("act_date", self.act_date)):
            self._labels[name].setBuddy(widget)
            form.addRow(self._labels[name], widget)
        form.addRow("", end_row)
        for name, widget in (("place", self.place), ("cause", self.cause), ("facts", self.facts)):
            self._labels[name].setBuddy(widget)
            form.addRow(self._labels[name], widget)
        form.addRow("", flags)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.retranslate()

    @staticmethod
    def _date_edit(name: str, today: QDate) -> QDateEdit:
        edit = QDateEdit(today, objectName=name, calendarPopup=True, displayFormat="yyyy-MM-dd")
        edit.setMaximumDate(today)  # nothing here can lie in the future
        return edit

    def selected_kind(self) -> CaseKind:
        return CaseKind(self.kind.currentData())

    def lead_values(self) -> dict[str, Any]:
        return {"kind": self.selected_kind(), "source": self.source.currentText().strip(),
                "discovered_on": to_date(self.discovered_on), "act_date": to_date(self.act_date),
                "act_end_date": to_date(self.act_end_date) if self.continuing.isChecked() else None,
                "place": self.place.text().strip(), "cause": self.cause.text().strip(),
                "facts": self.facts.toPlainText().strip(), "serious_harm": self.serious_harm.isChecked(),
                "major": self.major.isChecked()}

    def field_widget(self, field: str | None) -> QWidget | None:
        return {"kind": self.kind, "source": self.source, "discovered_on": self.discovered_on,
                "act_date": self.act_date, "act_end_date": self.act_end_date, "place": self.place,
                "cause": self.cause, "facts": self.facts}.get(field or "")

    def retranslate(self) -> None:
        self.setTitle(self.tr("Case source"))
        self.setSubTitle(self.tr("Register where the case comes from and what happened."))
        texts = {"kind": self.tr("&Kind:"), "source": self.tr("&Source:"), "discovered_on": self.tr("&Discovered on:"),
                 "act_date": self.tr("&Act date:"), "place": self.tr("&Place:"), "cause": self.tr("Ca&use:"),
                 "facts": self.tr("&Facts:")}
        for name, text in texts.items():
            self._labels[name].setText(text)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kind_label(self.kind.itemData(i)))
        self.continuing.setText(self.tr("C&ontinuing act, ended on:"))
        self.serious_harm.setText(self.tr("Serious &harm (life, health or financial security)"))
        self.major.setText(self.tr("&Major case"))
