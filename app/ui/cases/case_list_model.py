"""The case list as a Qt table model that pages through the service, 200 rows at a time.

A bureau keeps tens of thousands of cases. The model reports every matching row (so the scroll bar
is true to size) but holds only the few pages last looked at: a page is read when a row of it is
first asked for, and the least recently used page is dropped beyond ``MAX_PAGES``. Memory stays
flat however far one scrolls — and so do the garbage collector's pauses, which with every row kept
reached 150 ms at 100,000 cases.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import replace
from typing import Any, Protocol

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont

from app.services.cases import CaseFilter, CaseRow
from app.services.clock import SHANGHAI
from app.ui.deadline_display import deadline_brush, deadline_text
from app.ui.labels import stage_label

log = logging.getLogger(__name__)

PAGE_SIZE = 200
MAX_PAGES = 12  # pages kept: a few screens above and below, and where the user jumped from
CASE_ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the CaseRow behind a row, for views that act on it

_CONTEXT = "CaseListModel"
# (attribute, English header) — the order of the columns
COLUMNS: tuple[tuple[str, str], ...] = (
    ("number", QT_TRANSLATE_NOOP("CaseListModel", "Number")),
    ("party_names", QT_TRANSLATE_NOOP("CaseListModel", "Party")),
    ("matter_name", QT_TRANSLATE_NOOP("CaseListModel", "Matter")),
    ("stage", QT_TRANSLATE_NOOP("CaseListModel", "Stage")),
    ("officer_names", QT_TRANSLATE_NOOP("CaseListModel", "Officers")),
    ("next_due", QT_TRANSLATE_NOOP("CaseListModel", "Next deadline")),
    ("updated_at", QT_TRANSLATE_NOOP("CaseListModel", "Updated")),
)
# column attribute -> CaseFilter.sort key; columns not named here cannot be sorted by
SORT_KEY_OF_COLUMN = {"number": "number", "party_names": "party", "matter_name": "matter", "stage": "stage",
                      "next_due": "next_due", "updated_at": "updated"}
# the order a first click on a header sorts by: the newest change first, the nearest deadline first
_FIRST_DESCENDING = frozenset({"updated"})

_INDEX_ROOT = QModelIndex()


class CasesService(Protocol):
    def count(self, flt: CaseFilter) -> int: ...

    def list_cases(self, flt: CaseFilter, offset: int, limit: int) -> list[CaseRow]: ...


class CaseListModel(QAbstractTableModel):
    """Read-only rows of :class:`CaseRow`; ``totalChanged`` reports the match count after a reset."""

    totalChanged = Signal(int)

    def __init__(self, cases: CasesService, parent: QObject | None = None, page_size: int = PAGE_SIZE):
        super().__init__(parent)
        self._cases = cases
        self._page_size = page_size
        self._filter = CaseFilter()
        self._pages: OrderedDict[int, list[CaseRow]] = OrderedDict()
        self._total = 0
        self.refresh()

    # -- loading -------------------------------------------------------------------------------
    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    def total(self) -> int:
        """How many cases match the filter (not how many are loaded)."""
        return self._total

    def sort_column(self) -> int | None:
        """The column the rows are sorted by, or None (search text orders by relevance instead)."""
        if self._filter.text.strip():
            return None
        return next((i for i, (attr, _) in enumerate(COLUMNS) if SORT_KEY_OF_COLUMN.get(attr) == self._filter.sort),
                    None)

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._filter.descending else Qt.SortOrder.AscendingOrder

    @staticmethod
    def sortable(column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column][0] in SORT_KEY_OF_COLUMN

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (the service sorts, from the first page on); other columns are ignored."""
        if not self.sortable(column):
            return
        key = SORT_KEY_OF_COLUMN[COLUMNS[column][0]]
        wanted = replace(self._filter, sort=key, descending=order == Qt.SortOrder.DescendingOrder)
        if wanted != self._filter:
            self.set_filter(wanted)

    def set_filter(self, flt: CaseFilter) -> None:
        previous, self._filter = self._filter, flt
        try:
            self.refresh()
        except Exception:
            self._filter = previous  # the rows shown still match the filter reported
            raise

    def refresh(self) -> None:
        """Count again and read the first page; other pages are read as their rows are shown."""
        total = self._cases.count(self._filter)  # before the reset: a failure leaves the old rows intact
        first = self._cases.list_cases(self._filter, 0, min(self._page_size, total)) if total else []
        self.beginResetModel()
        self._pages = OrderedDict({0: first}) if total else OrderedDict()
        self._total = total
        self.endResetModel()
        self.totalChanged.emit(self._total)

    def _page(self, number: int) -> list[CaseRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        offset = number * self._page_size
        page = self._cases.list_cases(self._filter, offset, min(self._page_size, self._total - offset))
        if len(page) < min(self._page_size, self._total - offset):
            # cases went away since the count: those rows show empty until the next refresh
            log.info("case list: expected rows at %d, got %d", offset, len(page))
        self._pages[number] = page
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return page

    def loaded_pages(self) -> list[int]:
        """The page numbers held now (least recently used first)."""
        return list(self._pages)

    def loaded_rows(self) -> list[CaseRow]:
        """The rows held now, in list order (never more than MAX_PAGES pages)."""
        return [row for number in sorted(self._pages) for row in self._pages[number]]

    def case_at(self, row: int) -> CaseRow | None:
        if not 0 <= row < self._total:
            return None
        page = self._page(row // self._page_size)
        at = row % self._page_size
        return page[at] if at < len(page) else None

    # -- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = _INDEX_ROOT) -> int:
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: QModelIndex = _INDEX_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate(_CONTEXT, COLUMNS[section][1])
            if role == Qt.ItemDataRole.InitialSortOrderRole and self.sortable(section):
                key = SORT_KEY_OF_COLUMN[COLUMNS[section][0]]
                return Qt.SortOrder.DescendingOrder if key in _FIRST_DESCENDING else Qt.SortOrder.AscendingOrder
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.case_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "next_due":
                return row.deadline_explanation or None
            return self._display(row, column) or None
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            return deadline_brush(row.deadline_status, role)
        if role == Qt.ItemDataRole.FontRole and column == "next_due" and row.deadline_status == "overdue":
            font = QFont()
            font.setBold(True)
            return font
        if role == CASE_ROW_ROLE:
            return row
        return None

    def _display(self, row: CaseRow, column: str) -> str:
        if column == "stage":
            return stage_label(row.stage)
        if column == "next_due":
            return deadline_text(row)
        if column == "updated_at":
            return row.updated_at.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M") if row.updated_at else ""
        return str(getattr(row, column) or "")

    def retranslate(self) -> None:
        """Headers and stage labels are translated when read; tell the views to read them again.
        (Models get no LanguageChange event; the view owning this model calls this.)"""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, len(COLUMNS) - 1))
