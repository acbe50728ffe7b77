"""Generic camera (DCIM with EXIF time and GPS) and audio recorder (recordings named by time).

See drivers/notes/camera.md for the layouts.
"""

from __future__ import annotations

import os
import re
import stat as statmod
import warnings
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import ClassVar

from app.devices.base import (
    SHANGHAI,
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
from drivers.ga947 import device_info, info_fields, open_regular, top_folders

DCF_FOLDER_RE = re.compile(r"^\d{3}(?!\d{5}$)[0-9A-Z_]{5}$", re.IGNORECASE)  # 100CANON, 101_PANA (not 20260302)
EXIF_EXT = frozenset({".jpg", ".jpeg", ".tif", ".tiff", ".dng"})
RECORDER_FOLDERS = frozenset({"record", "recorder", "voice", "rec", "录音", "mic", "recording", "recordings"})
NAME_TIME_RE = re.compile(r"(?<!\d)(\d{8})[-_ T]?(\d{6})(?!\d)")

# EXIF tags
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
DATETIME_ORIGINAL, OFFSET_TIME_ORIGINAL, DATETIME = 0x9003, 0x9011, 0x0132
GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON = 1, 2, 3, 4

NOTE_FILE_TIME = "no recording time in the file: the file time is used"
NOTE_BAD_NAME_TIME = "the time in the file name is not a valid date: the file time is used"


def exif_of(path: Path) -> tuple[datetime | None, tuple[float, float] | None]:
    """(time taken, (lat, lon)) from a photo's EXIF; (None, None) when absent or unreadable."""
    try:
        from PIL import Image

        with warnings.catch_warnings():  # Pillow warns about corrupt EXIF: it is just absent for us
            warnings.simplefilter("ignore")
            with open_regular(path) as fh, Image.open(fh) as image:  # pixel data is never decoded
                exif = image.getexif()
                sub = exif.get_ifd(EXIF_IFD)
                gps = exif.get_ifd(GPS_IFD)
    except Exception:  # any damaged file just has no EXIF for us
        return None, None
    taken = exif_time(sub.get(DATETIME_ORIGINAL) or exif.get(DATETIME), sub.get(OFFSET_TIME_ORIGINAL))
    return taken, gps_of(gps)


def exif_time(text: object, offset: object = None) -> datetime | None:
    """EXIF "YYYY:MM:DD HH:MM:SS" (+ "+08:00" offset) -> aware Shanghai time. Without an offset the
    camera clock is taken as Shanghai local time."""
    if not isinstance(text, str):
        return None
    try:
        naive = datetime.strptime(text.strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    zone = _offset(offset)
    if zone is None:
        return naive.replace(tzinfo=SHANGHAI)
    return naive.replace(tzinfo=zone).astimezone(SHANGHAI)


def _offset(text: object) -> timezone | None:
    found = re.fullmatch(r"([+-])(\d{2}):(\d{2})", text.strip("\x00 ")) if isinstance(text, str) else None
    if not found:
        return None
    delta = timedelta(hours=int(found[2]), minutes=int(found[3]))
    return timezone(-delta if found[1] == "-" else delta)


def gps_of(gps: dict) -> tuple[float, float] | None:
    """GPS IFD -> (latitude, longitude) in decimal degrees, None when missing or out of range."""
    try:
        lat = _degrees(gps[GPS_LAT]) * (-1 if str(gps.get(GPS_LAT_REF, "N")).upper().startswith("S") else 1)
        lon = _degrees(gps[GPS_LON]) * (-1 if str(gps.get(GPS_LON_REF, "E")).upper().startswith("W") else 1)
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return round(lat, 7), round(lon, 7)


def _degrees(dms: object) -> float:
    d, m, s = (float(part) for part in dms)  # type: ignore[union-attr]
    return d + m / 60 + s / 3600


def name_time(name: str) -> tuple[datetime | None, bool]:
    """(time from a name like REC20260302-101500.WAV, whether the name holds digits that look like one)."""
    found = NAME_TIME_RE.search(name)
    if not found:
        return None, False
    try:
        return datetime.strptime(found[1] + found[2], "%Y%m%d%H%M%S").replace(tzinfo=SHANGHAI), True
    except ValueError:
        return None, True


class _VolumeInfo(DeviceDriver):
    def probe(self, link: UsbLink | None, volume: Path | None, handler: DeviceHandler, now: datetime) -> DeviceInfo:
        _info_file, fields = info_fields(volume)
        return device_info(fields, self.usb.serial if self.usb else "", volume)


class GenericCamera(_VolumeInfo):
    """Any camera that keeps its pictures and clips in DCF folders (DCIM/100XXXXX)."""

    NAME: ClassVar[str] = "camera"
    LABEL: ClassVar[str] = "Camera (DCIM)"
    KIND: ClassVar[str] = "camera"
    SAMPLE: ClassVar[str] = "camera"

    @classmethod
    def recognises(cls, volume: Path) -> bool:
        try:
            dcim = next((e for e in os.scandir(volume) if e.name.upper() == "DCIM" and e.is_dir()), None)
            return dcim is not None and any(e.is_dir() and DCF_FOLDER_RE.match(e.name) for e in os.scandir(dcim.path))
        except OSError:
            return False

    def scan(self, volume: Path, info: DeviceInfo) -> Iterator[DeviceFile]:
        info_file, _fields = info_fields(volume)
        for relpath, st in walk_files(volume):
            if info_file is not None and relpath == info_file.name:
                continue
            kind = kind_of(relpath)
            taken, gps, note = None, None, ""
            if os.path.splitext(relpath)[1].lower() in EXIF_EXT and st.st_size and statmod.S_ISREG(st.st_mode):
                taken, gps = exif_of(Path(volume) / relpath)
            if taken is None and kind in (MediaKind.IMAGE, MediaKind.VIDEO, MediaKind.AUDIO):
                taken = mtime(st)
                note = NOTE_FILE_TIME if kind is MediaKind.IMAGE else ""
            yield DeviceFile(relpath=relpath, size=st.st_size, modified_at=mtime(st), kind=kind, recorded_at=taken,
                             gps=gps, device_serial=info.serial, officer_no=info.officer_no, note=note)


class AudioRecorder(_VolumeInfo):
    """A voice recorder (录音笔): RECORD/ or VOICE/ with recordings named by their start time."""

    NAME: ClassVar[str] = "recorder"
    LABEL: ClassVar[str] = "Audio recorder"
    KIND: ClassVar[str] = "recorder"
    SAMPLE: ClassVar[str] = "recorder"

    @classmethod
    def recognises(cls, volume: Path) -> bool:
        looked = 0
        for folder in top_folders(volume, RECORDER_FOLDERS):
            for relpath, _st in walk_files(volume, folder):
                if kind_of(relpath) is MediaKind.AUDIO:
                    return True
                looked += 1
                if looked >= 200:
                    return False
        return False

    def scan(self, volume: Path, info: DeviceInfo) -> Iterator[DeviceFile]:
        info_file, _fields = info_fields(volume)
        for relpath, st in walk_files(volume):
            if info_file is not None and relpath == info_file.name:
                continue
            kind = kind_of(relpath)
            taken, looked_like = name_time(relpath.rsplit("/", 1)[-1])
            note = ""
            if taken is None and kind is MediaKind.AUDIO:
                taken = mtime(st)
                note = NOTE_BAD_NAME_TIME if looked_like else NOTE_FILE_TIME
            yield DeviceFile(relpath=relpath, size=st.st_size, modified_at=mtime(st), kind=kind, recorded_at=taken,
                             device_serial=info.serial, officer_no=info.officer_no, note=note)
