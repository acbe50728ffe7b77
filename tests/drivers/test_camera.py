"""Camera (EXIF time and GPS) and audio recorder (time in the name) edge cases."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest

from app.devices.base import SHANGHAI, DeviceInfo
from drivers.camera import (
    NOTE_FILE_TIME,
    AudioRecorder,
    GenericCamera,
    exif_of,
    exif_time,
    gps_of,
    name_time,
)
from tests.fakes.device_samples import jpeg


@pytest.mark.parametrize(("text", "offset", "expected"), [
    ("2026:03:02 10:20:30", None, datetime(2026, 3, 2, 10, 20, 30, tzinfo=SHANGHAI)),
    ("2026:03:02 10:20:30\x00", "+08:00", datetime(2026, 3, 2, 10, 20, 30, tzinfo=SHANGHAI)),
    ("2026:03:02 03:20:30", "-05:00", datetime(2026, 3, 2, 16, 20, 30, tzinfo=SHANGHAI)),
    ("2026:03:02 10:20:30", "garbage", datetime(2026, 3, 2, 10, 20, 30, tzinfo=SHANGHAI)),
    ("0000:00:00 00:00:00", None, None), ("    :  :     :  :  ", None, None), (b"2026", None, None), (None, None, None),
])
def test_exif_times(text, offset, expected):
    got = exif_time(text, offset)
    assert got == expected
    assert got is None or got.tzinfo is SHANGHAI


def test_gps_south_west_and_broken():
    assert gps_of({1: "S", 2: (33.0, 51.0, 54.0), 3: "W", 4: (151.0, 12.0, 36.0)}) == (-33.865, -151.21)
    assert gps_of({2: (31.0, 0.0, 0.0), 4: (121.0, 30.0, 0.0)}) == (31.0, 121.5)  # refs default N/E
    assert gps_of({}) is None
    assert gps_of({1: "N", 2: (95.0, 0.0, 0.0), 3: "E", 4: (1.0, 0.0, 0.0)}) is None
    assert gps_of({1: "N", 2: (1.0,), 3: "E", 4: (1.0, 0.0, 0.0)}) is None


def test_exif_of_a_real_jpeg_and_of_garbage(tmp_path):
    good = tmp_path / "a.jpg"
    good.write_bytes(jpeg("2026:03:02 10:20:30", "+08:00", gps=("S", (1.0, 30.0, 0.0), "W", (2.0, 15.0, 0.0))))
    assert exif_of(good) == (datetime(2026, 3, 2, 10, 20, 30, tzinfo=SHANGHAI), (-1.5, -2.25))
    bad = tmp_path / "b.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00MM\x00*garbage")
    assert exif_of(bad) == (None, None)
    assert exif_of(tmp_path / "missing.jpg") == (None, None)


def test_a_photo_without_exif_takes_the_file_time(tmp_path):
    (tmp_path / "DCIM/100CANON").mkdir(parents=True)
    photo = tmp_path / "DCIM/100CANON/IMG_0001.JPG"
    photo.write_bytes(jpeg())
    when = datetime(2026, 3, 1, 8, 0, tzinfo=timezone(timedelta(hours=8)))
    os.utime(photo, (when.timestamp(), when.timestamp()))
    found = next(GenericCamera().scan(tmp_path, DeviceInfo(serial="C1")))
    assert (found.recorded_at, found.note, found.gps, found.device_serial) == (when, NOTE_FILE_TIME, None, "C1")
    assert GenericCamera.recognises(tmp_path)


@pytest.mark.parametrize(("folder", "dcf"), [("100CANON", True), ("101_PANA", True), ("100MEDIA", True),
                                             ("20260302", False), ("10000001", False), ("1000", False),
                                             ("ABCDEFGH", False)])
def test_dcf_folders(tmp_path, folder, dcf):
    (tmp_path / "DCIM" / folder).mkdir(parents=True)
    assert GenericCamera.recognises(tmp_path) is dcf


@pytest.mark.parametrize(("name", "expected", "looked"), [
    ("REC20260302-101500.WAV", datetime(2026, 3, 2, 10, 15, tzinfo=SHANGHAI), True),
    ("20260302_101500.mp3", datetime(2026, 3, 2, 10, 15, tzinfo=SHANGHAI), True),
    ("录音 20260302 101500.wav", datetime(2026, 3, 2, 10, 15, tzinfo=SHANGHAI), True),
    ("20260302101500.wav", datetime(2026, 3, 2, 10, 15, tzinfo=SHANGHAI), True),
    ("REC20261340-101500.WAV", None, True), ("REC0001.WAV", None, False),
    ("120260302-101500.WAV", None, False),  # 9 digits: not a date
])
def test_recorder_names(name, expected, looked):
    assert name_time(name) == (expected, looked)


def test_a_recorder_needs_audio_in_its_folder(tmp_path):
    (tmp_path / "VOICE").mkdir()
    (tmp_path / "VOICE/readme.txt").write_text("x")
    assert not AudioRecorder.recognises(tmp_path)
    (tmp_path / "VOICE/sub").mkdir()
    (tmp_path / "VOICE/sub/a.amr").write_bytes(b"#!AMR\n")
    assert AudioRecorder.recognises(tmp_path)
    listed = {f.relpath: f for f in AudioRecorder().scan(tmp_path, DeviceInfo(serial=""))}
    assert listed["VOICE/readme.txt"].recorded_at is None and listed["VOICE/sub/a.amr"].note == NOTE_FILE_TIME
