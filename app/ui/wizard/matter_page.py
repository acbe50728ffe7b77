"""Page (c): the enforcement matter from the catalogue (filtered by code or name, showing its legal
basis) and, for penalties, the proposed fine in yuan."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.cases import CaseKind
from app.domain.catalogue import Matter
from app.domain.money import parse_yuan
from app.ui.wizard.base_page import WizardPage

# Which catalogue family (Matter.kind) a case kind draws its matters from.
MATTER_FAMILY = {CaseKind.PENALTY_ORDINARY: "penalty", CaseKind.PENALTY_SIMPLE: "penalty",
                 CaseKind.COERCIVE: "coercive", CaseKind.INSPECTION: "inspection"}
CODE_ROLE = Qt.ItemDataRole.UserRole


class MatterPage(WizardPage):
    FIELDS = frozenset({"matter_code", "proposed_fine_fen"})
    PLACEHOLDER: ClassVar[dict[str, Any]] = {"matter_code": "-", "proposed_fine_fen": 0}

    def __init__(self, matters: Sequence[Matter], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("matterPage")
        self.matters = {m.code: m for m in matters}
        self.family: str | None = None
        self.model = QStandardItemModel(0, 2, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)  # code or name
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit(objectName="matterFilter")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.table = QTableView(objectName="matterTable")
        self.table.setModel(self.proxy)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.basis = QPlainTextEdit(objectName="legalBasis", readOnly=True)
        self.basis.setMaximumHeight(90)
        self.basis.setTabChangesFocus(True)
        self.fine = QLineEdit(objectName="proposedFine")
        self.fine.textChanged.connect(self._fine_changed)
        self._labels = {n: QLabel() for n in ("filter", "basis", "fine")}
        form = QFormLayout()
        for key, widget in (("filter", self.filter), ("basis", self.basis), ("fine", self.fine)):
            self._labels[key].setBuddy(widget)
        layout = QVBoxLayout(self)
        form.addRow(self._labels["filter"], self.filter)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        lower = QFormLayout()
        lower.addRow(self._labels["basis"], self.basis)
        lower.addRow(self._labels["fine"], self.fine)
        self._lower = lower
        layout.addLayout(lower)
        layout.addWidget(self.error)
        self.retranslate()

    def initializePage(self) -> None:
        kind = self.owner().source_page.selected_kind()
        family = MATTER_FAMILY.get(kind)
        if family != self.family:
            self.family = family
            self._fill(family)
        penalty = family == "penalty"
        self._lower.setRowVisible(self.fine, penalty)
        if not penalty:
            self.fine.clear()

    def _fill(self, family: str | None) -> None:
        chosen = self.matter_code()
        shown = [m for m in self.matters.values() if m.kind == family] or list(self.matters.values())
        self.model.removeRows(0, self.model.rowCount())
        for matter in sorted(shown, key=lambda m: m.code):
            code, name = QStandardItem(matter.code), QStandardItem(matter.name)
            code.setData(matter.code, CODE_ROLE)
            name.setToolTip(matter.name)
            self.model.appendRow([code, name])
        if chosen:
            self.select(chosen)
        self._selection_changed()

    def select(self, code: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(CODE_ROLE) == code:
                self.table.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.table.setCurrentIndex(index)
                return True
        return False

    def matter_code(self) -> str:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(CODE_ROLE) if rows else ""

    def _filter_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if not self.matter_code() and self.proxy.rowCount() == 1:  # one left: that is the one meant
            self.select(self.proxy.index(0, 0).data(CODE_ROLE))
        self._selection_changed()

    def _selection_changed(self) -> None:
        matter = self.matters.get(self.matter_code())
        text = ""
        if matter is not None:
            text = matter.legal_basis
            if matter.penalty_basis:
                text += "\n" + self.tr("Penalty basis: {basis}").format(basis=matter.penalty_basis)
        self.basis.setPlainText(text)
        self.completeChanged.emit()

    def _fine_changed(self) -> None:
        self.clear_error()

    def isComplete(self) -> bool:
        return bool(self.matter_code())

    def lead_values(self) -> dict[str, Any]:
        text = self.fine.text().strip()
        return {"matter_code": self.matter_code(),
                "proposed_fine_fen": parse_yuan(text, "proposed_fine_fen") if text else 0}

    def field_widget(self, field: str | None) -> QWidget | None:
        return {"matter_code": self.filter, "proposed_fine_fen": self.fine}.get(field or "")

    def retranslate(self) -> None:
        self.setTitle(self.tr("Enforcement matter"))
        self.setSubTitle(self.tr("Choose the matter from the catalogue; type part of its code or name to filter."))
        self.model.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Matter")])
        self._labels["filter"].setText(self.tr("Fi&lter:"))
        self._labels["basis"].setText(self.tr("Legal basis:"))
        self._labels["fine"].setText(self.tr("Proposed fine (&yuan):"))
        self.fine.setPlaceholderText(self.tr("e.g. 5000 or 1200.50"))
        self._selection_changed()
