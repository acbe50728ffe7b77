"""Generic GA/T 947-style body camera (执法记录仪) over USB mass storage.

Layout (see drivers/notes/ga947.md):
- an info file at the root, ``DEVINFO.TXT`` (or ``DEVICE.INF`` / ``DevInfo.txt``): ``key=value`` lines in
  UTF-8 or GBK, keys such as 设备编号 / 警号 / 姓名 / 单位 / 型号 (English aliases accepted);
- recordings ``DCIM/<YYYYMMDD>/<serial>_<officer>_<YYYYMMDDhhmmss>_<seq>.MP4`` (.WAV audio, .JPG
  photos); important (locked) files carry ``IMP_`` in front or ``_IMP`` before the extension, sit in a
  folder named ``IMP`` / ``IMPORTANT`` / ``重要``, or are read-only on the volume.
"""

from __future__ import annotations

import errno
import os
import re
import stat as statmod
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, ClassVar

from app.devices.base import (
    SHANGHAI,
    DeviceDriver,
    DeviceFile,
    DeviceHandler,
    DeviceInfo,
    UsbLink,
    kind_of,
    mtime,
    volume_space,
    walk_files,
)

INFO_FILES = ("DEVINFO.TXT", "DEVICE.INF", "DEVINFO.INF", "DEVINFO.INI")
IMPORTANT_FOLDERS = frozenset({"imp", "important", "重要", "重要文件"})

NAME_RE = re.compile(
    r"^(?P<imp1>IMP_)?(?P<serial>[A-Z0-9]{4,20})_(?P<officer>[A-Z0-9]{3,12})_(?P<ts>\d{14})_(?P<seq>\d{1,6})"
    r"(?P<imp2>_IMP)?\.(?P<ext>[A-Z0-9]{1,5})$",
    re.IGNORECASE,
)

# info-file keys (lower-cased) -> DeviceInfo field
INFO_KEYS: dict[str, str] = {
    "设备编号": "serial", "产品序号": "serial", "设备序列号": "serial", "序列号": "serial", "serial": "serial",
    "仪器编号": "serial", "deviceid": "serial", "device_id": "serial", "sn": "serial",
    "警号": "officer_no", "执法证号": "officer_no", "用户编号": "officer_no", "officer": "officer_no",
    "policeid": "officer_no", "police_id": "officer_no", "userid": "officer_no",
    "姓名": "officer_name", "使用人": "officer_name", "name": "officer_name", "username": "officer_name",
    "单位": "unit", "单位名称": "unit", "unit": "unit", "department": "unit",
    "型号": "model", "设备型号": "model", "仪器型号": "model", "model": "model",
}

NOTE_NOT_SCHEME = "name does not follow the GA/T 947 scheme"
NOTE_BAD_TIME = "the time in the file name is not a valid date"
NOTE_OTHER_SERIAL = "the serial in the file name differs from the device's"
NOTE_NO_INFO = "no device info file: serial taken from the file names"
NOTE_BAD_INFO = "the device info file could not be read: serial taken from the file names"


def decode_text(data: bytes) -> str:
    """Device text files: UTF-8 (with or without BOM), else GBK (GB18030 is its superset)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def parse_info(text: str) -> dict[str, str]:
    """``key=value`` (or ``key:value`` / ``key：value``) lines -> DeviceInfo field names; unknown keys
    are kept under their own name. Blank lines, ``#``/``;`` comments and ``[section]`` lines are ignored."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line[0] in "#;[":
            continue
        key, sep, value = _split_kv(line)
        if not sep:
            continue
        name = INFO_KEYS.get(key.strip().lower(), key.strip())
        if value.strip() and name not in fields:
            fields[name] = value.strip()
    return fields


def _split_kv(line: str) -> tuple[str, str, str]:
    for sep in ("=", "：", ":"):
        if sep in line:
            key, _, value = line.partition(sep)
            return key, sep, value
    return line, "", ""


