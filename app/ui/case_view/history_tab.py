"""历史: the audit trail made readable, newest first, a page at a time."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import action_label, approval_action_label, when
from app.ui.labels import role_label, stage_label

HISTORY_PAGE = 50


def _approval_decision(entry: Any) -> str | None:
    """The decision an in-stage approval entry recorded (the last approval it added)."""
    added = entry.after.get("approvals")
    return added[-1][1] if isinstance(added, list) and added else None


class HistoryTab(QWidget):
    def __init__(self, parent: QWidget | None = None, page_size: int = HISTORY_PAGE):
        super().__init__(parent)
        self.page_size = page_size
        self.table = TextTable(objectName="historyTable")
        self.previous, self.next = QPushButton(), QPushButton()
        self.page_label = QLabel()
        self.previous.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next.clicked.connect(lambda: self.show_page(self.page + 1))
        pager = QHBoxLayout()
        pager.addWidget(self.previous)
        pager.addWidget(self.page_label)
        pager.addWidget(self.next)
        pager.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(pager)
        self._entries: list[Any] = []
        self.page = 0
        self.retranslate()

    @property
    def pages(self) -> int:
        return max(1, -(-len(self._entries) // self.page_size))

    def show_history(self, history: Sequence[Any]) -> None:
        self._entries = list(reversed(history))
        self.show_page(0)

    def show_page(self, page: int) -> None:
        self.page = min(max(page, 0), self.pages - 1)
        self.retranslate()

    def _row(self, entry: Any) -> list[str]:
        before, after = entry.before.get("stage"), entry.after.get("stage")
        stages = f"{stage_label(before)} → {stage_label(after)}" if before else (
            f"→ {stage_label(after)}" if after else "")
        decision = _approval_decision(entry) if entry.action.startswith("approval:") else None
        label = approval_action_label(entry.action, decision) if decision else action_label(entry.action)
        return [when(entry.at), entry.actor_name, role_label(entry.role), label, stages, entry.reason]

    def retranslate(self) -> None:
        self.table.set_headers([self.tr("Time"), self.tr("By"), self.tr("Role"), self.tr("Action"),
                                self.tr("Stage"), self.tr("Reason or comment")])
        self.previous.setText(self.tr("&Previous page"))
        self.next.setText(self.tr("&Next page"))
        self.page_label.setText(self.tr("Page {page} of {pages} ({count} entries)").format(
            page=self.page + 1, pages=self.pages, count=len(self._entries)))
        start = self.page * self.page_size
        self.table.set_rows([self._row(e) for e in self._entries[start:start + self.page_size]])
        self.previous.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < self.pages - 1)
        visible = len(self._entries) > self.page_size
        for widget in (self.previous, self.next, self.page_label):
            widget.setVisible(visible)
