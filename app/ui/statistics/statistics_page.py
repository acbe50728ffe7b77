"""统计: the bureau's figures as labelled numbers, and case counts by kind and by stage as bars.

Computed through the task runner (aggregates over 100,000 cases take longer than a frame), on
first showing and when the user asks (Refresh, F5).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserCancelled
from app.domain.money import format_yuan
from app.services.statistics import CaseStatistics, StatisticsService
from app.ui.labels import kind_label, stage_label
from app.ui.statistics.bar_table import BarTable
from app.ui.tasks import Progress, TaskRunner

FIGURES = ("total", "open", "overdue", "closed", "handling", "fines", "collected", "legal_review", "hearing")


class StatisticsPage(QWidget):
    """``StatisticsPage(services)``; ``updated(CaseStatistics)`` after each computation."""

    updated = Signal(object)

    def __init__(self, services: Any, parent: QWidget | None = None, *, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.setObjectName("statisticsPage")
        self._service = StatisticsService.for_services(services)
        self.runner = runner or TaskRunner(self)
        self.statistics: CaseStatistics | None = None
        self._shown_once = False

        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.as_of = QLabel()
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshStatistics")
        self.refresh_button.clicked.connect(self.refresh)
        # its own shortcut: the button's text sets the button's (the Alt mnemonic)
        self.refresh_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        self.refresh_shortcut.activated.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.as_of, 1)
        top.addWidget(self.refresh_button)

        self.figures_box = QGroupBox()
        form = QFormLayout(self.figures_box)
        self._captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key in FIGURES:
            caption, value = QLabel(), QLabel("—")
            value.setObjectName(f"figure_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self._captions[key], self.values[key] = caption, value
            form.addRow(caption, value)

        self.kind_box, self.stage_box = QGroupBox(), QGroupBox()
        self.by_kind, self.by_stage = BarTable(), BarTable()
        for box, table in ((self.kind_box, self.by_kind), (self.stage_box, self.by_stage)):
            QVBoxLayout(box).addWidget(table)
        tables = QVBoxLayout()
        tables.addWidget(self.kind_box, 1)
        tables.addWidget(self.stage_box, 3)
        body = QHBoxLayout()
        body.addWidget(self.figures_box, 2)
        body.addLayout(tables, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self._retranslate()

    # -- computing -------------------------------------------------------------------------------
    def refresh(self) -> None:
        if self.runner.busy:
            return
        service, text = self._service, self.tr("Counting cases…")

        def work(progress: Progress) -> CaseStatistics:
            progress.report(0, None, text)
            figures = service.compute()
            if progress.cancelled:
                raise UserCancelled()
            return figures

        self.refresh_button.setEnabled(False)
        self.runner.run(self.tr("Statistics"), work, self.show_statistics, self._on_failure)

    def _on_failure(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.runner.default_failure(exc)

    def show_statistics(self, figures: CaseStatistics) -> None:
        self.refresh_button.setEnabled(True)
        self.statistics = figures
        self._show()
        self.updated.emit(figures)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self.refresh()

    # -- showing ---------------------------------------------------------------------------------
    def _show(self) -> None:
        s = self.statistics
        if s is None:
            return
        self.as_of.setText(self.tr("as of {time}").format(time=s.as_of.strftime("%Y-%m-%d %H:%M")))
        of = self.tr("{count} ({percent} of {whole})")
        texts = {
            "total": f"{s.total:,}",
            "open": f"{s.open_cases:,}",
            "overdue": of.format(count=f"{s.overdue:,}", percent=_percent(s.overdue_rate), whole=f"{s.open_cases:,}"),
            "closed": f"{s.closed_this_year:,}",
            "handling": self.tr("{days} days ({count} cases)").format(
                days=f"{s.average_handling_days:.1f}", count=f"{s.closed_with_dates:,}")
            if s.average_handling_days is not None else "—",
            "fines": format_yuan(s.fines_decided_fen),
            "collected": self.tr("{amount} ({percent})").format(amount=format_yuan(s.fines_collected_fen),
                                                                percent=_percent(s.collection_rate)),
            "legal_review": of.format(count=f"{s.legal_reviewed:,}", percent=_percent(s.legal_review_rate),
                                      whole=f"{s.decided_ordinary:,}"),
            "hearing": of.format(count=f"{s.hearings:,}", percent=_percent(s.hearing_rate),
                                 whole=f"{s.decided_ordinary:,}"),
        }
        for key, text in texts.items():
            self.values[key].setText(text)
        self._captions["closed"].setText(self.tr("Closed in {year}:").format(year=s.year))
        self.by_kind.set_counts([(kind_label(k), n) for k, n in s.by_kind.items()])
        self.by_stage.set_counts([(stage_label(st), n) for st, n in s.by_stage.items() if n])

    def _retranslate(self) -> None:
        self.title.setText(self.tr("Statistics"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.refresh_button.setToolTip(self.tr("Count again (F5)"))
        self.figures_box.setTitle(self.tr("Figures"))
        self.kind_box.setTitle(self.tr("Cases by kind"))
        self.stage_box.setTitle(self.tr("Cases by stage"))
        self.by_kind.set_headers(self.tr("Kind"), self.tr("Cases"))
        self.by_stage.set_headers(self.tr("Stage"), self.tr("Cases"))
        captions = {
            "total": self.tr("All cases:"),
            "open": self.tr("Open cases:"),
            "overdue": self.tr("Overdue (of open cases):"),
            "closed": self.tr("Closed this year:"),
            "handling": self.tr("Average handling time, filing to closing:"),
            "fines": self.tr("Fines decided:"),
            "collected": self.tr("Fines collected:"),
            "legal_review": self.tr("Legal review (of decided ordinary cases):"),
            "hearing": self.tr("Hearings (of decided ordinary cases):"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"
