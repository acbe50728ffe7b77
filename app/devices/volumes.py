"""Where a USB mass-storage device is mounted (Linux): its block devices are found under its sysfs
folder, then their mount points in the mount table. Both roots are parameters so tests run against a
fake sysfs tree and a recorded mountinfo text. Windows lives in :mod:`app.devices.volumes_windows`."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from app.devices.base import UsbInfo

SYSFS = Path("/sys")
MOUNTINFO = Path("/proc/self/mountinfo")


@dataclass(frozen=True)
class Mount:
    """One line of /proc/self/mountinfo (see proc(5))."""

    major_minor: str  # "8:17"
    root: str  # the folder of the filesystem mounted here ("/" unless a bind mount of a sub-folder)
    mount_point: str
    options: str
    fstype: str
    source: str  # "/dev/sdb1"

    @property
    def read_only(self) -> bool:
        return "ro" in self.options.split(",")


@dataclass(frozen=True)
class BlockDevice:
    name: str  # "sdb1"
    major_minor: str  # "8:17"
    disk: str  # "sdb" (itself for an unpartitioned disk)

    @property
    def path(self) -> str:
        return f"/dev/{self.name}"


_ESCAPE = re.compile(r"\\([0-7]{3})")


def unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes (\\040 ...)."""
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 8)), field)


def parse_mountinfo(text: str) -> list[Mount]:
    mounts = []
    for line in text.splitlines():
        head, sep, tail = line.partition(" - ")
        fields, rest = head.split(), tail.split()
        if not sep or len(fields) < 6 or len(rest) < 2:
            continue
        mounts.append(Mount(major_minor=fields[2], root=unescape(fields[3]), mount_point=unescape(fields[4]),
                            options=fields[5], fstype=unescape(rest[0]), source=unescape(rest[1])))
    return mounts


def read_mounts(mountinfo: Path = MOUNTINFO) -> list[Mount]:
    try:
        return parse_mountinfo(mountinfo.read_text(encoding="utf-8", errors="surrogateescape"))
    except OSError:
        return []


def block_devices(usb_sysfs_path: str | Path, sysfs_root: Path = SYSFS) -> list[BlockDevice]:
    """Disks and partitions whose sysfs folder lies under the USB device's, disks first."""
    if not usb_sysfs_path:
        return []
    under = Path(os.path.realpath(usb_sysfs_path))
    folder = sysfs_root / "class" / "block"
    if not folder.is_dir():
        folder = sysfs_root / "block"
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    found = []
    for name in names:
        real = Path(os.path.realpath(folder / name))
        if under not in real.parents:
            continue
        try:
            number = (real / "dev").read_text().strip()
        except OSError:
            continue
        disk = real.parent.name if (real / "partition").exists() else name
        found.append(BlockDevice(name=name, major_minor=number, disk=disk))
    return sorted(found, key=lambda b: (b.disk, b.name != b.disk, _natural(b.name)))


def _natural(name: str) -> tuple[str, int]:
    digits = re.search(r"(\d+)$", name)
    return (name[: digits.start()], int(digits.group(1))) if digits else (name, -1)


def mount_of(device: BlockDevice, mounts: list[Mount]) -> Mount | None:
    """Where the whole filesystem on ``device`` is mounted (bind mounts of sub-folders are passed over)."""
    for mount in mounts:
        if mount.root == "/" and (mount.major_minor == device.major_minor or mount.source == device.path):
            return mount
    return None


def find_volume(usb: UsbInfo, *, sysfs_root: Path = SYSFS, mountinfo: Path = MOUNTINFO) -> Path | None:
    """The mount point of the device's storage (its first mounted partition), or None while unmounted."""
    devices = block_devices(usb.sysfs_path, sysfs_root)
    if not devices:
        return None
    mounts = read_mounts(mountinfo)
    for device in devices:
        mount = mount_of(device, mounts)
        if mount is not None:
            return Path(mount.mount_point)
    return None


def mount_at(volume: Path, mountinfo: Path = MOUNTINFO) -> Mount | None:
    """The mount whose mount point is exactly ``volume`` (the last one wins, as in the kernel)."""
    target = os.path.realpath(volume)
    found = None
    for mount in read_mounts(mountinfo):
        if mount.mount_point == target:
            found = mount
    return found


def partitions_of(disk: str, sysfs_root: Path = SYSFS) -> list[BlockDevice]:
    """The disk itself and its partitions, by kernel name."""
    folder = Path(os.path.realpath(sysfs_root / "class" / "block" / disk))
    if not folder.exists():
        folder = Path(os.path.realpath(sysfs_root / "block" / disk))
    found = []
    try:
        number = (folder / "dev").read_text().strip()
    except OSError:
        return []
    found.append(BlockDevice(name=disk, major_minor=number, disk=disk))
    for entry in sorted(os.listdir(folder), key=_natural):
        if (folder / entry / "partition").exists():
            try:
                found.append(BlockDevice(name=entry, major_minor=(folder / entry / "dev").read_text().strip(),
                                         disk=disk))
            except OSError:
                continue
    return found


def disk_of(name: str, sysfs_root: Path = SYSFS) -> str:
    """The disk a partition belongs to ("sdb1" -> "sdb"); a disk is its own."""
    real = Path(os.path.realpath(sysfs_root / "class" / "block" / name))
    if not real.exists():
        real = Path(os.path.realpath(sysfs_root / "block" / name))
    return real.parent.name if (real / "partition").exists() else name
