"""User-defined devices: an administrator declares USB ids and a file-name pattern in settings
(app.domain.evidence.DeviceDefinition, pattern language in app.domain.device_pattern); this module
turns each definition into a declared driver class, so the device manager treats it like any other."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import ClassVar

from app.devices.base import (
    DeviceDriver,
    DeviceFile,
    DeviceHandler,
    DeviceInfo,
    MediaKind,
    UsbLink,
    kind_of,
    mtime,
    walk_files,
)
from app.domain.device_pattern import CompiledPattern, compile_pattern
from app.domain.errors import ValidationError
from app.domain.evidence import DeviceDefinition
from drivers.ga947 import device_info, info_fields

NOTE_NO_MATCH = "name does not match the device's file-name pattern"
NOTE_BAD_TIME = "the time in the file name is not a valid date"
RECOGNISE_LOOK = 200  # files looked at to recognise a folder


class UserDefinedDriver(DeviceDriver):
    """Base of the classes :func:`user_driver` builds; ``PATTERN`` and ``DEFINITION`` are set there."""

    KIND: ClassVar[str] = "custom"
    PATTERN: ClassVar[CompiledPattern | None] = None
    DEFINITION: ClassVar[DeviceDefinition | None] = None

    @classmethod
    def recognises(cls, volume: Path) -> bool:
        """A folder given by path is this device when its first files mostly match the pattern."""
        if cls.PATTERN is None:
            return False
        matched = looked = 0
        for relpath, _st in walk_files(volume):
            looked += 1
            matched += cls.PATTERN.match(relpath) is not None
            if looked >= RECOGNISE_LOOK:
                break
        return matched > 0 and matched * 2 >= looked

    def probe(self, link: UsbLink | None, volume: Path | None, handler: DeviceHandler, now: datetime) -> DeviceInfo:
        _info_file, fields = info_fields(volume)
        return device_info(fields, self.usb.serial if self.usb else "", volume)

    def scan(self, volume: Path, info: DeviceInfo) -> Iterator[DeviceFile]:
        pattern = self.PATTERN
        fallback_kind = self.DEFINITION.kind if self.DEFINITION else MediaKind.OTHER
        for relpath, st in walk_files(volume):
            kind = kind_of(relpath)
            base = {"relpath": relpath, "size": st.st_size, "modified_at": mtime(st)}
            fields = pattern.match(relpath) if pattern is not None else None
            if fields is None:
                yield DeviceFile(**base, kind=kind, device_serial=info.serial, officer_no=info.officer_no,
                                 note=NOTE_NO_MATCH)
                continue
            if kind is MediaKind.OTHER:  # the definition says what its files are when the extension does not
                kind = fallback_kind
            recorded = fields["recorded_at"]
            bad_time = recorded is None and ("datetime" in fields or {"date", "time"} <= fields.keys())
            yield DeviceFile(**base, kind=kind, recorded_at=recorded,  # type: ignore[arg-type]
                             device_serial=str(fields.get("serial") or info.serial),
                             officer_no=str(fields.get("officer") or info.officer_no),
                             sequence=fields["sequence"],  # type: ignore[arg-type]
                             note=NOTE_BAD_TIME if bad_time else "")


def user_driver(defn: DeviceDefinition) -> type[DeviceDriver]:
    """A declared driver class for an administrator's device definition; a bad pattern or bad ids raise
    ValidationError (the settings page shows it)."""
    pattern = compile_pattern(defn.pattern)
    if not 0 <= defn.vendor_id <= 0xFFFF:
        raise ValidationError("{field}: a USB id is a number from 0000 to FFFF (hexadecimal)", field="vendor id",
                              rule="usb_id")
    if defn.product_id is not None and not 0 <= defn.product_id <= 0xFFFF:
        raise ValidationError("{field}: a USB id is a number from 0000 to FFFF (hexadecimal)", field="product id",
                              rule="usb_id")
    attrs = {
        "NAME": f"custom:{defn.uuid}",
        "LABEL": defn.name,
        "KIND": "custom",
        "VENDOR_ID": (defn.vendor_id,),
        "PRODUCT_ID": (defn.product_id,) if defn.product_id is not None else (),
        "PATTERN": pattern,
        "DEFINITION": defn,
        "__doc__": f"User-defined device {defn.name!r} ({pattern.text}).",
    }
    return type(f"UserDefined_{defn.uuid.replace('-', '')[:12]}", (UserDefinedDriver,), attrs)
