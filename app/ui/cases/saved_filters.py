"""Saved filters in the case list: a combo to pick one, Save… and Delete; and the translation of a
:class:`CaseFilter` to the JSON object :class:`app.config.saved_filters.SavedFilters` stores."""

from __future__ import annotations

import logging
from dataclasses import fields
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton, QWidget

from app.config.saved_filters import SavedFilters, check_name
from app.domain.cases import CaseKind, Stage
from app.domain.errors import ValidationError
from app.services.cases import SORT_KEYS, CaseFilter

log = logging.getLogger(__name__)
_DEFAULT = CaseFilter()


def filter_to_json(flt: CaseFilter) -> dict[str, Any]:
    """Only what differs from the default filter (so a changed default reaches saved filters)."""
    data: dict[str, Any] = {}
    for f in fields(CaseFilter):
        value = getattr(flt, f.name)
        if value == getattr(_DEFAULT, f.name):
            continue
        if isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = [str(v) for v in value]
        elif isinstance(value, CaseKind | Stage):
            value = value.value
        data[f.name] = value
    return data


def filter_from_json(data: dict[str, Any]) -> CaseFilter:
    """The filter saved as ``data``; a value this version does not understand (a stage a newer
    version added, a damaged date) is dropped rather than failing the whole filter."""
    values: dict[str, Any] = {}
    readers = {"kind": CaseKind, "stage": Stage, "registered_from": date.fromisoformat,
               "registered_to": date.fromisoformat, "stages": lambda v: tuple(Stage(s) for s in v),
               "matter_code": str, "officer_uuid": str, "text": str, "descending": bool,
               "deadline": lambda v: v if v in ("overdue", "due_soon") else _bad(v),
               "sort": lambda v: v if v in SORT_KEYS else _bad(v),
               "due_within_days": lambda v: v if isinstance(v, int) and 0 < v < 100 else _bad(v)}
    for name, value in data.items():
        reader = readers.get(name)
        if reader is None or value is None:
            continue
        try:
            values[name] = reader(value)
        except (TypeError, ValueError):
            log.info("saved filter: ignoring %s=%r", name, value)
    flt = CaseFilter(**values)
    if flt.registered_from and flt.registered_to and flt.registered_from > flt.registered_to:
        flt = CaseFilter(**{**values, "registered_to": None})
    return flt


def _bad(value: object) -> object:
    raise ValueError(value)


class SavedFilterControls(QWidget):
    """``chosen(CaseFilter)`` when the user picks a saved filter. The list widget tells it the
    current filter (``show_current``) so Save… saves that and the combo shows which one is on."""

    chosen = Signal(object)

    def __init__(self, store: SavedFilters, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self._current = CaseFilter()
        self.label = QLabel()
        self.combo = QComboBox()
        self.combo.setObjectName("savedFilters")
        self.combo.setMinimumContentsLength(10)
        self.label.setBuddy(self.combo)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveFilter")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteFilter")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.combo, self.save_button, self.delete_button):
            layout.addWidget(widget)
        self.combo.activated.connect(self._on_activated)
        self.save_button.clicked.connect(self.ask_and_save)
        self.delete_button.clicked.connect(self.delete_selected)
        self._retranslate()

    def selected_name(self) -> str | None:
        return self.combo.currentData()

    def show_current(self, flt: CaseFilter) -> None:
        """Select the saved filter equal to ``flt``, or the placeholder when none is."""
        self._current = flt
        match = next((name for name in self.store.names() if self._load(name) == flt), None)
        index = self.combo.findData(match) if match is not None else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.delete_button.setEnabled(match is not None)

    def save_as(self, name: str) -> str:
        """Save the current filter under ``name`` (replacing one of that name)."""
        name = self.store.put(name, filter_to_json(self._current))
        self._fill()
        self.show_current(self._current)
        return name

    def ask_and_save(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name of the filter:"),
                                        text=self.selected_name() or "")
        if not ok:
            return
        try:
            name = check_name(name)
        except ValidationError as exc:
            QMessageBox.warning(self, self.tr("Save filter"), exc.message)
            return
        if name in self.store and self._load(name) != self._current:
            answer = QMessageBox.question(self, self.tr("Save filter"),
                                          self.tr("Replace the saved filter “{name}”?").format(name=name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.save_as(name)

    def delete_selected(self) -> None:
        name = self.selected_name()
        if name is not None and self.store.remove(name):
            self._fill()
            self.show_current(self._current)

    def _load(self, name: str) -> CaseFilter | None:
        data = self.store.get(name)
        return filter_from_json(data) if data is not None else None

    def _on_activated(self, index: int) -> None:
        name = self.combo.itemData(index)
        flt = self._load(name) if name is not None else None
        self.delete_button.setEnabled(flt is not None)
        if flt is not None:
            self.chosen.emit(flt)

    def _fill(self) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("(none)"), None)
        for name in self.store.names():
            self.combo.addItem(name, name)
        self.combo.blockSignals(False)

    def _retranslate(self) -> None:
        self.label.setText(self.tr("Sa&ved filters"))
        self.save_button.setText(self.tr("&Save filter…"))
        self.delete_button.setText(self.tr("Delete filter"))
        self._fill()
        self.show_current(self._current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
