"""设备: the devices docked at this workstation as cards (import, progress, eject), "Import from
folder…" for a memory card or a device the computer opened as a drive, imports that stopped
half-way offered for resume, the imports made, and the evidence still waiting for a case.

The device manager runs its own USB thread, built and started when this area is first shown; this page
gives it the UI's handler (password and yes/no questions come here) and hears about devices through the
bridge."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import UserCancelled, UserError
from app.domain.evidence import ImportRecord, ImportState
from app.domain.users import SignedIn
from app.ui.devices.bridge import DeviceBridge
from app.ui.devices.device_card import DeviceCard, summary_text
from app.ui.devices.handler import QtDeviceHandler
from app.ui.devices.import_job import ImportJob, StorageDidNotAppear, source_label
from app.ui.devices.import_log import ImportLogDialog
from app.ui.devices.imports_panel import ImportsPanel
from app.ui.devices.triage import TriagePanel
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.devices.manager import DeviceManager, DockedDevice
    from app.services import Services

COLUMNS = 2
EJECT_TIMEOUT_S = 90
BUS_CHECK_MS = 3000


def _restore_handler(manager: object, mine: object, previous: object) -> None:
    if getattr(manager, "handler", None) is mine:
        manager.handler = previous  # type: ignore[attr-defined]


def area_title() -> str:
    """The name of this area in the main window's list."""
    return QCoreApplication.translate("DevicesPage", "Devices")