def open_regular(path: Path | str) -> BinaryIO:
    """Open a device file for reading only if it is a regular file: links are not followed and a
    FIFO or device node is refused instead of blocking (raises OSError)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not statmod.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def parse_time(digits: str) -> datetime | None:
    """``YYYYMMDDhhmmss`` on the device clock -> aware Shanghai time, None when not a real date."""
    try:
        return datetime.strptime(digits, "%Y%m%d%H%M%S").replace(tzinfo=SHANGHAI)
    except ValueError:
        return None


def find_info_file(volume: Path) -> Path | None:
    try:
        names = {entry.name.upper(): entry.name for entry in os.scandir(volume) if entry.is_file()}
    except OSError:
        return None
    for candidate in INFO_FILES:
        if candidate in names:
            return Path(volume) / names[candidate]
    return None


def top_folders(volume: Path, names: set[str] | frozenset[str]) -> list[str]:
    """The folders at the volume root whose lower-case name is in ``names`` (as spelt on the volume)."""
    try:
        entries = list(os.scandir(volume))
    except OSError:
        return []
    return sorted(e.name for e in entries if e.name.lower() in names and e.is_dir(follow_symlinks=False))


def info_fields(volume: Path | None) -> tuple[Path | None, dict[str, str]]:
    """(the info file or None, its fields) of a volume; unreadable -> {}."""
    info_file = find_info_file(volume) if volume is not None else None
    return info_file, (_read_info(info_file) if info_file is not None else {})


def device_info(fields: dict[str, str], usb_serial: str, volume: Path | None, note: str = "") -> DeviceInfo:
    """A DeviceInfo from info-file fields (unknown keys go to ``extra``, with ``note`` if any)."""
    fields = dict(fields)
    serial = fields.pop("serial", "") or usb_serial
    known = {k: fields.pop(k, "") for k in ("officer_no", "officer_name", "unit", "model")}
    if note:
        fields["note"] = note
    return DeviceInfo(serial=serial, **known, extra=fields, **volume_space(volume))


class Ga947Camera(DeviceDriver):
    """A 执法记录仪 that shows up as a plain USB disk, recognised by its folder layout."""

    NAME: ClassVar[str] = "ga947"
    LABEL: ClassVar[str] = "GA/T 947 body camera (USB disk)"
    KIND: ClassVar[str] = "body_camera"
    SAMPLE: ClassVar[str] = "ga947"
    RECORD_ROOTS: ClassVar[tuple[str, ...]] = ("DCIM", "VIDEO", "RECORD", "PHOTO", "AUDIO")

    @classmethod
    def recognises(cls, volume: Path) -> bool:
        info = find_info_file(volume)
        if info is not None and _read_info(info).get("officer_no"):  # a body camera belongs to an officer
            return True
        return next(cls._scheme_names(volume, limit=50), None) is not None

    @classmethod
    def _scheme_names(cls, volume: Path, limit: int) -> Iterator[re.Match[str]]:
        """Scheme-conforming names under the record folders, looking at no more than ``limit`` files."""
        seen = 0
        for folder in top_folders(volume, {name.lower() for name in cls.RECORD_ROOTS}):
            for relpath, _st in walk_files(volume, folder):
                seen += 1
                found = NAME_RE.match(relpath.rsplit("/", 1)[-1])
                if found:
                    yield found
                if seen >= limit:
                    return

    def probe(self, link: UsbLink | None, volume: Path | None, handler: DeviceHandler, now: datetime) -> DeviceInfo:
        info_file, fields = info_fields(volume)
        note = ""
        if volume is not None and not fields.get("serial"):
            note = NOTE_BAD_INFO if info_file is not None else NOTE_NO_INFO
            found = next(self._scheme_names(volume, limit=200), None)
            if found:
                fields["serial"] = found["serial"]
                fields.setdefault("officer_no", found["officer"])
        return device_info(fields, self.usb.serial if self.usb else "", volume, note)

    def scan(self, volume: Path, info: DeviceInfo) -> Iterator[DeviceFile]:
        info_file = find_info_file(volume)
        skip = info_file.name if info_file is not None else None
        for relpath, st in walk_files(volume):
            if relpath == skip:
                continue
            yield self.describe(relpath, st, info)

    def describe(self, relpath: str, st: os.stat_result, info: DeviceInfo) -> DeviceFile:
        """One file: what its name says, or the device's serial/officer and a note when it says nothing."""
        name = relpath.rsplit("/", 1)[-1]
        folders = {part.lower() for part in relpath.split("/")[:-1]}
        locked = bool(folders & IMPORTANT_FOLDERS) or _read_only(st)
        base = {"relpath": relpath, "size": st.st_size, "modified_at": mtime(st), "kind": kind_of(name)}
        found = NAME_RE.match(name)
        if not found:
            return DeviceFile(**base, device_serial=info.serial, officer_no=info.officer_no, important=locked,
                              note=NOTE_NOT_SCHEME)
        recorded = parse_time(found["ts"])
        notes = [] if recorded is not None else [NOTE_BAD_TIME]
        serial = found["serial"]
        if info.serial and serial.upper() == info.serial.upper():
            serial = info.serial
        elif info.serial:
            notes.append(NOTE_OTHER_SERIAL)
        return DeviceFile(**base, recorded_at=recorded, device_serial=serial, officer_no=found["officer"],
                          sequence=int(found["seq"]), important=locked or bool(found["imp1"] or found["imp2"]),
                          note="; ".join(notes))


def _read_only(st: os.stat_result) -> bool:
    """FAT's read-only attribute shows as a file without write permission on the mounted volume."""
    return statmod.S_ISREG(st.st_mode) and not st.st_mode & statmod.S_IWUSR


def _read_info(path: Path) -> dict[str, str]:
    try:
        with open_regular(path) as fh:  # read-only: never write to the device
            data = fh.read(64 * 1024)
    except OSError:
        return {}
    return parse_info(decode_text(data))
