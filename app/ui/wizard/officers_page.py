"""Page (d): the officers handling the case. Each shows whether their 执法证 is valid on the day
the case was discovered; an officer whose certificate is not valid then cannot be chosen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.domain.cases import CaseKind
from app.domain.guards import MIN_OFFICERS
from app.domain.officers import Officer
from app.domain.workflow_table import FIRST_STAGE, TRANSITIONS
from app.ui.settings.certificates import certificate_state
from app.ui.signin.style import ERROR_COLOR
from app.ui.wizard.base_page import WizardPage

UUID_ROLE = Qt.ItemDataRole.UserRole


def needs_valid_officers(kind: CaseKind) -> bool:
    """Whether the first step of this kind (filing, a measure, an on-the-spot decision, an
    inspection) checks that enough officers hold a valid certificate: read from the workflow table."""
    return any(t.kind is kind and t.source is FIRST_STAGE and "officers_valid" in t.guards for t in TRANSITIONS)


class OfficersPage(WizardPage):
    FIELDS = frozenset({"officer_uuids"})
    PLACEHOLDER: ClassVar[dict[str, Any]] = {"officer_uuids": ()}

    def __init__(self, officers: Sequence[Officer], own_officer_uuid: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("officersPage")
        self.officers = list(officers)
        self.day: date | None = None
        self.list = QListWidget(objectName="officerList")
        for officer in self.officers:
            item = QListWidgetItem()
            item.setData(UUID_ROLE, officer.uuid)
            checked = officer.uuid == own_officer_uuid  # the signed-in officer handles their own lead
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.itemChanged.connect(lambda _item: self._changed())
        self.hint = QLabel(objectName="officersHint", wordWrap=True)
        self._label = QLabel()
        self._label.setBuddy(self.list)
        layout = QVBoxLayout(self)
        layout.addWidget(self._label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        self.retranslate()

    def initializePage(self) -> None:
        self.refresh(self.owner().source_page.lead_values()["discovered_on"])

    def refresh(self, day: date) -> None:
        """Mark each officer for ``day``; one whose certificate is not valid is unchecked and disabled."""
        self.day = day
        self.list.blockSignals(True)
        for row, officer in enumerate(self.officers):
            item = self.list.item(row)
            state = certificate_state(officer, day)
            item.setText(self.tr("{name}, certificate {number}: {validity}").format(
                name=officer.name, number=officer.certificate_no, validity=state.text))
            flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
            if state.usable:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
                item.setData(Qt.ItemDataRole.ForegroundRole, None)
            else:
                item.setFlags(flags)
                item.setCheckState(Qt.CheckState.Unchecked)
                item.setData(Qt.ItemDataRole.ForegroundRole, QBrush(ERROR_COLOR))
        self.list.blockSignals(False)
        self._changed()

    def chosen(self) -> tuple[str, ...]:
        return tuple(self.list.item(r).data(UUID_ROLE) for r in range(self.list.count())
                     if self.list.item(r).checkState() is Qt.CheckState.Checked
                     and self.list.item(r).flags() & Qt.ItemFlag.ItemIsEnabled)

    def required(self) -> int:
        return MIN_OFFICERS if needs_valid_officers(self.owner().source_page.selected_kind()) else 1

    def _changed(self) -> None:
        self.clear_error()
        self._update_hint()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.wizard() is not None and len(self.chosen()) >= self.required()

    def lead_values(self) -> dict[str, Any]:
        return {"officer_uuids": self.chosen()}

    def field_widget(self, field: str | None) -> QWidget | None:
        return self.list

    def _update_hint(self) -> None:
        if self.wizard() is None or self.day is None:
            self.hint.clear()
            return
        self.hint.setText(self.tr("Choose at least {n} officers whose certificates are valid on {day} "
                                  "(the day the case was discovered); {chosen} chosen.").format(
            n=self.required(), day=self.day.isoformat(), chosen=len(self.chosen())))

    def retranslate(self) -> None:
        self.setTitle(self.tr("Officers"))
        self.setSubTitle(self.tr("The officers (执法人员) who handle the case."))
        self._label.setText(self.tr("&Officers:"))
        if self.day is not None:
            self.refresh(self.day)
