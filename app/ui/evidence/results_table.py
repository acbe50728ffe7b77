"""Rapid-test results (快检结果) as a table: item, sample, value with unit, limit, verdict (a failed
test in red), time, sample number and method, one row per result of the items shown."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.domain.evidence import EvidenceItem, TestResult, Verdict
from app.ui.case_view.texts import when
from app.ui.evidence.labels import verdict_label

FAIL_BACKGROUND = QColor("#fde2e1")
PASS_FOREGROUND = QColor("#2e7d32")


class ResultsTable(QTableWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("resultsTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.results: list[tuple[EvidenceItem, TestResult]] = []
        self.retranslate()

    def set_items(self, items: Iterable[EvidenceItem]) -> None:
        self.results = [(item, result) for item in items for result in item.results]
        self._fill()

    def _fill(self) -> None:
        self.setRowCount(len(self.results))
        for row, (item, result) in enumerate(self.results):
            value = f"{result.value} {result.unit}".strip()
            limit = f"{result.limit} {result.unit}".strip() if result.limit else ""
            texts = (result.item, result.sample, value, limit, verdict_label(result.verdict),
                     when(result.tested_at), result.sample_no, result.method, item.name)
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if result.verdict is Verdict.FAIL:
                    cell.setBackground(QBrush(FAIL_BACKGROUND))
                elif column == 4 and result.verdict is Verdict.PASS:
                    cell.setForeground(QBrush(PASS_FOREGROUND))
                self.setItem(row, column, cell)

    def column_texts(self, column: int) -> list[str]:
        return [self.item(r, column).text() for r in range(self.rowCount())]

    def retranslate(self) -> None:
        headers = [self.tr("Test item"), self.tr("Sample"), self.tr("Value"), self.tr("Limit"), self.tr("Verdict"),
                   self.tr("Tested at"), self.tr("Sample no."), self.tr("Method"), self.tr("File")]
        self.setColumnCount(len(headers))
        self.setHorizontalHeaderLabels(headers)
        self._fill()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
