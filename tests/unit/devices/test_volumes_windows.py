"""Windows: the pure half of the volume lookup, on data recorded from a workstation (the ctypes
collector itself only runs on Windows)."""

from __future__ import annotations

import json
from pathlib import Path, PureWindowsPath

import pytest

from app.devices import volumes_windows as vw
from app.devices.base import UsbInfo

DATA = json.loads((Path(__file__).parent / "data" / "windows_volumes.json").read_text(encoding="utf-8"))
RECORDS = vw.records_from_json(DATA["volumes"])


@pytest.mark.parametrize(("instance_id", "parsed"), [
    ("USB\\VID_2B7E&PID_A002\\ZFCAM0001", (0x2B7E, 0xA002, "ZFCAM0001")),
    ("usb\\vid_0781&pid_5581\\4C530001230704105455", (0x0781, 0x5581, "4C530001230704105455")),
    ("USB\\VID_05E3&PID_0751\\5&2A6C8F1&0&3", (0x05E3, 0x0751, "")),  # no serial: Windows made one up
    ("USB\\VID_1234&PID_5678&MI_00\\6&ABC123&0&0000", (0x1234, 0x5678, "")),
    ("USBSTOR\\DISK&VEN_ZF&PROD_DSJ&REV_1.00\\ZFCAM0001&0", None),
    ("USB\\ROOT_HUB30\\4&1B2C3D4E&0&0", None),
])
def test_parse_instance_id(instance_id, parsed):
    assert vw.parse_instance_id(instance_id) == parsed


def usb(vendor, product, serial=""):
    return UsbInfo(vendor, product, 1, 5, (0x08,), serial=serial)


def test_match_by_ids_and_serial():
    assert vw.match(RECORDS, usb(0x2B7E, 0xA002, "ZFCAM0001")) == PureWindowsPath("F:\\")
    assert vw.match(RECORDS, usb(0x2B7E, 0xA002)) == PureWindowsPath("F:\\")  # the only one with those ids
    assert vw.match(RECORDS, usb(0x0781, 0x5581, "4c530001230704105455")) == PureWindowsPath("E:\\")
    assert vw.match(RECORDS, usb(0x2B7E, 0xA002, "OTHER")) is None
    assert vw.match(RECORDS, usb(0x2B7E, 0xA001, "ZFCAM0001")) is None  # protocol mode: no volume


def test_two_identical_devices_without_serial_cannot_be_told_apart():
    assert vw.match(RECORDS, usb(0x05E3, 0x0751)) is None


def test_a_disk_with_two_volumes_gives_the_first_drive():
    assert vw.match(RECORDS, usb(0x3412, 0x0001, "RT20260001")) == PureWindowsPath("J:\\")
    assert vw.match(RECORDS, usb(0x1234, 0x5678, "SN123")) == PureWindowsPath("I:\\")  # not its folder mount
    folder_only = [vw.VolumeRecord("v", ("C:\\Evidence\\cam\\",), 5, "USB\\VID_1234&PID_5678\\SN123")]
    assert vw.match(folder_only, usb(0x1234, 0x5678)) == PureWindowsPath("C:\\Evidence\\cam\\")


def test_volumes_without_drive_path_or_usb_parent_are_passed_over():
    assert all(vw.match([r], usb(0, 0)) is None for r in RECORDS[:2])


def test_instance_ids_fill_serials_where_unambiguous():
    infos = [usb(0x2B7E, 0xA001), usb(0x05E3, 0x0751), UsbInfo(0x05E3, 0x0751, 1, 6), usb(0x046D, 0xC077),
             usb(0x1234, 0x5678), usb(0x9999, 0x0001)]
    got = vw.with_instance_ids(infos, DATA["usb_instance_ids"])
    assert (got[0].serial, got[0].sysfs_path) == ("ZFCAM0001", "USB\\VID_2B7E&PID_A001\\ZFCAM0001")
    assert got[1] == infos[1] and got[2] == infos[2]  # two alike: left alone
    assert (got[3].serial, got[3].sysfs_path) == ("", "USB\\VID_046D&PID_C077\\5&2A6C8F1&0&2")
    assert got[4].serial == "SN123"  # the composite's function entry does not count as a second device
    assert got[5] == infos[5]


def test_the_collector_is_harmless_off_windows(monkeypatch):
    monkeypatch.setattr(vw.sys, "platform", "linux")
    assert vw.collect() == [] and vw.usb_instance_ids() == []
    assert vw.find_volume(usb(0x2B7E, 0xA002)) is None
