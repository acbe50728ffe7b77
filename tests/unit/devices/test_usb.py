"""Enumeration from sysfs (no libusb, no device opened), descriptor parsing, and the translation of
pyusb errors into messages the user can act on."""

from __future__ import annotations

import errno
import os

import pytest

from app.devices import usb
from app.devices.base import UsbInfo
from app.devices.errors import DeviceGone, DeviceTimeout, UsbError, UsbPermissionDenied
from app.domain.messages_zh_devices import MESSAGES_ZH_DEVICES
from tests.unit.devices.fakesys import descriptors, usb_device


def test_enumerate_reads_ids_serial_and_interfaces_from_sysfs(tmp_path):
    cam = usb_device(tmp_path, "1-1", vendor=0x2B7E, product=0xA001, devnum=5, serial="ZFCAM0001",
                     manufacturer="ZF", product_name="DSJ-Z1", classes=(0xFF,))
    usb_device(tmp_path, "1-2", vendor=0x0781, product=0x5581, devnum=3, classes=(0x08,), interface_dirs=False)
    usb_device(tmp_path, "2-1.4", vendor=0x046D, product=0xC077, bus=2, devnum=9, classes=(0x03,))

    found = usb.enumerate(sysfs_root=tmp_path)

    assert [(i.bus, i.address) for i in found] == [(1, 3), (1, 5), (2, 9)]  # sorted; interfaces not listed
    cam_info = found[1]
    assert cam_info == UsbInfo(vendor_id=0x2B7E, product_id=0xA001, bus=1, address=5, interface_classes=(0xFF,),
                               serial="ZFCAM0001", manufacturer="ZF", product="DSJ-Z1",
                               sysfs_path=os.path.realpath(cam))
    assert found[0].interface_classes == (0x08,)  # from the raw descriptors when no interface folders
    assert found[0].serial == "" and found[0].product == ""


def test_a_device_that_vanishes_while_listed_is_skipped(tmp_path):
    gone = usb_device(tmp_path, "1-1", vendor=1, product=2)
    (gone / "busnum").unlink()  # unplugged between listdir and reading
    assert usb.enumerate_sysfs(tmp_path) == []


def test_interface_classes_come_from_the_first_configuration_only():
    raw = descriptors(0x2B7E, 0xA002, (0x08, 0xFF, 0x08))
    second = bytes([9, 2, 18, 0, 1, 2, 0, 0x80, 50]) + bytes([9, 4, 0, 0, 0, 0x0E, 0, 0, 0])
    assert usb.interface_classes(raw + second) == (0x08, 0xFF)
    assert usb.interface_classes(b"") == ()
    assert usb.interface_classes(bytes([0, 0, 0])) == ()  # a zero length never loops


def test_enumerate_uses_libusb_where_there_is_no_sysfs(tmp_path, monkeypatch):
    monkeypatch.setattr(usb, "enumerate_libusb", lambda: ["from libusb"])
    assert usb.enumerate(sysfs_root=tmp_path) == ["from libusb"]


class FakeUsbError(Exception):
    def __init__(self, strerror, code=None, err=None):
        super().__init__(strerror)
        self.strerror, self.backend_error_code, self.errno = strerror, code, err


INFO = UsbInfo(0x2B7E, 0xA001, 1, 5, (0xFF,), serial="ZFCAM0001")


@pytest.mark.parametrize(("code", "err", "kind", "words"), [
    (-7, errno.ETIMEDOUT, DeviceTimeout, "did not answer within 2 s"),
    (-4, errno.ENODEV, DeviceGone, "no longer connected"),
    (-5, None, DeviceGone, "no longer connected"),
    (-6, errno.EBUSY, UsbError, "in use by another program"),
    (-1, errno.EIO, UsbError, "USB error with 2b7e:a001 ZFCAM0001 (bus 1, address 5): Input/Output Error"),
])
def test_pyusb_errors_become_user_errors(code, err, kind, words):
    got = usb.translate(FakeUsbError("Input/Output Error", code, err), INFO, 2000)
    assert type(got) is kind
    assert words in got.english
    assert got.source in MESSAGES_ZH_DEVICES


def test_no_permission_names_the_udev_rule_on_linux(monkeypatch):
    monkeypatch.setattr(usb.sys, "platform", "linux")
    got = usb.translate(FakeUsbError("Access denied", -3, errno.EACCES), INFO)
    assert isinstance(got, UsbPermissionDenied)
    assert "drivers/udev/99-zhifa.rules" in got.english and "2b7e:a001 ZFCAM0001" in got.english
    assert "{rules}" in MESSAGES_ZH_DEVICES[got.source]
    monkeypatch.setattr(usb.sys, "platform", "win32")
    assert "udev" not in usb.translate(FakeUsbError("Access denied", -3, None), INFO).english


def test_the_udev_rule_file_names_the_protocol_device():
    rules = (usb.Path(__file__).resolve().parents[3] / usb.UDEV_RULES).read_text()
    line = next(x for x in rules.splitlines() if x.startswith("SUBSYSTEM"))
    assert 'ATTR{idVendor}=="2b7e"' in line and 'ATTR{idProduct}=="a001"' in line and "uaccess" in line