class DevicesPage(QWidget):
    changed = Signal()  # evidence was imported or linked (the to-do list counts the evidence waiting)

    def __init__(self, services: Services, session: SignedIn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("devicesPage")
        self.services, self.session = services, session
        self.evidence = services.evidence
        self._manager: DeviceManager | None = None  # joined when first needed: see manager
        self.bridge: DeviceBridge | None = None
        self.runner = TaskRunner(self)
        self.cards: dict[str, DeviceCard] = {}
        self.jobs: dict[str, ImportJob] = {}  # device id -> the import running from it
        self.resume_job: ImportJob | None = None  # an import resumed from the imports list
        self.dialog: ImportLogDialog | None = None
        self.handler = QtDeviceHandler(self)
        self.handler.said.connect(self._said)

        self.intro = QLabel(wordWrap=True, objectName="devicesIntro")
        self.folder_button = QPushButton(objectName="importFolder")
        self.folder_button.clicked.connect(self.import_folder)
        self.banner = QLabel(wordWrap=True, objectName="devicesBanner")
        self.banner.setStyleSheet("#devicesBanner { background: #fff4d6; border: 1px solid #e0c070; padding: 4px; }")
        self.banner.setVisible(False)
        self.unfinished = QLabel(wordWrap=True, objectName="unfinishedImports")
        self.unfinished.setVisible(False)
        self.unfinished.linkActivated.connect(lambda _link: self.tabs.setCurrentWidget(self.imports))
        self.empty = QLabel(wordWrap=True, objectName="noDevices")
        self.grid = QGridLayout()
        self.grid.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addWidget(self.empty)
        column.addLayout(self.grid)
        column.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(holder)
        dock = QWidget()
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.folder_button)
        layout = QVBoxLayout(dock)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.unfinished)
        layout.addWidget(scroll, 1)

        self.triage = TriagePanel(services, session)
        self.triage.linked.connect(lambda _cases: self.changed.emit())
        self.triage.counted.connect(lambda _waiting, _flagged: self._retitle())
        self.imports = ImportsPanel(self.evidence)
        self.imports.read.connect(self._imports_read)
        self.imports.resume_clicked.connect(self.resume)
        self.imports.log_clicked.connect(self.show_log)
        self.imports.progress.cancel_clicked.connect(lambda: self.resume_job and self.resume_job.cancel())
        self.tabs = QTabWidget(objectName="devicesTabs")
        for page in (dock, self.triage, self.imports):
            self.tabs.addTab(page, "")
        QVBoxLayout(self).addWidget(self.tabs)

        jobs = self.jobs  # not self: the page is gone when destroyed fires
        self.destroyed.connect(lambda *_: [job.cancel() for job in list(jobs.values())])
        self.bus_timer = QTimer(self, interval=BUS_CHECK_MS)  # the USB thread reports a broken bus only here
        self.bus_timer.timeout.connect(self._update_empty)
        self.retranslate()
        self._lists_read = False

    @property
    def manager(self) -> DeviceManager:
        """The device manager, joined when the area is first shown or first needed: building it reads the
        drivers and the user-defined devices, which the first case page does not wait for."""
        if self._manager is None:
            self._join(self.services.devices)
        return self._manager  # type: ignore[return-value]  # _join set it

    def _join(self, manager: DeviceManager) -> None:
        """Questions from the manager's thread come to this page; its devices become cards."""
        self._manager = manager
        previous, handler = manager.handler, self.handler
        manager.handler = handler
        # when the page goes (sign-out, a role switch), questions go back to whoever answered before
        self.destroyed.connect(lambda *_: _restore_handler(manager, handler, previous))
        self.bridge = DeviceBridge(manager, self)
        self.bridge.changed.connect(self.device_changed)
        self.bus_timer.start()
        for device in manager.devices():
            self.device_changed(device)

    def showEvent(self, event: QShowEvent) -> None:
        """The USB thread starts, and the import and triage lists are read (with their thumbnails), when
        the area is first opened (start() does nothing once it runs): a session that never looks at
        devices never touches the bus, and the first case page does not wait for evidence lists."""
        super().showEvent(event)
        if not self._lists_read:
            self._lists_read = True
            self.imports.refresh()
            self.triage.refresh()
        self.manager.start()

    # -- devices ---------------------------------------------------------------------------------
    def device_changed(self, device: DockedDevice) -> None:
        card = self.cards.get(device.id)
        if device.state == "gone" and card is not None and not card.importing and card.record is None:
            self._remove(device.id)
        elif device.state != "gone" or card is not None:
            if card is None:
                card = self._add_card(device)
            card.set_device(device)
            self._match_unfinished(card)
        self._update_empty()

    def _add_card(self, device: DockedDevice) -> DeviceCard:
        card = DeviceCard(device)
        card.import_clicked.connect(self.start_import)
        card.cancel_clicked.connect(lambda device_id: self.jobs[device_id].cancel() if device_id in self.jobs else None)
        card.release_clicked.connect(self.release)
        card.retry_clicked.connect(self.retry)
        card.log_clicked.connect(self.show_log)
        self.cards[device.id] = card
        self._layout_cards()
        return card

    def _remove(self, device_id: str) -> None:
        card = self.cards.pop(device_id, None)
        if card is not None:
            self.grid.removeWidget(card)
            card.deleteLater()
            self._layout_cards()
        self._update_empty()

    def _layout_cards(self) -> None:
        for card in self.cards.values():
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards.values()):
            self.grid.addWidget(card, index // COLUMNS, index % COLUMNS)

    def _update_empty(self) -> None:
        """No card: say so, or why no device can be seen (libusb missing, no permission)."""
        problem = getattr(self._manager, "bus_problem", None)  # not joined yet: nothing to report
        self.empty.setText(problem.message if problem is not None else self.tr(
            "No device is docked. For a memory card or a device the computer opened as a drive, use Import from "
            "folder…"))
        self.empty.setVisible(not self.cards or problem is not None)

    def _said(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

    def retry(self, device_id: str) -> None:
        manager = self.manager
        self.runner.run(self.tr("Reading the device again"), lambda _p: manager.reprobe(device_id).result(),
                        self.device_changed, self.runner.failure_shown(self.tr("Devices")), cancellable=False)

    def release(self, device_id: str) -> None:
        card = self.cards.get(device_id)
        if card is None or card.importing:
            return
        manager = self.manager
        if card.device.state == "gone":
            self._remove(device_id)
        elif card.folder:
            self.runner.run(self.tr("Removing the folder"), lambda _p: manager.forget(device_id),
                            lambda _r: self._remove(device_id), self.runner.failure_shown(self.tr("Devices")),
                            cancellable=False)
        else:
            self.runner.run(self.tr("Ejecting the device"),
                            lambda _p: manager.eject(device_id).result(EJECT_TIMEOUT_S),
                            lambda result: self._ejected(device_id, result),
                            self.runner.failure_shown(self.tr("Eject"), first=lambda: self._eject_failed(device_id)),
                            cancellable=False)

    def _ejected(self, device_id: str, result: object) -> None:
        card = self.cards.get(device_id)
        if card is None:
            return
        warning = getattr(result, "warning", None)
        card.note(warning.message if warning is not None else self.tr("Ejected: the device can be unplugged now."),
                  ok=warning is None)

    def _eject_failed(self, device_id: str) -> None:
        card = self.cards.get(device_id)
        if card is not None:
            card.note(self.tr("Not ejected: do not unplug the device yet."), ok=False)

    # -- importing -------------------------------------------------------------------------------
    def _imports_read(self, records: list[ImportRecord]) -> None:
        for card in self.cards.values():
            self._match_unfinished(card)
        stopped = [r for r in records if r.state is not ImportState.DONE]
        self.unfinished.setVisible(bool(stopped))
        self.unfinished.setText(self.tr("{count} imports stopped half-way and can be resumed: "
                                        "<a href=\"imports\">see Imports</a>.").format(count=len(stopped)))

    def _match_unfinished(self, card: DeviceCard) -> None:
        if card.importing:
            return
        device = card.device
        name = getattr(device.driver, "NAME", "")
        serial = device.info.serial if device.info is not None else ""
        label = source_label(device)
        card.resumable = next((r for r in self.imports.unfinished()
                               if r.uuid != self.imports.resuming and r.driver == name
                               and ((serial and r.device_serial == serial) or r.source == label)), None)
        card.retranslate()

    def start_import(self, device_id: str) -> ImportJob | None:
        card = self.cards.get(device_id)
        if card is None or card.importing or device_id in self.jobs:
            return None
        resume = card.resumable.uuid if card.resumable is not None else ""
        job = ImportJob(self.evidence, self.session.actor, device=card.device, manager=self.manager, resume=resume,
                        parent=self)
        self._attach(job, device_id)
        card.started()
        job.start()
        return job

    def _attach(self, job: ImportJob, device_id: str) -> None:
        self.jobs[device_id] = job
        job.stepped.connect(lambda step: self._card_of(job) and self._card_of(job).stepped(step))
        job.progressed.connect(lambda p: self._card_of(job) and self._card_of(job).progressed(p))
        job.moved.connect(lambda device: self._moved(job, device))
        job.succeeded.connect(lambda record: self._ended(job, record, ""))
        job.failed.connect(lambda exc: self._ended(job, None, self._failure_text(exc)))

    def _card_of(self, job: ImportJob) -> DeviceCard | None:
        return next((self.cards.get(d) for d, j in self.jobs.items() if j is job), None)

    def _moved(self, job: ImportJob, device: DockedDevice) -> None:
        """A protocol device came back as a drive: the import goes on on the drive's card."""
        old = next((d for d, j in self.jobs.items() if j is job), None)
        if old is not None:
            del self.jobs[old]
            if old in self.cards and not self.cards[old].record:
                self.cards[old].importing = False
                self._remove(old)
        self.device_changed(device)
        self.jobs[device.id] = job
        self.cards[device.id].started()

    def _ended(self, job: ImportJob, record: ImportRecord | None, error: str) -> None:
        card = self._card_of(job)
        for device_id in [d for d, j in self.jobs.items() if j is job]:
            del self.jobs[device_id]
        if card is not None:
            card.finished(record, error)
            if card.device.state == "gone":
                card.retranslate()
        job.deleteLater()
        self.imports.refresh()
        self.triage.refresh()
        if record is not None:
            self.changed.emit()

    def _failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, UserCancelled):
            return self.tr("Cancelled: nothing was copied.")
        if isinstance(exc, StorageDidNotAppear):
            return self.tr("The device switched to storage mode but did not appear as a drive. Unplug it, dock it "
                           "again and import again.")
        if isinstance(exc, UserError):
            return exc.message
        self.runner.default_failure(exc)  # a bug: the crash dialog
        return self.tr("The import failed because of an error in Zhifa; it has been reported.")

    def import_folder(self) -> None:
        """A folder (memory card, a drive the computer opened): add it as a source, then import it."""
        name = QFileDialog.getExistingDirectory(self, self.tr("Import from folder"), str(Path.home()))
        if not name:
            return
        manager = self.manager
        self.runner.run(self.tr("Reading {path}").format(path=name), lambda _p: manager.add_folder(Path(name)),
                        self._folder_added, self.runner.failure_shown(self.tr("Import from folder"), self.banner))

    def _folder_added(self, device: DockedDevice) -> None:
        self.device_changed(device)
        if device.state == "ready":
            self.start_import(device.id)

    def resume(self, record: ImportRecord) -> None:
        card = next((c for c in self.cards.values() if c.resumable is not None and c.resumable.uuid == record.uuid),
                    None)
        if card is not None:  # the device is docked: resume on its card
            self.tabs.setCurrentIndex(0)
            self.start_import(card.device.id)
            return
        if self.resume_job is not None:
            return
        job = ImportJob(self.evidence, self.session.actor, resume=record.uuid, parent=self)
        self.resume_job, self.imports.resuming = job, record.uuid
        job.stepped.connect(self.imports.progress.step)
        job.progressed.connect(self.imports.progress.show_progress)
        job.succeeded.connect(lambda r: self._resumed(r, ""))
        job.failed.connect(lambda exc: self._resumed(None, self._failure_text(exc)))
        self.imports.progress.start()
        self.imports.update_buttons()
        job.start()

    def _resumed(self, record: ImportRecord | None, error: str) -> None:
        job, self.resume_job, self.imports.resuming = self.resume_job, None, ""
        self.imports.progress.stop()
        self.imports.note.setText(summary_text(record) if record is not None else error)
        if job is not None:
            job.deleteLater()
        self.imports.refresh()
        self.triage.refresh()
        if record is not None:
            self.changed.emit()

    def show_log(self, record: ImportRecord) -> ImportLogDialog:
        dialog = ImportLogDialog(self.evidence, record, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
        return dialog

    def show_triage(self) -> None:
        self.tabs.setCurrentWidget(self.triage)
        self.triage.refresh()

    # -- texts -----------------------------------------------------------------------------------
    def _retitle(self) -> None:
        count = len(self.triage.items)
        self.tabs.setTabText(1, self.tr("Evidence waiting for a case ({count})").format(count=count) if count
                             else self.tr("Evidence waiting for a case"))

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Docked devices"))
        self.tabs.setTabText(2, self.tr("Imports"))
        self._retitle()
        self.intro.setText(self.tr("Dock a body camera or another evidence device by USB: it appears here within "
                                   "seconds, with its officer, free space and clock."))
        self.folder_button.setText(self.tr("Import from &folder…"))
        self.folder_button.setToolTip(self.tr("A memory card in a card reader, or a device the computer opened as "
                                              "a drive"))
        self._update_empty()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
