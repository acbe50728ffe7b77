"""What a device driver is: a small declared class (USB ids, interface class, the folder layout it
recognises) with a few overrides. Matching lives here once; drivers in ``drivers/`` only declare and
parse. Drivers import this module and ``app.domain.errors``, nothing else of the app.

Life of a docked device: the device manager (one USB thread) sees a USB device, picks the first
driver whose :meth:`DeviceDriver.matches` accepts it (or, for a folder given by path, whose
:meth:`DeviceDriver.recognises` accepts the folder), then on the USB thread calls :meth:`probe`
(read device info) and, before an import, :meth:`prepare` (log in, switch to storage mode, set the
clock). The import engine then calls :meth:`scan` on the mounted volume and copies what it lists.
"""

from __future__ import annotations

import os
import stat as statmod
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import ClassVar, Protocol
from zoneinfo import ZoneInfo

from app.domain.evidence import DeviceFile, DeviceInfo, MediaKind, TestResult, Verdict

__all__ = [
    "SHANGHAI", "DeviceDriver", "DeviceFile", "DeviceHandler", "DeviceInfo", "MediaKind", "TestResult",
    "UsbInfo", "UsbLink", "Verdict", "kind_of", "walk_files",
]

SHANGHAI = ZoneInfo("Asia/Shanghai")
MASS_STORAGE_CLASS = 0x08

VIDEO_EXT = frozenset({".mp4", ".mov", ".avi", ".mkv", ".3gp", ".ts", ".h264", ".h265", ".asf", ".wmv"})
AUDIO_EXT = frozenset({".wav", ".mp3", ".aac", ".amr", ".m4a", ".ogg", ".opus", ".wma", ".flac"})
IMAGE_EXT = frozenset({".jpg", ".jpeg", ".png", ".heic", ".bmp", ".tif", ".tiff", ".dng"})


def kind_of(name: str) -> MediaKind:
    """The media kind by file extension (case-insensitive)."""
    ext = os.path.splitext(name)[1].lower()
    if ext in VIDEO_EXT:
        return MediaKind.VIDEO
    if ext in AUDIO_EXT:
        return MediaKind.AUDIO
    if ext in IMAGE_EXT:
        return MediaKind.IMAGE
    return MediaKind.OTHER


@dataclass(frozen=True)
class UsbInfo:
    """A USB device as enumerated, before any driver talks to it."""

    vendor_id: int
    product_id: int
    bus: int
    address: int
    interface_classes: tuple[int, ...] = ()
    serial: str = ""  # from sysfs (Linux) / the instance id (Windows), "" when unknown
    manufacturer: str = ""
    product: str = ""
    sysfs_path: str = ""  # Linux: /sys/bus/usb/devices/1-1 resolved; Windows: the device instance id

    @property
    def key(self) -> tuple[int, int, int, int]:
        """Identity while plugged in (a re-plug gets a new address)."""
        return (self.bus, self.address, self.vendor_id, self.product_id)

    @property
    def ids(self) -> str:
        return f"{self.vendor_id:04x}:{self.product_id:04x}"


class UsbLink(Protocol):
    """An opened USB device, usable only on the USB thread (the device manager hands it to drivers)."""

    def write(self, endpoint: int, data: bytes, timeout_ms: int = 2000) -> int: ...
    def read(self, endpoint: int, size: int, timeout_ms: int = 2000) -> bytes: ...


class DeviceHandler(Protocol):
    """How a driver asks the person at the workstation (the UI or the CLI implements it).

    Texts are English sources with ``{placeholders}``, translated by the implementation like any
    user-facing message. ``ask_password`` raises ``app.domain.errors.UserCancelled`` when declined."""

    def show_message(self, text: str, /, **params: object) -> None: ...
    def ask_yes_no(self, text: str, /, **params: object) -> bool: ...
    def ask_password(self, text: str, /, **params: object) -> str: ...


