"""One import, off the UI thread: the driver prepares the device on the USB thread (log in, clock,
storage mode: a protocol device then comes back as a drive, which the job waits for), the evidence
service lists the files (plan) and copies them (run), reporting progress; Cancel sets an event the
copy loop checks (what was copied stays, and the import can be resumed).

The work runs on the thread pool like the task runner's (start-up and shut-down handle it the same
way) but reports into the device card instead of a modal window: an import may take many minutes
and the officer keeps working meanwhile."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.domain.errors import UserCancelled, UserError
from app.domain.evidence import ImportProgress, ImportRecord
from app.ui.evidence.labels import driver_label, message

if TYPE_CHECKING:
    from app.devices.manager import DeviceManager, DockedDevice
    from app.domain.officers import Actor
    from app.services.evidence import EvidenceService

log = logging.getLogger(__name__)
REPORT_INTERVAL_S = 0.1  # progress closer together than this is merged (the last report always goes)
PREPARE_TIMEOUT_S = 900  # the password dialog waits for the officer
STORAGE_WAIT_S = 90  # a protocol device switched to storage mode re-appears as a drive within this
POLL_S = 0.25


class StorageDidNotAppear(Exception):
    """A device switched to storage mode but no drive of it appeared (the page says so, translated)."""


class ImportJob(QObject):
    stepped = Signal(str)  # "prepare" | "storage" | "plan" | "copy"
    moved = Signal(object)  # DockedDevice: the drive a protocol device came back as (the job goes on there)
    progressed = Signal(object)  # ImportProgress
    succeeded = Signal(object)  # ImportRecord (done, or stopped by a fault or cancel: see its state)
    failed = Signal(object)  # the exception (UserError: its message is for the user)

    def __init__(self, evidence: EvidenceService, actor: Actor, *, device: DockedDevice | None = None,
                 manager: DeviceManager | None = None, resume: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.evidence, self.actor, self.device, self.manager, self.resume = evidence, actor, device, manager, resume
        self.cancel_event = threading.Event()
        self.running = False
        self.record: ImportRecord | None = None
        self.last: ImportProgress | None = None
        self.succeeded.connect(self._ended)
        self.failed.connect(self._ended)
        self.progressed.connect(self._remember)

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        (pool or QThreadPool.globalInstance()).start(_Runnable(self))

    def cancel(self) -> None:
        self.cancel_event.set()

    def _ended(self, outcome: object) -> None:
        self.running = False
        if isinstance(outcome, ImportRecord):
            self.record = outcome

    def _remember(self, progress: ImportProgress) -> None:
        self.last = progress

    # -- worker thread ---------------------------------------------------------------------------
    def _tell(self, signal: Any, value: object) -> None:
        """Emit from the worker; when the page (and this job) is gone, stop the import instead."""
        try:
            signal.emit(value)
        except RuntimeError:
            self.cancel_event.set()

    def work(self) -> ImportRecord:
        device, manager = self.device, self.manager
        if device is not None and manager is not None and not device.prepared:
            self._tell(self.stepped, "prepare")
            device = manager.prepare(device.id).result(PREPARE_TIMEOUT_S)
            if device.volume is None or device.state == "gone":
                self._tell(self.stepped, "storage")
                device = self._storage_of(device)
                self._tell(self.moved, device)
        if device is not None and manager is not None:
            manager.set_busy(device.id, True)
        try:
            return self._copy(device)
        finally:
            if device is not None and manager is not None:
                try:
                    manager.set_busy(device.id, False)
                except UserError:  # unplugged meanwhile: nothing to mark
                    log.info("device %s left during its import", device.id)

    def _copy(self, device: DockedDevice | None) -> ImportRecord:
        evidence, actor, import_uuid = self.evidence, self.actor, self.resume
        if not import_uuid:
            assert device is not None and device.volume is not None and device.driver is not None
            from app.services.evidence import ImportSource

            self._tell(self.stepped, "plan")
            info = device.info
            assert info is not None
            planned = evidence.plan(ImportSource(volume=Path(device.volume), driver=device.driver, info=info,
                                                 label=device_label(device), source=source_label(device)), actor)
            import_uuid = planned.uuid
        self._tell(self.stepped, "copy")
        last = [0.0]

        def report(progress: ImportProgress) -> None:
            now = time.monotonic()
            if now - last[0] >= REPORT_INTERVAL_S or progress.files_done >= progress.files_total:
                last[0] = now
                self._tell(self.progressed, progress)

        return evidence.run(import_uuid, actor, progress=report, cancel=self.cancel_event)

    def _storage_of(self, device: DockedDevice) -> DockedDevice:
        """The drive a prepared protocol device came back as (same driver, same serial)."""
        assert self.manager is not None
        serials = {device.info.serial if device.info is not None else "", device.usb.serial if device.usb else ""}
        serials.discard("")
        deadline = time.monotonic() + STORAGE_WAIT_S
        while time.monotonic() < deadline and not self.cancel_event.is_set():
            for found in self.manager.devices():
                theirs = {found.info.serial if found.info is not None else "", found.usb.serial if found.usb else ""}
                if (found.id != device.id and found.prepared and found.state == "ready" and found.volume is not None
                        and type(found.driver) is type(device.driver) and (not serials or serials & theirs)):
                    return found
            time.sleep(POLL_S)
        if self.cancel_event.is_set():
            raise UserCancelled()
        raise StorageDidNotAppear()


def source_label(device: DockedDevice) -> str:
    """Where the files came from, as the import journal keeps it: the USB ids and place, or the folder."""
    usb = device.usb
    if usb is None:
        return str(device.volume)
    return f"usb {usb.ids} bus {usb.bus} addr {usb.address}"


def device_label(device: DockedDevice) -> str:
    """How the import list names the device: driver, model and serial (e.g. "执法记录仪 DSJ-A8 (JH0012)")."""
    info = device.info
    name = driver_label(device.driver) if device.driver is not None else message(device.label)
    model = info.model if info is not None else ""
    serial = info.serial if info is not None else ""
    return " ".join(p for p in (name, model) if p) + (f" ({serial})" if serial else "")


class _Runnable(QRunnable):
    def __init__(self, job: ImportJob):
        super().__init__()
        self.setAutoDelete(True)
        self._job = job

    def run(self) -> None:
        job, self._job = self._job, None  # type: ignore[assignment]
        outcome: Any
        try:
            outcome, signal = job.work(), job.succeeded
        except BaseException as exc:  # everything goes back to the UI thread, which decides
            outcome, signal = exc, job.failed
        if not shiboken6.isValid(job):
            log.info("an import ended after its window closed: %r", outcome)
            return
        try:
            signal.emit(outcome)
        except RuntimeError:
            log.info("an import ended while the application closed: %r", outcome)
