"""What the device manager shows (:class:`DockedDevice` snapshots), what it needs from the bus
(:class:`UsbBus`; :class:`SystemBus` is the real one), and its own record of a device (:class:`Entry`,
touched only on the USB thread)."""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from app.devices.base import DeviceDriver, DeviceInfo, UsbInfo, UsbLink
from app.domain.errors import UserError

log = logging.getLogger("app.devices.manager")
STATES = ("detected", "mounting", "ready", "busy", "problem", "gone")


@dataclass(frozen=True)
class DockedDevice:
    """A device (or folder) as the manager last saw it. ``state``: detected | mounting (waiting for its
    volume) | ready | busy (importing / preparing) | problem (see ``problem``) | gone (unplugged)."""

    id: str
    usb: UsbInfo | None
    driver: DeviceDriver | None
    info: DeviceInfo | None
    volume: Path | None
    state: str
    problem: UserError | None = None
    prepared: bool = False  # the driver's prepare() ran (protocol devices: storage mode, clock set)

    @property
    def label(self) -> str:
        """English driver label, else the USB product text, else the ids (the UI translates labels)."""
        if self.driver is not None and self.driver.LABEL:
            return self.driver.LABEL
        if self.usb is not None:
            return self.usb.product or self.usb.ids
        return str(self.volume or self.id)


class UsbBus(Protocol):
    """What the manager needs from the bus; unit tests pass a fake."""

    def enumerate(self) -> list[UsbInfo]: ...
    def open(self, info: UsbInfo) -> UsbLink: ...
    def volume(self, info: UsbInfo) -> Path | None: ...


class SystemBus:
    """The real bus: :mod:`app.devices.usb` and the platform's volume lookup."""

    def __init__(self, *, sysfs_root: Path | None = None, mountinfo: Path | None = None):
        self.sysfs_root = sysfs_root
        self.mountinfo = mountinfo

    def enumerate(self) -> list[UsbInfo]:
        from app.devices import usb

        return usb.enumerate(sysfs_root=self.sysfs_root)

    def open(self, info: UsbInfo) -> UsbLink:
        from app.devices import usb

        return usb.open(info)

    def volume(self, info: UsbInfo) -> Path | None:
        if sys.platform == "win32":
            from app.devices import volumes_windows

            found = volumes_windows.find_volume(info)
            return Path(str(found)) if found is not None else None
        from app.devices import volumes

        return volumes.find_volume(info, sysfs_root=self.sysfs_root or volumes.SYSFS,
                                   mountinfo=self.mountinfo or volumes.MOUNTINFO)


@dataclass(eq=False)
class Entry:
    id: str
    usb: UsbInfo | None
    driver: DeviceDriver | None
    state: str = "detected"
    info: DeviceInfo | None = None
    volume: Path | None = None
    problem: UserError | None = None
    link: Any = None
    prepared: bool = False
    waiting: bool = True  # still to be probed: advanced on every poll
    first_seen: float = 0.0
    gone_at: float = 0.0

    def succeeds(self, old: Entry, info: DeviceInfo) -> bool:
        """Whether this device is ``old`` come back (same driver class, vendor and serial)."""
        if old.info is None or old.usb is None or self.usb is None or type(old.driver) is not type(self.driver):
            return False
        same_serial = bool(info.serial and old.info.serial == info.serial) or bool(
            old.usb.serial and old.usb.serial == self.usb.serial)
        return old.usb.vendor_id == self.usb.vendor_id and same_serial

    def snapshot(self) -> DockedDevice:
        return DockedDevice(id=self.id, usb=self.usb, driver=self.driver, info=self.info, volume=self.volume,
                            state=self.state, problem=self.problem, prepared=self.prepared)


def keep_known(info: DeviceInfo, old: DeviceInfo | None) -> DeviceInfo:
    """``info`` with its empty fields filled from ``old`` (space always comes from the new volume)."""
    if old is None:
        return info
    kept: dict[str, Any] = {f.name: getattr(old, f.name) for f in dataclasses.fields(info)
                            if getattr(info, f.name) in (None, "") and f.name not in ("free_bytes", "total_bytes")}
    kept["extra"] = {**old.extra, **info.extra}
    return dataclasses.replace(info, **kept)


def execute(fn: Callable[[], Any], future: Future[Any]) -> None:
    if not future.set_running_or_notify_cancel():
        return
    try:
        result = fn()
    except BaseException as exc:
        future.set_exception(exc)
    else:
        future.set_result(result)


def safe(check: Callable[[Any], bool], arg: Any) -> bool:
    """A driver's matches/recognises; one that raises is logged and counts as "no"."""
    try:
        return bool(check(arg))
    except Exception:
        log.exception("driver check %r failed", check)
        return False