class DeviceDriver:
    """Base class of every driver. Declare, then override only what differs.

    ``VENDOR_ID`` / ``PRODUCT_ID``: the USB ids this driver claims (an empty ``PRODUCT_ID`` claims every
    product of the vendors). ``INTERFACE_CLASS``: when set, the device must offer an interface of that
    class (0x08 mass storage; 0xFF vendor-specific). A driver with no ``VENDOR_ID`` is generic: it is
    chosen by :meth:`recognises` on the mounted volume when no specific driver claims the device."""

    NAME: ClassVar[str] = ""  # stable identifier stored with every import, e.g. "ga947"
    LABEL: ClassVar[str] = ""  # English; the UI translates it
    KIND: ClassVar[str] = ""  # "body_camera" | "rapid_test" | "camera" | "recorder" | "custom"
    VENDOR_ID: ClassVar[tuple[int, ...]] = ()
    PRODUCT_ID: ClassVar[tuple[int, ...]] = ()
    INTERFACE_CLASS: ClassVar[int | None] = None
    MASS_STORAGE: ClassVar[bool] = True  # files are read from a mounted volume
    WRITES_TO_DEVICE: ClassVar[bool] = False  # True only where the protocol needs it (clock, unlock)
    SAMPLE: ClassVar[str] = ""  # tests/drivers: the sample device tree the contract test runs against

    def __init__(self, usb: UsbInfo | None = None):
        self.usb = usb

    # ---- matching (never overridden for ids; override recognises for layout) ----------------------
    @classmethod
    def matches(cls, usb: UsbInfo) -> bool:
        if not cls.VENDOR_ID or usb.vendor_id not in cls.VENDOR_ID:
            return False
        if cls.PRODUCT_ID and usb.product_id not in cls.PRODUCT_ID:
            return False
        return cls.INTERFACE_CLASS is None or cls.INTERFACE_CLASS in usb.interface_classes

    @classmethod
    def recognises(cls, volume: Path) -> bool:
        """Whether a mounted volume (or a folder) has this driver's layout. Generic drivers override."""
        return False

    # ---- talking to the device (USB thread) ---------------------------------------------------------
    def probe(self, link: UsbLink | None, volume: Path | None, handler: DeviceHandler, now: datetime) -> DeviceInfo:
        """Read what the device says about itself. Default: the serial from USB, free space from the
        volume; mass-storage drivers override to read their info file."""
        return DeviceInfo(serial=self.usb.serial if self.usb else "", **volume_space(volume))

    def prepare(self, link: UsbLink | None, handler: DeviceHandler, now: datetime) -> None:
        """Make the files readable (log in, switch to storage mode, set the clock). Default: a plain
        mass-storage device is readable as docked, so nothing is sent to it."""
        return None

    # ---- reading the files ---------------------------------------------------------------------------
    def scan(self, volume: Path, info: DeviceInfo) -> Iterator[DeviceFile]:
        """Every evidence file on the volume with what its name and folder say. Default: every regular
        file, by extension, with its time on the device."""
        for relpath, st in walk_files(volume):
            yield DeviceFile(relpath=relpath, size=st.st_size, modified_at=mtime(st),
                             kind=kind_of(relpath), device_serial=info.serial, officer_no=info.officer_no)


def mtime(st: os.stat_result) -> datetime:
    """A file time as an aware Shanghai datetime (FAT keeps local time without a zone)."""
    return datetime.fromtimestamp(st.st_mtime, SHANGHAI)


def volume_space(volume: Path | None) -> dict[str, int | None]:
    if volume is None:
        return {"free_bytes": None, "total_bytes": None}
    try:
        usage = os.statvfs(volume) if hasattr(os, "statvfs") else None
    except OSError:
        return {"free_bytes": None, "total_bytes": None}
    if usage is None:
        import shutil

        total, _used, free = shutil.disk_usage(volume)
        return {"free_bytes": free, "total_bytes": total}
    return {"free_bytes": usage.f_bavail * usage.f_frsize, "total_bytes": usage.f_blocks * usage.f_frsize}


def walk_files(volume: Path, under: str = "") -> Iterator[tuple[str, os.stat_result]]:
    """(relpath, lstat) of every entry under ``volume`` that is not a directory, sorted, without
    following symbolic links (a link is listed with its own lstat: the import engine refuses it).
    Hidden system folders (System Volume Information, .Trashes, ...) are skipped."""
    root = os.fspath(volume)
    start = os.path.join(root, under) if under else root
    stack = [start]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            if entry.name in _SKIPPED_FOLDERS:
                continue
            st = entry.stat(follow_symlinks=False)
            if statmod.S_ISDIR(st.st_mode):
                subfolders.append(entry.path)
                continue
            rel = os.path.relpath(entry.path, root).replace(os.sep, "/")
            yield rel, st
        stack.extend(reversed(subfolders))


_SKIPPED_FOLDERS = frozenset({"System Volume Information", "$RECYCLE.BIN", ".Trashes", ".Spotlight-V100",
                              ".fseventsd", "LOST.DIR"})
