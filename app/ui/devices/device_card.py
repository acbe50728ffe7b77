"""One docked device as a card: what it is (driver, model), its serial, the officer it belongs to,
free space, how far its clock is off (in the warning colour beyond five minutes), its state or
problem (with Retry); Import (or Resume, when an import from it stopped half-way); while importing
the progress (files, MB/s, time left) and Cancel; afterwards the outcome (copied, already imported,
refused, failed), the log, and Eject (a folder source: Remove; an unplugged device: Dismiss)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QFormLayout, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.evidence import ImportProgress, ImportRecord, ImportState
from app.ui.devices.progress_box import ProgressBox
from app.ui.evidence.labels import (
    clock_is_off,
    clock_offset_text,
    device_state_label,
    driver_label,
    message,
    size_text,
)
from app.ui.signin.style import ERROR_COLOR, OK_COLOR, set_color

if TYPE_CHECKING:
    from app.devices.manager import DockedDevice

WARNING_COLOR = "#b26a00"


def problem_text(problem: object) -> str:
    """A device problem in the current language (a UserError, or an English source)."""
    if problem is None or problem == "":
        return ""
    text = getattr(problem, "message", None)
    return str(text) if text is not None else message(str(problem))


def summary_text(record: ImportRecord) -> str:
    text = QCoreApplication.translate("DeviceCard", "Copied {copied}, already imported {duplicates}, refused {refused}, failed {failed} (of {files} "
              "files).").format(copied=record.copied, duplicates=record.duplicates, refused=record.refused,
                                failed=record.failed, files=record.files)
    if record.state is not ImportState.DONE:
        reason = message(record.stop_reason) if record.stop_reason else ""
        text += " " + (QCoreApplication.translate("DeviceCard", "Stopped: {reason}. Import again to resume where it stopped.").format(reason=reason)
                       if reason else QCoreApplication.translate("DeviceCard", "Stopped. Import again to resume where it stopped."))
    return text


class DeviceCard(QFrame):
    import_clicked = Signal(str)  # device id
    cancel_clicked = Signal(str)
    release_clicked = Signal(str)  # eject / remove / dismiss
    retry_clicked = Signal(str)
    log_clicked = Signal(object)  # ImportRecord

    def __init__(self, device: DockedDevice, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("deviceCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.device = device
        self.importing = False
        self.resumable: ImportRecord | None = None  # an unfinished import from this device
        self.record: ImportRecord | None = None  # the last import made here
        self.title = QLabel(objectName="deviceTitle", wordWrap=True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.values = {key: QLabel(objectName=f"device_{key}", wordWrap=True)
                       for key in ("serial", "officer", "space", "clock", "state")}
        self.captions = {key: QLabel() for key in self.values}
        form = QFormLayout()
        for key, value in self.values.items():
            form.addRow(self.captions[key], value)
        self.progress = ProgressBox()
        self.progress.cancel_clicked.connect(lambda: self.cancel_clicked.emit(self.device.id))
        self.summary = QLabel(objectName="importSummary", wordWrap=True)
        self.import_button = QPushButton(objectName="importDevice")
        self.retry_button = QPushButton(objectName="retryDevice")
        self.log_button = QPushButton(objectName="importLog")
        self.release_button = QPushButton(objectName="ejectDevice")
        self.import_button.clicked.connect(lambda: self.import_clicked.emit(self.device.id))
        self.retry_button.clicked.connect(lambda: self.retry_clicked.emit(self.device.id))
        self.release_button.clicked.connect(lambda: self.release_clicked.emit(self.device.id))
        self.log_button.clicked.connect(lambda: self.record is not None and self.log_clicked.emit(self.record))
        buttons = QHBoxLayout()
        for button in (self.import_button, self.retry_button, self.log_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.release_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        self.setMinimumWidth(380)
        self.setMaximumWidth(620)
        self.retranslate()

    # -- state -----------------------------------------------------------------------------------
    def set_device(self, device: DockedDevice) -> None:
        self.device = device
        self.retranslate()

    @property
    def folder(self) -> bool:
        """A folder given by path (a card reader, a volume the OS mounted): nothing to eject."""
        return self.device.usb is None

    def started(self) -> None:
        self.importing = True
        self.summary.clear()
        self.progress.start()
        self.retranslate()

    def stepped(self, name: str) -> None:
        self.progress.step(name)

    def progressed(self, p: ImportProgress) -> None:
        self.progress.show_progress(p)

    def finished(self, record: ImportRecord | None, error: str = "") -> None:
        self.importing = False
        self.progress.stop()
        if record is not None:
            self.record = record
            self.resumable = record if record.state is not ImportState.DONE else None
            self.summary.setText(summary_text(record))
            good = record.state is ImportState.DONE and not record.failed
            set_color(self.summary, OK_COLOR if good else ERROR_COLOR)
        else:
            self.summary.setText(error)
            set_color(self.summary, ERROR_COLOR)
        self.retranslate()

    def note(self, text: str, ok: bool = True) -> None:
        self.summary.setText(text)
        set_color(self.summary, OK_COLOR if ok else ERROR_COLOR)

    # -- texts -----------------------------------------------------------------------------------
    def retranslate(self) -> None:
        device, info = self.device, self.device.info
        name = driver_label(device.driver) if device.driver is not None else message(device.label)
        model = info.model if info is not None and info.model else ""
        self.title.setText(f"{name}　{model}" if model else name)
        self.title.setToolTip(str(device.volume or ""))
        captions = {"serial": self.tr("Serial:"), "officer": self.tr("Officer:"), "space": self.tr("Free space:"),
                    "clock": self.tr("Device clock:"), "state": self.tr("State:")}
        for key, caption in captions.items():
            self.captions[key].setText(caption)
        self.values["serial"].setText((info.serial if info is not None else "") or self.tr("not known"))
        officer = " ".join(p for p in ((info.officer_no, info.officer_name) if info else ()) if p)
        if info is not None and info.unit:
            officer = f"{officer}（{info.unit}）" if officer else info.unit
        self.values["officer"].setText(officer or self.tr("not recorded on the device"))
        if info is not None and info.free_bytes is not None:
            space = size_text(info.free_bytes)
            if info.total_bytes:
                space = self.tr("{free} free of {total}").format(free=space, total=size_text(info.total_bytes))
            self.values["space"].setText(space)
        else:
            self.values["space"].setText(self.tr("not known"))
        offset = info.clock_offset_s if info is not None else None
        clock, off = clock_offset_text(offset), clock_is_off(offset)
        if off:
            clock += self.tr(" — recording times will be corrected by this offset")
        self.values["clock"].setText(clock)
        self.values["clock"].setStyleSheet(f"color: {WARNING_COLOR}; font-weight: bold;" if off else "")
        problem = problem_text(device.problem)
        state = device_state_label(device.state)
        self.values["state"].setText(self.tr("{state}: {problem}").format(state=state, problem=problem) if problem
                                     else state)
        self.values["state"].setStyleSheet(f"color: {ERROR_COLOR.name()};" if device.state == "problem" else "")
        self._buttons()

    def _buttons(self) -> None:
        state, importing = self.device.state, self.importing
        if self.resumable is not None:
            self.import_button.setText(self.tr("&Resume import"))
            self.import_button.setToolTip(self.tr("Continue the stopped import: files already copied are not read "
                                                  "again"))
        else:
            self.import_button.setText(self.tr("&Import") if self.record is None else self.tr("Import &again"))
            self.import_button.setToolTip(self.tr("Copy every file of the device into the evidence store, checking "
                                                  "each by its SHA-256; files already imported are skipped"))
        self.import_button.setEnabled(state == "ready" and not importing)
        self.import_button.setVisible(state != "gone")
        self.retry_button.setText(self.tr("Re&try"))
        self.retry_button.setToolTip(self.tr("Read the device again"))
        self.retry_button.setVisible(state == "problem" and not importing)
        self.log_button.setText(self.tr("&Log…"))
        self.log_button.setVisible(self.record is not None)
        if state == "gone":
            self.release_button.setText(self.tr("&Dismiss"))
            self.release_button.setToolTip(self.tr("The device was unplugged: remove this card"))
        elif self.folder:
            self.release_button.setText(self.tr("Re&move"))
            self.release_button.setToolTip(self.tr("Stop showing this folder"))
        else:
            self.release_button.setText(self.tr("&Eject"))
            self.release_button.setToolTip(self.tr("Unmount the device so it can be unplugged safely"))
        self.release_button.setEnabled(not importing and state != "busy")

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
