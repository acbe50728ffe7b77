"""Where a USB mass-storage device is mounted (Windows), in two halves:

- :func:`collect` asks Windows (ctypes, no extra package) for every volume's drive paths and disk
  number, and for every disk its USB parent's device instance id ``USB\\VID_xxxx&PID_xxxx\\SERIAL``;
- :func:`match` is pure: it picks the volume of a :class:`UsbInfo` from such records, and is tested on
  Linux with recorded data (tests/unit/devices/data/windows_*.json).

The module imports on every platform; the collector is only called on Windows.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, replace
from pathlib import PureWindowsPath

from app.devices.base import UsbInfo

INSTANCE_RE = re.compile(r"^USB\\VID_([0-9A-F]{4})&PID_([0-9A-F]{4})(?:&MI_[0-9A-F]{2})?\\(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class VolumeRecord:
    volume: str  # "\\?\Volume{guid}\"
    paths: tuple[str, ...]  # ("E:\\",) - empty when the volume has no drive letter or folder
    disk_number: int | None
    usb_instance_id: str  # "" when the disk is not on USB


def parse_instance_id(instance_id: str) -> tuple[int, int, str] | None:
    """(vendor, product, serial) from a USB device instance id. Windows makes up an id containing "&"
    for a device without a serial number; that one is returned as serial ""."""
    found = INSTANCE_RE.match(instance_id.strip())
    if not found:
        return None
    serial = found.group(3)
    return int(found.group(1), 16), int(found.group(2), 16), "" if "&" in serial else serial


def match(records: list[VolumeRecord], usb: UsbInfo) -> PureWindowsPath | None:
    """The first drive path of the volume on ``usb``: same ids, and the same serial when it has one.
    Two devices with the same ids and no serial cannot be told apart: None (the caller asks the user
    to use "import from folder")."""
    candidates = []
    for record in records:
        parsed = parse_instance_id(record.usb_instance_id)
        if parsed is None or not record.paths:
            continue
        vendor, product, serial = parsed
        if (vendor, product) != (usb.vendor_id, usb.product_id):
            continue
        if usb.serial and serial and serial.upper() != usb.serial.upper():
            continue
        candidates.append(record)
    devices = {r.usb_instance_id.upper() for r in candidates}
    if len(devices) != 1:
        return None
    best = sorted(candidates, key=lambda r: r.paths[0])[0]
    return PureWindowsPath(best.paths[0])


def with_instance_ids(infos: list[UsbInfo], instance_ids: list[str]) -> list[UsbInfo]:
    """Fill serial and instance id (in ``sysfs_path``) where exactly one present device has those ids."""
    by_ids: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for instance_id in instance_ids:
        parsed = parse_instance_id(instance_id)
        if parsed is not None and "&MI_" not in instance_id.upper():  # a function of a composite device
            by_ids.setdefault(parsed[:2], []).append((instance_id, parsed[2]))
    counts: dict[tuple[int, int], int] = {}
    for info in infos:
        counts[(info.vendor_id, info.product_id)] = counts.get((info.vendor_id, info.product_id), 0) + 1
    out = []
    for info in infos:
        ids = (info.vendor_id, info.product_id)
        found = by_ids.get(ids, [])
        if len(found) == 1 and counts[ids] == 1:
            info = replace(info, serial=info.serial or found[0][1], sysfs_path=found[0][0])
        out.append(info)
    return out


def records_from_json(data: list[dict[str, object]]) -> list[VolumeRecord]:
    return [VolumeRecord(volume=str(d["volume"]), paths=tuple(d.get("paths", ())),  # type: ignore[arg-type]
                         disk_number=d.get("disk_number"), usb_instance_id=str(d.get("usb_instance_id", "")))
            for d in data]


def find_volume(usb: UsbInfo) -> PureWindowsPath | None:
    return match(collect(), usb)


def collect() -> list[VolumeRecord]:
    if sys.platform != "win32":
        return []
    from app.devices import _win32

    usb_of_disk = _win32.usb_parents_of_disks()
    records = []
    for volume in _win32.volumes():
        paths = tuple(_win32.volume_paths(volume))
        number = _win32.disk_number(volume.rstrip("\\"))
        records.append(VolumeRecord(volume=volume, paths=paths, disk_number=number,
                                    usb_instance_id=usb_of_disk.get(number, "") if number is not None else ""))
    return records


def usb_instance_ids() -> list[str]:
    if sys.platform != "win32":
        return []
    from app.devices import _win32

    return _win32.usb_device_ids()
