"""Settings → Document number register (文号登记簿), for administrators and bureau heads: every 文号
of a year, by series — used (with its case, when and by whom), void (with the reason), not yet
issued, or returned — read in the background; a used number can be voided with a reason."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserError
from app.domain.users import SignedIn
from app.services.documents.policy import REGISTRARS
from app.ui.case_view.table import TextTable
from app.ui.case_view.texts import when
from app.ui.documents.labels import register_state_label
from app.ui.documents.void_dialog import VoidNumberDialog
from app.ui.tasks import Progress, TaskRunner

if TYPE_CHECKING:
    from app.services import Services


def _case_numbers(services: Services, lines: list[Any], progress: Progress) -> dict[str, str]:
    numbers: dict[str, str] = {}
    wanted = sorted({line.case_uuid for line in lines if line.case_uuid})
    for i, case_uuid in enumerate(wanted, 1):
        try:
            numbers[case_uuid] = services.cases.get(case_uuid).number
        except UserError:  # a case deleted since: the register still lists its number
            numbers[case_uuid] = ""
        progress.report(i, len(wanted))
    return numbers


class NumberRegisterSection(QGroupBox):
    loaded = Signal()  # the table shows the register of the year chosen

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("numberRegister")
        self.services, self.session = services, session
        self.documents = services.documents
        self.runner = TaskRunner(self)
        self.lines: list[Any] = []
        self.case_numbers: dict[str, str] = {}
        self.dialog: VoidNumberDialog | None = None

        self.year_caption = QLabel()
        self.year = QSpinBox(objectName="registerYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(services.clock.now().year)
        self.year.setKeyboardTracking(False)  # typing 2025 does not load 2, 20 and 202 first
        self.year.valueChanged.connect(lambda _year: self.reload())
        self.year_caption.setBuddy(self.year)
        self.summary = QLabel(objectName="registerSummary")
        top = QHBoxLayout()
        top.addWidget(self.year_caption)
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        self.table = TextTable(objectName="registerTable")
        self.table.setMinimumHeight(260)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.void_button = QPushButton(objectName="voidNumber")
        self.void_button.clicked.connect(self.void_selected)
        self.reload_button = QPushButton(objectName="reloadRegister")
        self.reload_button.clicked.connect(self.reload)
        buttons = QHBoxLayout()
        buttons.addWidget(self.void_button)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        self.note = QLabel(wordWrap=True, objectName="registerNote")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.note)
        self._retranslate()
        self._read = False  # read when first shown: the settings page is built at every sign-in

    # -- reading -------------------------------------------------------------------------------
    def reload(self) -> None:
        self._read = True
        services, year = self.services, self.year.value()

        def work(progress: Progress) -> tuple[int, list[Any], dict[str, str]]:
            lines = services.documents.register(year)
            return year, lines, _case_numbers(services, lines, progress)

        self.runner.run(self.tr("Reading the number register"), work, self._show, self._failed)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._read:
            self.reload()

    def _show(self, result: tuple[int, list[Any], dict[str, str]]) -> None:
        year, lines, numbers = result
        if year != self.year.value():  # the year changed meanwhile: its own reading follows
            return
        chosen = self.selected_line()
        self.lines, self.case_numbers = lines, numbers
        self._fill()
        if chosen is not None:
            self.select(chosen.series, chosen.first)
        self._update_buttons()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._update_buttons()
        if isinstance(exc, UserError):
            self.note.setText(exc.message)
        else:
            self.runner.default_failure(exc)

    def _number_text(self, line: Any) -> str:
        if line.text:
            return line.text
        if line.first == line.last:
            return self.tr("{series} No. {first}").format(series=line.series, first=line.first)
        return self.tr("{series} No. {first}–{last}").format(series=line.series, first=line.first, last=line.last)

    def _fill(self) -> None:
        rows = [[self._number_text(line), line.series, register_state_label(line.state),
                 self.case_numbers.get(line.case_uuid or "", ""), when(line.at), line.actor_name, line.workstation,
                 line.reason] for line in self.lines]
        self.table.set_rows(rows, greyed=[line.state in ("unissued", "returned") for line in self.lines])
        used = sum(1 for line in self.lines if line.state == "used")
        void = sum(1 for line in self.lines if line.state == "void")
        self.summary.setText(self.tr("{used} used, {void} void").format(used=used, void=void))

    def select(self, series: str, first: int) -> None:
        for row, line in enumerate(self.lines):
            if line.series == series and line.first == first:
                self.table.selectRow(row)

    def selected_line(self) -> Any | None:
        model = self.table.selectionModel()
        rows = model.selectedRows() if model else []
        return self.lines[rows[0].row()] if rows and rows[0].row() < len(self.lines) else None

    def _update_buttons(self) -> None:
        line = self.selected_line()
        self.void_button.setEnabled(line is not None and line.state == "used" and self.session.role in REGISTRARS)
        self.reload_button.setEnabled(not self.runner.busy)

    # -- voiding -------------------------------------------------------------------------------
    def void_selected(self) -> VoidNumberDialog | None:
        line = self.selected_line()
        if line is None or line.state != "used" or self.session.role not in REGISTRARS:
            return None
        documents, actor = self.documents, self.session.actor

        def void(reason: str) -> None:
            documents.void_number(actor, line.series, line.year, line.first, reason)

        dialog = VoidNumberDialog(line.text, void, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._voided(line))
        dialog.destroyed.connect(lambda *_: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _voided(self, line: Any) -> None:
        self.note.setText(self.tr("{number} is void.").format(number=line.text))
        self.reload()

    # -- texts ---------------------------------------------------------------------------------
    def _retranslate(self) -> None:
        self.setTitle(self.tr("Document number register"))
        self.year_caption.setText(self.tr("&Year:"))
        self.table.set_headers([self.tr("Number"), self.tr("Series"), self.tr("State"), self.tr("Case"),
                                self.tr("Issued / returned"), self.tr("By"), self.tr("Workstation"),
                                self.tr("Reason voided")])
        self.void_button.setText(self.tr("&Void number…"))
        self.reload_button.setText(self.tr("Reload re&gister"))
        if self.lines:
            self._fill()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)
